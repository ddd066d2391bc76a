"""Settings: language (switches at once), timers, keep-originals policy, passphrase, travel
and backup (gui/startup/travel_settings.py), about."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, Qt, Signal, qVersion
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nam_desktop import __version__
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.startup.travel_settings import TravelSettingsTab
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.i18n import LANGUAGE_NAMES, missing_catalogue_text
from nam_desktop.gui.widgets.messages import message_for
from nam_desktop.gui.widgets.passphrase_widgets import MIN_CHARS, ShowToggle, StrengthMeter


def _label(wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class SettingsDialog(QDialog):
    language_changed = Signal(str)
    timers_changed = Signal()
    passphrase_changed = Signal()
    travel_confirmed = Signal(object)  # TravelPlan (gui/startup/travel_dialog.py)

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self._attachments = AttachmentService(vault)
        self.tabs = QTabWidget()
        # general
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.settings.language)))
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.idle = QSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setValue(max(1, ctx.settings.idle_lock_seconds // 60))
        self.idle.valueChanged.connect(self._on_timers_changed)
        self.autosave = QSpinBox()
        self.autosave.setRange(1, 60)
        self.autosave.setValue(ctx.settings.autosave_seconds)
        self.autosave.valueChanged.connect(self._on_timers_changed)
        self.missing = _label()  # the chosen language's catalogue is not there
        self.missing.setProperty("role", "error")
        self.missing.hide()
        general = QWidget()
        self.general_form = QFormLayout(general)
        for w in (self.language, self.idle, self.autosave):
            self.general_form.addRow(QLabel(), w)
        self.general_form.addRow(self.missing)
        # An HQ vault has no drafts: the autosave interval means nothing there.
        self.general_form.setRowVisible(self.autosave, vault.role != "hq")
        # files
        self.keep_originals = QCheckBox()
        self.keep_originals.setChecked(self._attachments.keep_originals)
        self.keep_originals.toggled.connect(self._on_keep_originals_toggled)
        self.keep_explained = _label()
        files = QWidget()
        fv = QVBoxLayout(files)
        fv.addWidget(self.keep_originals)
        fv.addWidget(self.keep_explained)
        fv.addStretch(1)
        # passphrase
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.old, self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._on_passphrase_edited)
        self.meter = StrengthMeter()
        self.show_text = ShowToggle(self.old, self.new, self.again)
        self.change_button = QPushButton()
        self.change_button.clicked.connect(self.change_passphrase)
        self.change_busy = QProgressBar()
        self.change_busy.setRange(0, 0)
        self.change_busy.hide()
        self.change_result = _label()
        secret = QWidget()
        self.secret_form = QFormLayout(secret)
        for w in (self.old, self.new, self.again, self.meter):
            self.secret_form.addRow(QLabel(), w)
        self.secret_form.addRow("", self.show_text)
        self.secret_form.addRow(self.change_button)
        self.secret_form.addRow(self.change_busy)
        self.secret_form.addRow(self.change_result)
        # about
        self.about = _label()
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = QLabel(vault.device.fingerprint)
        self.fingerprint.setProperty("role", "fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        about = QWidget()
        av = QVBoxLayout(about)
        av.addWidget(self.about)
        av.addWidget(self.fingerprint)
        av.addStretch(1)
        self.travel = TravelSettingsTab(ctx, vault)
        self.travel.travel_confirmed.connect(self.travel_confirmed)
        for w in (general, files, secret, self.travel, about):
            self.tabs.addTab(w, "")
        # Our own "Close": Qt's standard button retranslates itself from Qt's catalogue,
        # which has no Belarusian (it went back to English after a switch to Belarusian).
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self.retranslate()
        self._on_passphrase_edited()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for i, text in enumerate((self.tr("General"), self.tr("Files"), self.tr("Passphrase"),
                                  self.tr("Travel and backup"), self.tr("About"))):
            self.tabs.setTabText(i, text)
        for form, texts in ((self.general_form, (self.tr("Language:"),
                                                 self.tr("Lock after (minutes idle):"),
                                                 self.tr("Save drafts every (seconds):"))),
                            (self.secret_form, (self.tr("Current passphrase:"),
                                                self.tr("New passphrase:"), self.tr("Again:"),
                                                self.tr("Strength:")))):
            for row, text in enumerate(texts):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                label = item.widget() if item is not None else None
                if isinstance(label, QLabel):
                    label.setText(text)
                    field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                    if field is not None and field.widget() is not None:
                        field.widget().setAccessibleName(text.rstrip(":"))
        self.keep_originals.setText(self.tr("Keep the original files next to the cleaned "
                                            "copies"))
        self.keep_explained.setText(self.tr(
            "When you attach a photo or document, the app removes hidden information from it "
            "(location, camera serial number, author names) and keeps that cleaned copy. "
            "Keeping the original as well can help prove that a file is authentic, but the "
            "original still holds that hidden information, encrypted in the vault. If this "
            "device might be seized, it is safer not to keep originals. The choice applies to "
            "files attached from now on."))
        self.change_button.setText(self.tr("Change passphrase"))
        self.about.setText(self.tr(
            "NAM Desktop %1\nQt %2, PySide %3, Python %4\n\nFingerprint of this device (read "
            "it to HQ to confirm your bundles):").replace("%1", __version__).replace(
            "%2", qVersion()).replace("%3", pyside_version).replace(
            "%4", platform.python_version()))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_language_changed(self) -> None:
        code = str(self.language.currentData())
        self._ctx.settings.language = code
        self._ctx.save_settings()
        loaded = self._ctx.translations.switch(code)
        self.missing.setText("" if loaded else missing_catalogue_text(code))
        self.missing.setVisible(not loaded)
        self.language_changed.emit(code)

    def _on_timers_changed(self) -> None:
        self._ctx.settings.idle_lock_seconds = self.idle.value() * 60
        self._ctx.settings.autosave_seconds = self.autosave.value()
        self._ctx.save_settings()
        self.timers_changed.emit()

    def _on_keep_originals_toggled(self, keep: bool) -> None:
        self._attachments.set_keep_originals(keep)

    def _on_passphrase_edited(self) -> None:
        self.meter.update_for(self.new.text())
        new = self.new.text()
        self.change_button.setEnabled(bool(self.old.text()) and len(new) >= MIN_CHARS
                                      and new == self.again.text()
                                      and not self.change_busy.isVisible())

    def change_passphrase(self) -> None:
        if not self.change_button.isEnabled():
            return
        old, new, vault, kdf = self.old.text(), self.new.text(), self._vault, self._ctx.kdf

        def job(_progress: object, _cancelled: object) -> None:
            vault.change_passphrase(old, new, kdf=kdf)

        self.change_busy.show()
        self.change_result.clear()
        self._on_passphrase_edited()
        self._ctx.runner.start(job, on_success=self._on_changed, on_failure=self._on_failed,
                               owner=self)

    def _on_changed(self, _result: object) -> None:
        self.change_busy.hide()
        for edit in (self.old, self.new, self.again):
            edit.clear()
        self.show_text.hide_text()
        self.change_result.setText(self.tr("The passphrase was changed. Use the new one from "
                                           "now on."))
        self.passphrase_changed.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.change_busy.hide()
        self.change_result.setText(message_for(exc))
        self._on_passphrase_edited()
