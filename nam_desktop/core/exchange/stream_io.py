"""Streaming helpers for bundles: direct I/O, read-ahead on a thread, and a pump that moves
a consumer's work onto a thread.

``pyrage`` reads and writes 8 KiB at a time on the caller's thread and keeps it busy with
age's own cryptography. The work around it (reading the drive, hashing, the vault's
encryption) releases the GIL, so it runs beside age on another core: a background
thread reads ahead into a few aligned blocks, or takes blocks of what age produced.
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
from collections.abc import Callable
from pathlib import Path

# Moved to the shared module (the vault uses them too); re-exported for the exchange.
from nam_desktop.core.io_direct import DIRECT_ALIGN as DIRECT_ALIGN
from nam_desktop.core.io_direct import Direct as Direct
from nam_desktop.core.io_direct import aligned_buffer as aligned_buffer

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
                with path.open("rb", buffering=0) as fh:
                    if not self._read_file(fh):
                        return
            self._full.put(None)
        except BaseException as exc:  # raised again by next()
            self._full.put(exc)

    def _read_file(self, fh: io.FileIO) -> bool:
        fd = fh.fileno()
        direct = Direct.set(fd, True)
        if not direct and self._from_drive and hasattr(os, "posix_fadvise"):
            with contextlib.suppress(OSError):
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        while True:
            buf = self._free.get()
            if self._stop.is_set():
                return False
            try:
                n = fh.readinto(buf) or 0
            except OSError as exc:
                if not (direct and exc.errno == errno.EINVAL):
                    raise
                direct = Direct.set(fd, False)  # refused after all: read normally
                n = fh.readinto(buf) or 0
            if n == 0:
                self._free.put(buf)
                return True
            if direct and n % DIRECT_ALIGN:  # a short read: go on from an unaligned offset
                direct = Direct.set(fd, False)
            self._full.put((buf, n))

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


class Pump(io.RawIOBase):
    """Writable: collects the caller's writes into ``block``-sized blocks and passes each
    to ``target`` on a background thread ("bundle-pump"), in order.

    The blocks are reused (at most ``depth``) and overwritten with zeros by
    :meth:`close`: they may hold plaintext. An exception from ``target`` is kept in
    :attr:`error` and raised by the next :meth:`write` and by :meth:`finish`; the blocks
    after it are dropped.
    """

    def __init__(self, target: Callable[[memoryview], object], *, block: int = MiB,
                 depth: int = 4, name: str = "bundle-pump") -> None:
        super().__init__()
        self._target = target
        self._block = block
        self._buffers = [bytearray(block) for _ in range(depth)]
        self._free: queue.Queue[bytearray] = queue.Queue()
        for buf in self._buffers:
            self._free.put(buf)
        self._full: queue.Queue[tuple[bytearray, int] | None] = queue.Queue()
        self._buf: bytearray | None = None
        self._fill = 0
        self._finished = False
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def writable(self) -> bool:
        return True

    def _run(self) -> None:
        while (item := self._full.get()) is not None:
            buf, n = item
            if self.error is None:
                try:
                    with memoryview(buf) as view:
                        self._target(view[:n])
                except BaseException as exc:  # raised on the caller's thread
                    self.error = exc
            self._free.put(buf)

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.error is not None:
            raise self.error
        if self._finished:
            raise ValueError("write after finish()")
        n = len(data)
        done = 0
        while done < n:
            if self._buf is None:
                self._buf = self._free.get()
                self._fill = 0
            take = min(self._block - self._fill, n - done)
            if take == n:
                self._buf[self._fill:self._fill + take] = data
            else:
                self._buf[self._fill:self._fill + take] = memoryview(data)[done:done + take]
            self._fill += take
            done += take
            if self._fill == self._block:
                self._full.put((self._buf, self._fill))
                self._buf = None
        return n

    def finish(self) -> None:
        """Pass on what is left and wait for the thread; raises its error, if any."""
        if not self._finished:
            self._finished = True
            if self._buf is not None and self._fill:
                self._full.put((self._buf, self._fill))
                self._buf = None
            self._full.put(None)
            self._thread.join()
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        """Stop (dropping what is not processed yet) and overwrite the blocks."""
        if not self._finished:
            self._finished = True
            if self.error is None:
                self.error = ValueError("closed before finish()")
            self._full.put(None)
            self._thread.join()
        for buf in self._buffers:
            buf[:] = bytes(len(buf))
        super().close()


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
