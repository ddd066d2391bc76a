"""Loading the Qt Linguist translations (.qm) at start and at runtime.

The .qm files are built by ``make translations``; without them the app shows its
English source strings.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from nam_desktop.core.resources import resource_path

LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "be": "Беларуская"}


_NONE_LOST_PER_CALL: int | None = None


def set_default_locale(locale: QLocale) -> None:
    """``QLocale.setDefault``, minus a PySide6 6.12 bug: the binding hands back ``None``
    without a reference of its own (measured: None's reference count drops by one per
    call). Python 3.11's ``None`` is not immortal, so enough calls (a test run switching
    languages) end in "Fatal Python error: none_dealloc". The first call measures the
    loss (on the GUI thread, at start); every call then gives the reference back. On
    Python 3.12+ (immortal None) or a fixed PySide6 nothing is lost and nothing is done.
    """
    global _NONE_LOST_PER_CALL
    before = sys.getrefcount(None)
    QLocale.setDefault(locale)
    if _NONE_LOST_PER_CALL is None:
        _NONE_LOST_PER_CALL = 1 if before - sys.getrefcount(None) >= 1 else 0
    for _ in range(_NONE_LOST_PER_CALL):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))


def qm_path(language: str) -> str:
    return str(resource_path(f"i18n/nam_{language}.qm"))


class TranslationManager:
    """Owns the installed QTranslator; ``switch`` triggers LanguageChange events."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "en"

    def switch(self, language: str) -> bool:
        """Install ``language``; returns False when its .qm is missing (source strings)."""
        for old in self._translators:
            self._app.removeTranslator(old)
        self._translators = []
        self.language = language
        set_default_locale(QLocale(_LOCALES.get(language, "en_GB")))
        try:
            return self._install(language)
        finally:  # deliver LanguageChange now, so every window is retranslated at once
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def _install(self, language: str) -> bool:
        if language == "en":
            return True
        translator = QTranslator(self._app)
        if not translator.load(qm_path(language)):
            return False
        qt_own = QTranslator(self._app)  # Qt's standard buttons and dialogs, where shipped
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_dir):
            self._app.installTranslator(qt_own)
            self._translators.append(qt_own)
        self._app.installTranslator(translator)
        self._translators.append(translator)
        return True


_LOCALES = {"en": "en_GB", "ru": "ru_RU", "be": "be_BY"}
