"""The export wizard's drive list and space probe, on Qt's ``QStorageInfo`` (every OS).

``QStorageInfo`` knows each mounted volume's file system as the OS names it (``FAT32``
on Windows, ``msdos`` on macOS, ``vfat`` on Linux), whether it is read-only and its free
space; it cannot tell a USB stick from an internal disk, so which volumes are removable
comes from the core's per-OS query (:mod:`nam_desktop.core.host.volumes`). Both are
passed to :class:`~nam_desktop.gui.exchange.export_wizard.ExportWizard` through its ``drives``
and ``space`` seams; the core's own probes stay the fallback.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

from nam_desktop.core.exchange.destination import Drive, SpaceInfo
from nam_desktop.core.exchange.destination import space_info as core_space_info
from nam_desktop.core.host.volumes import VolumeQuery, for_platform


@dataclass(frozen=True)
class Storage:
    root: Path
    filesystem: str
    read_only: bool
    free: int


def _storage(info: QStorageInfo) -> Storage | None:
    if not info.isValid() or not info.isReady():
        return None
    fs = bytes(info.fileSystemType().data()).decode("utf-8", "replace")
    return Storage(Path(info.rootPath()), fs, info.isReadOnly(), max(0, info.bytesAvailable()))


def mounted() -> list[Storage]:
    return [s for s in map(_storage, QStorageInfo.mountedVolumes()) if s is not None]


def _key(path: Path) -> str:
    return os.path.normcase(os.path.normpath(str(path))).rstrip("\\/") or os.sep


def drives(volumes: Callable[[], list[Storage]] = mounted,
           query: VolumeQuery | None = None) -> list[Drive]:
    """Mounted removable drives (a USB stick, a memory card) with file system, free space
    and read-only state."""
    removable = {_key(v.root): v for v in (query or for_platform()).removable()}
    found = []
    for storage in volumes():
        core = removable.get(_key(storage.root))
        if core is None:
            continue
        found.append(Drive(storage.root, storage.filesystem or core.filesystem, storage.free,
                           storage.read_only or core.read_only))
    return sorted(found, key=lambda d: str(d.path))


def space(folder: Path, probe: Callable[[Path], Storage | None] | None = None,
          core: Callable[[Path], SpaceInfo] = core_space_info) -> SpaceInfo:
    """Free space, read-only state and file system of the volume holding ``folder``: Qt's
    answer, joined with the core's (read-only if either says so; Qt's file system name
    unless it has none)."""
    theirs = (probe or (lambda p: _storage(QStorageInfo(str(p)))))(folder)
    ours = core(folder)
    if theirs is None:
        return ours
    return SpaceInfo(theirs.free, theirs.read_only or ours.read_only,
                     theirs.filesystem or ours.filesystem)
