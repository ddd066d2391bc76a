"""Settings dialog, run_gui start-up, single-instance guard and no traces on disk."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.startup import main as gui_main
from nam_desktop.gui.startup.settings_dialog import SettingsDialog
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.file_dialogs import confine_qt_settings, forget_dialog_history
from nam_desktop.gui.widgets.settings_store import Settings, SettingsStore
from nam_desktop.paths import resolve_paths

from ..conftest import PASSPHRASE


def test_settings_dialog_changes_passphrase_in_a_worker(qtbot: QtBot, ctx: AppContext,
                                                        gui_vault: Vault) -> None:
    dialog = SettingsDialog(ctx, gui_vault)
    qtbot.addWidget(dialog)
    assert gui_vault.device.fingerprint in dialog.fingerprint.text()
    dialog.old.setText(PASSPHRASE)
    dialog.new.setText("new words for the vault")
    assert not dialog.change_button.isEnabled()  # not repeated yet
    dialog.again.setText("new words for the vault")
    with qtbot.waitSignal(dialog.passphrase_changed, timeout=10000):
        dialog.change_button.click()
    assert dialog.new.text() == ""
    gui_vault.close()
    Vault.open(gui_vault.folder, "new words for the vault").close()


def test_settings_dialog_policy_and_timers(qtbot: QtBot, ctx: AppContext,
                                           gui_vault: Vault) -> None:
    dialog = SettingsDialog(ctx, gui_vault)
    qtbot.addWidget(dialog)
    assert dialog.keep_originals.isChecked()
    assert "seized" in dialog.keep_explained.text()
    dialog.keep_originals.setChecked(False)
    assert AttachmentService(gui_vault).keep_originals is False
    with qtbot.waitSignal(dialog.timers_changed):
        dialog.idle.setValue(2)
    assert ctx.store.load().idle_lock_seconds == 120


def test_settings_file_is_private_and_holds_only_vault_folders(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "cfg")
    s = Settings(language="be")
    s.remember_vault(tmp_path / "v1")
    s.remember_vault(tmp_path / "v2")
    s.remember_vault(tmp_path / "v1")
    store.save(s)
    assert os.name != "posix" or (store.path.stat().st_mode & 0o777) == 0o600
    data = json.loads(store.path.read_text())
    assert set(data) == {"language", "idle_lock_seconds", "autosave_seconds", "recent_vaults",
                         "panic_neutral_title"}
    assert data["recent_vaults"] == [str((tmp_path / "v1").resolve()),
                                     str((tmp_path / "v2").resolve())]
    store.path.write_text('{"language": "xx", "idle_lock_seconds": -5}')
    loaded = store.load()
    assert loaded.language == "en" and loaded.idle_lock_seconds == 5


def test_qt_file_dialog_history_is_wiped(qapp: QApplication, tmp_path: Path) -> None:
    confine_qt_settings(tmp_path)
    qt = QSettings(QSettings.Scope.UserScope, "QtProject")
    qt.setValue("FileDialog/lastVisited", "file:///media/usb/evidence")
    qt.setValue("FileDialog/history", ["file:///media/usb/evidence"])
    qt.sync()
    forget_dialog_history()
    again = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert again.value("FileDialog/lastVisited") is None
    assert str(tmp_path) in again.fileName()  # Qt's own settings stay in our config folder


def test_start_gui_shows_first_run_and_guards_single_instance(qapp: QApplication,
                                                              tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "home")
    session = gui_main.start_gui(paths, qapp)
    assert session is not None
    try:
        wizard = session.controller.wizard
        assert wizard is not None and wizard.isVisible()
        assert gui_main.start_gui(paths, qapp, show_notice=False) is None  # second instance
    finally:
        if session.controller.wizard is not None:
            session.controller.wizard.close()
        qapp.removeEventFilter(session.controller.idle)
        session.close()
    holder = QLockFile(str(paths.config / gui_main.LOCK_NAME))
    assert holder.tryLock(100)  # released on close
    holder.unlock()
