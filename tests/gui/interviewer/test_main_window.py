"""Main window: add, edit with autosave, list/filters, search, identity, finalise."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from nam_desktop.core.errors import DatabaseDamagedError
from nam_desktop.core.model.records import Act, Consent, Interview, TestimonyDraft, Witness
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.main_window import SNIPPETS_AT_ONCE, MainWindow, highlight_html
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.testimony_model import ACTS_COL, ID_ROLE, PSEUDONYM_COL, TITLE_COL


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, gui_vault: Vault) -> Iterator[MainWindow]:
    ctx.settings.autosave_seconds = 1
    w = MainWindow(ctx, gui_vault)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.save_all()


def _seed(repo: TestimonyRepository) -> list[str]:
    return repo.add_many([
        TestimonyDraft(title="Okrestina", interview=Interview(date="2020-08-12"),
                       witness=Witness(pseudonym="Swallow"),
                       acts=[Act(type="arbitrary_detention")],
                       narrative="They beat us in the corridor of the detention centre."),
        TestimonyDraft(title="Border", interview=Interview(date="2021-03-02"),
                       witness=Witness(pseudonym="Heron"),
                       narrative="Questioned at the border for six hours."),
    ])


def _rows(w: MainWindow, col: int) -> list[str]:
    return sorted(str(w.proxy.index(r, col).data()) for r in range(w.proxy.rowCount()))


def test_new_testimony_is_autosaved_by_the_timer(qtbot: QtBot, window: MainWindow) -> None:
    window.new_testimony()
    tid = window.editor.testimony_id
    qtbot.keyClicks(window.editor.title, "Night search")
    window.editor.set_section(4)
    qtbot.keyClicks(window.editor.account.text, "They came at 5 a.m.")
    assert window.editor.dirty
    qtbot.waitUntil(lambda: not window.editor.dirty, timeout=5000)  # no explicit save
    saved = window.repo.get(tid)
    assert saved.title == "Night search"
    assert saved.narrative == "They came at 5 a.m."
    assert saved.interview.interviewer == "INT-1"
    assert window.windowTitle() == "NAM Desktop"


def test_list_shows_vocabulary_labels_and_filters(window: MainWindow) -> None:
    _seed(window.repo)
    window.refresh()
    assert _rows(window, PSEUDONYM_COL) == ["Heron", "Swallow"]
    assert "Arbitrary detention" in _rows(window, ACTS_COL)
    window.type_filter.setCurrentIndex(window.type_filter.findData("arbitrary_detention"))
    assert _rows(window, PSEUDONYM_COL) == ["Swallow"]
    window.type_filter.setCurrentIndex(0)
    window.date_from.setText("2021-01-01")
    assert _rows(window, PSEUDONYM_COL) == ["Heron"]
    window.date_from.clear()
    window.date_to.setText("2020-12-31")
    assert _rows(window, PSEUDONYM_COL) == ["Swallow"]
    window.date_to.clear()
    window.status_filter.setCurrentIndex(window.status_filter.findData("final"))
    assert window.proxy.rowCount() == 0
    window.status_filter.setCurrentIndex(0)
    window.set_language("be")
    assert "Адвольнае затрыманне" in _rows(window, ACTS_COL)


def test_sorting_by_column(window: MainWindow) -> None:
    _seed(window.repo)
    window.refresh()
    window.table.sortByColumn(PSEUDONYM_COL, Qt.SortOrder.AscendingOrder)
    assert window.proxy.index(0, PSEUDONYM_COL).data() == "Heron"
    window.table.sortByColumn(PSEUDONYM_COL, Qt.SortOrder.DescendingOrder)
    assert window.proxy.index(0, PSEUDONYM_COL).data() == "Swallow"


def test_search_highlights_matches_and_filters_list(window: MainWindow) -> None:
    _seed(window.repo)
    window.refresh()
    window.search_field.setText("corridor")
    window.run_search()
    assert _rows(window, PSEUDONYM_COL) == ["Swallow"]
    assert "<b " in window.result_html(0) and "corridor</b>" in window.result_html(0)
    window.search_field.clear()
    window.run_search()
    assert window.proxy.rowCount() == 2


def test_snippets_below_the_first_screen_follow(qtbot: QtBot, window: MainWindow) -> None:
    count = SNIPPETS_AT_ONCE + 7
    window.repo.add_many([
        TestimonyDraft(title=f"T{i}", witness=Witness(pseudonym=f"P{i}"),
                       narrative=f"Held in the basement for {i + 1} days.")
        for i in range(count)
    ])
    window.refresh()
    window.search_field.setText("basement")
    window.run_search()
    assert window.results.count() == count
    assert "basement</b>" in window.result_html(0)
    assert "basement" not in window.result_html(count - 1)  # not there yet
    qtbot.waitUntil(lambda: all("basement</b>" in window.result_html(r) for r in range(count)))
    window.search_field.setText("cellar")  # a new search cancels what was pending
    window.run_search()
    assert window._snippet_queue is None


def test_highlight_escapes_html() -> None:
    assert highlight_html("<i>x</i> \x02word\x03") == (
        '&lt;i&gt;x&lt;/i&gt; <b style="background-color:#ffe58a">word</b>')


def test_identity_hidden_until_asked_and_never_in_list(qtbot: QtBot, window: MainWindow) -> None:
    window.new_testimony()
    tid = window.editor.testimony_id
    witness = window.editor.witness
    assert witness.identity_box.isHidden()
    witness.show_identity.click()
    assert not witness.identity_box.isHidden()
    qtbot.keyClicks(witness.name, "Ivan Petrov")
    qtbot.keyClicks(witness.pseudonym, "Owl")
    witness.show_identity.click()  # hide again: the widgets are emptied
    assert witness.name.text() == ""
    window.save_all()
    assert window.repo.get(tid, include_identity=True).identity.name == "Ivan Petrov"
    window.refresh()
    window.open_testimony(tid)  # reload: identity stays hidden and is kept on save
    assert window.editor.witness.name.text() == ""
    window.editor.title.setText("x")
    window.editor._on_edited()
    window.save_all()
    assert window.repo.get(tid, include_identity=True).identity.name == "Ivan Petrov"
    shown = {str(window.proxy.index(r, c).data()) for r in range(window.proxy.rowCount())
             for c in range(window.proxy.columnCount())}
    assert not any("Ivan" in s for s in shown)
    assert "Ivan" not in window.windowTitle()


def test_finalise_refused_without_consent_then_accepted(ctx: AppContext,
                                                        window: MainWindow) -> None:
    tid = window.repo.add(TestimonyDraft(
        title="T", interview=Interview(date="2020-08-12"), witness=Witness(pseudonym="Owl"),
        narrative="Account."))
    window.refresh()
    window.open_testimony(tid)
    window.editor.finalise()
    assert window.editor.missing.isVisible()
    assert "consent" in window.editor.missing.text()
    assert ctx.prompter.shown[-1].kind == "warn"
    assert window.repo.revisions(tid) == []
    window.editor.set_section(1)
    window.editor.consent.flags["hq_documentation"].click()
    ctx.prompter.script([True])  # "Create an unchangeable revision?" -> yes
    window.editor.finalise()
    assert not window.editor.missing.isVisible()
    assert [r["revision"] for r in window.repo.revisions(tid)] == [1]
    assert window.repo.get(tid).status == "final"
    assert window.repo.get(tid).consent == Consent(hq_documentation=True)
    window.editor.set_section(7)
    texts = [window.editor.history.tree.topLevelItem(0).child(i).text(1)
             for i in range(window.editor.history.tree.topLevelItem(0).childCount())]
    assert texts == ["Revision 1"]


def test_acts_picker_search_and_edit(qtbot: QtBot, window: MainWindow) -> None:
    window.new_testimony()
    tid = window.editor.testimony_id
    acts = window.editor.acts
    acts.add_act()
    acts.picker.search.setText("detention")
    visible = [acts.picker.list.item(i).data(Qt.ItemDataRole.UserRole)
               for i in range(acts.picker.list.count()) if not acts.picker.list.item(i).isHidden()]
    assert "arbitrary_detention" in visible and len(visible) < acts.picker.list.count()
    acts.picker.set_code("arbitrary_detention")
    qtbot.keyClicks(acts.date, "2020-08")
    acts.precision.setCurrentIndex(acts.precision.findData("month"))
    acts.precision.activated.emit(acts.precision.currentIndex())
    qtbot.keyClicks(acts.place, "Minsk")
    acts._on_add_perp_clicked()
    acts.perpetrators.item(0, 0).setText("OMON")
    window.save_all()
    act = window.repo.get(tid).acts[0]
    assert (act.type, act.date, act.date_precision, act.place) == (
        "arbitrary_detention", "2020-08", "month", "Minsk")
    assert act.perpetrators[0].unit == "OMON"


def test_editing_a_final_testimony_starts_the_next_revision(ctx: AppContext,
                                                            window: MainWindow) -> None:
    tid = window.repo.add(TestimonyDraft(
        title="T", interview=Interview(date="2020-08-12"), witness=Witness(pseudonym="Owl"),
        consent=Consent(hq_documentation=True), narrative="Account."))
    window.repo.finalize(tid)
    window.refresh()
    window.open_testimony(tid)
    assert window.editor.notice.isVisibleTo(window) and "revision 2" in window.editor.notice.text()
    ctx.prompter.script([True])  # "Start a new revision?" -> yes
    window.editor.account.text.setPlainText("Account, corrected.")
    window.save_all()
    assert window.repo.get(tid).status == "draft"
    assert window.repo.revision_content(tid, 1)["narrative"] == "Account."
    assert "draft of revision 2" in window.editor.notice.text()


def test_withdraw_and_renew_consent(ctx: AppContext, window: MainWindow) -> None:
    tid = window.repo.add(TestimonyDraft(title="T", consent=Consent(hq_documentation=True)))
    window.refresh()
    window.open_testimony(tid)
    ctx.prompter.script([True])
    window.editor.consent.withdraw.click()
    assert window.repo.get(tid).consent.withdrawn
    assert not window.editor.consent.renew.isHidden()
    assert "withdrawn" in window.model.index(0, 0).data()
    ctx.prompter.script([True])
    window.editor.consent.renew.click()
    assert not window.repo.get(tid).consent.withdrawn
    kinds = [e["kind"] for e in window.repo.consent_history(tid)]
    assert kinds[-2:] == ["withdrawn", "renewed"]


@pytest.mark.parametrize("language", ["en", "ru", "be"])
def test_window_fits_1366x768(ctx: AppContext, window: MainWindow, language: str) -> None:
    ctx.translations.switch(language)
    window.set_language(language)
    window.new_testimony()
    for section in range(window.editor.tabs.count()):
        window.editor.set_section(section)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 740, (section, hint)


def test_summary_action_opens_the_summary_dialog(window: MainWindow) -> None:
    from nam_desktop.gui.interviewer.summary_dialog import SummaryDialog

    window.new_testimony()
    assert window.editor.summary_button.isVisibleTo(window)
    window.editor.summary_button.click()
    dialogs = window.editor.findChildren(SummaryDialog)
    assert len(dialogs) == 1
    dialogs[0].close()


def test_a_failed_save_keeps_the_typed_text_on_screen(qtbot: QtBot, window: MainWindow,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _seed(window.repo)
    window.refresh()
    window.open_testimony(first)
    qtbot.keyClicks(window.editor.title, " (edited)")

    def broken(*_: object) -> None:
        raise DatabaseDamagedError("disk full")

    monkeypatch.setattr(window.repo, "update", broken)
    window.open_testimony(second)  # refused: the draft could not be saved
    assert window.editor.testimony_id == first
    assert window.editor.title.text() == "Okrestina (edited)"
    assert window.editor.dirty
    assert "damaged" in window.statusBar().currentMessage()
    monkeypatch.undo()
    window.open_testimony(second)
    assert window.repo.get(first).title == "Okrestina (edited)"


def test_autosave_does_not_reset_the_list(qtbot: QtBot, window: MainWindow) -> None:
    _seed(window.repo)
    window.refresh()
    window.table.setColumnWidth(PSEUDONYM_COL, 222)
    resets: list[bool] = []
    window.model.modelReset.connect(lambda: resets.append(True))
    window.open_testimony(window.model.summary(0).id)
    qtbot.keyClicks(window.editor.title, "!")
    window.save_all()
    assert resets == []
    assert window.table.columnWidth(PSEUDONYM_COL) == 222
    assert window.table.currentIndex().data(ID_ROLE) == window.editor.testimony_id
    assert any(str(window.proxy.index(r, TITLE_COL).data()).endswith("!")
               for r in range(window.proxy.rowCount()))
