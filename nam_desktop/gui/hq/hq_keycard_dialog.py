"""HQ: issue the next key card and write it, with its printable PDF (QR code, root
fingerprint, instructions), into a folder the user chooses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.exchange import hq_identity, keycard
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.keycard_print import keycard_pdf
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.hq.hq_files import write_files
from nam_desktop.gui.hq.hq_messages import fill
from nam_desktop.gui.widgets.context import AppContext

NAME_META = "hq_name"  # the name printed on the last card, offered again


class HqKeyCardDialog(QDialog):
    keycard_written = Signal(list)  # [card path, pdf path]

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self.written: list[Path] = []
        hq = hq_identity.load_hq(vault)
        self.setWindowTitle(self.tr("Write key card"))
        self.intro = QLabel(fill(self.tr(
            "Writes key card no. %1 and a printable page with the same card as a QR code. "
            "Interviewers import the card; an app that holds an older card from this HQ "
            "accepts the newer one."), hq.card_serial + 1))
        self.intro.setWordWrap(True)
        self.fingerprint_label = QLabel(self.tr("HQ root fingerprint (tell it to interviewers "
                                                "in person or by phone):"))
        self.fingerprint_label.setWordWrap(True)
        self.fingerprint = QLabel(hq.root_fingerprint)
        self.fingerprint.setProperty("role", "fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name = QLineEdit(vault.meta(NAME_META))
        self.name.setMaxLength(100)
        self.name.setAccessibleName(self.tr("HQ name"))
        self.originals = QCheckBox(self.tr("Accept original (uncleaned) files"))
        self.originals.setChecked(True)
        self.originals.setToolTip(self.tr(
            "Originals keep hidden information such as GPS positions: useful as evidence, "
            "dangerous if a stick is lost. Interviewers can send them only if this is ticked."))
        self.language = QComboBox()
        for code, text in (("en", "English"), ("ru", "Русский"), ("be", "Беларуская")):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.settings.language)))
        self.language.setAccessibleName(self.tr("Language of the printed page"))
        # A card for one device carries its PDF-signing certificate (docs/summary-signature.md).
        self.device = QComboBox()
        self.device.addItem(self.tr("Every interviewer"), "")
        for d in hq_identity.devices(vault):
            if d.pdf_certified_at:
                self.device.addItem(fill(self.tr("%1 only, with its PDF certificate"), d.name),
                                    d.fingerprint)
        self.device.setAccessibleName(self.tr("Who the card is for"))
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.write_button = QPushButton(self.tr("Choose folder and write…"))
        self.write_button.setProperty("role", "primary")
        self.write_button.clicked.connect(self.write)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("HQ name on the card:"), self.name)
        form.addRow(self.tr("For:"), self.device)
        form.addRow("", self.originals)
        form.addRow(self.tr("Printed page in:"), self.language)
        form.addRow(self.tr("Paper:"), self.paper)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.write_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.fingerprint_label)
        layout.addWidget(self.fingerprint)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.setMinimumWidth(680)  # the Belarusian check box text is the widest

    def write(self) -> bool:
        title = self.tr("Key card")
        folder = self._ctx.dialogs.choose_folder(
            self, self.tr("Folder for the key card"), Path.home())
        if folder is None:
            return False
        name = self.name.text().strip()
        try:
            data = keycard.issue_keycard(self._vault, hq_name=name,
                                         accept_originals=self.originals.isChecked(),
                                         device=str(self.device.currentData()) or None)
            pdf = keycard_pdf(data, lang=str(self.language.currentData()),
                              paper=str(self.paper.currentData()))
            stem = f"nam-keycard-{keycard.parse_keycard(data).serial}"
            self.written = write_files(folder, [(stem, ".json", data), (stem, ".pdf", pdf)])
        except ExchangeError as exc:
            if exc.reason is Reason.OVERSIZE:
                self._ctx.prompter.warn(self, title, self.tr(
                    "The key card is too large for a QR code. Use a shorter HQ name."))
            else:
                self._ctx.prompter.error(self, title, exc)
            return False
        except Exception as exc:  # shown to the user in words
            self._ctx.prompter.error(self, title, exc)
            return False
        self._vault.set_meta(NAME_META, name)
        self._ctx.prompter.info(self, title, fill(self.tr(
            "The key card and its printable page were saved:\n%1\n%2\n\nGive the card to "
            "interviewers, and tell them the root fingerprint in person or by phone:\n%3"),
            self.written[0], self.written[1], self.fingerprint.text()))
        self.keycard_written.emit(list(self.written))
        self.accept()
        return True
