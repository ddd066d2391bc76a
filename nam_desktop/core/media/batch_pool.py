"""Worker processes on a ``ProcessPoolExecutor`` (Qt-free): the batch's path where it
cannot fork (spawn: Windows, macOS, a process with threads; frozen apps call
``multiprocessing.freeze_support()``). The same contract as
:class:`~nam_desktop.core.media.batch_fork.ForkedRun`: results in chunk order, a dead
worker raises :class:`WorkerStopped`, ``close()`` discards what was made and not named
and reports the chunks a dead pool never returned as ``lost``.

``multiprocessing`` and ``concurrent.futures.process`` are imported only when a pool is
made: ``nam-desktop media clean`` starts without them (issue 19).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from nam_desktop.core.media.batch_fork import WorkerStopped

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up)
if TYPE_CHECKING:
    from concurrent.futures import Future
    from typing import Any


class PooledRun:
    """``work(chunk)`` for every chunk on ``count`` worker processes started with
    ``method``; iterate once for the results, then :meth:`close`."""

    def __init__(
        self,
        chunks: Sequence[Any],
        work: Callable[[Any], Any],
        count: int,
        method: str,
        initializer: Callable[[], None] | None,
        discard: Callable[[Any], None],
        lost: Callable[[Any, int | None], None] = lambda _chunk, _pid: None,
    ) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context(method)
        self._discard = discard
        self._lost = lost
        self._chunks = chunks
        self._pool = ProcessPoolExecutor(count, mp_context=context, initializer=initializer)
        self._futures: list[Future[Any]] = []
        try:
            self._futures.extend(self._pool.submit(work, chunk) for chunk in chunks)
        except BaseException:
            self.close()
            raise

    def __iter__(self) -> Iterator[Any]:
        from concurrent.futures.process import BrokenProcessPool

        for future in self._futures:
            try:
                yield future.result()
            except BrokenProcessPool as exc:  # a worker died (killed, out of memory)
                raise WorkerStopped(str(exc)) from exc
            except Exception as exc:  # raised in a worker (MemoryError): as when forked
                raise WorkerStopped(type(exc).__name__) from exc

    def close(self) -> None:
        """Start no further chunk, wait for those begun, discard every result made (one
        already named has nothing left to discard). A chunk whose worker died (the pool
        is then broken and ends the others) is reported ``lost``, with no pid: the pool
        does not say which worker held it."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        for chunk, future in zip(self._chunks, self._futures, strict=False):
            if not future.done() or future.cancelled():
                continue
            if future.exception() is None:
                self._discard(future.result())
            else:  # BrokenProcessPool, or an error a worker raised (it discarded its own)
                self._lost(chunk, None)
