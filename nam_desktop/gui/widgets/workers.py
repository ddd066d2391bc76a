"""Run core callables off the GUI thread and report through Qt signals.

The core knows nothing of Qt: it takes plain ``progress(int)`` and ``cancelled() -> bool``
callables. :class:`Task` adapts them to signals, and :class:`TaskRunner` owns the thread
pool and keeps every running task alive until it has reported.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Progress = Callable[[int], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], Any]

PROGRESS_INTERVAL_S = 0.05  # at most 20 progress signals a second


class Task(QObject):
    """One job. Signals are emitted from the pool thread and delivered queued."""

    progressed = Signal(int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self.running = False

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, value: int) -> None:
        now = time.monotonic()
        if now - self._last_progress >= PROGRESS_INTERVAL_S:
            self._last_progress = now
            self.progressed.emit(int(value))

    def run(self) -> None:
        """Runs on the pool thread (or inline in :meth:`TaskRunner.run_inline`)."""
        self.running = True
        try:
            result = self._job(self._report, self.is_cancelled)
        except BaseException as exc:  # every failure is reported to the GUI
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            self.running = False
            self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.run()


def _guarded(callback: Callable[[Any], None], owner: QObject | None) -> Callable[[Any], None]:
    if owner is None:
        return callback

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)
    return call


class TaskRunner(QObject):
    """Starts tasks on its own pool; keeps them referenced until ``finished``."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._live: dict[Task, _Runnable] = {}

    def start(
        self,
        job: Job,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
        owner: QObject | None = None,
    ) -> Task:
        """Run ``job`` on the pool. Callbacks run on the GUI thread, and are skipped once
        ``owner`` (the widget that asked) has been deleted."""
        task = Task(job)
        for signal, callback in ((task.succeeded, on_success), (task.failed, on_failure),
                                 (task.progressed, on_progress)):
            if callback is not None:
                signal.connect(_guarded(callback, owner))
        # The runnable stays referenced here and is not deleted by the pool: released on
        # the GUI thread once the task has reported, never by a garbage collection that
        # happens to run while the pool thread is still inside it.
        runnable = _Runnable(task)
        runnable.setAutoDelete(False)
        self._live[task] = runnable
        task.finished.connect(self._on_task_finished)  # queued: runs on the GUI thread
        self._pool.start(runnable)
        return task

    @Slot()
    def _on_task_finished(self) -> None:
        sender = self.sender()
        if isinstance(sender, Task):
            self._live.pop(sender, None)

    @property
    def active(self) -> int:
        return len(self._live)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (shutdown and tests only)."""
        return bool(self._pool.waitForDone(msecs))
