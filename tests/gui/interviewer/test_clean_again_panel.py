"""A refused document cleaned again from the attachments panel: the question names what
goes, the work runs in the worker, the new clean record replaces the refused one, and the
cleaned copy in the vault holds none of the comment authors, phone number or notes."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.attachments_panel import AttachmentsPanel
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.messages import ScriptedPrompter

from .. import office_docs as docs


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, gui_vault: Vault) -> Iterator[MainWindow]:
    w = MainWindow(ctx, gui_vault)
    qtbot.addWidget(w)
    w.show()
    tid = w.repo.add(TestimonyDraft(title="With documents"))
    w.refresh()
    w.open_testimony(tid)
    w.editor.set_section(6)
    yield w
    ctx.runner.wait()
    w.wipe()
    w.close()
    shiboken6.delete(w)


def attach(qtbot: QtBot, ctx: AppContext, panel: AttachmentsPanel, path: Path) -> None:
    ctx.dialogs.script([path])
    with qtbot.waitSignal(panel.attach_finished, timeout=60000) as done:
        panel.add_button.click()
    assert done.args == [1, 0]


def clean_again(qtbot: QtBot, panel: AttachmentsPanel) -> list[object]:
    with qtbot.waitSignal(panel.clean_again.finished, timeout=60000) as done:
        panel.clean_again_button.click()
    return list(done.args)


def cleaned_bytes(service: AttachmentService, attachment_id: str,
                  original: bool = False) -> bytes:
    with service.open(attachment_id, original=original) as reader:
        return bytes(reader.read())


def prompter(ctx: AppContext) -> ScriptedPrompter:
    assert isinstance(ctx.prompter, ScriptedPrompter)
    return ctx.prompter


def test_comments_removed_after_asking_and_the_list_follows(
        qtbot: QtBot, ctx: AppContext, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    panel, service = window.editor.attachments, window.attachment_service
    threads: list[bool] = []
    real = AttachmentService.clean_again

    def recorded(self: AttachmentService, *args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(AttachmentService, "clean_again", recorded)
    src = tmp_path / "list.xlsx"
    src.write_bytes(docs.xlsx_with_comments())
    attach(qtbot, ctx, panel, src)
    [refused] = service.list(window.editor.testimony_id)
    assert refused.clean_status == "refused"
    assert not panel.clean_again_button.isHidden()
    assert panel.clean_again_button.isEnabled()

    prompter(ctx).script([False])  # "No": nothing happens
    panel.clean_again_button.click()
    assert panel.progress.isHidden()  # nothing started
    assert service.list(window.editor.testimony_id) == [refused]
    question = prompter(ctx).shown[-1]
    assert question.kind == "ask"
    assert "3 comments" in question.text
    assert docs.ANALYST in question.text and docs.EDITOR in question.text
    assert "stays in the vault unchanged" in question.text

    prompter(ctx).script([True])
    new_id, cleaned = clean_again(qtbot, panel)

    assert cleaned is True
    assert threads == [False]  # in the worker, never on the GUI thread
    [att] = service.list(window.editor.testimony_id)
    assert att.id == new_id != refused.id and att.clean_status == "clean"
    assert att.sha256_original == refused.sha256_original
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 1).text() == panel.status_text("clean")
    assert panel.clean_again_button.isHidden()  # the clean record needs nothing more
    assert att.sha256_cleaned is not None and att.sha256_cleaned in panel.hashes.text()
    assert docs.found(cleaned_bytes(service, att.id)) == set()
    assert docs.found(cleaned_bytes(service, att.id, original=True)) == set(docs.NEEDLES)
    assert [s.kind for s in prompter(ctx).shown].count("warn") == 0


def test_notes_with_originals_not_kept(qtbot: QtBot, ctx: AppContext, window: MainWindow,
                                       gui_vault: Vault, tmp_path: Path) -> None:
    panel, service = window.editor.attachments, window.attachment_service
    service.set_keep_originals(False)
    src = tmp_path / "slides.pptx"
    src.write_bytes(docs.pptx_with_notes())
    attach(qtbot, ctx, panel, src)
    [refused] = service.list(window.editor.testimony_id)
    assert refused.original_media_id is not None  # a refused file is the only copy
    prompter(ctx).script([True])

    new_id, cleaned = clean_again(qtbot, panel)

    question = prompter(ctx).shown[-1].text
    assert "speaker notes of 2 slides" in question and "destroyed" in question
    assert cleaned is True
    att = service.get(str(new_id))
    assert att.clean_status == "clean" and att.original_media_id is None
    assert not gui_vault.media.path_of(refused.original_media_id).exists()
    assert docs.found(cleaned_bytes(service, att.id)) == set()


def test_original_gone_asks_for_the_file_and_refuses_another(
        qtbot: QtBot, ctx: AppContext, window: MainWindow, gui_vault: Vault,
        tmp_path: Path) -> None:
    panel, service = window.editor.attachments, window.attachment_service
    data = docs.xlsx_with_comments()
    src = tmp_path / "list.xlsx"
    src.write_bytes(data)
    attach(qtbot, ctx, panel, src)
    [refused] = service.list(window.editor.testimony_id)
    assert refused.original_media_id is not None
    with gui_vault.transaction() as c:  # what destroying the local copy after HQ's receipt does
        c.execute("UPDATE attachments SET original_media_id = NULL WHERE id = ?",
                  (refused.id,))
        gui_vault.media.delete(refused.original_media_id)
    panel.load(window.editor.testimony_id)
    assert not panel.clean_again_button.isHidden()

    other = tmp_path / "other.xlsx"
    other.write_bytes(data[:-22] + bytes(22))
    prompter(ctx).script([True])
    ctx.dialogs.script([other])
    assert clean_again(qtbot, panel) == ["", False]
    assert "asked for the file again" in prompter(ctx).shown[-2].text
    warning = prompter(ctx).shown[-1]
    assert warning.kind == "warn" and "not the original file" in warning.text
    assert "Traceback" not in warning.text
    assert [a.id for a in service.list(window.editor.testimony_id)] == [refused.id]

    prompter(ctx).script([True])
    ctx.dialogs.script([])  # the file dialog closed without a choice: nothing runs
    panel.clean_again_button.click()
    assert panel.progress.isHidden()  # nothing started

    prompter(ctx).script([True])
    ctx.dialogs.script([src])
    new_id, cleaned = clean_again(qtbot, panel)
    assert cleaned is True
    att = service.get(str(new_id))
    assert att.original_media_id is not None  # the original given again is kept
    assert cleaned_bytes(service, att.id, original=True) == data
    assert docs.found(cleaned_bytes(service, att.id)) == set()


def test_hq_reads_without_the_button(qtbot: QtBot, ctx: AppContext,
                                     gui_vault: Vault) -> None:
    import io

    tid = TestimonyRepository(gui_vault).add(TestimonyDraft(title="Received"))
    service = AttachmentService(gui_vault)
    refused = service.attach(tid, io.BytesIO(docs.xlsx_with_comments()), "list.xlsx")
    assert refused.clean_status == "refused"
    panel = AttachmentsPanel(ctx, service, read_only=True)
    qtbot.addWidget(panel)
    panel.load(tid)
    assert panel.count == 1
    assert panel.clean_again_button.isHidden()
    panel.clean_again_button.click()  # even if reached: nothing asked, nothing run
    assert panel.progress.isHidden()  # nothing started
    panel.clear()
