"""A big vault's list: the first rows at once, the whole list read on the pool and added
after them (``gui/widgets/list_loader.py``). The threshold is set low here; the real
SQLCipher vault holds 40 testimonies, and the pool's read waits on a gate the test opens,
so what is seen "while loading" does not depend on timing."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.records import Act, Interview, TestimonyDraft, Witness
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.hq.hq_window import HqWindow
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.widgets import list_loader
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.testimony_model import (
    DATE_COL,
    ID_ROLE,
    TITLE_COL,
    TestimonyTableModel,
)
from nam_desktop.gui.widgets.workers import Task

from ..conftest import PASSPHRASE

COUNT = 40
FIRST = 12


class Gate:
    """Holds ``TestimonyRepository.list`` on pool threads until opened (the GUI thread's
    reads pass: a save reads the list at once)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened = threading.Event()
        self.waited = threading.Event()
        self.failure: BaseException | None = None  # raised on the pool instead of reading
        self.on_start: list[Callable[[], object]] = []  # run on the pool as the read starts
        inner = TestimonyRepository.list

        def gated(repo: TestimonyRepository, **kwargs: Any) -> Any:
            if threading.current_thread() is not threading.main_thread():
                for hook in self.on_start:
                    hook()
                self.waited.set()
                assert self.opened.wait(30), "the test never opened the gate"
                if self.failure is not None:
                    raise self.failure
            return inner(repo, **kwargs)

        monkeypatch.setattr(TestimonyRepository, "list", gated)

    def open(self) -> None:
        self.opened.set()


@pytest.fixture
def lazy(monkeypatch: pytest.MonkeyPatch) -> Gate:
    monkeypatch.setattr(list_loader, "LAZY_FROM", 10)
    monkeypatch.setattr(list_loader, "FIRST_ROWS", FIRST)
    return Gate(monkeypatch)


def fill(vault: Vault) -> list[str]:
    """40 testimonies, many on the same day (ties), some final, with act types."""
    repo = TestimonyRepository(vault)
    codes = sorted(repo.vocabulary_codes())
    ids = repo.add_many([TestimonyDraft(
        title=f"Testimony {(i * 7) % COUNT:02d}",
        interview=Interview(date=f"2024-0{1 + i % 3}-0{1 + i % 2}"),
        witness=Witness(pseudonym=f"W{i}"), acts=[Act(type=codes[i % 3])])
        for i in range(COUNT)])
    with vault.transaction() as c:  # equal change times: ties fall back to the id
        c.execute("UPDATE testimonies SET updated_at = '2025-01-01T00:00:00Z' "
                  "WHERE rowid % 4 = 0")
    return ids


def whole_list_order(vault: Vault, column: int = DATE_COL,
                     order: Qt.SortOrder = Qt.SortOrder.DescendingOrder) -> list[str]:
    """The order the window showed before: every row given to the model, then sorted."""
    repo = TestimonyRepository(vault)
    model = TestimonyTableModel(repo.vocabulary())
    model.sort(column, order)
    model.set_rows(repo.list())
    return [model.summary(r).id for r in range(model.rowCount())]


def shown_ids(window: MainWindow | HqWindow) -> list[str]:
    return [str(window.proxy.index(r, 0).data(ID_ROLE)) for r in range(window.proxy.rowCount())]


@pytest.fixture
def main_window(qtbot: QtBot, ctx: AppContext, gui_vault: Vault,
                lazy: Gate) -> Iterator[MainWindow]:
    fill(gui_vault)
    w = MainWindow(ctx, gui_vault)
    qtbot.addWidget(w)
    w.show()
    yield w
    lazy.open()
    ctx.runner.wait()
    w.save_all()


def finish(qtbot: QtBot, window: MainWindow | HqWindow, gate: Gate) -> None:
    gate.open()
    qtbot.waitUntil(lambda: not window.list_loader.loading, timeout=30_000)


def test_first_rows_first_then_the_whole_list_in_the_same_order(
        qtbot: QtBot, main_window: MainWindow, gui_vault: Vault, lazy: Gate) -> None:
    expected = whole_list_order(gui_vault)
    loader = main_window.list_loader
    qtbot.waitUntil(lazy.waited.is_set)  # the pool is reading the whole list
    assert loader.loading and main_window.model.loading
    assert shown_ids(main_window) == expected[:FIRST]
    assert not main_window.table.isSortingEnabled()
    assert loader.label.isVisible()
    assert f"{FIRST} of {COUNT}" in loader.label.text()

    finish(qtbot, main_window, lazy)
    assert shown_ids(main_window) == expected
    assert main_window.table.isSortingEnabled()
    assert not loader.label.isVisible()


def test_the_selection_and_the_scrolling_stay_when_the_rest_arrives(
        qtbot: QtBot, main_window: MainWindow, lazy: Gate) -> None:
    table = main_window.table
    main_window.resize(900, 420)
    qtbot.waitUntil(lazy.waited.is_set)
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() > 0)
    table.setCurrentIndex(main_window.proxy.index(FIRST - 2, 0))
    chosen = str(table.currentIndex().data(ID_ROLE))
    assert main_window.editor.testimony_id == chosen
    # Opening the first testimony builds the editor's form; the window's layout then
    # settles (the table grows or shrinks) before the scrolling is chosen. Scrolled to
    # the middle, not the end: there a partly shown row is the top one.
    assert main_window.editor.form_built
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() > 2)
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
    top = str(table.indexAt(QPoint(0, 0)).data(ID_ROLE))
    scrolled = table.verticalScrollBar().value()

    finish(qtbot, main_window, lazy)
    assert main_window.proxy.rowCount() == COUNT
    assert str(table.currentIndex().data(ID_ROLE)) == chosen
    assert table.currentIndex().row() == FIRST - 2
    assert str(table.indexAt(QPoint(0, 0)).data(ID_ROLE)) == top
    assert table.verticalScrollBar().value() == scrolled
    assert main_window.editor.testimony_id == chosen


def test_sorting_waits_for_the_whole_list(
        qtbot: QtBot, main_window: MainWindow, gui_vault: Vault, lazy: Gate) -> None:
    """A click on a column header while loading sorts nothing (it would sort only the
    rows that are in); the sort asked for in code is made once the whole list is in."""
    qtbot.waitUntil(lazy.waited.is_set)
    header = main_window.table.horizontalHeader()
    first = shown_ids(main_window)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(TITLE_COL) + 5, 5))
    assert shown_ids(main_window) == first
    assert header.sortIndicatorSection() == DATE_COL

    main_window.table.sortByColumn(TITLE_COL, Qt.SortOrder.AscendingOrder)
    assert shown_ids(main_window) == first  # remembered, not made on the first rows
    finish(qtbot, main_window, lazy)
    assert shown_ids(main_window) == whole_list_order(gui_vault, TITLE_COL,
                                                      Qt.SortOrder.AscendingOrder)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(DATE_COL) + 5, 5))
    assert header.sortIndicatorSection() == DATE_COL  # sorting by a click works again


def test_a_filter_while_loading_says_the_list_is_incomplete_then_covers_it_all(
        qtbot: QtBot, main_window: MainWindow, gui_vault: Vault, lazy: Gate) -> None:
    qtbot.waitUntil(lazy.waited.is_set)
    main_window.type_filter.setCurrentIndex(1)
    code = str(main_window.type_filter.currentData())
    repo = TestimonyRepository(gui_vault)
    with_type = {s.id for s in repo.list() if code in s.act_types}
    shown = set(shown_ids(main_window))
    assert shown < with_type  # only those among the first rows...
    assert main_window.list_loader.label.isVisible()  # ...and the window says so
    assert f"{FIRST} of {COUNT}" in main_window.list_loader.label.text()
    finish(qtbot, main_window, lazy)
    assert set(shown_ids(main_window)) == with_type
    assert not main_window.list_loader.label.isVisible()


def test_a_save_while_loading_reads_the_whole_list_at_once(
        qtbot: QtBot, main_window: MainWindow, gui_vault: Vault, lazy: Gate) -> None:
    qtbot.waitUntil(lazy.waited.is_set)
    main_window.new_testimony()  # the new testimony must be in the list and selected
    assert not main_window.list_loader.loading
    assert main_window.proxy.rowCount() == COUNT + 1
    assert str(main_window.table.currentIndex().data(ID_ROLE)) == \
        main_window.editor.testimony_id
    assert shown_ids(main_window) == whole_list_order(gui_vault)
    lazy.open()
    ctx_runner = main_window._ctx.runner
    ctx_runner.wait()
    QCoreApplication.processEvents()  # the gated task reports: ignored
    assert shown_ids(main_window) == whole_list_order(gui_vault)


def test_locking_while_loading_stops_cleanly_on_the_gui_thread(
        qtbot: QtBot, ctx: AppContext, gui_vault: Vault, lazy: Gate,
        monkeypatch: pytest.MonkeyPatch) -> None:
    fill(gui_vault)
    tasks: list[Task] = []
    start = ctx.runner.start
    monkeypatch.setattr(ctx.runner, "start", lambda *a, **k: tasks.append(
        task := start(*a, **k)) or task)
    window = MainWindow(ctx, gui_vault)
    window.show()
    qtbot.waitUntil(lazy.waited.is_set)
    released: list[str] = []

    def note(name: str) -> None:  # runs on the thread that releases the object
        released.append(f"{name} on {threading.current_thread().name}")

    assert len(tasks) == 1
    for obj in (window, window.list_loader, tasks.pop()):
        weakref.finalize(obj, note, type(obj).__name__)
    del obj
    window.wipe()  # what locking does first
    assert not window.list_loader.loading and window.model.rowCount() == 0
    assert not window.list_loader.label.isVisible()
    lazy.open()
    ctx.runner.wait()  # what locking does next: the read finishes, its rows are dropped
    QCoreApplication.sendPostedEvents()
    assert window.model.rowCount() == 0 and window.proxy.rowCount() == 0
    window.close()
    window.deleteLater()
    del window
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert sorted(released) == ["ListLoader on MainThread", "MainWindow on MainThread",
                                "Task on MainThread"]


def test_a_date_sql_cannot_order_as_the_gui_waits_for_the_whole_list(
        qtbot: QtBot, ctx: AppContext, gui_vault: Vault, lazy: Gate) -> None:
    fill(gui_vault)
    with gui_vault.transaction() as c:
        c.execute("UPDATE testimonies SET interview_date = 'Spring 2023' WHERE rowid = 3")
    window = MainWindow(ctx, gui_vault)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lazy.waited.is_set)
    assert window.proxy.rowCount() == 0  # no first rows rather than wrong ones
    assert window.list_loader.label.text() == "Loading the list…"
    finish(qtbot, window, lazy)
    assert shown_ids(window) == whole_list_order(gui_vault)


def test_a_small_vault_loads_at_once(qtbot: QtBot, ctx: AppContext, gui_vault: Vault) -> None:
    fill(gui_vault)
    window = MainWindow(ctx, gui_vault)
    qtbot.addWidget(window)
    assert not window.list_loader.loading  # below LAZY_FROM: no task at all
    assert shown_ids(window) == whole_list_order(gui_vault)
    assert ctx.runner.active == 0


def test_the_hq_workspace_shows_first_rows_then_all_and_reopens_after_unlock(
        qtbot: QtBot, ctx: AppContext, tmp_path: Any, lazy: Gate) -> None:
    hq = Vault.create(tmp_path / "hq", PASSPHRASE, role="hq", kdf=ctx.kdf)
    try:
        fill(hq)
        expected = whole_list_order(hq)
        window = HqWindow(ctx, hq)
        qtbot.addWidget(window)
        window.show()
        window.restore_location(expected[-1], 0)  # the controller after an unlock
        qtbot.waitUntil(lazy.waited.is_set)
        assert shown_ids(window) == expected[:FIRST]
        assert window.viewer.testimony_id == ""  # not among the first rows: waits
        finish(qtbot, window, lazy)
        assert shown_ids(window) == expected
        assert window.viewer.testimony_id == expected[-1]
        assert str(window.table.currentIndex().data(ID_ROLE)) == expected[-1]
        window.wipe()
        ctx.runner.wait()
        window.close()
        shiboken6.delete(window)
    finally:
        lazy.open()
        ctx.runner.wait()
        hq.close()


def test_a_list_changed_meanwhile_replaces_the_first_rows_and_keeps_the_selection(
        qtbot: QtBot, main_window: MainWindow, gui_vault: Vault, lazy: Gate) -> None:
    """A testimony added after the first rows were read (another window's import, say)
    comes first in the whole list: the first rows are not its start any more, the model
    is reset, and the testimony that was selected is selected again."""
    table = main_window.table
    qtbot.waitUntil(lazy.waited.is_set)
    table.setCurrentIndex(main_window.proxy.index(3, 0))
    chosen = str(table.currentIndex().data(ID_ROLE))
    newest = TestimonyRepository(gui_vault).add(TestimonyDraft(
        title="Arrived meanwhile", interview=Interview(date="2030-01-01")))
    finish(qtbot, main_window, lazy)
    expected = whole_list_order(gui_vault)
    assert expected[0] == newest
    assert shown_ids(main_window) == expected
    assert str(table.currentIndex().data(ID_ROLE)) == chosen
    assert table.selectionModel().isRowSelected(table.currentIndex().row())
    assert main_window.editor.testimony_id == chosen


def test_a_failed_read_shows_no_list_and_says_why(
        qtbot: QtBot, main_window: MainWindow, lazy: Gate) -> None:
    qtbot.waitUntil(lazy.waited.is_set)
    lazy.failure = OSError(5, "Input/output error")
    finish(qtbot, main_window, lazy)
    assert main_window.proxy.rowCount() == 0  # never the first rows as if they were all
    label = main_window.list_loader.label
    assert label.isVisible() and label.text().startswith("The list could not be read: ")
    assert main_window.table.isSortingEnabled()


def test_hq_reads_the_list_again_in_the_background_after_an_import(
        qtbot: QtBot, ctx: AppContext, tmp_path: Any, lazy: Gate) -> None:
    """The rows shown stay (complete, if a moment old) while the new list is read."""
    hq = Vault.create(tmp_path / "hq", PASSPHRASE, role="hq", kdf=ctx.kdf)
    try:
        fill(hq)
        window = HqWindow(ctx, hq)
        qtbot.addWidget(window)
        window.show()
        finish(qtbot, window, lazy)
        before = shown_ids(window)
        lazy.opened.clear()
        lazy.waited.clear()
        added = TestimonyRepository(hq).add(TestimonyDraft(
            title="Imported", interview=Interview(date="2030-01-01")))
        window.refresh()  # what the import panel's imports_finished runs
        qtbot.waitUntil(lazy.waited.is_set)
        assert window.list_loader.loading and not window.model.loading
        assert shown_ids(window) == before and window.table.isSortingEnabled()
        assert window.list_loader.label.text() == "Updating the list…"
        finish(qtbot, window, lazy)
        assert shown_ids(window) == whole_list_order(hq) and added in shown_ids(window)
        window.wipe()
        ctx.runner.wait()
        window.close()
        shiboken6.delete(window)
    finally:
        lazy.open()
        ctx.runner.wait()
        hq.close()


def test_the_whole_list_is_read_after_the_first_rows_are_painted(
        qtbot: QtBot, ctx: AppContext, gui_vault: Vault, lazy: Gate) -> None:
    """No task competes with the window's showing; a window never shown still loads."""
    fill(gui_vault)
    shown = MainWindow(ctx, gui_vault)
    qtbot.addWidget(shown)
    assert shown.list_loader.loading and ctx.runner.active == 0  # not started yet
    painted: list[int] = []
    shown.table.viewport().installEventFilter(watch := _PaintCounter(painted))
    paints_at_start: list[int] = []
    lazy.on_start.append(lambda: paints_at_start.append(len(painted)))
    shown.show()
    qtbot.waitUntil(lazy.waited.is_set)
    assert paints_at_start[0] > 0  # the table had painted its first rows by then
    lazy.on_start.clear()
    finish(qtbot, shown, lazy)
    shown.table.viewport().removeEventFilter(watch)

    lazy.opened.clear()
    lazy.waited.clear()
    hidden = MainWindow(ctx, gui_vault)  # never shown: started after a moment anyway
    qtbot.addWidget(hidden)
    qtbot.waitUntil(lazy.waited.is_set)
    finish(qtbot, hidden, lazy)
    assert shown_ids(hidden) == whole_list_order(gui_vault)


class _PaintCounter(QObject):
    def __init__(self, painted: list[int]) -> None:
        super().__init__()
        self._painted = painted

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Paint:
            self._painted.append(1)
        return False
