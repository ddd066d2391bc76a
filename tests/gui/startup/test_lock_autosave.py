"""Locking (Ctrl+L and idle), autosave across lock and crash, unlocking where we were."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.startup.app_controller import AppController
from nam_desktop.gui.widgets.context import AppContext

from ..conftest import PASSPHRASE


@pytest.fixture
def controller(qtbot: QtBot, qapp: QApplication, ctx: AppContext,
               gui_vault: Vault) -> Iterator[AppController]:
    gui_vault.close()
    ctx.settings.autosave_seconds = 60  # only lock/close/focus may save in these tests
    c = AppController(ctx, qapp)
    c.start()
    assert c.unlock_dialog is not None
    qtbot.addWidget(c.unlock_dialog)
    yield c
    c.shutdown()
    qapp.removeEventFilter(c.idle)
    if c.window is not None:
        c.window.close()


def _unlock(qtbot: QtBot, c: AppController) -> None:
    assert c.unlock_dialog is not None and c.unlock_dialog.isVisible()
    c.unlock_dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(c.unlocked, timeout=10000):
        c.unlock_dialog.try_unlock()


def test_ctrl_l_locks_saves_and_unlock_returns_to_the_same_place(
        qtbot: QtBot, controller: AppController) -> None:
    _unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    window.new_testimony()
    tid = window.editor.testimony_id
    window.editor.set_section(4)
    qtbot.keyClicks(window.editor.account.text, "Unsaved words typed just now")
    QGuiApplication.clipboard().setText("copied from a testimony")
    qtbot.keyClick(window, "l", modifier=QGuiApplication.keyboardModifiers().ControlModifier)
    assert controller.window is None
    assert controller.vault is not None and not controller.vault.is_open
    assert QGuiApplication.clipboard().text() == ""
    assert window.editor.account.text.toPlainText() == ""  # widgets wiped
    _unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    assert window.editor.testimony_id == tid
    assert window.editor.section() == 4
    assert window.editor.account.text.toPlainText() == "Unsaved words typed just now"


def test_idle_timeout_locks_with_the_draft_intact(qtbot: QtBot, ctx: AppContext,
                                                  controller: AppController) -> None:
    _unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    window.new_testimony()
    qtbot.keyClicks(window.editor.title, "Typed before walking away")
    controller.idle.set_seconds(0.3)
    with qtbot.waitSignal(controller.locked, timeout=5000):
        pass
    _unlock(qtbot, controller)
    assert controller.window is not None
    assert controller.window.editor.title.text() == "Typed before walking away"


def test_autosaved_text_survives_a_crash(qtbot: QtBot, ctx: AppContext,
                                         controller: AppController) -> None:
    _unlock(qtbot, controller)
    window = controller.window
    assert window is not None and controller.vault is not None
    window.editor.set_autosave_seconds(1)
    window.new_testimony()
    tid = window.editor.testimony_id
    qtbot.keyClicks(window.editor.title, "Crash test")
    qtbot.waitUntil(lambda: not window.editor.dirty, timeout=5000)
    # Crash: no lock, no close, no save path; the vault file is simply abandoned.
    folder = controller.vault.folder
    controller.vault.close()
    controller.window = None
    window.editor.testimony = None
    reopened = Vault.open(folder, PASSPHRASE)
    try:
        assert TestimonyRepository(reopened).get(tid).title == "Crash test"
    finally:
        reopened.close()


def test_focus_change_saves(qtbot: QtBot, controller: AppController) -> None:
    _unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    window.new_testimony()
    qtbot.keyClicks(window.editor.title, "Saved on tab change")
    window.editor.set_section(3)
    assert not window.editor.dirty
    window.activateWindow()
    window.editor.title.setFocus()
    qtbot.waitUntil(window.editor.title.hasFocus)
    qtbot.keyClicks(window.editor.title, " and on focus change")
    assert window.editor.dirty
    window.search_field.setFocus()
    qtbot.waitUntil(lambda: not window.editor.dirty, timeout=2000)
    assert window.repo.get(window.editor.testimony_id).title.endswith("on focus change")


def test_screen_lock_signal_locks(qtbot: QtBot, controller: AppController) -> None:
    _unlock(qtbot, controller)
    controller.session_events._on_bool_signal(False)  # screensaver stopped: nothing
    assert controller.window is not None
    with qtbot.waitSignal(controller.locked, timeout=2000):
        controller.session_events._on_bool_signal(True)  # screen locked / suspending
    assert controller.window is None


class _QuitCounter:
    def __init__(self) -> None:
        self.calls = 0

    def quit(self) -> None:
        self.calls += 1


def test_app_quits_on_purpose_only(qtbot: QtBot, controller: AppController,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    app = _QuitCounter()
    monkeypatch.setattr(controller, "_app", app)
    _unlock(qtbot, controller)
    controller.lock()  # closes the main window: must not quit
    assert app.calls == 0
    _unlock(qtbot, controller)
    assert controller.window is not None
    controller.window.close()  # the user closes the window
    assert app.calls == 1
    controller.window = None
    assert controller.unlock_dialog is not None
    controller.unlock_dialog.reject()  # the user closes the unlock window
    assert app.calls == 2


def test_locking_closes_an_open_question(qtbot: QtBot, controller: AppController) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    _unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    box = QMessageBox(QMessageBox.Icon.Question, "Finalise", "Really?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    QTimer.singleShot(100, controller.lock)  # the idle timer fires while the box waits
    QTimer.singleShot(5000, box.reject)  # safety net: the test never hangs
    started = time.monotonic()
    box.exec()  # returns because locking rejects it
    assert time.monotonic() - started < 4
    assert controller.window is None
