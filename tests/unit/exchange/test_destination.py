"""Destination helpers: part names, finding all parts, listing removable drives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nam_desktop.core.exchange import destination as d


def test_final_names() -> None:
    assert d.final_names("ab", 1) == ["ab.age"]
    assert d.final_names("ab", 3) == ["ab.age.001", "ab.age.002", "ab.age.003"]


def test_bundle_parts_finds_every_part_in_order(tmp_path: Path) -> None:
    for name in ("x.age.002", "x.age.001", "x.age.003", "y.age.001"):
        (tmp_path / name).write_bytes(b"")
    expected = [tmp_path / f"x.age.00{i}" for i in (1, 2, 3)]
    assert d.bundle_parts(tmp_path / "x.age.002") == expected
    assert d.bundle_parts(tmp_path / "single.age") == [tmp_path / "single.age"]


def test_part_writer_splits_and_hashes(tmp_path: Path) -> None:
    import hashlib

    w = d.PartWriter(tmp_path, part_size=10)
    for _ in range(5):
        w.write(b"0123456")
    paths = w.complete()
    assert [p.stat().st_size for p in paths] == [10, 10, 10, 5]
    joined = b"".join(p.read_bytes() for p in paths)
    assert joined == b"0123456" * 5 and w.sha256 == hashlib.sha256(joined).hexdigest()
    assert d.read_back_sha256(paths) == (w.sha256, 35)
    assert sorted(tmp_path.iterdir()) == paths  # no temporary file left


def test_discard_removes_everything(tmp_path: Path) -> None:
    w = d.PartWriter(tmp_path, part_size=4)
    w.write(b"0123456789")
    w.discard()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="a Linux mount table holds POSIX paths")
def test_removable_drives_from_mount_table(tmp_path: Path) -> None:
    stick = tmp_path / "media" / "STICK"
    stick.mkdir(parents=True)
    table = (f"/dev/sdb1 {stick} vfat rw,nosuid 0 0\n"
             f"/dev/sdc1 {tmp_path}/media/gone vfat rw 0 0\n"
             "/dev/vda / ext4 rw 0 0\n")
    [drive] = d.removable_drives(table, roots=(str(tmp_path / "media") + "/",))
    assert drive.path == stick and drive.filesystem == "vfat" and drive.free > 0
    assert not drive.read_only
    table_ro = f"/dev/sdb1 {stick} vfat ro,nosuid 0 0\n"
    assert d.removable_drives(table_ro, roots=(str(tmp_path / "media") + "/",))[0].read_only


@pytest.mark.skipif(os.name != "posix", reason="a Linux mount table holds POSIX paths")
def test_memory_file_systems_under_mnt_are_not_drives(tmp_path: Path) -> None:
    media = tmp_path / "media"
    (media / "ram").mkdir(parents=True)
    (media / "STICK").mkdir()
    table = (f"none {media}/ram tmpfs ro,size=4k 0 0\n"
             f"/dev/sdb1 {media}/STICK exfat rw 0 0\n")
    drives = d.removable_drives(table, roots=(str(media) + "/",))
    assert [x.path.name for x in drives] == ["STICK"]
