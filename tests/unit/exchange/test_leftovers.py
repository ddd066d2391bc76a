"""Leftovers of interrupted exports: removed only when provably ours (our temporary name
pattern AND the age header, or a stem this vault recorded), everything else untouched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nam_desktop.core.exchange import leftovers

AGE = b"age-encryption.org/v1\n-> X25519 abc\n"
STEM = "0123456789abcdef"
OTHER = "fedcba9876543210"


def make(folder: Path, name: str, data: bytes = AGE + b"\x00" * 100) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_temp_parts_with_the_age_header_are_removed(tmp_path: Path) -> None:
    make(tmp_path, f".{OTHER}.1.0a0b0c0d.tmp")  # another vault's, or a forgotten one
    make(tmp_path, f".{STEM}.1.12345678.tmp")
    found = leftovers.clean(tmp_path, {})
    assert sorted(found.removed) == [f".{STEM}.1.12345678.tmp", f".{OTHER}.1.0a0b0c0d.tmp"]
    assert names(tmp_path) == [] and found.kept == [] and found.failed == []


def test_without_the_header_only_a_recorded_stem_is_ours(tmp_path: Path) -> None:
    make(tmp_path, f".{STEM}.2.12345678.tmp", b"\x8a" * 50)  # a later part: no header
    make(tmp_path, f".{STEM}.3.12345678.tmp", b"")  # killed before its first byte
    make(tmp_path, f".{OTHER}.2.12345678.tmp", b"\x8a" * 50)  # not recorded, no header
    found = leftovers.clean(tmp_path, {STEM: "interrupted"})
    assert sorted(found.removed) == [f".{STEM}.2.12345678.tmp", f".{STEM}.3.12345678.tmp"]
    assert names(tmp_path) == [f".{OTHER}.2.12345678.tmp"]


@pytest.mark.parametrize("name", [
    "notes.tmp", f".{STEM}.1.1234567.tmp", f".{STEM}.0.12345678.tmp", f"{STEM}.1.12345678.tmp",
    f".{STEM.upper()}.1.12345678.tmp", f".{STEM}.1.12345678.tmp.bak", f".{STEM}x.1.12345678.tmp",
    "photo.jpg", f"{OTHER}.age",
])
def test_other_names_are_never_touched_even_with_an_age_header(tmp_path: Path,
                                                               name: str) -> None:
    make(tmp_path, name)
    assert leftovers.clean(tmp_path, {}).found is False
    assert names(tmp_path) == [name]


def test_a_folder_or_link_with_our_name_is_not_touched(tmp_path: Path) -> None:
    (tmp_path / f".{STEM}.1.12345678.tmp").mkdir()
    target = make(tmp_path, "evidence.bin")
    os.symlink(target, tmp_path / f".{OTHER}.1.12345678.tmp")
    assert leftovers.clean(tmp_path, {STEM: "interrupted", OTHER: "interrupted"}).found is False
    assert target.read_bytes().startswith(AGE)
    assert len(names(tmp_path)) == 3


def test_renamed_parts_of_an_unfinished_rename_are_removed(tmp_path: Path) -> None:
    """Part 1 was renamed, part 2 not yet: the bundle is incomplete; all of it goes."""
    make(tmp_path, f"{STEM}.age.001")
    make(tmp_path, f".{STEM}.2.12345678.tmp", b"\x8a" * 50)
    found = leftovers.clean(tmp_path, {STEM: "interrupted"})
    assert sorted(found.removed) == [f".{STEM}.2.12345678.tmp", f"{STEM}.age.001"]
    assert names(tmp_path) == []


def test_a_whole_bundle_of_an_interrupted_export_is_kept_and_reported(tmp_path: Path) -> None:
    make(tmp_path, f"{STEM}.age.001")
    make(tmp_path, f"{STEM}.age.002", b"\x8a" * 50)
    make(tmp_path, f"{OTHER}.age")  # an earlier, completed bundle: not in the journal
    found = leftovers.clean(tmp_path, {STEM: "interrupted"})
    assert found.removed == [] and found.kept == [f"{STEM}.age.001", f"{STEM}.age.002"]
    assert len(names(tmp_path)) == 3


@pytest.mark.parametrize("state", ["failed", "cancelled"])
def test_bundles_of_failed_attempts_are_removed(tmp_path: Path, state: str) -> None:
    """e.g. the read-back differed and the stick was pulled before the removal."""
    make(tmp_path, f"{STEM}.age")
    found = leftovers.clean(tmp_path, {STEM: state})
    assert found.removed == [f"{STEM}.age"] and names(tmp_path) == []


def test_a_file_that_cannot_be_removed_is_reported(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    stuck = make(tmp_path, f".{STEM}.1.12345678.tmp")
    make(tmp_path, f".{OTHER}.1.12345678.tmp")
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self == stuck:
            raise PermissionError(13, "in use")  # e.g. open in another program on Windows
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    found = leftovers.clean(tmp_path, {})
    assert found.failed == [stuck.name] and found.removed == [f".{OTHER}.1.12345678.tmp"]


def test_a_missing_destination_is_no_error(tmp_path: Path) -> None:
    assert leftovers.clean(tmp_path / "gone", {STEM: "interrupted"}).found is False
