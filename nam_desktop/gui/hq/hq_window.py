"""The HQ workspace: shown instead of the interviewer's main window when the unlocked
vault's role is ``hq``.

Tabs: testimonies received (read only, with full-text search over all of them; Ctrl+F),
importing bundles with a verdict per bundle and
the receipt to hand back, the register of interviewer devices, and the alarms. The
toolbar also writes the key card (file and printable QR page). The window offers the
same small API as :class:`~nam_desktop.gui.interviewer.main_window.MainWindow` to the controller
(``lock_requested``, ``settings_requested``, ``closed``, ``save_all``, ``location``,
``restore_location``, ``wipe``, ``set_language``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.exchange import hq_identity, hq_import
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.hq.hq_devices_panel import HqAlarmsPanel, HqDevicesPanel
from nam_desktop.gui.hq.hq_import_panel import HqImportPanel
from nam_desktop.gui.hq.hq_messages import fill
from nam_desktop.gui.hq.hq_testimony_view import HqTestimonyView
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.dates import local_time
from nam_desktop.gui.widgets.list_loader import ListLoader
from nam_desktop.gui.widgets.search_pane import SearchPane
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

TESTIMONIES_TAB, IMPORT_TAB, DEVICES_TAB, ALARMS_TAB = range(4)


class HqWindow(QMainWindow):
    lock_requested = Signal()
    panic_requested = Signal()  # the Hide button; the key itself is caught app-wide
    settings_requested = Signal()
    closed = Signal()

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.vault = vault
        self.repo = TestimonyRepository(vault)
        self.setObjectName("hqWindow")
        self.has_keys = self._has_hq_keys()
        # Widgets made inside the window: Qt applies the style sheet to them once, not
        # again each time a finished part is moved into another.
        central = QWidget(self)

        self.model = TestimonyTableModel(self.repo.vocabulary(), ctx.settings.language)
        self.proxy = TestimonyFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.table = testimony_table(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.list_loader = ListLoader(self.repo, self.model, self.table, ctx.runner, self)
        self.viewer = HqTestimonyView(ctx, vault)
        self.search_pane = SearchPane(vault, self.table)
        self.search_pane.hits_changed.connect(self._on_search_hits_changed)
        self.search_pane.open_requested.connect(self.open_testimony)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.search_pane)
        self.splitter.addWidget(self.viewer)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([520, 820])

        self.import_panel = HqImportPanel(ctx, vault)
        self.import_panel.imports_finished.connect(self._on_imports_finished)
        self.import_panel.register_requested.connect(self._on_register_requested)
        self.devices = HqDevicesPanel(ctx, vault)
        self.devices.receipt_requested.connect(self.import_panel.save_receipt)
        self.devices.devices_changed.connect(self.refresh)
        self.alarms = HqAlarmsPanel(vault)
        self.tabs = QTabWidget(central)
        for widget in (self.splitter, self.import_panel, self.devices, self.alarms):
            self.tabs.addTab(widget, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self.banner = QLabel()
        self.banner.setProperty("role", "warning")
        self.banner.setWordWrap(True)
        self.create_keys_button = QPushButton()
        self.create_keys_button.clicked.connect(self.create_hq_keys)
        cl = QVBoxLayout(central)
        cl.setContentsMargins(8, 8, 8, 4)
        cl.addWidget(self.banner)
        cl.addWidget(self.create_keys_button, 0, Qt.AlignmentFlag.AlignLeft)
        cl.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.statusBar().addWidget(self.list_loader.label, 1)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("hqToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.import_action = QAction(icon("down"), "", self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self._on_import_triggered)
        self.keycard_action = QAction(icon("up"), "", self)
        self.keycard_action.triggered.connect(self.open_keycard_dialog)
        self.uwazi_action = QAction(icon("up"), "", self)
        self.uwazi_action.triggered.connect(self.open_uwazi_dialog)
        self.settings_action = QAction(icon("settings"), "", self)
        self.settings_action.triggered.connect(self.settings_requested)
        self.lock_action = QAction(icon("lock"), "", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock_requested)
        self.panic_action = QAction(icon("hide"), "", self)  # no shortcut: see panic.py
        self.panic_action.triggered.connect(self.panic_requested)
        self.recovery_action = QAction(icon("up"), "", self)
        self.recovery_action.triggered.connect(self.open_recovery_dialog)
        # The toolbar keeps what a station does every day and the two locks; Uwazi exports
        # and recovery requests are in the Station menu (in Russian all seven did not fit
        # 1366 px, and "Hide" went out of sight).
        for action in (self.import_action, self.keycard_action, self.settings_action,
                       self.lock_action, self.panic_action):
            self.toolbar.addAction(action)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        # Menus: what the toolbar offers, the tabs and search (an HQ window had none).
        self.station_menu = self.menuBar().addMenu("")
        for action in (self.import_action, self.keycard_action, self.uwazi_action,
                       self.recovery_action):
            self.station_menu.addAction(action)
        self.station_menu.addSeparator()
        for action in (self.settings_action, self.lock_action):
            self.station_menu.addAction(action)
        self.station_menu.addSeparator()
        self.station_menu.addAction(self.quit_action)
        self.view_menu = self.menuBar().addMenu("")
        self.tab_actions: list[QAction] = []
        for index in range(self.tabs.count()):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            self.view_menu.addAction(action)
            self.tab_actions.append(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.find_action)
        self.keycard_dialog: QWidget | None = None
        self.uwazi_dialog: QWidget | None = None
        self.recovery_dialog: QWidget | None = None
        fit_to_screen(self, 1366, 740)
        self.retranslate()
        self.refresh()

    # ---- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("NAM Desktop — HQ"))
        for index, text in ((TESTIMONIES_TAB, self.tr("Testimonies")),
                            (IMPORT_TAB, self.tr("Import")),
                            (DEVICES_TAB, self.tr("Devices")),
                            (ALARMS_TAB, self.alarms_tab_text())):
            self.tabs.setTabText(index, text)
        self.import_action.setText(self.tr("Import bundles…"))
        self.keycard_action.setText(self.tr("Write key card…"))
        self.uwazi_action.setText(self.tr("Export to Uwazi…"))
        self.recovery_action.setText(self.tr("Recovery request…"))
        self.recovery_action.setToolTip(self.tr("Give an interviewer access back to their "
                                                "vault"))
        self.settings_action.setText(self.tr("Settings"))
        self.lock_action.setText(self.tr("Lock"))
        self.lock_action.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.panic_action.setText(self.tr("Hide"))
        self.panic_action.setToolTip(self.tr("Lock at once and empty the clipboard (%1)")
                                     .replace("%1", native(PANIC_SHORTCUT)))
        self.toolbar.setWindowTitle(self.tr("HQ toolbar"))
        self.station_menu.setTitle(self.tr("&Station"))
        self.view_menu.setTitle(self.tr("&View"))
        self.quit_action.setText(self.tr("Quit"))
        self.find_action.setText(self.tr("Search testimonies"))
        for action, text in zip(self.tab_actions, (
                self.tr("Testimonies"), self.tr("Import"), self.tr("Devices"),
                self.tr("Alarms")), strict=True):
            action.setText(text)
        self.table.setAccessibleName(self.tr("Testimonies received"))
        self.banner.setText(self.tr(
            "This HQ vault has no HQ keys yet: create them before writing a key card or "
            "importing bundles."))
        self.create_keys_button.setText(self.tr("Create HQ keys"))
        self._show_key_state()

    def alarms_tab_text(self) -> str:
        count = self.alarms.table.rowCount()
        return fill(self.tr("Alarms (%1)"), count) if count else self.tr("Alarms")

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        self.model.set_language(language)
        self.viewer.render()
        self.refresh()

    # ---- HQ keys -------------------------------------------------------------------------
    def _has_hq_keys(self) -> bool:
        try:
            hq_identity.load_hq(self.vault)
        except ExchangeError as exc:
            if exc.reason is Reason.NO_HQ_IDENTITY:
                return False
            raise
        return True

    def _show_key_state(self) -> None:
        self.banner.setVisible(not self.has_keys)
        self.create_keys_button.setVisible(not self.has_keys)
        self.import_action.setEnabled(self.has_keys)
        self.keycard_action.setEnabled(self.has_keys)
        self.recovery_action.setEnabled(self.has_keys)
        self.import_panel.import_button.setEnabled(self.has_keys and not self.import_panel.busy)

    def create_hq_keys(self) -> None:
        if not self._ctx.prompter.ask(self, self.tr("Create HQ keys"), self.tr(
                "Create the HQ root, receipt and encryption keys in this vault? They never "
                "leave it; interviewers receive only the public key card.")):
            return
        try:
            hq_identity.init_hq(self.vault)
        except Exception as exc:  # shown to the user in words
            self._ctx.prompter.error(self, self.tr("Create HQ keys"), exc)
            return
        self.has_keys = True
        self._show_key_state()

    # ---- lists ---------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.vault.is_open:
            return
        current = self.viewer.testimony_id
        first = self.model.rowCount() == 0
        self.list_loader.load()  # a big vault's list: its first rows now, the rest after
        if first:
            fit_columns(self.table)
        self.devices.refresh()
        self.alarms.refresh(self.devices.names)
        self.tabs.setTabText(ALARMS_TAB, self.alarms_tab_text())
        if current:
            self.list_loader.when_loaded(lambda: self._reopen(current))

    def _reopen(self, testimony_id: str) -> None:
        if self.vault.is_open and self.model.row_of(testimony_id) >= 0:
            self.open_testimony(testimony_id)

    def origin_text(self, testimony_id: str) -> str:
        source = hq_import.testimony_source(self.vault, testimony_id)
        if source is None:
            return ""
        fingerprint, seq, imported_at = source
        who = self.devices.names.get(fingerprint, fingerprint)
        return fill(self.tr("Received from %1 (%2), bundle no. %3, imported %4. Read only."),
                    who, fingerprint, seq, local_time(imported_at))

    def open_testimony(self, testimony_id: str) -> None:
        try:
            self.viewer.open(testimony_id, self.origin_text(testimony_id))
        except Exception as exc:  # shown to the user in words
            self._ctx.prompter.error(self, self.tr("Cannot open"), exc)
            return
        row = self.model.row_of(testimony_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 \
            else QModelIndex()
        if index.isValid() and self.table.currentIndex().row() != index.row():
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(index)
            self.table.selectionModel().blockSignals(False)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            tid = str(current.data(ID_ROLE))
            if tid != self.viewer.testimony_id:
                self.open_testimony(tid)

    # ---- search --------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(TESTIMONIES_TAB)
        self.search_pane.focus_field()

    def _on_search_hits_changed(self, ids: set[str] | None) -> None:
        self.proxy.set_ids(ids)

    def _on_imports_finished(self) -> None:
        self.refresh()
        if self.search_pane.text():  # what was just imported is found too
            self.search_pane.run_search()

    def _on_tab_changed(self, _index: int) -> None:
        # The style sheet sets the current tab in bold: make room for the wider text.
        bar = self.tabs.tabBar()
        bar.resize(bar.sizeHint())

    # ---- actions -------------------------------------------------------------------------
    def _on_import_triggered(self) -> None:
        self.tabs.setCurrentIndex(IMPORT_TAB)
        self.import_panel.choose_and_import()

    def _on_register_requested(self, fingerprint: str) -> None:
        self.tabs.setCurrentIndex(DEVICES_TAB)
        self.devices.prefill(fingerprint)

    def open_keycard_dialog(self) -> QWidget | None:
        """Open the key card dialog window-modal, without blocking (tests drive it)."""
        from nam_desktop.gui.hq.hq_keycard_dialog import HqKeyCardDialog  # reportlab: lazily

        try:
            dialog = HqKeyCardDialog(self._ctx, self.vault, self)
        except Exception as exc:  # shown to the user in words
            self._ctx.prompter.error(self, self.tr("Write key card…"), exc)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.keycard_dialog = dialog
        dialog.open()
        return dialog

    def open_uwazi_dialog(self) -> QWidget | None:
        """Open "Export to Uwazi…" window-modal, without blocking (tests drive it)."""
        from nam_desktop.gui.hq.hq_uwazi_dialog import HqUwaziDialog

        try:
            dialog = HqUwaziDialog(self._ctx, self.vault, self)
        except Exception as exc:  # shown to the user in words
            self._ctx.prompter.error(self, self.tr("Export to Uwazi…"), exc)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.uwazi_dialog = dialog
        dialog.open()
        return dialog

    def open_recovery_dialog(self) -> QWidget:
        """Answer an interviewer's recovery request, window-modal, without blocking."""
        from nam_desktop.gui.hq.hq_recovery_dialog import HqRecoveryDialog

        dialog = HqRecoveryDialog(self._ctx, self.vault, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.recovery_dialog = dialog
        dialog.open()
        return dialog

    # ---- the controller's API ------------------------------------------------------------
    def save_all(self) -> bool:
        return True  # nothing is edited here

    def location(self) -> tuple[str, int]:
        return self.viewer.testimony_id, self.tabs.currentIndex()

    def restore_location(self, testimony_id: str, tab: int) -> None:
        if testimony_id:
            self.list_loader.when_loaded(lambda: self._reopen(testimony_id))
        self.tabs.setCurrentIndex(tab)

    def wipe(self) -> None:
        """Empty every widget that shows decrypted data (before the vault closes)."""
        self.list_loader.cancel()
        self.import_panel.wipe()
        self.viewer.clear()
        self.search_pane.clear()
        self.model.clear()
        self.devices.wipe()
        self.alarms.wipe()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.import_panel.cancel()
        super().closeEvent(event)
        self.closed.emit()
