"""The summary dialog: choose redaction, language and paper; save a signed PDF, preview
or print it.

Test seams: ``prompter`` (scripted message boxes), ``run_modal`` (how a modal dialog is
run; tests answer without ``exec()``), ``choose_save_path`` and ``printer_factory``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QDir, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.errors import NamError
from nam_desktop.core.summary import Summary, SummaryOptions, make_summary, record, save_summary
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.summary_print import PdfPages, PreviewDialog, configure_printer
from nam_desktop.gui.widgets.file_dialogs import forget_dialog_history
from nam_desktop.gui.widgets.messages import Prompter

LEVEL_HELP = {
    "pseudonymised": QT_TRANSLATE_NOOP(
        "SummaryDialog",
        "No name, birth date, contacts or documents. The account and other free text are "
        "shown as written: check them for names before sharing."),
    "full": QT_TRANSLATE_NOOP(
        "SummaryDialog",
        "Includes the witness's name, birth date, contacts and documents. For HQ only."),
    "public": QT_TRANSLATE_NOOP(
        "SummaryDialog",
        "Only coded facts: types of violation, dates, consent. No free text at all."),
}
WARNING_TEXT = {
    "consent_withdrawn": QT_TRANSLATE_NOOP(
        "SummaryDialog", "The witness has withdrawn consent. This summary must not be shared."),
    "draft": QT_TRANSLATE_NOOP(
        "SummaryDialog", "This record is a draft: it has not been finalised."),
    "no_publication_consent": QT_TRANSLATE_NOOP(
        "SummaryDialog", "The witness has not consented to anonymous publication."),
    "identity_in_free_text": QT_TRANSLATE_NOOP(
        "SummaryDialog",
        "The free text contains the witness's recorded name or contact details."),
    "media_damaged": QT_TRANSLATE_NOOP(
        "SummaryDialog",
        "An attached file failed its integrity check in the vault; the summary says so. "
        "Run a vault check."),
}
Modal = Callable[[QDialog], int]


def _exec(dialog: QDialog) -> int:
    return int(dialog.exec())


class SummaryDialog(QDialog):
    summary_saved = Signal()
    summary_printed = Signal()

    def __init__(self, vault: Vault, testimony_id: str, parent: QWidget | None = None, *,
                 language: str = "en", prompter: Prompter | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._testimony_id = testimony_id
        self._cache: tuple[tuple[object, ...], Summary] | None = None
        self.prompter = prompter or Prompter()
        self.run_modal: Modal = _exec
        self.choose_save_path: Callable[[Summary], Path | None] = self._ask_save_path
        self.printer_factory: Callable[[], QPrinter] = \
            lambda: QPrinter(QPrinter.PrinterMode.HighResolution)
        self.setWindowTitle(self.tr("Interview summary"))

        self.redaction = QComboBox(self)
        for value, text in (("pseudonymised", self.tr("Pseudonymised (default)")),
                            ("full", self.tr("Full: with identity (HQ only)")),
                            ("public", self.tr("Public: coded facts only"))):
            self.redaction.addItem(text, value)
        self.language = QComboBox(self)
        for value, text in (("en", "English"), ("ru", "Русский"), ("be", "Беларуская")):
            self.language.addItem(text, value)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.paper = QComboBox(self)
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        self.notes = QCheckBox(self.tr("Include interviewer notes"), self)
        self.thumbnails = QCheckBox(self.tr("Include image thumbnails"), self)
        self.thumbnails.setChecked(True)
        self.level_help = QLabel(self)
        self.level_help.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.save_button = QPushButton(self.tr("Save PDF…"), self)
        self.preview_button = QPushButton(self.tr("Print preview…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        close = QPushButton(self.tr("Close"), self)
        self.save_button.clicked.connect(self.save_pdf)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_summary)
        close.clicked.connect(self.reject)
        self.redaction.currentIndexChanged.connect(self._on_level_changed)

        form = QFormLayout()
        form.addRow(self.tr("Redaction level:"), self.redaction)
        form.addRow("", self.level_help)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Paper:"), self.paper)
        form.addRow("", self.notes)
        form.addRow("", self.thumbnails)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.preview_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._on_level_changed()

    # ---- state -----------------------------------------------------------------------
    def options(self) -> SummaryOptions:
        return SummaryOptions.make(str(self.redaction.currentData()),
                                   str(self.language.currentData()), self.notes.isChecked())

    def _on_level_changed(self) -> None:
        level = str(self.redaction.currentData())
        self.level_help.setText(self.tr(LEVEL_HELP[level]))
        self.notes.setEnabled(level != "public")
        self.thumbnails.setEnabled(level != "public")

    def build(self) -> Summary | None:
        """The summary for the current choices (reused while they do not change)."""
        key = (self.options(), str(self.paper.currentData()), self.thumbnails.isChecked())
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            summary = make_summary(self._vault, self._testimony_id, key[0], key[1],
                                   thumbnails=key[2])
        except Exception as exc:  # any failure becomes a message (no detail), never a crash
            QGuiApplication.restoreOverrideCursor()
            self.prompter.error(self, self.tr("Summary"), exc)
            return None
        QGuiApplication.restoreOverrideCursor()
        self._cache = (key, summary)
        lines = [self.tr("Verification code: %1").replace("%1", summary.verification_code)]
        lines += ["⚠ " + self.tr(WARNING_TEXT[w]) for w in summary.warnings if w in WARNING_TEXT]
        self.status.setText("\n".join(lines))
        return summary

    def _confirm_sharing(self, summary: Summary) -> bool:
        """Ask before a summary that needs care leaves the vault."""
        concerns = []
        if summary.redaction == "full":
            concerns.append(self.tr("This summary includes the witness's identity. It is for "
                                    "HQ only."))
        concerns += [self.tr(WARNING_TEXT[w]) for w in summary.warnings
                     if w in ("consent_withdrawn", "identity_in_free_text", "media_damaged")]
        if not concerns:
            return True
        return self.prompter.ask(self, self.tr("Summary"),
                                 "\n\n".join([*concerns, self.tr("Continue?")]))

    def done(self, result: int) -> None:
        self._cache = None  # do not keep the rendered summary in memory after closing
        self.status.clear()
        super().done(result)

    # ---- save ------------------------------------------------------------------------
    def _ask_save_path(self, summary: Summary) -> Path | None:
        dialog = QFileDialog(self, self.tr("Save summary as PDF"))
        # Qt's own dialog: native ones (GTK) add the file to the desktop's recent files.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.setHistory([])
        dialog.setDirectory(QDir.homePath())  # never the last folder used
        dialog.selectFile(f"summary-{summary.record_id[:8]}-{summary.redaction}.pdf")
        try:
            accepted = self.run_modal(dialog) == QDialog.DialogCode.Accepted
            files = dialog.selectedFiles()
        finally:
            dialog.setHistory([])
            shiboken6.delete(dialog)  # its destructor writes the settings we then scrub
            forget_dialog_history()
        return Path(files[0]) if accepted and files else None

    def save_pdf(self) -> bool:
        summary = self.build()
        if summary is None or not self._confirm_sharing(summary):
            return False
        path = self.choose_save_path(summary)
        if path is None:
            return False
        try:
            save_summary(self._vault, summary, path)
        except (NamError, OSError) as exc:
            self.prompter.error(self, self.tr("Summary"), exc)
            return False
        text = self.tr("The summary was saved, signed inside the PDF.\n\n"
                       "Verification code: %1").replace("%1", summary.verification_code)
        if not summary.certified:
            text += "\n\n" + self.tr(
                "The signature uses this device's own certificate: not yet certified by "
                "HQ. HQ certifies the device after it receives a bundle from it; the next "
                "key card from HQ brings the certificate.")
        self.prompter.info(self, self.tr("Summary"), text)
        self.summary_saved.emit()
        return True

    # ---- preview and print -----------------------------------------------------------
    def preview(self) -> bool:
        summary = self.build()
        if summary is None:
            return False
        pages = PdfPages(summary.pdf)
        dialog = PreviewDialog(pages, summary.paper, self)
        try:
            wants_print = self.run_modal(dialog) == QDialog.DialogCode.Accepted
        finally:
            shiboken6.delete(dialog)
            pages.close()
        if wants_print:
            return self.print_summary()
        return True

    def print_summary(self) -> bool:
        summary = self.build()
        if summary is None or not self._confirm_sharing(summary):
            return False
        warning = self.tr(
            "Printing makes a paper copy that is outside the vault's protection.\n\n"
            "• Printers and print servers can keep a copy of each job in their memory or "
            "on disk (the print queue), and the computer may keep it for a while too.\n"
            "• Colour laser printers add nearly invisible yellow tracking dots that can "
            "identify the printer.\n\n"
            "Use a printer you trust, collect the pages at once, and store or destroy "
            "them safely. Print now?")
        if not self.prompter.ask(self, self.tr("Before printing"), warning):
            return False
        printer = self.printer_factory()
        configure_printer(printer, summary.paper)
        dialog = QPrintDialog(printer, self)
        try:
            accepted = self.run_modal(dialog) == QDialog.DialogCode.Accepted
        finally:
            shiboken6.delete(dialog)
        if not accepted:
            return False
        pages = PdfPages(summary.pdf)
        try:
            painted = pages.paint(printer)
        finally:
            pages.close()
        if painted == 0:
            self.prompter.warn(self, self.tr("Summary"),
                               self.tr("The printer could not be started. Nothing was printed."))
            return False
        with contextlib.suppress(NamError):  # the pages are printed: do not fail now
            record(self._vault, summary, "summary.print")
        self.summary_printed.emit()
        return True
