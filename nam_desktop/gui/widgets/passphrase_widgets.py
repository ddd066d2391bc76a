"""Passphrase entry helpers: a strength estimate and a meter that shows it in words."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QWidget

MIN_CHARS = 8


def strength(passphrase: str) -> int:
    """0 (unusable) .. 4 (strong): a rough entropy estimate, words counted generously."""
    if len(passphrase) < MIN_CHARS:
        return 0
    pool = 0
    for pattern, size in ((r"[a-z]", 26), (r"[A-Z]", 26), (r"[0-9]", 10),
                          (r"[а-яёіў]", 33), (r"[А-ЯЁІЎ]", 33), (r"[^\w\s]", 32), (r"\s", 1)):
        if re.search(pattern, passphrase):
            pool += size
    distinct = len(set(passphrase))
    bits = min(len(passphrase), distinct * 2) * math.log2(max(pool, 2))
    words = len(passphrase.split())
    if words >= 4:
        bits = max(bits, words * 12.0)
    if bits < 40:
        return 1
    if bits < 60:
        return 2
    if bits < 80:
        return 3
    return 4


class StrengthMeter(QWidget):
    """A bar plus one word ("too short" .. "strong")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bar = QProgressBar(self)
        self._bar.setRange(0, 4)
        self._bar.setTextVisible(False)
        self._bar.setMaximumHeight(10)
        self._label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._bar, 1)
        layout.addWidget(self._label)
        self.score = 0
        self.update_for("")

    def _words(self) -> list[str]:
        return [self.tr("too short"), self.tr("weak"), self.tr("fair"), self.tr("good"),
                self.tr("strong")]

    def update_for(self, passphrase: str) -> None:
        self.score = strength(passphrase)
        self._bar.setValue(self.score)
        self._bar.setProperty("strength", self.score)
        self._bar.style().unpolish(self._bar)
        self._bar.style().polish(self._bar)
        self._label.setText(self._words()[self.score])
        self._bar.setAccessibleName(self.tr("Passphrase strength"))
        self._bar.setAccessibleDescription(self._label.text())
        self._label.setTextFormat(Qt.TextFormat.PlainText)

    def text(self) -> str:
        return self._label.text()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._label.setText(self._words()[self.score])
        super().changeEvent(event)


class ShowToggle(QCheckBox):
    """"Show passphrase": shows or hides the typed text of the given fields together, and
    hides it again when the window is wiped (``hide_text``)."""

    def __init__(self, *edits: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edits = edits
        self.toggled.connect(self._on_toggled)
        self._retranslate()

    def _on_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for edit in self._edits:
            edit.setEchoMode(mode)

    def hide_text(self) -> None:
        self.setChecked(False)

    def _retranslate(self) -> None:
        self.setText(self.tr("Show passphrase"))
        self.setToolTip(self.tr("Show what you type, to check it; make sure nobody is "
                                "looking at the screen."))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
