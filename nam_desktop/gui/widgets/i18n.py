"""Loading the Qt Linguist translations (.qm) at start and at runtime.

The .qm files are not committed: ``make run``, ``make venv`` and ``make package`` build
them from the committed .ts files (``make translations`` also refreshes the .ts). When
the catalogue of a chosen language is missing, :meth:`TranslationManager.switch` says so
and the windows show :func:`missing_catalogue_text` instead of silently staying English.

English loads its own catalogue too: it holds the English plural forms ("1 bundle",
"2 bundles") of every ``%n`` message.

Qt's own dialogs (file chooser, print dialog, standard buttons) use Qt's catalogue
``qtbase_<lang>.qm``. PySide6 ships none for Belarusian, so under Belarusian Qt's own
dialogs fall back to Russian, which every Belarusian reader reads; the app's own
dialogs and message boxes set their texts from our Belarusian catalogue.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from nam_desktop.core.resources import resource_path

LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "be": "Беларуская"}
#: Qt's own catalogue per UI language (none is shipped for Belarusian: Russian instead).
QT_CATALOGUE = {"ru": "qtbase_ru", "be": "qtbase_ru"}
_LOCALES = {"en": "en_GB", "ru": "ru_RU", "be": "be_BY"}

# Shown when a catalogue is missing: the catalogue cannot translate its own absence, so
# the words are here, in English and in the language that was chosen.
_MISSING = {
    "en": "The English catalogue (nam_en.qm) is missing: counts may read \"1 files\". "
          "Build it with `make run` or `make translations`.",
    "ru": "Перевод на русский язык (nam_ru.qm) не найден, поэтому программа показана "
          "по-английски. Соберите его: `make run` или `make translations`.",
    "be": "Пераклад на беларускую мову (nam_be.qm) не знойдзены, таму праграма паказана "
          "па-англійску. Збярыце яго: `make run` або `make translations`.",
}
_MISSING_EN = ("The {name} translation (nam_{code}.qm) is missing, so the app is shown in "
               "English. Build it with `make run` or `make translations`.")


def qm_path(language: str) -> str:
    return str(resource_path(f"i18n/nam_{language}.qm"))


def missing_catalogue_text(language: str) -> str:
    """Why the chosen language does not show, in English and in that language."""
    if language == "en":
        return _MISSING["en"]
    english = _MISSING_EN.format(name=LANGUAGE_NAMES.get(language, language), code=language)
    native = _MISSING.get(language, "")
    return f"{english}\n\n{native}" if native else english


class TranslationManager:
    """Owns the installed QTranslators; ``switch`` triggers LanguageChange events.

    ``catalogue_dir`` (tests) replaces the folder of our .qm files."""

    def __init__(self, app: QCoreApplication, catalogue_dir: str | None = None) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self._dir = catalogue_dir
        self.language = "en"
        self.missing = ""  # the language whose catalogue could not be loaded, if any
        self._installed = ""  # the language whose catalogues are installed now

    def _path(self, language: str) -> str:
        if self._dir is not None:
            return f"{self._dir}/nam_{language}.qm"
        return qm_path(language)

    def switch(self, language: str) -> bool:
        """Install ``language``; returns False when its .qm is missing (source strings,
        and ``missing`` names the language). The language already installed is kept as
        it is: no LanguageChange goes to every window for nothing."""
        if language == self._installed:
            return True
        self._remove()
        self.language = language
        QLocale.setDefault(QLocale(_LOCALES.get(language, "en_GB")))
        try:
            loaded = self._install(language)
        finally:  # deliver LanguageChange now, so every window is retranslated at once
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.missing = "" if loaded else language
        self._installed = language if loaded else ""
        return loaded

    def close(self) -> None:
        """Remove the catalogues this manager installed and go back to the English source
        texts (when its app or a test ends). Sends no LanguageChange if nothing changed."""
        if self.language != "en":
            self.language = "en"
            QLocale.setDefault(QLocale(_LOCALES["en"]))
        self._installed = ""
        if self._translators:
            self._remove()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def _remove(self) -> None:
        for old in self._translators:
            self._app.removeTranslator(old)
        self._translators = []

    def _install(self, language: str) -> bool:
        translator = QTranslator(self._app)
        if not translator.load(self._path(language)):
            return False
        qt_name = QT_CATALOGUE.get(language)
        qt_own = QTranslator(self._app)  # Qt's standard buttons and dialogs
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_name and qt_own.load(qt_name, qt_dir):
            self._app.installTranslator(qt_own)
            self._translators.append(qt_own)
        self._app.installTranslator(translator)  # installed last: searched first
        self._translators.append(translator)
        return True
