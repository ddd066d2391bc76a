"""A FAT destination (as Windows, macOS or Linux names it) makes the export split, with
the file system taken from the preflight's probe (the GUI's QStorageInfo)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nam_desktop.core.exchange import destination, export, hq_import

from .conftest import Station


@pytest.mark.parametrize("fs", ["FAT32", "msdos", "vfat"])
def test_a_fat_destination_splits_the_bundle(station: Station, usb: Path, fs: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(destination, "FAT32_PART_SIZE", 1000)  # "4 GiB", scaled down

    def probe(folder: Path) -> destination.SpaceInfo:
        return destination.SpaceInfo(1 << 40, False, fs)

    result = export.export_bundle(station.iv, usb, export.ExportOptions(), space=probe)
    assert len(result.paths) > 1
    assert all(p.stat().st_size == 1000 for p in result.paths[:-1])
    hq_import.import_bundle(station.hq, result.paths)


def test_exfat_and_ntfs_do_not_split(station: Station, usb: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(destination, "FAT32_PART_SIZE", 1000)
    for fs in ("exFAT", "NTFS"):
        result = export.export_bundle(
            station.iv, usb, export.ExportOptions(),
            space=lambda _p, fs=fs: destination.SpaceInfo(1 << 40, False, fs))  # type: ignore[misc]
        assert len(result.paths) == 1
