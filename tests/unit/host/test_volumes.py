"""Volumes per OS, with fakes of the platform layer: Windows (kernel32 functions that fill
the same ctypes buffers), macOS (a ``statfs`` that fills ``struct statfs``), Linux (a mount
table). FAT is found on every OS, so a bundle over 4 GiB is split; a write-protected stick
is read-only on Windows without ``os.access``."""

from __future__ import annotations

import ctypes
import os
from pathlib import Path
from typing import Any

import pytest

from nam_desktop.core.exchange import destination as d
from nam_desktop.core.host import macos, volumes, windows


# ---- Windows ----------------------------------------------------------------------------
class FakeKernel32:
    """The kernel32 functions WindowsApi calls, filling buffers as Windows does."""

    def __init__(self, drives: dict[str, tuple[int, tuple[str, int] | None]]) -> None:
        self.drives = drives  # root -> (drive type, (file system, flags) or no medium)

    def GetLogicalDrives(self) -> int:  # Win32 names
        return sum(1 << (ord(root[0]) - 65) for root in self.drives)

    def GetDriveTypeW(self, root: str) -> int:
        return self.drives[root][0]

    def GetVolumePathNameW(self, path: str, buf: Any, size: int) -> int:
        root = path[:3]
        if root not in self.drives or size < 4:
            return 0
        buf.value = root
        return 1

    def GetVolumeInformationW(self, root: str, name: Any, name_size: int, serial: Any,
                              max_len: Any, flags: Any, fs_name: Any, fs_size: int) -> int:
        info = self.drives.get(root, (0, None))[1]
        if info is None:
            return 0  # no medium in the drive
        fs_name.value = info[0]
        flags._obj.value = info[1]  # a byref() to a c_uint32
        return 1


DRIVES = {
    "C:\\": (3, ("NTFS", 0x02)),
    "E:\\": (windows.DRIVE_REMOVABLE, ("FAT32", 0x02)),
    "F:\\": (windows.DRIVE_REMOVABLE, None),  # an empty card reader
    "G:\\": (windows.DRIVE_REMOVABLE, ("exFAT", windows.FILE_READ_ONLY_VOLUME)),
}


@pytest.fixture
def win() -> volumes.WindowsVolumes:
    return volumes.WindowsVolumes(windows.WindowsApi(kernel32=FakeKernel32(DRIVES)))


def test_windows_file_system_of_a_folder(win: volumes.WindowsVolumes) -> None:
    stick = win.volume_of(Path("E:\\bundles\\today"))
    assert stick == volumes.Volume(Path("E:\\"), "FAT32", False)
    assert win.volume_of(Path("C:\\Users\\Ана")).filesystem == "NTFS"  # type: ignore[union-attr]
    assert win.volume_of(Path("Q:\\nowhere")) is None


def test_windows_lists_removable_drives_with_a_medium(win: volumes.WindowsVolumes) -> None:
    found = win.removable()
    assert [(str(v.root), v.filesystem, v.read_only) for v in found] == [
        ("E:\\", "FAT32", False), ("G:\\", "exFAT", True)]


def test_windows_fat32_splits_and_a_write_protected_stick_is_read_only(
        win: volumes.WindowsVolumes) -> None:
    assert d.default_part_size(Path("E:\\x"), win) == d.FAT32_PART_SIZE
    assert d.default_part_size(Path("G:\\x"), win) is None  # exFAT holds large files
    assert d.default_part_size(Path("C:\\x"), win) is None
    protected = win.volume_of(Path("G:\\"))
    assert volumes.read_only(Path("."), protected)  # without asking os.access


# ---- macOS ------------------------------------------------------------------------------
def fake_statfs(mounts: dict[str, tuple[str, str, int]]) -> macos.StatfsFunction:
    """``statfs(path, &buf)``: the longest mount point holding path fills buf."""

    def statfs(path: bytes, ref: Any) -> int:
        text = path.decode()
        best = max((m for m in mounts if text == m or text.startswith(m.rstrip("/") + "/")),
                   key=len, default=None)
        if best is None:
            return -1
        fstype, point, flags = mounts[best]
        buf = ref._obj
        assert isinstance(buf, macos.StatFs) and ctypes.sizeof(buf) == 2168
        buf.f_fstypename = fstype.encode()
        buf.f_mntonname = point.encode()
        buf.f_flags = flags
        return 0

    return statfs


@pytest.fixture
def mac(tmp_path: Path) -> volumes.MacVolumes:
    vols = tmp_path / "Volumes"
    for name in ("STICK", "Macintosh HD", "Share", "NAM Desktop 0.1.0", "Preboot", "plain"):
        (vols / name).mkdir(parents=True)
    local = macos.MNT_LOCAL
    mounts = {
        "/": ("apfs", "/", local | macos.MNT_ROOTFS),
        f"{vols}/STICK": ("msdos", f"{vols}/STICK", local),
        f"{vols}/Macintosh HD": ("apfs", "/", local | macos.MNT_ROOTFS),  # a link to /
        f"{vols}/Share": ("smbfs", f"{vols}/Share", 0),
        f"{vols}/NAM Desktop 0.1.0": ("hfs", f"{vols}/NAM Desktop 0.1.0",
                                      local | macos.MNT_RDONLY),
        f"{vols}/Preboot": ("apfs", f"{vols}/Preboot", local | macos.MNT_DONTBROWSE),
    }
    return volumes.MacVolumes(macos.MacApi(fake_statfs(mounts)), vols)


@pytest.mark.skipif(os.name != "posix", reason="statfs mount points are POSIX paths")
def test_macos_lists_local_volumes_other_than_the_boot_volume(
        mac: volumes.MacVolumes, tmp_path: Path) -> None:
    found = [(v.root.name, v.filesystem, v.read_only) for v in mac.removable()]
    assert found == [("NAM Desktop 0.1.0", "hfs", True), ("STICK", "msdos", False)]


@pytest.mark.skipif(os.name != "posix", reason="statfs mount points are POSIX paths")
def test_macos_fat_stick_splits(mac: volumes.MacVolumes, tmp_path: Path) -> None:
    folder = tmp_path / "Volumes" / "STICK" / "out"
    assert d.filesystem_type(folder, mac) == "msdos"
    assert d.default_part_size(folder, mac) == d.FAT32_PART_SIZE
    assert d.default_part_size(tmp_path, mac) is None  # apfs


# ---- Linux and the export wizard's list ---------------------------------------------------
def test_fat_names_of_every_os() -> None:
    for name in ("vfat", "msdos", "FAT32", "FAT", "fat16", "FAT12 "):
        assert volumes.is_fat(name), name
    for name in ("exFAT", "NTFS", "apfs", "ext4", ""):
        assert not volumes.is_fat(name), name


@pytest.mark.skipif(os.name != "posix", reason="a Linux mount table holds POSIX paths")
def test_linux_volume_of_the_longest_mount_point(tmp_path: Path) -> None:
    table = f"/dev/vda / ext4 rw 0 0\n/dev/sdb1 {tmp_path}/stick vfat ro,nosuid 0 0\n"
    linux = volumes.LinuxVolumes(lambda: table)
    assert linux.volume_of(tmp_path / "stick" / "a") == volumes.Volume(
        tmp_path / "stick", "vfat", True)
    assert linux.volume_of(tmp_path).filesystem == "ext4"  # type: ignore[union-attr]


class FakeQuery:
    def __init__(self, found: list[volumes.Volume]) -> None:
        self.found = found

    def volume_of(self, folder: Path) -> volumes.Volume | None:
        return next((v for v in self.found if folder == v.root), None)

    def removable(self) -> list[volumes.Volume]:
        return self.found


def test_drive_list_has_free_space_and_skips_a_drive_that_went_away(tmp_path: Path) -> None:
    (tmp_path / "E").mkdir()
    query = FakeQuery([volumes.Volume(tmp_path / "E", "FAT32", False),
                       volumes.Volume(tmp_path / "gone", "exFAT", False)])
    [drive] = d.removable_drives(volumes=query)
    assert drive.path == tmp_path / "E" and drive.filesystem == "FAT32" and drive.free > 0
    info = d.space_info(tmp_path / "E", query)
    assert info.filesystem == "FAT32" and not info.read_only
