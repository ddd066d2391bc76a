"""Turn low-level storage failures into typed errors: a full disk, a failing drive, a
damaged database file.

Where these errors come from:

* ``OSError`` from ``os.write``/``fsync``/``replace``: ``ENOSPC`` (or ``EDQUOT``) is a full
  disk, anything else an I/O failure (stick removed, faulty drive);
* SQLCipher: ``SQLITE_FULL`` ("database or disk is full"), ``SQLITE_IOERR`` ("disk I/O
  error", also what SQLite says when it cannot even create its shared-memory file on a
  disk with 0 bytes free), ``SQLITE_CORRUPT`` / ``SQLITE_NOTADB`` (damaged pages).

A disk I/O error from SQLite is reported as a full disk when the folder has (almost) no
free space left, because that is the cause a person can do something about.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from nam_desktop.core.errors import (
    DatabaseDamagedError,
    NamError,
    NoSpaceError,
    StorageIOError,
)

# SQLite primary result codes (https://www.sqlite.org/rescode.html).
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26

#: Below this many free bytes an SQLite I/O error is taken to mean "disk full": SQLite
#: needs room for its shared-memory file (32 KiB) and a WAL frame per page it writes.
NEARLY_FULL = 1024 * 1024

_NO_SPACE_ERRNOS = frozenset(
    e for e in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if e is not None)


def free_bytes(folder: Path) -> int | None:
    """Free bytes on the file system holding ``folder`` (None when it cannot be asked)."""
    probe = Path(folder)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free
    except OSError:
        return None


def files_size(paths: list[Path]) -> int | None:
    """The total size of ``paths`` (None when one cannot be read)."""
    try:
        return sum(p.stat().st_size for p in paths)
    except OSError:
        return None


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    return code & 0xFF  # the primary code; extended codes keep it in the low byte


def is_sqlite_error(exc: BaseException) -> bool:
    return type(exc).__module__.startswith("sqlcipher3")


def is_no_space(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk is full."""
    if isinstance(exc, NoSpaceError):
        return True
    if isinstance(exc, OSError) and exc.errno in _NO_SPACE_ERRNOS:
        return True
    return is_sqlite_error(exc) and (
        _sqlite_code(exc) == SQLITE_FULL or "disk is full" in str(exc))


def caused_by_no_space(exc: BaseException) -> bool:
    """Whether ``exc`` or an error it was raised from says the disk is full (an
    ``ExchangeError(WRITE_FAILED)`` raised from ``ENOSPC``, for instance)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if is_no_space(current):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def no_space(where: Path, needed: int | None, cause: BaseException) -> NoSpaceError:
    """The NoSpaceError for an operation in ``where`` that needs ``needed`` bytes; keeps
    what the cause knew when the caller does not know better."""
    if needed is None and isinstance(cause, NoSpaceError):
        needed = cause.needed
    return NoSpaceError(str(where), needed=needed, free=free_bytes(where))


def os_error(exc: OSError, where: Path, *, needed: int | None = None) -> NamError:
    """The typed error for a failed read or write in ``where``."""
    if is_no_space(exc):
        return NoSpaceError(str(where), needed=needed, free=free_bytes(where))
    name = exc.filename if isinstance(exc.filename, str) else str(where)
    return StorageIOError(f"{name}: {exc.strerror or type(exc).__name__}")


def database_error(exc: BaseException, where: Path) -> NamError | None:
    """The typed error for an SQLCipher failure, or None when it is not a storage problem
    (constraint violations and programming errors stay what they are)."""
    if not is_sqlite_error(exc) or type(exc).__name__ == "IntegrityError":
        return None
    code = _sqlite_code(exc)
    text = str(exc)
    if code == SQLITE_FULL or "disk is full" in text:
        return NoSpaceError(str(where), free=free_bytes(where))
    if code == SQLITE_IOERR or "disk I/O error" in text:
        free = free_bytes(where)
        if free is not None and free < NEARLY_FULL:
            return NoSpaceError(str(where), free=free)
        return StorageIOError(f"{where}: disk I/O error")
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text \
            or "not a database" in text:
        return DatabaseDamagedError("the database is damaged: " + text)
    return None
