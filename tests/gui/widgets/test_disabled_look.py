"""A disabled control looks disabled under the app's stylesheet: the primary "Finalise…"
button lost its teal fill only in state, not in colour, and disabled text stayed as dark
as enabled text."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from nam_desktop.gui.widgets.style import apply_style

TEAL = QColor("#2f6f73")


def _centre(widget: QWidget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(image.width() // 2, 3)  # on the fill, above the text


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_disabled_primary_button_and_field_look_disabled(qtbot: QtBot,
                                                         qapp: QApplication) -> None:
    before = qapp.styleSheet()
    apply_style(qapp)
    try:
        box = QWidget()
        qtbot.addWidget(box)
        primary = QPushButton("Finalise…", box)
        primary.setProperty("role", "primary")
        field = QLineEdit("typed", box)
        field.move(0, 60)
        box.resize(300, 120)
        box.show()
        enabled_fill, enabled_field = _centre(primary), _centre(field)
        assert _distance(enabled_fill, TEAL) < 40
        primary.setEnabled(False)
        field.setEnabled(False)
        disabled_fill, disabled_field = _centre(primary), _centre(field)
        assert _distance(disabled_fill, TEAL) > 150  # no longer the "press me" colour
        assert _distance(disabled_field, enabled_field) > 10  # a greyed field
    finally:
        qapp.setStyleSheet(before)
