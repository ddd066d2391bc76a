"""Back up…: the whole vault as one encrypted file on a second drive, read back.

:class:`BackupTargetBox` (the drive and an optional backup passphrase) is shared with
"travel without the vault" in the travel dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.vault.backup import BackupResult, backup_vault
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.recovery_text import recovery_error_text
from nam_desktop.gui.hq.hq_messages import fill
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.passphrase_widgets import MIN_CHARS, StrengthMeter
from nam_desktop.gui.widgets.workers import Cancelled, Progress


def label(role: str = "") -> QLabel:
    widget = QLabel()
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        widget.setProperty("role", role)
    return widget


class BackupTargetBox(QWidget):
    """Where the backup goes, and whether it also gets its own passphrase."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.folder: Path | None = None
        self.where = label()
        self.choose = QPushButton()
        self.choose.clicked.connect(self._on_choose_clicked)
        self.with_passphrase = QCheckBox()
        self.with_passphrase.toggled.connect(self._on_input_changed)
        self.passphrase, self.again = QLineEdit(), QLineEdit()
        for edit in (self.passphrase, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._on_input_changed)
        self.meter = StrengthMeter()
        self.explained = label()
        row = QHBoxLayout()
        row.addWidget(self.where, 1)
        row.addWidget(self.choose)
        self.form = QFormLayout()
        for w in (self.passphrase, self.again, self.meter):
            self.form.addRow(QLabel(), w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.with_passphrase)
        layout.addLayout(self.form)
        layout.addWidget(self.explained)
        self.retranslate()
        self._on_input_changed()

    def retranslate(self) -> None:
        self.choose.setText(self.tr("Choose the drive…"))
        self.with_passphrase.setText(self.tr("Also protect the backup with its own passphrase"))
        self.explained.setText(self.tr(
            "HQ's key always opens the backup. With its own passphrase you can also restore "
            "it yourself; without one, only HQ can. The vault inside still needs its own "
            "passphrase."))
        for row, text in enumerate((self.tr("Backup passphrase:"), self.tr("Again:"),
                                    self.tr("Strength:"))):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                widget.setText(text)
        self._show_folder()

    def _show_folder(self) -> None:
        self.where.setText(str(self.folder) if self.folder is not None
                           else self.tr("No drive chosen yet."))

    def _on_choose_clicked(self) -> None:
        chosen = self._ctx.dialogs.choose_folder(self, self.tr("Where to write the backup"),
                                                 Path.home())
        if chosen is not None:
            self.folder = chosen
            self._show_folder()
            self._on_input_changed()

    def _on_input_changed(self) -> None:
        on = self.with_passphrase.isChecked()
        for row in range(3):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole):
                item = self.form.itemAt(row, role)
                if item is not None and item.widget() is not None:
                    item.widget().setVisible(on)
        self.meter.update_for(self.passphrase.text())
        self.changed.emit()

    def backup_passphrase(self) -> str | None:
        return self.passphrase.text() if self.with_passphrase.isChecked() else None

    def ready(self) -> bool:
        if self.folder is None:
            return False
        if not self.with_passphrase.isChecked():
            return True
        text = self.passphrase.text()
        return len(text) >= MIN_CHARS and text == self.again.text()

    def clear_secrets(self) -> None:
        self.passphrase.clear()
        self.again.clear()


def run_backup(ctx: AppContext, vault: Vault, folder: Path, passphrase: str | None,
               owner: QWidget, bar: QProgressBar, on_success: object,
               on_failure: object) -> None:
    """Start the backup on a worker; ``bar`` shows the progress (per mille)."""
    def job(progress: Progress, cancelled: Cancelled) -> BackupResult:
        return backup_vault(vault, folder, passphrase=passphrase,
                            progress=lambda done, total: progress(1000 * done // max(total, 1)),
                            cancelled=cancelled)

    bar.setRange(0, 1000)
    bar.setValue(0)
    bar.show()
    ctx.runner.start(job, on_success=on_success, on_failure=on_failure,  # type: ignore[arg-type]
                     on_progress=bar.setValue, owner=owner)


class BackupDialog(QDialog):
    backed_up = Signal(object)  # BackupResult

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self.intro = label()
        self.target = BackupTargetBox(ctx)
        self.target.changed.connect(self._on_input_changed)
        self.bar = QProgressBar()
        self.bar.hide()
        self.result_text = label("status")
        self.error = label("error")
        self.start_button = QPushButton()
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        for w in (self.intro, self.target, self.bar, self.result_text, self.error):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.busy = False
        self.resize(560, 420)
        self.retranslate()
        self._on_input_changed()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Back up the vault"))
        self.intro.setText(self.tr(
            "The whole vault (testimonies, files, the audit log and the keys that open it) "
            "is written as one encrypted file to another drive, then read back to check it. "
            "Keep the drive apart from this computer."))
        self.start_button.setText(self.tr("Back up"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.target.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_input_changed(self) -> None:
        self.start_button.setEnabled(self.target.ready() and not self.busy)

    def start(self) -> None:
        if not self.start_button.isEnabled() or self.target.folder is None:
            return
        self.busy = True
        self.error.clear()
        self.result_text.clear()
        self._on_input_changed()
        run_backup(self._ctx, self._vault, self.target.folder,
                   self.target.backup_passphrase(), self, self.bar, self._on_done,
                   self._on_failed)

    def _on_done(self, result: BackupResult) -> None:
        self.busy = False
        self.bar.hide()
        self.target.clear_secrets()
        names = ", ".join(p.name for p in result.paths)
        text = fill(self.tr("The backup was written and read back: %1 on %2."), names,
                    result.paths[0].parent)
        text += " " + self.tr("It holds %n file(s) of the vault.", "", result.files)
        if result.key_path is not None:
            text += "\n" + fill(self.tr("Keep %1 with it: the backup passphrase opens it."),
                                result.key_path.name)
        self.result_text.setText(text)
        self._on_input_changed()
        self.backed_up.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.bar.hide()
        self.error.setText(recovery_error_text(exc))
        self._on_input_changed()
