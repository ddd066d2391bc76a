"""Opening the SQLCipher database safely, and the numbered migrations."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Any

import sqlcipher3

from nam_desktop.core.errors import DatabaseDamagedError

Connection = Any  # sqlcipher3 ships no type information


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


def open_database(path: Path, raw_key: bytes, *, full_fsync: bool | None = None) -> Connection:
    """Open (or create) the database with a raw 256-bit key and the hardened settings.

    The key comes from an authenticated master key, so a failing first read means the
    file is damaged (or not ours), not a wrong passphrase. ``full_fsync`` (default: on
    macOS) turns on ``fullfsync`` and ``checkpoint_fullfsync``.
    """
    if len(raw_key) != 32:
        raise ValueError("raw key must be 32 bytes")
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        # Both must precede keying: memory wiping, and no "hmac check failed" on stderr.
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(f"x'{raw_key.hex()}'")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise DatabaseDamagedError("the database cannot be decrypted") from exc
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
        raise
    return conn


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
