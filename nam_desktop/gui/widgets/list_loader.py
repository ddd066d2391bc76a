"""Filling the testimony list: at once for a small vault; for a big one (HQ after years:
100,000 testimonies took seconds to read and sort before the window showed anything)
the first rows at once and the whole list read off the GUI thread.

The first rows are the whole list's first rows in its default order (newest interview
first), read with LIMIT from an index
(:meth:`~nam_desktop.core.model.repository.TestimonyRepository.list_first`); the whole
list then comes from a :class:`~nam_desktop.gui.widgets.workers.TaskRunner` task and is
appended after them, so the selection and the scrolling stay. While it loads, the label
says how many of how many are shown, and sorting by a column waits (the header offers
no sorting): a filter or a search narrows what is in and says it is incomplete.

The task holds only the repository (no Qt object): what it returns is plain Python,
and the task itself is released on the GUI thread by the runner. A task left over from a
lock or a newer load is ignored when it reports (a generation number).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractProxyModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView

from nam_desktop.core.model.records import TestimonySummary
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.gui.widgets.messages import message_for
from nam_desktop.gui.widgets.testimony_model import (
    DATE_COL,
    ID_ROLE,
    Presorted,
    TestimonyTableModel,
    newest_interview_first,
)
from nam_desktop.gui.widgets.workers import Cancelled, Progress, Task, TaskRunner

# From this many testimonies on, the list is loaded in two steps (the interviewer's
# 2,000 load at once, in about 0.1 s). Tests set it lower.
LAZY_FROM = 5_000
# The first rows: a few screenfuls (a laptop shows about 25).
FIRST_ROWS = 200
# The whole list is read once the table has painted, or after this long at the latest
# (a window not shown). Counted from the load, which comes before the window has been
# built and shown: shorter, it fired before the first paint at HQ (about 0.5 s).
START_LATEST_MS = 1500


class Listed(NamedTuple):
    """What the task returns: the whole list, and it in the default order."""

    rows: list[TestimonySummary]
    newest_first: Presorted


class ListLoader(QObject):
    """Loads ``repo``'s list into ``model``, shown by ``table``."""

    loaded = Signal()  # the whole list is in the model

    def __init__(self, repo: TestimonyRepository, model: TestimonyTableModel,
                 table: QTableView, runner: TaskRunner, parent: QObject | None = None, *,
                 lazy_from: int | None = None, first_rows: int | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._model = model
        self._table = table
        self._runner = runner
        self.lazy_from = LAZY_FROM if lazy_from is None else lazy_from
        self.first_rows = FIRST_ROWS if first_rows is None else first_rows
        self._generation = 0
        self._pending = -1  # the generation whose task waits for the first paint
        self._loading = False
        self._task: Task | None = None
        self._failure: BaseException | None = None  # the last read failed: said so
        self._waiting: list[Callable[[], None]] = []
        self.label = QLabel()
        self.label.setObjectName("listLoadingLabel")
        self.label.setWordWrap(True)
        self.label.hide()
        self.label.installEventFilter(self)

    @property
    def loading(self) -> bool:
        """The whole list is being read (the model may show only its first rows)."""
        return self._loading

    def load(self, *, wait: bool = False) -> None:
        """Fill the model with the list. A big vault's list is read off the GUI thread
        (first rows at once when the model is empty, else the rows shown stay until the
        new ones are in); with ``wait``, or for a small vault, it is read here."""
        self._stop()
        total = self._repo.count()
        if not wait and total >= self.lazy_from:
            if (self._model.rowCount() == 0 or self._model.loading) and self._newest_first():
                first = self._repo.list_first(self.first_rows)
                if first is not None:
                    self._model.set_first_rows(first, total)
            self._loading = True
            self._show_state()
            # Started once the table has painted its first rows (or after a moment, if
            # it is not on screen): started at once, the task competed with the window's
            # showing for the interpreter.
            self._pending = self._generation
            self._table.viewport().installEventFilter(self)
            generation = self._generation
            QTimer.singleShot(START_LATEST_MS, self, lambda: self._run(generation))
            return
        self._model.set_rows(self._repo.list())
        self._finished()

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the whole list is in: now if it is."""
        if self._loading:
            self._waiting.append(callback)
        else:
            callback()

    def cancel(self) -> None:
        """Stop loading (the vault is locking): what the task still returns is ignored."""
        self._stop()
        self._waiting.clear()
        self._show_state()

    # ---- internals -----------------------------------------------------------------------
    def _stop(self) -> None:
        self._generation += 1
        self._loading = False
        self._failure = None
        task, self._task = self._task, None
        if task is not None:
            task.cancel()

    def _newest_first(self) -> bool:
        """The list is in its default order (the first rows come in that one only)."""
        header = self._table.horizontalHeader()
        return (header.sortIndicatorSection() == DATE_COL
                and header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)

    def _run(self, generation: int) -> None:
        if generation != self._generation or self._pending != generation:
            return  # stale, or already started
        self._pending = -1
        self._table.viewport().removeEventFilter(self)
        repo = self._repo  # the job holds no Qt object

        def job(_progress: Progress, cancelled: Cancelled) -> Listed | None:
            if cancelled():
                return None
            # On a connection of its own: the vault's stays free for the GUI thread, and
            # a lock (cancel) stops the read within a few thousand SQLite steps.
            rows = repo.list(snapshot=True, cancelled=cancelled)
            # The sort the model would make on the GUI thread, made here.
            return None if cancelled() else Listed(rows, newest_interview_first(rows))

        self._task = self._runner.start(
            job, owner=self,
            on_success=lambda listed: self._on_listed(generation, listed),
            on_failure=lambda exc: self._on_failed(generation, exc))

    def _on_listed(self, generation: int, listed: Listed | None) -> None:
        if generation != self._generation or listed is None:
            return  # a lock or a newer load took over
        self._task, self._loading = None, False
        current, top = self._where()
        presorted = listed.newest_first if self._newest_first() else None
        self._model.set_rows(listed.rows, presorted=presorted)
        self._keep(current, top)
        self._finished()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._task, self._loading, self._failure = None, False, exc
        self._waiting.clear()
        self._model.clear()  # never a part of the list as if it were the whole
        self._show_state()

    def _finished(self) -> None:
        self._show_state()
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()
        self.loaded.emit()

    def _show_state(self) -> None:
        partial = self._model.loading
        # Sorting by a column would sort only the rows that are in: it waits.
        if self._table.isSortingEnabled() == partial:
            self._table.setSortingEnabled(not partial)
            self._table.horizontalHeader().setSectionsClickable(not partial)
        if partial:
            self.label.setText(self.tr(
                "Loading the list: the first %1 of %n testimonies are shown. Sorting, "
                "filters and search cover the whole list once it is in.", "",
                self._model.expected_rows)
                .replace("%1", QLocale().toString(self._model.rowCount())))
        elif self._loading and self._model.rowCount() == 0:
            self.label.setText(self.tr("Loading the list…"))
        elif self._loading:
            self.label.setText(self.tr("Updating the list…"))
        elif self._failure is not None:
            self.label.setText(self.tr("The list could not be read: %1")
                               .replace("%1", message_for(self._failure)))
        self.label.setVisible(self._loading or self._failure is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.label and event.type() == QEvent.Type.LanguageChange:
            self._show_state()
        elif event.type() == QEvent.Type.Paint and self._pending >= 0 \
                and watched is self._table.viewport():
            generation = self._pending  # painted: start once this paint is done
            QTimer.singleShot(0, self, lambda: self._run(generation))
        return False

    def _where(self) -> tuple[str, str]:
        """The testimony of the current row and of the top row in view."""
        current = self._table.currentIndex()
        top = self._table.indexAt(QPoint(0, 0))
        return (str(current.data(ID_ROLE)) if current.isValid() else "",
                str(top.data(ID_ROLE)) if top.isValid() else "")

    def _keep(self, current: str, top: str) -> None:
        """After a reset, the same testimonies current and at the top again."""
        def proxy_index(tid: str) -> QModelIndex:
            row = self._model.row_of(tid) if tid else -1
            if row < 0:
                return QModelIndex()
            model = self._table.model()
            source = self._model.index(row, 0)
            return model.mapFromSource(source) if isinstance(model, QAbstractProxyModel) \
                else source

        index = proxy_index(current)
        if index.isValid() and self._table.currentIndex().row() != index.row():
            selection = self._table.selectionModel()
            selection.blockSignals(True)
            self._table.setCurrentIndex(index)
            selection.blockSignals(False)
        index = proxy_index(top)
        if index.isValid() and self._table.indexAt(QPoint(0, 0)).row() != index.row():
            self._table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

