"""Fixtures for the GUI tests: an AppContext in tmp_path with the fast KDF."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
def ctx(qapp: QApplication, tmp_path: Path, catalogues: None) -> Iterator[AppContext]:
    paths = resolve_paths(tmp_path / "home")
    paths.ensure()
    store = SettingsStore(paths.config)
    translations = TranslationManager(qapp)
    context = AppContext(paths, store, store.load(), TaskRunner(), translations,
                         kdf=MINIMUM_PARAMS)
    context.prompter.headless = True
    yield context
    context.runner.wait()
    # Collect this test's garbage (widgets, vaults) now, while no worker runs: a collection
    # that starts in a later test while its worker is inside SQLCipher crashed the run
    # (issue 14 looks for the root cause).
    gc.collect()
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
