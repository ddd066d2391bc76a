"""Qt objects are destroyed on the GUI thread only: by the garbage collector and by the
task runner (the cause of the GUI suite's segfaults, ``gui/widgets/gui_gc.py``)."""

from __future__ import annotations

import gc
import threading
import time
import weakref
from collections import Counter

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from nam_desktop.gui.widgets.gui_gc import GuiGarbageCollector
from nam_desktop.gui.widgets.workers import TaskRunner


class _CyclicWidget(QWidget):
    """A top-level widget that only the cyclic collector can free (as a window often is)."""

    def __init__(self) -> None:
        super().__init__()
        self.me = self


def _released_on(obj: object, threads: list[str]) -> None:
    # Runs on the thread that drops the wrapper, which deletes a Python-owned Qt object.
    weakref.finalize(obj, lambda: threads.append(threading.current_thread().name))


def _allocate_like_vault_open(_progress: object, _cancelled: object) -> int:
    # Enough container allocations to cross every threshold of automatic collection many
    # times over, on the pool thread (Vault.open, imports and exports allocate like this).
    junk = [[i] for i in range(200_000)]
    return len(junk)


def test_the_collector_runs_on_the_gui_thread_never_on_a_pool_thread(
        qtbot: QtBot, qapp: QApplication, gui_collector: GuiGarbageCollector) -> None:
    assert gui_collector.installed and not gc.isenabled()
    threads: list[str] = []
    widget = _CyclicWidget()
    _released_on(widget, threads)
    del widget
    runner = TaskRunner()
    done: list[int] = []
    runner.start(_allocate_like_vault_open, on_success=done.append)
    assert runner.wait(30000)  # blocks the GUI thread: only the pool thread allocates
    assert threads == []  # with automatic collection the pool thread freed the widget here
    qtbot.waitUntil(lambda: done == [200_000], timeout=5000)
    gc.collect()  # as the GUI thread's timer does once enough garbage has built up
    assert threads == [threading.main_thread().name]


def test_the_collector_collects_what_python_would_have_collected() -> None:
    collector = GuiGarbageCollector()
    collector.install()  # nested inside the suite's own collector
    try:
        assert collector.check() in (-1, 0, 1, 2)
        threads: list[str] = []
        for _ in range(3):
            widget = _CyclicWidget()
            _released_on(widget, threads)
        del widget
        junk = [[i] for i in range(gc.get_threshold()[0] * 2)]  # past the first threshold
        assert collector.check() >= 0
        del junk
        gc.collect()  # what a young collection left for an older generation
        assert threads == [threading.main_thread().name] * 3
    finally:
        collector.uninstall()
    assert not gc.isenabled()  # the suite's collector is still installed


def test_installing_off_the_gui_thread_is_refused() -> None:
    outcome: list[BaseException] = []

    def install() -> None:
        try:
            GuiGarbageCollector().install()
        except RuntimeError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=install)
    worker.start()
    worker.join()
    assert len(outcome) == 1 and "GUI thread" in str(outcome[0])
    assert not gc.isenabled()


class _Owner(QObject):
    """Stands for the dialog that asked for the work; its callback holds it."""

    def __init__(self, results: list[object]) -> None:
        super().__init__()
        self.results = results

    def on_done(self, value: object) -> None:
        self.results.append(value)


def test_tasks_and_what_their_callbacks_hold_are_released_on_the_gui_thread(
        qtbot: QtBot) -> None:
    """The pool used to delete a finished runnable, and with it the last reference to
    its Task (a GUI-thread QObject) and the dialog its callback held, on the pool
    thread while the GUI thread delivered the task's signals: 8 of 300 tasks here."""
    runner = TaskRunner()
    tasks: list[str] = []
    owners: list[str] = []
    results: list[object] = []
    for i in range(300):
        owner = _Owner(results)
        task = runner.start(lambda _p, _c, i=i: i, on_success=owner.on_done, owner=owner)
        _released_on(task, tasks)
        _released_on(owner, owners)
        del task, owner
        if i % 3 == 0:  # the GUI thread handles the results while tasks still finish
            QCoreApplication.processEvents()
    assert runner.wait(30000)
    qtbot.waitUntil(lambda: runner.active == 0 and len(results) == 300, timeout=10000)
    gc.collect()
    assert Counter(tasks) == Counter({threading.main_thread().name: 300})
    assert Counter(owners) == Counter({threading.main_thread().name: 300})
    assert sorted(results) == list(range(300))  # type: ignore[type-var]


def test_a_runner_dropped_while_its_task_runs_is_released_on_the_gui_thread() -> None:
    """The pool thread must not hold the runner: a runner dropped by its owner while its
    task still ran would be destroyed on the pool thread, and its pool, which waits for
    its threads when destroyed, would wait there for itself."""
    runners: list[str] = []
    tasks: list[str] = []
    for _ in range(20):
        runner = TaskRunner()
        task = runner.start(lambda _p, _c: time.sleep(0.02))
        _released_on(runner, runners)
        _released_on(task, tasks)
        del runner, task  # the task is still running
    gc.collect()
    assert Counter(runners) == Counter({threading.main_thread().name: 20})
    assert Counter(tasks) == Counter({threading.main_thread().name: 20})
