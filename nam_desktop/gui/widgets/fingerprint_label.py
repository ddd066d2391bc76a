"""A fingerprint to compare by eye: big, monospaced, in two rows, never squeezed.

The one security step a person does by eye (a key card's root fingerprint against the
one HQ read out; this device's fingerprint read to HQ) must stay whole at every window
size and in every language: the label asks its layout for its full size (fixed height,
minimum width of the longest row), and a page that cannot fit scrolls instead of
squeezing it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

POINTS = 22.0
PADDING = 12  # pixels around the text, inside the dashed frame


def grouped_fingerprint(fingerprint: str) -> str:
    """``ABCD-EFGH-...`` (six groups) -> two rows of three groups, easy to read aloud."""
    groups = fingerprint.split("-")
    return "\n".join("  ".join(groups[i:i + 3]) for i in range(0, len(groups), 3))


class FingerprintLabel(QLabel):
    def __init__(self, parent: QWidget | None = None, *, points: float = POINTS) -> None:
        super().__init__(parent)
        self.fingerprint = ""
        self.setObjectName("fingerprint")
        self.setProperty("role", "fingerprint")
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(points)
        font.setBold(True)
        self.setFont(font)
        # The app stylesheet sets a smaller size for [role="fingerprint"]; a widget's own
        # stylesheet wins, and the padding is part of the size hint below.
        self.setStyleSheet(f"font-size: {points:g}pt; font-weight: bold; "
                           f"padding: {PADDING}px;")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

    def set_fingerprint(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.setText(grouped_fingerprint(fingerprint) if fingerprint else "")
        self.setAccessibleName(fingerprint)
        self.updateGeometry()

    def clear(self) -> None:
        self.set_fingerprint("")

    def _text_size(self) -> QSize:
        metrics = QFontMetrics(self.font())
        lines = self.text().split("\n") if self.text() else ["XXXX  XXXX  XXXX"] * 2
        width = max(metrics.horizontalAdvance(line) for line in lines)
        return QSize(width, metrics.lineSpacing() * len(lines))

    def sizeHint(self) -> QSize:  # Qt override
        text = self._text_size()
        frame = 2 * (PADDING + 2)
        return QSize(text.width() + frame + 8, text.height() + frame)

    def minimumSizeHint(self) -> QSize:  # Qt override: never smaller than the text
        return self.sizeHint()

    def text_fits(self) -> bool:
        """The whole text is inside the label (tests, and the layout's promise)."""
        need = self._text_size()
        inner = self.contentsRect()
        return inner.width() >= need.width() and inner.height() >= need.height()
