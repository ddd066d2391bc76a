"""Opening the SQLCipher database safely, and the numbered migrations."""

from __future__ import annotations

import contextlib
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import sqlcipher3

from nam_desktop.core import fileio, storage_errors
from nam_desktop.core.errors import DatabaseDamagedError

Connection = Any  # sqlcipher3 ships no type information
PAGE_SIZE = 4096  # SQLCipher 4's default; the program never changes it
# Prepared statements the connection keeps for reuse (Python's default: 128). Each one
# kept holds some of the connection's small "lookaside" memory; with more than about a
# dozen kept, that memory runs out and SQLite takes small blocks from the heap instead,
# which with ``cipher_memory_security`` costs an mlock, a random wipe and an munlock each.
# FTS5's BM25 then allocates once or twice per matching row: measured on the 10,000-
# testimony search bench, 20,623 mlock calls for the most common word with 128 kept,
# 724 with 8; reading 200 testimonies took a third of the CPU time. Writes that cycle
# through more statements prepare them again (bulk add ~30% more CPU). docs/benchmarks.md.
STATEMENT_CACHE = 8


def migration_scripts() -> list[tuple[int, str]]:
    """The numbered migrations shipped in ``migrations/NNNN_name.sql``, in order."""
    folder = resources.files("nam_desktop.core.vault") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..n: {numbers}")
    return found


LATEST_VERSION = len(migration_scripts())


# macOS: fsync does not flush the drive's cache; SQLite's F_FULLFSYNC pragmas do (a
# vault on a stick pulled without ejecting keeps its acknowledged commits).
FULL_FSYNC = sys.platform == "darwin"


def open_database(path: Path, raw_key: bytes, *, create: bool = True,
                  full_fsync: bool | None = None) -> Connection:
    """Open (or, with ``create``, create) the database with a raw 256-bit key and the
    hardened settings.

    The key comes from an authenticated master key, so a failing first read means the
    file is damaged (or not ours), not a wrong passphrase; or that the disk is full or
    failing (SQLite could not create its shared-memory file), which is said as such.
    Without ``create``, a database with no tables is refused before anything is written
    to it: it is an emptied vault, not a new one. ``full_fsync`` (default: on macOS)
    turns on ``fullfsync`` and ``checkpoint_fullfsync``.
    """
    side_files = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    new_side_files = [p for p in side_files if not p.exists()]
    conn = _keyed(path, raw_key)
    try:
        try:
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlcipher3.DatabaseError as exc:
            typed = storage_errors.database_error(exc, path.parent)
            if typed is not None and not isinstance(typed, DatabaseDamagedError):
                raise typed from exc
            raise DatabaseDamagedError("the database cannot be decrypted") from exc
        if not create and not tables:
            raise DatabaseDamagedError(
                "the vault database is empty (no tables); restore it from a backup")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise DatabaseDamagedError(f"journal mode is {mode!r}, expected WAL")
        for pragma in (
            "PRAGMA foreign_keys = ON",
            "PRAGMA secure_delete = ON",
            "PRAGMA temp_store = MEMORY",
            "PRAGMA trusted_schema = OFF",
            "PRAGMA synchronous = FULL",
        ):
            conn.execute(pragma)
        if FULL_FSYNC if full_fsync is None else full_fsync:
            conn.execute("PRAGMA fullfsync = ON")
            conn.execute("PRAGMA checkpoint_fullfsync = ON")
        if conn.execute("PRAGMA foreign_keys").fetchone()[0] != 1:
            raise DatabaseDamagedError("foreign keys could not be enabled")
        if hasattr(conn, "enable_load_extension"):
            conn.enable_load_extension(False)
    except BaseException:
        conn.close()
        _remove_new_side_files(new_side_files)
        raise
    return conn


def open_reader(path: Path, raw_key: bytes) -> Connection:
    """A second, read-only connection to an open vault's database (WAL: it reads a
    snapshot and neither waits for the vault's own connection nor blocks it). Same
    memory security and key as :func:`open_database`; nothing is created or changed."""
    conn = _keyed(path, raw_key)
    try:
        for pragma in ("PRAGMA query_only = ON", "PRAGMA temp_store = MEMORY",
                       "PRAGMA trusted_schema = OFF"):
            conn.execute(pragma)
    except BaseException:
        conn.close()
        raise
    return conn


def backup_to(conn: Connection, target: Path, raw_key: bytes) -> None:
    """Copy the open database into the new file ``target`` with SQLCipher's backup API,
    keyed with the same raw key (the copy is as encrypted as the original). ``target``
    is created private and must not exist; it is removed again on failure."""
    fileio.reserve(target)  # mode 0600 before SQLite opens it; refuses an existing file
    try:
        out = _keyed(target, raw_key)
        try:
            conn.backup(out)
        finally:
            out.close()
    except BaseException:
        with contextlib.suppress(OSError):
            fileio.remove(target)
        for suffix in ("-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                fileio.remove(f"{target}{suffix}")
        raise


def _keyed(path: Path, raw_key: bytes) -> Connection:
    """A connection to ``path`` keyed with the 32-byte ``raw_key``. Memory wiping is
    turned on and SQLCipher's log silenced first: both must precede keying (else no
    wiping, and "hmac check failed" on stderr for a wrong key). Closed if keying fails."""
    if len(raw_key) != 32:
        raise ValueError("raw key must be 32 bytes")
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False,
                              cached_statements=STATEMENT_CACHE)
    try:
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(f"x'{raw_key.hex()}'")
    except BaseException:
        conn.close()
        raise
    return conn


def _remove_new_side_files(created: list[Path]) -> None:
    """After a failed open (e.g. a disk with 0 bytes free), remove the ``-wal``/``-shm``
    files SQLite created on the way, so the folder is as it was: only files this open
    created, a log only when it is empty (nothing committed), the shared-memory index
    only when no log is left. The caller holds the vault lock: no other connection."""
    for path in created:
        if path.name.endswith("-wal"):
            with contextlib.suppress(OSError):
                if path.stat().st_size == 0:
                    path.unlink()
    for path in created:
        if path.name.endswith("-shm") and not path.with_name(
                path.name[: -len("-shm")] + "-wal").exists():
            with contextlib.suppress(OSError):
                path.unlink()


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, target: int | None = None) -> int:
    """Apply pending migrations, each in its own transaction. Returns the new version."""
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise DatabaseDamagedError(
            f"database schema {current} is newer than this program ({LATEST_VERSION})"
        )
    for number, script in migration_scripts():
        if number <= current or (target is not None and number > target):
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split_sql(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(number)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        current = number
    return current


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (triggers contain ';' inside BEGIN...END)."""
    statements: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlcipher3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements


def dump_schema(conn: Connection) -> list[tuple[str, str, str]]:
    """(type, name, normalised sql) of every schema object, for comparisons."""
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    return [(t, n, " ".join(str(s).split())) for t, n, s in rows]
