"""The editor's form is built when first needed: the window shows its list without it, and
the form then works as if it had always been there (typing, switching, Tab, locking)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.records import Interview, TestimonyDraft, Witness
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.startup.app_controller import AppController
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.testimony_model import ID_ROLE, TITLE_COL

from ..conftest import started_controller, unlock


def _seed(vault: Vault) -> list[str]:
    return TestimonyRepository(vault).add_many([
        TestimonyDraft(title="Okrestina", interview=Interview(date="2020-08-12"),
                       witness=Witness(pseudonym="Swallow"),
                       narrative="They beat us in the corridor."),
        TestimonyDraft(title="Border", interview=Interview(date="2021-03-02"),
                       witness=Witness(pseudonym="Heron"),
                       narrative="Questioned at the border for six hours."),
    ])


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, gui_vault: Vault) -> Iterator[MainWindow]:
    ctx.settings.autosave_seconds = 60  # only switching and focus save in these tests
    _seed(gui_vault)
    w = MainWindow(ctx, gui_vault)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.save_all()


def _click_row(qtbot: QtBot, w: MainWindow, testimony_id: str) -> None:
    row = next(r for r in range(w.proxy.rowCount())
               if w.proxy.index(r, 0).data(ID_ROLE) == testimony_id)
    rect = w.table.visualRect(w.proxy.index(row, TITLE_COL))
    qtbot.mouseClick(w.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _next_focusable(widget: QWidget) -> QWidget:
    nxt = widget.nextInFocusChain()
    while not nxt.focusPolicy() or not nxt.isEnabled() or not nxt.isVisible():
        nxt = nxt.nextInFocusChain()
    return nxt


def test_the_list_is_shown_before_the_form_is_built(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    assert window.proxy.rowCount() == 2
    assert not editor.form_built
    assert editor.pages.currentWidget() is editor.placeholder
    assert not [e for e in window.findChildren(QLineEdit) if e.accessibleName() == "Title"]
    ids = {window.proxy.index(r, 0).data(ID_ROLE): window.proxy.index(r, TITLE_COL).data()
           for r in range(2)}
    okrestina = next(t for t, title in ids.items() if title == "Okrestina")
    _click_row(qtbot, window, okrestina)
    assert editor.form_built
    assert editor.testimony_id == okrestina
    assert editor.pages.currentWidget() is not editor.placeholder
    assert editor.title.isVisible() and editor.title.text() == "Okrestina"
    assert editor.tabs.tabText(4) == "Witness's account"
    assert editor.account.text.toPlainText() == "They beat us in the corridor."
    assert _next_focusable(window.table) is editor.title  # Tab goes on into the form


def test_nothing_typed_is_lost_when_switching(qtbot: QtBot, window: MainWindow) -> None:
    first = window.proxy.index(0, 0).data(ID_ROLE)
    second = window.proxy.index(1, 0).data(ID_ROLE)
    _click_row(qtbot, window, first)
    editor = window.editor
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Typed title")
    editor.set_section(4)
    editor.account.text.moveCursor(editor.account.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.account.text, " And more.")
    assert editor.dirty
    _click_row(qtbot, window, second)
    assert editor.testimony_id == second and not editor.dirty
    assert editor.title.text() != "Typed title"
    saved = window.repo.get(first)
    assert saved.title == "Typed title"
    assert saved.narrative.endswith(" And more.")
    _click_row(qtbot, window, first)
    assert editor.title.text() == "Typed title"
    assert editor.account.text.toPlainText().endswith(" And more.")


def test_new_testimony_builds_the_form_with_the_focus_in_the_title(
        qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.new_testimony()
    assert window.editor.form_built
    qtbot.waitUntil(lambda: window.editor.title.hasFocus())
    qtbot.keyClicks(window.editor.title, "Night search")
    assert window.save_all()
    assert window.repo.get(window.editor.testimony_id).title == "Night search"


@pytest.fixture
def controller(qtbot: QtBot, qapp: QApplication, ctx: AppContext,
               gui_vault: Vault) -> Iterator[AppController]:
    _seed(gui_vault)
    gui_vault.close()
    yield from started_controller(qtbot, qapp, ctx)


def _unlock(qtbot: QtBot, c: AppController) -> MainWindow:
    unlock(qtbot, c)
    assert isinstance(c.window, MainWindow)
    return c.window


def test_locking_before_the_form_was_ever_built(qtbot: QtBot,
                                                controller: AppController) -> None:
    window = _unlock(qtbot, controller)
    assert not window.editor.form_built
    qtbot.keyClick(window.table, Qt.Key.Key_L,
                   QGuiApplication.keyboardModifiers().ControlModifier)
    assert controller.window is None
    assert controller.vault is not None and not controller.vault.is_open
    assert not window.editor.form_built  # locking did not build it to empty it
    assert window.model.rowCount() == 0
    window = _unlock(qtbot, controller)
    _click_row(qtbot, window, window.proxy.index(0, 0).data(ID_ROLE))
    assert window.editor.form_built and window.editor.title.text() in {"Okrestina", "Border"}


def test_panic_key_locks_before_the_form_was_ever_built(qtbot: QtBot,
                                                        controller: AppController) -> None:
    window = _unlock(qtbot, controller)
    qtbot.keyClick(window.table, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert controller.window is None
    assert controller.vault is not None and not controller.vault.is_open
    assert not window.editor.form_built


def _events(window: MainWindow) -> list[str]:
    tree = window.editor.history.tree
    if tree.topLevelItemCount() < 2:
        return []
    events = tree.topLevelItem(1)
    return [events.child(i).text(1) for i in range(events.childCount())]


def test_history_is_read_when_its_section_is_shown(qtbot: QtBot, window: MainWindow) -> None:
    first = window.proxy.index(0, 0).data(ID_ROLE)
    second = window.proxy.index(1, 0).data(ID_ROLE)
    _click_row(qtbot, window, first)
    qtbot.keyClicks(window.editor.title, " edited")
    assert window.editor.save()
    window.editor.set_section(7)
    assert _events(window) == ["saved", "created"]
    window.editor.set_section(0)
    _click_row(qtbot, window, second)
    assert _events(window) == []  # hidden: nothing of another testimony kept
    window.editor.set_section(7)
    assert _events(window) == ["created"]
    _click_row(qtbot, window, first)  # shown: the newly opened one's at once
    assert _events(window) == ["saved", "created"]
