"""The HQ workspace: an HQ vault opens it, devices are registered after comparing the
fingerprint, real bundles from an interviewer vault are imported in a worker with a
verdict per bundle (imported, already imported, rejected with the reason in words, gap
and fork warnings), and the signed receipt goes back and marks the testimony delivered."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QTextBrowser
from pytestqt.qtbot import QtBot

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import export, hq_identity, keycard, receipt
from nam_desktop.core.exchange.errors import Reason
from nam_desktop.core.exchange.hq_import import ImportRefusedError
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import Consent, Interview, TestimonyDraft, Witness
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.hq.hq_import_panel import FINGERPRINT_ROLE, BundleOutcome, group_bundles
from nam_desktop.gui.hq.hq_window import DEVICES_TAB, IMPORT_TAB, TESTIMONIES_TAB, HqWindow
from nam_desktop.gui.startup.app_controller import AppController
from nam_desktop.gui.widgets.context import AppContext

from ..conftest import PASSPHRASE

NARRATIVE = "They held us in the corridor at Okrestina, marker 5e1c"
WITNESS_NAME = "Іван Сакрэтны"
ONE_TESTIMONY = "testimon(?:y|ies)"  # "testimony" once the English catalogue is built


@dataclass
class Station:
    hq: Vault
    iv: Vault
    repo: TestimonyRepository
    tid: str
    usb: Path
    tmp: Path

    def export(self) -> Path:
        return export.export_bundle(self.iv, self.usb).paths[0]


def jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (16, 12), (120, 30, 30)).save(buf, "JPEG")
    return buf.getvalue()


def add_final(vault: Vault, repo: TestimonyRepository, title: str) -> str:
    draft = TestimonyDraft(
        title=title, interview=Interview(date="2025-03-01", place="Vilnius"),
        consent=Consent(hq_documentation=True, method="oral", given_date="2025-03-01"),
        witness=Witness(pseudonym="Swallow"), narrative=NARRATIVE)
    draft.identity.name = WITNESS_NAME
    tid = repo.add(draft)
    AttachmentService(vault).attach(tid, io.BytesIO(jpeg()), "photo.jpg")
    repo.finalize(tid)
    return tid


def make_hq(folder: Path) -> Vault:
    hq = Vault.create(folder, PASSPHRASE, kdf=MINIMUM_PARAMS, role="hq")
    TestimonyRepository(hq)
    hq_identity.init_hq(hq)
    return hq


@pytest.fixture
def station(ctx: AppContext, tmp_path: Path) -> Iterator[Station]:
    hq = make_hq(ctx.paths.default_vault)
    ctx.settings.remember_vault(hq.folder)
    iv = Vault.create(tmp_path / "iv", PASSPHRASE, kdf=MINIMUM_PARAMS, interviewer="INT-1")
    usb = tmp_path / "usb"
    usb.mkdir()
    try:
        keycard.pin_keycard(iv, keycard.issue_keycard(hq, hq_name="HQ"))
        repo = TestimonyRepository(iv)
        yield Station(hq, iv, repo, add_final(iv, repo, "Detention at Okrestina"), usb,
                      tmp_path)
    finally:
        ctx.runner.wait()
        iv.close()
        hq.close()


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, station: Station) -> Iterator[HqWindow]:
    w = HqWindow(ctx, station.hq)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.import_panel.cancel()
    ctx.runner.wait()


def register(station: Station, name: str = "Interviewer A") -> None:
    hq_identity.register_device(station.hq, station.iv.device.public_key.hex(), name)


def run_import(qtbot: QtBot, ctx: AppContext, window: HqWindow, *paths: Path) -> list[str]:
    ctx.dialogs.script(list(paths))
    window.import_action.trigger()
    assert window.tabs.currentIndex() == IMPORT_TAB
    qtbot.waitUntil(lambda: not window.import_panel.busy, timeout=30000)
    return window.import_panel.verdict_lines()


def test_an_hq_vault_opens_the_hq_workspace_and_locks(
        qtbot: QtBot, qapp: QApplication, ctx: AppContext, station: Station) -> None:
    station.hq.close()
    QGuiApplication.clipboard().clear()  # what an earlier test left (another program's text)
    controller = AppController(ctx, qapp)
    try:
        controller.start()
        assert controller.unlock_dialog is not None
        qtbot.addWidget(controller.unlock_dialog)
        controller.unlock_dialog.passphrase.setText(PASSPHRASE)
        with qtbot.waitSignal(controller.unlocked, timeout=10000):
            controller.unlock_dialog.try_unlock()
        window = controller.window
        assert isinstance(window, HqWindow)
        assert window.windowTitle() == "NAM Desktop — HQ"
        assert not window.banner.isVisible() and window.import_action.isEnabled()
        window.tabs.setCurrentIndex(DEVICES_TAB)
        controller.lock()
        assert controller.window is None and controller.vault is not None
        assert not controller.vault.is_open
        assert QGuiApplication.clipboard().text() == ""
        controller.unlock_dialog.passphrase.setText(PASSPHRASE)
        with qtbot.waitSignal(controller.unlocked, timeout=10000):
            controller.unlock_dialog.try_unlock()
        assert isinstance(controller.window, HqWindow)
        assert controller.window.tabs.currentIndex() == DEVICES_TAB  # back where we were
    finally:
        controller.shutdown()
        qapp.removeEventFilter(controller.idle)
        if controller.window is not None:
            controller.window.close()


def test_register_a_device_after_comparing_its_fingerprint(
        ctx: AppContext, window: HqWindow, station: Station) -> None:
    panel = window.devices
    fingerprint = station.iv.device.fingerprint
    assert not panel.register_button.isEnabled()
    panel.key_input.setText(station.iv.device.public_key.hex())
    assert panel.preview.text() == fingerprint  # shown to read back to the interviewer
    panel.name_input.setText("Interviewer A")
    assert panel.register_button.isEnabled()
    ctx.prompter.script([False])  # "the groups do not match"
    assert not panel.register()
    assert fingerprint in ctx.prompter.shown[-1].text
    assert hq_identity.devices(station.hq) == []
    ctx.prompter.script([True])
    assert panel.register()
    [device] = hq_identity.devices(station.hq)
    assert (device.fingerprint, device.name) == (fingerprint, "Interviewer A")
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 1).text() == fingerprint
    assert panel.table.item(0, 2).text() == "known"
    assert panel.key_input.text() == ""
    panel.key_input.setText("not a key")
    assert panel.preview.text() == "—" and not panel.register_button.isEnabled()


def test_import_a_real_bundle_then_again_then_save_the_receipt(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station) -> None:
    register(station)
    bundle = station.export()
    lines = run_import(qtbot, ctx, window, bundle)
    assert re.fullmatch(rf"{bundle.name}: imported 1 {ONE_TESTIMONY} from Interviewer A "
                        r"\(bundle no\. 1\)\.", lines[0])
    assert lines[1].strip().startswith("Items: 3 new, 0 already here")
    assert re.fullmatch(r"1 bundles? checked: 1 imported, 0 already imported, 0 rejected\.",
                        window.import_panel.summary.text())

    # the testimony is listed and readable, identity hidden until asked (and not sent)
    assert window.model.rowCount() == 1
    window.tabs.setCurrentIndex(0)
    window.table.selectRow(0)
    assert window.viewer.testimony_id == station.tid
    text = window.viewer.browser.toPlainText()
    assert "Detention at Okrestina" in text and NARRATIVE in text and "photo.jpg" in text
    assert WITNESS_NAME not in text
    assert "Interviewer A" in window.viewer.origin.text()
    window.viewer.show_identity.setChecked(True)
    assert WITNESS_NAME not in window.viewer.browser.toPlainText()  # never exported
    assert "Identity" in window.viewer.browser.toPlainText()

    # the same bundle again: idempotent
    lines = run_import(qtbot, ctx, window, bundle)
    assert lines == [f"{bundle.name}: already imported from Interviewer A (bundle no. 1). "
                     "Nothing changed."]
    assert window.model.rowCount() == 1

    # the receipt goes back to the interviewer's stick and marks the testimony delivered
    panel = window.import_panel
    assert panel.receipt_button.isVisibleTo(window) and panel.receipt_button.isEnabled()
    assert panel.receipt_device.currentData() == station.iv.device.fingerprint
    ctx.dialogs.script([station.usb])
    panel.receipt_button.click()
    [saved] = sorted(station.usb.glob("nam-receipt-*.json"))
    assert str(saved) in ctx.prompter.shown[-1].text
    result = receipt.apply_receipt(station.iv, saved.read_bytes())
    assert result.delivered == [station.tid]
    # a second receipt on the same day gets its own name; nothing is replaced
    ctx.dialogs.script([station.usb])
    window.devices.select(station.iv.device.fingerprint)
    window.devices.receipt_button.click()
    assert len(list(station.usb.glob("nam-receipt-*.json"))) == 2


def test_tampered_truncated_misaddressed_and_unknown_bundles_are_rejected_in_words(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station) -> None:
    bundle = station.export()
    data = bundle.read_bytes()
    flipped = station.tmp / "flipped.age"  # in the first age chunk: the first failure
    at = 300  # (a flip further on comes after the unknown signer, in reading order)
    flipped.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1:])
    cut = station.tmp / "cut.age"
    cut.write_bytes(data[:250])  # inside the first chunk, before the signed header is whole
    junk = station.tmp / "junk.age"
    junk.write_bytes(b"not an age file at all")
    hello = station.tmp / "hello.age"  # a real age file for this HQ, but no bundle inside
    hq_recipient = pyrage.x25519.Recipient.from_str(
        hq_identity.load_hq(station.hq).recipients[0])
    hello.write_bytes(pyrage.encrypt(b"hello, HQ", [hq_recipient]))
    letter = station.tmp / "letter.age"
    letter.write_bytes(pyrage.encrypt(b"Dear HQ, " * 20, [hq_recipient]))
    other = pyrage.x25519.Identity.generate().to_public()
    stranger = export.export_bundle(
        station.iv, station.tmp, export.ExportOptions(recipients=(str(other),))).paths[0]

    lines = run_import(qtbot, ctx, window, flipped, cut, junk, hello, letter, stranger,
                       bundle)
    text = "\n".join(lines)
    for name, reason in ((flipped, "  The file was damaged, altered or cut short"),
                         (cut, "  The file was damaged, altered or cut short"),
                         (junk, "  The file is not a NAM bundle"),  # not even age
                         (hello, "  The file is incomplete (cut short)."),
                         (letter, "  The file is not a NAM bundle"),
                         (stranger, "  This bundle is not addressed to this HQ"),
                         (bundle, "  Signed by a device that is not registered here")):
        at = lines.index(f"{name.name}: REJECTED.")
        assert lines[at + 1].startswith(reason), (name, lines[at + 1])
    assert text.count("Nothing from this bundle was imported.") == 7
    assert window.import_panel.summary.text() == \
        "7 bundles checked: 0 imported, 0 already imported, 7 rejected."
    assert window.model.rowCount() == 0
    assert not window.import_panel.receipt_button.isVisibleTo(window)

    # the unknown signer's fingerprint leads straight to registering it
    tree = window.import_panel.verdicts
    top = tree.topLevelItem(6)
    signed_by = next(top.child(i) for i in range(top.childCount())
                     if top.child(i).data(0, FINGERPRINT_ROLE))
    assert station.iv.device.fingerprint in signed_by.text(0)
    tree.itemActivated.emit(signed_by, 0)
    assert window.tabs.currentIndex() == DEVICES_TAB
    assert window.devices.preview.text() == station.iv.device.fingerprint
    window.devices.name_input.setText("Interviewer A")
    ctx.prompter.script([True])
    assert window.devices.register()
    lines = run_import(qtbot, ctx, window, bundle)
    assert re.match(rf"{bundle.name}: imported 1 {ONE_TESTIMONY} from Interviewer A", lines[0])


def test_a_missing_bundle_is_flagged_as_a_lost_stick(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station) -> None:
    register(station)
    first = station.export()
    station.export()  # bundle 2: lost on the way
    third = station.export()
    lines = run_import(qtbot, ctx, window, first, third)
    assert re.match(rf"{first.name}: imported 1 {ONE_TESTIMONY} ", lines[0])
    third_line = next(i for i, line in enumerate(lines) if line.startswith(third.name))
    assert lines[third_line] == (f"{third.name}: imported 0 testimonies from Interviewer A "
                                 "(bundle no. 3).")
    assert re.fullmatch(r"Warning: 1 bundles? from this device may be missing \(no\. 2 not "
                        r"received\) — lost stick\? Ask the interviewer\.",
                        lines[third_line + 2].strip())  # "bundle" with the English catalogue
    assert window.alarms.table.rowCount() == 1
    assert window.tabs.tabText(3) == "Alarms (1)"
    assert window.alarms.table.item(0, 1).text() == "missing bundle (lost stick?)"
    assert "Interviewer A" in window.alarms.table.item(0, 2).text()


def test_a_copied_device_key_is_a_fork_alarm(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station) -> None:
    register(station)
    folder = station.iv.folder
    station.iv.close()
    shutil.copytree(folder, station.tmp / "copy")  # someone copied the whole vault
    original = Vault.open(folder, PASSPHRASE)
    copy = Vault.open(station.tmp / "copy", PASSPHRASE)
    try:
        usb2 = station.tmp / "usb2"
        usb2.mkdir()
        a = export.export_bundle(original, station.usb).paths[0]
        b = export.export_bundle(copy, usb2).paths[0]
    finally:
        copy.close()
        station.iv = original  # closed by the fixture
    lines = run_import(qtbot, ctx, window, a, b)
    assert re.match(rf"{a.name}: imported 1 {ONE_TESTIMONY} ", lines[0])
    at = lines.index(f"{b.name}: REJECTED.")
    assert lines[at + 1] == ("  Two different bundles with the same sequence number came from "
                             "this device — the device key may have been copied. The alarm is "
                             "recorded for review.")
    assert window.alarms.table.item(0, 1).text() == "fork (device key copied?)"


def test_conflicting_items_are_listed_for_review(window: HqWindow, station: Station) -> None:
    from nam_desktop.core.exchange.bundle_format import ZERO_DIGEST, BundleHeader

    header = BundleHeader(
        bundle_id="b-1", created_at="2026-01-01T00:00:00Z",
        device_public_key=station.iv.device.public_key, vault_id="v", seq=4,
        prev_digest=ZERO_DIGEST, recipients=(), hq_root="", audit_entries=0,
        audit_head=ZERO_DIGEST, entries=())
    error = ImportRefusedError(Reason.CONFLICT, "detail", header,
                               (f"testimony/{station.tid}/1", "attachment/a-1"))
    panel = window.import_panel
    panel.outcomes = [BundleOutcome("x.age", [Path("x.age")], error=error)]
    panel.show_outcomes()
    lines = panel.verdict_lines()
    assert lines[:2] == ["x.age: REJECTED.",
                         "  Some items arrived with different content than the copies already "
                         "here. The alarm is recorded; review these items:"]
    assert lines[2:4] == [f"  testimony/{station.tid}/1", "  attachment/a-1"]
    assert f"Signed by device {station.iv.device.fingerprint}." in lines[4]


def test_a_split_bundle_is_imported_from_any_of_its_parts(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station) -> None:
    register(station)
    parts = export.export_bundle(station.iv, station.usb,
                                 export.ExportOptions(part_size=300_000)).paths
    assert len(parts) > 2
    assert group_bundles([parts[1], parts[0], parts[-1]]) == [parts]
    lines = run_import(qtbot, ctx, window, parts[1], parts[0])
    assert len([line for line in lines if not line.startswith(" ")]) == 1
    assert re.match(rf"{parts[0].name}: imported 1 {ONE_TESTIMONY} ", lines[0])


def test_write_key_card_and_printable_page(
        ctx: AppContext, window: HqWindow, station: Station) -> None:
    from nam_desktop.gui.hq.hq_keycard_dialog import HqKeyCardDialog

    dialog = window.open_keycard_dialog()
    assert isinstance(dialog, HqKeyCardDialog) and dialog.isVisible()
    root = hq_identity.load_hq(station.hq).root_fingerprint
    assert dialog.fingerprint.text() == root
    assert "key card no. 2" in dialog.intro.text()  # the fixture issued no. 1
    dialog.name.setText("Viasna HQ")
    dialog.originals.setChecked(False)
    dialog.language.setCurrentIndex(dialog.language.findData("be"))
    folder = station.tmp / "cards"
    folder.mkdir()
    ctx.dialogs.script([])  # the folder chooser cancelled: nothing issued
    assert not dialog.write()
    assert hq_identity.load_hq(station.hq).card_serial == 1
    ctx.dialogs.script([folder])
    assert dialog.write()
    assert sorted(p.name for p in folder.iterdir()) == ["nam-keycard-2.json",
                                                         "nam-keycard-2.pdf"]
    card = keycard.parse_keycard((folder / "nam-keycard-2.json").read_bytes())
    assert (card.serial, card.hq_name, card.accept_originals) == (2, "Viasna HQ", False)
    assert (folder / "nam-keycard-2.pdf").read_bytes().startswith(b"%PDF")
    assert root in ctx.prompter.shown[-1].text
    assert station.hq.meta("hq_name") == "Viasna HQ"  # offered next time
    # the interviewer's app accepts the newer card from the same root
    assert keycard.check_keycard(station.iv, card.raw).card.serial == 2


def test_a_vault_without_hq_keys_offers_to_create_them(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    bare = Vault.create(tmp_path / "bare", PASSPHRASE, kdf=MINIMUM_PARAMS, role="hq")
    try:
        w = HqWindow(ctx, bare)
        qtbot.addWidget(w)
        w.show()
        assert w.banner.isVisible() and not w.import_action.isEnabled()
        assert not w.keycard_action.isEnabled()
        ctx.prompter.script([True])
        w.create_keys_button.click()
        assert not w.banner.isVisible() and w.import_action.isEnabled()
        assert hq_identity.load_hq(bare).card_serial == 0
    finally:
        bare.close()


def test_locking_mid_import_shows_nothing_afterwards(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station) -> None:
    register(station)
    bundle = station.export()
    window.import_panel.import_paths([bundle])
    assert window.import_panel.busy and not window.import_panel.import_button.isEnabled()
    window.wipe()  # what the controller does before closing the vault
    ctx.runner.wait()
    qtbot.wait(50)  # let queued results arrive
    assert window.import_panel.verdict_lines() == []
    assert window.model.rowCount() == 0 and window.viewer.testimony_id == ""


def test_every_input_of_the_hq_workspace_has_an_accessible_name(
        qtbot: QtBot, window: HqWindow) -> None:
    from ..test_accessibility import _unnamed

    assert _unnamed(window) == []
    dialog = window.open_keycard_dialog()
    assert dialog is not None
    assert _unnamed(dialog) == []
    dialog.close()


# ---- full-text search over what was imported ---------------------------------------------
OTHER_NARRATIVE = "Questioned at the border crossing for six hours, marker 7d2a"


def add_other_final(station: Station) -> str:
    draft = TestimonyDraft(
        title="Questioned at the border", interview=Interview(date="2025-04-02"),
        consent=Consent(hq_documentation=True, method="oral", given_date="2025-04-02"),
        witness=Witness(pseudonym="Heron"), narrative=OTHER_NARRATIVE)
    tid = station.repo.add(draft)
    station.repo.finalize(tid)
    return tid


def shown_text(window: HqWindow) -> str:
    """Every text a widget of the window holds (labels, fields, lists, browsers)."""
    parts = [w.text() for w in window.findChildren(QLabel)]
    parts += [w.text() for w in window.findChildren(QLineEdit)]
    parts += [w.toPlainText() for w in window.findChildren(QTextBrowser)]
    parts += [lw.item(r).text() for lw in window.findChildren(QListWidget)
              for r in range(lw.count())]
    return "\n".join(parts)


def type_search(qtbot: QtBot, window: HqWindow, text: str) -> None:
    field = window.search_pane.field
    field.clear()
    qtbot.keyClicks(field, text)  # searched after the pause, not on every key


def test_search_finds_imported_testimonies_and_opens_them_read_only(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station) -> None:
    register(station)
    other = add_other_final(station)
    pane = window.search_pane
    assert pane.field.accessibleName() == "Search" and pane.results.accessibleName()
    # typed before the import: what the import brings in is found without retyping
    type_search(qtbot, window, "corridor")
    qtbot.waitUntil(lambda: pane.results.isVisibleTo(window))
    assert pane.hit_ids() == [] and pane.results.item(0).text() == "Nothing found."
    run_import(qtbot, ctx, window, station.export())
    assert window.model.rowCount() == 2
    assert pane.hit_ids() == [station.tid]
    window.tabs.setCurrentIndex(TESTIMONIES_TAB)
    assert window.proxy.rowCount() == 1  # the list shows the hits only
    assert "corridor</b>" in pane.result_html(0) and "Detention at Okrestina" in \
        pane.result_html(0)

    # a word of the other narrative, typed: that testimony alone, then opened by a click
    type_search(qtbot, window, "border six")
    qtbot.waitUntil(lambda: pane.hit_ids() == [other])
    item = pane.results.item(0)
    qtbot.mouseClick(pane.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=pane.results.visualItemRect(item).center())
    assert window.viewer.testimony_id == other
    assert OTHER_NARRATIVE in window.viewer.browser.toPlainText()
    assert window.table.currentIndex().isValid()  # the hit is selected in the list too
    assert "Read only" in window.viewer.origin.text()

    # the keyboard way: Enter on a hit
    type_search(qtbot, window, "Okrestina")
    qtbot.waitUntil(lambda: pane.hit_ids() == [station.tid])
    pane.results.setCurrentRow(0)
    pane.results.setFocus()
    qtbot.keyClick(pane.results, Qt.Key.Key_Return)
    assert window.viewer.testimony_id == station.tid

    # a word that is nowhere: no hit, and the list shows nothing
    type_search(qtbot, window, "zeppelin")
    qtbot.waitUntil(lambda: pane.results.count() == 1
                    and pane.results.item(0).text() == "Nothing found.")
    assert pane.hit_ids() == [] and window.proxy.rowCount() == 0
    pane.field.clear()  # the clear button: the whole list again, the results go away
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 2)
    assert not pane.results.isVisible()


def test_ctrl_f_goes_to_the_search_field(qtbot: QtBot, window: HqWindow) -> None:
    window.tabs.setCurrentIndex(IMPORT_TAB)
    window.search_pane.field.setText("old words")
    window.activateWindow()
    qtbot.keyClick(window.tabs, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == TESTIMONIES_TAB
    assert window.search_pane.field.selectedText() == "old words"  # typing replaces them


def test_lock_wipes_the_search_field_and_results(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station) -> None:
    register(station)
    run_import(qtbot, ctx, window, station.export())
    window.tabs.setCurrentIndex(TESTIMONIES_TAB)
    pane = window.search_pane
    type_search(qtbot, window, "Okrestina")
    qtbot.waitUntil(lambda: pane.hit_ids() == [station.tid])
    pane.results.setCurrentRow(0)
    qtbot.keyClick(pane.results, Qt.Key.Key_Return)
    assert window.viewer.testimony_id == station.tid
    assert "Okrestina" in shown_text(window)
    qtbot.keyClicks(pane.field, " cor")  # a search still pending when the lock comes
    window.wipe()  # what the controller does before closing the vault
    assert pane.field.text() == "" and pane.results.count() == 0
    assert not pane.results.isVisibleTo(window) and not pane.results_label.isVisibleTo(window)
    assert pane.snippet_queue is None
    text = shown_text(window)
    assert "Okrestina" not in text and "corridor" not in text and "5e1c" not in text
    qtbot.wait(400)  # past the debounce: nothing is searched or shown again
    assert pane.results.count() == 0 and "Okrestina" not in shown_text(window)


def test_a_gap_the_device_explains_is_named_not_alarmed(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station) -> None:
    from nam_desktop.core.exchange.errors import ExchangeError

    register(station)
    first = station.export()
    with pytest.raises(ExchangeError):  # bundle 2: cancelled on the device
        export.export_bundle(station.iv, station.usb, cancelled=lambda: True)
    third = station.export()
    lines = run_import(qtbot, ctx, window, first, third)
    third_line = next(i for i, line in enumerate(lines) if line.startswith(third.name))
    assert not any("lost stick" in line for line in lines)
    assert ("The device reports that export no. 2 did not complete (interrupted, failed or "
            "cancelled): no bundle of that number is missing.") in lines[third_line + 2]
    assert window.alarms.table.rowCount() == 0
