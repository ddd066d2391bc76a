"""The first-run wizard's input pages: language and what the computer is for, vault
folder, passphrase, the interviewer's name or the HQ station (the pages that create the
vault and show its fingerprint are in ``first_run_wizard.py``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.i18n import LANGUAGE_NAMES, missing_catalogue_text
from nam_desktop.gui.widgets.passphrase_widgets import MIN_CHARS, ShowToggle, StrengthMeter

# Page ids (QWizard.setPage): the HQ station page comes after the passphrase instead of
# the interviewer's name, and ends on the fingerprint page.
(LANGUAGE_PAGE, FOLDER_PAGE, PASSPHRASE_PAGE, INTERVIEWER_PAGE, DEVICE_PAGE, KEY_CARD_PAGE,
 HQ_PAGE) = range(7)
HQ_FIELD = "hq_station"  # True when "Set up an HQ station" is chosen
HQ_NAME_META = "hq_name"  # the name HQ's key-card dialog offers (hq/hq_keycard_dialog.py)


def wrapped(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class FirstRunPage(QWizardPage):
    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LanguagePage(FirstRunPage):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.combo = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(ctx.settings.language)))
        self.combo.currentIndexChanged.connect(self._on_language_changed)
        self.intro = wrapped(QLabel())
        # What this computer is for: an interviewer's laptop or HQ's import station.
        self.role_box = QGroupBox()
        self.interviewer_role = QRadioButton()
        self.hq_role = QRadioButton()
        self.interviewer_role.setChecked(True)
        self.role_hints = (wrapped(QLabel()), wrapped(QLabel()))
        roles = QVBoxLayout(self.role_box)
        for button, hint in zip((self.interviewer_role, self.hq_role), self.role_hints,
                                strict=True):
            hint.setProperty("role", "hint")
            hint.setIndent(24)
            roles.addWidget(button)
            roles.addWidget(hint)
        self.missing = wrapped(QLabel())  # the chosen language's catalogue is not there
        self.missing.setProperty("role", "error")
        self.missing.setVisible(bool(ctx.translations.missing))
        if ctx.translations.missing:
            self.missing.setText(missing_catalogue_text(ctx.translations.missing))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.combo)
        layout.addWidget(self.missing)
        layout.addWidget(self.role_box)
        layout.addStretch(1)
        self.registerField(HQ_FIELD, self.hq_role)
        self.retranslate()

    @property
    def role(self) -> str:
        return "hq" if self.hq_role.isChecked() else "interviewer"

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
        self.role_box.setTitle(self.tr("What is this computer for?"))
        self.interviewer_role.setText(self.tr("Interviewer"))
        self.role_hints[0].setText(self.tr("Record testimonies and send them to HQ on a USB "
                                           "stick."))
        self.hq_role.setText(self.tr("Set up an HQ station"))
        self.role_hints[1].setText(self.tr("Receive and check the bundles interviewers "
                                           "send, register their devices, write key cards "
                                           "and receipts."))


class FolderPage(FirstRunPage):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.folder = QLineEdit(str(ctx.paths.default_vault))
        self.browse = QPushButton()
        self.browse.clicked.connect(self._on_browse_clicked)
        self.intro = wrapped(QLabel())
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


class PassphrasePage(FirstRunPage):
    def __init__(self) -> None:
        super().__init__()
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._on_text_changed)
        self.meter = StrengthMeter()
        self.warning = wrapped(QLabel())
        self.warning.setProperty("role", "warning")
        self.understood = QCheckBox()
        self.understood.toggled.connect(self.completeChanged)
        self.show_text = ShowToggle(self.first, self.second)
        self.mismatch = wrapped(QLabel())
        self.mismatch.setProperty("role", "error")
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.first)
        self.form.addRow(QLabel(), self.second)
        self.form.addRow(QLabel(), self.meter)
        self.form.addRow("", self.show_text)
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

    def nextId(self) -> int:  # Qt override: the interviewer's name, or HQ's station
        return HQ_PAGE if self.field(HQ_FIELD) else INTERVIEWER_PAGE

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


class InterviewerPage(FirstRunPage):
    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.intro = wrapped(QLabel())
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


class HqStationPage(FirstRunPage):
    """The HQ station's commit page: what it will hold, and the name on its key cards."""

    def __init__(self) -> None:
        super().__init__()
        self.intro = wrapped(QLabel())
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.name_label = wrapped(QLabel())
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.name_label)
        layout.addWidget(self.name)
        layout.addStretch(1)
        self.retranslate()

    def nextId(self) -> int:  # Qt override: on to the fingerprint page
        return DEVICE_PAGE

    def retranslate(self) -> None:
        self.setTitle(self.tr("HQ station"))
        self.intro.setText(self.tr(
            "This computer becomes HQ's import station. Its vault holds HQ's keys (they "
            "never leave it), the testimonies interviewers send, and the register of their "
            "devices. Interviewers receive only HQ's public key card."))
        self.name_label.setText(self.tr("Name printed on HQ's key cards (optional):"))
        self.name.setAccessibleName(self.tr("HQ name"))
        self.name.setPlaceholderText(self.tr("e.g. HQ Vilnius"))
