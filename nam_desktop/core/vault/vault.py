"""The vault: a folder holding ``vault.db``, two key-slot copies, ``media/`` and a lock.

Key hierarchy (docs/architecture.md)::

    passphrase --Argon2id--> KEK --ChaCha20-Poly1305 unwrap--> master key (random, 256 bit)
    master key --HKDF-SHA256 "nam-desktop/v1/sqlcipher"--> raw SQLCipher key
    master key --HKDF-SHA256 "nam-desktop/v1/memory-seal"--> key of what a lock keeps in memory
    per media file: random 256-bit key stored in the (encrypted) database
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from nam_desktop.core import fileio, storage_errors
from nam_desktop.core.clock import Clock, iso, utc_now
from nam_desktop.core.crypto import keyslot
from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.crypto.kdf import DEFAULT_PARAMS, KdfParams, check_new_passphrase
from nam_desktop.core.errors import (
    AwaitingRecoveryError,
    DatabaseDamagedError,
    KeySlotDamagedError,
    ValidationError,
    VaultExistsError,
    VaultLockedError,
    VaultNotFoundError,
)
from nam_desktop.core.pades import device_store
from nam_desktop.core.vault import db
from nam_desktop.core.vault.audit import AuditLog, ChainVerification
from nam_desktop.core.vault.lockfile import LOCK_NAME, VaultLock
from nam_desktop.core.vault.media_store import MediaScan, MediaStore
from nam_desktop.core.vault.wal_check import check_wal

DB_NAME = "vault.db"
CANCEL_STEPS = 20_000  # SQLite steps between two questions "cancelled?" (snapshot)
MEDIA_DIR = "media"
ROLES = ("interviewer", "hq")


def derive_db_key(master_key: bytes) -> bytes:
    return _derive(master_key, b"nam-desktop/v1/sqlcipher")


def derive_seal_key(master_key: bytes) -> bytes:
    return _derive(master_key, b"nam-desktop/v1/memory-seal")


def _derive(master_key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master_key)


def is_vault(folder: Path) -> bool:
    return any((folder / name).exists() for name in (DB_NAME, *KEYSLOT_NAMES, *RECOVERY_NAMES))


KEYSLOT_NAMES = (keyslot.PRIMARY_NAME, keyslot.BACKUP_NAME)
#: The HQ recovery slot's two copies (format: docs/recovery-format.md, code:
#: core/vault/recovery.py). Named here so a folder that has only these (travel mode) is
#: recognised before anything is opened.
RECOVERY_NAMES = ("recovery.json", "recovery.bak.json")
#: What ``Vault.create`` may leave in its (new, empty) folder, removed again if it fails.
_CREATED_NAMES = (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}-journal",
                  *KEYSLOT_NAMES, LOCK_NAME)


def refuse_unusable(folder: Path, *, need_slot: bool = True) -> None:
    """Refuse, before anything is created, locked or written, a folder that is not a
    whole vault. A damaged vault folder is left exactly as it is (someone may still
    recover a file from a backup), and the message says what is wrong.

    Reads only: file names, sizes and the write-ahead log. ``need_slot=False``: the
    caller has the master key (a recovery through HQ), a missing key slot is fine.
    """
    db_path = folder / DB_NAME
    slots = [name for name in KEYSLOT_NAMES if (folder / name).exists()]
    if not db_path.exists():
        if slots:
            raise DatabaseDamagedError(
                f"{DB_NAME} is missing although the key slot is there; restore the "
                "vault folder from a backup")
        raise VaultNotFoundError(str(folder))
    if not db_path.is_file():
        raise DatabaseDamagedError(f"{DB_NAME} is not a file")
    size = db_path.stat().st_size
    if size == 0:
        raise DatabaseDamagedError(
            f"{DB_NAME} is empty (0 bytes); restore it from a backup")
    if size < db.PAGE_SIZE or size % db.PAGE_SIZE:
        raise DatabaseDamagedError(
            f"{DB_NAME} is truncated ({size} bytes, not whole {db.PAGE_SIZE}-byte pages); "
            "restore it from a backup")
    if not slots and need_slot:
        if any((folder / name).exists() for name in RECOVERY_NAMES):
            raise AwaitingRecoveryError(
                "no passphrase opens this vault (travel mode, or the key slot was removed); "
                "it is waiting for access from HQ: `nam-desktop vault recovery DIR "
                "--request FILE`, then `nam-desktop vault restore-access DIR RESPONSE`")
        raise KeySlotDamagedError(
            f"{' and '.join(KEYSLOT_NAMES)} are missing; restore them from a backup "
            "(without them the vault cannot be decrypted)")
    damage = check_wal(folder / f"{DB_NAME}-wal")
    if damage is not None:
        raise DatabaseDamagedError(f"{damage}; restore the vault folder from a backup")


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    integrity: list[str]
    chain: ChainVerification
    media_problems: list[str]
    foreign_key_problems: int
    notes: list[str] = field(default_factory=list)


class Vault:
    """An unlocked vault. Use :meth:`create` or :meth:`open`; :meth:`close` locks it.

    While it is open the vault holds its master key in memory (as SQLCipher holds the
    database key derived from it): the HQ recovery slot is re-wrapped from it when a new
    key card arrives, and a passphrase is set from it after a recovery. :meth:`close`
    overwrites it.
    """

    def __init__(
        self,
        folder: Path,
        conn: db.Connection,
        lock: VaultLock,
        slot: keyslot.KeySlot | None,
        clock: Clock,
        warnings: list[str],
        *,
        master: bytes,
        vault_id: str,
    ) -> None:
        self.folder = folder
        self._conn: db.Connection | None = conn
        self._seal_key: bytes | None = derive_seal_key(master)
        self._lock = lock
        self._slot = slot
        self._master = bytearray(master)
        self._vault_id = vault_id
        self._clock = clock
        self._mutex = threading.RLock()
        self._readers: set[db.Connection] = set()  # snapshot() connections open now
        self.warnings = warnings
        self.audit = AuditLog(conn, clock)
        self.media = MediaStore(folder / MEDIA_DIR, conn, clock)
        self.open_scan: MediaScan = MediaScan([], [])

    # ---- lifecycle -------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        folder: Path,
        passphrase: str,
        *,
        kdf: KdfParams = DEFAULT_PARAMS,
        role: str = "interviewer",
        interviewer: str = "",
        clock: Clock = utc_now,
    ) -> Vault:
        if role not in ROLES:
            raise ValidationError("role", f"must be one of {', '.join(ROLES)}")
        check_new_passphrase(passphrase)
        kdf.validate()
        folder = Path(folder)
        if folder.exists() and (is_vault(folder) or any(folder.iterdir())):
            raise VaultExistsError(str(folder))
        made_folder = not folder.exists()
        try:
            return cls._create_in(folder, passphrase, kdf, role, interviewer, clock)
        except BaseException as exc:
            # Nothing half-made stays behind: a retry must not meet VaultExistsError.
            _remove_partial(folder, remove_folder=made_folder)
            if isinstance(exc, OSError):
                raise storage_errors.os_error(exc, folder) from exc
            typed = storage_errors.database_error(exc, folder)
            if typed is not None:
                raise typed from exc
            raise

    @classmethod
    def _create_in(cls, folder: Path, passphrase: str, kdf: KdfParams, role: str,
                   interviewer: str, clock: Clock) -> Vault:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        (folder / MEDIA_DIR).mkdir(mode=0o700, exist_ok=True)
        # Permissions before the file first exists; SQLite gives -wal/-shm the same mode.
        fileio.reserve(folder / DB_NAME)
        lock = VaultLock(folder)
        lock.acquire()
        conn: db.Connection | None = None
        try:
            vault_id = str(uuid.uuid4())
            master = secrets.token_bytes(32)
            slot = keyslot.KeySlot.wrap(master, passphrase, vault_id, kdf)
            conn = db.open_database(folder / DB_NAME, derive_db_key(master))
            db.migrate(conn)
            vault = cls(folder, conn, lock, slot, clock, [], master=master,
                        vault_id=vault_id)
            with vault.transaction() as c:
                now = iso(clock())
                for key, value in (
                    ("vault_id", vault_id),
                    ("role", role),
                    ("interviewer", interviewer),
                    ("created_at", now),
                    ("keep_originals", "1"),
                ):
                    c.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))
                identity = DeviceIdentity.generate_raw()
                device = DeviceIdentity(identity)
                c.execute(
                    "INSERT INTO device_identity (id, private_key, public_key, created_at) "
                    "VALUES (1, ?, ?, ?)",
                    (identity, device.public_key, now),
                )
                vault.audit.append(
                    "vault.create", vault_id, role=role, fingerprint=device.fingerprint
                )
                # The PDF-signing key (P-256) beside the Ed25519 identity (issue 17).
                device_store.create(vault, clock=clock)
            # The key slot is written last: a folder without one is not a usable vault.
            keyslot.write_both(folder, slot)
            return vault
        except BaseException:
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()
            lock.release()
            raise

    @classmethod
    def open(cls, folder: Path, passphrase: str, *, clock: Clock = utc_now) -> Vault:
        """Unlock the vault in ``folder``. A folder that is not a whole vault is refused
        before anything in it is created or changed (:func:`refuse_unusable`)."""
        folder = Path(folder)
        refuse_unusable(folder)
        lock = VaultLock(folder)
        lock.acquire()
        try:
            slot, master, warnings = keyslot.load_and_unwrap(folder, passphrase)
        except KeySlotDamagedError as exc:
            lock.release()
            if any((folder / name).exists() for name in RECOVERY_NAMES):
                # e.g. travel mode interrupted while overwriting the last key slot
                raise AwaitingRecoveryError(f"the key slot is damaged ({exc.detail}); "
                                            "HQ can give access back") from exc
            raise
        except BaseException:
            lock.release()
            raise
        return cls._open_locked(folder, lock, slot, master, warnings, clock)

    @classmethod
    def open_with_master_key(cls, folder: Path, master: bytes, *,
                             clock: Clock = utc_now) -> Vault:
        """Open with the master key itself (a recovery through HQ, core/vault/recovery.py):
        the passphrase key slots may be gone (travel mode). A wrong key shows as a
        database that cannot be decrypted."""
        folder = Path(folder)
        refuse_unusable(folder, need_slot=False)
        lock = VaultLock(folder)
        lock.acquire()
        return cls._open_locked(folder, lock, None, master, [], clock)

    @classmethod
    def _open_locked(cls, folder: Path, lock: VaultLock, slot: keyslot.KeySlot | None,
                     master: bytes, warnings: list[str], clock: Clock) -> Vault:
        try:
            conn = db.open_database(folder / DB_NAME, derive_db_key(master), create=False)
            try:
                vault_id = slot.vault_id if slot is not None else ""
                vault = cls(folder, conn, lock, slot, clock, warnings, master=master,
                            vault_id=vault_id)
                stored = vault.meta("vault_id")
                # Before migrations write anything: is this the database of that key slot?
                if slot is not None and stored != slot.vault_id:
                    raise DatabaseDamagedError("key slot and database belong to different vaults")
                if not stored:
                    raise DatabaseDamagedError("the database names no vault id")
                vault._vault_id = stored
                db.migrate(conn)
                (folder / MEDIA_DIR).mkdir(mode=0o700, exist_ok=True)
                with vault.transaction():
                    vault.open_scan = vault.media.scan()
            except BaseException:
                conn.close()
                raise
            return vault
        except OSError as exc:
            lock.release()
            raise storage_errors.os_error(exc, folder) from exc
        except BaseException as exc:
            lock.release()
            typed = storage_errors.database_error(exc, folder)
            if typed is not None:
                raise typed from exc
            raise

    def close(self) -> None:
        """Lock the vault: close the database and release the lock file."""
        with self._mutex:
            self._seal_key = None
            for reader in self._readers:  # a long read on a worker thread stops now
                with contextlib.suppress(Exception):
                    reader.interrupt()
            if self._conn is not None:
                with contextlib.suppress(Exception):
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._conn.close()
                self._conn = None
            self._master[:] = bytes(len(self._master))
            self._lock.release()

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- database access ---------------------------------------------------------------
    @property
    def conn(self) -> db.Connection:
        if self._conn is None:
            raise VaultLockedError()
        return self._conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[db.Connection]:
        """Serialise access across threads; commit on success, roll back on error.

        A full disk, a failing drive or damaged pages come out as typed errors
        (:class:`NoSpaceError`, :class:`StorageIOError`, :class:`DatabaseDamagedError`);
        the transaction is rolled back and the database stays as it was.
        """
        with self._mutex:
            conn = self.conn
            if conn.in_transaction:  # nested: join the outer transaction
                yield conn
                return
            with self._typed_errors():
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    # SQLite has already rolled back after some errors (SQLITE_FULL).
                    if conn.in_transaction:
                        with contextlib.suppress(Exception):
                            conn.execute("ROLLBACK")
                    raise

    @contextlib.contextmanager
    def reading(self) -> Iterator[db.Connection]:
        with self._mutex, self._typed_errors():
            yield self.conn

    @contextlib.contextmanager
    def snapshot(self, cancelled: Callable[[], bool] | None = None
                 ) -> Iterator[db.Connection]:
        """A read-only connection of its own for a long read off the GUI thread (the
        whole testimony list at HQ: seconds). Its reads see the database as one snapshot
        (one read transaction) and do not hold the vault's lock on its connection, so
        the GUI thread's reads and writes go on meanwhile. Closed on leaving; a read
        still running when the vault locks, or once ``cancelled()`` is true (asked every
        few thousand SQLite steps), is interrupted: an error."""
        with self._mutex:
            if self._conn is None:
                raise VaultLockedError()
            raw_key = derive_db_key(bytes(self._master))
            with self._typed_errors():
                conn = db.open_reader(self.folder / DB_NAME, raw_key)
            self._readers.add(conn)
        def stop() -> int:  # also a statement begun after close() (interrupt missed it)
            return 1 if self._conn is None or (cancelled is not None and cancelled()) else 0

        conn.set_progress_handler(stop, CANCEL_STEPS)
        try:
            with self._typed_errors():
                conn.execute("BEGIN")
                try:
                    yield conn
                finally:
                    with contextlib.suppress(Exception):
                        conn.execute("ROLLBACK")
        finally:
            with self._mutex:
                self._readers.discard(conn)
            conn.close()

    @contextlib.contextmanager
    def _typed_errors(self) -> Iterator[None]:
        try:
            yield
        except OSError as exc:
            raise storage_errors.os_error(exc, self.folder) from exc
        except Exception as exc:
            typed = storage_errors.database_error(exc, self.folder)
            if typed is None:
                raise
            raise typed from exc

    def meta(self, key: str, default: str = "") -> str:
        with self.reading() as c:
            row = c.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def role(self) -> str:
        return self.meta("role", "interviewer")

    @property
    def vault_id(self) -> str:
        return self._vault_id

    def master_key(self) -> bytes:
        """The master key (a copy), for wrapping it again: the HQ recovery slot
        (core/vault/recovery.py) and a passphrase set after a recovery. Never stored or
        shown anywhere else."""
        with self._mutex:
            if self._conn is None:
                raise VaultLockedError()
            return bytes(self._master)

    @property
    def device(self) -> DeviceIdentity:
        with self.reading() as c:
            row = c.execute("SELECT private_key FROM device_identity WHERE id = 1").fetchone()
        if row is None:
            raise DatabaseDamagedError("device identity missing")
        return DeviceIdentity(bytes(row[0]))

    # ---- sealing: what a lock keeps in memory ------------------------------------------
    def seal(self, data: bytes) -> bytes:
        """Encrypt ``data`` (e.g. text that could not be saved when the app locked) to be
        kept in memory while the vault is locked. Only this vault, unlocked again with its
        passphrase, opens it (:meth:`unseal`); the key goes when the vault closes."""
        if self._seal_key is None:
            raise VaultLockedError()
        nonce = secrets.token_bytes(12)
        return nonce + ChaCha20Poly1305(self._seal_key).encrypt(
            nonce, data, self.vault_id.encode())

    def unseal(self, sealed: bytes) -> bytes:
        if self._seal_key is None:
            raise VaultLockedError()
        if len(sealed) < 12 + 16:
            raise ValidationError("sealed", "too short")
        try:
            return ChaCha20Poly1305(self._seal_key).decrypt(
                sealed[:12], sealed[12:], self.vault_id.encode())
        except InvalidTag as exc:
            raise ValidationError("sealed", "not sealed by this vault, or altered") from exc

    # ---- passphrase --------------------------------------------------------------------
    def change_passphrase(self, old: str, new: str, *, kdf: KdfParams | None = None) -> None:
        """Re-wrap the master key under a new passphrase; the data is not re-encrypted."""
        check_new_passphrase(new)
        if self._slot is None:  # opened through HQ: no passphrase yet
            raise KeySlotDamagedError("this vault has no passphrase yet")
        master = self._slot.unwrap(old)
        self._write_slot(keyslot.KeySlot.wrap(master, new, self.vault_id,
                                              kdf or self._slot.kdf))
        with self.transaction():
            self.audit.append("vault.passphrase_changed", self.vault_id)

    def set_new_passphrase(self, new: str, *, kdf: KdfParams = DEFAULT_PARAMS,
                           reason: str = "recovery") -> None:
        """Wrap the master key under a new passphrase without the old one (after access
        was given back by HQ: the old slots are gone or forgotten). Both copies are
        replaced, the backup first."""
        check_new_passphrase(new)
        with self._mutex:
            master = self.master_key()
            self._write_slot(keyslot.KeySlot.wrap(master, new, self.vault_id, kdf))
            with self.transaction():
                self.audit.append("vault.passphrase_set", self.vault_id, reason=reason)

    def _write_slot(self, slot: keyslot.KeySlot) -> None:
        try:
            keyslot.write_both(self.folder, slot)
        except OSError as exc:  # the old passphrase still opens the primary copy
            raise storage_errors.os_error(exc, self.folder,
                                          needed=2 * len(slot.to_bytes())) from exc
        self._slot = slot

    @property
    def has_passphrase_slot(self) -> bool:
        """False after :meth:`open_with_master_key` until a passphrase is set."""
        return self._slot is not None

    def forget_passphrase_slot(self) -> None:
        """Travel mode (core/vault/travel.py) removed the key slots: nothing here may
        write them back."""
        self._slot = None

    # ---- copies ------------------------------------------------------------------------
    def copy_database(self, target: Path) -> None:
        """A consistent copy of the open database into the new file ``target`` through
        SQLCipher's backup API (not a copy of the live WAL file), encrypted with the same
        key. Taken under the vault's mutex: no write of this program lands half-way."""
        key = derive_db_key(self.master_key())
        with self._mutex, self._typed_errors():
            db.backup_to(self.conn, target, key)

    # ---- checks ------------------------------------------------------------------------
    def check(self, *, deep_media: bool = True) -> CheckReport:
        """Integrity of the pages, the audit chain and the media files. Damage found on
        the way (e.g. a page that fails its HMAC) is reported, never raised."""
        integrity: list[str] = []
        fk = 0
        chain = ChainVerification(False, 0, "", None, "not checked: the database is damaged")
        problems: list[str] = []
        notes: list[str] = []
        with self._mutex:
            c = self.conn
            try:
                integrity += [str(r[0]) for r in c.execute("PRAGMA cipher_integrity_check")]
                integrity += [
                    str(r[0]) for r in c.execute("PRAGMA integrity_check") if r[0] != "ok"
                ]
                fk = len(c.execute("PRAGMA foreign_key_check").fetchall())
                chain = self.audit.verify()
                scan = self.media.scan(remove_orphans=False)
                notes = [f"orphan file {name}" for name in scan.orphans_removed]
                problems = (self.media.verify_all() if deep_media
                            else [f"{m}: file missing" for m in scan.missing])
            except Exception as exc:
                typed = storage_errors.database_error(exc, self.folder)
                if typed is None:
                    raise
                integrity.append(f"the check stopped: {exc}")
        ok = not integrity and chain.ok and not problems and fk == 0
        return CheckReport(ok, integrity, chain, problems, fk, notes)

    def info(self) -> dict[str, Any]:
        return {
            "vault_id": self.vault_id,
            "role": self.role,
            "fingerprint": self.device.fingerprint,
            "schema_version": db.schema_version(self.conn),
            "audit_head": self.audit.head(),
        }



def _remove_partial(folder: Path, *, remove_folder: bool) -> None:
    """Remove what a failed :meth:`Vault.create` made in its new, empty folder."""
    for name in _CREATED_NAMES:
        with contextlib.suppress(OSError):
            (folder / name).unlink()
    for tmp in folder.glob(".keyslot*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()
    with contextlib.suppress(OSError):
        (folder / MEDIA_DIR).rmdir()
    if remove_folder:
        with contextlib.suppress(OSError):
            folder.rmdir()
