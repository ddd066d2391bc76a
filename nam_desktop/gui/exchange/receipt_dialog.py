"""HQ's receipt: mark delivered testimonies, then offer to destroy their local files.

``apply_receipt`` checks the receipt against the pinned key card and this device. Then
the user may crypto-shred the attached files of the testimonies HQ confirmed
(``purge_delivered``): only after an explicit question whose default answer is No.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.exchange import receipt
from nam_desktop.core.exchange.keycard import current_keycard
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.exchange_text import (
    NO_KEYCARD_FOR_RECEIPT,
    error_text,
    read_exchange_file,
    tr,
)
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.dates import local_date


def _label(role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


class ReceiptDialog(QDialog):
    receipt_applied = Signal(object)  # ReceiptResult
    purged = Signal(int)  # files destroyed

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self.receipt_result: receipt.ReceiptResult | None = None
        self.intro = _label()
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._on_open_clicked)
        self.error = _label("error")
        self.outcome = _label("status")
        self.delivered = QListWidget()
        self.unknown = _label("warning")
        self.purge_note = _label("warning")
        self.purge_button = QPushButton()
        self.purge_button.clicked.connect(self.purge)
        self.purge_done = _label("status")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.outcome)
        layout.addWidget(self.delivered, 1)
        layout.addWidget(self.unknown)
        layout.addWidget(self.purge_note)
        layout.addWidget(self.purge_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.purge_done)
        layout.addWidget(self.buttons)
        for w in (self.error, self.outcome, self.delivered, self.unknown, self.purge_note,
                  self.purge_button, self.purge_done):
            w.hide()
        self.resize(600, 480)
        self.retranslate()

    # ---- import --------------------------------------------------------------------------
    def _on_open_clicked(self) -> None:
        paths = self._ctx.dialogs.choose_files(self, self.tr("HQ receipt"))
        if paths:
            self.import_file(paths[0])

    def import_file(self, path: Path) -> None:
        data, why = read_exchange_file(path)
        if data is None:
            self._show_error(why)
            return
        self.apply(data)

    def apply(self, data: bytes) -> None:
        for w in (self.error, self.outcome, self.delivered, self.unknown, self.purge_note,
                  self.purge_button, self.purge_done):
            w.hide()
        try:
            if current_keycard(self._vault) is None:
                self._show_error(tr(NO_KEYCARD_FOR_RECEIPT))
                return
            result = receipt.apply_receipt(self._vault, data)
        except Exception as exc:  # every refusal is shown in words; nothing was changed
            self._show_error(error_text(exc))
            return
        self.receipt_result = result
        self._show_result()
        self.receipt_applied.emit(result)

    def _show_result(self) -> None:
        result = self.receipt_result
        if result is None:
            return
        if result.delivered:
            self.outcome.setText(self.tr("HQ confirmed that it received your bundles. These "
                                         "testimonies are now marked delivered:"))
        else:
            self.outcome.setText(self.tr("The receipt is valid. No testimony changed: "
                                         "everything it lists was already marked delivered "
                                         "or has been edited since."))
        self.outcome.show()
        summaries = {s.id: s for s in TestimonyRepository(self._vault).list()}
        self.delivered.clear()
        for tid in result.delivered:
            s = summaries.get(tid)
            self.delivered.addItem(
                f"{s.title or '—'} — {s.pseudonym} — {local_date(s.interview_date)}"
                if s is not None else tid)
        self.delivered.setVisible(bool(result.delivered))
        if result.unknown_bundles:
            self.unknown.setText(self.tr(
                "The receipt also lists %1 bundle(s) that this vault did not make. Tell HQ: "
                "they may have mixed up devices.").replace(
                "%1", str(len(result.unknown_bundles))))
            self.unknown.show()
        has_files = self._files_to_purge() > 0
        self.purge_note.setVisible(has_files)
        self.purge_button.setVisible(has_files)
        self.purge_button.setEnabled(has_files)

    def _files_to_purge(self) -> int:
        if self.receipt_result is None:
            return 0
        service = AttachmentService(self._vault)
        return sum(1 for tid in self.receipt_result.delivered for a in service.list(tid)
                   for m in (a.cleaned_media_id, a.original_media_id) if m)

    # ---- purge ---------------------------------------------------------------------------
    def purge(self) -> None:
        if self.receipt_result is None or not self.receipt_result.delivered:
            return
        count = self._files_to_purge()
        if not self._ctx.prompter.ask(
                self, self.tr("Destroy local files?"),
                self.tr("Destroy the %1 attached file(s) of the delivered testimonies on this "
                        "computer? HQ keeps its copies. This cannot be undone.").replace(
                    "%1", str(count)),
                default_no=True, yes_text=self.tr("Destroy")):
            return
        try:
            shredded = receipt.purge_delivered(self._vault, self.receipt_result.delivered)
        except Exception as exc:  # shown in words; the transaction left nothing half done
            self._show_error(error_text(exc))
            return
        self.purge_button.setEnabled(False)
        self.purge_done.setText(self.tr("%1 file(s) destroyed. The text of the testimonies "
                                        "and the record of what was sent stay in the vault.")
                                .replace("%1", str(shredded)))
        self.purge_done.show()
        self.purged.emit(shredded)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # ---- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("HQ receipt"))
        self.intro.setText(self.tr(
            "When your bundle has arrived, HQ sends you a receipt file. Importing it marks "
            "the testimonies HQ received as delivered."))
        self.open_button.setText(self.tr("Open receipt file…"))
        self.purge_note.setText(self.tr(
            "HQ now holds these testimonies. If this computer might be seized, you can "
            "destroy their attached files (photos, recordings, documents) here. The text "
            "and the record of what was sent stay. This cannot be undone."))
        self.purge_button.setText(self.tr("Destroy local files…"))
        self.delivered.setAccessibleName(self.tr("Delivered testimonies"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def wipe(self) -> None:
        self.delivered.clear()
        self.reject()
