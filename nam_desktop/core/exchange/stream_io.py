"""Streaming helpers for bundles: direct I/O, read-ahead on a thread, and a pump that moves
a consumer's work onto a thread.

The age decryption runs on the caller's thread. The work around it (reading the drive,
hashing, the vault's encryption) releases the GIL, so it runs beside age on another
core: a background thread reads ahead into a few aligned blocks, or takes blocks of
what age produced.
Memory stays flat: a fixed number of blocks, reused.

Direct I/O (``O_DIRECT``, Linux; helpers in :mod:`nam_desktop.core.io_direct`) moves bytes
between the drive and these blocks without the page cache: a bundle read back really comes
from the drive, and a gigabyte bundle does not first fill the cache.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import mmap
import os
import queue
import threading
from pathlib import Path

# Moved to the shared module (the vault uses them too); re-exported for the exchange.
from nam_desktop.core import fileio
from nam_desktop.core.io_direct import DIRECT_ALIGN as DIRECT_ALIGN
from nam_desktop.core.io_direct import BlockPump
from nam_desktop.core.io_direct import Direct as Direct
from nam_desktop.core.io_direct import aligned_buffer as aligned_buffer

Pump = BlockPump  # age's plaintext handed to the bundle parser on a thread (HQ import)

MiB = 1024 * 1024
READ_BLOCK = 8 * MiB

_Filled = tuple[mmap.mmap, int] | BaseException | None


class ReadAhead:
    """The bytes of ``paths``, one after the other, read on a background thread into
    ``depth`` reused blocks of ``block`` bytes: direct I/O where allowed; otherwise,
    with ``from_drive``, after asking the OS to drop the file's cached pages.

    :meth:`next` returns a view of the next block; the previous one is reused from then
    on, so copy what must be kept. Call :meth:`close` when done (also early).
    """

    def __init__(self, paths: list[Path], *, block: int = READ_BLOCK, depth: int = 3,
                 from_drive: bool = False) -> None:
        self._paths = list(paths)
        self._from_drive = from_drive
        self._free: queue.Queue[mmap.mmap] = queue.Queue()
        for _ in range(depth):
            self._free.put(aligned_buffer(block))
        self._full: queue.Queue[_Filled] = queue.Queue()
        self._held: mmap.mmap | None = None
        self._stop = threading.Event()
        self._done = False
        self._thread = threading.Thread(target=self._run, name="bundle-read", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for path in self._paths:
                if not self._read_file(path):
                    return
            self._full.put(None)
        except BaseException as exc:  # raised again by next()
            self._full.put(exc)

    def _read_file(self, path: Path) -> bool:
        # Windows: an unbuffered handle of its own (it cannot be switched later).
        fh = fileio.open_read_uncached(path) if self._from_drive else None
        unbuffered = fh is not None
        if fh is None:
            fh = fileio.open_read_raw(path)
        try:
            direct = unbuffered or Direct.set(fh.fileno(), True)
            if not direct and self._from_drive and hasattr(os, "posix_fadvise"):
                with contextlib.suppress(OSError):
                    os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            while True:
                buf = self._free.get()
                if self._stop.is_set():
                    return False
                try:
                    n = fh.readinto(buf) or 0
                except OSError as exc:
                    if not (direct and exc.errno == errno.EINVAL):
                        raise
                    if unbuffered:  # refused (an unaligned end): an ordinary handle
                        fh = self._reopen(fh, path)
                        unbuffered = False
                        direct = Direct.set(fh.fileno(), False)
                    else:
                        direct = Direct.set(fh.fileno(), False)  # refused: read normally
                    n = fh.readinto(buf) or 0
                if n == 0:
                    self._free.put(buf)
                    return True
                if direct and not unbuffered and n % DIRECT_ALIGN:
                    direct = Direct.set(fh.fileno(), False)  # go on from an unaligned offset
                self._full.put((buf, n))
        finally:
            fh.close()

    @staticmethod
    def _reopen(fh: io.FileIO, path: Path) -> io.FileIO:
        pos = fh.tell()
        fh.close()
        again = fileio.open_read_raw(path)
        again.seek(pos)
        return again

    def next(self) -> memoryview | None:
        """The next block (a view valid until the next call), or None at the end."""
        if self._held is not None:
            self._free.put(self._held)
            self._held = None
        if self._done:
            return None
        item = self._full.get()
        if item is None or isinstance(item, BaseException):
            self._done = True
            if item is not None:
                raise item
            return None
        self._held, n = item
        return memoryview(self._held)[:n]

    def close(self) -> None:
        """Stop the reader (it may be waiting for a free block: give it one) and wait."""
        self._stop.set()
        self._done = True
        self._free.put(aligned_buffer(DIRECT_ALIGN))
        self._thread.join()


def read_back_sha256(paths: list[Path], *, block: int = READ_BLOCK) -> tuple[str, int]:
    """SHA-256 and size of the concatenated files, read from the drive rather than the
    page cache where the OS allows; reading and hashing overlap (two threads)."""
    sha = hashlib.sha256()
    size = 0
    reader = ReadAhead(paths, block=block, from_drive=True)
    try:
        while (view := reader.next()) is not None:
            sha.update(view)
            size += len(view)
    finally:
        reader.close()
    return sha.hexdigest(), size
