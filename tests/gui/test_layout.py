"""Every main screen of both workspaces fits the common laptop screens (1366×768 and
1280×720) in English, Russian and Belarusian: windows can be that small, dialogs open
within them, and no button, field or line of text is squeezed below its size or cut
off at the window's edge. The screens are the ones `make screenshots` renders."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QToolBar,
    QToolButton,
    QWidget,
)

from nam_desktop.gui.hq.hq_window import HqWindow
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.screenshot_scenes import scenes
from nam_desktop.gui.widgets.i18n import TranslationManager
from nam_desktop.gui.widgets.style import apply_style
from nam_desktop.gui.widgets.testimony_model import PSEUDONYM_COL, TITLE_COL
from nam_desktop.gui.widgets.window_size import fitted_size

SCREENS = (QRect(0, 0, 1366, 768), QRect(0, 0, 1280, 720))


def settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and not isinstance(widget.window(), QMenu)


def _qt_internal(widget: QWidget) -> bool:
    """A part of a Qt control (a line edit's clear button, a spin box's text field)."""
    parent = widget.parentWidget()
    return widget.objectName().startswith("qt_") or isinstance(
        parent, QLineEdit | QAbstractSpinBox | QComboBox)


def problems(top: QWidget) -> list[str]:
    """Controls squeezed below their minimum size, or cut off by the window's edge."""
    found = []
    window_rect = top.rect()
    kinds = (QAbstractButton, QLineEdit, QComboBox, QLabel)
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, kinds) or not _shown(widget) or widget.window() is not top \
                or _qt_internal(widget):
            continue
        if isinstance(widget, QLabel) and (not widget.text() or widget.wordWrap()):
            continue
        need = widget.minimumSizeHint()
        # 2 px: a focused field's thicker frame raises its hint without a new layout.
        if widget.height() + 2 < need.height() or widget.width() + 2 < need.width():
            found.append(f"squeezed {type(widget).__name__} {widget.objectName()!r} "
                         f"{widget.size().toTuple()} < {need.toTuple()} "
                         f"{getattr(widget, 'text', lambda: '')()!r:.60}")
        if not _in_scroll_area(widget, top):
            corner = widget.mapTo(top, QPoint(0, 0))
            if not window_rect.contains(QRect(corner, widget.size())):
                found.append(f"cut off {type(widget).__name__} "
                             f"{getattr(widget, 'text', lambda: '')()!r:.60}")
    for bar in top.findChildren(QToolBar):  # an action pushed into the >> menu is hidden
        if bar.isVisible() and any(b.objectName() == "qt_toolbar_ext_button" and b.isVisible()
                                   for b in bar.findChildren(QToolButton)):
            hidden = [a.text() for a in bar.actions()
                      if not a.isSeparator() and (w := bar.widgetForAction(a)) is not None
                      and not w.isVisible()]
            found.append(f"toolbar {bar.windowTitle()!r} hides {hidden}")
    return found


def _check_list(window: MainWindow | HqWindow) -> list[str]:
    """Title and pseudonym are on screen in the testimony list, wide enough to read."""
    header = window.table.horizontalHeader()
    width = window.table.viewport().width()
    out = []
    for column in (TITLE_COL, PSEUDONYM_COL):
        left = header.sectionViewportPosition(column)
        if left < 0 or left + min(header.sectionSize(column), 80) > width \
                or header.sectionSize(column) < 80:
            out.append(f"list column {column} not readable ({left}, "
                       f"{header.sectionSize(column)} of {width})")
    return out


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "ru", "be"])
def test_every_main_screen_fits_laptop_screens(qapp: QApplication, tmp_path: Path,
                                               catalogues: None, language: str) -> None:
    translations = TranslationManager(qapp)
    seen, failures = [], []
    before = qapp.styleSheet()
    apply_style(qapp)  # the padding and fonts of the real app
    try:
        for name, widget in scenes(qapp, tmp_path / language, language, (1366, 768),
                                   settle, translations):
            widget.show()
            settle()
            seen.append(name)
            for screen in SCREENS:
                if isinstance(widget, QMainWindow):
                    need = widget.minimumSizeHint()
                    if need.width() > screen.width() or need.height() > screen.height():
                        failures.append(f"{name}: window needs {need.toTuple()} on "
                                        f"{screen.size().toTuple()}")
                    widget.resize(screen.size() - QSize(0, 48))  # a panel or task bar
                else:
                    widget.resize(fitted_size(widget.size(), screen))
                settle()
                if widget.width() > screen.width() or widget.height() > screen.height():
                    failures.append(f"{name}: {widget.size().toTuple()} on "
                                    f"{screen.size().toTuple()}")
                failures += [f"{name} at {screen.width()}: {p}" for p in problems(widget)]
                if isinstance(widget, MainWindow | HqWindow) and name in ("main",
                                                                          "hq-testimonies"):
                    failures += [f"{name} at {screen.width()}: {p}"
                                 for p in _check_list(widget)]
            widget.resize(1366, 768) if isinstance(widget, QMainWindow) else None
    finally:
        translations.switch("en")
        qapp.setStyleSheet(before)
    assert len(seen) >= 25, seen
    assert failures == [], "\n".join(failures)
