"""The one place that finds shipped resources (``resources/`` at the project root,
or beside the frozen executable)."""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath


def resources_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(relative: str) -> Path:
    """Path of a shipped resource. Refuses absolute names and ``..``."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in relative:
        raise ValueError(f"bad resource name: {relative!r}")
    return resources_root().joinpath(*pure.parts)
