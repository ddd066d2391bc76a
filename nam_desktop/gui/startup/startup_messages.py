"""Start-up in words: refusing to start (App Translocation) and the crash note's box.

Both speak the system's language (the app's own setting is not readable yet when the
refusal happens), through the one message-box wrapper (:class:`~.messages.Prompter`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from nam_desktop.gui.widgets.i18n import TranslationManager
from nam_desktop.gui.widgets.messages import Prompter

CTX = "Startup"
TRANSLOCATED = QT_TRANSLATE_NOOP(
    "Startup",
    "macOS started NAM Desktop from a temporary read-only copy (App Translocation). From "
    "there it cannot find its portable folder and would keep your data on this Mac, so it "
    "does not start.\n\nMove NAM Desktop to the Applications folder and start it from "
    "there. For portable use from a USB stick, remove the download mark once: open "
    "Terminal and run\n\nxattr -dr com.apple.quarantine \"/Volumes/STICK/NAM Desktop.app\"\n\n"
    "(with the name of your stick), then start NAM Desktop again.")
CRASHED = QT_TRANSLATE_NOOP(
    "Startup",
    "NAM Desktop met an unexpected error. What you saved before is safe in the vault; "
    "anything typed since the last automatic save may be lost.")
NOTE_SAVED = QT_TRANSLATE_NOOP(
    "Startup", "A short note about the error, without any testimony content, was saved "
    "as:")


def _system_language(app: QCoreApplication) -> TranslationManager:
    translations = TranslationManager(app)
    language = QLocale.system().name()[:2]
    translations.switch(language if language in ("ru", "be") else "en")
    return translations


def refuse_to_start(_detail: str = "", prompter: Prompter | None = None) -> int:
    """Tell the user why the app does not start (App Translocation); exit code 1."""
    app = QApplication.instance() or QApplication(["nam-desktop"])
    _system_language(app)
    (prompter or Prompter()).warn(None, "NAM Desktop", QCoreApplication.translate(
        CTX, TRANSLOCATED))
    return 1


def crash_box(prompter: Prompter) -> Callable[[str, Path | None], None]:
    """The crash note's display in the GUI: translated, with the note's path."""

    def show(note: str, path: Path | None) -> None:
        text = QCoreApplication.translate(CTX, CRASHED)
        if path is not None:
            text += "\n\n" + QCoreApplication.translate(CTX, NOTE_SAVED) + f"\n{path}"
        prompter.warn(None, "NAM Desktop", text + "\n\n" + note)

    return show
