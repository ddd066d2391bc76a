"""Encrypted backup of a whole vault (docs/backup-format.md): one age file, written and
read back like an export.

What goes in, as a standard tar stream (POSIX pax) inside age v1::

    keyslot.json, keyslot.bak.json      the passphrase key slots (Argon2id-protected)
    recovery.json, recovery.bak.json    the HQ recovery slot, when there is one
    vault.db                            a consistent copy through SQLCipher's backup API,
                                        still encrypted with the vault's own key
    media/<32 hex>.nam                  every media file, as stored (encrypted)
    nam-backup.json                     the manifest, last: sizes and SHA-256 of the above

Every file in the archive is already ciphertext: age hides even how many there are and
how large. The archive is encrypted to the HQ recipients of the pinned key card and,
when the interviewer chose a backup passphrase, also to a new X25519 identity stored
beside it as ``<name>.key.age`` (age scrypt: age allows an scrypt stanza only alone in a
file). Either HQ's identity or that passphrase opens it; the vault inside still needs its
own passphrase, or HQ's recovery slot.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import secrets
import tarfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import pyrage

from nam_desktop.core import fileio, storage_errors
from nam_desktop.core.clock import Clock, iso, utc_now
from nam_desktop.core.crypto.age_writer import AgeWriter
from nam_desktop.core.crypto.kdf import check_new_passphrase
from nam_desktop.core.errors import NamError, NoSpaceError, Status
from nam_desktop.core.exchange import destination as dest_mod
from nam_desktop.core.exchange.errors import ExchangeError
from nam_desktop.core.exchange.keycard import current_keycard
from nam_desktop.core.vault.vault import DB_NAME, KEYSLOT_NAMES, MEDIA_DIR, RECOVERY_NAMES, Vault

FORMAT = "nam-backup"
VERSION = 1
MANIFEST = "nam-backup.json"
KEY_SUFFIX = ".key.age"
BLOCK = 512
RECORD = 20 * BLOCK  # what tar pads the end to
READ = 1024 * 1024
TEMP_PREFIX = ".nam-backup-"


class BackupReason(Enum):
    NO_RECIPIENT = "no_recipient"  # no key card and no backup passphrase
    DEST_MISSING = "dest_missing"
    DEST_READ_ONLY = "dest_read_only"
    DEST_INSIDE_VAULT = "dest_inside_vault"
    SOURCE_CHANGED = "source_changed"  # a media file went away while it was copied
    WRITE_FAILED = "write_failed"
    READBACK_MISMATCH = "readback_mismatch"
    CANCELLED = "cancelled"
    NOT_A_BACKUP = "not_a_backup"  # restore: not our archive, or altered
    DAMAGED = "damaged"  # restore: age authentication failed
    TRUNCATED = "truncated"  # restore: cut short (a missing part?)
    NO_IDENTITY = "no_identity"  # restore: neither the identity nor the key file fits
    TARGET_NOT_EMPTY = "target_not_empty"


_STATUS = {
    BackupReason.NO_RECIPIENT: Status.NOT_READY,
    BackupReason.DEST_MISSING: Status.NOT_FOUND,
    BackupReason.DEST_READ_ONLY: Status.PERMISSION_DENIED,
    BackupReason.DEST_INSIDE_VAULT: Status.INVALID_INPUT,
    BackupReason.SOURCE_CHANGED: Status.MEDIA_MISSING,
    BackupReason.WRITE_FAILED: Status.IO_ERROR,
    BackupReason.READBACK_MISMATCH: Status.MEDIA_DAMAGED,
    BackupReason.CANCELLED: Status.NOT_READY,
    BackupReason.NOT_A_BACKUP: Status.REJECTED,  # a check failed: exit 1, like bundles
    BackupReason.DAMAGED: Status.REJECTED,
    BackupReason.TRUNCATED: Status.REJECTED,
    BackupReason.NO_IDENTITY: Status.PERMISSION_DENIED,
    BackupReason.TARGET_NOT_EMPTY: Status.VAULT_EXISTS,
}


class BackupError(NamError):
    """A backup or restore refused or failed; nothing was left behind."""

    def __init__(self, reason: BackupReason, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value,
                         status=_STATUS[reason])
        self.reason = reason


@dataclass(frozen=True)
class BackupResult:
    backup_id: str
    paths: list[Path]  # the age file, or its parts (.age.001, ...)
    key_path: Path | None  # <name>.key.age: the identity under the backup passphrase
    size: int
    sha256: str  # of the age file (all parts concatenated), read back from the drive
    files: int  # files in the archive, the manifest not counted
    media_files: int
    hq_recipients: int


@dataclass(frozen=True)
class _Member:
    name: str
    size: int
    path: Path | None = None
    data: bytes = b""


def tar_header(name: str, size: int, mtime: int) -> bytes:
    """A POSIX (pax) header block for a private regular file, as tar writes it."""
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = mtime
    info.mode = 0o600
    info.type = tarfile.REGTYPE
    return info.tobuf(tarfile.PAX_FORMAT, "utf-8", "strict")


def _padding(size: int) -> bytes:
    return bytes(-size % BLOCK)


def _snapshot(vault: Vault, tmp_db: Path) -> list[_Member]:
    """What is backed up, taken at one moment: the database copy, the slot files and the
    media files the copy refers to. Under the vault's mutex (``reading``): no write of
    this program lands in between; other programs are kept out by the vault's lock."""
    members: list[_Member] = []
    with vault.reading() as c:
        vault.copy_database(tmp_db)
        media = [str(r[0]) for r in c.execute("SELECT id FROM media_files ORDER BY id")]
        for name in (*KEYSLOT_NAMES, *RECOVERY_NAMES):
            try:
                with fileio.open_read(vault.folder / name) as fh:
                    data = fh.read(1024 * 1024)
            except FileNotFoundError:
                continue
            members.append(_Member(name, len(data), data=data))
    members.append(_Member(DB_NAME, tmp_db.stat().st_size, path=tmp_db))
    for media_id in media:
        path = vault.media.folder / f"{media_id}.nam"
        try:
            size = path.stat().st_size
        except FileNotFoundError as exc:
            raise BackupError(BackupReason.SOURCE_CHANGED, f"media file {media_id} is missing "
                              "(run `vault check`)") from exc
        members.append(_Member(f"{MEDIA_DIR}/{media_id}.nam", size, path=path))
    return members


class _Counter:
    def __init__(self, total: int, progress: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled

    def add(self, n: int) -> None:
        self.done += n
        if self._cancelled is not None and self._cancelled():
            raise BackupError(BackupReason.CANCELLED)
        if self._progress is not None:
            self._progress(self.done, self.total)


def _stream(age: AgeWriter, members: list[_Member], manifest: dict[str, Any], mtime: int,
            counter: _Counter) -> None:
    listed: list[dict[str, Any]] = []
    for m in members:
        age.write(tar_header(m.name, m.size, mtime))
        sha = hashlib.sha256()
        if m.path is None:
            sha.update(m.data)
            age.write(m.data)
            counter.add(m.size)
        else:
            left = m.size
            try:
                with fileio.open_read(m.path, buffering=0) as fh:
                    while left:
                        chunk = fh.read(min(READ, left))
                        if not chunk:
                            break
                        sha.update(chunk)
                        age.write(chunk)
                        left -= len(chunk)
                        counter.add(len(chunk))
            except FileNotFoundError as exc:
                raise BackupError(BackupReason.SOURCE_CHANGED, m.name) from exc
            if left:
                raise BackupError(BackupReason.SOURCE_CHANGED, f"{m.name} became shorter")
        age.write(_padding(m.size))
        listed.append({"name": m.name, "size": m.size, "sha256": sha.hexdigest()})
    manifest["members"] = listed
    data = (json.dumps(manifest, sort_keys=True, ensure_ascii=True, indent=1) + "\n").encode()
    age.write(tar_header(MANIFEST, len(data), mtime) + data + _padding(len(data)))
    end = 2 * BLOCK
    written = sum(BLOCK + m.size + len(_padding(m.size)) for m in members) \
        + BLOCK + len(data) + len(_padding(len(data))) + end
    age.write(bytes(end + (-written % RECORD)))


def remove_stale_copies(folder: Path) -> int:
    """Database copies a killed backup left in the vault folder (encrypted like the
    vault itself): removed at the next backup."""
    count = 0
    for path in folder.glob(f"{TEMP_PREFIX}*.tmp"):
        with contextlib.suppress(OSError):
            fileio.remove(path)
            count += 1
    return count


def backup_vault(vault: Vault, dest: Path, *, passphrase: str | None = None,
                 part_size: int | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 space: Callable[[Path], dest_mod.SpaceInfo] | None = None,
                 clock: Clock = utc_now) -> BackupResult:
    """Write the vault as one age file into ``dest`` (FAT: parts below 4 GiB), read it back
    from the drive and compare. On any failure nothing is left in ``dest``."""
    dest = Path(dest)
    card = current_keycard(vault) if vault.role == "interviewer" else None
    recipients = list(card.recipients) if card is not None else []
    identity = None
    if passphrase is not None:
        check_new_passphrase(passphrase)
        identity = pyrage.x25519.Identity.generate()
        recipients.append(str(identity.to_public()))
    if not recipients:
        raise BackupError(BackupReason.NO_RECIPIENT,
                          "no HQ key card: give the backup a passphrase")
    if not dest.is_dir():
        raise BackupError(BackupReason.DEST_MISSING, str(dest))
    if dest.resolve().is_relative_to(vault.folder.resolve()):
        raise BackupError(BackupReason.DEST_INSIDE_VAULT, str(dest))
    remove_stale_copies(vault.folder)
    tmp_db = vault.folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}.db.tmp"
    writer: dest_mod.PartWriter | None = None
    key_path: Path | None = None
    try:
        members = _snapshot(vault, tmp_db)
        total = sum(m.size for m in members)
        estimate = total + BLOCK * (len(members) + 4) + RECORD
        estimate += estimate // 4096 + (64 * 1024 if identity else 0) + 1024 * 1024
        info = (space or dest_mod.space_info)(dest)
        if info.read_only:
            raise BackupError(BackupReason.DEST_READ_ONLY, str(dest))
        if info.free < estimate:
            raise NoSpaceError(str(dest), needed=estimate, free=info.free)
        size_of_part = part_size if part_size is not None \
            else dest_mod.part_size_for(info.filesystem)
        now = clock()
        backup_id = str(uuid.uuid4())
        with vault.reading():
            manifest: dict[str, Any] = {
                "format": FORMAT, "version": VERSION, "backup_id": backup_id,
                "created_at": iso(now), "vault_id": vault.vault_id, "role": vault.role,
                "device_fingerprint": vault.device.fingerprint,
                "audit": {"entries": int(vault.conn.execute(
                    "SELECT count(*) FROM audit_log").fetchone()[0]),
                    "head": vault.audit.head()}}
        writer = dest_mod.PartWriter(dest, part_size=size_of_part)
        try:
            age = AgeWriter(writer, recipients)
            _stream(age, members, manifest, int(now.timestamp()),
                    _Counter(total, progress, cancelled))
            age.finish()
        except BaseException:
            writer.drain()
            if writer.error is not None and not isinstance(writer.error, ValueError):
                _raise_write(writer.error)
            raise
        writer.drain()
        if writer.error is not None:
            _raise_write(writer.error)
        paths = _complete(writer)
        readback, size = dest_mod.read_back_sha256(paths)
        if (readback, size) != (writer.sha256, writer.size):
            raise BackupError(BackupReason.READBACK_MISMATCH, paths[0].name)
        if identity is not None:
            assert passphrase is not None  # noqa: S101  # identity exists only with one
            key_path = dest / f"{writer.stem}{KEY_SUFFIX}"
            _write_key(key_path, str(identity), passphrase)
        with vault.transaction():
            vault.audit.append("vault.backup", backup_id, sha256=writer.sha256, size=size,
                               files=len(members), hq_recipients=len(recipients) - bool(
                                   identity), passphrase=identity is not None)
    except BaseException as exc:
        if writer is not None:
            writer.discard()
        if key_path is not None:
            with contextlib.suppress(OSError):
                fileio.remove(key_path)
        if storage_errors.caused_by_no_space(exc) and not isinstance(exc, NoSpaceError):
            raise NoSpaceError(str(dest)) from exc
        if isinstance(exc, OSError):
            raise storage_errors.os_error(exc, vault.folder) from exc
        raise
    finally:
        with contextlib.suppress(OSError):
            fileio.remove(tmp_db)
    media_count = sum(m.name.startswith(MEDIA_DIR + "/") for m in members)
    return BackupResult(backup_id, paths, key_path, size, writer.sha256, len(members),
                        media_count, len(recipients) - (identity is not None))


def _raise_write(error: BaseException) -> None:
    if storage_errors.is_no_space(error):
        raise error
    detail = getattr(error, "strerror", None) or type(error).__name__
    raise BackupError(BackupReason.WRITE_FAILED, str(detail)) from error


def _complete(writer: dest_mod.PartWriter) -> list[Path]:
    try:
        return writer.complete()
    except ExchangeError as exc:
        raise BackupError(BackupReason.WRITE_FAILED, exc.detail) from exc


def _write_key(path: Path, identity: str, passphrase: str) -> None:
    """The backup's identity as an age scrypt file, written, synced and read back."""
    data = pyrage.passphrase.encrypt(f"{identity}\n".encode("ascii"), passphrase)
    fileio.atomic_write(path, data)
    with fileio.open_read(path) as fh:
        if fh.read(len(data) + 1) != data:
            raise BackupError(BackupReason.READBACK_MISMATCH, path.name)
