"""The spawned worker pool (the batch's path on Windows and macOS): a worker that dies
stops the run, and the temp copies it left are found by name and removed, as a forked
worker's are by its pid."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from pool_work import write_then_die_on

from nam_desktop.core.media.batch import start_workers
from nam_desktop.core.media.batch_fork import WorkerStopped


def test_a_spawned_worker_that_dies_leaves_no_temp_copy(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    jobs = [(str(tmp_path / f"in{i}.jpg"), str(out / f"p{i:02d}.jpg")) for i in range(12)]
    chunks = [jobs[k : k + 3] for k in range(0, len(jobs), 3)]
    work = functools.partial(write_then_die_on, "p07.jpg")  # in the third chunk
    run = start_workers(chunks, work, 2, "spawn", None)
    try:
        with pytest.raises(WorkerStopped):
            list(run)
    finally:
        run.close()
    assert sorted(p.name for p in out.iterdir()) == []  # every chunk's temp copies gone


def test_only_the_temp_copies_of_the_lost_outputs_are_removed(tmp_path: Path) -> None:
    """Without a pid (a pool's worker), any writer's temp copy of a lost output goes; a
    named file, another output's temp copy and a file that only looks alike stay."""
    from nam_desktop.core.media.batch_naming import remove_lost

    keep = ["p01.jpg", ".p02.jpg.123.0011aabb.tmp", ".p01.jpg.x12.0011aabb.tmp",
            ".p01.jpg.123.short.tmp"]
    gone = [".p01.jpg.123.0011aabb.tmp", ".p01.jpg.9.ffffffff.tmp"]
    for name in keep + gone:
        (tmp_path / name).write_bytes(b"x")
    remove_lost([("in", str(tmp_path / "p01.jpg"))], None)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(keep)
    (tmp_path / gone[0]).write_bytes(b"x")
    remove_lost([("in", str(tmp_path / "p01.jpg"))], 9)  # a forked worker's pid: only its own
    assert (tmp_path / gone[0]).exists()
