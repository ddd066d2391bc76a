"""The file side of batch cleaning: new files only, never half-written, errors per file."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from media_samples import AUTHOR, make_jpeg

from nam_desktop.core.errors import Status, ValidationError
from nam_desktop.core.media.batch import FileResult, FileStatus, clean_files, publish, write_temp


def write_new(dst: Path, blocks: Iterator[bytes] | list[bytes]) -> None:
    """What the batch does for each verified copy: a temp file beside ``dst``, then
    fsynced and given the name (the folder is synced once per batch, elsewhere)."""
    publish(write_temp(dst, blocks), dst)


def test_write_new_creates_private_file_and_never_overwrites(tmp_path: Path) -> None:
    dst = tmp_path / "a.jpg"
    write_new(dst, [b"one", b"two"])
    assert dst.read_bytes() == b"onetwo"
    assert os.name != "posix" or stat.S_IMODE(dst.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        write_new(dst, [b"other"])
    assert dst.read_bytes() == b"onetwo"
    assert [p.name for p in tmp_path.iterdir()] == ["a.jpg"]  # no temp file left


def test_write_new_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """FAT and exFAT sticks have no hard links: the name is reserved, then replaced."""

    def no_links(src: object, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    dst = tmp_path / "b.jpg"
    write_new(dst, [b"data"])
    assert dst.read_bytes() == b"data"
    with pytest.raises(FileExistsError):
        write_new(dst, [b"other"])
    assert dst.read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == ["b.jpg"]


def test_failure_while_writing_leaves_nothing(tmp_path: Path) -> None:
    def blocks() -> Iterator[bytes]:
        yield b"first part"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_new(tmp_path / "c.jpg", blocks())
    assert list(tmp_path.iterdir()) == []


def test_in_process_results_in_order(tmp_path: Path) -> None:
    good = tmp_path / "good.jpg"
    good.write_bytes(make_jpeg())
    truncated = tmp_path / "truncated.jpg"
    truncated.write_bytes(make_jpeg()[:300])
    seen: list[FileResult] = []
    results = clean_files(
        [good, tmp_path / "missing.jpg", truncated, (good, tmp_path / "renamed.jpg")],
        tmp_path / "out",
        workers=1,
        progress=seen.append,
    )
    assert seen == results
    assert [r.status for r in results] == [
        FileStatus.WRITTEN,
        FileStatus.ERROR,
        FileStatus.ERROR,
        FileStatus.WRITTEN,
    ]
    assert results[1].error is Status.NOT_FOUND and results[1].message.startswith("cannot read")
    assert results[2].error is Status.MALFORMED_FILE
    assert AUTHOR.encode() not in (tmp_path / "out" / "good.jpg").read_bytes()
    assert (tmp_path / "renamed.jpg").read_bytes() == (tmp_path / "out" / "good.jpg").read_bytes()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.jpg"]
    doc = results[0].to_json()
    assert doc["status"] == "written" and doc["sha256_cleaned"] == results[0].sha256_cleaned


def test_output_folder_checked(tmp_path: Path) -> None:
    src = tmp_path / "x.jpg"
    src.write_bytes(make_jpeg())
    with pytest.raises(ValidationError):
        clean_files([src], tmp_path / "no" / "such" / "dir")
    with pytest.raises(ValidationError):
        clean_files([src], src)  # a file, not a folder
    with pytest.raises(ValidationError):
        clean_files([src])  # no folder for a plain path


def test_nothing_to_clean(tmp_path: Path) -> None:
    assert clean_files([], tmp_path / "out", workers=2) == []
