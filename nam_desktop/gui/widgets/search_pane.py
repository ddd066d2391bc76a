"""Full-text search over every testimony in the vault, as a pane around a testimony list.

The pane stacks the search field, the list it is given (``body``: the host window's
filters and table) and the results with highlighted snippets. Typing searches after a
short pause; the first screen of snippets comes with the hits and the others are filled
right after, in small steps. Both the interviewer's main window and the HQ workspace use
it: they filter their table with :attr:`SearchPane.hits_changed` and open a testimony on
:attr:`SearchPane.open_requested`.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from nam_desktop.core.model.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SearchHit,
    add_snippets,
    search,
)
from nam_desktop.core.vault.vault import Vault

SNIPPETS_AT_ONCE = 20  # about a screenful; the rest are filled right after
DEBOUNCE_MS = 250


def highlight_html(snippet: str) -> str:
    """Search snippet with \\x02..\\x03 markers -> safe HTML with the matches marked."""
    escaped = html.escape(snippet)
    return (escaped.replace(HIGHLIGHT_START, '<b style="background-color:#ffe58a">')
            .replace(HIGHLIGHT_END, "</b>").replace("\n", " "))


class SearchPane(QWidget):
    """Search field above ``body``, results below it."""

    open_requested = Signal(str)  # testimony id of the hit the user activated
    hits_changed = Signal(object)  # set[str] of the testimony ids found; None: no search

    def __init__(self, vault: Vault, body: QWidget | None = None, *,
                 before_search: Callable[[], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self._before_search = before_search  # e.g. save the open draft so it is indexed
        self.field = QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._on_text_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.results = QListWidget()
        self.results.itemActivated.connect(self._on_result_activated)
        self.results.itemClicked.connect(self._on_result_activated)
        self.results.hide()
        self.results_label = QLabel()
        self.results_label.hide()
        self._snippet_queue: tuple[str, list[tuple[int, SearchHit]]] | None = None
        self._narrowed = False  # hits_changed last carried a set of ids

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        if body is not None:
            layout.addWidget(body, 3)
        layout.addWidget(self.results_label)
        layout.addWidget(self.results, 2)
        self.retranslate()

    # ---- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Search all testimonies…"))
        self.field.setAccessibleName(self.tr("Search"))
        self.results.setAccessibleName(self.tr("Search results"))
        self.results_label.setText(self.tr("Matches in the text:"))
        if self.results.count() == 1 and self._testimony_id(self.results.item(0)) == "":
            self.results.item(0).setText(self.tr("Nothing found."))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- searching -----------------------------------------------------------------------
    def text(self) -> str:
        return self.field.text().strip()

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _on_text_changed(self) -> None:
        self._timer.start()

    def run_search(self) -> None:
        """Search now for the text in the field (an empty field ends the search)."""
        self._timer.stop()
        if not self.vault.is_open:
            return  # the debounce timer fired after the vault was locked
        text = self.text()
        self._clear_results(hide=not text)
        if not text:
            self._end_narrowing()
            return
        if self._before_search is not None:
            self._before_search()
        with self.vault.reading() as conn:
            hits = search(conn, text, snippets=SNIPPETS_AT_ONCE)
        self._narrowed = True
        self.hits_changed.emit({h.testimony_id for h in hits})
        for hit in hits:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, hit.testimony_id)
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.results.addItem(item)
            self._show_hit(item, label, hit)
            self.results.setItemWidget(item, label)
        if not hits:
            self.results.addItem(self.tr("Nothing found."))
        self.results.show()
        self.results_label.show()
        later = [(row, hit) for row, hit in enumerate(hits) if hit.snippet is None]
        if later:  # the first screen is shown; the other snippets follow in small steps
            self._snippet_queue = (text, later)
            QTimer.singleShot(0, self._fill_snippets)

    @staticmethod
    def _show_hit(item: QListWidgetItem, label: QLabel, hit: SearchHit) -> None:
        label.setText(f"<b>{html.escape(hit.title or '—')}</b><br>"
                      f"{highlight_html(hit.snippet or '')}")
        item.setSizeHint(label.sizeHint())

    def _fill_snippets(self) -> None:
        queue = self._snippet_queue
        if queue is None or not self.vault.is_open:
            return  # a newer search (or a lock) took over
        text, pending = queue
        batch, rest = pending[:SNIPPETS_AT_ONCE], pending[SNIPPETS_AT_ONCE:]
        with self.vault.reading() as conn:
            filled = add_snippets(conn, text, [hit for _, hit in batch])
        for (row, _), hit in zip(batch, filled, strict=True):
            item = self.results.item(row)
            label = self.results.itemWidget(item)
            if isinstance(label, QLabel):
                self._show_hit(item, label, hit)
        self._snippet_queue = (text, rest) if rest else None
        if rest:
            QTimer.singleShot(0, self._fill_snippets)

    @property
    def snippet_queue(self) -> tuple[str, list[tuple[int, SearchHit]]] | None:
        """The search text and the hits still waiting for a snippet; None: none waiting."""
        return self._snippet_queue

    # ---- results -------------------------------------------------------------------------
    def hit_ids(self) -> list[str]:
        """Testimony ids of the hits listed, best first."""
        ids = (self._testimony_id(self.results.item(r)) for r in range(self.results.count()))
        return [tid for tid in ids if tid]

    def result_html(self, row: int) -> str:
        widget = self.results.itemWidget(self.results.item(row))
        return widget.text() if isinstance(widget, QLabel) else ""

    @staticmethod
    def _testimony_id(item: QListWidgetItem) -> str:
        tid = item.data(Qt.ItemDataRole.UserRole)
        return str(tid) if tid else ""

    def _on_result_activated(self, item: QListWidgetItem) -> None:
        tid = self._testimony_id(item)
        if tid:
            self.open_requested.emit(tid)

    def _clear_results(self, *, hide: bool = True) -> None:
        self._snippet_queue = None
        for row in range(self.results.count()):  # the labels are deleted later: empty now
            label = self.results.itemWidget(self.results.item(row))
            if isinstance(label, QLabel):
                label.clear()
        self.results.clear()
        if hide:
            self.results.hide()
            self.results_label.hide()

    def clear(self) -> None:
        """Empty the field and the results without searching again (lock, wipe)."""
        self._timer.stop()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self._clear_results()
        self._end_narrowing()

    def _end_narrowing(self) -> None:
        # Only on a change; besides, PySide6 6.12 drops a reference to True on every
        # emit() from Python, and Python 3.11's True is not immortal.
        if self._narrowed:
            self._narrowed = False
            self.hits_changed.emit(None)
