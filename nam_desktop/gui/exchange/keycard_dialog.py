"""HQ's key card: import (file or pasted text), compare the root fingerprint, pin.

:class:`KeyCardPanel` is the import flow, used by the first-run wizard and by
:class:`KeyCardDialog` (HQ menu), which also shows the card in use. Nothing is stored
until the user confirms that the fingerprint matches the one HQ gave them out of band;
cards that are unsigned, altered, older, or signed by another root are refused by the
core (``core/exchange/keycard.py``) and the reason is shown here in words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.exchange import keycard
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.exchange_text import error_text, read_exchange_file
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.fingerprint_label import FingerprintLabel
from nam_desktop.gui.widgets.messages import fill
from nam_desktop.gui.widgets.scrolling import scrolling
from nam_desktop.gui.widgets.window_size import fit_to_screen

BIG_POINTS = 24.0  # bigger than other fingerprints: compared by eye


def _label(role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


class KeyCardPanel(QWidget):
    """Pick or paste a card, check it, show the fingerprint, pin on confirmation."""

    pinned = Signal(object)  # KeyCard

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self._pending: bytes | None = None
        self.intro = _label()
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._on_open_clicked)
        self.paste = QPlainTextEdit()
        self.paste.setMaximumHeight(90)
        self.paste.textChanged.connect(self._on_paste_changed)
        self.check_button = QPushButton()
        self.check_button.setEnabled(False)
        self.check_button.clicked.connect(self.check_pasted)
        self.error = _label("error")
        self.question = _label("heading")
        self.fingerprint = FingerprintLabel(points=BIG_POINTS)  # compared letter by letter
        self.explain = _label()
        self.details = _label("hint")
        self.match_button = QPushButton()
        self.match_button.setProperty("role", "primary")
        self.match_button.clicked.connect(self.confirm)
        self.mismatch_button = QPushButton()
        self.mismatch_button.clicked.connect(self.refuse)
        for button in (self.match_button, self.mismatch_button):  # never squeezed
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.done = _label("status")
        # Choosing a card (hidden while its fingerprint is compared: that needs the room).
        self.input_box = QWidget()
        pick = QHBoxLayout()
        pick.addWidget(self.open_button)
        pick.addStretch(1)
        paste_row = QHBoxLayout()
        paste_row.addWidget(self.paste, 1)
        paste_row.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        iv = QVBoxLayout(self.input_box)
        iv.setContentsMargins(0, 0, 0, 0)
        iv.addWidget(self.intro)
        iv.addLayout(pick)
        iv.addLayout(paste_row)
        answer = QHBoxLayout()
        answer.addWidget(self.match_button)
        answer.addWidget(self.mismatch_button)
        answer.addStretch(1)
        self.compare_box = QWidget()
        cv = QVBoxLayout(self.compare_box)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.addWidget(self.question)
        cv.addWidget(self.fingerprint)
        cv.addWidget(self.explain)
        cv.addWidget(self.details)
        cv.addLayout(answer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.input_box)
        layout.addWidget(self.error)
        layout.addWidget(self.compare_box)
        layout.addWidget(self.done)
        layout.addStretch(1)
        self._checked: keycard.KeyCardCheck | None = None
        self._reset()
        self.retranslate()

    # ---- flow ----------------------------------------------------------------------------
    def _reset(self) -> None:
        self._pending, self._checked = None, None
        self.compare_box.hide()
        self.input_box.show()
        self.error.hide()
        self.done.hide()

    def _on_open_clicked(self) -> None:
        paths = self._ctx.dialogs.choose_files(self, self.tr("HQ key card"))
        if paths:
            self.load_file(paths[0])

    def load_file(self, path: Path) -> None:
        data, why = read_exchange_file(path)
        if data is None:
            self._show_error(why)
            return
        self.check_bytes(data)

    def _on_paste_changed(self) -> None:
        self.check_button.setEnabled(bool(self.paste.toPlainText().strip()))

    def check_pasted(self) -> None:
        text = self.paste.toPlainText().strip()
        if not text:
            return
        if not text.isascii():  # a card is ASCII; a messenger may have changed quotes
            self._reset()
            self._show_error(error_text(ExchangeError(Reason.KEYCARD_INVALID)))
            return
        self.check_bytes(text.encode("ascii"))

    def check_bytes(self, data: bytes) -> None:
        self._reset()
        try:
            checked = keycard.check_keycard(self._vault, data)
        except Exception as exc:  # every refusal is shown in words
            self._show_error(error_text(exc))
            return
        card = checked.card
        if checked.unchanged:
            self._show_done(self.tr("This key card is already in use. Nothing to do."))
            return
        self._pending, self._checked = data, checked
        self.fingerprint.set_fingerprint(card.root_fingerprint)
        self._explain()
        self.input_box.hide()
        self.compare_box.show()

    def _explain(self) -> None:
        checked = self._checked
        if checked is None:
            return
        card = checked.card
        if checked.first_time:
            self.question.setText(self.tr("Does this fingerprint match the one HQ gave you?"))
            self.explain.setText(self.tr(
                "Compare it group by group with the fingerprint HQ read to you by phone or "
                "gave you in person — not with one that came with the file. Only if every "
                "letter and digit matches, press \"It matches\". Someone who swapped the file "
                "could read everything you send."))
            self.match_button.setText(self.tr("It matches: trust this key card"))
            self.mismatch_button.setText(self.tr("It does not match"))
        else:
            self.question.setText(self.tr("A newer key card from the same HQ"))
            self.explain.setText(self.tr(
                "It is signed by the HQ key you already trust (fingerprint above) and "
                "replaces key card number %1.").replace(
                "%1", str(self._current_serial())))
            self.match_button.setText(self.tr("Use the new key card"))
            self.mismatch_button.setText(self.tr("Not now"))
        self.details.setText(self.tr("Key card number %1, issued %2. Originals accepted: %3.")
                             .replace("%1", str(card.serial))
                             .replace("%2", card.issued_at[:10])
                             .replace("%3", self.tr("yes") if card.accept_originals
                                      else self.tr("no")))

    def _current_serial(self) -> int:
        try:
            current = keycard.current_keycard(self._vault)
        except ExchangeError:
            return 0
        return current.serial if current is not None else 0

    def confirm(self) -> None:
        """The user says the fingerprint matches (or accepts an update): pin the card."""
        data = self._pending
        if data is None:
            return
        first = self._checked is not None and self._checked.first_time
        try:
            card = keycard.pin_keycard(self._vault, data)
        except Exception as exc:  # e.g. another card was pinned meanwhile
            self._reset()
            self._show_error(error_text(exc))
            return
        self._reset()
        self.paste.clear()
        self._show_done(self.tr("HQ's key card was imported. You can now send bundles to HQ.")
                        if first else self.tr("The new key card is now in use."))
        self.pinned.emit(card)

    def refuse(self) -> None:
        first = self._checked is not None and self._checked.first_time
        self._reset()
        if first:
            self._show_error(self.tr(
                "The key card was not imported. Tell HQ through a trusted channel that the "
                "fingerprints differ: someone may have replaced the file."))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _show_done(self, text: str) -> None:
        self.done.setText(text)
        self.done.show()

    @property
    def waiting_for_confirmation(self) -> bool:
        return self._pending is not None

    # ---- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "HQ's key card is a small file from HQ. With it, the bundles you send can be "
            "opened only by HQ. Open the file, or paste its text."))
        self.open_button.setText(self.tr("Open key card file…"))
        self.paste.setPlaceholderText(self.tr("…or paste the key card text here"))
        self.paste.setAccessibleName(self.tr("Key card text"))
        self.check_button.setText(self.tr("Check"))
        self._explain()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class KeyCardDialog(QDialog):
    """The key card in use (HQ fingerprint, recipients) and the import panel."""

    pinned = Signal(object)  # KeyCard

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.current_heading = _label("heading")
        self.current = _label()
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.current_fingerprint = FingerprintLabel(points=16.0)
        self.recipients = _label("hint")
        self.recipients.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.import_heading = _label("heading")
        self.panel = KeyCardPanel(ctx, vault)
        self.panel.pinned.connect(self._on_pinned)
        # Qt's own "Close" would go back to English on a language switch: our own button.
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        content = QWidget()
        cv = QVBoxLayout(content)
        cv.addWidget(self.current_heading)
        cv.addWidget(self.current)
        cv.addWidget(self.current_fingerprint, 0, Qt.AlignmentFlag.AlignLeft)
        cv.addWidget(self.recipients)
        cv.addWidget(self.import_heading)
        cv.addWidget(self.panel)
        cv.addStretch(1)
        self.scroll = scrolling(content)  # a small screen scrolls, nothing is squeezed
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 720, 700)
        self.retranslate()

    def _on_pinned(self, card: keycard.KeyCard) -> None:
        self._show_current()
        self.pinned.emit(card)

    def _show_current(self) -> None:
        if not self._vault.is_open:  # a language switch after locking
            return
        try:
            card = keycard.current_keycard(self._vault)
        except ExchangeError:
            card = None
        self.current_fingerprint.setVisible(card is not None)
        self.recipients.setVisible(card is not None)
        if card is None:
            self.current.setText(self.tr("No key card yet: bundles for HQ cannot be made "
                                         "until you import one."))
            self.current_fingerprint.set_fingerprint("")
            self.recipients.clear()
            return
        originals = self.tr("yes") if card.accept_originals else self.tr("no")
        if card.hq_name:
            self.current.setText(fill(self.tr(
                "Key card number %1 from %2, issued %3. Originals accepted: %4. HQ's "
                "fingerprint:"), card.serial, card.hq_name, card.issued_at[:10], originals))
        else:  # not «от «штаба»»: a card without a name gets a sentence of its own
            self.current.setText(fill(self.tr(
                "Key card number %1 (the card names no HQ), issued %2. Originals accepted: "
                "%3. HQ's fingerprint:"), card.serial, card.issued_at[:10], originals))
        self.current_fingerprint.set_fingerprint(card.root_fingerprint)
        self.recipients.setText(self.tr("Bundles are encrypted for:") + "\n"
                                + "\n".join(card.recipients))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("HQ key card"))
        self.current_heading.setText(self.tr("Key card in use"))
        self.import_heading.setText(self.tr("Import a key card"))
        self.close_button.setText(self.tr("Close"))
        self._show_current()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def wipe(self) -> None:
        self.reject()
