"""Fixtures for the GUI tests: an AppContext in tmp_path with the fast KDF, and the
garbage collector confined to the GUI thread as in the app (``gui/widgets/gui_gc.py``).

``NAM_GUI_GC_STRESS=MS`` makes the GUI thread collect every generation every MS
milliseconds while its event loop turns (the conditions under which the suite used to
segfault, made frequent; 0 collects at every turn, slow enough to hit timeouts).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.startup.app_controller import AppController
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.gui_gc import GuiGarbageCollector
from nam_desktop.gui.widgets.i18n import TranslationManager
from nam_desktop.gui.widgets.messages import ScriptedPrompter, allow_test_doubles
from nam_desktop.gui.widgets.settings_store import SettingsStore
from nam_desktop.gui.widgets.workers import TaskRunner
from nam_desktop.paths import resolve_paths

PASSPHRASE = "correct horse battery"
allow_test_doubles()  # the scripted message boxes (messages.ScriptedPrompter)
GC_STRESS = os.environ.get("NAM_GUI_GC_STRESS", "")


@pytest.fixture(scope="package", autouse=True)
def gui_collector(qapp: QApplication) -> Iterator[GuiGarbageCollector]:
    """The GUI tests run with automatic collection off and the GUI thread collecting, as
    the app does (main.start_gui); the rest of the suite gets automatic collection back."""
    collector = GuiGarbageCollector(qapp)
    collector.install()
    stress = QTimer()
    if GC_STRESS.isdigit():
        stress.setInterval(int(GC_STRESS))
        stress.timeout.connect(gc.collect)
        stress.start()
    yield collector
    stress.stop()
    collector.uninstall()


@pytest.fixture(autouse=True)
def _release_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """After each test (and its fixtures: workers have finished), what the test left
    behind is destroyed here, on the GUI thread, and not during the next test."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def ctx(qapp: QApplication, tmp_path: Path, catalogues: None) -> Iterator[AppContext]:
    paths = resolve_paths(tmp_path / "home")
    paths.ensure()
    store = SettingsStore(paths.config)
    translations = TranslationManager(qapp)
    prompter = ScriptedPrompter()
    context = AppContext(paths, store, store.load(), TaskRunner(), translations, prompter,
                         kdf=MINIMUM_PARAMS)
    yield context
    context.runner.wait()
    # Back to English, with no catalogue left installed (nam_en.qm is one too): nothing
    # is retranslated when the test did not switch, so no LanguageChange reaches widgets
    # whose vault its fixtures already closed.
    translations.close()
    # A question the test did not script fails it, even where the app caught the error;
    # so does an answer scripted for a question that never came.
    assert not prompter.unscripted, f"unscripted questions: {prompter.unscripted}"
    assert prompter.pending == 0, f"{prompter.pending} scripted answers were not asked for"


@pytest.fixture
def gui_vault(ctx: AppContext) -> Iterator[Vault]:
    v = Vault.create(ctx.paths.default_vault, PASSPHRASE, kdf=MINIMUM_PARAMS, interviewer="INT-1")
    ctx.settings.remember_vault(v.folder)
    try:
        yield v
    finally:
        ctx.runner.wait()  # previews and imports still running use the vault
        v.close()


@pytest.fixture(scope="session")
def catalogues() -> None:
    """The compiled .qm catalogues, built from the committed .ts when missing or older
    (what `make run` does; a fresh clone has none)."""
    from nam_desktop.core.resources import resource_path
    from nam_desktop.gui import i18n_build

    for lang in i18n_build.LANGUAGES:
        ts, qm = i18n_build.ts_path(lang), resource_path(f"i18n/nam_{lang}.qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            i18n_build.lrelease(ts)


def walk_to_commit_page(wizard: Any, folder: Path, *, hq: bool = False) -> None:
    """First-run wizard: what to set up, the vault folder, the passphrase, then on to the
    commit page (the interviewer's name or the HQ station)."""
    wizard.language_page.hq_role.setChecked(hq)
    wizard.language_page.interviewer_role.setChecked(not hq)
    wizard.next()
    wizard.folder_page.folder.setText(str(folder))
    wizard.next()
    wizard.passphrase_page.first.setText(PASSPHRASE)
    wizard.passphrase_page.second.setText(PASSPHRASE)
    wizard.passphrase_page.understood.setChecked(True)
    wizard.next()


def started_controller(qtbot: QtBot, qapp: QApplication,
                       ctx: AppContext) -> Iterator[AppController]:
    """The app started on a closed vault, its unlock dialog showing; shut down after
    the test (a fixture yields from this)."""
    c = AppController(ctx, qapp)
    c.start()
    assert c.unlock_dialog is not None
    qtbot.addWidget(c.unlock_dialog)
    yield c
    c.shutdown()
    qapp.removeEventFilter(c.idle)
    if c.window is not None:
        c.window.close()


def unlock(qtbot: QtBot, c: AppController, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase into the showing unlock dialog and wait until unlocked."""
    assert c.unlock_dialog is not None and c.unlock_dialog.isVisible()
    c.unlock_dialog.passphrase.setText(passphrase)
    with qtbot.waitSignal(c.unlocked, timeout=10000):
        c.unlock_dialog.try_unlock()
