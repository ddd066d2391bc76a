"""The app's own small settings file (JSON in the config folder).

Holds only the language, timers, the panic-lock choice and the folders of recently
opened *vaults*: never a media path, a file name or any testimony content. Written 0600, atomically.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from nam_desktop.core import fileio

SETTINGS_FILE = "settings.json"
MAX_RECENT = 5
LANGUAGES = ("en", "ru", "be")


@dataclass
class Settings:
    language: str = "en"
    idle_lock_seconds: int = 300
    autosave_seconds: int = 3
    recent_vaults: list[str] = field(default_factory=list)
    panic_neutral_title: bool = False  # after a panic lock: a neutral title, minimised

    def remember_vault(self, folder: Path) -> None:
        text = str(Path(folder).resolve())
        self.recent_vaults = [text] + [v for v in self.recent_vaults if v != text]
        del self.recent_vaults[MAX_RECENT:]


class SettingsStore:
    def __init__(self, config_dir: Path) -> None:
        self._path = Path(config_dir) / SETTINGS_FILE

    @property
    def path(self) -> Path:
        return self._path

    def load(self) -> Settings:
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return Settings()
        if not isinstance(raw, dict):
            return Settings()
        s = Settings()
        if raw.get("language") in LANGUAGES:
            s.language = raw["language"]
        for name, low, high in (("idle_lock_seconds", 5, 24 * 3600), ("autosave_seconds", 1, 60)):
            value = raw.get(name)
            if isinstance(value, int) and not isinstance(value, bool):
                setattr(s, name, max(low, min(high, value)))
        if isinstance(raw.get("panic_neutral_title"), bool):
            s.panic_neutral_title = raw["panic_neutral_title"]
        recent = raw.get("recent_vaults")
        if isinstance(recent, list):
            s.recent_vaults = [v for v in recent if isinstance(v, str)][:MAX_RECENT]
        return s

    def save(self, settings: Settings) -> None:
        self._path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        text = json.dumps(asdict(settings), indent=2)
        fileio.atomic_write(self._path, text.encode("utf-8"))
