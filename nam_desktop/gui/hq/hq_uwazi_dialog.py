"""HQ: "Export to Uwazi…": check the testimonies against the target Uwazi snapshot, then
write the import packages into a folder the user chooses.

The check runs in memory and lists every problem with its row, column and reason;
nothing is written until it passes. The packages hold testimony text in plaintext (for
the Uwazi admin): the dialog says so, and writes only into the chosen folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core import fileio
from nam_desktop.core.uwazi import export as uwazi_export
from nam_desktop.core.uwazi import snapshot as snap_mod
from nam_desktop.core.uwazi.errors import Problem, UwaziError
from nam_desktop.core.uwazi.mapping import Mapping, parse_mapping
from nam_desktop.core.uwazi.recommended import default_mapping_json
from nam_desktop.core.uwazi.records import LeftOut
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.hq.hq_messages import fill
from nam_desktop.gui.hq.hq_uwazi_messages import (
    CHANGE_TEXT,
    CHECK_TEXT,
    ENTITY_TEXT,
    LEAVE_TEXT,
    error_text,
    tr,
)
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.dates import local_time
from nam_desktop.gui.widgets.workers import Job, Task

MAX_MAPPING = 4 * 1024 * 1024


class HqUwaziDialog(QDialog):
    exported = Signal(str)  # the folder written

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self._task: Task | None = None
        self.snapshot_folder: Path | None = None
        self.out_folder: Path | None = None
        self.mapping_file: Path | None = None
        self.problems: list[Problem] = []
        self.export_result: uwazi_export.ExportResult | None = None
        self.stored = snap_mod.load(vault)
        self._exports = uwazi_export.exports(vault)  # retranslate() must not read the vault

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setProperty("role", "warning")
        self.snapshot_edit = QLineEdit()
        self.snapshot_edit.setReadOnly(True)
        self.snapshot_button = QPushButton()
        self.snapshot_button.clicked.connect(self.choose_snapshot)
        self.out_edit = QLineEdit()
        self.out_edit.setReadOnly(True)
        self.out_button = QPushButton()
        self.out_button.clicked.connect(self.choose_output)
        self.mapping_edit = QLineEdit()
        self.mapping_edit.setReadOnly(True)
        self.mapping_button = QPushButton()
        self.mapping_button.clicked.connect(self.choose_mapping)
        self.since = QComboBox()
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.check)
        self.export_button = QPushButton()
        self.export_button.setProperty("role", "primary")
        self.export_button.clicked.connect(self.export)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "status")
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        form = QFormLayout()
        for edit, button, label in ((self.snapshot_edit, self.snapshot_button, "snapshot"),
                                    (self.out_edit, self.out_button, "out"),
                                    (self.mapping_edit, self.mapping_button, "mapping")):
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(button)
            form.addRow(QLabel(), row)
            edit.setObjectName(f"uwazi_{label}")
        form.addRow(QLabel(), self.since)
        self.form = form
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.setMinimumSize(820, 560)
        self.retranslate()
        self._fill_since()
        self._update_buttons()

    # ---- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export to Uwazi"))
        self.intro.setText(self.tr(
            "Writes the testimonies HQ may share as Uwazi import packages: one zip per "
            "template, acts first. Everything is checked against a snapshot of the Uwazi "
            "collection (its templates, thesauri and settings) before anything is written. "
            "Only pseudonymised content leaves the vault; the witness's identity never does."))
        self.warning.setText(self.tr(
            "The packages contain testimony text in plain, readable form, for the Uwazi "
            "admin. They are written only into the folder you choose: use an encrypted "
            "drive, and delete them once they are imported."))
        labels = (self.tr("Uwazi snapshot:"), self.tr("Output folder:"), self.tr("Mapping:"),
                  self.tr("Export:"))
        for i, text in enumerate(labels):
            item = self.form.itemAt(i, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(text)
        self.snapshot_button.setText(self.tr("Choose snapshot folder…"))
        self.out_button.setText(self.tr("Choose output folder…"))
        self.mapping_button.setText(self.tr("Choose mapping file…"))
        self.check_button.setText(self.tr("Check"))
        self.export_button.setText(self.tr("Export"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.table.setAccessibleName(self.tr("Problems and notes"))
        self.table.setHorizontalHeaderLabels([self.tr("Package"), self.tr("Row"),
                                              self.tr("Column"), self.tr("Reason")])
        self.snapshot_edit.setPlaceholderText(
            fill(self.tr("Stored snapshot no. %1 of %2"), self.stored.version,
                 local_time(self.stored.stored_at)) if self.stored is not None
            else self.tr("No snapshot stored yet: choose its folder"))
        self.mapping_edit.setPlaceholderText(self.tr("Recommended templates (default)"))
        self.out_edit.setPlaceholderText(self.tr("Not chosen"))
        self._fill_since()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_since(self) -> None:
        current = self.since.currentData()
        self.since.clear()
        self.since.addItem(self.tr("New and changed since the last export"), None)
        self.since.addItem(self.tr("Everything again (may duplicate entities in Uwazi)"),
                           "all")
        for rec in reversed(self._exports):
            self.since.addItem(fill(self.tr("New and changed since export no. %1 (%2)"),
                                    rec.seq, local_time(rec.created_at)), rec.export_id)
        self.since.setCurrentIndex(max(0, self.since.findData(current)))

    # ---- choices -------------------------------------------------------------------------
    def choose_snapshot(self) -> None:
        folder = self._ctx.dialogs.choose_folder(self, self.tr("Uwazi snapshot folder"),
                                                 Path.home())
        if folder is not None:
            self.snapshot_folder = folder
            self.snapshot_edit.setText(str(folder))
            self._update_buttons()

    def choose_output(self) -> None:
        folder = self._ctx.dialogs.choose_folder(self, self.tr("Folder for the packages"),
                                                 Path.home())
        if folder is not None:
            self.out_folder = folder
            self.out_edit.setText(str(folder))
            self._update_buttons()

    def choose_mapping(self) -> None:
        files = self._ctx.dialogs.choose_files(self, self.tr("Mapping file"))
        if files:
            self.mapping_file = files[0]
            self.mapping_edit.setText(str(files[0]))

    def _mapping(self) -> Mapping:
        if self.mapping_file is None:
            return parse_mapping(default_mapping_json())
        with fileio.open_read(self.mapping_file) as fh:
            return parse_mapping(fh.read(MAX_MAPPING + 1))

    def _request(self) -> uwazi_export.ExportRequest:
        return uwazi_export.ExportRequest(self._mapping(), self.snapshot_folder,
                                          self.since.currentData())

    # ---- running -------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._task is not None

    def _update_buttons(self) -> None:
        has_snapshot = self.snapshot_folder is not None or self.stored is not None
        for w in (self.snapshot_button, self.out_button, self.mapping_button, self.since,
                  self.close_button):
            w.setEnabled(not self.busy)
        self.check_button.setEnabled(not self.busy and has_snapshot)
        self.export_button.setEnabled(not self.busy and has_snapshot
                                      and self.out_folder is not None)
        self.cancel_button.setVisible(self.busy)
        self.progress.setVisible(self.busy)

    def _start(self, make_job: Callable[[uwazi_export.ExportRequest], Job],
               done: Callable[[object], None], status: str) -> None:
        try:
            request = self._request()
        except (UwaziError, OSError) as exc:
            self._ctx.prompter.warn(self, self.tr("Export to Uwazi"), error_text(exc))
            return
        self.summary.setText(status)
        self.progress.setValue(0)
        self._task = self._ctx.runner.start(make_job(request), on_success=done,
                                            on_failure=self._failed,
                                            on_progress=self.progress.setValue, owner=self)
        self._update_buttons()

    def check(self) -> None:
        """Prepare and check in memory; show the problems or what would be written."""
        if self.busy:
            return
        vault = self._vault

        def make_job(request: uwazi_export.ExportRequest) -> Job:
            def job(_progress: Callable[[int], None], _cancelled: Callable[[], bool]) -> object:
                return uwazi_export.prepare(vault, request)
            return job

        self._start(make_job, self._checked, self.tr("Checking…"))

    def export(self) -> None:
        if self.busy or self.out_folder is None:
            return
        vault, out = self._vault, self.out_folder

        def make_job(request: uwazi_export.ExportRequest) -> Job:
            def job(progress: Callable[[int], None], cancelled: Callable[[], bool]) -> object:
                def report(done: int, total: int) -> None:
                    progress(done * 100 // total if total else 100)

                return uwazi_export.export(vault, out, request, progress=report,
                                           cancelled=cancelled)
            return job

        self._start(make_job, self._exported, self.tr("Checking and writing…"))

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _finish(self) -> None:
        self._task = None
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, UwaziError) and exc.problems:
            self.show_problems(exc.problems)
        else:
            self.summary.setText(error_text(exc))
            self._ctx.prompter.warn(self, self.tr("Export to Uwazi"), error_text(exc))

    def _checked(self, prepared: object) -> None:
        self._finish()
        assert isinstance(prepared, uwazi_export.Prepared)  # noqa: S101  # the job's type
        if prepared.problems:
            self.show_problems(prepared.problems)
            return
        self.problems = []
        text = self.tr("Check passed: %n testimonies would be exported.", "",
                       len(prepared.records))
        text += " " + fill(self.tr("Packages: %1. Unchanged since the last export: %2."),
                           len(prepared.packages), prepared.unchanged)
        if prepared.empty:
            text = self.tr("Nothing new or changed since the last export.")
        self.summary.setText(text)
        self._show_notes(prepared.left_out, prepared.removals, prepared.changes)

    def _exported(self, result: object) -> None:
        self._finish()
        assert isinstance(result, uwazi_export.ExportResult)  # noqa: S101  # the job's type
        self.export_result = result
        self.problems = []
        self._show_notes(result.left_out, result.removals, result.changes)
        if result.folder is None:
            self.summary.setText(self.tr("Nothing new or changed since the last export: "
                                         "nothing was written."))
            return
        self.summary.setText(fill(self.tr(
            "Export no. %1 written to %2. Testimonies: %3, acts: %4, files: %5, packages: "
            "%6. Import the packages in Uwazi in the order of their numbers."),
            result.seq, result.folder, result.testimonies, result.acts, result.files,
            len(result.packages)))
        self.stored = snap_mod.load(self._vault)
        self._exports = uwazi_export.exports(self._vault)
        self._fill_since()
        self.exported.emit(str(result.folder))

    # ---- results -------------------------------------------------------------------------
    def _add_row(self, package: str, row: str, column: str, reason: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, text in enumerate((package, row, column, reason)):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(r, c, item)

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.table.setRowCount(0)
        self.summary.setText(self.tr("Export refused: %n problems. Nothing was written.", "",
                                     len(problems)))
        for p in problems:
            reason = tr(CHECK_TEXT[p.check])
            if p.detail:
                reason += f" ({p.detail})"
            if p.nam_id:
                reason += f" [{p.nam_id}]"
            self._add_row(tr(ENTITY_TEXT.get(p.package, p.package)),
                          str(p.row) if p.row else self.tr("header"), p.column, reason)
        self.table.resizeColumnsToContents()

    def _show_notes(self, left_out: list[LeftOut], removals: list[str],
                    changes: list[snap_mod.Change]) -> None:
        self.table.setRowCount(0)
        for tid in removals:
            self._add_row(tr(ENTITY_TEXT["testimony"]), "", tid, self.tr(
                "Remove from Uwazi: consent no longer allows it"))
        for x in left_out:
            what = fill(self.tr("file %1"), x.attachment_id) if x.attachment_id else ""
            self._add_row(tr(ENTITY_TEXT["testimony"]), "", x.testimony_id,
                          " ".join(t for t in (self.tr("Left out:"), what,
                                               tr(LEAVE_TEXT[x.reason])) if t))
        for change in changes:
            detail = " → ".join(t for t in (change.old, change.new) if t)
            self._add_row(self.tr("Snapshot"), "", change.where,
                          tr(CHANGE_TEXT[change.kind]) + (f": {detail}" if detail else ""))
        self.table.resizeColumnsToContents()

    def reject(self) -> None:  # Qt override: while writing, Escape (or locking) cancels
        if self.busy:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override: not while writing
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)

