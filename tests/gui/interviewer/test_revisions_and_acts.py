"""A keystroke no longer turns a final or delivered testimony into a draft unasked; the
delivered revision stays visible and the changes can be discarded. A new act has no
violation type until the interviewer picks one, and finalising says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.records import Act, Consent, Interview, TestimonyDraft, Witness
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.testimony_model import STATUS_COL


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, gui_vault: Vault) -> Iterator[MainWindow]:
    w = MainWindow(ctx, gui_vault)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.save_all()


def _final(window: MainWindow) -> str:
    tid = window.repo.add(TestimonyDraft(
        title="Okrestina", interview=Interview(date="2020-08-12"),
        witness=Witness(pseudonym="Owl"), consent=Consent(hq_documentation=True),
        narrative="Account."))
    window.repo.finalize(tid)
    window.refresh()
    window.open_testimony(tid)
    return tid


def _status(window: MainWindow, tid: str) -> str:
    return str(window.model.index(window.model.row_of(tid), STATUS_COL).data())


def test_a_keystroke_in_a_final_testimony_asks_and_no_puts_it_back(
        qtbot: QtBot, ctx: AppContext, window: MainWindow) -> None:
    tid = _final(window)
    editor = window.editor
    assert not editor.finalise_button.isEnabled()  # already final: said, not offered
    assert "already final" in editor.finalise_button.toolTip()
    ctx.prompter.script([False])
    qtbot.keyClicks(editor.title, "x")
    question = ctx.prompter.shown[-1]
    assert question.kind == "ask" and "Revision 1 is final" in question.text
    assert editor.title.text() == "Okrestina" and not editor.dirty
    window.save_all()
    assert window.repo.get(tid).status == "final"
    # A tick in the consent section is put back just the same.
    ctx.prompter.script([False])
    editor.consent.flags["legal_proceedings"].click()
    assert not editor.consent.flags["legal_proceedings"].isChecked()
    assert window.repo.get(tid).status == "final" and len(ctx.prompter.shown) == 2


def test_finalising_a_final_testimony_says_so_without_asking(
        ctx: AppContext, window: MainWindow) -> None:
    _final(window)
    window.editor.finalise()
    assert [s.kind for s in ctx.prompter.shown] == ["info"]
    assert "already final" in ctx.prompter.shown[0].text


def test_yes_starts_the_next_revision_and_discard_brings_the_final_one_back(
        qtbot: QtBot, ctx: AppContext, window: MainWindow) -> None:
    tid = _final(window)
    editor = window.editor
    assert not editor.discard_button.isVisibleTo(window)
    ctx.prompter.script([True])
    editor.set_section(4)
    editor.account.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.account.text, " More.")
    assert len(ctx.prompter.shown) == 1  # asked once, not per keystroke
    window.save_all()
    assert window.repo.get(tid).status == "draft"
    assert _status(window, tid) == "Draft · final (rev. 1)"
    assert "draft of revision 2" in editor.notice.text()
    assert editor.discard_button.isVisibleTo(window) and editor.finalise_button.isEnabled()
    ctx.prompter.script([False])  # "Discard changes?" -> no: nothing happens
    assert not editor.discard_changes()
    assert window.repo.get(tid).narrative == "Account. More."
    ctx.prompter.script([True])
    assert editor.discard_changes()
    assert ctx.prompter.shown[-1].kind == "ask" and "cannot be undone" in \
        ctx.prompter.shown[-1].text
    restored = window.repo.get(tid)
    assert (restored.status, restored.revision, restored.narrative) == ("final", 1, "Account.")
    assert editor.account.text.toPlainText() == "Account."
    assert _status(window, tid) == "Final"
    assert not editor.discard_button.isVisibleTo(window)


def test_a_new_act_has_no_type_until_chosen_and_finalising_says_so(
        qtbot: QtBot, ctx: AppContext, window: MainWindow) -> None:
    tid = window.repo.add(TestimonyDraft(
        title="T", interview=Interview(date="2020-08-12"), witness=Witness(pseudonym="Owl"),
        consent=Consent(hq_documentation=True),
        acts=[Act(type="administrative_arrest", place="Minsk")]))
    window.refresh()
    window.open_testimony(tid)
    acts = window.editor.acts
    window.editor.set_section(3)
    acts.picker.search.setText("arrest")  # the first act's search, still typed in
    acts.add_act()
    assert acts.picker.code() == "" and acts.picker.search.text() == ""
    assert all(not acts.picker.list.item(i).isHidden() for i in range(acts.picker.list.count()))
    assert acts.picker.list.selectedItems() == []
    assert acts.list.item(1).text() == "(no type yet)"
    assert acts.type_hint.isVisibleTo(window) and not acts.place.isEnabled()
    assert acts.picker.search.hasFocus() or not window.isActiveWindow()
    window.save_all()
    assert [a.type for a in window.repo.get(tid).acts] == ["administrative_arrest"]
    window.editor.finalise()
    warning = ctx.prompter.shown[-1]
    assert warning.kind == "warn" and "violation type for 1 act" in warning.text
    assert window.repo.get(tid).status == "draft"
    # Choosing the type opens the form; the banner follows once nothing is missing.
    row = next(i for i in range(acts.picker.list.count())
               if acts.picker.list.item(i).data(Qt.ItemDataRole.UserRole) == "home_search")
    acts.picker.list.setCurrentRow(row)
    assert acts.place.isEnabled() and not acts.type_hint.isVisibleTo(window)
    qtbot.keyClicks(acts.place, "Hrodna")
    window.save_all()
    assert not window.editor.missing.isVisibleTo(window)
    assert [(a.type, a.place) for a in window.repo.get(tid).acts] == [
        ("administrative_arrest", "Minsk"), ("home_search", "Hrodna")]
    # Back to the first act: the picker shows its type, unfiltered.
    acts.list.setCurrentRow(0)
    assert acts.picker.code() == "administrative_arrest" and acts.picker.search.text() == ""


def test_the_empty_editor_says_what_to_do(window: MainWindow) -> None:
    editor = window.editor
    assert editor.pages.currentWidget() is editor.placeholder
    assert "Choose one in the list" in editor.placeholder.text()
    assert not editor.finalise_button.isVisibleTo(window)  # no greyed-out form to read
    window.new_testimony()
    assert editor.pages.currentWidget() is not editor.placeholder
    assert editor.finalise_button.isVisibleTo(window)
