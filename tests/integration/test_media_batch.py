"""Cleaning many files at once (``clean_files``, ``media clean FILE... --out-dir DIR``):
the same bytes as one file at a time, whatever the number of workers, and the same
rules (nothing unverified written, nothing overwritten)."""

from __future__ import annotations

import io
import json
import shutil
import threading
from pathlib import Path

import pytest

from nam_desktop.cli import run
from nam_desktop.core.media import CleanStatus, clean
from nam_desktop.core.media.batch import FileResult, FileStatus, clean_files
from nam_desktop.core.media.batch_workers import choose_start_method

# Corpus files copied into tmp_path for each test (the corpus is never written to).
SAMPLES = [
    "exif-samples/jpg/gps/DSCN0010.jpg",
    "exif-samples/jpg/tests/35-empty.jpg",
    "exif-samples/jpg/invalid/image00971.jpg",
    "exif-samples/jpg/orientation/portrait_6.jpg",
    "exif-samples/jpg/Canon_40D.jpg",
    "exiftool-t-images/ExtendedXMP.jpg",
    "exiftool-t-images/IPTC.jpg",
    "mat2-tests-data/dirty.jpg",
    "mat2-tests-data/dirty.png",
    "mat2-tests-data/dirty.mp3",
    "exiftool-t-images/PDF.pdf",
]
BROKEN = "exif-samples/jpg/corrupted.jpg"  # invalid marker inside the scan


@pytest.fixture
def inputs(corpus: Path, tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for rel in SAMPLES:
        dst = folder / Path(rel).name
        shutil.copyfile(corpus / rel, dst)
        paths.append(dst)
    return paths


def _single(path: Path) -> bytes:
    result = clean(io.BytesIO(path.read_bytes()), filename=path.name)
    assert result.status is CleanStatus.CLEAN, (path.name, result.notes)
    return result.data.read()


def _summary(r: FileResult) -> tuple[object, ...]:
    return (r.status, r.found, r.removed, r.removed_groups, r.sha256_cleaned, r.message)


def test_batch_equals_single_file_clean(inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    results = clean_files(inputs, out, workers=2)
    assert [r.status for r in results] == [FileStatus.WRITTEN] * len(inputs)
    for src, result in zip(inputs, results, strict=True):
        written = (out / src.name).read_bytes()
        assert written == _single(src), src.name
        assert result.output == str(out / src.name)
        assert 1 <= sum(result.removed.values()) <= sum(result.found.values())
    assert not list(out.glob(".*.tmp"))
    # ... and the one-file command writes the same bytes.
    single = tmp_path / "single.jpg"
    assert run(["media", "clean", str(inputs[0]), str(single)]) == 0
    assert single.read_bytes() == (out / inputs[0].name).read_bytes()


def test_broken_file_refused_others_written(
    inputs: list[Path], corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = inputs[0].parent / "corrupted.jpg"
    shutil.copyfile(corpus / BROKEN, broken)
    files = [inputs[0], broken, inputs[1]]
    out = tmp_path / "out"
    assert run(["media", "clean", *map(str, files), "--out-dir", str(out), "--jobs", "2"]) == 2
    text = capsys.readouterr().out
    assert f"error: {broken}: malformed file: jpeg: invalid marker" in text
    assert f"clean: {inputs[0]} -> {out / inputs[0].name}: found " in text
    assert sorted(p.name for p in out.iterdir()) == sorted([inputs[0].name, inputs[1].name])
    # A format that is not handled is worse for the exit code (3), and not written.
    notes = inputs[0].parent / "notes.txt"
    notes.write_text("plain text")
    out2 = tmp_path / "out2"
    argv = ["media", "clean", str(broken), str(notes), str(inputs[2]), "--out-dir", str(out2)]
    assert run([*argv, "--json"]) == 3
    doc = json.loads(capsys.readouterr().out)
    assert [f["status"] for f in doc["files"]] == ["error", "not_checked", "written"]
    assert [f["exit_code"] for f in doc["files"]] == [2, 3, 0]
    assert doc["written"] == 1 and doc["exit_code"] == 3
    assert [p.name for p in out2.iterdir()] == [inputs[2].name]


def test_jobs_1_and_2_identical(inputs: list[Path], tmp_path: Path) -> None:
    docs = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        argv = ["media", "clean", *map(str, inputs), "--out-dir", str(out), "--json"]
        code = run([*argv, "--jobs", str(jobs)])
        docs.append((code, out))
    (code1, out1), (code2, out2) = docs
    assert code1 == code2 == 0
    for src in inputs:
        assert (out1 / src.name).read_bytes() == (out2 / src.name).read_bytes()
    one = clean_files(inputs, tmp_path / "a", workers=1)
    two = clean_files(inputs, tmp_path / "b", workers=2)
    assert [_summary(r) for r in one] == [_summary(r) for r in two]


def test_spawned_workers_give_the_same_bytes(inputs: list[Path], tmp_path: Path) -> None:
    forked = clean_files(inputs[:3], tmp_path / "f", workers=2)
    spawned = clean_files(inputs[:3], tmp_path / "s", workers=2, mp_start="spawn")
    assert [r.sha256_cleaned for r in forked] == [r.sha256_cleaned for r in spawned]
    assert all(r.written for r in spawned)


def test_existing_files_never_overwritten(
    inputs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    taken = out / inputs[1].name
    taken.write_bytes(b"not mine")
    argv = ["media", "clean", *map(str, inputs[:3]), "--out-dir", str(out), "--jobs", "2"]
    assert run(argv) == 2
    assert taken.read_bytes() == b"not mine"
    assert f"not written: {inputs[1]}: {taken}: output exists" in capsys.readouterr().out
    assert (out / inputs[0].name).read_bytes() == _single(inputs[0])
    # Run again: everything exists now, nothing changes.
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    results = clean_files(inputs[:3], out, workers=2)
    assert {r.status for r in results} == {FileStatus.EXISTS}
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    # Cleaning a folder into itself never replaces the originals.
    original = inputs[0].read_bytes()
    assert clean_files(inputs[:1], inputs[0].parent)[0].status is FileStatus.EXISTS
    assert inputs[0].read_bytes() == original


def test_same_output_name_twice(inputs: list[Path], tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    twin = other / inputs[0].name.upper()  # same name on a case-insensitive USB stick
    shutil.copyfile(inputs[1], twin)
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        results = clean_files([inputs[0], twin, inputs[0]], out, workers=workers)
        assert [r.status for r in results] == [
            FileStatus.WRITTEN,
            FileStatus.EXISTS,
            FileStatus.EXISTS,
        ]
        assert [p.name for p in out.iterdir()] == [inputs[0].name]
        assert (out / inputs[0].name).read_bytes() == _single(inputs[0])


def test_start_method_spawn_with_threads() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert choose_start_method() == "spawn"
    finally:
        stop.set()
        thread.join()


def test_a_missing_input_is_reported_once_and_exits_6(
    inputs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "gone.jpg"
    out = tmp_path / "out"
    assert run(["media", "clean", str(inputs[0]), str(missing), "--out-dir", str(out)]) == 6
    text = capsys.readouterr().out
    assert f"error: {missing}: cannot read input: not found; nothing written" in text
    assert text.count("not found") == 1
