r"""File and folder choosers that leave no trace of what was chosen.

Qt's own (non-native) dialog is used: the platform dialogs (GTK, portals, Windows' and
macOS' own) add chosen files to "recent files" lists outside our control.

Qt's dialog saves its history and last folder when it is destroyed, under the
``FileDialog`` group of the ``QtProject`` settings, always in Qt's *native* format: an INI
file on Linux (which :func:`confine_qt_settings` moves into the app's config folder), but
the registry on Windows (``HKCU\Software\QtProject``) and a preferences plist on macOS,
which no path setting can move (checked with PySide6 6.12: ``QSettings(UserScope,
"QtProject")`` stays ``NativeFormat`` after ``setDefaultFormat``). So:

* every other ``QSettings`` (default format) is an INI file in the config folder;
* before the dialog is destroyed, its folder, history and sidebar are set to neutral
  values (the file-system root, empty lists), so what Qt writes names nothing chosen;
* then the group is wiped, and on Windows the keys Qt created are removed once empty
  (:func:`prune_qt_registry`).
"""

from __future__ import annotations

import sys
from collections import deque
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDir, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

QT_GROUP = "FileDialog"
QT_REGISTRY_KEYS = (r"Software\QtProject\OrganizationDefaults", r"Software\QtProject")


def confine_qt_settings(config_dir: Path) -> None:
    """Keep Qt's settings files inside our config folder: INI by default (before any
    ``QSettings`` is made), and the native format's files where it is a file (Linux)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config_dir / "qt"))


def forget_dialog_history(registry: Any = None) -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove(QT_GROUP)
    settings.sync()
    del settings
    prune_qt_registry(registry)


def prune_qt_registry(registry: Any = None) -> int:
    r"""Windows: remove ``HKCU\Software\QtProject\OrganizationDefaults`` and
    ``...\QtProject`` when they are empty (no values, no subkeys: another Qt program's
    settings are never touched). ``registry``: the ``winreg`` module (tests: a fake).
    Returns how many keys were removed."""
    if registry is None:
        if sys.platform != "win32":
            return 0
        import winreg as registry  # type: ignore[no-redef]
    removed = 0
    for path in QT_REGISTRY_KEYS:
        try:
            with registry.OpenKey(registry.HKEY_CURRENT_USER, path) as key:
                subkeys, values, _ = registry.QueryInfoKey(key)
            if subkeys or values:
                break
            registry.DeleteKey(registry.HKEY_CURRENT_USER, path)
            removed += 1
        except OSError:
            continue  # not there (never created, or removed before)
    return removed


def neutralise(dialog: QFileDialog) -> None:
    """What the dialog saves when destroyed names nothing the user chose."""
    dialog.setHistory([])
    dialog.setSidebarUrls([])
    dialog.setDirectory(QDir.rootPath())


class FileDialogs:
    """Choosers with a test seam: ``script([...])`` queues the next results."""

    def __init__(self) -> None:
        self._scripted: deque[list[Path]] = deque()

    def script(self, result: list[Path]) -> None:
        self._scripted.append(result)

    def _run(self, dialog: QFileDialog) -> list[Path]:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setHistory([])
        try:
            chosen = [Path(p) for p in dialog.selectedFiles()] if dialog.exec() else []
        finally:
            neutralise(dialog)
            shiboken6.delete(dialog)  # its destructor writes the settings: then wipe them
            forget_dialog_history()
        return chosen

    def choose_files(self, parent: QWidget | None, title: str) -> list[Path]:
        if self._scripted:
            return self._scripted.popleft()
        dialog = QFileDialog(parent, title, str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        return self._run(dialog)

    def choose_file(self, parent: QWidget | None, title: str) -> Path | None:
        """One existing file (e.g. an attachment's original, asked for again)."""
        if self._scripted:
            got = self._scripted.popleft()
            return got[0] if got else None
        dialog = QFileDialog(parent, title, str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        chosen = self._run(dialog)
        return chosen[0] if chosen else None

    def choose_folder(self, parent: QWidget | None, title: str, start: Path) -> Path | None:
        if self._scripted:
            got = self._scripted.popleft()
            return got[0] if got else None
        dialog = QFileDialog(parent, title, str(start if start.exists() else Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        chosen = self._run(dialog)
        return chosen[0] if chosen else None
