"""Producing the inner stream of a bundle (layout in :mod:`.bundle_format`)."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass

from nam_desktop.core.exchange.bundle_format import END, END_MAGIC, EntryMeta
from nam_desktop.core.exchange.errors import ExchangeError, Reason

PROGRESS_STEP = 1024 * 1024  # report at most once per MiB


@dataclass(frozen=True)
class EntrySource:
    """An entry and a function giving its bytes (called once, when its turn comes)."""

    meta: EntryMeta
    chunks: Callable[[], Iterable[bytes]]


class InnerStream(io.RawIOBase):
    """Readable inner stream: signed head, entry bodies (re-hashed on the way), end marker.

    An entry whose bytes differ from its size or hash stops the stream with
    :class:`ExchangeError` (SOURCE_CHANGED); the error is also kept in :attr:`error`
    because ``pyrage`` reports reader failures as its own exception type.
    """

    def __init__(self, head: bytes, sources: list[EntrySource],
                 progress: Callable[[int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        super().__init__()
        self._parts = self._generate(head, sources)
        self._current = memoryview(b"")
        self._progress = progress
        self._cancelled = cancelled
        self.error: BaseException | None = None
        self.produced = 0
        self._reported = 0

    def _generate(self, head: bytes,
                  sources: list[EntrySource]) -> Generator[bytes, None, None]:
        yield head
        for src in sources:
            sha = hashlib.sha256()
            size = 0
            for chunk in src.chunks():
                sha.update(chunk)
                size += len(chunk)
                if size > src.meta.size:
                    break
                yield chunk
            if size != src.meta.size or sha.hexdigest() != src.meta.sha256:
                raise ExchangeError(Reason.SOURCE_CHANGED, f"entry {src.meta.id}")
        yield END.pack(END_MAGIC, len(sources))

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            while not self._current:
                if self._cancelled is not None and self._cancelled():
                    raise ExchangeError(Reason.CANCELLED)
                try:
                    self._current = memoryview(next(self._parts))
                except StopIteration:
                    if self._progress is not None and self._reported != self.produced:
                        self._reported = self.produced
                        self._progress(self.produced)
                    return 0
            view = memoryview(buffer).cast("B")
            n = min(len(view), len(self._current))
            view[:n] = self._current[:n]
            self._current = self._current[n:]
            self.produced += n
            if self._progress is not None and self.produced - self._reported >= PROGRESS_STEP:
                self._reported = self.produced
                self._progress(self.produced)
            return n
        except BaseException as exc:
            self.error = exc
            raise

    def close(self) -> None:
        self._parts.close()  # closes the media reader of an unfinished entry
        super().close()
