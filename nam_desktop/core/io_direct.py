"""Direct I/O and a background block writer, shared by the vault and the exchange.

Direct I/O (``O_DIRECT``, Linux) moves bytes between the drive and aligned buffers
without the page cache: a gigabyte written does not first fill the cache as dirty pages
(allocating page cache costs more than the copy on some virtual machines, and the final
fsync then has little left to flush). It needs aligned buffers (:func:`aligned_buffer`),
offsets and lengths (``DIRECT_ALIGN``); it is switched on with ``fcntl`` after opening,
so a file system or OS without it (Windows, macOS, tmpfs) keeps ordinary I/O.

Only ciphertext is ever handed to these helpers by the vault.
"""

from __future__ import annotations

import errno
import mmap
import os
import queue
import threading
from types import TracebackType

try:
    import fcntl
except ImportError:  # Windows: no direct I/O, ordinary reads and writes
    fcntl = None  # type: ignore[assignment]

MiB = 1024 * 1024
DIRECT_ALIGN = 4096  # a multiple of every drive's logical block size


class Direct:
    """Switching direct I/O on and off for an open file descriptor."""

    FLAG: int = getattr(os, "O_DIRECT", 0)

    @classmethod
    def set(cls, fd: int, on: bool) -> bool:
        """Switch direct I/O on or off for ``fd``; True if it is now on."""
        if not cls.FLAG or fcntl is None:
            return False
        try:
            flags = fcntl.fcntl(fd, fcntl.F_GETFL)
            fcntl.fcntl(fd, fcntl.F_SETFL, flags | cls.FLAG if on else flags & ~cls.FLAG)
        except OSError:
            return False
        return on


def aligned_buffer(size: int) -> mmap.mmap:
    """A zeroed, page-aligned buffer (anonymous memory map), usable for direct I/O."""
    return mmap.mmap(-1, size)


class BlockWriter:
    """Writable sink for a new file opened at ``fd`` (position 0), written on a background
    thread ("block-writer") in blocks of ``block`` bytes, so the caller's work (the
    encryption) is not slowed by the drive.

    The caller's writes are copied into at most ``depth`` reused aligned blocks; each full
    block is written with direct I/O where the file system allows it, the unaligned tail
    with ordinary I/O (also the fallback when the file system refuses with EINVAL). An
    error of the thread (ENOSPC, EIO) is raised as it is by the next :meth:`write` and by
    :meth:`finish`. Use as a context manager: leaving it joins the thread on every path;
    it does not close or fsync ``fd`` (the owner does).
    """

    def __init__(self, fd: int, *, block: int = 4 * MiB, depth: int = 4,
                 direct_io: bool = True) -> None:
        if block <= 0 or block % DIRECT_ALIGN:
            raise ValueError("block must be a positive multiple of DIRECT_ALIGN")
        self._fd = fd
        self._block = block
        self.direct = direct_io and Direct.set(fd, True)
        self.error: BaseException | None = None
        self._free: queue.Queue[mmap.mmap] = queue.Queue()
        for _ in range(depth):
            self._free.put(aligned_buffer(block))
        self._full: queue.Queue[tuple[mmap.mmap, int] | None] = queue.Queue()
        self._buf: mmap.mmap | None = None
        self._fill = 0
        self._closed = False
        self._abandon = False
        self._thread = threading.Thread(target=self._run, name="block-writer", daemon=True)
        self._thread.start()

    def __enter__(self) -> BlockWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop(abandon=kind is not None)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self.error is not None:
            raise self.error
        if self._closed:
            raise ValueError("write after finish()")
        n = len(data)
        done = 0
        while done < n:
            if self._buf is None:
                self._buf = self._free.get()  # waits while the drive is behind
                self._fill = 0
                if self.error is not None:  # failed while we waited: stop early
                    raise self.error
            take = min(self._block - self._fill, n - done)
            if take == n:
                self._buf[self._fill:self._fill + take] = data
            else:
                with memoryview(data) as view:
                    self._buf[self._fill:self._fill + take] = view[done:done + take]
            self._fill += take
            done += take
            if self._fill == self._block:
                self._full.put((self._buf, self._fill))
                self._buf = None
        return n

    def finish(self) -> None:
        """Write what is left and wait for the thread; raises its error, if any."""
        if not self._closed and self._buf is not None and self._fill:
            self._full.put((self._buf, self._fill))
            self._buf = None
        self._stop(abandon=False)
        if self.error is not None:
            raise self.error

    def _stop(self, *, abandon: bool) -> None:
        """Let the thread write what is queued (drop it when ``abandon``) and join it."""
        if not self._closed:
            self._closed = True
            self._abandon = abandon
            self._full.put(None)
            self._thread.join()
            self._buf = None
            self._free = queue.Queue()  # let the blocks go (unmapped when unreferenced)

    def _run(self) -> None:
        while (item := self._full.get()) is not None:
            buf, length = item
            if self.error is None and not self._abandon:
                try:
                    with memoryview(buf) as view:
                        self._write_all(view[:length])
                except BaseException as exc:  # raised again on the caller's thread
                    self.error = exc
            self._free.put(buf)  # always: the caller may wait for a free block

    def _write_all(self, piece: memoryview) -> None:
        if self.direct and len(piece) % DIRECT_ALIGN:
            self.direct = Direct.set(self._fd, False)  # the unaligned tail
        while piece:
            try:
                written = os.write(self._fd, piece)
            except OSError as exc:
                if not (self.direct and exc.errno == errno.EINVAL):
                    raise
                self.direct = Direct.set(self._fd, False)  # refused: write normally
                continue
            piece = piece[written:]
            if self.direct and written % DIRECT_ALIGN:  # short write: offset now unaligned
                self.direct = Direct.set(self._fd, False)
