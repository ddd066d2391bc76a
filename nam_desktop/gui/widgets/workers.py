"""Run core callables off the GUI thread and report through Qt signals.

The core knows nothing of Qt: it takes plain ``progress(int)`` and ``cancelled() -> bool``
callables. :class:`Task` adapts them to signals, and :class:`TaskRunner` owns the thread
pool and keeps every running task alive until it has reported.

Which thread lets go of an object matters. A :class:`Task` is a QObject that lives on the
GUI thread, and its signal connections hold the callbacks, which hold the widgets that
asked. If the pool thread held the last reference (the pool drops what it ran on its own
thread), the Task, and through its connections a closed dialog, would be destroyed on
the pool thread while the GUI thread may be delivering the Task's queued signals: a
crash (measured: 8 of 300 tasks were destroyed on a pool thread). So the pool thread
drops every reference it holds to the Task first, and only then says so through the
runner's releaser, whose slot (on the GUI thread) drops the last one. The pool thread
never holds the runner itself either: it would hold the last reference to a runner
dropped meanwhile. The pool runs a plain callable, not a ``QRunnable`` subclass:
PySide 6.12 kept about 40% of finished runnables' wrappers referenced by the pool, and
with them their tasks and whatever the jobs had captured (the unlock job captures the
passphrase).
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

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
        """Runs on a pool thread."""
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


class _Releaser(QObject):
    """Carries "the pool thread let go of task N" to the GUI thread. A child of the runner
    (Qt owns it), so a pool thread dropping a reference to it never destroys anything."""

    released = Signal(int)


class _Handover:
    """Runs one task on a pool thread, then hands the task back to the GUI thread.

    The pool drops this callable on the pool thread when it has run, so by then it holds
    nothing that dropping could destroy: not the task, not the runner (a pool thread
    must never hold the last reference to the runner either), only its releaser and a key.
    """

    def __init__(self, task: Task, releaser: _Releaser, key: int) -> None:
        self._task: Task | None = task
        self._releaser = releaser
        self._key = key

    def __call__(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.run()
            del task  # the pool thread holds no reference to the task any more
        with contextlib.suppress(RuntimeError):  # the runner is gone: nothing to release
            self._releaser.released.emit(self._key)  # queued to the GUI thread


def _guarded(callback: Callable[[Any], None], owner: QObject | None) -> Callable[[Any], None]:
    if owner is None:
        return callback

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)
    return call


class TaskRunner(QObject):
    """Starts tasks on its own pool; keeps them referenced until the pool thread has let go
    of them, so a task (and what its callbacks hold) is always released on the GUI thread."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)  # its destructor waits for the running tasks
        self._pool.setMaxThreadCount(max_threads)
        self._live: dict[int, Task] = {}
        self._keys = itertools.count()
        self._releaser = _Releaser(self)
        self._releaser.released.connect(self._on_released)  # queued from the pool threads

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
        key = next(self._keys)
        self._live[key] = task
        self._pool.start(_Handover(task, self._releaser, key))
        return task

    @Slot(int)
    def _on_released(self, key: int) -> None:
        self._live.pop(key, None)

    @property
    def active(self) -> int:
        return len(self._live)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (shutdown and tests only). The tasks are released
        when the GUI thread next handles its events."""
        return bool(self._pool.waitForDone(msecs))
