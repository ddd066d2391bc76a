"""Export to HQ: choose testimonies and what goes in, a destination, check, then write.

Four pages over the core exchange API (``core/exchange/export.py``): the list and the
options, the destination (removable drives or a folder), the preflight with a sentence
for every problem, and the export itself in a worker with progress and Cancel. Only
ciphertext reaches the destination; the core removes every file it wrote on failure.

Test seams (constructor): ``drives`` lists removable drives, ``space`` probes free space
(default: Qt's ``QStorageInfo`` joined with the core's per-OS query, ``storage_info.py``),
``opener`` opens the files on the destination (a dying drive in tests).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from nam_desktop.core.exchange import destination, export
from nam_desktop.core.exchange.keycard import current_keycard
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange import storage_info
from nam_desktop.gui.exchange.exchange_text import error_text, problem_text, size_text
from nam_desktop.gui.exchange.export_host import DriveLister, SpaceProbe
from nam_desktop.gui.exchange.export_pages import (
    PATH_ROLE,
    ChoosePage,
    DestinationPage,
    ExportPage,
    wrapped_label,
)
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.workers import Task

NOT_SENDABLE = (export.Problem.CONSENT_WITHDRAWN, export.Problem.NO_HQ_CONSENT)


class CheckPage(ExportPage):
    """Preflight: every problem in words; a blocking one keeps Export disabled."""

    w: ExportWizard

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__(wizard)
        self.summary = wrapped_label()
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.verdict = wrapped_label()
        self.recheck_button = QPushButton()
        self.recheck_button.clicked.connect(self.run_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 3)
        layout.addWidget(self.verdict)
        layout.addWidget(self.recheck_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)  # without problems, the sentences keep their own height
        self.setCommitPage(True)
        self.pre: export.Preflight | None = None
        self.retranslate()

    def initializePage(self) -> None:  # Qt override
        self.run_check()

    def run_check(self) -> None:
        dest = self.w.destination_page.chosen()
        if dest is None:
            return
        self.pre = export.preflight(self.w.vault, dest, self.w.export_options(),
                                    space=self.w.space)
        self._show()
        self.completeChanged.emit()

    def _show(self) -> None:
        pre = self.pre
        self.problems.clear()
        if pre is None:
            return
        chosen = len(self.w.choose_page.chosen_ids())  # what was ticked, counted as such
        text = self.tr("%n testimonies chosen.", "", chosen)
        if len(pre.selection) != chosen:
            text += " " + self.tr("%1 of them can be sent; the problems below say why not "
                                  "the others.").replace("%1", str(len(pre.selection)))
        self.summary.setText(text + " " + self.tr(
            "Size: about %1. Free on the destination: %2.").replace(
            "%1", size_text(pre.estimated_size)).replace(
            "%2", size_text(pre.free) if pre.free else "—"))
        for p in pre.problems:
            prefix = self.tr("Problem:") if p.blocking else self.tr("Note:")
            item = QListWidgetItem(prefix + " " + problem_text(p, self.w.name_of, pre))
            item.setData(PATH_ROLE, p.code.value)
            if p.blocking:
                item.setForeground(QBrush(QColor("#a12a1c")))
            self.problems.addItem(item)
        self.problems.setVisible(bool(pre.problems))
        self.verdict.setProperty("role", "status" if pre.ok else "error")
        self.verdict.setText(self.tr("Everything is ready. Press Export to write the bundle.")
                             if pre.ok else
                             self.tr("The bundle cannot be written until the problems above "
                                     "are solved. Go back to change your choice, or solve "
                                     "them and press \"Check again\"."))
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)

    def isComplete(self) -> bool:  # Qt override
        return self.pre is not None and self.pre.ok

    def validatePage(self) -> bool:  # Qt override
        return self.isComplete()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Export"))
        self.recheck_button.setText(self.tr("Check again"))
        self.problems.setAccessibleName(self.tr("Problems found"))
        self._show()


class RunPage(ExportPage):
    """Writes the bundle in a worker; then its name, digest and "safe to remove"."""

    w: ExportWizard

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__(wizard)
        self.status = wrapped_label()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.start)
        self.files = wrapped_label()
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.digest = wrapped_label()
        self.digest.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.digest.setStyleSheet("font-family: 'DejaVu Sans Mono', monospace;")
        self.safe = wrapped_label("status")
        self.leftovers = wrapped_label("warning")
        self.error = wrapped_label("error")
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.files)
        layout.addWidget(self.digest)
        layout.addWidget(self.safe)
        layout.addWidget(self.leftovers)
        layout.addWidget(self.error)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.task: Task | None = None
        self.result: export.ExportResult | None = None
        self.failure: BaseException | None = None
        self.retranslate()

    def initializePage(self) -> None:  # Qt override
        self.start()

    def start(self) -> None:
        dest = self.w.destination_page.chosen()
        if dest is None or self.task is not None:
            return
        vault, options, opener = self.w.vault, self.w.export_options(), self.w.opener
        self.result, self.failure = None, None
        for label in (self.files, self.digest, self.safe, self.leftovers, self.error):
            label.clear()
            label.hide()
        self.retry_button.hide()
        self.bar.setValue(0)
        self.bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Writing the bundle… Do not remove the USB stick."))

        def job(progress: Callable[[int], None], cancelled: Callable[[], bool]) -> Any:
            def report(done: int, total: int) -> None:
                progress(done * 1000 // total if total else 0)
            return export.export_bundle(vault, dest, options, progress=report,
                                        cancelled=cancelled, opener=opener)

        self.task = self.w.ctx.runner.start(job, on_success=self._on_done,
                                            on_failure=self._on_failed,
                                            on_progress=self.bar.setValue, owner=self)
        self.completeChanged.emit()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling… removing what was written."))

    @property
    def running(self) -> bool:
        return self.task is not None

    def _on_done(self, result: export.ExportResult) -> None:
        self.task, self.result = None, result
        self.bar.setValue(1000)
        self.cancel_button.hide()
        self.status.setText(self.tr("The bundle was written, read back and checked."))
        self.files.setText(self.tr("File on the destination:") + "\n" + "\n".join(
            p.name for p in result.paths))
        self.digest.setText(self.tr("Bundle digest (HQ may ask for it):") + "\n" + result.digest)
        self.safe.setText(self.tr("It is safe to remove the USB stick now."))
        for label in (self.files, self.digest, self.safe):
            label.show()
        self.leftovers.setText(self.leftovers_text(result))
        self.leftovers.setVisible(bool(self.leftovers.text()))
        self.completeChanged.emit()
        self.w.exported.emit(result)

    def leftovers_text(self, result: export.ExportResult) -> str:
        """What was found of earlier, interrupted exports on this destination."""
        found = result.leftovers
        lines = []
        if found.removed:
            lines.append(self.tr("%n unfinished files left on this destination by an "
                                 "earlier, interrupted export were removed.", "",
                                 len(found.removed)))
        if found.failed:
            lines.append(self.tr("%n unfinished files of an earlier export could not be "
                                 "removed. They hold only encrypted, incomplete data; delete "
                                 "them when the stick is not in use elsewhere.", "",
                                 len(found.failed)))
        if found.kept:
            lines.append(self.tr("This destination also holds a bundle from an earlier, "
                                 "interrupted export (%1). It may be complete: give it to HQ "
                                 "with the new one. HQ accepts or refuses it safely.")
                         .replace("%1", ", ".join(found.kept)))
        return "\n".join(lines)

    def _on_failed(self, exc: BaseException) -> None:
        self.task, self.failure = None, exc
        self.bar.hide()
        self.cancel_button.hide()
        self.status.setText(self.tr("No bundle was written."))
        self.error.setText(error_text(exc, self.w.name_of))
        self.error.show()
        self.retry_button.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt override
        return self.task is None

    def retranslate(self) -> None:
        self.setTitle(self.tr("Export"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.retry_button.setText(self.tr("Try again"))
        self.bar.setAccessibleName(self.tr("Export progress"))


class ExportWizard(QWizard):
    exported = Signal(object)  # ExportResult

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None, *,
                 drives: DriveLister | None = None, space: SpaceProbe | None = None,
                 opener: destination.Opener | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault = vault
        self.list_drives: DriveLister = drives or storage_info.drives  # QStorageInfo
        self.space: SpaceProbe = space or storage_info.space
        self.opener = opener
        self.states = export.export_states(vault)
        self.choose_page = ChoosePage(self)
        self.destination_page = DestinationPage(self)
        self.check_page = CheckPage(self)
        self.run_page = RunPage(self)
        for page in (self.choose_page, self.destination_page, self.check_page, self.run_page):
            self.addPage(page)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self._load()
        self.resize(760, 540)
        self.retranslate()

    def _load(self) -> None:
        rows = TestimonyRepository(self.vault).list()
        self._titles = {r.id: r.title or r.pseudonym or "—" for r in rows}
        # The core's own default selection (final, consent to HQ, not withdrawn); the
        # destination does not matter here, so the space probe is not asked.
        default = export.preflight(self.vault, self.vault.folder, export.ExportOptions(),
                                   space=lambda _p: destination.SpaceInfo(1 << 62, False, ""))
        default_ids = {s.testimony_id for s in default.selection}
        blocked = {p.testimony_id for p in default.problems if p.code in NOT_SENDABLE}
        blocked |= {r.id for r in rows if r.consent_withdrawn}
        self.choose_page.load(rows, default_ids, blocked)
        card = current_keycard(self.vault)
        self.choose_page.set_originals_allowed(
            AttachmentService(self.vault).keep_originals,
            card is None or card.accept_originals)

    def name_of(self, testimony_id: str) -> str:
        return "“" + self._titles.get(testimony_id, testimony_id) + "”"

    def export_options(self) -> export.ExportOptions:
        return export.ExportOptions(
            testimony_ids=tuple(self.choose_page.chosen_ids()),
            include_identity=self.choose_page.identity.isChecked(),
            include_originals=self.choose_page.originals.isChecked())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Send to HQ"))
        for button, text in ((QWizard.WizardButton.NextButton, self.tr("Next")),
                             (QWizard.WizardButton.BackButton, self.tr("Back")),
                             (QWizard.WizardButton.FinishButton, self.tr("Close")),
                             (QWizard.WizardButton.CancelButton, self.tr("Cancel"))):
            self.setButtonText(button, text)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        """Closing while writing cancels: the core removes what it wrote."""
        self.run_page.cancel()
        super().reject()

    def wipe(self) -> None:
        """Before locking: stop writing and forget the titles shown."""
        self.run_page.cancel()
        self.choose_page.tree.clear()
        self._titles = {}
        self.reject()
