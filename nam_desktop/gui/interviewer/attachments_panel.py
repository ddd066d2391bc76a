"""Attachments: add many files (dialog or drag and drop) in a worker with progress and
cancel; per file the metadata report before/after, the hashes and an in-memory preview.

``read_only=True`` (HQ reading an imported testimony) keeps the list, the details and the
previews but offers no way to add or remove files: no buttons, no drops."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent, QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.errors import VaultLockedError
from nam_desktop.core.model.attachments import Attachment, AttachmentService
from nam_desktop.gui.interviewer.clean_again_action import CleanAgainAction, offered
from nam_desktop.gui.interviewer.metadata_words import sentences, sentences_html, type_text
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.media_preview import MediaPlayerWidget
from nam_desktop.gui.widgets.messages import message_for
from nam_desktop.gui.widgets.preview import render_preview
from nam_desktop.gui.widgets.scrolling import scrolling
from nam_desktop.gui.widgets.workers import Job, Task

IDENTIFYING = "identifying"


class AttachmentsPanel(QWidget):
    record_requested = Signal()  # "Record interview…" (the editor opens the recorder)
    attachments_changed = Signal()
    attach_finished = Signal(int, int)  # added, failed
    preview_shown = Signal(str)  # attachment id

    def __init__(self, ctx: AppContext, service: AttachmentService,
                 parent: QWidget | None = None, *, read_only: bool = False) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._service = service
        self.read_only = read_only
        self._testimony_id = ""
        self._task: Task | None = None
        self._preview_for = ""
        self._attachments: list[Attachment] = []
        self.errors: list[str] = []
        self.setAcceptDrops(not read_only)
        self.table = QTableWidget(0, 3)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.currentCellChanged.connect(self._on_current_cell_changed)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.drop_hint = QLabel()
        self.drop_hint.setProperty("role", "hint")
        self.record_button = QPushButton()
        self.record_button.setObjectName("recordInterview")
        self.record_button.clicked.connect(self.record_requested)
        self.record_button.setEnabled(False)
        self.record_hint = QLabel()  # why recording is not possible now
        self.record_hint.setProperty("role", "hint")
        self.record_hint.setWordWrap(True)
        self.record_hint.hide()
        # The report in plain sentences first; the technical table one click away.
        self.plain = QLabel()
        self.plain.setObjectName("metadataSentences")
        self.plain.setWordWrap(True)
        self.plain.setTextFormat(Qt.TextFormat.RichText)
        self.plain.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.plain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_button = QPushButton()
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._on_details_toggled)
        self.report = QTreeWidget()
        self.report.setColumnCount(4)
        self.report.hide()
        self.hashes = QLabel()
        self.hashes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hashes.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.clean_again = CleanAgainAction(ctx, service, self)  # its button, its job
        self.clean_again_button = QPushButton()  # refused for comments or notes only
        self.clean_again_button.clicked.connect(self._on_clean_again_clicked)
        self.clean_again_button.hide()
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)  # messages in words, not cut off
        self.preview.setMinimumHeight(160)
        self.details = QTabWidget()
        report_box = QWidget()
        rv = QVBoxLayout(report_box)
        rv.addWidget(self.status_label)
        rv.addWidget(self.clean_again_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.plain_scroll = scrolling(self.plain)
        rv.addWidget(self.plain_scroll, 3)
        rv.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        rv.addWidget(self.report, 6)
        rv.addWidget(self.hashes)
        rv.addStretch(1)  # HQ has no item-by-item report: the lines stay together
        self.details.addTab(report_box, "")
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.preview)
        self.player: MediaPlayerWidget | None = None  # created on first audio or video
        self.details.addTab(self.preview_stack, "")

        self.edit_bar = QWidget()  # adding and removing; never shown when read only
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        self.drop_hint.setWordWrap(True)  # under the buttons: long ru/be words fit
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        ev = QVBoxLayout(self.edit_bar)
        ev.setContentsMargins(0, 0, 0, 0)
        ev.addLayout(buttons)
        ev.addWidget(self.drop_hint)
        ev.addWidget(self.record_hint)
        ev.addLayout(progress_row)
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.edit_bar)
        tv.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([170, 430])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._set_busy(False)
        if read_only:
            self.edit_bar.hide()
            for button in (self.add_button, self.remove_button, self.cancel_button,
                           self.record_button):
                button.setEnabled(False)
        self.retranslate()

    # ---- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add files…"))
        self.remove_button.setText(self.tr("Remove"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.drop_hint.setText(self.tr("or drop files here"))
        self.record_button.setText(self.tr("Record interview…"))
        self.clean_again_button.setText(self.clean_again.button_text())
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Metadata"),
                                              self.tr("Type")])
        self.report.setHeaderLabels([self.tr("Item"), self.tr("Value"), self.tr("Risk"),
                                     self.tr("Group")])
        self.details.setTabText(0, self.tr("Metadata report"))
        self.details_button.setText(self.tr("Hide technical details")
                                    if self.details_button.isChecked()
                                    else self.tr("Show technical details"))
        self.plain.setAccessibleName(self.tr("Metadata report in plain words"))
        self.details.setTabText(1, self.tr("Preview"))
        self.table.setAccessibleName(self.tr("Attached files"))
        self.progress.setAccessibleName(self.tr("Progress of adding files"))
        self.report.setAccessibleName(self.tr("Metadata report"))
        if self._testimony_id:
            with contextlib.suppress(VaultLockedError):  # a window left behind by locking
                self._fill_table()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_recording(self, allowed: bool, reason: str) -> None:
        """Enable "Record interview…", or disable it and show why."""
        allowed = allowed and not self.read_only
        self.record_button.setEnabled(allowed)
        self.record_button.setToolTip("" if allowed else reason)
        self.record_hint.setText("" if allowed else reason)
        self.record_hint.setVisible(not allowed and bool(reason) and not self.read_only)

    def _on_details_toggled(self, shown: bool) -> None:
        self.report.setVisible(shown)
        self.details_button.setText(self.tr("Hide technical details") if shown
                                    else self.tr("Show technical details"))

    def status_text(self, status: str) -> str:
        return {"clean": self.tr("removed, verified"),
                "not_checked": self.tr("not checked"),
                "refused": self.tr("could not be removed")}.get(status, status)

    def risk_text(self, risk: str) -> str:
        return {"identifying": self.tr("identifying"), "sensitive": self.tr("sensitive"),
                "harmless": self.tr("harmless")}.get(risk, risk)

    # ---- loading -------------------------------------------------------------------------
    def load(self, testimony_id: str) -> None:
        self._testimony_id = testimony_id
        self._fill_table()

    def reload_if_changed(self) -> None:
        """Refill only when files came or went: otherwise selection and preview stay."""
        listed = self._service.list(self._testimony_id) if self._testimony_id else []
        if [a.id for a in listed] != [a.id for a in self._attachments]:
            self._fill_table()

    @property
    def count(self) -> int:
        return len(self._attachments)

    def clear(self) -> None:
        self.cancel()
        self._testimony_id = ""
        self._attachments = []
        self.table.setRowCount(0)
        self._show_details(None)

    def _fill_table(self) -> None:
        self._attachments = self._service.list(self._testimony_id) if self._testimony_id else []
        self.table.setRowCount(len(self._attachments))
        for r, att in enumerate(self._attachments):
            cells = (att.filename, self.status_text(att.clean_status),
                     type_text(att.media_type))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 1 and att.clean_status != "clean":
                    item.setForeground(QBrush(QColor("#9a3b00")))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.remove_button.setEnabled(bool(self._attachments) and not self.read_only)
        if self._attachments:
            if self.table.currentRow() == 0:  # no signal for the same row: another file now
                self._show_details(self._attachments[0])
            self.table.selectRow(0)
        else:
            self._show_details(None)

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _on_current_cell_changed(self, row: int, *_: int) -> None:
        self._show_details(self._attachments[row] if 0 <= row < len(self._attachments)
                           else None)

    def _show_details(self, att: Attachment | None) -> None:
        self.report.clear()
        self.plain.clear()
        self.preview.clear()
        self._preview_for = ""
        if self.player is not None:
            self.player.clear()  # drop the decrypted bytes
        self.clean_again_button.setVisible(offered(att, self.read_only))
        if att is None:
            self.hashes.clear()
            self.status_label.clear()
            for widget in (self.plain_scroll, self.details_button, self.report):
                widget.hide()
            return
        status = self.tr("Metadata: %1").replace("%1", self.status_text(att.clean_status))
        rep: dict[str, Any] = att.report
        if self.read_only and not any(k in rep for k in ("before", "after", "removed")):
            status += "\n" + self.tr(  # a bundle carries the result, not the report
                "The item-by-item report stayed on the interviewer's device.")
        self.status_label.setText(status)
        lines = sentences(rep, att.clean_status, att.media_type)
        self.plain.setText(sentences_html(lines) if lines else "")
        self.plain_scroll.setVisible(bool(lines))
        self.details_button.setVisible(bool(lines))
        self.report.setVisible(bool(lines) and self.details_button.isChecked())
        for key, title in (("before", self.tr("Before cleaning")),
                           ("after", self.tr("After cleaning")),
                           ("removed", self.tr("Removed"))):
            block = rep.get(key)
            items = block.get("items", []) if isinstance(block, dict) else block or []
            top = QTreeWidgetItem([f"{title} ({len(items)})"])
            for it in items:
                self._report_row(top, it)
            self.report.addTopLevelItem(top)
            top.setExpanded(key != "removed" or len(items) < 30)
        notes = [str(n) for n in rep.get("notes", [])]
        if notes:
            top = QTreeWidgetItem([self.tr("Notes")])
            self.report.addTopLevelItem(top)
            for n in notes:  # technical words of the cleaner: whole, across the columns
                note = QTreeWidgetItem(top, [n])
                note.setToolTip(0, n)
                note.setFirstColumnSpanned(True)
            top.setExpanded(True)
        self.report.resizeColumnToContents(0)
        self.report.resizeColumnToContents(2)
        self.report.setColumnWidth(1, max(self.report.columnWidth(1), 240))
        lines = [self.tr("SHA-256 of the original: %1").replace("%1", att.sha256_original)]
        if att.sha256_cleaned:
            lines.append(self.tr("SHA-256 after cleaning: %1").replace("%1", att.sha256_cleaned))
        self.hashes.setText("\n".join(lines))
        self._show_preview(att)

    def _report_row(self, parent: QTreeWidgetItem, it: dict[str, Any]) -> None:
        risk = str(it.get("risk", ""))
        row = QTreeWidgetItem(parent, [str(it.get("name", "")), str(it.get("value", "")),
                                       self.risk_text(risk), str(it.get("group", ""))])
        if risk == IDENTIFYING:
            font = QFont(row.font(0))
            font.setBold(True)
            for c in range(4):
                row.setFont(c, font)
                row.setBackground(c, QBrush(QColor("#fde2dc")))
            row.setData(0, Qt.ItemDataRole.UserRole, IDENTIFYING)

    def _show_preview(self, att: Attachment) -> None:
        """Decrypt and decode in a worker (large images, PDFs); show on the GUI thread."""
        if att.cleaned_media_id is None and att.original_media_id is None:
            self.preview.setText(self.tr(  # say what is true, not "item not found"
                "This file was kept on the interviewer's device, not sent: only its name, "
                "hashes and the result of the check came with the testimony.")
                if self.read_only else self.tr(
                "This file's content was destroyed on this computer after HQ confirmed "
                "receiving it; its name and hashes stay as a record."))
            return
        original = att.cleaned_media_id is None
        service, attachment_id = self._service, att.id
        self._preview_for = attachment_id
        self.preview.setText(self.tr("Loading preview…"))

        def job(_progress: Any, _cancelled: Any) -> QImage | bytes | None:
            with service.open(attachment_id, original=original) as reader:
                return render_preview(reader, att.media_type, att.filename)

        self._ctx.runner.start(
            job, on_success=lambda image: self._on_preview_ready(attachment_id, image),
            on_failure=lambda exc: self._on_preview_failed(attachment_id, exc), owner=self)

    def _on_preview_ready(self, attachment_id: str, image: QImage | bytes | None) -> None:
        if attachment_id != self._preview_for:
            return
        self.preview_stack.setCurrentWidget(self.preview)
        if isinstance(image, bytes):
            if self.player is None:
                self.player = MediaPlayerWidget()
                self.preview_stack.addWidget(self.player)
            filename = next((a.filename for a in self._attachments if a.id == attachment_id),
                            "")
            self.player.load(image, filename)
            self.preview_stack.setCurrentWidget(self.player)
            self.preview_shown.emit(attachment_id)
            return
        if image is None:
            self.preview.setText(self.tr("No preview for this type of file."))
            return
        pixmap = QPixmap.fromImage(image)
        self.preview.setPixmap(pixmap.scaled(480, 360, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation))
        self.preview_shown.emit(attachment_id)

    def _on_preview_failed(self, attachment_id: str, exc: BaseException) -> None:
        if attachment_id == self._preview_for:
            self.preview.setText(message_for(exc))

    # ---- adding --------------------------------------------------------------------------
    def _on_add_clicked(self) -> None:
        if self.read_only:
            return
        paths = self._ctx.dialogs.choose_files(self, self.tr("Attach files"))
        if paths:
            self.attach_paths(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        if self.read_only:
            event.ignore()
        elif event.mimeData().hasUrls() and self._testimony_id and self._task is None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        if self.read_only:
            event.ignore()
            return
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [p for p in paths if p.is_file()]
        if files:
            event.acceptProposedAction()
            self.attach_paths(files)

    def attach_paths(self, paths: list[Path]) -> None:
        if self.read_only or not self._testimony_id or self._task is not None:
            return
        tid, service = self._testimony_id, self._service
        sizes = [p.stat().st_size if p.is_file() else 0 for p in paths]
        total = max(1, sum(sizes))

        def job(progress: Any, cancelled: Any) -> list[tuple[str, BaseException | None]]:
            outcome: list[tuple[str, BaseException | None]] = []
            done = 0
            for path, size in zip(paths, sizes, strict=True):
                if cancelled():
                    break
                base = done

                def report(n: int, base: int = base) -> None:
                    progress(int(1000 * (base + n) / total))
                try:
                    service.attach_file(tid, path, progress=report, cancelled=cancelled)
                    outcome.append((path.name, None))
                except Exception as exc:  # reported per file
                    outcome.append((path.name, exc))
                done += size
            return outcome

        self.run_task(job, self._on_attach_done, self._on_attach_failed, measured=True)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.add_button.setEnabled(not busy)
        self.clean_again_button.setEnabled(not busy)
        self.remove_button.setEnabled(not busy and bool(self._attachments)
                                      and not self.read_only)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)

    def _on_attach_done(self, outcome: list[tuple[str, BaseException | None]]) -> None:
        self._task = None
        self._set_busy(False)
        failed = [(name, exc) for name, exc in outcome if exc is not None]
        self.errors = [f"{name}: {message_for(exc)}" for name, exc in failed]
        if self._testimony_id:
            self._fill_table()
            if self._attachments:
                self.table.selectRow(len(self._attachments) - 1)
        self.attachments_changed.emit()
        self.attach_finished.emit(len(outcome) - len(failed), len(failed))
        if self.errors:
            self._ctx.prompter.warn(self, self.tr("Some files were not added"),
                                    "\n".join(self.errors))

    def _on_attach_failed(self, exc: BaseException) -> None:
        self._on_attach_done([("", exc)])

    def _on_remove_clicked(self) -> None:
        row = self.table.currentRow()
        if self.read_only or not 0 <= row < len(self._attachments):
            return
        att = self._attachments[row]
        if not self._ctx.prompter.ask(self, self.tr("Remove file"), self.tr(
                "Remove \u201c%1\u201d from this testimony? Both versions are destroyed and "
                "cannot be restored.").replace("%1", att.filename)):
            return
        self._service.delete(att.id)
        self._fill_table()
        self.attachments_changed.emit()

    # ---- cleaning a refused file again (clean_again_action.py) ---------------------------
    def _on_clean_again_clicked(self) -> None:
        row = self.table.currentRow()
        if self._task is None and 0 <= row < len(self._attachments):
            self.clean_again.start(self._attachments[row])

    def run_task(self, job: Job, on_success: Callable[[Any], None],
                 on_failure: Callable[[BaseException], None], *, measured: bool) -> None:
        """Run ``job`` in the worker with the progress bar and Cancel (``measured``
        False: a busy bar, the job reports no progress)."""
        self._set_busy(True)
        if not measured:
            self.progress.setRange(0, 0)
        self._task = self._ctx.runner.start(job, on_success=on_success,
                                            on_failure=on_failure,
                                            on_progress=self.progress.setValue, owner=self)

    def task_ended(self, shown: str = "") -> None:
        """The worker is done: refill the list (selecting ``shown`` if still there)."""
        self._task = None
        self._set_busy(False)
        if self._testimony_id and shown:
            self._fill_table()
            ids = [a.id for a in self._attachments]
            if shown in ids:
                self.table.selectRow(ids.index(shown))
