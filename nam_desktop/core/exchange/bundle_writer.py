"""Producing the inner stream of a bundle (layout in :mod:`.bundle_format`)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import queue
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from nam_desktop.core.exchange.bundle_format import END, END_MAGIC, EntryMeta
from nam_desktop.core.exchange.errors import ExchangeError, Reason

PROGRESS_STEP = 1024 * 1024  # report at most once per MiB
ZEROS = bytes(1024 * 1024)


@dataclass(frozen=True)
class EntrySource:
    """An entry and a function giving its bytes (called once, when its turn comes).

    The function and the iterable it returns are used on the stream's background thread.
    """

    meta: EntryMeta
    chunks: Callable[[], Iterable[bytes]]


class _Stopped(Exception):  # the consumer closed the stream: the producer just ends
    pass


class InnerStream(io.RawIOBase):
    """Readable inner stream: signed head, entry bodies (re-hashed on the way), end marker,
    then ``padding`` zero bytes (the number the signed header states).

    A background thread ("bundle-source") pulls the entries' chunks (for media: reads
    and decrypts the vault's files), re-hashes them (on one more thread, "bundle-hash")
    and hands them over through a small
    bounded queue, so that work (which releases the GIL) overlaps with the age
    encryption on the reading thread. At most ``PREFETCH`` chunks (1 MiB each for
    media) wait in memory; nothing is written anywhere.

    An entry whose bytes differ from its size or hash stops the stream with
    :class:`ExchangeError` (SOURCE_CHANGED) before the end marker; the error is also kept
    in :attr:`error` (a consumer may wrap reader failures in its own exception type).
    """

    PREFETCH = 8

    def __init__(self, head: bytes, sources: list[EntrySource],
                 progress: Callable[[int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None, *, padding: int = 0) -> None:
        super().__init__()
        self._head = head
        self._padding = padding
        self._sources = sources
        self._current = b""
        self._pos = 0
        self._eof = False
        self._progress = progress
        self._cancelled = cancelled
        self.error: BaseException | None = None
        self.produced = 0
        self._reported = 0
        self._queue: queue.Queue[bytes | BaseException | None] = queue.Queue(self.PREFETCH)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # ---- producer (background thread) ----------------------------------------------
    def _put(self, item: bytes | BaseException | None) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue
        raise _Stopped

    def _produce(self) -> None:
        try:
            self._put(self._head)
            with ThreadPoolExecutor(1, thread_name_prefix="bundle-hash") as hasher:
                for src in self._sources:
                    self._produce_entry(src, hasher)
            self._put(END.pack(END_MAGIC, len(self._sources)))
            left = self._padding
            while left:  # zero bytes up to the size bucket (bundle_padding)
                block = ZEROS[:min(left, len(ZEROS))]
                self._put(block)
                left -= len(block)
            self._put(None)
        except _Stopped:
            pass
        except BaseException as exc:  # handed to the reading thread, raised there
            with contextlib.suppress(_Stopped):
                self._put(exc)

    def _produce_entry(self, src: EntrySource, hasher: ThreadPoolExecutor) -> None:
        """Hand over one entry's chunks; the re-hash of a chunk runs on ``hasher`` while
        the next chunk is read and decrypted (both release the GIL), in order."""
        sha = hashlib.sha256()
        size = 0
        pending: Future[None] | None = None
        chunks = iter(src.chunks())
        try:
            for chunk in chunks:
                size += len(chunk)
                if size > src.meta.size:
                    break
                if pending is not None:
                    pending.result()
                pending = hasher.submit(sha.update, chunk)
                self._put(chunk)
            if pending is not None:
                pending.result()
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()  # e.g. closes the media file of an unfinished entry
        if size != src.meta.size or sha.hexdigest() != src.meta.sha256:
            raise ExchangeError(Reason.SOURCE_CHANGED, f"entry {src.meta.id}")

    # ---- consumer (the thread that reads: the export's age encryption) -----------------
    def _next_chunk(self) -> bool:
        """Move to the next non-empty chunk; False at the end of the stream."""
        while True:
            if self._eof:
                return False
            if self._cancelled is not None and self._cancelled():
                raise ExchangeError(Reason.CANCELLED)
            if self._thread is None:
                self._thread = threading.Thread(target=self._produce, name="bundle-source",
                                                daemon=True)
                self._thread.start()
            item = self._queue.get()
            if isinstance(item, BaseException):
                self._eof = True
                raise item
            if self._progress is not None and self.produced != self._reported and (
                    item is None or self.produced - self._reported >= PROGRESS_STEP):
                self._reported = self.produced
                self._progress(self.produced)
            if item is None:
                self._eof = True
                return False
            if item:
                self._current = item
                self._pos = 0
                return True

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        """Up to ``size`` bytes; a whole chunk as it is (no copy) when ``size`` allows."""
        if size is None or size < 0:
            return self.readall()
        try:
            if self._pos >= len(self._current) and not self._next_chunk():
                return b""
            start = self._pos
            data = self._current[start:start + size]
            self._pos = start + len(data)
            self.produced += len(data)
            return data
        except BaseException as exc:
            self.error = exc
            raise

    def readall(self) -> bytes:
        parts = []
        while data := self.read(1 << 20):
            parts.append(data)
        return b"".join(parts)

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[:len(data)] = data
        return len(data)

    def close(self) -> None:
        """Stop the background thread (closing an unfinished media file) and wait for it."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            while thread.is_alive():
                with contextlib.suppress(queue.Empty):  # unblock a producer waiting for room
                    self._queue.get(timeout=0.05)
            thread.join()
        self._current = b""
        super().close()
