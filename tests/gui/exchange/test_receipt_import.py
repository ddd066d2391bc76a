"""HQ receipt import: the list shows "exported, awaiting receipt" then "delivered"; the
dialog shows, file by file, what HQ holds (may be destroyed) and what it does not (kept);
each is destroyed only after its own explicit Yes (both questions default to No)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from nam_desktop.core.exchange import export, hq_import, purge, receipt, signed_doc
from nam_desktop.core.exchange.errors import Reason
from nam_desktop.core.exchange.hq_identity import load_hq
from nam_desktop.core.exchange.keycard import current_keycard
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.gui.exchange.exchange_text import NO_KEYCARD_FOR_RECEIPT, REASON_TEXT, tr
from nam_desktop.gui.exchange.receipt_dialog import ReceiptDialog
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.testimony_model import STATUS_COL

from .conftest import (
    Exchange,
    add_testimony,
)

KEPT_ONE = "1 original that HQ has not received stays on this computer."


def _status(window: MainWindow, tid: str) -> str:
    return str(window.model.index(window.model.row_of(tid), STATUS_COL).data())


def _receipt_after_export(ex: Exchange, usb: Path) -> Path:
    result = export.export_bundle(ex.iv, usb)
    hq_import.import_bundle(ex.hq, result.paths)
    path = ex.tmp / "receipt.json"
    path.write_bytes(receipt.issue_receipt(ex.hq, ex.iv.device.fingerprint))
    return path


def test_receipt_marks_delivered_and_destroys_only_what_hq_holds(
        qtbot: QtBot, ctx: AppContext, pinned: Exchange, usb: Path) -> None:
    assert ctx.translations.switch("en")  # the English singulars are in nam_en.qm
    ex = pinned
    tid = add_testimony(ex.iv, "Detention at Okrestina")
    other = add_testimony(ex.iv, "Not sent", finalize=False)
    window = MainWindow(ctx, ex.iv)
    qtbot.addWidget(window)
    window.show()
    assert _status(window, tid) == "Final"
    path = _receipt_after_export(ex, usb)  # the default export sends the cleaned copy only
    window.refresh()
    assert _status(window, tid) == "Exported, awaiting receipt"

    window.receipt_action.trigger()
    dialog = window.exchange_dialog
    assert isinstance(dialog, ReceiptDialog)
    ctx.dialogs.script([path])
    dialog.open_button.click()
    assert not dialog.error.isVisibleTo(dialog)
    assert "now marked delivered" in dialog.outcome.text()
    assert dialog.delivered.count() == 1
    assert "Detention at Okrestina" in dialog.delivered.item(0).text()
    assert TestimonyRepository(ex.iv).get(tid).status == "delivered"
    assert TestimonyRepository(ex.iv).get(other).status == "draft"
    assert _status(window, tid) == "Delivered"  # the list followed
    card = current_keycard(ex.iv)
    assert card is not None and card.receipt_fingerprint in dialog.signer.text()

    # What will be destroyed and what is kept, file by file.
    att = AttachmentService(ex.iv).list(tid)[0]
    other_files = {f"{m}.nam" for a in AttachmentService(ex.iv).list(other)
                   for m in (a.original_media_id, a.cleaned_media_id)}
    files_before = sorted(p.name for p in ex.iv.media.folder.iterdir())
    assert set(files_before) == other_files | {f"{att.original_media_id}.nam",
                                               f"{att.cleaned_media_id}.nam"}
    assert dialog.destroy_summary.text() == ("1 file on this computer can be destroyed: HQ "
                                             "holds an exact copy (same SHA-256).")
    assert [dialog.destroy_list.item(i).text() for i in range(dialog.destroy_list.count())] \
        == ["Detention at Okrestina — photo.jpg (cleaned copy)"]
    assert dialog.keep_summary.text() == KEPT_ONE
    assert [dialog.keep_list.item(i).text() for i in range(dialog.keep_list.count())] \
        == ["Detention at Okrestina — photo.jpg (original)"]
    assert dialog.purge_button.isVisibleTo(dialog) and dialog.purge_button.isEnabled()
    assert dialog.unsent_button.isVisibleTo(dialog) and dialog.unsent_button.isEnabled()

    # Destroy what HQ holds: answered No -> nothing destroyed.
    asked = len(ctx.prompter.shown)
    ctx.prompter.script([False])
    dialog.purge_button.click()
    question = ctx.prompter.shown[-1]
    assert len(ctx.prompter.shown) == asked + 1
    assert question.kind == "ask" and question.title == "Destroy files on this computer?"
    assert question.text.startswith("Destroy 1 file on this computer? HQ holds an exact copy")
    # The question says what it does not destroy: the original HQ never received.
    assert question.text.endswith("\n\n" + KEPT_ONE)
    assert sorted(p.name for p in ex.iv.media.folder.iterdir()) == files_before
    assert not dialog.purge_done.isVisibleTo(dialog)
    # Yes -> only the cleaned copy goes; the original stays, readable.
    ctx.prompter.script([True])
    with qtbot.waitSignal(dialog.purged) as purged:
        dialog.purge_button.click()
    assert purged.args[0] == 1
    att = AttachmentService(ex.iv).list(tid)[0]
    assert att.cleaned_media_id is None and att.original_media_id is not None
    assert {p.name for p in ex.iv.media.folder.iterdir()} == other_files | {
        f"{att.original_media_id}.nam"}
    assert dialog.purge_done.text() == "1 file destroyed."
    assert not dialog.purge_button.isVisibleTo(dialog)  # nothing more HQ holds
    assert dialog.keep_summary.text() == KEPT_ONE
    assert TestimonyRepository(ex.iv).get(tid).title == "Detention at Okrestina"
    assert ex.iv.check().ok

    # The same receipt again: valid, nothing new; the kept original is still offered
    # only through the separate button.
    ctx.dialogs.script([path])
    dialog.open_button.click()
    assert "No testimony changed" in dialog.outcome.text()
    assert not dialog.purge_button.isVisibleTo(dialog)
    assert dialog.unsent_button.isVisibleTo(dialog)

    # Destroying what HQ does not have: its own question, No first, then Yes.
    ctx.prompter.script([False])
    dialog.unsent_button.click()
    question = ctx.prompter.shown[-1]
    assert question.title == "Destroy files HQ does not have?"
    assert question.text.startswith("HQ does NOT have the 1 file listed here")
    assert AttachmentService(ex.iv).get(att.id).original_media_id is not None
    ctx.prompter.script([True])
    with qtbot.waitSignal(dialog.unsent_destroyed) as gone:
        dialog.unsent_button.click()
    assert gone.args[0] == 1
    assert dialog.purge_done.text() == "1 file that HQ did not have was destroyed."
    assert AttachmentService(ex.iv).get(att.id).original_media_id is None
    assert {p.name for p in ex.iv.media.folder.iterdir()} == other_files  # the draft's
    assert not dialog.unsent_button.isVisibleTo(dialog)
    assert len(ctx.prompter.shown) == asked + 4  # every question was scripted
    actions = [e.action for e in ex.iv.audit.entries(tid)]
    assert "exchange.purge_file" in actions and "exchange.destroy_unsent_file" in actions
    assert ex.iv.check().ok


def test_an_old_receipt_offers_nothing_to_destroy(qtbot: QtBot, ctx: AppContext,
                                                 pinned: Exchange, usb: Path) -> None:
    tid = add_testimony(pinned.iv, "Detention")
    result = export.export_bundle(pinned.iv, usb, export.ExportOptions(include_originals=True))
    hq_import.import_bundle(pinned.hq, result.paths)
    hq = load_hq(pinned.hq)
    with pinned.hq.reading() as c:
        bundles = c.execute("SELECT bundle_id, seq, digest FROM hq_bundles").fetchall()
    payload = {"device_fingerprint": pinned.iv.device.fingerprint,
               "issued_at": "2026-01-01T00:00:00Z", "hq_root": hq.root_fingerprint,
               "bundles": [{"bundle_id": b[0], "seq": b[1], "digest": b[2]} for b in bundles],
               "testimonies": [[tid, 1]]}
    dialog = ReceiptDialog(ctx, pinned.iv)
    qtbot.addWidget(dialog)
    dialog.apply(signed_doc.make(receipt.FORMAT, 1, receipt.LEGACY_CONTEXT, payload,
                                 hq.receipt.sign))
    assert TestimonyRepository(pinned.iv).get(tid).status == "delivered"
    assert dialog.legacy.isVisibleTo(dialog) and "older HQ program" in dialog.legacy.text()
    for widget in (dialog.purge_button, dialog.unsent_button, dialog.destroy_list,
                   dialog.keep_list, dialog.signer):
        assert not widget.isVisibleTo(dialog)
    dialog.purge()  # even called directly: nothing to destroy
    dialog.destroy_unsent()
    assert len(list(pinned.iv.media.folder.iterdir())) == 2


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["1 original that HQ has not received stays on this computer.",
            "3 originals that HQ has not received stay on this computer.",
            "5 originals that HQ has not received stay on this computer."]),
    ("ru", ["1 оригинал, который штаб не получал, остаётся на этом компьютере.",
            "3 оригинала, которые штаб не получал, остаются на этом компьютере.",
            "5 оригиналов, которые штаб не получал, остаются на этом компьютере.",
            "21 оригинал, который штаб не получал, остаётся на этом компьютере."]),
    ("be", ["1 арыгінал, які штаб не атрымліваў, застаецца на гэтым камп'ютары.",
            "3 арыгіналы, якія штаб не атрымліваў, застаюцца на гэтым камп'ютары.",
            "5 арыгіналаў, якія штаб не атрымліваў, застаюцца на гэтым камп'ютары.",
            "21 арыгінал, які штаб не атрымліваў, застаецца на гэтым камп'ютары."]),
])
def test_kept_counts_use_plural_forms(qtbot: QtBot, ctx: AppContext, exchange: Exchange,
                                      lang: str, expected: list[str]) -> None:
    from nam_desktop.core.resources import resource_path
    from nam_desktop.gui import i18n_build

    if not resource_path(f"i18n/nam_{lang}.qm").exists():
        i18n_build.main([])  # `make translations`
    ctx.translations.switch(lang)
    dialog = ReceiptDialog(ctx, exchange.iv)
    qtbot.addWidget(dialog)

    def plan(n: int) -> purge.PurgePlan:
        return purge.PurgePlan(tuple(purge.LocalFile("t", f"a{i}", "x.jpg", "original", "m",
                                                     "0" * 64, 1, False) for i in range(n)))

    got = [dialog.kept_text(plan(n)) for n in (1, 3, 5, 21)]
    assert got[:len(expected)] == expected
    ctx.translations.switch("en")


def test_forged_receipt_refused(qtbot: QtBot, ctx: AppContext, pinned: Exchange,
                                usb: Path) -> None:
    tid = add_testimony(pinned.iv, "T", attach=False)
    path = _receipt_after_export(pinned, usb)
    path.write_bytes(path.read_bytes().replace(b'"seq": 1', b'"seq": 2'))
    dialog = ReceiptDialog(ctx, pinned.iv)
    qtbot.addWidget(dialog)
    dialog.import_file(path)
    assert dialog.error.text() == tr(REASON_TEXT[Reason.RECEIPT_INVALID])
    assert dialog.receipt_result is None and not dialog.purge_button.isVisibleTo(dialog)
    assert TestimonyRepository(pinned.iv).get(tid).status == "final"


def test_receipt_needs_a_key_card(qtbot: QtBot, ctx: AppContext, exchange: Exchange) -> None:
    path = exchange.tmp / "r.json"
    path.write_bytes(b"{}")
    dialog = ReceiptDialog(ctx, exchange.iv)
    qtbot.addWidget(dialog)
    dialog.import_file(path)
    assert dialog.error.text() == tr(NO_KEYCARD_FOR_RECEIPT)


def test_export_wizard_from_the_menu_is_closed_by_locking(
        qtbot: QtBot, ctx: AppContext, pinned: Exchange) -> None:
    add_testimony(pinned.iv, "T", attach=False)
    window = MainWindow(ctx, pinned.iv)
    qtbot.addWidget(window)
    window.show()
    assert window.export_action.text() == "Send to HQ…"
    window.export_action.trigger()
    wizard = window.exchange_dialog
    assert wizard is not None and wizard.isVisible()
    assert wizard.choose_page.tree.topLevelItemCount() == 1  # type: ignore[attr-defined]
    window.wipe()
    assert window.exchange_dialog is None and not wizard.isVisible()
