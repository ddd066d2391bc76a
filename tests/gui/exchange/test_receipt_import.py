"""HQ receipt import: the list shows "exported, awaiting receipt" then "delivered"; local
files are destroyed only after an explicit Yes (the question defaults to No)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from nam_desktop.core.exchange import export, hq_import, receipt
from nam_desktop.core.exchange.errors import Reason
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


def _status(window: MainWindow, tid: str) -> str:
    return str(window.model.index(window.model.row_of(tid), STATUS_COL).data())


def _receipt_after_export(ex: Exchange, usb: Path) -> Path:
    result = export.export_bundle(ex.iv, usb)
    hq_import.import_bundle(ex.hq, result.paths)
    path = ex.tmp / "receipt.json"
    path.write_bytes(receipt.issue_receipt(ex.hq, ex.iv.device.fingerprint))
    return path


def test_receipt_marks_delivered_and_purges_only_on_yes(
        qtbot: QtBot, ctx: AppContext, pinned: Exchange, usb: Path) -> None:
    ex = pinned
    tid = add_testimony(ex.iv, "Detention at Okrestina")
    other = add_testimony(ex.iv, "Not sent", finalize=False)
    window = MainWindow(ctx, ex.iv)
    qtbot.addWidget(window)
    window.show()
    assert _status(window, tid) == "Final"
    path = _receipt_after_export(ex, usb)
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

    # Purge: offered, answered No -> nothing destroyed.
    assert dialog.purge_button.isVisibleTo(dialog) and dialog.purge_button.isEnabled()
    files_before = sorted(p.name for p in ex.iv.media.folder.iterdir())
    att = AttachmentService(ex.iv).list(tid)[0]
    shredded_ids = [m for m in (att.cleaned_media_id, att.original_media_id) if m]
    assert len(shredded_ids) == 2
    assert files_before
    ctx.prompter.script([False])
    dialog.purge_button.click()
    question = ctx.prompter.shown[-1]
    assert question.kind == "ask" and "cannot be undone" in question.text
    assert sorted(p.name for p in ex.iv.media.folder.iterdir()) == files_before
    assert not dialog.purge_done.isVisibleTo(dialog)
    # Yes -> the files of the delivered testimony are crypto-shredded; text stays.
    ctx.prompter.script([True])
    with qtbot.waitSignal(dialog.purged) as purged:
        dialog.purge_button.click()
    assert purged.args[0] == 2  # original and cleaned copy of the photo
    att = AttachmentService(ex.iv).list(tid)[0]
    assert att.cleaned_media_id is None and att.original_media_id is None
    left = {p.name for p in ex.iv.media.folder.iterdir()}
    assert not any(m in name for m in shredded_ids for name in left)
    assert {n for n in files_before if not any(m in n for m in shredded_ids)} == left
    assert "2 file(s) destroyed" in dialog.purge_done.text()
    assert TestimonyRepository(ex.iv).get(tid).title == "Detention at Okrestina"
    assert not dialog.purge_button.isEnabled()
    assert ex.iv.check().ok

    # The same receipt again: valid, nothing new, nothing to purge.
    ctx.dialogs.script([path])
    dialog.open_button.click()
    assert "No testimony changed" in dialog.outcome.text()
    assert not dialog.purge_button.isVisibleTo(dialog)


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
