"""File and folder choosers that leave no trace of what was chosen.

Qt's own (non-native) dialog is used: the platform dialogs (GTK, portals) add chosen files
to "recent files" lists outside our control. Qt stores its dialog history and last
directory under the ``FileDialog`` group of the ``QtProject`` settings: we point that
settings scope into the app's config folder (see :func:`confine_qt_settings`) and wipe the
group after every use.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

QT_GROUP = "FileDialog"


def confine_qt_settings(config_dir: Path) -> None:
    """Keep Qt's own settings files (QtProject.conf) inside our config folder."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config_dir / "qt"))


def forget_dialog_history() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove(QT_GROUP)
    settings.sync()


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
            dialog.setHistory([])
            shiboken6.delete(dialog)  # its destructor writes the settings: then wipe them
            forget_dialog_history()
        return chosen

    def choose_files(self, parent: QWidget | None, title: str) -> list[Path]:
        if self._scripted:
            return self._scripted.popleft()
        dialog = QFileDialog(parent, title, str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        return self._run(dialog)

    def choose_folder(self, parent: QWidget | None, title: str, start: Path) -> Path | None:
        if self._scripted:
            got = self._scripted.popleft()
            return got[0] if got else None
        dialog = QFileDialog(parent, title, str(start if start.exists() else Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        chosen = self._run(dialog)
        return chosen[0] if chosen else None
