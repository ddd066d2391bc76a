"""The main window: testimony list with filters and full-text search, and the editor."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
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
from nam_desktop.core.model.search import SearchHit
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.export_wizard import ExportWizard
from nam_desktop.gui.exchange.keycard_dialog import KeyCardDialog
from nam_desktop.gui.exchange.receipt_dialog import ReceiptDialog
from nam_desktop.gui.interviewer.editor_sections import date_edit, valid_date
from nam_desktop.gui.interviewer.testimony_editor import TestimonyEditor
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.dates import today
from nam_desktop.gui.widgets.list_loader import ListLoader
from nam_desktop.gui.widgets.messages import message_for
from nam_desktop.gui.widgets.search_pane import SNIPPETS_AT_ONCE as SNIPPETS_AT_ONCE  # re-exported
from nam_desktop.gui.widgets.search_pane import SearchPane
from nam_desktop.gui.widgets.search_pane import highlight_html as highlight_html  # re-exported
from nam_desktop.gui.widgets.shortcuts import PANIC_SHORTCUT, native
from nam_desktop.gui.widgets.style import icon
from nam_desktop.gui.widgets.testimony_model import (
    ID_ROLE,
    TestimonyFilterProxy,
    TestimonyTableModel,
    fit_columns,
    testimony_table,
)
from nam_desktop.gui.widgets.window_size import fit_to_screen


class MainWindow(QMainWindow):
    lock_requested = Signal()
    panic_requested = Signal()  # the Hide button; the key itself is caught app-wide
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
        self.list_loader = ListLoader(self.repo, self.model, self.table, ctx.runner, self)
        self.list_loader.loaded.connect(self._on_list_loaded)

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
        self.type_filter.setMinimumContentsLength(8)
        self.type_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        dates = QHBoxLayout()
        dates.addWidget(self.filter_labels[2])
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        listing = QWidget()
        lv = QVBoxLayout(listing)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(filters)
        lv.addLayout(dates)
        lv.addWidget(self.table)
        self.search_pane = SearchPane(vault, listing, before_search=self._before_search)
        self.search_pane.hits_changed.connect(self._on_search_hits_changed)
        self.search_pane.open_requested.connect(self.open_testimony)
        # The names the window had before SearchPane (tests, screenshots.py use them).
        self.search_field: QLineEdit = self.search_pane.field
        self.results: QListWidget = self.search_pane.results
        self.results_label: QLabel = self.search_pane.results_label
        self.splitter = QSplitter()
        self.splitter.addWidget(self.search_pane)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([560, 800])
        central = QWidget()
        cl = QVBoxLayout(central)
        cl.setContentsMargins(8, 8, 8, 4)
        cl.addWidget(self.splitter)
        self.setCentralWidget(central)
        self.statusBar().addWidget(self.list_loader.label, 1)

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
        self.panic_action = QAction(icon("hide"), "", self)  # no shortcut: see panic.py
        self.panic_action.triggered.connect(self.panic_requested)
        self.settings_action = QAction(icon("settings"), "", self)
        self.settings_action.triggered.connect(self.settings_requested)
        self.record_action = QAction(icon("record"), "", self)
        self.record_action.setShortcut(QKeySequence("Ctrl+R"))
        self.record_action.triggered.connect(self.editor.open_recorder)
        self.record_action.setEnabled(False)
        self.editor.recording_changed.connect(self._on_recording_changed)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.search_field.setFocus)
        self.addAction(self.find_action)
        for action in (self.new_action, self.record_action, self.settings_action,
                       self.lock_action, self.panic_action):
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
        self.editor.form_ready.connect(self._on_editor_form_ready)  # built when first needed
        fit_to_screen(self, 1366, 740)  # or what the screen allows
        self.retranslate()
        self.refresh(first=True)

    def _on_editor_form_ready(self) -> None:
        self.setTabOrder(self.table, self.editor.title)

    # ---- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("NAM Desktop"))  # never a witness name
        self.new_action.setText(self.tr("New testimony"))
        self.lock_action.setText(self.tr("Lock"))
        self.lock_action.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.panic_action.setText(self.tr("Hide"))
        self.panic_action.setToolTip(self.tr("Lock at once and empty the clipboard (%1)")
                                     .replace("%1", native(PANIC_SHORTCUT)))
        self.settings_action.setText(self.tr("Settings"))
        self.record_action.setText(self.tr("Record interview"))
        self._on_recording_changed(*self.editor.recording_allowed())
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

    def _on_recording_changed(self, allowed: bool, why: str) -> None:
        self.record_action.setEnabled(allowed)
        self.record_action.setToolTip(
            self.tr("Record the interview into this testimony (Ctrl+R)") if allowed else why)

    def set_language(self, language: str) -> None:
        self.model.set_language(language)
        self.editor.set_language(language)
        for i in range(1, self.type_filter.count()):
            term = self.vocabulary.get(str(self.type_filter.itemData(i)))
            if term is not None:
                self.type_filter.setItemText(i, term.label(language))
        fit_columns(self.table)

    # ---- list ----------------------------------------------------------------------------
    def refresh(self, *, first: bool = False) -> None:
        """Read the list again. The first time, a big vault's list shows its first rows
        at once and the rest follow (:class:`ListLoader`); after a save the whole list is
        read here, so the testimony just saved or added is in it at once."""
        current = self.editor.testimony_id
        empty = self.model.rowCount() == 0
        self.list_loader.load(wait=not first)
        self.model.set_export_states(export_states(self.vault))
        self.model.set_delivered(self.repo.delivered_revisions())
        if empty:
            fit_columns(self.table)
        if current:
            self._select_in_table(current)

    def _on_list_loaded(self) -> None:
        if self.editor.testimony_id:
            self._select_in_table(self.editor.testimony_id)

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
            date=today(),
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

    # ---- search (SearchPane) -------------------------------------------------------------
    def _before_search(self) -> None:
        self.editor.save()  # what is being typed is found too

    def _on_search_hits_changed(self, ids: set[str] | None) -> None:
        self.proxy.set_ids(ids)

    def run_search(self) -> None:
        self.search_pane.run_search()

    def result_html(self, row: int) -> str:
        return self.search_pane.result_html(row)

    @property
    def _snippet_queue(self) -> tuple[str, list[tuple[int, SearchHit]]] | None:
        return self.search_pane.snippet_queue  # the name the tests knew before SearchPane

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
        dialog.unsent_destroyed.connect(self._on_purged)
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
        if testimony_id:
            self.list_loader.when_loaded(lambda: self._restore(testimony_id, section))

    def _restore(self, testimony_id: str, section: int) -> None:
        if self.vault.is_open and self.model.row_of(testimony_id) >= 0 \
                and self.editor.testimony_id != testimony_id:
            self.open_testimony(testimony_id)
            self.editor.set_section(section)

    def wipe(self) -> None:
        """Empty every widget that shows decrypted data (before the vault closes)."""
        self._close_exchange_dialog()  # cancels a running export
        self.editor.close_recorder()  # a running recording is finished into the vault
        if self.editor.form_built:  # else no attachment was ever read
            self.editor.attachments.cancel()
        self.list_loader.cancel()
        self.editor.clear()
        self.model.clear()
        self.search_pane.clear()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.save_all()
        super().closeEvent(event)
        self.closed.emit()
