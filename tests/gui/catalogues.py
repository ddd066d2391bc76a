"""Helpers of the translation tests: the committed .ts catalogues compiled afresh.

Tests load .qm files built from the .ts in the tree into a temporary folder (with the
project's own ``pyside6-lrelease``), never the .qm a developer last built in
``resources/i18n`` (which may be stale or missing).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

from nam_desktop.gui import i18n_build


def compile_catalogues(folder: Path) -> dict[str, Path]:
    """language -> .qm compiled from the committed .ts, in ``folder``."""
    out = {}
    for lang in i18n_build.LANGUAGES:
        ts = folder / i18n_build.ts_path(lang).name
        shutil.copy(i18n_build.ts_path(lang), ts)
        out[lang] = i18n_build.lrelease(ts)
    return out


@contextmanager
def translated(qm: Path) -> Iterator[QTranslator]:
    """Install the catalogue ``qm`` for the duration (widgets get LanguageChange)."""
    app = QCoreApplication.instance()
    assert app is not None
    # Widgets of earlier tests (closed, deleteLater) go first: they must not be
    # retranslated against vaults their tests have closed.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    app.installTranslator(translator)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    try:
        yield translator
    finally:
        app.removeTranslator(translator)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def tr(context: str, source: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, source, None, n)
