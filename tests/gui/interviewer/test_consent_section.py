"""The consent section reads as one sentence ("The witness agrees to: documentation by
HQ, …"), and a withdrawal or renewal keeps a note of how and why."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.records import Consent, TestimonyDraft
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.widgets.context import AppContext


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, gui_vault: Vault) -> Iterator[MainWindow]:
    w = MainWindow(ctx, gui_vault)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.save_all()


def test_the_purposes_read_as_one_sentence(window: MainWindow) -> None:
    section = window.editor.consent
    inside = [c.text() for c in section.purposes.findChildren(QCheckBox)]
    assert section.purposes.title() == "The witness agrees to:"
    assert inside == ["documentation by HQ", "anonymous publication",
                      "use in legal proceedings", "audio recording", "being contacted again"]
    assert all(text[0].islower() for text in inside)  # each continues the sentence
    request = section.flags["anonymity_requested"]
    assert request.parent() is not section.purposes
    assert request.text() == "The witness asks to stay anonymous"


def test_withdrawal_and_renewal_keep_their_note(ctx: AppContext, window: MainWindow) -> None:
    tid = window.repo.add(TestimonyDraft(title="T", consent=Consent(hq_documentation=True)))
    window.refresh()
    window.open_testimony(tid)
    section = window.editor.consent
    section.change_note.setText("by phone; fears for her brother")
    ctx.prompter.script([True])
    section.withdraw.click()
    history = window.repo.consent_history(tid)
    assert (history[-1]["kind"], history[-1]["note"]) == (
        "withdrawn", "by phone; fears for her brother")
    assert "fears for her brother" in section.state.text()
    assert section.change_note.text() == ""  # ready for the next change
    section.change_note.setText("in person, agreed again")
    ctx.prompter.script([True])
    section.renew.click()
    assert window.repo.consent_history(tid)[-1]["note"] == "in person, agreed again"
    assert not window.repo.get(tid).consent.withdrawn
