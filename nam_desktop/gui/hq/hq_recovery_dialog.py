"""HQ answers a recovery request: every check first (registered device, signatures, not
answered before, HQ's key opens it), then the analyst confirms that the interviewer read
the request code through another channel, then the answer is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core import fileio
from nam_desktop.core.exchange import hq_recovery
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.exchange_text import read_exchange_file
from nam_desktop.gui.exchange.recovery_text import free_name, recovery_error_text
from nam_desktop.gui.hq.hq_messages import fill
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.dates import local_time


def _label(role: str = "") -> QLabel:
    widget = QLabel()
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        widget.setProperty("role", role)
    return widget


class HqRecoveryDialog(QDialog):
    answered = Signal(str)  # request id

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self.request: bytes | None = None
        self.check: hq_recovery.RecoveryCheck | None = None
        self.intro = _label()
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._on_open_clicked)
        self.details = _label()
        self.code = QLabel()
        self.code.setProperty("role", "fingerprint")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = _label("warning")
        self.confirmed = QCheckBox()
        self.confirmed.toggled.connect(self._on_input_changed)
        self.answer_button = QPushButton()
        self.answer_button.clicked.connect(self._on_answer_clicked)
        self.error = _label("error")
        self.done = _label("status")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        for w in (self.details, self.code, self.warning, self.confirmed, self.answer_button,
                  self.error, self.done):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._show_check()
        self.resize(600, 460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Recovery request"))
        self.intro.setText(self.tr(
            "An interviewer who cannot open their vault (after travel mode, or a forgotten "
            "passphrase) sends a recovery request. The answer opens that vault on their "
            "device only, once."))
        self.open_button.setText(self.tr("Open a request…"))
        self.warning.setText(self.tr(
            "Answer only after the interviewer has read you this code through another "
            "channel than the one that brought the file (in person, or a call you place to "
            "a number you know), and you are sure they are free to ask. Whoever gets this "
            "answer can open the vault."))
        self.confirmed.setText(self.tr(
            "The interviewer read me this code through another channel"))
        self.answer_button.setText(self.tr("Write the answer…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._show_details()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_open_clicked(self) -> None:
        paths = self._ctx.dialogs.choose_files(self, self.tr("Recovery request"))
        if paths:
            self.load(paths[0])

    def load(self, path: Path) -> None:
        self.error.clear()
        self.done.clear()
        self.check, self.request = None, None
        data, why = read_exchange_file(path)
        if data is None:
            self.error.setText(why)
        else:
            try:
                self.check = hq_recovery.check_request(self._vault, data)
                self.request = data
            except Exception as exc:  # refused, and audited: shown in words
                self.error.setText(recovery_error_text(exc))
        self.confirmed.setChecked(False)
        self._show_check()

    def _show_details(self) -> None:
        if self.check is None:
            return
        req = self.check.request
        self.details.setText(fill(self.tr("From %1 (%2), made %3. Request code:"),
                                  self.check.device.name, self.check.device.fingerprint,
                                  local_time(req.created_at)))
        self.code.setText(self.check.code)

    def _show_check(self) -> None:
        shown = self.check is not None
        for w in (self.details, self.code, self.warning, self.confirmed, self.answer_button):
            w.setVisible(shown)
        self._show_details()
        self._on_input_changed()

    def _on_input_changed(self) -> None:
        self.answer_button.setEnabled(self.check is not None and self.confirmed.isChecked())

    def _on_answer_clicked(self) -> None:
        folder = self._ctx.dialogs.choose_folder(self, self.tr("Where to save the answer"),
                                                 Path.home())
        if folder is not None:
            self.write_answer(folder)

    def write_answer(self, folder: Path) -> Path | None:
        if self.request is None or self.check is None or not self.answer_button.isEnabled():
            return None
        try:
            response = hq_recovery.answer_request(self._vault, self.request,
                                                  confirmed=self.confirmed.isChecked())
            target = free_name(folder, "recovery-answer")
            fileio.atomic_write(target, response)
        except Exception as exc:  # shown in words
            self.error.setText(recovery_error_text(exc))
            return None
        request_id = self.check.request.request_id
        self.check, self.request = None, None
        self._show_check()
        self.done.setText(fill(self.tr(
            "The answer was saved as %1. Give it to the interviewer: it opens their vault "
            "on their device only, once."), target))
        self.answered.emit(request_id)
        return target
