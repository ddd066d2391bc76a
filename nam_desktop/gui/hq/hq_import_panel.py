"""HQ: import bundles in a worker, show a verdict per bundle, hand back a signed receipt.

Each bundle is imported all or nothing by the core (``hq_import.import_bundle``): the
verdict says what happened in words, with the warnings a person must act on (a missing
bundle, a copied device key, conflicting items).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.exchange import hq_import, receipt
from nam_desktop.core.exchange.destination import bundle_parts
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.hq_import import ImportResult, ImportStatus
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.hq.hq_files import write_files
from nam_desktop.gui.hq.hq_messages import (
    NOTHING_IMPORTED,
    conflict_items,
    fill,
    reason_text,
    signer_of,
)
from nam_desktop.gui.hq.hq_messages import tr as hq_tr
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.workers import Task

FINGERPRINT_ROLE = Qt.ItemDataRole.UserRole + 1  # on "signed by" rows: register this device
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 2  # on bundle rows: imported / already / rejected
COLOURS = {"imported": "#1d6b3a", "already": "#4d5860", "rejected": "#a12a1c",
           "warning": "#8a4b00"}


@dataclass
class BundleOutcome:
    name: str  # the file name of the (first part of the) bundle, shown to the user
    parts: list[Path]
    result: ImportResult | None = None
    error: BaseException | None = None


def group_bundles(paths: list[Path]) -> list[list[Path]]:
    """Chosen files -> bundles: the parts of a split bundle count once, in order."""
    groups: list[list[Path]] = []
    for path in paths:
        parts = bundle_parts(path)
        if parts not in groups:
            groups.append(parts)
    return groups


def _size(parts: list[Path]) -> int:
    try:
        return sum(p.stat().st_size for p in parts)
    except OSError:
        return 0  # the import reports the missing file


def _report(progress: Callable[[int], None], base: int, total: int, n: int,
            _bundle_total: int) -> None:
    progress(min(100, (base + n) * 100 // total))


def run_imports(vault: Vault, groups: list[list[Path]], progress: Callable[[int], None],
                cancelled: Callable[[], bool]) -> list[BundleOutcome]:
    """Import bundle after bundle (worker thread); one bundle's failure stops no other."""
    sizes = [_size(g) for g in groups]
    total = max(1, sum(sizes))
    done = 0
    outcomes = []
    for group, size in zip(groups, sizes, strict=True):
        outcome = BundleOutcome(group[0].name, group)
        if cancelled():
            outcome.error = ExchangeError(Reason.CANCELLED)
        else:
            report = functools.partial(_report, progress, done, total)
            try:
                outcome.result = hq_import.import_bundle(vault, group, progress=report,
                                                         cancelled=cancelled)
            except Exception as exc:  # every failure becomes this bundle's verdict
                outcome.error = exc
        done += size
        progress(done * 100 // total)
        outcomes.append(outcome)
    return outcomes


class HqImportPanel(QWidget):
    imports_finished = Signal()  # something may have been imported: refresh the lists
    register_requested = Signal(str)  # the fingerprint of an unknown signer

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self._task: Task | None = None
        self._wiped = False
        self.outcomes: list[BundleOutcome] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "hint")
        self.import_button = QPushButton()
        self.import_button.setProperty("role", "primary")
        self.import_button.clicked.connect(self.choose_and_import)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "status")
        self.verdicts = QTreeWidget()
        self.verdicts.setHeaderHidden(True)
        self.verdicts.setColumnCount(1)
        # long reasons scroll sideways instead of being cut off
        self.verdicts.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verdicts.header().setStretchLastSection(False)
        self.verdicts.itemActivated.connect(self._on_verdict_activated)
        self.receipt_label = QLabel()
        self.receipt_device = QComboBox()
        self.receipt_button = QPushButton()
        self.receipt_button.clicked.connect(self._on_receipt_clicked)

        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        receipt_row = QHBoxLayout()
        receipt_row.addWidget(self.receipt_label)
        receipt_row.addWidget(self.receipt_device, 1)
        receipt_row.addWidget(self.receipt_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.verdicts, 1)
        layout.addLayout(receipt_row)
        self.retranslate()
        self._update_receipt_row()

    # ---- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "Choose the bundle files from the interviewer's USB stick (for a split bundle, "
            "one part is enough). Each bundle is checked — who signed it, for whom, every "
            "byte — and imported whole or not at all."))
        self.import_button.setText(self.tr("Import bundles…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.receipt_label.setText(self.tr("Receipt for:"))
        self.receipt_button.setText(self.tr("Save receipt…"))
        self.receipt_device.setAccessibleName(self.tr("Device to write a receipt for"))
        self.verdicts.setAccessibleName(self.tr("Import results"))
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.show_outcomes()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- importing -----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._task is not None

    def choose_and_import(self) -> None:
        if self.busy:
            return
        paths = self._ctx.dialogs.choose_files(self, self.tr("Bundles to import"))
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[Path]) -> None:
        if self.busy:
            return
        groups = group_bundles(paths)
        self.outcomes = []
        self.show_outcomes()
        self.summary.setText(self.tr("Checking and importing %n bundles…", "", len(groups)))
        self._set_busy(True)
        vault = self._vault

        def job(progress: Callable[[int], None],
                cancelled: Callable[[], bool]) -> list[BundleOutcome]:
            return run_imports(vault, groups, progress, cancelled)

        self._task = self._ctx.runner.start(job, on_success=self._on_import_done,
                                            on_failure=self._on_import_failed,
                                            on_progress=self.progress.setValue, owner=self)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy)
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.receipt_button.setEnabled(not busy and self.receipt_device.count() > 0)

    def _on_import_done(self, outcomes: list[BundleOutcome]) -> None:
        self._task = None
        if self._wiped:  # locked meanwhile: show nothing
            return
        self.outcomes = outcomes
        self._set_busy(False)
        self.show_outcomes()
        self.imports_finished.emit()

    def _on_import_failed(self, exc: BaseException) -> None:
        self._task = None
        if self._wiped:
            return
        self._set_busy(False)
        self.summary.clear()
        self._ctx.prompter.error(self, self.tr("Import"), exc)
        self.imports_finished.emit()

    # ---- verdicts ------------------------------------------------------------------------
    def show_outcomes(self) -> None:
        self.verdicts.clear()
        counts = {"imported": 0, "already": 0, "rejected": 0}
        for outcome in self.outcomes:
            item = self._verdict_item(outcome)
            counts[str(item.data(0, VERDICT_ROLE))] += 1
            self.verdicts.addTopLevelItem(item)
            item.setExpanded(True)
        if self.outcomes:
            self.summary.setText(fill(self.tr(
                "%n bundles checked: %1 imported, %2 already imported, %3 rejected.", "",
                len(self.outcomes)), counts["imported"], counts["already"],
                counts["rejected"]))
        elif not self.busy:
            self.summary.clear()
        self._update_receipt_row()

    def _verdict_item(self, outcome: BundleOutcome) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        result = outcome.result
        if result is None:
            exc = outcome.error or ExchangeError(Reason.MALFORMED)
            self._style(item, "rejected", fill(self.tr("%1: REJECTED."), outcome.name))
            self._child(item, "rejected", reason_text(exc))
            for entry in conflict_items(exc):
                self._child(item, "rejected", entry)
            signer = signer_of(exc)
            if signer:
                child = self._child(item, "rejected", fill(self.tr("Signed by device %1."),
                                                           signer))
                if isinstance(exc, ExchangeError) and exc.reason is Reason.UNKNOWN_SIGNER:
                    child.setData(0, FINGERPRINT_ROLE, signer)
                    self._child(item, "rejected", self.tr(
                        "Double-click the line above (or select it and press Enter) to "
                        "register this device."))
            self._child(item, "rejected", hq_tr(NOTHING_IMPORTED))
            return item
        who = result.device_name or result.device_fingerprint
        if result.status is ImportStatus.ALREADY_IMPORTED:
            self._style(item, "already", fill(self.tr(
                "%1: already imported from %2 (bundle no. %3). Nothing changed."),
                outcome.name, who, result.seq))
            return item
        self._style(item, "imported", fill(self.tr(
            "%1: imported %n testimonies from %2 (bundle no. %3).", "",
            len(result.testimonies)), outcome.name, who, result.seq))
        self._child(item, "imported", fill(self.tr("Items: %1 new, %2 already here."),
                                           result.new_entries, result.known_entries))
        if result.missing is not None:
            first, last = result.missing
            numbers = str(first) if first == last else f"{first}–{last}"
            unexplained = last - first + 1 - len(result.unfinished)
            if unexplained > 0:  # not all explained by the device
                self._child(item, "warning", fill(self.tr(
                    "Warning: %n bundles from this device may be missing (no. %1 not received) "
                    "— lost stick? Ask the interviewer.", "", unexplained), numbers))
            if result.unfinished:
                self._child(item, "imported", fill(self.tr(
                    "The device reports that export no. %1 did not complete (interrupted, "
                    "failed or cancelled): no bundle of that number is missing."),
                    ", ".join(str(n) for n in sorted(result.unfinished))))
        return item

    @staticmethod
    def _style(item: QTreeWidgetItem, verdict: str, text: str) -> None:
        item.setText(0, text)
        item.setToolTip(0, text)
        item.setData(0, VERDICT_ROLE, verdict)
        item.setForeground(0, QBrush(QColor(COLOURS[verdict])))
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)

    @staticmethod
    def _child(parent: QTreeWidgetItem, kind: str, text: str) -> QTreeWidgetItem:
        child = QTreeWidgetItem(parent, [text])
        child.setToolTip(0, text)
        child.setForeground(0, QBrush(QColor(COLOURS[kind])))
        return child

    def verdict_lines(self) -> list[str]:
        """Every line of the verdicts, parents before their children (tests, screen
        readers)."""
        lines = []
        for i in range(self.verdicts.topLevelItemCount()):
            top = self.verdicts.topLevelItem(i)
            lines.append(top.text(0))
            lines += ["  " + top.child(j).text(0) for j in range(top.childCount())]
        return lines

    def _on_verdict_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        fingerprint = item.data(0, FINGERPRINT_ROLE)
        if fingerprint:
            self.register_requested.emit(str(fingerprint))

    # ---- receipts ------------------------------------------------------------------------
    def _update_receipt_row(self) -> None:
        self.receipt_device.clear()
        for outcome in self.outcomes:
            r = outcome.result
            if r is not None and self.receipt_device.findData(r.device_fingerprint) < 0:
                self.receipt_device.addItem(f"{r.device_name} ({r.device_fingerprint})",
                                            r.device_fingerprint)
        has = self.receipt_device.count() > 0
        for w in (self.receipt_label, self.receipt_device, self.receipt_button):
            w.setVisible(has)
        self.receipt_button.setEnabled(has and not self.busy)

    def _on_receipt_clicked(self) -> None:
        fingerprint = self.receipt_device.currentData()
        if fingerprint:
            self.save_receipt(str(fingerprint), self.receipt_device.currentText())

    def save_receipt(self, fingerprint: str, who: str) -> Path | None:
        """Ask for a folder and write a signed receipt of everything received from one
        device (the interviewer's app marks those testimonies delivered)."""
        title = self.tr("Receipt")
        folder = self._ctx.dialogs.choose_folder(
            self, self.tr("Folder for the receipt (for example the interviewer's USB stick)"),
            Path.home())
        if folder is None:
            return None
        stem = "nam-receipt-" + dt.datetime.now(dt.UTC).strftime("%Y%m%d")
        try:
            data = receipt.issue_receipt(self._vault, fingerprint)
            [path] = write_files(folder, [(stem, ".json", data)])
        except Exception as exc:  # shown to the user in words
            self._ctx.prompter.error(self, title, exc)
            return None
        self._ctx.prompter.info(self, title, fill(self.tr(
            "The receipt for %1 was saved as:\n%2\n\nGive it to the interviewer: their app "
            "then marks the testimonies HQ received as delivered."), who, path))
        return path

    def wipe(self) -> None:
        """Stop a running import and forget the verdicts (before locking)."""
        self._wiped = True
        self.cancel()
        self.outcomes = []
        self.verdicts.clear()
        self.summary.clear()
        self._update_receipt_row()
