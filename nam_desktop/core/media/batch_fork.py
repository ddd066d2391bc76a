"""Worker processes made with ``os.fork`` and fed over pipes (Qt-free, POSIX only).

:mod:`nam_desktop.core.media.batch` uses this where :func:`choose_start_method` says
``fork`` (Linux, one thread): the workers inherit the work list, so only a chunk's number
goes to a worker and only its pickled result comes back. It does what
``ProcessPoolExecutor`` did there without importing ``multiprocessing`` and
``concurrent.futures`` (about 30 ms of the command's start-up, before any file is read)
and without the executor's feeder and manager threads (issue 19, docs/benchmarks.md).
``spawn`` (Windows, macOS, a process with threads) keeps ``ProcessPoolExecutor``.

The contract, the same on both paths (:func:`run_forked`):
- results come in chunk order, as they are done;
- a worker that dies (killed, out of memory, an exception it could not report) stops the
  run: no new chunk is given, the other workers finish the chunks they hold, and
  :class:`WorkerStopped` is raised once every result before the first lost chunk was
  given (a worker found gone when given a chunk, EPIPE, is one that died);
- when the run stops early (a worker died, the caller stopped reading, an interrupt),
  nothing more is started, the chunks then in progress are finished, and ``discard`` is
  called on every result that was made and not taken whole (for the batch: the temp
  copies no one will name are removed);
- ``lost`` is called for every chunk a dead worker had taken (for the batch: the temp
  copies it wrote before it died, found by its pid, are removed).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import pickle
import select
from collections.abc import Callable, Generator, Sequence

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up)
if TYPE_CHECKING:
    from typing import Any

_INDEX = 4  # bytes of a chunk number sent to a worker
_LENGTH = 8  # bytes of a result's length, before the pickled result
_READ = 1 << 20


class WorkerStopped(Exception):
    """A worker process ended before returning a chunk it had taken."""


class _Worker:
    def __init__(self, pid: int, tasks: int, results: int) -> None:
        self.pid = pid
        self.tasks: int | None = tasks  # write end: chunk numbers (closed: no more work)
        self.results = results  # read end: length-prefixed pickled (number, result)
        self.taken: list[int] = []  # chunk numbers sent and not yet returned
        self.buffer = bytearray()
        self.ended = False
        self.status = 0  # from waitpid: 0 when it ended on its own (the pipe ended, stop)

    def give(self, number: int) -> bool:
        """Send a chunk number; False if the worker is gone (its end shows as EOF)."""
        if self.tasks is None:  # not reached: work is given only before the end
            raise WorkerStopped("no more work is given")
        try:
            os.write(self.tasks, number.to_bytes(_INDEX, "little"))  # 4 bytes: whole
        except BrokenPipeError:  # it died after its last result, before we read EOF
            self.close_tasks()
            return False
        self.taken.append(number)
        return True

    def close_tasks(self) -> None:
        if self.tasks is not None:
            os.close(self.tasks)
            self.tasks = None

    def received(self) -> list[tuple[int, Any]]:
        """Read what the worker sent; the whole results in it (``ended`` at EOF)."""
        data = os.read(self.results, _READ)
        if not data:
            self.ended = True
            return []
        self.buffer += data
        done: list[tuple[int, Any]] = []
        while len(self.buffer) >= _LENGTH:
            size = int.from_bytes(self.buffer[:_LENGTH], "little")
            if len(self.buffer) < _LENGTH + size:
                break
            # S301: our own forked worker wrote it, over a pipe only the two hold
            number, result = pickle.loads(self.buffer[_LENGTH : _LENGTH + size])  # noqa: S301
            del self.buffer[: _LENGTH + size]
            self.taken.remove(number)
            done.append((number, result))
        return done


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _serve(tasks: int, results: int, chunks: Sequence[Any], work: Callable[[Any], Any],
           stop: mmap.mmap, initializer: Callable[[], None] | None) -> None:
    """A worker's life: each chunk number read, its chunk worked and the result sent,
    until the pipe ends or the run is stopped (then a chunk already sent is not begun)."""
    if initializer is not None:
        initializer()
    while True:
        number = b""
        while len(number) < _INDEX:
            part = os.read(tasks, _INDEX - len(number))
            if not part:
                return
            number += part
        if stop[0]:
            return
        index = int.from_bytes(number, "little")
        blob = pickle.dumps((index, work(chunks[index])), protocol=pickle.HIGHEST_PROTOCOL)
        _write_all(results, len(blob).to_bytes(_LENGTH, "little") + blob)


def _fork(chunks: Sequence[Any], work: Callable[[Any], Any], count: int, stop: mmap.mmap,
          initializer: Callable[[], None] | None) -> list[_Worker]:
    workers: list[_Worker] = []
    try:
        for _ in range(count):
            task_r, task_w = os.pipe()
            try:
                result_r, result_w = os.pipe()
            except BaseException:
                _close_all(task_r, task_w)
                raise
            try:
                pid = os.fork()
            except BaseException:  # EAGAIN (too many processes), ENOMEM, an interrupt
                _close_all(task_r, task_w, result_r, result_w)
                raise
            if pid == 0:  # the worker: never returns into the caller's code
                code = 0
                try:
                    os.close(task_w)
                    os.close(result_r)
                    for other in workers:  # so a worker's death shows as EOF at once
                        other.close_tasks()
                        os.close(other.results)
                    _serve(task_r, result_w, chunks, work, stop, initializer)
                except BaseException:  # the parent sees the pipe end: WorkerStopped
                    code = 1
                finally:
                    os._exit(code)  # no atexit, no flush of the parent's buffers
            os.close(task_r)
            os.close(result_w)
            workers.append(_Worker(pid, task_w, result_r))
    except BaseException:
        _end(workers)
        raise
    return workers


def _close_all(*fds: int) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


def _end(workers: Sequence[_Worker]) -> list[Any]:
    """Stop giving work, let each worker finish the chunk it is on, and wait for it;
    the results that still came (none is taken by the caller)."""
    for worker in workers:
        worker.close_tasks()
    late: list[Any] = []
    for worker in workers:
        try:
            while not worker.ended:
                late.extend(result for _, result in worker.received())
        except (OSError, pickle.UnpicklingError, ValueError):
            pass  # a worker killed mid-message: what it had is gone with it
        finally:
            os.close(worker.results)
            with contextlib.suppress(ChildProcessError):  # reaped already
                worker.status = os.waitpid(worker.pid, 0)[1]
    return late


class ForkedRun:
    """Iterating gives the results in chunk order as they come; :meth:`close` (also
    when iteration never began) ends the workers and discards what was not taken."""

    def __init__(self, chunks: Sequence[Any], work: Callable[[Any], Any], count: int,
                 initializer: Callable[[], None] | None,
                 discard: Callable[[Any], None],
                 lost: Callable[[Any, int], None] = lambda _chunk, _pid: None) -> None:
        self._stop = mmap.mmap(-1, 1)  # shared with the workers: set, no chunk is begun
        self._discard = discard
        self._lost = lost
        self._chunks = chunks
        self._count = len(chunks)
        self._done: dict[int, Any] = {}
        self._given: list[Any] = []
        self._ended = False
        try:
            self._workers = _fork(chunks, work, count, self._stop, initializer)
        except BaseException:
            self._stop.close()
            raise
        self._following = 0
        for _ in range(2):  # two each: the next chunk already waits when one is done
            for worker in self._workers:
                self._give(worker)

    def _lose(self, worker: _Worker) -> None:
        """``lost`` for each chunk a dead worker took and never returned (once)."""
        numbers, worker.taken = worker.taken, []
        for number in numbers:
            self._lost(self._chunks[number], worker.pid)

    def _give(self, worker: _Worker) -> None:
        if self._following < self._count and worker.give(self._following):
            self._following += 1

    def __iter__(self) -> Generator[Any, None, None]:
        by_fd = {worker.results: worker for worker in self._workers}
        wanted = 0
        lost_at = self._count  # the first chunk whose worker died before returning it
        dead = 0
        finished = False
        try:
            while wanted < lost_at:
                if wanted in self._done:
                    result = self._done.pop(wanted)
                    self._given.append(result)
                    wanted += 1
                    yield result
                    continue
                if not by_fd:  # not reached: a chunk not returned has a worker
                    raise WorkerStopped("no worker process left")
                ready, _, _ = select.select(list(by_fd), [], [])
                for fd in ready:
                    worker = by_fd[fd]
                    for number, result in worker.received():
                        self._done[number] = result
                        if lost_at == self._count:  # after a death: no new chunk
                            self._give(worker)
                    if worker.ended:
                        del by_fd[fd]
                        if worker.taken:  # the others finish what they hold: the
                            lost_at = min(lost_at, *worker.taken)  # results before
                            dead = worker.pid  # the lost chunk still come
                            self._lose(worker)
            if lost_at < self._count:
                raise WorkerStopped(f"worker process {dead} stopped")
            finished = True
        finally:
            if finished:
                self.close(finished=True)
            elif not self._ended:  # begin no other chunk; the caller's close() (once it
                self._stop[0] = 1  # named what it took) ends the workers, discards the rest

    def close(self, finished: bool = False) -> None:
        """End the workers (idempotent); unless ``finished``, discard every result made
        (a result given may not have been taken whole)."""
        if self._ended:
            return
        self._ended = True
        if not finished:
            self._stop[0] = 1
        late = _end(self._workers)
        self._stop.close()
        for worker in self._workers:  # died while ending (killed): its chunks are lost
            if worker.taken and worker.status != 0:  # (0: stopped before the next one)
                self._lose(worker)
        if not finished:
            for result in [*self._given, *self._done.values(), *late]:
                self._discard(result)


def run_forked(
    chunks: Sequence[Any],
    work: Callable[[Any], Any],
    count: int,
    *,
    initializer: Callable[[], None] | None = None,
    discard: Callable[[Any], None] = lambda _result: None,
    lost: Callable[[Any, int], None] = lambda _chunk, _pid: None,
) -> ForkedRun:
    """``work(chunk)`` for every chunk, on ``count`` worker processes forked now (call
    only from a process with one thread); iterate for the results (module docstring:
    the contract), close when done. ``lost(chunk, pid)`` is called for each chunk a
    worker took and never returned because it died: what it left half-made (for the
    batch: temp copies named with the worker's pid) can then be removed."""
    return ForkedRun(chunks, work, count, initializer, discard, lost)
