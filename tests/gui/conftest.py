"""Fixtures for the GUI tests: an AppContext in tmp_path with the fast KDF."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.i18n import TranslationManager
from nam_desktop.gui.widgets.settings_store import SettingsStore
from nam_desktop.gui.widgets.workers import TaskRunner
from nam_desktop.paths import resolve_paths

PASSPHRASE = "correct horse battery"


@pytest.fixture
def ctx(qapp: QApplication, tmp_path: Path) -> Iterator[AppContext]:
    paths = resolve_paths(tmp_path / "home")
    paths.ensure()
    store = SettingsStore(paths.config)
    translations = TranslationManager(qapp)
    context = AppContext(paths, store, store.load(), TaskRunner(), translations,
                         kdf=MINIMUM_PARAMS)
    context.prompter.headless = True
    yield context
    context.runner.wait()
    # Back to English, with no catalogue left installed (nam_en.qm is one too): nothing
    # is retranslated when the test did not switch, so no LanguageChange reaches widgets
    # whose vault its fixtures already closed.
    translations.close()


@pytest.fixture
def gui_vault(ctx: AppContext) -> Iterator[Vault]:
    v = Vault.create(ctx.paths.default_vault, PASSPHRASE, kdf=MINIMUM_PARAMS, interviewer="INT-1")
    ctx.settings.remember_vault(v.folder)
    try:
        yield v
    finally:
        ctx.runner.wait()  # previews and imports still running use the vault
        v.close()
