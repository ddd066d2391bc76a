"""First run: language, vault folder, passphrase, interviewer, device fingerprint, key card."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.keycard_dialog import KeyCardPanel
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.fingerprint_label import FingerprintLabel
from nam_desktop.gui.widgets.i18n import LANGUAGE_NAMES, missing_catalogue_text
from nam_desktop.gui.widgets.messages import message_for
from nam_desktop.gui.widgets.passphrase_widgets import MIN_CHARS, StrengthMeter
from nam_desktop.gui.widgets.scrolling import scrolling
from nam_desktop.gui.widgets.window_size import fit_to_screen


def _wrap(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class _Page(QWizardPage):
    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LanguagePage(_Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.combo = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(ctx.settings.language)))
        self.combo.currentIndexChanged.connect(self._on_language_changed)
        self.intro = _wrap(QLabel())
        self.missing = _wrap(QLabel())  # the chosen language's catalogue is not there
        self.missing.setProperty("role", "error")
        self.missing.setVisible(bool(ctx.translations.missing))
        if ctx.translations.missing:
            self.missing.setText(missing_catalogue_text(ctx.translations.missing))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.combo)
        layout.addWidget(self.missing)
        layout.addStretch(1)
        self.retranslate()

    def _on_language_changed(self) -> None:
        code = str(self.combo.currentData())
        self._ctx.settings.language = code
        loaded = self._ctx.translations.switch(code)
        self.missing.setText("" if loaded else missing_catalogue_text(code))
        self.missing.setVisible(not loaded)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome"))
        self.intro.setText(self.tr("This app keeps testimonies in an encrypted vault on this "
                                   "computer. Choose the language of the app."))
        self.combo.setAccessibleName(self.tr("Language"))


class FolderPage(_Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.folder = QLineEdit(str(ctx.paths.default_vault))
        self.browse = QPushButton()
        self.browse.clicked.connect(self._on_browse_clicked)
        self.intro = _wrap(QLabel())
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addStretch(1)
        self.folder.textChanged.connect(self.completeChanged)
        self.retranslate()

    def _on_browse_clicked(self) -> None:
        chosen = self._ctx.dialogs.choose_folder(self, self.tr("Folder for the vault"),
                                                 Path(self.folder.text()).parent)
        if chosen is not None:
            try:
                occupied = any(chosen.iterdir())
            except OSError:
                occupied = False
            self.folder.setText(str(chosen / "nam-vault") if occupied else str(chosen))

    def isComplete(self) -> bool:  # Qt override
        return bool(self.folder.text().strip())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where to keep the vault"))
        self.intro.setText(self.tr("The vault is a folder holding the encrypted testimonies and "
                                   "files. An encrypted USB stick is a good place. The folder "
                                   "must be new or empty."))
        self.browse.setText(self.tr("Choose…"))
        self.folder.setAccessibleName(self.tr("Vault folder"))


class PassphrasePage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._on_text_changed)
        self.meter = StrengthMeter()
        self.warning = _wrap(QLabel())
        self.warning.setProperty("role", "warning")
        self.understood = QCheckBox()
        self.understood.toggled.connect(self.completeChanged)
        self.mismatch = _wrap(QLabel())
        self.mismatch.setProperty("role", "error")
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.first)
        self.form.addRow(QLabel(), self.second)
        self.form.addRow(QLabel(), self.meter)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.mismatch)
        layout.addWidget(self.warning)
        layout.addWidget(self.understood)
        layout.addStretch(1)
        self.retranslate()

    def _on_text_changed(self) -> None:
        self.meter.update_for(self.first.text())
        self._show_mismatch()
        self.completeChanged.emit()

    def _show_mismatch(self) -> None:
        a, b = self.first.text(), self.second.text()
        if a and len(a) < MIN_CHARS:
            self.mismatch.setText(self.tr("Use at least %n characters.", "", MIN_CHARS))
        elif b and a != b:
            self.mismatch.setText(self.tr("The two passphrases are not the same."))
        else:
            self.mismatch.setText("")

    def isComplete(self) -> bool:  # Qt override
        a = self.first.text()
        return len(a) >= MIN_CHARS and a == self.second.text() and self.understood.isChecked()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Passphrase"))
        self.setSubTitle(self.tr("A few unrelated words are easy to remember and hard to guess."))
        labels = (self.tr("Passphrase:"), self.tr("Again:"), self.tr("Strength:"))
        for row, text in enumerate(labels):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(text)
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.second.setAccessibleName(self.tr("Passphrase again"))
        self.warning.setText(self.tr(
            "Nobody can recover a lost passphrase: not HQ, not the developers. If you forget "
            "it, every testimony in this vault is lost for good. Write it down and keep it "
            "somewhere safe, away from this computer."))
        self.understood.setText(self.tr("I understand that a lost passphrase cannot be "
                                        "recovered"))
        self.meter.update_for(self.first.text())
        self._show_mismatch()


class InterviewerPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.intro = _wrap(QLabel())
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.name)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Interviewer"))
        self.intro.setText(self.tr("Your name or the code HQ gave you. It is stored inside the "
                                   "vault and added to each testimony you record."))
        self.name.setAccessibleName(self.tr("Interviewer name or code"))
        self.name.setPlaceholderText(self.tr("e.g. INT-07"))


class DevicePage(_Page):
    """Creates the vault (in a worker) and shows the device fingerprint."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.status = _wrap(QLabel())
        self.fingerprint = FingerprintLabel()  # read aloud to HQ: big and whole
        self.fingerprint.hide()
        self.hint = _wrap(QLabel())
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.fingerprint, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.done = False
        self.retranslate()

    def initializePage(self) -> None:  # Qt override
        self.done = False
        self.busy.show()
        self.fingerprint.clear()
        self.fingerprint.hide()
        self.status.setText(self.tr("Creating the vault…"))
        self._wizard.start_creation()

    def show_created(self, fingerprint: str) -> None:
        self.done = True
        self.busy.hide()
        self.fingerprint.set_fingerprint(fingerprint)
        self.fingerprint.show()
        self.status.setText(self.tr("The vault is ready. This is the fingerprint of this "
                                    "device:"))
        self.completeChanged.emit()

    def show_failed(self, text: str) -> None:
        self.busy.hide()
        self.status.setText(text)

    def isComplete(self) -> bool:  # Qt override
        return self.done

    def retranslate(self) -> None:
        self.setTitle(self.tr("This device"))
        self.hint.setText(self.tr("Read it to HQ over a trusted channel (a call, in person). "
                                  "HQ compares it with the fingerprint on your bundles."))
        if self.done:
            self.status.setText(self.tr("The vault is ready. This is the fingerprint of this "
                                        "device:"))


class KeyCardPage(_Page):
    """Optional: import HQ's key card now (the vault exists by then), or later from the
    HQ menu of the main window."""

    def __init__(self, ctx: AppContext, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._ctx = ctx
        self._wizard = wizard
        self.note = _wrap(QLabel())
        self.panel: KeyCardPanel | None = None
        self.later_button = QPushButton()
        self.later_button.clicked.connect(wizard.accept)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.note)
        self._layout.addWidget(self.later_button, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate()

    def initializePage(self) -> None:  # Qt override
        vault = self._wizard.vault
        if self.panel is None and vault is not None:
            self.panel = KeyCardPanel(self._ctx, vault)
            self.panel.pinned.connect(self._on_pinned)
            # A small window scrolls: the fingerprint to compare is never squeezed.
            self._layout.insertWidget(1, scrolling(self.panel), 1)

    def _on_pinned(self, _card: object) -> None:
        self.later_button.hide()

    def retranslate(self) -> None:
        self.setTitle(self.tr("HQ's key card (optional)"))
        self.note.setText(self.tr("If HQ has already given you its key card, import it now. "
                                  "You can also do it later from the HQ menu."))
        self.later_button.setText(self.tr("I'll do it later"))


class FirstRunWizard(QWizard):
    vault_created = Signal(object)  # Vault
    creation_failed = Signal(object)  # exception

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.vault: Vault | None = None
        self.language_page = LanguagePage(ctx)
        self.folder_page = FolderPage(ctx)
        self.passphrase_page = PassphrasePage()
        self.interviewer_page = InterviewerPage()
        self.device_page = DevicePage(self)
        self.key_card_page = KeyCardPage(ctx, self)
        for page in (self.language_page, self.folder_page, self.passphrase_page,
                     self.interviewer_page, self.device_page, self.key_card_page):
            self.addPage(page)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.interviewer_page.setCommitPage(True)  # no way back once the vault exists
        fit_to_screen(self, 760, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("NAM Desktop: first start"))
        for button, text in ((QWizard.WizardButton.CommitButton, self.tr("Create the vault")),
                             (QWizard.WizardButton.NextButton, self.tr("Next")),
                             (QWizard.WizardButton.BackButton, self.tr("Back")),
                             (QWizard.WizardButton.FinishButton, self.tr("Finish")),
                             (QWizard.WizardButton.CancelButton, self.tr("Cancel"))):
            self.setButtonText(button, text)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start_creation(self) -> None:
        if self.vault is not None:
            self.device_page.show_created(self.vault.device.fingerprint)
            return
        folder = Path(self.folder_page.folder.text().strip()).expanduser()
        passphrase = self.passphrase_page.first.text()
        interviewer = self.interviewer_page.name.text().strip()
        kdf = self._ctx.kdf

        def job(_progress: object, _cancelled: object) -> Vault:
            return Vault.create(folder, passphrase, kdf=kdf, interviewer=interviewer)

        self._ctx.runner.start(job, on_success=self._on_created, on_failure=self._on_failed,
                               owner=self)

    def _on_created(self, vault: Vault) -> None:
        self.vault = vault
        self.passphrase_page.first.clear()
        self.passphrase_page.second.clear()
        self._ctx.settings.remember_vault(vault.folder)
        self._ctx.save_settings()
        self.device_page.show_created(vault.device.fingerprint)

    def _on_failed(self, exc: BaseException) -> None:
        self.device_page.show_failed(message_for(exc))
        self.creation_failed.emit(exc)

    def accept(self) -> None:
        super().accept()
        if self.vault is not None:
            self.vault_created.emit(self.vault)

    def reject(self) -> None:
        if self.vault is not None:  # created but the user closed the wizard: still usable
            self.vault_created.emit(self.vault)
        super().reject()
