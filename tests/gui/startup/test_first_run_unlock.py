"""First-run wizard and unlock dialog, with the fast KDF."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.startup.first_run_wizard import FirstRunWizard
from nam_desktop.gui.startup.unlock_dialog import UnlockDialog
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.passphrase_widgets import strength

from ..conftest import PASSPHRASE


def test_strength_grows_with_length_and_variety() -> None:
    assert strength("short") == 0
    assert strength("aaaaaaaa") < strength("correct horse battery staple")
    assert strength("correct horse battery staple") == 4


def test_wizard_creates_vault_and_shows_fingerprint(qtbot: QtBot, ctx: AppContext,
                                                    tmp_path: Path) -> None:
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # language -> folder
    folder = tmp_path / "my-vault"
    wizard.folder_page.folder.setText(str(folder))
    wizard.next()  # -> passphrase
    page = wizard.passphrase_page
    page.first.setText(PASSPHRASE)
    page.second.setText(PASSPHRASE + "x")
    assert not page.isComplete()
    assert "not the same" in page.mismatch.text()
    page.second.setText(PASSPHRASE)
    assert not page.isComplete()  # the warning must be acknowledged
    assert "cannot be recovered" in page.understood.text()
    page.understood.setChecked(True)
    assert page.isComplete()
    wizard.next()  # -> interviewer
    wizard.interviewer_page.name.setText("INT-07")
    with qtbot.waitSignal(wizard.device_page.completeChanged, timeout=10000):
        wizard.next()  # commit: the vault is created in a worker
    assert wizard.vault is not None
    fingerprint = wizard.device_page.fingerprint.fingerprint
    assert fingerprint == wizard.vault.device.fingerprint
    assert page.first.text() == ""  # the passphrase does not linger in widgets
    assert ctx.store.load().recent_vaults == [str(folder.resolve())]
    wizard.next()  # -> key card
    with qtbot.waitSignal(wizard.vault_created) as created:
        wizard.accept()
    vault = created.args[0]
    assert vault.meta("interviewer") == "INT-07"
    vault.close()


def test_wizard_language_switch_retranslates(qtbot: QtBot, ctx: AppContext) -> None:
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    page = wizard.language_page
    page.combo.setCurrentIndex(page.combo.findData("be"))
    if not Path(__file__).parents[3].joinpath("resources/i18n/nam_be.qm").exists():
        return  # .qm not built: source strings stay (checked in test_i18n)
    assert page.title() == "Вітаем"
    assert ctx.settings.language == "be"


def _unlock_dialog(qtbot: QtBot, ctx: AppContext) -> UnlockDialog:
    dialog = UnlockDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_unlock_wrong_then_right_passphrase(qtbot: QtBot, ctx: AppContext,
                                            gui_vault: Vault) -> None:
    gui_vault.close()
    dialog = _unlock_dialog(qtbot, ctx)
    assert dialog.vaults.currentData() == str(gui_vault.folder.resolve())
    dialog.passphrase.setText("not the passphrase")
    with qtbot.waitSignal(dialog.unlock_failed, timeout=10000):
        dialog.try_unlock()
    assert "passphrase is not correct" in dialog.error.text()
    assert not dialog.busy.isVisible()
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.unlocked, timeout=10000) as opened:
        dialog.try_unlock()
    vault = opened.args[0]
    assert vault.is_open and dialog.passphrase.text() == ""
    vault.close()


def test_unlock_reports_vault_in_use(qtbot: QtBot, ctx: AppContext, gui_vault: Vault) -> None:
    dialog = _unlock_dialog(qtbot, ctx)  # gui_vault still holds the lock
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.unlock_failed, timeout=10000):
        dialog.try_unlock()
    assert "already open" in dialog.error.text()


def test_unlock_reports_damaged_vault(qtbot: QtBot, ctx: AppContext, gui_vault: Vault) -> None:
    gui_vault.close()
    db = gui_vault.folder / "vault.db"
    data = bytearray(db.read_bytes())
    data[5000:9000] = b"\0" * 4000
    db.write_bytes(bytes(data))
    dialog = _unlock_dialog(qtbot, ctx)
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.unlock_failed, timeout=10000):
        dialog.try_unlock()
    assert "damaged" in dialog.error.text()
