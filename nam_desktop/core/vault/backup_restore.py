"""Restoring a vault backup (docs/backup-format.md) into a new folder.

The age file is decrypted on this thread; the tar stream inside is parsed on another
(:class:`~nam_desktop.core.io_direct.BlockPump`), strictly: only what
:mod:`~nam_desktop.core.vault.backup` writes is accepted (regular files with the known
names, pax records for path and size, the manifest last, zero padding), each file is
written under its own name in the new folder and hashed on the way, and the manifest
must list exactly what arrived. The files hold ciphertext only (key slots, the SQLCipher
database, encrypted media), so nothing readable reaches the disk even before the last
age chunk is authenticated; on any failure everything written is removed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import tarfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import pyrage

from nam_desktop.core import fileio, storage_errors
from nam_desktop.core.crypto import age_reader
from nam_desktop.core.crypto.keyslot import KeySlot
from nam_desktop.core.errors import (
    AwaitingRecoveryError,
    KeySlotDamagedError,
    NamError,
    WrongPassphraseError,
)
from nam_desktop.core.exchange import destination as dest_mod
from nam_desktop.core.exchange.hq_import import PartsReader
from nam_desktop.core.io_direct import BlockPump
from nam_desktop.core.vault.backup import (
    BLOCK,
    FORMAT,
    KEY_SUFFIX,
    MANIFEST,
    VERSION,
    BackupError,
    BackupReason,
)
from nam_desktop.core.vault.recovery_format import RecoveryError, RecoverySlot
from nam_desktop.core.vault.vault import (
    DB_NAME,
    KEYSLOT_NAMES,
    MEDIA_DIR,
    RECOVERY_NAMES,
    refuse_unusable,
)

_MEDIA_NAME = re.compile(rf"^{MEDIA_DIR}/[0-9a-f]{{32}}\.nam$")
_SMALL = {*KEYSLOT_NAMES, *RECOVERY_NAMES}
MAX_SMALL = 1024 * 1024
MAX_MANIFEST = 16 * 1024 * 1024
MAX_PAX = 64 * 1024
_PAX_IGNORED = {"mtime", "atime", "ctime", "uid", "gid", "uname", "gname"}
_AGE_REASONS = {"not_age": BackupReason.NOT_A_BACKUP, "malformed": BackupReason.NOT_A_BACKUP,
                "no_identity": BackupReason.NO_IDENTITY, "damaged": BackupReason.DAMAGED,
                "truncated": BackupReason.TRUNCATED}


def _bad(detail: str) -> BackupError:
    return BackupError(BackupReason.NOT_A_BACKUP, detail)


@dataclass(frozen=True)
class RestoreResult:
    target: Path
    backup_id: str
    created_at: str
    vault_id: str
    role: str
    device_fingerprint: str
    audit_entries: int
    audit_head: str
    files: int
    size: int
    awaiting_recovery: bool  # backed up in travel mode: only HQ's recovery opens it


def backup_files(path: Path) -> tuple[list[Path], Path]:
    """(the age file or all its parts, the key file's path) for any of them, the key
    file included."""
    path = Path(path)
    if path.name.endswith(KEY_SUFFIX):
        whole = path.with_name(path.name[:-len(KEY_SUFFIX)] + dest_mod.SUFFIX)
        first = whole if whole.exists() else whole.with_name(whole.name + ".001")
    else:
        first = path
    parts = dest_mod.bundle_parts(first)
    stem = parts[0].name.split(dest_mod.SUFFIX)[0]
    return parts, parts[0].with_name(stem + KEY_SUFFIX)


def identities_from_text(text: str) -> list[str]:
    """``AGE-SECRET-KEY-1...`` lines of an identity file (``#`` comments ignored)."""
    found = [line.strip() for line in text.splitlines()
             if line.strip().upper().startswith("AGE-SECRET-KEY-1")]
    if not found:
        raise BackupError(BackupReason.NO_IDENTITY, "no AGE-SECRET-KEY-1 line in the file")
    return found


def identities_from_passphrase(key_path: Path, passphrase: str) -> list[str]:
    """The backup's own identity, from its key file (age scrypt) and passphrase."""
    try:
        with fileio.open_read(key_path) as fh:
            data = fh.read(64 * 1024)
    except FileNotFoundError as exc:
        raise BackupError(BackupReason.NO_IDENTITY,
                          f"{key_path.name} is missing: this backup has no passphrase, "
                          "or the file was not copied with it") from exc
    try:
        text = pyrage.passphrase.decrypt(data, passphrase).decode("ascii")
    except pyrage.DecryptError as exc:
        raise WrongPassphraseError("the backup passphrase does not open it") from exc
    except Exception as exc:  # pyrage raises OSError/ValueError on damaged input
        raise BackupError(BackupReason.DAMAGED, key_path.name) from exc
    return identities_from_text(text)


@dataclass
class _Written:
    name: str
    size: int
    sha256: str


@dataclass
class _TarSink:
    """Push parser of the archive; each member is written into ``target``."""

    target: Path
    created: list[Path]
    written: list[_Written] = field(default_factory=list)
    manifest: dict[str, Any] | None = None
    _buf: bytearray = field(default_factory=bytearray)
    _state: str = "header"
    _pax: dict[str, str] = field(default_factory=dict)
    _need: int = 0
    _pad: int = 0
    _name: str = ""
    _out: BinaryIO | None = None
    _sha: Any = None
    _memory: bytearray | None = None
    _pax_size: int = 0
    _member_size: int = 0

    def write(self, view: memoryview) -> None:
        data = memoryview(view)
        while data:
            if self._state == "data":
                take = min(self._need, len(data))
                self._store(data[:take])
                data = data[take:]
                self._need -= take
                if not self._need:
                    self._end_member()
                continue
            need = self._pad if self._state == "padding" else \
                self._need if self._state == "pax" else BLOCK
            take = min(need - len(self._buf), len(data))
            self._buf += data[:take]
            data = data[take:]
            if len(self._buf) == need:
                block, self._buf = bytes(self._buf), bytearray()
                self._step(block)

    def _step(self, block: bytes) -> None:
        if self._state == "padding":
            if any(block):
                raise _bad("non-zero padding")
            self._state = "header"
        elif self._state == "pax":
            self._pax = _pax_records(block[:self._pax_size])
            self._state = "header"
        elif self._state in ("end", "tail"):
            if any(block):
                raise _bad("data after the end of the archive")
            self._state = "tail"
        elif not any(block):
            if self.manifest is None:
                raise _bad("the archive ends before its manifest")
            self._state = "end"
        elif self.manifest is not None:
            raise _bad("a file after the manifest")
        else:
            self._header(block)

    def _header(self, block: bytes) -> None:
        try:
            info = tarfile.TarInfo.frombuf(block, "utf-8", "strict")
        except tarfile.TarError as exc:
            raise _bad(f"bad tar header: {exc}") from exc
        if info.type == tarfile.XHDTYPE:
            if self._pax or not 0 < info.size <= MAX_PAX:
                raise _bad("bad pax header")
            self._pax_size = info.size
            self._need = info.size + (-info.size % BLOCK)
            self._state = "pax"
            return
        if info.type not in (tarfile.REGTYPE, tarfile.AREGTYPE):
            raise _bad(f"not a regular file: type {info.type!r}")
        name = self._pax.pop("path", info.name)
        size = int(self._pax.pop("size", info.size))
        self._pax = {}
        self._open(name, size)

    def _open(self, name: str, size: int) -> None:
        if name in (w.name for w in self.written) or name == self._name:
            raise _bad(f"{name} appears twice")
        small = name in _SMALL
        if not (small or name in (DB_NAME, MANIFEST) or _MEDIA_NAME.fullmatch(name)):
            raise _bad(f"unexpected file {name!r}")
        if size < 0 or (small and size > MAX_SMALL) or (
                name == MANIFEST and size > MAX_MANIFEST):
            raise _bad(f"{name} has an impossible size")
        self._name = name
        self._need = size
        self._pad = -size % BLOCK
        self._sha = hashlib.sha256()
        if name == MANIFEST:
            self._memory = bytearray()
        else:
            path = self.target / name
            self._out = fileio.open_new(path)
            self.created.append(path)
        self._member_size = size
        if not size:
            self._end_member()
        else:
            self._state = "data"

    def _store(self, piece: memoryview) -> None:
        self._sha.update(piece)
        if self._memory is not None:
            self._memory += piece
        else:
            assert self._out is not None  # noqa: S101  # opened in _open
            self._out.write(piece)

    def _end_member(self) -> None:
        if self._memory is not None:
            self.manifest = _manifest(bytes(self._memory))
            self._memory = None
        else:
            assert self._out is not None  # noqa: S101
            fileio.sync(self._out)
            self._out.close()
            self._out = None
            self.written.append(_Written(self._name, self._member_size,
                                         self._sha.hexdigest()))
        self._state = "padding" if self._pad else "header"

    def close(self) -> None:
        if self._out is not None:
            with contextlib.suppress(OSError):
                self._out.close()
            self._out = None

    def finished(self) -> dict[str, Any]:
        if self.manifest is None or self._state not in ("end", "tail"):
            raise BackupError(BackupReason.TRUNCATED, "the archive ends early")
        listed = self.manifest["members"]
        got = [{"name": w.name, "size": w.size, "sha256": w.sha256} for w in self.written]
        if listed != got:
            raise _bad("the files do not match the manifest")
        return self.manifest


def _pax_records(data: bytes) -> dict[str, str]:
    records: dict[str, str] = {}
    pos = 0
    while pos < len(data):
        space = data.find(b" ", pos)
        try:
            length = int(data[pos:space])
        except ValueError as exc:
            raise _bad("bad pax record") from exc
        record = data[space + 1:pos + length]
        if space < 0 or length <= 0 or not record.endswith(b"\n") or b"=" not in record:
            raise _bad("bad pax record")
        key, _, value = record[:-1].decode("utf-8").partition("=")
        if key in ("path", "size"):
            records[key] = value
        elif key not in _PAX_IGNORED:
            raise _bad(f"unsupported pax record {key!r}")
        pos += length
    if "size" in records and not records["size"].isdigit():
        raise _bad("bad pax size")
    return records


def _manifest(data: bytes) -> dict[str, Any]:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _bad("the manifest is not JSON") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("version") != VERSION:
        raise _bad(f"not a {FORMAT} v{VERSION} manifest")
    for key, kind in (("backup_id", str), ("created_at", str), ("vault_id", str),
                      ("role", str), ("device_fingerprint", str), ("audit", dict),
                      ("members", list)):
        if not isinstance(doc.get(key), kind):
            raise _bad(f"manifest field {key} missing")
    return doc


def _prepare_target(target: Path) -> bool:
    """Create the target (or accept an empty folder); True when it was created here."""
    if target.exists():
        if not target.is_dir() or any(target.iterdir()):
            raise BackupError(BackupReason.TARGET_NOT_EMPTY, str(target))
        made = False
    else:
        target.mkdir(mode=0o700, parents=True)
        made = True
    (target / MEDIA_DIR).mkdir(mode=0o700, exist_ok=True)
    return made


def _check_slots(target: Path, vault_id: str) -> None:
    for name in KEYSLOT_NAMES:
        if (target / name).exists():
            with fileio.open_read(target / name) as fh:
                try:
                    slot_id = KeySlot.parse(fh.read()).vault_id
                except KeySlotDamagedError as exc:
                    raise _bad(f"{name}: {exc.detail}") from exc
            if slot_id != vault_id:
                raise _bad(f"{name} belongs to another vault")
    for name in RECOVERY_NAMES:
        if (target / name).exists():
            with fileio.open_read(target / name) as fh:
                try:
                    recovery_id = RecoverySlot.parse(fh.read()).vault_id
                except RecoveryError as exc:
                    raise _bad(f"{name}: {exc.detail}") from exc
            if recovery_id != vault_id:
                raise _bad(f"{name} belongs to another vault")


def restore_backup(backup: Path, target: Path, *, identities: list[str],
                   progress: Any = None, cancelled: Any = None) -> RestoreResult:
    """Restore the backup (any of its files) into ``target`` (new or empty) with the age
    ``identities`` (HQ's, or the backup's own from :func:`identities_from_passphrase`).
    The vault keeps its id, device key, sequence numbers and audit chain; it opens with
    its own passphrase (or, backed up in travel mode, through HQ)."""
    parts, _ = backup_files(backup)
    secrets = [age_reader.parse_identity(i) for i in identities]
    target = Path(target)
    made = _prepare_target(target)
    created: list[Path] = []
    sink = _TarSink(target, created)
    try:
        try:
            reader = PartsReader(parts, progress, cancelled)
        except OSError as exc:
            raise BackupError(BackupReason.NOT_A_BACKUP, exc.strerror or "cannot read") \
                from exc
        pump = BlockPump(sink.write, name="backup-restore")
        with reader:
            try:
                age_reader.decrypt(reader, pump, secrets)
                pump.finish()
            except age_reader.AgeError as exc:
                raise BackupError(_AGE_REASONS[exc.kind], exc.detail) from exc
            finally:
                pump.close()
                sink.close()
        manifest = sink.finished()
        _check_slots(target, str(manifest["vault_id"]))
        fileio.sync_dir(target / MEDIA_DIR)
        fileio.sync_dir(target)
        awaiting = False
        try:
            refuse_unusable(target)
        except AwaitingRecoveryError:
            awaiting = True
    except BaseException as exc:
        sink.close()
        for path in reversed(created):
            with contextlib.suppress(OSError):
                fileio.remove(path)
        with contextlib.suppress(OSError):
            (target / MEDIA_DIR).rmdir()
        if made:
            with contextlib.suppress(OSError):
                target.rmdir()
        if isinstance(exc, OSError) and not isinstance(exc, NamError):
            raise storage_errors.os_error(exc, target) from exc
        raise
    audit = manifest["audit"]
    return RestoreResult(target, str(manifest["backup_id"]), str(manifest["created_at"]),
                         str(manifest["vault_id"]), str(manifest["role"]),
                         str(manifest["device_fingerprint"]), int(audit.get("entries", 0)),
                         str(audit.get("head", "")), len(sink.written),
                         sum(w.size for w in sink.written), awaiting)
