"""The export wizard's default drive list and space probe: Qt's QStorageInfo (file system
as every OS names it, read-only, free) joined with the core's removable-drive query."""

from __future__ import annotations

from pathlib import Path

import pytest

from nam_desktop.core.exchange import destination
from nam_desktop.core.host.volumes import Volume
from nam_desktop.gui.exchange import storage_info
from nam_desktop.gui.exchange.storage_info import Storage


class Removable:
    def __init__(self, *found: Volume) -> None:
        self.found = list(found)

    def volume_of(self, folder: Path) -> Volume | None:
        return None

    def removable(self) -> list[Volume]:
        return self.found


def test_only_removable_volumes_are_listed_with_qt_details() -> None:
    mounted = [Storage(Path("C:/"), "NTFS", False, 10**12),
               Storage(Path("E:/"), "FAT32", False, 7 * 10**9),
               Storage(Path("G:/"), "exFAT", False, 10**9)]
    core = Removable(Volume(Path("E:/"), "FAT32", False),
                     Volume(Path("G:/"), "exFAT", True),  # write-protected: core knows
                     Volume(Path("H:/"), "FAT", False))  # not mounted any more
    found = storage_info.drives(lambda: mounted, core)
    assert found == [destination.Drive(Path("E:/"), "FAT32", 7 * 10**9, False),
                     destination.Drive(Path("G:/"), "exFAT", 10**9, True)]


def test_space_joins_qt_and_the_core() -> None:
    def core(_: Path) -> destination.SpaceInfo:
        return destination.SpaceInfo(5, True, "")

    qt = Storage(Path("/Volumes/STICK"), "msdos", False, 123)
    info = storage_info.space(Path("/Volumes/STICK/x"), lambda _: qt, core)
    assert info == destination.SpaceInfo(123, True, "msdos")
    assert destination.part_size_for(info.filesystem) == destination.FAT32_PART_SIZE
    assert storage_info.space(Path("/x"), lambda _: None, core) == core(Path("/x"))


def test_real_qstorageinfo_of_a_folder(tmp_path: Path) -> None:
    info = storage_info.space(tmp_path)
    assert info.free > 0 and info.filesystem and not info.read_only
    assert any(s.root == Path("/") for s in storage_info.mounted())


@pytest.mark.parametrize("default", ["list_drives", "space"])
def test_the_wizard_uses_qstorageinfo_by_default(default: str, qtbot: object, ctx: object,
                                                 pinned: object) -> None:
    from nam_desktop.gui.exchange.export_wizard import ExportWizard

    wizard = ExportWizard(ctx, pinned.iv)  # type: ignore[arg-type, attr-defined]
    try:
        expected = storage_info.drives if default == "list_drives" else storage_info.space
        assert getattr(wizard, default) is expected
    finally:
        wizard.deleteLater()
