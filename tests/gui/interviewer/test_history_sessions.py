"""History shows one "edited" row per editing session instead of a row per autosave; the
audit log keeps every save."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.records import TestimonyDraft
from nam_desktop.core.vault.audit import AuditEntry
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.history_panel import coalesce
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.widgets.context import AppContext


def entry(seq: int, ts: str, action: str = "testimony.update") -> AuditEntry:
    return AuditEntry(seq, ts, action, "t", {}, f"h{seq}")


def test_saves_close_together_are_one_session() -> None:
    entries = [entry(1, "2026-12-07T10:00:00Z", "testimony.create"),
               *(entry(2 + i, f"2026-12-07T10:{i:02d}:30Z") for i in range(40)),
               entry(50, "2026-12-07T10:45:00Z", "consent.changed"),
               entry(51, "2026-12-07T10:46:00Z"),
               entry(52, "2026-12-07T12:00:00Z"),  # after lunch: a new session
               entry(53, "2026-12-07T12:05:00Z")]
    rows = coalesce(list(reversed(entries)))  # the audit log gives newest first
    assert [(r.first.seq, r.last.seq, len(r.saves)) for r in rows] == [
        (52, 53, 2), (51, 51, 1), (50, 50, 0), (2, 41, 40), (1, 1, 0)]


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, gui_vault: Vault) -> Iterator[MainWindow]:
    w = MainWindow(ctx, gui_vault)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.save_all()


def test_forty_autosaves_are_one_row_and_all_stay_in_the_audit_log(
        ctx: AppContext, window: MainWindow) -> None:
    tid = window.repo.add(TestimonyDraft(title="T"))
    window.refresh()
    window.open_testimony(tid)
    editor = window.editor
    for i in range(40):  # what the 3-second autosave does during a long interview
        editor.title.setText(f"Title {i}")
        editor._on_edited()
        assert editor.save()
    editor.set_section(7)
    events = editor.history.tree.topLevelItem(1)
    rows = [[events.child(i).text(c) for c in range(3)] for i in range(events.childCount())]
    assert [r[1] for r in rows] == ["edited", "created"]
    assert rows[0][2] == "saved 40 times"
    saves = [e for e in window.vault.audit.entries(tid) if e.action == "testimony.update"]
    assert len(saves) == 40
