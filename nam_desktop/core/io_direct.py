"""Direct I/O and a background block pump/writer, shared by the vault and the exchange.

Direct I/O (``O_DIRECT``, Linux) moves bytes between the drive and aligned buffers
without the page cache: a gigabyte written does not first fill the cache as dirty pages
(allocating page cache costs more than the copy on some virtual machines, and the final
fsync then has little left to flush). It needs aligned buffers (:func:`aligned_buffer`),
offsets and lengths (``DIRECT_ALIGN``); it is switched on with ``fcntl`` after opening,
so a file system or OS without it (Windows, tmpfs) keeps ordinary I/O. macOS has
``F_NOCACHE`` instead (same effect, no alignment needed).

Only ciphertext is ever handed to these helpers by the vault.
"""

from __future__ import annotations

import errno
import io
import mmap
import os
import queue
import sys
import threading
from collections.abc import Callable

try:
    import fcntl
except ImportError:  # Windows: no direct I/O, ordinary reads and writes
    fcntl = None  # type: ignore[assignment]

MiB = 1024 * 1024
DIRECT_ALIGN = 4096  # a multiple of every drive's logical block size
F_NOCACHE_DARWIN = 48  # <sys/fcntl.h>; Python's fcntl module names it on macOS only


class Direct:
    """Switching direct I/O on and off for an open file descriptor.

    Linux: ``O_DIRECT`` (aligned buffers, offsets and lengths). macOS: ``F_NOCACHE``
    (no alignment needed; the data does not stay in the unified buffer cache, so a
    read-back comes from the drive). Windows cannot switch an open handle: the export's
    read-back opens its own unbuffered handle (:func:`nam_desktop.core.fileio.open_read_uncached`).
    """

    FLAG: int = getattr(os, "O_DIRECT", 0)
    NOCACHE: bool = sys.platform == "darwin"  # a seam: tests switch it on with a fake fcntl

    @classmethod
    def set(cls, fd: int, on: bool) -> bool:
        """Switch direct I/O on or off for ``fd``; True if it is now on."""
        if cls.NOCACHE and fcntl is not None:
            try:
                fcntl.fcntl(fd, getattr(fcntl, "F_NOCACHE", F_NOCACHE_DARWIN), 1 if on else 0)
            except OSError:
                return False
            return on
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


Buffer = bytearray | mmap.mmap


class BlockPump(io.RawIOBase):
    """Writable: collects the caller's writes into ``block``-sized blocks and passes each
    to ``target`` on a background thread (named ``name``), in order, so the caller's work
    is not slowed by what ``target`` does (write a drive, parse, hash).

    The blocks (page-aligned for direct I/O when ``aligned``) are reused (at most
    ``depth``: memory stays flat and the caller waits while ``target`` is behind) and
    overwritten with zeros by :meth:`close`: they may hold plaintext. An exception from
    ``target`` is kept in :attr:`error`, raised by the next :meth:`write` and by
    :meth:`finish`; the blocks after it are dropped. :meth:`close` (also on leaving a
    ``with`` block) stops the thread on every path, dropping what is still queued unless
    :meth:`finish` came first.
    """

    def __init__(self, target: Callable[[memoryview], object], *, block: int = MiB,
                 depth: int = 4, name: str = "block-pump", aligned: bool = False) -> None:
        super().__init__()
        self._target = target
        self._block = block
        self._buffers: list[Buffer] = [
            aligned_buffer(block) if aligned else bytearray(block) for _ in range(depth)]
        # SimpleQueue, not Queue: its put/get hold no Python-level lock, so a Ctrl-C
        # landing in the caller's put or get cannot leave a lock taken for close() to
        # wait on forever (Queue's Condition can: bpo-29988). `attach` once hung after
        # Ctrl-C in a loaded test run; this rules that cause out.
        self._free: queue.SimpleQueue[Buffer] = queue.SimpleQueue()
        for buf in self._buffers:
            self._free.put(buf)
        self._full: queue.SimpleQueue[tuple[Buffer, int] | None] = queue.SimpleQueue()
        self._buf: Buffer | None = None
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
                except BaseException as exc:  # raised again on the caller's thread
                    self.error = exc
            self._free.put(buf)  # always: the caller may wait for a free block

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.error is not None:
            raise self.error
        if self._finished:
            raise ValueError("write after finish()")
        n = len(data)
        done = 0
        while done < n:
            if self._buf is None:
                self._buf = self._free.get()  # waits while the target is behind
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

    def reserve(self, n: int) -> memoryview | None:
        """Room for exactly ``n`` bytes in the current block, to be filled in place (e.g.
        by ``encrypt_into``) and then passed on with :meth:`commit`; None when the block
        has less room (write those bytes with :meth:`write` instead)."""
        if self.error is not None:
            raise self.error
        if self._finished:
            raise ValueError("write after finish()")
        if self._buf is None:
            self._buf = self._free.get()  # waits while the target is behind
            self._fill = 0
            if self.error is not None:
                raise self.error
        if self._block - self._fill < n:
            return None
        return memoryview(self._buf)[self._fill:self._fill + n]

    def commit(self, n: int) -> None:
        """The ``n`` bytes given by :meth:`reserve` are filled: pass them on in order."""
        self._fill += n
        if self._fill == self._block:
            assert self._buf is not None  # noqa: S101  # reserve() came first
            self._full.put((self._buf, self._fill))
            self._buf = None

    def drain(self) -> None:
        """Pass on what is left and wait for the thread; an error stays in :attr:`error`.
        No writes after this."""
        if not self._finished:
            self._finished = True
            if self._buf is not None and self._fill:
                self._full.put((self._buf, self._fill))
                self._buf = None
            self._full.put(None)
            self._thread.join()

    def finish(self) -> None:
        """:meth:`drain`, then raise the thread's error, if any."""
        self.drain()
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        """Stop (dropping what is not processed yet) and overwrite the blocks."""
        if not hasattr(self, "_thread"):  # __init__ failed early (bad arguments)
            super().close()
            return
        if not self._finished:
            self._finished = True
            if self.error is None:
                self.error = ValueError("closed before finish()")
            self._full.put(None)
            self._thread.join()
        for buf in self._buffers:
            buf[:] = bytes(len(buf))
        self._buffers = []  # let the blocks go (unmapped when unreferenced)
        self._free = queue.SimpleQueue()
        self._buf = None
        super().close()


class BlockWriter(BlockPump):
    """Writable sink for a new file opened at ``fd`` (position 0), written on a background
    thread ("block-writer") in blocks of ``block`` bytes, so the caller's work (the
    encryption) is not slowed by the drive.

    At most ``depth`` aligned blocks exist. Every full block is written with direct I/O
    where the file system allows it, the unaligned tail
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
        self.direct = direct_io and Direct.set(fd, True)
        super().__init__(self._write_all, block=block, depth=depth, name="block-writer",
                         aligned=True)

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
