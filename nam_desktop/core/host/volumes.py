"""Which volume holds a folder (file system, read-only), and which drives are removable.

One query per OS behind the same interface (:func:`for_platform`):

* Linux: ``/proc/mounts`` (mount point, type, ``ro``); drives under the usual removable
  media folders (``/media``, ``/run/media``, ``/mnt``).
* Windows: ``GetVolumePathNameW`` + ``GetVolumeInformationW`` (``FAT32``, ``exFAT``,
  ``NTFS``; ``FILE_READ_ONLY_VOLUME`` is how a write-protected stick shows),
  ``GetLogicalDrives`` + ``GetDriveTypeW == DRIVE_REMOVABLE`` for the drive list.
* macOS: ``statfs`` (``f_fstypename``: ``msdos`` for FAT, ``exfat``, ``apfs``; ``MNT_RDONLY``);
  drives are the local volumes mounted under ``/Volumes`` other than the boot volume.

FAT (any of its names on any OS) cannot hold a file of 4 GiB: :func:`is_fat` tells the
export to split.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from nam_desktop.core.host import macos, windows

# Lower case. Linux: vfat/msdos/fat/umsdos; Windows: FAT, FAT32 (FAT12/16 on old media);
# macOS: msdos. exFAT is not FAT here: it holds large files.
FAT_NAMES = frozenset({"vfat", "msdos", "fat", "fat12", "fat16", "fat32", "umsdos"})
LINUX_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/")
# Memory and kernel file systems mounted under those folders are not drives to carry.
VIRTUAL_FILESYSTEMS = frozenset({
    "tmpfs", "devtmpfs", "ramfs", "proc", "sysfs", "overlay", "squashfs", "autofs",
    "cgroup", "cgroup2", "securityfs", "debugfs", "tracefs", "nsfs", "bpf", "devpts",
})


def is_fat(filesystem: str) -> bool:
    return filesystem.strip().lower() in FAT_NAMES


@dataclass(frozen=True)
class Volume:
    root: Path  # mount point or drive root
    filesystem: str  # as the OS names it ("" when unknown)
    read_only: bool


class VolumeQuery(Protocol):
    def volume_of(self, folder: Path) -> Volume | None: ...
    def removable(self) -> list[Volume]: ...


def _read_mounts() -> str:
    try:
        return Path("/proc/mounts").read_text("utf-8", errors="replace")
    except OSError:
        return ""


class LinuxVolumes:
    def __init__(self, mounts: Callable[[], str] = _read_mounts,
                 roots: tuple[str, ...] = LINUX_REMOVABLE_ROOTS) -> None:
        self._mounts = mounts
        self._roots = roots

    def _table(self) -> list[tuple[str, str, bool]]:
        rows = []
        for line in self._mounts().splitlines():
            fields = line.split()
            if len(fields) < 4:
                continue
            point = fields[1].replace("\\040", " ")
            rows.append((point, fields[2], "ro" in fields[3].split(",")))
        return rows

    def volume_of(self, folder: Path) -> Volume | None:
        try:
            target = str(folder.resolve())
        except OSError:
            return None
        best: tuple[str, str, bool] | None = None
        for point, kind, ro in self._table():
            inside = target == point or target.startswith(point.rstrip("/") + "/")
            if inside and (best is None or len(point) >= len(best[0])):
                best = (point, kind, ro)
        return Volume(Path(best[0]), best[1], best[2]) if best else None

    def removable(self) -> list[Volume]:
        return [Volume(Path(point), kind, ro) for point, kind, ro in self._table()
                if kind not in VIRTUAL_FILESYSTEMS and point.startswith(self._roots)
                and Path(point).is_dir()]


class WindowsVolumes:
    def __init__(self, api: windows.WindowsApi | None = None) -> None:
        self._api = api or windows.WindowsApi()

    def _volume(self, root: str) -> Volume | None:
        info = self._api.volume_info(root)
        if info is None:
            return None
        name, flags = info
        return Volume(Path(root), name, bool(flags & windows.FILE_READ_ONLY_VOLUME))

    def volume_of(self, folder: Path) -> Volume | None:
        root = self._api.volume_root(str(folder))
        return self._volume(root) if root else None

    def removable(self) -> list[Volume]:
        found = []
        for root in self._api.drive_roots():
            if self._api.drive_type(root) != windows.DRIVE_REMOVABLE:
                continue
            volume = self._volume(root)  # None: a card reader with no card
            if volume is not None:
                found.append(volume)
        return found


class MacVolumes:
    def __init__(self, api: macos.MacApi | None = None,
                 volumes_dir: Path = Path("/Volumes")) -> None:
        self._api = api or macos.MacApi()
        self._dir = volumes_dir

    def volume_of(self, folder: Path) -> Volume | None:
        mount = self._api.mount_of(str(folder))
        if mount is None:
            return None
        return Volume(Path(mount.mount_point), mount.fstype, mount.read_only)

    def removable(self) -> list[Volume]:
        try:
            entries = sorted(self._dir.iterdir())
        except OSError:
            return []
        found = []
        for entry in entries:
            mount = self._api.mount_of(str(entry))
            if mount is None or mount.mount_point != str(entry):
                continue  # not a mount point ("Macintosh HD" is a link to /)
            if mount.flags & (macos.MNT_ROOTFS | macos.MNT_DONTBROWSE):
                continue
            if not mount.flags & macos.MNT_LOCAL:
                continue  # a network share is not a drive to carry
            found.append(Volume(entry, mount.fstype, mount.read_only))
        return found


def for_platform(platform: str = sys.platform) -> VolumeQuery:
    if platform == "win32":
        return WindowsVolumes()
    if platform == "darwin":
        return MacVolumes()
    return LinuxVolumes()


def read_only(folder: Path, volume: Volume | None) -> bool:
    """Whether nothing can be written in ``folder``: the volume says so (a write-protected
    stick), or (POSIX) the mount flags or the folder's permissions do. On Windows
    ``os.access`` is True for every folder, so only the volume counts there."""
    if volume is not None and volume.read_only:
        return True
    if os.name != "posix":
        return False
    if bool(os.statvfs(folder).f_flag & os.ST_RDONLY):
        return True
    return not os.access(folder, os.W_OK)
