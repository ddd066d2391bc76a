"""A few threads running one function on items as they come (Qt-free).

What :mod:`nam_desktop.core.media.batch` needs of ``ThreadPoolExecutor`` to fsync and
name its copies while the next files are cleaned: submit, ask whether a job is done,
wait for its outcome, and stop with the jobs not begun cancelled. Written here because
``concurrent.futures`` imports ``logging``, a noticeable part of `media clean
--out-dir`'s start-up before any file is read (issue 19).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up)
if TYPE_CHECKING:
    from typing import Any


class Job:
    """One item given to :class:`Threads`; ``cancelled`` once stopped before it began."""

    __slots__ = ("_error", "_finished", "_outcome", "arg", "cancelled")

    def __init__(self, arg: Any) -> None:
        self.arg = arg
        self.cancelled = False
        self._outcome: Any = None
        self._error: BaseException | None = None
        self._finished = threading.Lock()
        self._finished.acquire()  # released by the thread that ends the job

    def done(self) -> bool:
        return not self._finished.locked()

    def result(self) -> Any:
        """The function's return value once the job ended (raises what it raised)."""
        with self._finished:
            pass
        if self._error is not None:
            raise self._error
        return self._outcome


class Threads:
    """Up to ``count`` threads calling ``function`` on each submitted item, in the
    order given; a context manager that waits for every job when left."""

    def __init__(self, function: Callable[[Any], Any], count: int) -> None:
        self._function = function
        self._count = max(1, count)
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._cancel = False

    def __enter__(self) -> Threads:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    def submit(self, arg: Any) -> Job:
        job = Job(arg)
        self._jobs.put(job)
        if len(self._threads) < self._count:  # one more thread per job, up to count
            thread = threading.Thread(target=self._serve, name="nam-name", daemon=True)
            thread.start()
            self._threads.append(thread)
        return job

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self._cancel:
                job.cancelled = True
            else:
                try:
                    job._outcome = self._function(job.arg)
                except BaseException as exc:
                    job._error = exc
            job._finished.release()

    def shutdown(self, *, cancel: bool = False) -> None:
        """Wait for the threads to end (idempotent); with ``cancel``, the jobs not yet
        begun are not run (``Job.cancelled``)."""
        self._cancel = self._cancel or cancel
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join()
        self._threads.clear()
