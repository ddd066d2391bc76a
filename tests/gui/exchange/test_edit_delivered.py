"""A delivered testimony: editing asks first, the list keeps "delivered (rev. N)" on the
draft that follows, and "Discard changes" makes it delivered again (a real receipt from
a real HQ import)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from nam_desktop.core.exchange import export, hq_import, receipt
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.testimony_model import STATUS_COL

from .conftest import SECRET_NARRATIVE, Exchange, add_testimony


def test_editing_a_delivered_testimony_asks_keeps_delivered_visible_and_can_discard(
        qtbot: QtBot, ctx: AppContext, pinned: Exchange, usb: Path) -> None:
    ex = pinned
    tid = add_testimony(ex.iv, "Detention at Okrestina", attach=False)
    result = export.export_bundle(ex.iv, usb)
    hq_import.import_bundle(ex.hq, result.paths)
    receipt.apply_receipt(ex.iv, receipt.issue_receipt(ex.hq, ex.iv.device.fingerprint))
    repo = TestimonyRepository(ex.iv)
    assert repo.get(tid).status == "delivered"
    assert repo.delivered_revisions() == {tid: 1}

    window = MainWindow(ctx, ex.iv)
    qtbot.addWidget(window)
    window.show()
    window.open_testimony(tid)
    editor = window.editor

    def listed() -> str:
        return str(window.model.index(window.model.row_of(tid), STATUS_COL).data())

    assert listed() == "Delivered" and "delivered to HQ" in editor.notice.text()
    editor.set_section(4)
    editor.account.text.moveCursor(QTextCursor.MoveOperation.End)
    ctx.prompter.script([False])
    qtbot.keyClicks(editor.account.text, "!")
    assert "was delivered to HQ" in ctx.prompter.shown[-1].text
    assert editor.account.text.toPlainText() == SECRET_NARRATIVE
    window.save_all()
    assert repo.get(tid).status == "delivered"

    ctx.prompter.script([True])
    editor.account.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.account.text, " Corrected.")
    window.save_all()
    assert repo.get(tid).status == "draft"
    assert listed() == "Draft · delivered (rev. 1)"  # still says it was delivered
    assert "Revision 1 was delivered to HQ" in editor.notice.text()
    assert "delivered (rev. 1)" in editor.status.text()

    ctx.prompter.script([True])
    assert editor.discard_changes()
    back = repo.get(tid, include_identity=True)
    assert (back.status, back.revision, back.narrative) == ("delivered", 1, SECRET_NARRATIVE)
    assert back.identity.name  # the identity came back with the revision
    assert listed() == "Delivered"
    assert export.export_states(ex.iv)[tid] is export.ExportState.DELIVERED
