"""The main window: testimony list with filters and full-text search, and the editor."""

from __future__ import annotations

import html

import shiboken6
from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.exchange.export import export_states
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import Interview, TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.model.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SearchHit,
    add_snippets,
    search,
)
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.context import AppContext
from nam_desktop.gui.editor_sections import date_edit, valid_date
from nam_desktop.gui.export_wizard import ExportWizard
from nam_desktop.gui.keycard_dialog import KeyCardDialog
from nam_desktop.gui.messages import message_for
from nam_desktop.gui.receipt_dialog import ReceiptDialog
from nam_desktop.gui.style import icon
from nam_desktop.gui.testimony_editor import TestimonyEditor
from nam_desktop.gui.testimony_model import (
    ID_ROLE,
    TestimonyFilterProxy,
    TestimonyTableModel,
    testimony_table,
)

SNIPPETS_AT_ONCE = 20  # about a screenful; the rest are filled right after


def highlight_html(snippet: str) -> str:
    """Search snippet with \\x02..\\x03 markers -> safe HTML with the matches marked."""
    escaped = html.escape(snippet)
    return (escaped.replace(HIGHLIGHT_START, '<b style="background-color:#ffe58a">')
            .replace(HIGHLIGHT_END, "</b>").replace("\n", " "))


class MainWindow(QMainWindow):
    lock_requested = Signal()
    settings_requested = Signal()
    closed = Signal()

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.vault = vault
        self.repo = TestimonyRepository(vault)
        self.attachment_service = AttachmentService(vault)
        self.vocabulary = self.repo.vocabulary()
        self.setObjectName("mainWindow")
        self.model = TestimonyTableModel(self.vocabulary, ctx.settings.language)
        self.proxy = TestimonyFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.table = testimony_table(self.proxy)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

        self.status_filter = QComboBox()
        for code in ("", "draft", "final", "delivered"):
            self.status_filter.addItem("", code)
        self.type_filter = QComboBox()
        self.type_filter.addItem("", "")
        for term in self.vocabulary.terms:
            if not term.retired:
                self.type_filter.addItem(term.label(ctx.settings.language), term.code)
        self.date_from, self.date_to = date_edit(), date_edit()
        for combo in (self.status_filter, self.type_filter):
            combo.currentIndexChanged.connect(self._on_filters_changed)
        for edit in (self.date_from, self.date_to):
            edit.textChanged.connect(self._on_filters_changed)
        self.search_field = QLineEdit()
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(self._on_search_text_changed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.run_search)
        self.results = QListWidget()
        self._snippet_queue: tuple[str, list[tuple[int, SearchHit]]] | None = None
        self.results.itemActivated.connect(self._on_result_activated)
        self.results.itemClicked.connect(self._on_result_activated)
        self.results.hide()
        self.results_label = QLabel()
        self.results_label.hide()

        self.editor = TestimonyEditor(ctx, vault, self.repo, self.attachment_service)
        self.editor.saved.connect(self._on_editor_saved)
        self.editor.finalised.connect(self._on_editor_saved)
        self.editor.save_failed.connect(self._on_save_failed)

        filters = QHBoxLayout()
        self.filter_labels = [QLabel() for _ in range(3)]
        filters.addWidget(self.filter_labels[0])
        filters.addWidget(self.status_filter)
        filters.addWidget(self.filter_labels[1])
        filters.addWidget(self.type_filter, 1)
        self.type_filter.setMinimumContentsLength(12)
        self.type_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        dates = QHBoxLayout()
        dates.addWidget(self.filter_labels[2])
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.search_field)
        lv.addLayout(filters)
        lv.addLayout(dates)
        lv.addWidget(self.table, 3)
        lv.addWidget(self.results_label)
        lv.addWidget(self.results, 2)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([470, 880])
        central = QWidget()
        cl = QVBoxLayout(central)
        cl.setContentsMargins(8, 8, 8, 4)
        cl.addWidget(self.splitter)
        self.setCentralWidget(central)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.new_action = QAction(icon("new"), "", self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_testimony)
        self.lock_action = QAction(icon("lock"), "", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock_requested)
        self.settings_action = QAction(icon("settings"), "", self)
        self.settings_action.triggered.connect(self.settings_requested)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.search_field.setFocus)
        self.addAction(self.find_action)
        for action in (self.new_action, self.settings_action, self.lock_action):
            self.toolbar.addAction(action)
        # Exchange with HQ (interviewer vaults): export, key card, receipt.
        self.exchange_dialog: QWidget | None = None
        self.export_action = QAction(self)
        self.export_action.triggered.connect(self.open_export_wizard)
        self.keycard_action = QAction(self)
        self.keycard_action.triggered.connect(self.open_keycard_dialog)
        self.receipt_action = QAction(self)
        self.receipt_action.triggered.connect(self.open_receipt_dialog)
        self.hq_menu = self.menuBar().addMenu("")
        for action in (self.export_action, self.keycard_action, self.receipt_action):
            self.hq_menu.addAction(action)
        self.hq_menu.menuAction().setVisible(vault.role == "interviewer")
        if vault.role == "interviewer":
            self.toolbar.insertAction(self.settings_action, self.export_action)
        self.setTabOrder(self.search_field, self.status_filter)
        self.setTabOrder(self.status_filter, self.type_filter)
        self.setTabOrder(self.type_filter, self.date_from)
        self.setTabOrder(self.date_from, self.date_to)
        self.setTabOrder(self.date_to, self.table)
        self.setTabOrder(self.table, self.editor.title)
        self.resize(1280, 720)
        self.retranslate()
        self.refresh()

    # ---- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("NAM Desktop"))  # never a witness name
        self.new_action.setText(self.tr("New testimony"))
        self.lock_action.setText(self.tr("Lock"))
        self.lock_action.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.settings_action.setText(self.tr("Settings"))
        self.search_field.setPlaceholderText(self.tr("Search all testimonies…"))
        self.search_field.setAccessibleName(self.tr("Search"))
        for i, text in enumerate((self.tr("Status:"), self.tr("Violation:"),
                                  self.tr("Interview date:"))):
            self.filter_labels[i].setText(text)
        for i, text in enumerate((self.tr("All"), self.tr("Drafts"), self.tr("Final"),
                                  self.tr("Delivered"))):
            self.status_filter.setItemText(i, text)
        self.type_filter.setItemText(0, self.tr("All types"))
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.type_filter.setAccessibleName(self.tr("Filter by violation type"))
        self.date_from.setAccessibleName(self.tr("Interview date from"))
        self.date_to.setAccessibleName(self.tr("Interview date until"))
        self.table.setAccessibleName(self.tr("Testimonies"))
        self.results.setAccessibleName(self.tr("Search results"))
        self.results_label.setText(self.tr("Matches in the text:"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.hq_menu.setTitle(self.tr("&HQ"))
        self.export_action.setText(self.tr("Send to HQ…"))
        self.export_action.setToolTip(self.tr("Write the final testimonies to a USB stick for "
                                              "HQ, encrypted"))
        self.keycard_action.setText(self.tr("Import HQ key card…"))
        self.receipt_action.setText(self.tr("Import HQ receipt…"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        self.model.set_language(language)
        self.editor.set_language(language)
        for i in range(1, self.type_filter.count()):
            term = self.vocabulary.get(str(self.type_filter.itemData(i)))
            if term is not None:
                self.type_filter.setItemText(i, term.label(language))
        self.table.resizeColumnsToContents()

    # ---- list ----------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.editor.testimony_id
        first = self.model.rowCount() == 0
        self.model.set_rows(self.repo.list())
        self.model.set_export_states(export_states(self.vault))
        if first:
            self.table.resizeColumnsToContents()
        if current:
            self._select_in_table(current)

    def _select_in_table(self, testimony_id: str) -> None:
        row = self.model.row_of(testimony_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(index)
            self.table.selectionModel().blockSignals(False)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            tid = str(current.data(ID_ROLE))
            if tid != self.editor.testimony_id:
                self.open_testimony(tid)

    def open_testimony(self, testimony_id: str) -> None:
        try:
            opened = self.editor.open(testimony_id)
        except Exception as exc:  # shown to the user
            self._ctx.prompter.error(self, self.tr("Cannot open"), exc)
            return
        self._select_in_table(testimony_id if opened else self.editor.testimony_id)

    def new_testimony(self) -> None:
        self.editor.save()
        draft = TestimonyDraft(interview=Interview(
            date=QDate.currentDate().toString(Qt.DateFormat.ISODate),
            interviewer=self.vault.meta("interviewer")))
        tid = self.repo.add(draft)
        self.refresh()
        self.open_testimony(tid)
        self.editor.set_section(0)
        self.editor.title.setFocus()

    def _on_filters_changed(self) -> None:
        def date(edit: QLineEdit) -> str:
            text = edit.text().strip()
            return text if text and valid_date(text) else ""
        self.proxy.set_filters(status=str(self.status_filter.currentData() or ""),
                               act_type=str(self.type_filter.currentData() or ""),
                               date_from=date(self.date_from), date_to=date(self.date_to))

    # ---- search --------------------------------------------------------------------------
    def _on_search_text_changed(self) -> None:
        self._search_timer.start()

    def run_search(self) -> None:
        if not self.vault.is_open:
            return  # the debounce timer fired after the vault was locked
        text = self.search_field.text().strip()
        self.results.clear()
        self._snippet_queue = None
        if not text:
            self.proxy.set_ids(None)
            self.results.hide()
            self.results_label.hide()
            return
        self.editor.save()
        with self.vault.reading() as conn:
            hits = search(conn, text, snippets=SNIPPETS_AT_ONCE)
        self.proxy.set_ids({h.testimony_id for h in hits})
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

    def result_html(self, row: int) -> str:
        widget = self.results.itemWidget(self.results.item(row))
        return widget.text() if isinstance(widget, QLabel) else ""

    def _on_result_activated(self, item: QListWidgetItem) -> None:
        tid = item.data(Qt.ItemDataRole.UserRole)
        if tid:
            self.open_testimony(str(tid))

    # ---- exchange with HQ ----------------------------------------------------------------
    def _show_exchange_dialog(self, dialog: QWidget) -> None:
        self._close_exchange_dialog()
        self.exchange_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def _close_exchange_dialog(self) -> None:
        dialog, self.exchange_dialog = self.exchange_dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.wipe()  # type: ignore[attr-defined]  # each exchange dialog has wipe()
            dialog.deleteLater()

    def open_export_wizard(self) -> ExportWizard:
        self.save_all()
        wizard = ExportWizard(self._ctx, self.vault, self)
        wizard.exported.connect(self._on_exchanged)
        self._show_exchange_dialog(wizard)
        return wizard

    def open_keycard_dialog(self) -> KeyCardDialog:
        dialog = KeyCardDialog(self._ctx, self.vault, self)
        self._show_exchange_dialog(dialog)
        return dialog

    def open_receipt_dialog(self) -> ReceiptDialog:
        self.save_all()
        dialog = ReceiptDialog(self._ctx, self.vault, self)
        dialog.receipt_applied.connect(self._on_exchanged)
        dialog.purged.connect(self._on_purged)
        self._show_exchange_dialog(dialog)
        return dialog

    def _on_exchanged(self, *_: object) -> None:
        self.refresh()
        if self.editor.testimony_id:  # the status shown in the editor changed
            self.editor.open(self.editor.testimony_id)

    def _on_purged(self, *_: object) -> None:
        self._on_exchanged()

    # ---- saving --------------------------------------------------------------------------
    def _on_editor_saved(self, *_: object) -> None:
        self.refresh()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(self.tr("Could not save: %1").replace(
            "%1", message_for(exc)), 10000)

    def save_all(self) -> bool:
        return self.editor.save()

    def location(self) -> tuple[str, int]:
        return self.editor.testimony_id, self.editor.section()

    def restore_location(self, testimony_id: str, section: int) -> None:
        if testimony_id and self.model.row_of(testimony_id) >= 0:
            self.open_testimony(testimony_id)
            self.editor.set_section(section)

    def wipe(self) -> None:
        """Empty every widget that shows decrypted data (before the vault closes)."""
        self._close_exchange_dialog()  # cancels a running export
        self.editor.attachments.cancel()
        self.editor.clear()
        self.model.clear()
        self.results.clear()
        self.search_field.clear()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.save_all()
        super().closeEvent(event)
        self.closed.emit()
