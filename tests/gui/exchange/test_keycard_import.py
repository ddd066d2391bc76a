"""HQ key card import: the root fingerprint is shown big and pinned only on confirmation;
forged, unsigned, foreign-root and older cards are refused in words."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import hq_identity, keycard, signed_doc
from nam_desktop.core.exchange.errors import Reason
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.exchange_text import REASON_TEXT, tr
from nam_desktop.gui.exchange.keycard_dialog import KeyCardDialog, KeyCardPanel
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.startup.first_run_wizard import FirstRunWizard
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.fingerprint_label import grouped_fingerprint

from ..conftest import PASSPHRASE
from .conftest import Exchange


def _dialog(qtbot: QtBot, ctx: AppContext, ex: Exchange) -> KeyCardDialog:
    dialog = KeyCardDialog(ctx, ex.iv)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_fingerprint_grouping() -> None:
    assert grouped_fingerprint("7YEQ-AJVN-2EZR-F32P-UU2U-DHFJ") == \
        "7YEQ  AJVN  2EZR\nF32P  UU2U  DHFJ"


def test_first_import_shows_fingerprint_and_pins_only_on_confirmation(
        qtbot: QtBot, ctx: AppContext, exchange: Exchange) -> None:
    ex = exchange
    dialog = _dialog(qtbot, ctx, ex)
    panel = dialog.panel
    assert "No key card yet" in dialog.current.text()
    ctx.dialogs.script([ex.card_file(ex.card())])
    panel.open_button.click()
    assert panel.compare_box.isVisibleTo(panel)
    assert panel.fingerprint.text() == grouped_fingerprint(ex.root_fingerprint)
    assert panel.fingerprint.font().pointSizeF() >= 20
    assert "24pt" in panel.fingerprint.styleSheet()
    assert "phone" in panel.explain.text()
    assert panel.match_button.text().startswith("It matches")
    assert keycard.current_keycard(ex.iv) is None  # nothing stored before the answer
    with qtbot.waitSignal(dialog.pinned):
        panel.match_button.click()
    card = keycard.current_keycard(ex.iv)
    assert card is not None and card.root_fingerprint == ex.root_fingerprint
    assert not panel.compare_box.isVisibleTo(panel)
    assert "imported" in panel.done.text()
    # The card in use: HQ's fingerprint and the recipients.
    assert dialog.current_fingerprint.fingerprint == ex.root_fingerprint
    assert dialog.current_fingerprint.text() == grouped_fingerprint(ex.root_fingerprint)
    assert "HQ Vilnius" in dialog.current.text()
    assert all(r in dialog.recipients.text() for r in card.recipients)
    # The same card again: nothing to do.
    ctx.dialogs.script([ex.card_file(card.raw)])
    panel.open_button.click()
    assert "already in use" in panel.done.text() and not panel.waiting_for_confirmation


def test_mismatch_answer_keeps_nothing(qtbot: QtBot, ctx: AppContext,
                                       exchange: Exchange) -> None:
    dialog = _dialog(qtbot, ctx, exchange)
    panel = dialog.panel
    panel.paste.setPlainText(exchange.card().decode())
    assert panel.check_button.isEnabled()
    panel.check_button.click()
    assert panel.waiting_for_confirmation
    panel.mismatch_button.click()
    assert keycard.current_keycard(exchange.iv) is None
    assert "not imported" in panel.error.text()
    assert not panel.waiting_for_confirmation


def test_forged_unsigned_and_junk_cards_are_refused(qtbot: QtBot, ctx: AppContext,
                                                    exchange: Exchange) -> None:
    doc = json.loads(exchange.card())
    swapped = json.loads(json.dumps(doc))
    swapped["payload"]["recipients"] = ["age1" + "q" * 58]
    unsigned = json.loads(json.dumps(doc))
    unsigned["signature"] = ""
    resigned = json.loads(json.dumps(doc))  # signed by a key other than the named root
    evil = DeviceIdentity(DeviceIdentity.generate_raw())
    resigned["signature"] = evil.sign(keycard.CONTEXT + signed_doc.canonical(
        resigned["payload"])).hex()
    panel = KeyCardPanel(ctx, exchange.iv)
    qtbot.addWidget(panel)
    invalid = tr(REASON_TEXT[Reason.KEYCARD_INVALID])
    for case in (json.dumps(swapped), json.dumps(unsigned), json.dumps(resigned),
                 "not a key card", "{}", exchange.card().decode().replace('"', "“", 2)):
        panel.paste.setPlainText(case)
        panel.check_button.click()
        assert panel.error.text() == invalid
        assert not panel.waiting_for_confirmation
    big = exchange.tmp / "big.keycard"
    big.write_bytes(b"x" * 300_000)
    panel.load_file(big)
    assert panel.error.text() == invalid
    panel.load_file(exchange.tmp / "missing.keycard")
    assert panel.error.text() == "The file cannot be read."
    assert keycard.current_keycard(exchange.iv) is None


def test_foreign_root_refused_and_rotation_accepted(qtbot: QtBot, ctx: AppContext,
                                                    exchange: Exchange) -> None:
    ex = exchange
    first = ex.card()
    keycard.pin_keycard(ex.iv, first)
    panel = KeyCardPanel(ctx, ex.iv)
    qtbot.addWidget(panel)
    with Vault.create(ex.tmp / "hq2", PASSPHRASE, kdf=MINIMUM_PARAMS, role="hq") as other:
        hq_identity.init_hq(other)
        keycard.issue_keycard(other)
        foreign = keycard.issue_keycard(other)  # serial 2: "newer", but another root
    panel.check_bytes(foreign)
    assert panel.error.text() == tr(REASON_TEXT[Reason.KEYCARD_ROOT_MISMATCH])
    assert "different HQ key" in panel.error.text()
    # Rotation: next serial from the same root; confirmed with one click.
    hq_identity.rotate_recipient(ex.hq)
    rotated = ex.card()
    panel.check_bytes(rotated)
    assert panel.waiting_for_confirmation
    assert "replaces key card number 1" in panel.explain.text()
    assert panel.match_button.text() == "Use the new key card"
    panel.match_button.click()
    current = keycard.current_keycard(ex.iv)
    assert current is not None and current.serial == 2 and len(current.recipients) == 2
    panel.check_bytes(first)  # the older card is refused now
    assert panel.error.text() == tr(REASON_TEXT[Reason.KEYCARD_OUTDATED])


def test_main_window_menu_opens_the_key_card_dialog(qtbot: QtBot, ctx: AppContext,
                                                    exchange: Exchange) -> None:
    window = MainWindow(ctx, exchange.iv)
    qtbot.addWidget(window)
    window.show()
    assert window.keycard_action.text() == "Import HQ key card…"
    window.keycard_action.trigger()
    assert isinstance(window.exchange_dialog, KeyCardDialog)
    assert window.exchange_dialog.isVisible()
    window.wipe()  # locking closes it
    assert window.exchange_dialog is None


def test_first_run_wizard_key_card_page(qtbot: QtBot, ctx: AppContext, tmp_path: Path,
                                        exchange: Exchange) -> None:
    card = exchange.card_file(exchange.card())
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.folder_page.folder.setText(str(tmp_path / "new-vault"))
    wizard.next()
    wizard.passphrase_page.first.setText(PASSPHRASE)
    wizard.passphrase_page.second.setText(PASSPHRASE)
    wizard.passphrase_page.understood.setChecked(True)
    wizard.next()
    with qtbot.waitSignal(wizard.device_page.completeChanged, timeout=10000):
        wizard.next()
    wizard.next()  # -> key card page: the import panel is there, skipping is offered
    page = wizard.key_card_page
    assert wizard.currentPage() is page and page.panel is not None
    assert page.later_button.text() == "I'll do it later"
    ctx.dialogs.script([card])
    page.panel.open_button.click()
    assert page.panel.fingerprint.text() == grouped_fingerprint(exchange.root_fingerprint)
    page.panel.match_button.click()
    assert not page.later_button.isVisibleTo(page)
    with qtbot.waitSignal(wizard.vault_created) as created:
        wizard.accept()
    vault = created.args[0]
    try:
        pinned = keycard.current_keycard(vault)
        assert pinned is not None and pinned.root_fingerprint == exchange.root_fingerprint
    finally:
        vault.close()


def test_first_run_wizard_later(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.folder_page.folder.setText(str(tmp_path / "v"))
    wizard.next()
    wizard.passphrase_page.first.setText(PASSPHRASE)
    wizard.passphrase_page.second.setText(PASSPHRASE)
    wizard.passphrase_page.understood.setChecked(True)
    wizard.next()
    with qtbot.waitSignal(wizard.device_page.completeChanged, timeout=10000):
        wizard.next()
    wizard.next()
    with qtbot.waitSignal(wizard.vault_created) as created:
        wizard.key_card_page.later_button.click()
    vault = created.args[0]
    try:
        assert keycard.current_keycard(vault) is None
    finally:
        vault.close()
