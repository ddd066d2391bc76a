"""The neutral start screen of a vault that no passphrase opens (travel mode): "This vault
is waiting for access from HQ", how to make the recovery request, and where to open HQ's
answer with a new passphrase. Nothing here needs the old passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core import fileio
from nam_desktop.core.vault import recovery
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.exchange_text import read_exchange_file
from nam_desktop.gui.exchange.recovery_text import free_name, recovery_error_text
from nam_desktop.gui.hq.hq_messages import fill
from nam_desktop.gui.startup.backup_dialog import label
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.passphrase_widgets import MIN_CHARS, StrengthMeter


class WaitingScreen(QDialog):
    vault_opened = Signal(object)  # Vault, opened with HQ's answer
    other_vault_requested = Signal()

    def __init__(self, ctx: AppContext, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.folder = Path(folder)
        self.setObjectName("waitingScreen")
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.steps = label()
        self.request_button = QPushButton()
        self.request_button.clicked.connect(self._on_request_clicked)
        self.code = QLabel()
        self.code.setProperty("role", "fingerprint")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.request_done = label("status")
        self.answer_button = QPushButton()
        self.answer_button.clicked.connect(self._on_answer_clicked)
        self.answer: bytes | None = None
        self.new, self.again = QLineEdit(), QLineEdit()
        for edit in (self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._on_input_changed)
        self.meter = StrengthMeter()
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_vault)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.error = label("error")
        self.other_button = QPushButton()
        self.other_button.setFlat(True)
        self.other_button.clicked.connect(self.other_vault_requested)
        self.form = QFormLayout()
        for w in (self.new, self.again, self.meter):
            self.form.addRow(QLabel(), w)
        self.passphrase_box = QWidget()
        pv = QVBoxLayout(self.passphrase_box)
        pv.setContentsMargins(0, 0, 0, 0)
        pv.addLayout(self.form)
        pv.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.passphrase_box.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.other_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        for w in (self.heading, self.steps, self.request_button, self.code, self.request_done,
                  self.answer_button, self.passphrase_box, self.busy, self.error):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.code.hide()
        self.setMinimumWidth(560)
        self.retranslate()
        self._on_input_changed()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("NAM Desktop"))
        self.heading.setText(self.tr("This vault is waiting for access from HQ"))
        self.steps.setText(self.tr(
            "No passphrase opens it on this computer. To open it again:\n"
            "1. Make a recovery request and give the file to HQ, by any channel.\n"
            "2. Read HQ the request code through another channel: in person, or in a call.\n"
            "3. Open HQ's answer here and choose a new passphrase."))
        self.request_button.setText(self.tr("Make a recovery request…"))
        self.answer_button.setText(self.tr("Open HQ's answer…"))
        self.open_button.setText(self.tr("Open the vault"))
        self.other_button.setText(self.tr("Open another vault…"))
        for row, text in enumerate((self.tr("New passphrase:"), self.tr("Again:"),
                                    self.tr("Strength:"))):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                widget.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- 1. the request ------------------------------------------------------------------
    def _on_request_clicked(self) -> None:
        chosen = self._ctx.dialogs.choose_folder(
            self, self.tr("Where to save the recovery request"), Path.home())
        if chosen is not None:
            self.make_request(chosen)

    def make_request(self, folder: Path) -> Path | None:
        self.error.clear()
        try:
            made = recovery.make_request(self.folder)
            target = free_name(folder, "recovery-request")
            fileio.atomic_write(target, made.data)
        except Exception as exc:  # shown in words; nothing was changed
            self.error.setText(recovery_error_text(exc))
            return None
        self.code.setText(made.code)
        self.code.show()
        self.request_done.setText(fill(self.tr(
            "The request was saved as %1. Give it to HQ, then read them this request code "
            "through another channel. Only the newest request can be answered."), target))
        return target

    # ---- 3. the answer -------------------------------------------------------------------
    def _on_answer_clicked(self) -> None:
        paths = self._ctx.dialogs.choose_files(self, self.tr("HQ's answer"))
        if paths:
            self.load_answer(paths[0])

    def load_answer(self, path: Path) -> None:
        data, why = read_exchange_file(path)
        self.error.clear()
        if data is None:
            self.error.setText(why)
            return
        self.answer = data
        self.passphrase_box.show()
        self.new.setFocus()
        self._on_input_changed()

    def _on_input_changed(self) -> None:
        self.meter.update_for(self.new.text())
        text = self.new.text()
        self.open_button.setEnabled(self.answer is not None and len(text) >= MIN_CHARS
                                    and text == self.again.text() and not self.busy.isVisible())

    def open_vault(self) -> None:
        if not self.open_button.isEnabled() or self.answer is None:
            return
        answer, new, folder, kdf = self.answer, self.new.text(), self.folder, self._ctx.kdf

        def job(_progress: object, _cancelled: object) -> Vault:
            return recovery.restore_access(folder, answer, new, kdf=kdf)

        self.error.clear()
        self.busy.show()
        self._on_input_changed()
        self._ctx.runner.start(job, on_success=self._on_opened, on_failure=self._on_failed,
                               owner=self)

    def _on_opened(self, vault: Vault) -> None:
        self.busy.hide()
        for edit in (self.new, self.again):
            edit.clear()
        self.answer = None
        self.vault_opened.emit(vault)

    def _on_failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.error.setText(recovery_error_text(exc))
        self._on_input_changed()
