"""Locking (Ctrl+L and idle), autosave across lock and crash, unlocking where we were."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nam_desktop.core.errors import NoSpaceError
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.startup.app_controller import AppController
from nam_desktop.gui.widgets.context import AppContext

from ..conftest import PASSPHRASE, started_controller, unlock


@pytest.fixture
def controller(qtbot: QtBot, qapp: QApplication, ctx: AppContext,
               gui_vault: Vault) -> Iterator[AppController]:
    gui_vault.close()
    ctx.settings.autosave_seconds = 60  # only lock/close/focus may save in these tests
    yield from started_controller(qtbot, qapp, ctx)


def test_ctrl_l_locks_saves_and_unlock_returns_to_the_same_place(
        qtbot: QtBot, controller: AppController) -> None:
    unlock(qtbot, controller)
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
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    assert window.editor.testimony_id == tid
    assert window.editor.section() == 4
    assert window.editor.account.text.toPlainText() == "Unsaved words typed just now"


def test_idle_timeout_locks_with_the_draft_intact(qtbot: QtBot, ctx: AppContext,
                                                  controller: AppController) -> None:
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    window.new_testimony()
    qtbot.keyClicks(window.editor.title, "Typed before walking away")
    controller.idle.set_seconds(0.3)
    with qtbot.waitSignal(controller.locked, timeout=5000):
        pass
    unlock(qtbot, controller)
    assert controller.window is not None
    assert controller.window.editor.title.text() == "Typed before walking away"


def _deadline(proc: subprocess.Popen[str], seconds: float = 120) -> threading.Timer:
    """Kill ``proc`` if the test is still waiting for it then (a read returns at EOF)."""
    timer = threading.Timer(seconds, proc.kill)
    timer.daemon = True
    timer.start()
    return timer


CRASH_CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from PySide6.QtTest import QTest
    app = QApplication([])
    from nam_desktop.core.vault.vault import Vault
    from nam_desktop.gui.interviewer.main_window import MainWindow
    from nam_desktop.gui.widgets.context import AppContext
    from nam_desktop.gui.widgets.i18n import TranslationManager
    from nam_desktop.gui.widgets.settings_store import SettingsStore
    from nam_desktop.gui.widgets.workers import TaskRunner
    from nam_desktop.paths import resolve_paths

    paths = resolve_paths(Path(sys.argv[1]))
    store = SettingsStore(paths.config)
    ctx = AppContext(paths, store, store.load(), TaskRunner(), TranslationManager(app))
    ctx.settings.autosave_seconds = 1
    window = MainWindow(ctx, Vault.open(Path(sys.argv[2]), sys.argv[3]))
    window.show()
    window.new_testimony()
    window.editor.saved.connect(lambda tid: print("saved", tid, flush=True))
    QTest.keyClicks(window.editor.title, "Crash test")
    app.exec()  # autosaves after a second; then waits to be killed
""")


@pytest.mark.slow
def test_autosaved_text_survives_a_crash(ctx: AppContext, gui_vault: Vault) -> None:
    """The app is killed (SIGKILL: no lock, no close, no checkpoint) after an autosave."""
    folder = gui_vault.folder
    gui_vault.close()
    child = subprocess.Popen(
        [sys.executable, "-c", CRASH_CHILD, str(ctx.paths.data.parent), str(folder),
         PASSPHRASE],
        stdout=subprocess.PIPE, text=True, encoding="utf-8")
    assert child.stdout is not None
    deadline = _deadline(child)
    try:
        line = child.stdout.readline().split()  # the autosave, by its own timer
        assert line[:1] == ["saved"], line
        assert (folder / "vault.db-wal").stat().st_size > 0  # committed, not checkpointed
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        assert child.wait(timeout=30) != 0
    finally:
        deadline.cancel()
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
        child.stdout.close()
    reopened = Vault.open(folder, PASSPHRASE)
    try:
        assert TestimonyRepository(reopened).get(line[1]).title == "Crash test"
    finally:
        reopened.close()


def test_focus_change_saves(qtbot: QtBot, controller: AppController) -> None:
    unlock(qtbot, controller)
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


SCREEN_LOCK_CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication(["nam-desktop"])
    from nam_desktop.gui.startup import main as gui_main
    from nam_desktop.paths import resolve_paths

    session = gui_main.start_gui(resolve_paths(Path(sys.argv[1])), app, show_notice=False)
    c = session.controller
    c.unlocked.connect(lambda: print("unlocked", c.session_events.connected, flush=True))
    c.locked.connect(lambda: (print("locked", c.window is None, flush=True), app.quit()))
    c.unlock_dialog.passphrase.setText(sys.argv[2])
    c.unlock_dialog.try_unlock()
    app.exec()
    session.close()
""")


@pytest.mark.slow
def test_the_desktops_screen_lock_signal_locks_the_app(ctx: AppContext, gui_vault: Vault,
                                                       tmp_path: Path) -> None:
    """The real path: the app (as started by main.start_gui) on a private D-Bus session
    bus, and a screensaver on that bus announcing ActiveChanged(true)."""
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    daemon_exe = shutil.which("dbus-daemon")
    if daemon_exe is None:
        pytest.skip("dbus-daemon is not installed")
    gui_vault.close()
    ctx.save_settings()  # the vault is in the recent list, as after a first unlock
    config = tmp_path / "bus.conf"  # a private session bus in tmp_path, nobody else on it
    config.write_text(
        "<!DOCTYPE busconfig PUBLIC '-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN' "
        "'http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd'><busconfig>"
        f"<type>session</type><listen>unix:dir={tmp_path}</listen>"
        "<policy context='default'><allow send_destination='*' eavesdrop='true'/>"
        "<allow eavesdrop='true'/><allow own='*'/></policy></busconfig>", encoding="utf-8")
    daemon = subprocess.Popen([daemon_exe, f"--config-file={config}", "--nofork",
                               "--print-address"], stdout=subprocess.PIPE, text=True)
    child: subprocess.Popen[str] | None = None
    try:
        assert daemon.stdout is not None
        _deadline(daemon, 300)
        address = daemon.stdout.readline().strip()
        screensaver = QDBusConnection.connectToBus(address, "test-screensaver")
        assert screensaver.isConnected()
        assert screensaver.registerService("org.freedesktop.ScreenSaver")
        env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address,
               "DBUS_SYSTEM_BUS_ADDRESS": address}
        child = subprocess.Popen(
            [sys.executable, "-c", SCREEN_LOCK_CHILD, str(ctx.paths.data.parent), PASSPHRASE],
            stdout=subprocess.PIPE, text=True, encoding="utf-8", env=env)
        assert child.stdout is not None
        _deadline(child)
        unlocked = child.stdout.readline().split()
        assert unlocked[:1] == ["unlocked"] and int(unlocked[1]) >= 1, unlocked
        signal = QDBusMessage.createSignal("/org/freedesktop/ScreenSaver",
                                           "org.freedesktop.ScreenSaver", "ActiveChanged")
        signal.setArguments([True])
        assert screensaver.send(signal)
        assert child.stdout.readline().split() == ["locked", "True"]
        assert child.wait(timeout=60) == 0
    finally:
        for proc in (child, daemon):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)
            if proc is not None and proc.stdout is not None:
                proc.stdout.close()
        QDBusConnection.disconnectFromBus("test-screensaver")


class _QuitCounter:
    def __init__(self) -> None:
        self.calls = 0

    def quit(self) -> None:
        self.calls += 1


def test_app_quits_on_purpose_only(qtbot: QtBot, controller: AppController,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    app = _QuitCounter()
    monkeypatch.setattr(controller, "_app", app)
    unlock(qtbot, controller)
    controller.lock()  # closes the main window: must not quit
    assert app.calls == 0
    unlock(qtbot, controller)
    assert controller.window is not None
    controller.window.close()  # the user closes the window
    assert app.calls == 1
    controller.window = None
    assert controller.unlock_dialog is not None
    controller.unlock_dialog.reject()  # the user closes the unlock window
    assert app.calls == 2


def test_locking_closes_an_open_question(qtbot: QtBot, controller: AppController) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    box = QMessageBox(QMessageBox.Icon.Question, "Finalise", "Really?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    rejected: list[bool] = []
    box.rejected.connect(lambda: rejected.append(True))
    box.show()  # open and waiting, as when the idle timer fires during a question
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is box, timeout=5000)
    controller.lock()
    assert rejected == [True] and not box.isVisible()  # answered No, not left on screen
    assert QApplication.activeModalWidget() is None
    assert controller.window is None


# ---- a save that fails at locking (a full disk) ----------------------------------------
TYPED = "Words typed while the disk was full, about Okrestina. " * 600  # ~32 KB


def _fill_disk(vault: Vault) -> None:
    """The disk is full as far as the vault's database is concerned: SQLite may not add
    a page to it (a real SQLITE_FULL, "database or disk is full")."""
    pages = vault.conn.execute("PRAGMA page_count").fetchone()[0]
    vault.conn.execute(f"PRAGMA max_page_count = {pages}")


def _type_and_lock_on_a_full_disk(qtbot: QtBot, controller: AppController) -> str:
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None and controller.vault is not None
    window.new_testimony()
    tid = window.editor.testimony_id
    window.editor.set_section(4)
    _fill_disk(controller.vault)
    window.editor.account.text.setPlainText(TYPED)
    assert window.editor.dirty
    qtbot.keyClick(window, "l", modifier=QGuiApplication.keyboardModifiers().ControlModifier)
    assert controller.window is None and not controller.vault.is_open
    assert window.editor.account.text.toPlainText() == ""  # wiped from the screen
    return tid


def test_locking_after_a_failed_save_keeps_the_text_sealed_and_saves_it_after_unlock(
        qtbot: QtBot, ctx: AppContext, controller: AppController) -> None:
    tid = _type_and_lock_on_a_full_disk(qtbot, controller)
    assert controller.vault is not None
    folder = controller.vault.folder
    # The person is told, on the locked screen, without any of the text.
    dialog = controller.unlock_dialog
    assert dialog is not None and dialog.notice.isVisibleTo(dialog)
    assert "not enough free space" in dialog.notice.text()
    assert "Okrestina" not in dialog.notice.text()
    # What is kept while locked is ciphertext only, and the save really failed.
    (kept,) = controller.unsaved.values()
    assert b"Okrestina" not in kept.sealed and "Okrestina".encode("utf-16-le") not in kept.sealed
    with Vault.open(folder, PASSPHRASE) as outside:
        assert TestimonyRepository(outside).get(tid).narrative == ""
    # Unlocking the same vault puts the text back and saves it (the disk has room again).
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    assert window.editor.testimony_id == tid and window.editor.section() == 4
    assert window.editor.account.text.toPlainText() == TYPED
    assert not window.editor.dirty
    assert window.repo.get(tid).narrative == TYPED
    assert "put back and saved" in window.statusBar().currentMessage()
    assert controller.unsaved == {}
    controller.lock()
    assert dialog.notice.text() == "" and not dialog.notice.isVisibleTo(dialog)


def test_text_that_still_cannot_be_saved_after_unlock_stays_in_the_editor(
        qtbot: QtBot, ctx: AppContext, controller: AppController,
        monkeypatch: pytest.MonkeyPatch) -> None:
    tid = _type_and_lock_on_a_full_disk(qtbot, controller)

    def still_full(*_: object, **__: object) -> None:
        raise NoSpaceError("vault", needed=0)

    monkeypatch.setattr(TestimonyRepository, "update", still_full)
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    assert window.editor.testimony_id == tid
    assert window.editor.account.text.toPlainText() == TYPED
    assert window.editor.dirty  # not saved, not lost
    warning = ctx.prompter.shown[-1]
    assert warning.kind == "warn" and "still cannot be saved" in warning.text
    assert "not enough free space" in warning.text
    monkeypatch.undo()
    assert window.save_all()
    assert window.repo.get(tid).narrative == TYPED


def test_quitting_while_text_is_kept_asks_first(
        qtbot: QtBot, ctx: AppContext, controller: AppController,
        monkeypatch: pytest.MonkeyPatch) -> None:
    app = _QuitCounter()
    monkeypatch.setattr(controller, "_app", app)
    _type_and_lock_on_a_full_disk(qtbot, controller)
    dialog = controller.unlock_dialog
    assert dialog is not None
    ctx.prompter.script([False])  # "... they are lost. Quit anyway?" -> No
    dialog.reject()
    question = ctx.prompter.shown[-1]
    assert question.kind == "ask" and "lost" in question.text
    assert app.calls == 0 and dialog.isVisible() and len(controller.unsaved) == 1
    ctx.prompter.script([True])  # -> Quit and lose the changes
    dialog.reject()
    assert app.calls == 1 and controller.unsaved == {}


def test_locking_forgets_the_messages_shown(qtbot: QtBot, ctx: AppContext,
                                            controller: AppController) -> None:
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    window.new_testimony()
    qtbot.keyClicks(window.editor.title, "Detention of Ivan S.")
    window.editor.finalise()  # refused: "Not ready to finalise", with what is missing
    assert ctx.prompter.shown and ctx.prompter.shown[-1].kind == "warn"
    controller.lock()
    assert ctx.prompter.shown == []


def test_closing_the_window_when_the_text_cannot_be_saved_asks_first(
        qtbot: QtBot, ctx: AppContext, controller: AppController,
        monkeypatch: pytest.MonkeyPatch) -> None:
    app = _QuitCounter()
    monkeypatch.setattr(controller, "_app", app)
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None and controller.vault is not None
    window.new_testimony()
    window.editor.set_section(4)
    _fill_disk(controller.vault)
    window.editor.account.text.setPlainText(TYPED)
    ctx.prompter.script([False])  # "Your last changes could not be saved ... Quit anyway?"
    window.close()
    question = ctx.prompter.shown[-1]
    assert question.kind == "ask" and "not enough free space" in question.text
    qtbot.waitUntil(window.isVisible, timeout=5000)  # back on screen, with the text
    assert app.calls == 0
    assert window.editor.account.text.toPlainText() == TYPED and window.editor.dirty
    ctx.prompter.script([True])  # -> Quit and lose the changes
    window.close()
    assert app.calls == 1
    controller.window = None  # the app would be gone; the fixture must not save again
