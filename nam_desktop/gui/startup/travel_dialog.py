"""Prepare for travel: says exactly what travel mode means, checks the HQ recovery slot,
and asks for a typed word. Optionally "travel without the vault": the backup is written
and read back here first.

The dialog only decides; the controller then saves and wipes the window, destroys the
key slots (or removes the vault after its backup) and closes the app
(:meth:`~nam_desktop.gui.startup.app_controller.AppController.travel`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.vault import travel
from nam_desktop.core.vault.backup import BackupResult
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.recovery_text import TRAVEL_TEXT, recovery_error_text
from nam_desktop.gui.exchange.recovery_text import tr as recovery_tr
from nam_desktop.gui.hq.hq_messages import fill
from nam_desktop.gui.startup.backup_dialog import BackupTargetBox, label, run_backup
from nam_desktop.gui.widgets.context import AppContext


@dataclass(frozen=True)
class TravelPlan:
    backup: BackupResult | None  # set: travel without the vault (backup already made)


class TravelDialog(QDialog):
    travel_confirmed = Signal(object)  # TravelPlan

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self.problem = travel.travel_problem(vault)
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.explained = label()
        self.refusal = label("error")
        self.without = QCheckBox()
        self.without.toggled.connect(self._on_input_changed)
        self.without_explained = label()
        self.target = BackupTargetBox(ctx)
        self.target.changed.connect(self._on_input_changed)
        self.confirm_label = label()
        self.word = QLineEdit()
        self.word.textChanged.connect(self._on_input_changed)
        self.bar = QProgressBar()
        self.bar.hide()
        self.error = label("error")
        self.go = QPushButton()
        self.go.clicked.connect(self.prepare)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.go, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.heading, self.explained, self.refusal, self.without,
                  self.without_explained, self.target, self.confirm_label, self.word,
                  self.bar, self.error):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.busy = False
        self.resize(620, 560)
        self.retranslate()
        self._on_input_changed()

    def confirmation_word(self) -> str:
        return self.tr("TRAVEL")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Prepare for travel"))
        self.heading.setText(self.tr("Prepare for travel"))
        self.explained.setText(self.tr(
            "Travel mode destroys the passphrase keys of this vault on this computer. "
            "After it, no passphrase opens the vault here, not even yours: you cannot be "
            "forced to open it. Everything in it stays encrypted and untouched.\n\n"
            "To open it again, start the app: it offers to make a recovery request. Give "
            "the request file to HQ by any channel and read HQ the request code through "
            "another channel (in person or by phone). HQ's answer opens the vault with a new "
            "passphrase.\n\n"
            "Whoever gets HQ to answer can open the vault: HQ answers only when it is sure "
            "the request is yours. The app closes when travel mode is ready."))
        self.refusal.setText(recovery_tr(TRAVEL_TEXT[self.problem])
                             if self.problem is not None else "")
        self.refusal.setVisible(self.problem is not None)
        self.without.setText(self.tr("Travel without the vault"))
        self.without_explained.setText(self.tr(
            "The vault is first written as an encrypted backup to a second drive and read "
            "back; then it is removed from this computer (its keys first, then its files). "
            "Carry or send the drive separately."))
        self.confirm_label.setText(fill(self.tr("To confirm, type %1:"),
                                        self.confirmation_word()))
        self.word.setAccessibleName(self.tr("Confirmation word"))
        self.go.setText(self.tr("Prepare for travel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.target.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _word_typed(self) -> bool:
        return self.word.text().strip().casefold() == self.confirmation_word().casefold()

    def _on_input_changed(self) -> None:
        without = self.without.isChecked()
        self.without_explained.setVisible(without)
        self.target.setVisible(without)
        # Keeping the vault needs the HQ recovery slot; leaving it needs the backup.
        possible = self.target.ready() if without else self.problem is None
        self.refusal.setVisible(self.problem is not None and not without)
        self.go.setEnabled(possible and self._word_typed() and not self.busy)

    def prepare(self) -> None:
        if not self.go.isEnabled():
            return
        if not self.without.isChecked():
            self.accept()
            self.travel_confirmed.emit(TravelPlan(None))
            return
        assert self.target.folder is not None  # noqa: S101  # ready() checked it
        self.busy = True
        self.error.clear()
        self._on_input_changed()
        run_backup(self._ctx, self._vault, self.target.folder,
                   self.target.backup_passphrase(), self, self.bar, self._on_backed_up,
                   self._on_failed)

    def _on_backed_up(self, result: BackupResult) -> None:
        self.busy = False
        self.target.clear_secrets()
        self.accept()
        self.travel_confirmed.emit(TravelPlan(result))

    def _on_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.bar.hide()
        self.error.setText(recovery_error_text(exc))
        self._on_input_changed()
