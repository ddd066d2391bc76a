"""The testimony list sorts in the model (one key per row) instead of in the proxy (two
Python calls per comparison): the order must be the one Qt's own proxy sort gives."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication

from nam_desktop.core.exchange.export import ExportState
from nam_desktop.core.model.records import TestimonySummary
from nam_desktop.core.model.vocabulary import shipped_vocabulary
from nam_desktop.gui.widgets.testimony_model import (
    COLUMNS,
    ID_ROLE,
    SORT_ROLE,
    TestimonyFilterProxy,
    TestimonyTableModel,
)

PSEUDONYMS = ["Heron", "heron", "Swallow", "", "Ластаўка", "ЛАСТАЎКА", "crow", "Ёж", "ёж",
              "Жаваранак", "Zed", "ß-Test",
              "ẞ-Test", "ᾈ", "ᾀ", "ΣΟΦΟΣ", "σοφος", "😀 first", "\uffff last", "İz", "iz"]
TITLES = ["Okrestina", "okrestina", "Border", "Мяжа", "мяжа", "", "Суд", "Zhodino"]


def _summaries(n: int, seed: int) -> list[TestimonySummary]:
    rng = random.Random(seed)  # noqa: S311  # repeatable test rows, not secrets
    codes = sorted(shipped_vocabulary().codes())
    dates = ["", "2020-08-12", "2021-03", "2021-03-02", "2019", "2020-08-12"]
    return [
        TestimonySummary(
            id=f"id-{i:04d}", title=rng.choice(TITLES), status=rng.choice(
                ["draft", "final", "delivered"]), revision=1,
            interview_date=rng.choice(dates), pseudonym=rng.choice(PSEUDONYMS),
            act_types=tuple(sorted(rng.sample(codes, rng.randint(0, 2)))),
            attachment_count=rng.randint(0, 3), updated_at="2025-01-01T00:00:00Z",
            consent_withdrawn=False)
        for i in range(n)
    ]


def _ids(model: object, n: int) -> list[str]:
    assert hasattr(model, "index")
    return [str(model.index(r, 0).data(ID_ROLE)) for r in range(n)]


@pytest.mark.parametrize("column", range(len(COLUMNS)))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_same_order_as_qt_proxy_sort(qapp: QApplication, column: int,
                                     order: Qt.SortOrder) -> None:
    rows = _summaries(300, seed=column)
    model = TestimonyTableModel(shipped_vocabulary(), "be")
    model.set_rows(rows)
    states = {r.id: ExportState.AWAITING_RECEIPT for r in rows[::3]}
    model.set_export_states(states)
    # The oracle: Qt's proxy sorting by SORT_ROLE, as the list did before.
    reference_model = TestimonyTableModel(shipped_vocabulary(), "be")
    reference_model.set_rows(rows)
    reference_model.set_export_states(states)
    qt_sorted = QSortFilterProxyModel()
    qt_sorted.setSortRole(SORT_ROLE)
    qt_sorted.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    qt_sorted.setSourceModel(reference_model)
    qt_sorted.sort(column, order)

    proxy = TestimonyFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(column, order)
    assert _ids(proxy, len(rows)) == _ids(qt_sorted, len(rows))


def test_resorting_keeps_the_current_row(qapp: QApplication) -> None:
    rows = _summaries(50, seed=7)
    model = TestimonyTableModel(shipped_vocabulary())
    model.set_rows(rows)
    model.sort(2, Qt.SortOrder.AscendingOrder)
    kept = QPersistentModelIndex(model.index(10, 3))
    tid = model.index(10, 0).data(ID_ROLE)
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert kept.isValid() and kept.column() == 3
    assert model.index(kept.row(), 0).data(ID_ROLE) == tid
    # An autosave brings the same testimonies back with a new title: sorted again.
    renamed = [r if r.id != tid else TestimonySummary(
        r.id, "ЯЯЯ after every other title", r.status, r.revision, r.interview_date, r.pseudonym,
        r.act_types, r.attachment_count, r.updated_at, r.consent_withdrawn) for r in rows]
    model.set_rows(renamed)
    assert model.index(0, 0).data(ID_ROLE) == tid
    assert kept.isValid() and kept.row() == 0


def test_texts_made_once_follow_every_change(qapp: QApplication) -> None:
    from nam_desktop.gui.widgets.testimony_model import STATUS_COL, TITLE_COL, status_text

    rows = _summaries(5, seed=3)
    rows = [TestimonySummary(r.id, r.title, "final", 1, r.interview_date, r.pseudonym,
                             r.act_types, r.attachment_count, r.updated_at, False)
            for r in rows]
    model = TestimonyTableModel(shipped_vocabulary())
    model.set_rows(rows)
    first = rows[0].id
    row = model.row_of(first)
    assert model.index(row, STATUS_COL).data() == status_text("final")
    model.set_export_states({first: ExportState.AWAITING_RECEIPT})
    assert model.index(row, STATUS_COL).data() == status_text(
        "final", ExportState.AWAITING_RECEIPT)
    renamed = [TestimonySummary(r.id, "Renamed" if r.id == first else r.title, r.status,
                                r.revision, r.interview_date, r.pseudonym, r.act_types,
                                r.attachment_count, r.updated_at, r.consent_withdrawn)
               for r in rows]
    model.set_rows(renamed)  # an autosave: the same testimonies, updated in place
    assert model.index(model.row_of(first), TITLE_COL).data() == "Renamed"
    model.clear()  # locking wipes the list: no text of it is kept
    assert model.rowCount() == 0 and model.row_of(first) == -1
    assert not model._texts
