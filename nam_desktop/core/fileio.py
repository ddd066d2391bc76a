"""The one module that creates, opens, writes, syncs and replaces files of binary data.

Every writer of the app goes through here (the vault's media files, recordings, HQ
import, summaries, key cards, cleaned media, bundles, settings), so the rules of each
operating system are kept in one place:

* **Windows text mode.** ``os.open`` without ``O_BINARY`` opens a file in *text mode*:
  every ``\\n`` byte written becomes ``\\r\\n`` and a read stops at ``0x1A``. Ciphertext
  and PDFs would be corrupted. Every descriptor opened here has ``O_BINARY`` (0 elsewhere).
* **Durability.** :func:`sync` is ``fsync``; on macOS ``fsync`` does not flush the
  drive's own cache, so ``F_FULLFSYNC`` is used first (falling back to ``fsync`` on file
  systems that refuse it). Windows' ``fsync`` (``FlushFileBuffers``) needs a *writable*
  descriptor: :func:`sync_path` opens read-write. Directories are synced on POSIX only.
* **Sharing violations.** On Windows an antivirus scanner, the search indexer or a cloud
  sync client may hold a file for a moment: ``os.replace`` and ``os.unlink`` then raise
  ``PermissionError`` (WinError 5/32). :func:`replace` and :func:`remove` retry a few
  times with a short, bounded wait; elsewhere a ``PermissionError`` is real and raised.

``tests/unit/app/test_fileio_rule.py`` scans the package's source and fails on any
``os.open``/``os.fdopen``/``os.fsync``/``os.replace`` or binary ``open()`` outside this
module; ``tests/unit/app/test_fileio.py`` proves with a fake ``O_BINARY`` bit that every
writer passes it.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from nam_desktop.core.host.windows import WindowsApi

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up, issue 19)
if TYPE_CHECKING:
    from typing import BinaryIO, Literal

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

PRIVATE = 0o600
F_FULLFSYNC_DARWIN = 51  # <sys/fcntl.h>; Python's fcntl module names it on macOS only

# Windows: how long a file held by a scanner or indexer is waited for (about 1.5 s).
RETRY_DELAYS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)


class Platform:
    """What this module asks about the OS; tests change these attributes (a seam)."""

    windows: bool = os.name == "nt"
    posix: bool = os.name == "posix"
    darwin: bool = sys.platform == "darwin"
    windows_api: WindowsApi | None = None  # made when first needed


def _windows_api() -> WindowsApi:
    if Platform.windows_api is None:
        Platform.windows_api = WindowsApi()
    return Platform.windows_api


Sleep = Callable[[float], None]


def binary(flags: int) -> int:
    """``flags`` plus ``O_BINARY`` where it exists (looked up at every call)."""
    return flags | getattr(os, "O_BINARY", 0)


def open_fd(path: Path | str, flags: int, mode: int = PRIVATE) -> int:
    """``os.open`` with ``O_BINARY`` added: the only ``os.open`` of the package."""
    return os.open(path, binary(flags), mode)


def create(path: Path | str, *, readable: bool = False, mode: int = PRIVATE) -> int:
    """A new file, never an existing one (``FileExistsError``), private; its descriptor."""
    access = os.O_RDWR if readable else os.O_WRONLY
    return open_fd(path, access | os.O_CREAT | os.O_EXCL, mode)


def _wrap(fd: int, mode: Literal["rb", "wb", "r+b"], buffering: int) -> BinaryIO:
    try:
        fh = os.fdopen(fd, mode, buffering=buffering)
    except BaseException:
        os.close(fd)
        raise
    return fh


def open_new(path: Path | str, *, readable: bool = False, buffering: int = -1) -> BinaryIO:
    """:func:`create` as a binary file object (``wb``, or ``r+b`` when ``readable``)."""
    return _wrap(create(path, readable=readable), "r+b" if readable else "wb", buffering)


def open_update(path: Path | str, *, buffering: int = 0) -> BinaryIO:
    """An existing file, read and written in place (``r+b``)."""
    return _wrap(open_fd(path, os.O_RDWR), "r+b", buffering)


def open_read(path: Path | str, *, buffering: int = -1) -> BinaryIO:
    """An existing file for reading (``rb``)."""
    return _wrap(open_fd(path, os.O_RDONLY), "rb", buffering)


def open_read_raw(path: Path | str) -> io.FileIO:
    """An existing file for unbuffered reading into caller buffers (``readinto``)."""
    fd = open_fd(path, os.O_RDONLY)
    try:
        return io.FileIO(fd, "rb", closefd=True)
    except BaseException:
        os.close(fd)
        raise


def open_read_uncached(path: Path | str) -> io.FileIO | None:
    """Windows: an existing file opened so that reads come from the drive, not the file
    cache (``FILE_FLAG_NO_BUFFERING``; buffers, offsets and lengths must be multiples of
    the sector size, which page-aligned blocks of 4 KiB multiples are). None elsewhere
    (Linux and macOS switch an ordinary descriptor: :class:`~nam_desktop.core.io_direct.Direct`)
    or when Windows refuses; the caller then reads normally."""
    if not Platform.windows:
        return None
    api = _windows_api()
    try:
        handle = api.open_unbuffered(os.fspath(path))
    except OSError:
        return None
    if handle is None:
        return None
    try:
        fd = api.fd_from_handle(handle, binary(os.O_RDONLY))
    except OSError:  # the C runtime refused the handle: read through the cache instead
        api.close_handle(handle)
        return None
    except BaseException:
        api.close_handle(handle)
        raise
    try:
        return io.FileIO(fd, "rb", closefd=True)
    except BaseException:
        os.close(fd)
        raise


def open_lock_file(path: Path | str) -> int:
    """The descriptor of a lock file (created if missing, private, never truncated)."""
    return open_fd(path, os.O_RDWR | os.O_CREAT)


def reserve(path: Path | str) -> None:
    """Create the empty private file ``path``; ``FileExistsError`` if the name is taken."""
    os.close(create(path))


def ensure_private(path: Path | str) -> None:
    """Create ``path`` empty with mode 0600 if missing (before a library opens it)."""
    os.close(open_fd(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND))


def write_all(fd: int, data: bytes | bytearray | memoryview) -> None:
    """Write all of ``data`` to the descriptor (short writes continued)."""
    with memoryview(data) as view:
        while view:
            written = os.write(fd, view)
            view = view[written:]


def _fileno(target: int | BinaryIO) -> int:
    if isinstance(target, int):
        return target
    target.flush()
    return target.fileno()


def sync(target: int | BinaryIO) -> None:
    """Flush a file (descriptor or file object, flushed first) to the drive.

    macOS: ``F_FULLFSYNC`` (the drive's cache too), ``fsync`` where refused."""
    fd = _fileno(target)
    if Platform.darwin and fcntl is not None:
        try:
            fcntl.fcntl(fd, getattr(fcntl, "F_FULLFSYNC", F_FULLFSYNC_DARWIN))
            return
        except OSError:  # not supported by this file system (network, some FAT drivers)
            pass
    os.fsync(fd)


def sync_path(path: Path | str) -> None:
    """:func:`sync` a closed file by name (opened read-write: Windows needs it)."""
    fd = open_fd(path, os.O_RDWR)
    try:
        sync(fd)
    finally:
        os.close(fd)


def sync_dir(directory: Path | str) -> None:
    """Make the names created or renamed in ``directory`` durable (POSIX only: Windows
    cannot open a directory this way and commits names with the file system's log)."""
    if not Platform.posix:
        return
    fd = open_fd(directory, os.O_RDONLY)
    try:
        sync(fd)
    finally:
        os.close(fd)


def _retrying(action: Callable[[], None], sleep: Sleep) -> None:
    for delay in (*RETRY_DELAYS, None):
        try:
            action()
            return
        except PermissionError:
            if not Platform.windows or delay is None:
                raise
            sleep(delay)  # a scanner or indexer holds the file: wait a moment


def replace(src: Path | str, dst: Path | str, *, sleep: Sleep = time.sleep) -> None:
    """``os.replace``, retried briefly on a Windows sharing violation."""
    _retrying(lambda: os.replace(src, dst), sleep)


def remove(path: Path | str, *, sleep: Sleep = time.sleep) -> None:
    """Remove ``path`` (gone already is fine), retried briefly on a Windows sharing
    violation; raises the last ``OSError`` if it stays."""
    def unlink() -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
    _retrying(unlink, sleep)


def random_hex(n: int) -> str:
    """``n`` random bytes from the OS as hex: ``secrets.token_hex`` without importing
    ``secrets`` (with ``hmac``, OpenSSL's libcrypto and ``random``) at every start."""
    return os.urandom(n).hex()


def temp_name(path: Path, tag: str = "") -> Path:
    """A hidden, random temporary name beside ``path``."""
    return path.with_name(f".{path.name}.{tag}{random_hex(4)}.tmp")


def atomic_write(path: Path, data: bytes | bytearray | memoryview) -> None:
    """Replace ``path`` with ``data`` so a crash leaves either the old or the new file:
    a temp file beside it, written, synced, renamed over it, the folder synced."""
    tmp = temp_name(path)
    fd = create(tmp)
    try:
        try:
            write_all(fd, data)
            sync(fd)
        finally:
            os.close(fd)
        replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            remove(tmp)
        raise
    sync_dir(path.parent)


def write_new(path: Path, data: bytes | bytearray | memoryview) -> None:
    """Create the new file ``path`` with ``data``, durably (:func:`atomic_write`), never
    over an existing file: the name is taken exclusively first (``FileExistsError`` if
    it is taken), so a file that appears meanwhile is not replaced either; on failure the
    name is given back."""
    reserve(path)
    try:
        atomic_write(path, data)
    except BaseException:
        with contextlib.suppress(OSError):
            remove(path)
        raise
