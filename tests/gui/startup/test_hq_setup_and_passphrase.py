"""The first-run wizard sets up an HQ station (what `nam-desktop hq init` does) beside the
interviewer's vault, and every passphrase field has a "Show passphrase" toggle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from nam_desktop.core.exchange import hq_identity, keycard
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.hq.hq_window import HqWindow
from nam_desktop.gui.startup.app_controller import AppController
from nam_desktop.gui.startup.first_run_wizard import FirstRunWizard
from nam_desktop.gui.startup.settings_dialog import SettingsDialog
from nam_desktop.gui.startup.unlock_dialog import UnlockDialog
from nam_desktop.gui.widgets.context import AppContext

from ..conftest import walk_to_commit_page


def test_the_wizard_sets_up_an_hq_station(qtbot: QtBot, qapp: QApplication,
                                          ctx: AppContext, tmp_path: Path) -> None:
    controller = AppController(ctx, qapp)
    controller.show_wizard()
    wizard = controller.wizard
    assert isinstance(wizard, FirstRunWizard)
    qtbot.addWidget(wizard)
    page = wizard.language_page
    assert page.interviewer_role.isChecked() and page.hq_role.text() == "Set up an HQ station"
    walk_to_commit_page(wizard, tmp_path / "hq-vault", hq=True)
    assert wizard.currentPage() is wizard.hq_page  # not the interviewer's name
    wizard.hq_page.name.setText("HQ Vilnius")
    with qtbot.waitSignal(wizard.device_page.completeChanged, timeout=10000):
        wizard.next()
    vault = wizard.vault
    assert vault is not None and vault.role == "hq"
    root = hq_identity.load_hq(vault).root_fingerprint  # the HQ keys exist
    assert wizard.device_page.fingerprint.fingerprint == root
    assert "root fingerprint" in wizard.device_page.status.text()
    assert wizard.currentPage().isFinalPage()  # no key card to import at HQ
    assert vault.meta("hq_name") == "HQ Vilnius"
    card = keycard.parse_keycard(keycard.issue_keycard(vault, hq_name="HQ Vilnius"))
    assert card.root_fingerprint == root
    try:
        wizard.accept()
        assert isinstance(controller.window, HqWindow)  # HQ's workspace opens
        qtbot.addWidget(controller.window)
        assert controller.window.has_keys
    finally:
        controller.shutdown()
        if controller.window is not None:
            controller.window.close()


def test_interviewer_path_is_unchanged(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    walk_to_commit_page(wizard, tmp_path / "iv")
    assert wizard.currentPage() is wizard.interviewer_page
    wizard.interviewer_page.name.setText("INT-07")
    with qtbot.waitSignal(wizard.device_page.completeChanged, timeout=10000):
        wizard.next()
    assert wizard.vault is not None and wizard.vault.role == "interviewer"
    assert not wizard.currentPage().isFinalPage()  # HQ's key card comes next
    wizard.next()
    assert wizard.currentPage() is wizard.key_card_page
    assert wizard.currentPage().isFinalPage()  # not on to the HQ station's page
    wizard.vault.close()


def _echo(*edits: QLineEdit) -> set[QLineEdit.EchoMode]:
    return {e.echoMode() for e in edits}


def test_every_passphrase_field_can_be_shown(qtbot: QtBot, ctx: AppContext,
                                             gui_vault: Vault) -> None:
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    page = wizard.passphrase_page
    assert _echo(page.first, page.second) == {QLineEdit.EchoMode.Password}
    page.show_text.click()
    assert _echo(page.first, page.second) == {QLineEdit.EchoMode.Normal}
    assert page.show_text.text() == "Show passphrase"

    unlock = UnlockDialog(ctx)
    qtbot.addWidget(unlock)
    unlock.show_text.click()
    assert unlock.passphrase.echoMode() is QLineEdit.EchoMode.Normal
    unlock.show_text.hide_text()
    assert unlock.passphrase.echoMode() is QLineEdit.EchoMode.Password

    settings = SettingsDialog(ctx, gui_vault)
    qtbot.addWidget(settings)
    settings.show_text.click()
    assert _echo(settings.old, settings.new, settings.again) == {QLineEdit.EchoMode.Normal}
