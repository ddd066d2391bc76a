"""The collaborators every window needs, passed in through constructors."""

from __future__ import annotations

from dataclasses import dataclass, field

from nam_desktop.core.crypto.kdf import DEFAULT_PARAMS, KdfParams
from nam_desktop.gui.widgets.file_dialogs import FileDialogs
from nam_desktop.gui.widgets.i18n import TranslationManager
from nam_desktop.gui.widgets.messages import Prompter
from nam_desktop.gui.widgets.settings_store import Settings, SettingsStore
from nam_desktop.gui.widgets.workers import TaskRunner
from nam_desktop.paths import AppPaths


@dataclass
class AppContext:
    paths: AppPaths
    store: SettingsStore
    settings: Settings
    runner: TaskRunner
    translations: TranslationManager
    prompter: Prompter = field(default_factory=Prompter)
    dialogs: FileDialogs = field(default_factory=FileDialogs)
    kdf: KdfParams = DEFAULT_PARAMS  # tests pass MINIMUM_PARAMS

    def save_settings(self) -> None:
        self.store.save(self.settings)
