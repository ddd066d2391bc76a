"""The testimony list: a table model over TestimonySummary rows and a filter proxy.

Never shows identity: the summaries carry none.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from nam_desktop.core.exchange.export import ExportState
from nam_desktop.core.model.records import TestimonySummary
from nam_desktop.core.model.vocabulary import Vocabulary
from nam_desktop.gui.widgets.dates import local_date

CTX = "TestimonyModel"
COLUMNS = (
    QT_TRANSLATE_NOOP("TestimonyModel", "Status"),
    QT_TRANSLATE_NOOP("TestimonyModel", "Interview date"),
    QT_TRANSLATE_NOOP("TestimonyModel", "Pseudonym"),
    QT_TRANSLATE_NOOP("TestimonyModel", "Title"),
    QT_TRANSLATE_NOOP("TestimonyModel", "Violations"),
    QT_TRANSLATE_NOOP("TestimonyModel", "Files"),
)
STATUS_COL, DATE_COL, PSEUDONYM_COL, TITLE_COL, ACTS_COL, FILES_COL = range(6)
STATUS_TEXT = {
    "draft": QT_TRANSLATE_NOOP("TestimonyModel", "Draft"),
    "final": QT_TRANSLATE_NOOP("TestimonyModel", "Final"),
    "delivered": QT_TRANSLATE_NOOP("TestimonyModel", "Delivered"),
}
WITHDRAWN = QT_TRANSLATE_NOOP("TestimonyModel", "consent withdrawn")
AWAITING_RECEIPT = QT_TRANSLATE_NOOP("TestimonyModel", "Exported, awaiting receipt")
#: A status with the revision it is about ("Delivered (rev. 2)"); a draft made from a
#: final or delivered revision keeps saying so ("Draft · delivered (rev. 2)").
WITH_REVISION = {
    "final": QT_TRANSLATE_NOOP("TestimonyModel", "Final (rev. %1)"),
    "delivered": QT_TRANSLATE_NOOP("TestimonyModel", "Delivered (rev. %1)"),
    "draft-final": QT_TRANSLATE_NOOP("TestimonyModel", "Draft · final (rev. %1)"),
    "draft-delivered": QT_TRANSLATE_NOOP("TestimonyModel", "Draft · delivered (rev. %1)"),
}
RESIZE_PRECISION_ROWS = 50
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def status_text(status: str, export_state: ExportState | None = None, *, revision: int = 0,
                delivered: int = 0) -> str:
    """A final testimony that went out in a bundle HQ has not confirmed yet says so; with
    ``revision`` the words name it (from revision 2 on: the first needs no number), and a
    draft of a later revision keeps showing the revision that is final or ``delivered``."""
    if status == "final" and export_state is ExportState.AWAITING_RECEIPT:
        return QCoreApplication.translate(CTX, AWAITING_RECEIPT)
    key = status
    if status == "draft" and revision:
        key = "draft-delivered" if delivered == revision else "draft-final"
    if (revision > 1 or key.startswith("draft-")) and key in WITH_REVISION:
        return QCoreApplication.translate(CTX, WITH_REVISION[key]).replace("%1", str(revision))
    return QCoreApplication.translate(CTX, STATUS_TEXT.get(status, status))


def status_sort_key(status: str, export_state: ExportState | None = None) -> str:
    """Draft, final, exported (awaiting receipt), delivered: the order work moves in."""
    if status == "final" and export_state is ExportState.AWAITING_RECEIPT:
        return "2-awaiting"
    return {"draft": "0-", "final": "1-", "delivered": "3-"}.get(status, "9-") + status


#: Simple case foldings (Unicode CaseFolding.txt, status S) of the letters whose full
#: folding (Python's casefold) has several letters; the others fold to themselves.
_SIMPLE_FOLD = {"\u1e9e": "\u00df", "\u1fbc": "\u1fb3", "\u1fcc": "\u1fc3",
                "\u1ffc": "\u1ff3",
                **{chr(0x1F88 + 16 * b + i): chr(0x1F80 + 16 * b + i)
                   for b in range(3) for i in range(8)}}


def qt_caseless(text: str) -> str:
    """A key that orders text as Qt's case-insensitive ``QString::compare`` does: simple
    case folding of each letter, then UTF-16 code units (a letter beyond U+FFFF becomes
    its two surrogates, which sort below U+E000..U+FFFF as in UTF-16)."""
    folded = text.casefold()
    if len(folded) != len(text):  # a letter with a multi-letter full folding: rare
        folded = "".join(f if len(f := ch.casefold()) == 1 else _SIMPLE_FOLD.get(ch, ch)
                         for ch in text)
    if folded.isascii() or max(folded) <= "\uffff":
        return folded
    units = folded.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(units[i:i + 2], "little"))
                   for i in range(0, len(units), 2))


class Presorted(NamedTuple):
    """Rows in the model's default order, with each testimony's row: made off the GUI
    thread (:func:`newest_interview_first`) for :meth:`TestimonyTableModel.set_rows`."""

    rows: list[TestimonySummary]
    positions: dict[str, int]


def newest_interview_first(rows: list[TestimonySummary]) -> Presorted:
    """``rows`` as the model sorts them by interview date, descending (the default): a
    stable sort, reversed, as Qt's proxy did. Pure Python: a worker thread may call it."""
    ordered = sorted(rows, key=lambda s: qt_caseless(s.interview_date))
    ordered.reverse()
    return Presorted(ordered, {s.id: n for n, s in enumerate(ordered)})


class TestimonyTableModel(QAbstractTableModel):
    """The rows, sorted here (:meth:`sort`): a Python key per row, once per sort, instead
    of the proxy asking :data:`SORT_ROLE` twice per comparison (seconds at HQ's 100,000
    rows). Equal keys keep the order the rows were given in, as the proxy's sort did."""

    __test__ = False

    def __init__(self, vocabulary: Vocabulary, language: str = "en") -> None:
        super().__init__()
        self._rows: list[TestimonySummary] = []
        self._given: list[TestimonySummary] = []  # as set_rows received them
        self._row_of: dict[str, int] | None = {}
        # The texts shown for each row, made once (a repaint asks each cell several times).
        self._texts: dict[str, tuple[TestimonySummary, tuple[str, ...]]] = {}
        self._texts_locale = ""
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None  # the order _rows are in
        self._partial_of = -1  # set_first_rows: how many the whole list has; -1: whole
        self._export_states: dict[str, ExportState] = {}
        self._delivered: dict[str, int] = {}  # revision HQ confirmed, per testimony
        self._vocabulary = vocabulary
        self._language = language

    @property
    def loading(self) -> bool:
        """Only the first rows are in (:meth:`set_first_rows`); the whole list is coming."""
        return self._partial_of >= 0

    @property
    def expected_rows(self) -> int:
        """How many rows the whole list has (while :attr:`loading`), else how many are in."""
        return self._partial_of if self.loading else len(self._rows)

    def set_first_rows(self, rows: list[TestimonySummary], total: int) -> None:
        """Show the first rows of a list of ``total`` before the whole list is read. They
        must be the whole list's first rows in its current order (the default order:
        :meth:`~nam_desktop.core.model.repository.TestimonyRepository.list_first`), and
        are shown as given; sorting waits for :meth:`set_rows`."""
        self.beginResetModel()
        self._given = list(rows)
        self._texts = {}
        self._set_order(list(rows))
        self._sorted_by = (self._sort_column, self._sort_order)
        self._partial_of = total
        self.endResetModel()

    def set_rows(self, rows: list[TestimonySummary], *,
                 presorted: Presorted | None = None) -> None:
        """Replace the rows. When the same testimonies come back (an autosave), the rows
        are updated in place so selection, scrolling and column widths stay put; when
        the whole list follows its first rows, the rest are added after them."""
        if self.loading:
            self._finish_loading(rows, presorted)
            return
        by_id = {r.id: r for r in rows}
        if self._rows and len(by_id) == len(self._rows) and \
                all(r.id in by_id for r in self._rows):
            self._given = list(rows)
            self._set_order([by_id[r.id] for r in self._rows])
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(COLUMNS) - 1))
            self._resort()
            return
        self.beginResetModel()
        self._given = list(rows)
        self._texts = {}
        self._set_order(self._sorted())
        self.endResetModel()

    def _finish_loading(self, rows: list[TestimonySummary],
                        presorted: Presorted | None) -> None:
        """The whole list after its first rows: if it starts with the rows shown (it
        does unless something changed in between), the others are appended and the view
        keeps its selection and scrolling; else the model is reset. ``presorted``: the
        rows already in the default order (:func:`newest_interview_first`, made off the
        GUI thread), used while the model is in that order."""
        self._partial_of = -1
        self._given = list(rows)
        default = (DATE_COL, Qt.SortOrder.DescendingOrder)
        positions = None
        if presorted is not None and (self._sort_column, self._sort_order) == default:
            new, positions, self._sorted_by = presorted.rows, presorted.positions, default
        else:
            new = self._sorted()
        shown = len(self._rows)
        if len(new) >= shown and all(a == b for a, b in zip(new, self._rows, strict=False)):
            if len(new) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(new) - 1)
                self._set_order(new, positions)
                self.endInsertRows()
            else:
                self._set_order(new, positions)
        else:
            self.beginResetModel()
            self._texts = {}
            self._set_order(new, positions)
            self.endResetModel()

    def set_export_states(self, states: dict[str, ExportState]) -> None:
        """Per testimony: exported and awaiting HQ's receipt, or delivered."""
        if states == self._export_states:
            return
        self._export_states = dict(states)
        self._texts = {}
        if self._rows:
            self.dataChanged.emit(self.index(0, STATUS_COL),
                                  self.index(len(self._rows) - 1, STATUS_COL))
            if self._sort_column == STATUS_COL:
                self._resort()

    # ---- sorting -------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``. While :attr:`loading`, the order is only remembered: the
        rows shown stay the whole list's first rows until it is in."""
        self._sort_column, self._sort_order = column, order
        if self.loading or self._sorted_by == (column, order):
            return
        self._resort()

    def _sort_key(self, s: TestimonySummary) -> Any:
        """What :data:`SORT_ROLE` gives, as the proxy compared it (:func:`qt_caseless`)."""
        col = self._sort_column
        if col == FILES_COL:
            return s.attachment_count
        if col == STATUS_COL:
            return qt_caseless(status_sort_key(s.status, self._export_states.get(s.id)))
        if col == DATE_COL:
            return qt_caseless(s.interview_date)
        if col == PSEUDONYM_COL:
            return qt_caseless(s.pseudonym)
        if col == TITLE_COL:
            return qt_caseless(s.title)
        return qt_caseless(self.act_labels(s))

    def _set_order(self, rows: list[TestimonySummary],
                   positions: dict[str, int] | None = None) -> None:
        self._rows = rows
        self._row_of = positions  # None: made when first asked for

    def _sorted(self) -> list[TestimonySummary]:
        self._sorted_by = (self._sort_column, self._sort_order)
        if not 0 <= self._sort_column < len(COLUMNS):
            return list(self._given)
        rows = sorted(self._given, key=self._sort_key)  # stable: ties in the given order
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            rows.reverse()  # as Qt's proxy: ties come in reverse order too
        return rows

    def _resort(self) -> None:
        """Sort again, keeping selection and current row on the same testimonies."""
        if not 0 <= self._sort_column < len(COLUMNS) or not self._rows:
            return
        new = self._sorted()
        if [r.id for r in new] == [r.id for r in self._rows]:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._rows[i.row()].id if i.isValid() else "" for i in old]
        self._set_order(new)
        self.changePersistentIndexList(
            old, [self.index(row, i.column()) if (row := self.row_of(tid)) >= 0
                  else QModelIndex() for i, tid in zip(old, ids, strict=True)])
        self.layoutChanged.emit()

    def set_delivered(self, delivered: dict[str, int]) -> None:
        """Per testimony, the revision HQ confirmed receiving (shown after re-editing)."""
        if delivered == self._delivered:
            return
        self._delivered = dict(delivered)
        self._texts = {}
        if self._rows:
            self.dataChanged.emit(self.index(0, STATUS_COL),
                                  self.index(len(self._rows) - 1, STATUS_COL))

    def export_state(self, testimony_id: str) -> ExportState | None:
        return self._export_states.get(testimony_id)

    def set_language(self, language: str) -> None:
        self._language = language
        self._texts = {}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1,
                                                               len(COLUMNS) - 1))

    def clear(self) -> None:
        self._partial_of = -1
        self.set_rows([])
        self._export_states = {}
        self._delivered = {}

    def summary(self, row: int) -> TestimonySummary:
        return self._rows[row]

    def row_of(self, testimony_id: str) -> int:
        if self._row_of is None:
            self._row_of = {r.id: n for n, r in enumerate(self._rows)}
        return self._row_of.get(testimony_id, -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CTX, COLUMNS[section])
        return None

    def act_labels(self, summary: TestimonySummary) -> str:
        labels = []
        for code in summary.act_types:
            term = self._vocabulary.get(code)
            labels.append(term.label(self._language) if term else code)
        return ", ".join(labels)

    def _shown(self, s: TestimonySummary) -> tuple[str, ...]:
        """The row's texts, per column (made again when the row, the UI language and
        locale, or the export states change)."""
        locale = QLocale().name()  # switched with the language (TranslationManager)
        if locale != self._texts_locale:
            self._texts, self._texts_locale = {}, locale
        cached = self._texts.get(s.id)
        if cached is not None and cached[0] is s:
            return cached[1]
        status = status_text(s.status, self._export_states.get(s.id), revision=s.revision,
                             delivered=self._delivered.get(s.id, 0))
        if s.consent_withdrawn:
            status += " (" + QCoreApplication.translate(CTX, WITHDRAWN) + ")"
        texts = (status, local_date(s.interview_date), s.pseudonym, s.title,
                 self.act_labels(s), QLocale().toString(s.attachment_count))
        self._texts[s.id] = (s, texts)
        return texts

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return s.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._shown(s)[col]
        if role == SORT_ROLE:
            if col == FILES_COL:
                return s.attachment_count
            if col == STATUS_COL:
                return status_sort_key(s.status, self._export_states.get(s.id))
            if col == DATE_COL:
                return s.interview_date
            return self.data(index, Qt.ItemDataRole.DisplayRole) or ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col == FILES_COL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TestimonyFilterProxy(QSortFilterProxyModel):
    """Filters by status, violation type, interview date range and a set of search hits.
    Sorting is the source model's (:meth:`TestimonyTableModel.sort`): the proxy keeps its
    order."""

    __test__ = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._status = ""
        self._act_type = ""
        self._date_from = ""
        self._date_to = ""
        self._ids: set[str] | None = None
        self._filtering = False  # any of the above set (Qt asks once per row)
        self._model: TestimonyTableModel | None = None

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # Qt override
        self._model = model if isinstance(model, TestimonyTableModel) else None
        super().setSourceModel(model)

    def set_filters(self, *, status: str = "", act_type: str = "", date_from: str = "",
                    date_to: str = "") -> None:
        self.beginFilterChange()
        self._status, self._act_type = status, act_type
        self._date_from, self._date_to = date_from, date_to
        self._update_filtering()
        self.endFilterChange()

    def set_ids(self, ids: set[str] | None) -> None:
        self.beginFilterChange()
        self._ids = ids
        self._update_filtering()
        self.endFilterChange()

    def _update_filtering(self) -> None:
        self._filtering = bool(self._status or self._act_type or self._date_from
                               or self._date_to or self._ids is not None)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._filtering:
            return True
        model = self._model
        assert model is not None  # noqa: S101  # wiring invariant: set_filters needs it
        s = model.summary(source_row)
        if self._status and s.status != self._status:
            return False
        if self._act_type and self._act_type not in s.act_types:
            return False
        if self._date_from and (not s.interview_date or s.interview_date < self._date_from):
            return False
        if self._date_to and (not s.interview_date or s.interview_date[:10] > self._date_to):
            return False
        return self._ids is None or s.id in self._ids


#: Widest a column gets when fitted to its contents (pixels): a long Russian or
#: Belarusian status ("Адпраўлена, чакае квітанцыі") is elided, with the whole text as
#: the tooltip, instead of pushing the title and pseudonym out of a laptop screen.
COLUMN_CAPS = {STATUS_COL: 150, PSEUDONYM_COL: 130, TITLE_COL: 280, ACTS_COL: 180}
#: What a person looks for first comes first on screen (logical columns stay put).
VISUAL_ORDER = (TITLE_COL, PSEUDONYM_COL, DATE_COL, STATUS_COL, ACTS_COL, FILES_COL)


def fit_columns(table: QTableView) -> None:
    """Columns fitted to their contents, none wider than its cap."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column, cap in COLUMN_CAPS.items():
        if header.sectionSize(column) > cap:
            header.resizeSection(column, cap)


def testimony_table(proxy: TestimonyFilterProxy) -> QTableView:
    """The testimony list as both windows show it: whole rows, one at a time, sortable,
    newest interview first; title and pseudonym first."""
    table = QTableView()
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    # Fit the columns to the rows in view and a screenful beyond (Qt's default reads up to
    # 1,000 rows through the Python model: seconds for a long list).
    table.horizontalHeader().setResizeContentsPrecision(RESIZE_PRECISION_ROWS)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    for position, column in enumerate(VISUAL_ORDER):
        header.moveSection(header.visualIndex(column), position)
    table.sortByColumn(DATE_COL, Qt.SortOrder.DescendingOrder)
    return table
