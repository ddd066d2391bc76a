"""Travel mode, recovery, backup and the panic lock as a person uses them in the app.

Settings → Travel and backup turns the HQ recovery slot on (explained, asked), prepares
for travel after a typed word (the app then closes), and backs up. The next start shows
the neutral "waiting for access from HQ" screen, which makes the request and opens HQ's
answer with a new passphrase. The panic key locks from anywhere, also over a dialog.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.errors import AwaitingRecoveryError
from nam_desktop.core.exchange import hq_identity, hq_recovery, keycard
from nam_desktop.core.model.json_io import draft_from_dict
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault import backup_restore, recovery, travel
from nam_desktop.core.vault.backup import BackupReason
from nam_desktop.core.vault.recovery_format import RecoveryReason
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.recovery_text import BACKUP_TEXT, RECOVERY_TEXT, TRAVEL_TEXT
from nam_desktop.gui.startup.app_controller import AppController
from nam_desktop.gui.startup.backup_dialog import BackupDialog
from nam_desktop.gui.startup.settings_dialog import SettingsDialog
from nam_desktop.gui.startup.travel_dialog import TravelDialog
from nam_desktop.gui.widgets.context import AppContext

from ..conftest import PASSPHRASE, unlock

NEW = "the passphrase after travel"


def test_every_reason_has_words() -> None:
    assert set(RECOVERY_TEXT) == set(RecoveryReason)
    assert set(BACKUP_TEXT) == set(BackupReason)
    assert set(TRAVEL_TEXT) == set(travel.TravelProblem)


@pytest.fixture
def hq_dir(tmp_path: Path, gui_vault: Vault) -> Path:
    """An HQ whose key card is pinned in the interviewer's vault, the device registered;
    the vault holds one testimony."""
    folder = tmp_path / "hq"
    with Vault.create(folder, PASSPHRASE, kdf=MINIMUM_PARAMS, role="hq") as hq:
        hq_identity.init_hq(hq)
        keycard.pin_keycard(gui_vault, keycard.issue_keycard(hq, hq_name="HQ"))
        hq_identity.register_device(hq, gui_vault.device.fingerprint, "Interviewer")
    repo = TestimonyRepository(gui_vault)
    repo.add(draft_from_dict({"title": "Kept safe"}, repo.vocabulary_codes()))
    return folder


@pytest.fixture
def controller(qtbot: QtBot, qapp: QApplication, ctx: AppContext
               ) -> Iterator[AppController]:
    c = AppController(ctx, qapp)
    yield c
    c.shutdown()
    qapp.removeEventFilter(c.idle)
    for w in (c.window, c.unlock_dialog, c.waiting):
        if w is not None:
            w.close()


def _settings(qtbot: QtBot, c: AppController) -> SettingsDialog:
    c.open_settings()
    dialog = c.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    qtbot.addWidget(dialog)
    return dialog


def test_recovery_slot_is_off_until_chosen_then_travel_and_back(
        qtbot: QtBot, ctx: AppContext, gui_vault: Vault, hq_dir: Path,
        controller: AppController, tmp_path: Path) -> None:
    folder = gui_vault.folder
    gui_vault.close()
    controller.start()
    unlock(qtbot, controller)
    settings = _settings(qtbot, controller)
    tab = settings.travel
    assert "Off" in tab.recovery_state.text()
    dialog = tab.open_travel_dialog()
    qtbot.addWidget(dialog)
    assert not dialog.refusal.isHidden()  # no recovery slot: refused, with the reason
    dialog.word.setText(dialog.confirmation_word())
    assert not dialog.go.isEnabled()
    dialog.reject()
    ctx.prompter.script([True])  # "Turn on the HQ recovery slot?" -> Yes
    tab.recovery_button.click()
    assert "HQ can open this vault" in ctx.prompter.shown[-1].text
    assert "On, for HQ's current key card" in tab.recovery_state.text()
    dialog = tab.open_travel_dialog()
    qtbot.addWidget(dialog)
    assert dialog.refusal.isHidden()
    dialog.word.setText("travel?")
    assert not dialog.go.isEnabled()
    dialog.word.setText(" travel ")  # the word, whatever the case and spaces
    assert dialog.go.isEnabled()
    dialog.go.click()
    # The controller saved and wiped the window, destroyed the key slots, said so.
    assert controller.window is None
    assert travel.is_awaiting_access(folder)
    assert "Travel mode is ready" in ctx.prompter.shown[-1].text
    with pytest.raises(AwaitingRecoveryError):
        Vault.open(folder, PASSPHRASE)

    # Next start: the neutral screen, not the unlock dialog.
    restarted = AppController(ctx, QApplication.instance())  # type: ignore[arg-type]
    try:
        restarted.start()
        screen = restarted.waiting
        assert screen is not None and screen.isVisible()
        assert restarted.unlock_dialog is None
        assert "waiting for access from HQ" in screen.heading.text()
        request_path = screen.make_request(tmp_path)
        assert request_path is not None and screen.code.text().count("-") == 3
        with Vault.open(hq_dir, PASSPHRASE) as hq:
            answer = hq_recovery.answer_request(hq, request_path.read_bytes(), confirmed=True)
        (tmp_path / "answer.json").write_bytes(answer)
        screen.load_answer(tmp_path / "answer.json")
        screen.new.setText(NEW)
        assert not screen.open_button.isEnabled()
        screen.again.setText(NEW)
        with qtbot.waitSignal(restarted.unlocked, timeout=10000):
            screen.open_button.click()
        assert restarted.window is not None and restarted.vault is not None
        assert [t.title for t in TestimonyRepository(restarted.vault).list()] == ["Kept safe"]
    finally:
        restarted.shutdown()
        QApplication.instance().removeEventFilter(restarted.idle)  # type: ignore[union-attr]
        if restarted.window is not None:
            restarted.window.close()
    Vault.open(folder, NEW).close()


def test_unlocking_a_vault_in_travel_mode_shows_the_waiting_screen(
        qtbot: QtBot, ctx: AppContext, gui_vault: Vault, hq_dir: Path,
        controller: AppController) -> None:
    recovery.enable(gui_vault)
    folder = gui_vault.folder
    travel.prepare_travel(gui_vault)
    gui_vault.close()
    ctx.settings.recent_vaults.insert(0, str(hq_dir.resolve()))  # another vault first
    controller.start()
    assert controller.unlock_dialog is not None and controller.waiting is None
    controller.unlock_dialog.select_vault(folder.resolve())
    controller.unlock_dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.unlock_dialog.unlock_failed, timeout=10000):
        controller.unlock_dialog.try_unlock()
    assert controller.waiting is not None and controller.waiting.isVisible()
    assert controller.waiting.folder == folder.resolve()
    assert not controller.unlock_dialog.isVisible()
    controller.waiting.other_button.click()
    assert controller.unlock_dialog.isVisible()


def test_travel_without_the_vault_from_the_dialog(qtbot: QtBot, ctx: AppContext,
                                                  gui_vault: Vault, hq_dir: Path,
                                                  controller: AppController,
                                                  tmp_path: Path) -> None:
    folder = gui_vault.folder
    gui_vault.close()
    controller.start()
    unlock(qtbot, controller)
    dialog = _settings(qtbot, controller).travel.open_travel_dialog()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, TravelDialog)
    dialog.without.setChecked(True)  # no recovery slot needed: a backup instead
    drive = tmp_path / "drive"
    drive.mkdir()
    ctx.dialogs.script([drive])
    dialog.target.choose.click()
    dialog.word.setText(dialog.confirmation_word())
    assert dialog.go.isEnabled()
    with qtbot.waitSignal(dialog.travel_confirmed, timeout=30000):
        dialog.go.click()
    assert not folder.exists()
    assert str(folder.resolve()) not in ctx.settings.recent_vaults
    backup = next(p for p in drive.iterdir() if p.suffix == ".age")
    with Vault.open(hq_dir, PASSPHRASE) as hq:
        ids = list(hq_identity.load_hq(hq).identities)
    backup_restore.restore_backup(backup, tmp_path / "back", identities=ids)
    with Vault.open(tmp_path / "back", PASSPHRASE) as v:
        assert v.check().ok


def test_backup_dialog_with_a_passphrase(qtbot: QtBot, ctx: AppContext, gui_vault: Vault,
                                         hq_dir: Path, tmp_path: Path) -> None:
    dialog = BackupDialog(ctx, gui_vault)
    qtbot.addWidget(dialog)
    assert not dialog.start_button.isEnabled()  # no drive yet
    ctx.dialogs.script([gui_vault.folder / "media"])
    dialog.target.choose.click()
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=10000)
    assert "inside the vault folder" in dialog.error.text()
    drive = tmp_path / "drive"
    drive.mkdir()
    ctx.dialogs.script([drive])
    dialog.target.choose.click()
    dialog.target.with_passphrase.setChecked(True)
    dialog.target.passphrase.setText("backup words here")
    assert not dialog.start_button.isEnabled()
    dialog.target.again.setText("backup words here")
    with qtbot.waitSignal(dialog.backed_up, timeout=30000) as caught:
        dialog.start_button.click()
    result = caught.args[0]
    assert result.key_path is not None and "read back" in dialog.result_text.text()
    assert dialog.target.passphrase.text() == ""  # not kept in the widget
    ids = backup_restore.identities_from_passphrase(result.key_path, "backup words here")
    backup_restore.restore_backup(result.paths[0], tmp_path / "r", identities=ids)
    with Vault.open(tmp_path / "r", PASSPHRASE) as v:
        assert v.check().ok


def test_panic_key_locks_over_a_dialog_and_clears_only_our_clipboard(
        qtbot: QtBot, ctx: AppContext, gui_vault: Vault, controller: AppController) -> None:
    gui_vault.close()
    controller.start()
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    window.new_testimony()
    qtbot.keyClicks(window.editor.title, "Typed before the panic")
    window.activateWindow()
    window.editor.title.setFocus()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None)
    window.editor.title.selectAll()
    window.editor.title.copy()  # the app copied this
    assert QGuiApplication.clipboard().text() == "Typed before the panic"
    settings = _settings(qtbot, controller)
    settings.show()
    qtbot.keyClick(settings.tabs, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert controller.window is None and controller.vault is not None
    assert not controller.vault.is_open
    assert QGuiApplication.clipboard().text() == ""
    assert controller.unlock_dialog is not None and controller.unlock_dialog.isVisible()
    unlock(qtbot, controller)  # the draft was saved by the lock
    assert controller.window is not None
    assert controller.window.editor.title.text() == "Typed before the panic"


def test_panic_leaves_another_programs_clipboard_and_can_hide_the_title(
        qtbot: QtBot, ctx: AppContext, gui_vault: Vault, controller: AppController,
        monkeypatch: pytest.MonkeyPatch) -> None:
    gui_vault.close()
    ctx.settings.panic_neutral_title = True
    controller.start()
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    with monkeypatch.context() as m:  # another program is in front and copies something
        m.setattr(QGuiApplication, "focusWindow", staticmethod(lambda: None))
        QGuiApplication.clipboard().setText("the neighbour's text")
    window.panic_action.trigger()  # the Hide button
    assert controller.window is None
    assert QGuiApplication.clipboard().text() == "the neighbour's text"
    QGuiApplication.clipboard().clear()  # not left to later tests
    dialog = controller.unlock_dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Untitled" and dialog.isMinimized()
    dialog.showNormal()
    unlock(qtbot, controller)
    assert dialog.windowTitle() != "Untitled"  # its own title again


def test_settings_store_keeps_the_panic_choice(ctx: AppContext, gui_vault: Vault,
                                               qtbot: QtBot) -> None:
    dialog = SettingsDialog(ctx, gui_vault)
    qtbot.addWidget(dialog)
    assert not dialog.travel.neutral_title.isChecked()
    dialog.travel.neutral_title.setChecked(True)
    assert ctx.store.load().panic_neutral_title is True
    raw = json.loads(ctx.store.path.read_text("utf-8"))
    assert set(raw) == {"language", "idle_lock_seconds", "autosave_seconds",
                        "recent_vaults", "panic_neutral_title"}


def test_travel_translated(qtbot: QtBot, ctx: AppContext, gui_vault: Vault) -> None:
    ctx.translations.switch("ru")
    dialog = TravelDialog(ctx, gui_vault)
    qtbot.addWidget(dialog)
    assert dialog.confirmation_word() != "TRAVEL"
    assert "Travel mode" not in dialog.explained.text()
    ctx.translations.switch("be")
    assert dialog.confirmation_word() != "TRAVEL"
    ctx.translations.switch("en")
    assert dialog.confirmation_word() == "TRAVEL"
