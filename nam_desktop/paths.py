"""Where the app keeps its files: one place, on platformdirs, with overrides.

* ``NAM_HOME`` (or the ``home`` argument) puts everything under one folder (tests).
* Portable mode: a file named ``nam-portable`` beside the executable (or the package
  root when run from source) keeps vaults, settings and logs beside it, on the stick.
* macOS App Translocation: a downloaded (quarantined) app started where it lies runs
  from a random read-only copy (``.../AppTranslocation/...``), where the portable marker
  cannot be seen; data would silently go to the Mac instead of the stick. The app refuses
  to start then (:class:`TranslocatedError`); docs/packaging.md says what to do.

Directories are created 0700 before anything is written into them.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "nam-desktop"
APP_ID = "org.nam.Desktop"
PORTABLE_MARKER = "nam-portable"
TRANSLOCATION_MARK = "/AppTranslocation/"
TRANSLOCATED_HELP = (
    "macOS started NAM Desktop from a temporary read-only copy (App Translocation), "
    "so it cannot find its portable folder and would keep its data on this Mac. Move "
    "NAM Desktop to the Applications folder, or, for portable use from a stick, remove "
    "the download mark once in Terminal: xattr -dr com.apple.quarantine "
    "\"/Volumes/STICK/NAM Desktop.app\" (see docs/packaging.md).")


class TranslocatedError(Exception):
    """The frozen macOS app runs from an App Translocation copy."""


def is_translocated(executable: Path) -> bool:
    return TRANSLOCATION_MARK in executable.as_posix()


@dataclass(frozen=True)
class AppPaths:
    data: Path  # default location for new vaults
    config: Path  # settings (no media paths, no content)
    logs: Path
    portable: bool

    @property
    def default_vault(self) -> Path:
        return self.data / "vault"

    def ensure(self) -> None:
        for folder in (self.data, self.config, self.logs):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if os.name == "posix":
                os.chmod(folder, 0o700)


def executable_dir() -> Path:
    """The folder the portable marker is looked for in.

    Frozen on macOS the executable is ``X.app/Contents/MacOS/nam-desktop``; the marker
    sits beside ``X.app`` on the stick (a file inside the signed bundle would break its
    signature), so the folder holding the ``.app`` counts.
    """
    if getattr(sys, "frozen", False):
        executable = Path(sys.executable).resolve()
        if is_translocated(executable):
            raise TranslocatedError(TRANSLOCATED_HELP)
        return bundle_root(executable)
    return Path(__file__).resolve().parents[1]


def bundle_root(executable: Path) -> Path:
    folder = executable.parent
    if (folder.name == "MacOS" and folder.parent.name == "Contents"
            and folder.parent.parent.suffix == ".app"):
        return folder.parent.parent.parent
    return folder


def resolve_paths(home: Path | None = None) -> AppPaths:
    env_home = os.environ.get("NAM_HOME")
    if home is None and env_home:
        home = Path(env_home)
    if home is not None:
        return AppPaths(home / "data", home / "config", home / "logs", portable=False)
    base = executable_dir()
    if (base / PORTABLE_MARKER).exists():
        root = base / "nam-data"
        return AppPaths(root / "vaults", root / "config", root / "logs", portable=True)
    return AppPaths(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        portable=False,
    )
