"""Unlock: choose a recent vault, type the passphrase; the key derivation runs in a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
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

from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.messages import message_for
from nam_desktop.gui.widgets.passphrase_widgets import ShowToggle


class UnlockDialog(QDialog):
    unlocked = Signal(object)  # Vault
    create_requested = Signal()
    unlock_failed = Signal(object)  # exception

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("unlockDialog")
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.vaults = QComboBox()
        self.vaults.setMinimumContentsLength(30)
        self.vaults.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._on_browse_clicked)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.passphrase.textChanged.connect(self._on_input_changed)
        self.show_text = ShowToggle(self.passphrase)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(8)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.notice = QLabel()  # e.g. changes kept (sealed) since locking: set_notice
        self.notice.setProperty("role", "error")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        self.unlock_button = QPushButton()
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.create_button = QPushButton()
        self.create_button.setFlat(True)
        self.create_button.clicked.connect(self.create_requested)

        vault_row = QHBoxLayout()
        vault_row.addWidget(self.vaults, 1)
        vault_row.addWidget(self.browse)
        self.form = QFormLayout()
        self.form.addRow(QLabel(), vault_row)
        self.form.addRow(QLabel(), self.passphrase)
        self.form.addRow("", self.show_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.notice)
        layout.addLayout(self.form)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setTabOrder(self.passphrase, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.vaults)
        self.setTabOrder(self.vaults, self.browse)
        self.setTabOrder(self.browse, self.create_button)
        # The layout decides the minimum (a fixed 520 px squeezed the vault list under
        # the longer Russian and Belarusian labels); it opens a little wider than that.
        self.reload_vaults()
        self.retranslate()
        self._on_input_changed()
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())
        self.passphrase.setFocus()

    def reload_vaults(self) -> None:
        self.vaults.clear()
        for folder in self._ctx.settings.recent_vaults:
            self.vaults.addItem(folder, folder)
        default = str(self._ctx.paths.default_vault)
        if self.vaults.findData(default) < 0 and (Path(default) / "vault.db").exists():
            self.vaults.addItem(default, default)

    def set_notice(self, text: str) -> None:
        """A standing message above the form (empty: none). Never testimony content."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def select_vault(self, folder: Path) -> None:
        text = str(folder)
        index = self.vaults.findData(text)
        if index < 0:
            self.vaults.insertItem(0, text, text)
            index = 0
        self.vaults.setCurrentIndex(index)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("NAM Desktop: unlock"))
        self.heading.setText(self.tr("Unlock the vault"))
        self.browse.setText(self.tr("Other folder…"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.create_button.setText(self.tr("Create a new vault…"))
        for row, text in enumerate((self.tr("Vault:"), self.tr("Passphrase:"))):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(text)
        self.vaults.setAccessibleName(self.tr("Vault folder"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.busy.setAccessibleName(self.tr("Unlocking"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_browse_clicked(self) -> None:
        start = Path(self.vaults.currentText() or str(self._ctx.paths.data))
        chosen = self._ctx.dialogs.choose_folder(self, self.tr("Vault folder"), start)
        if chosen is not None:
            self.select_vault(chosen)
            self._on_input_changed()

    def _on_input_changed(self) -> None:
        self.unlock_button.setEnabled(bool(self.passphrase.text()) and self.vaults.count() > 0
                                      and not self.busy.isVisible())

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for w in (self.passphrase, self.vaults, self.browse, self.create_button):
            w.setEnabled(not busy)
        self._on_input_changed()

    def try_unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        folder = Path(str(self.vaults.currentData() or self.vaults.currentText()))
        passphrase = self.passphrase.text()
        self.error.clear()
        self.set_busy(True)

        def job(_progress: object, _cancelled: object) -> Vault:
            return Vault.open(folder, passphrase)

        self._ctx.runner.start(job, on_success=self._on_opened, on_failure=self._on_failed,
                               owner=self)

    def _on_opened(self, vault: Vault) -> None:
        self.passphrase.clear()
        self.show_text.hide_text()  # the next unlock starts hidden again
        self.set_busy(False)
        self._ctx.settings.remember_vault(vault.folder)
        self._ctx.save_settings()
        self.unlocked.emit(vault)

    def _on_failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.error.setText(message_for(exc))
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        self.unlock_failed.emit(exc)
