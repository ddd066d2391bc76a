"""Loading the Qt Linguist translations (.qm) at start and at runtime.

The .qm files are built by ``make translations``; without them the app shows its
English source strings. English loads ``nam_en.qm`` too: it holds the English singular of
every message counted with ``%n`` ("1 bundle checked", not "1 bundles checked").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from nam_desktop.core.resources import resource_path

LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "be": "Беларуская"}


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
        self._remove()
        self.language = language
        QLocale.setDefault(QLocale(_LOCALES.get(language, "en_GB")))
        try:
            return self._install(language)
        finally:  # deliver LanguageChange now, so every window is retranslated at once
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def close(self) -> None:
        """Remove the catalogues this manager installed and go back to the English source
        texts (when its app or a test ends). Sends no LanguageChange if nothing changed."""
        if self.language != "en":
            self.language = "en"
            QLocale.setDefault(QLocale(_LOCALES["en"]))
        if self._translators:
            self._remove()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def _remove(self) -> None:
        for old in self._translators:
            self._app.removeTranslator(old)
        self._translators = []

    def _install(self, language: str) -> bool:
        translator = QTranslator(self._app)
        if not translator.load(qm_path(language)):
            # English without nam_en.qm still shows every text, only "1 bundles".
            return language == "en"
        if language == "en":  # the source texts plus the singular of counted messages
            self._app.installTranslator(translator)
            self._translators.append(translator)
            return True
        qt_own = QTranslator(self._app)  # Qt's standard buttons and dialogs, where shipped
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_dir):
            self._app.installTranslator(qt_own)
            self._translators.append(qt_own)
        self._app.installTranslator(translator)
        self._translators.append(translator)
        return True


_LOCALES = {"en": "en_GB", "ru": "ru_RU", "be": "be_BY"}
