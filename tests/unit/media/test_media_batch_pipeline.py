"""Batch cleaning names each verified copy while the next file is cleaned, and starts
worker processes only when the work pays for them."""

from __future__ import annotations

import io
import multiprocessing
import os
from pathlib import Path
from typing import Any

import pytest
from media_samples import make_jpeg

from nam_desktop.core.media import (
    CleanStatus,
    batch,
    batch_naming,
    batch_threads,
    batch_workers,
    clean,
)
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


def _jobs(n: int) -> list[tuple[str, str]]:
    return [(f"/nonexistent/in{i}.jpg", f"/nonexistent/out{i}.jpg") for i in range(n)]


def test_a_pool_only_when_the_work_pays_for_it() -> None:
    assert batch_workers.auto_workers(_jobs(3), "fork", 8) == 1  # a few photos: this process
    many = batch_workers.auto_workers(_jobs(500), "fork", 2)
    assert many == 2
    assert batch_workers.auto_workers(_jobs(5000), "fork", 4) == 4
    assert batch_workers.auto_workers(_jobs(5000), "fork", 1) == 1  # never more than the cores
    # Starting spawned workers costs more: the same work stays in this process.
    auto = batch_workers.auto_workers
    break_even = next(n for n in range(1, 2000) if auto(_jobs(n), "fork", 2) > 1)
    assert batch_workers.auto_workers(_jobs(break_even), "spawn", 2) == 1


def test_the_estimate_counts_bytes(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(b"\0" * 4_000_000)
    estimate = batch_workers.estimated_seconds
    assert estimate([(str(big), "x")]) > estimate(_jobs(1))


def test_small_batches_start_no_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool was started for three photos")

    monkeypatch.setattr(batch, "start_workers", no_pool)
    results = clean_files(_inputs(tmp_path, 3), tmp_path / "out")
    assert [r.status for r in results] == [FileStatus.WRITTEN] * 3


def test_explicit_workers_never_exceed_the_cores(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "default_workers", lambda: 1)
    monkeypatch.setattr(batch, "start_workers", None)  # any use would fail
    results = clean_files(_inputs(tmp_path, 4), tmp_path / "out", workers=8)
    assert all(r.written for r in results)


def test_other_programs_load_does_not_lower_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On busy cores two workers still get a larger share of them than one (measured:
    docs/benchmarks.md): the machine's load average is not consulted."""
    started: list[int] = []
    real_start = batch.start_workers

    def counted(chunks: object, work: object, n_workers: int, *rest: object) -> object:
        started.append(n_workers)
        return real_start(chunks, work, n_workers, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "getloadavg", lambda: (9.0, 9.0, 9.0), raising=False)
    monkeypatch.setattr(batch, "default_workers", lambda: 2)
    monkeypatch.setattr(batch_workers, "_FILE_COST_S", 1.0)  # as if every file were big work
    monkeypatch.setattr(batch, "start_workers", counted)
    assert all(r.written for r in clean_files(_inputs(tmp_path, 3), tmp_path / "out"))
    assert started == [2]


def test_each_copy_is_synced_before_its_name_and_the_folder_once_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _inputs(tmp_path, 70)  # more than one chunk
    out = tmp_path / "out"
    events: list[tuple[str, str]] = []
    real_sync, real_dir = batch_naming.fileio.sync_path, batch_naming.fsync_dir

    def sync_path(path: Path | str) -> None:
        tmp = Path(path)
        assert tmp.name.startswith(".") and tmp.read_bytes()  # the temp copy, complete
        name = tmp.name[1:].split(".jpg.")[0] + ".jpg"
        assert not (tmp.parent / name).exists()  # not yet named
        events.append(("file", name))
        real_sync(path)

    def sync_dir(folder: Path | str) -> None:
        events.append(("folder", str(folder)))
        real_dir(folder)

    monkeypatch.setattr(batch_naming.fileio, "sync_path", sync_path)
    monkeypatch.setattr(batch_naming, "fsync_dir", sync_dir)
    results = clean_files(inputs, out, workers=1)
    assert all(r.written for r in results)
    assert sorted(n for kind, n in events if kind == "file") == sorted(p.name for p in inputs)
    assert events[-1] == ("folder", str(out))  # once, after every copy was named
    assert [e for e in events if e[0] == "folder"] == [("folder", str(out))]


def test_an_interrupted_batch_still_syncs_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _inputs(tmp_path, 40)
    out = tmp_path / "out"
    synced: list[str] = []
    monkeypatch.setattr(batch_naming, "fsync_dir", lambda folder: synced.append(str(folder)))

    def stop(result: batch.FileResult) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        clean_files(inputs, out, workers=1, progress=stop)
    assert synced == [str(out)]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp file left


def test_in_this_process_one_stream_names_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No group of files waits for its last fsyncs before the next is cleaned: one
    pool of naming threads serves the whole batch, and every file is named once."""
    pools: list[object] = []
    named: list[str] = []
    real_publish = batch_naming.publish

    class CountedPool(batch_threads.Threads):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pools.append(self)
            super().__init__(*args, **kwargs)

    def publish(tmp: Path, dst: Path) -> None:
        named.append(dst.name)
        real_publish(tmp, dst)

    monkeypatch.setattr(batch_naming, "Threads", CountedPool)
    monkeypatch.setattr(batch_naming, "publish", publish)
    inputs = _inputs(tmp_path, 70)
    results = clean_files(inputs, tmp_path / "out", workers=1)
    assert [Path(r.source).name for r in results] == [p.name for p in inputs]  # in order
    assert all(r.written for r in results)
    assert len(pools) == 1
    assert sorted(named) == sorted(p.name for p in inputs)


def test_with_workers_this_process_names_every_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers only clean; the copies are fsynced and named here, so a worker never
    waits for an fsync at the end of its chunk."""
    named: list[str] = []
    real_publish = batch_naming.publish

    def publish(tmp: Path, dst: Path) -> None:
        named.append(dst.name)  # in this process's memory: a worker's call is not seen
        real_publish(tmp, dst)

    monkeypatch.setattr(batch_naming, "publish", publish)
    inputs = _inputs(tmp_path, 40)
    results = clean_files(inputs, tmp_path / "out", workers=2)
    assert all(r.written for r in results)
    assert [Path(r.source).name for r in results] == [p.name for p in inputs]
    assert sorted(named) == sorted(p.name for p in inputs)


def test_workers_interrupted_leave_no_temp_file(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path, 60)
    out = tmp_path / "out"
    seen: list[batch.FileResult] = []

    def stop_after_the_first(result: batch.FileResult) -> None:
        seen.append(result)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        clean_files(inputs, out, workers=2, progress=stop_after_the_first)
    names = [p.name for p in out.iterdir()]
    assert not [n for n in names if n.startswith(".")]  # cleaned, never named: removed
    assert len(seen) == 1 and seen[0].written and Path(seen[0].output).name in names
    assert len(names) < len(inputs)  # stopped: the rest were not named
    expected = clean(io.BytesIO(make_jpeg()), filename="p.jpg").data.read()
    assert all((out / n).read_bytes() == expected for n in names)  # what is named is whole


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_worker_that_dies_costs_only_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed mid-chunk (out of memory, killed by hand): every file before it
    is named whole, every later one is an error that says so, and the copies of chunks
    already cleaned but not named are removed."""
    parent = os.getpid()
    real = batch.clean_one

    def dies_on_p12(src: str, *args: object, **kwargs: object) -> batch.FileResult:
        if os.getpid() != parent and Path(src).name == "p12.jpg":
            os._exit(9)  # as a kill would: no clean-up in the worker
        return real(src, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "clean_one", dies_on_p12)
    inputs = _inputs(tmp_path, 40)
    out = tmp_path / "out"
    results = clean_files(inputs, out, workers=2, mp_start="fork")
    statuses = [r.status for r in results]
    first_error = statuses.index(FileStatus.ERROR)
    assert first_error <= 12
    assert statuses == [FileStatus.WRITTEN] * first_error + [FileStatus.ERROR] * (
        len(inputs) - first_error
    )
    assert all(r.message == "worker process stopped"
               for r in results[first_error:])
    for r in results[first_error:]:
        assert not Path(r.output).exists()
    expected = clean(io.BytesIO(make_jpeg()), filename="p.jpg").data.read()
    for r in results[:first_error]:
        assert Path(r.output).read_bytes() == expected
    # The other worker's chunk in progress is finished and its copies removed; the dead
    # worker's copies of the files before p12 in its chunk are found by its pid.
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []
