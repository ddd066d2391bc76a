"""Loading the Qt Linguist translations (.qm) at start and at runtime.

The .qm files are built by ``make translations``; without them the app shows its
English source strings.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from nam_desktop.core.resources import resource_path

LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "be": "Беларуская"}
ENGLISH_PLURALS = "nam-en-plurals"  # object name of the English base translator


def qm_path(language: str) -> str:
    return str(resource_path(f"i18n/nam_{language}.qm"))


class TranslationManager:
    """Owns the installed QTranslator; ``switch`` triggers LanguageChange events."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "en"
        self._install_english_plurals()

    def _install_english_plurals(self) -> None:
        """English reads the source strings, except for the singular of "%n file(s)"
        messages, which only ``nam_en.qm`` has. It is installed once per application,
        below every other language (Qt asks the newest translator first), and never
        removed, so switching languages sends the same events as before."""
        if self._app.findChild(QTranslator, ENGLISH_PLURALS) is not None:
            return
        translator = QTranslator(self._app)
        translator.setObjectName(ENGLISH_PLURALS)
        if translator.load(qm_path("en")):
            self._app.installTranslator(translator)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        else:
            translator.setParent(None)  # no catalogue built: the source strings stay

    def switch(self, language: str) -> bool:
        """Install ``language``; returns False when its .qm is missing (source strings)."""
        for old in self._translators:
            self._app.removeTranslator(old)
        self._translators = []
        self.language = language
        QLocale.setDefault(QLocale(_LOCALES.get(language, "en_GB")))
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
