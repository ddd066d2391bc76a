"""Windows open at a size that fits the screen they appear on.

The most common laptop screens are 1366×768 and 1280×720, with a panel or task bar
taking part of it: a window asks for the size it would like and gets at most the
screen's available area (less a small margin), so no title bar or button starts off
screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 0.96  # of the available height: the title bar and frame need some pixels


def available_area(widget: QWidget) -> QRect | None:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fitted_size(wanted: QSize, area: QRect | None) -> QSize:
    if area is None or area.isEmpty():
        return wanted
    return QSize(min(wanted.width(), area.width()),
                 min(wanted.height(), int(area.height() * MARGIN)))


def fit_to_screen(widget: QWidget, width: int, height: int, *,
                  area: QRect | None = None) -> QSize:
    """Resize ``widget`` to ``width``×``height`` or less: what the screen allows."""
    size = fitted_size(QSize(width, height), area if area is not None
                       else available_area(widget))
    widget.resize(size)
    return size
