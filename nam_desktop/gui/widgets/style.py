"""The one stylesheet and the icon set, both plain files under resources/."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from nam_desktop.core.resources import resource_path


def icon(name: str) -> QIcon:
    path = resource_path(f"icons/{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def apply_style(app: QApplication) -> None:
    path = resource_path("style/app.qss")
    if path.exists():
        icons = resource_path("icons").as_posix()
        app.setStyleSheet(path.read_text(encoding="utf-8").replace("@ICONS@", icons))
    app.setWindowIcon(icon("app"))
