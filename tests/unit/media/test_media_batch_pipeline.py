"""Batch cleaning names each verified copy while the next file is cleaned, and starts
worker processes only when the work pays for them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from media_samples import make_jpeg

from nam_desktop.core.media import CleanStatus, batch, clean
from nam_desktop.core.media.batch import FileStatus, clean_files


def _inputs(tmp_path: Path, n: int) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for i in range(n):
        path = folder / f"p{i}.jpg"
        path.write_bytes(make_jpeg())
        paths.append(path)
    return paths


def test_interrupted_mid_chunk_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _inputs(tmp_path, 6)
    real = batch.clean_one
    calls = []

    def stop_at_the_fourth(*args: object, **kwargs: object) -> batch.FileResult:
        calls.append(args[0])
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "clean_one", stop_at_the_fourth)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        clean_files(inputs, out, workers=1)
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.startswith(".")]  # no temp file left behind
    assert set(names) <= {"p0.jpg", "p1.jpg", "p2.jpg"}
    expected = clean(io.BytesIO(make_jpeg()), filename="p.jpg")
    assert expected.status is CleanStatus.CLEAN
    good = expected.data.read()
    for name in names:  # whatever got its name is complete
        assert (out / name).read_bytes() == good


def test_every_file_of_a_chunk_is_named_before_its_results_return(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path, 5)
    seen: list[FileStatus] = []

    def named(result: batch.FileResult) -> None:
        seen.append(result.status)
        assert Path(result.output).read_bytes()  # progress comes after the file is named

    results = clean_files(inputs, tmp_path / "out", workers=1, progress=named)
    assert seen == [FileStatus.WRITTEN] * 5
    assert all(Path(r.output).is_file() for r in results)
