"""The forked worker pool (POSIX): results in chunk order, a dead worker stops the run
without hanging, and an early stop leaves no worker and discards what was not taken."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from nam_desktop.core.media.batch_fork import WorkerStopped, run_forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def _slow_first(chunk: tuple[int, float]) -> tuple[int, int]:
    number, pause = chunk
    time.sleep(pause)
    return number, os.getpid()


def _assert_reaped(pids: set[int]) -> None:
    for pid in pids:
        with pytest.raises(ChildProcessError):  # waited for already: not a zombie
            os.waitpid(pid, os.WNOHANG)


def test_results_come_in_chunk_order_from_every_worker() -> None:
    # Early chunks are the slowest: later ones finish first and must wait their turn.
    chunks = [(i, 0.05 if i < 2 else 0.0) for i in range(12)]
    run = run_forked(chunks, _slow_first, 2)
    results = list(run)
    run.close()
    assert [number for number, _ in results] == list(range(12))
    pids = {pid for _, pid in results}
    assert len(pids) == 2 and os.getpid() not in pids
    _assert_reaped(pids)


def test_a_result_larger_than_a_pipe_buffer_arrives_whole() -> None:
    def big(chunk: int) -> bytes:
        return bytes([chunk]) * 3_000_000

    run = run_forked(list(range(4)), big, 2)
    assert [r == bytes([i]) * 3_000_000 for i, r in enumerate(run)] == [True] * 4
    run.close()


def test_a_worker_killed_from_outside_stops_the_run_without_hanging() -> None:
    def pid_then_sleep(chunk: int) -> int:
        if chunk >= 2:
            time.sleep(30)  # killed before it ends
        return os.getpid()

    run = run_forked(list(range(6)), pid_then_sleep, 2)
    got = iter(run)
    first = next(got)
    second = next(got)
    os.kill(first, signal.SIGKILL)
    started = time.monotonic()
    with pytest.raises(WorkerStopped):
        next(got)
    os.kill(second, signal.SIGKILL)  # the other one sleeps too: end it for close()
    run.close()
    assert time.monotonic() - started < 20
    _assert_reaped({first, second})


def test_the_chunks_a_dead_worker_took_are_reported_lost_with_its_pid() -> None:
    def dies_on_three(chunk: int) -> int:
        if chunk == 3:
            os._exit(9)  # as a kill would
        return os.getpid()

    lost: list[tuple[int, int]] = []
    run = run_forked(list(range(8)), dies_on_three, 2,
                     lost=lambda chunk, pid: lost.append((chunk, pid)))
    pids = set()
    with pytest.raises(WorkerStopped):
        for pid in run:
            pids.add(pid)
    run.close()
    assert 3 in [chunk for chunk, _ in lost]
    (dead,) = {pid for chunk, pid in lost if chunk == 3}
    assert all(pid == dead for _, pid in lost)  # only the dead worker's chunks
    assert len(lost) == len({chunk for chunk, _ in lost}) <= 2  # each once, at most two
    _assert_reaped({dead})


def test_a_fork_that_fails_leaves_no_pipe_open(monkeypatch: pytest.MonkeyPatch) -> None:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to count open descriptors")
    real_fork = os.fork
    calls = []

    def fork_once() -> int:
        calls.append(1)
        if len(calls) == 2:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real_fork()

    before = sorted(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(os, "fork", fork_once)
    with pytest.raises(BlockingIOError):
        run_forked(list(range(4)), _slow_first, 2)
    monkeypatch.setattr(os, "fork", real_fork)
    assert sorted(os.listdir("/proc/self/fd")) == before


def test_an_exception_a_worker_cannot_report_stops_the_run() -> None:
    def fails_on_three(chunk: int) -> int:
        if chunk == 3:
            raise MemoryError
        return chunk

    run = run_forked(list(range(8)), fails_on_three, 2)
    seen = []
    with pytest.raises(WorkerStopped):
        for result in run:
            seen.append(result)
    run.close()
    assert seen == [0, 1, 2]  # everything before the lost chunk, in order


def test_stopping_early_discards_every_result_made_and_ends_the_workers(
    tmp_path: Path,
) -> None:
    parts, begun = tmp_path / "parts", tmp_path / "begun"
    parts.mkdir()
    begun.mkdir()

    def touch(chunk: int) -> str:
        (begun / str(chunk)).touch()
        if chunk:  # still at work when the run is stopped: its result comes late
            time.sleep(0.3)
        path = parts / f"{chunk}.part"
        path.write_bytes(b"x")
        return str(path)

    discarded: list[str] = []
    run = run_forked(list(range(40)), touch, 2, discard=discarded.append)
    results = iter(run)  # kept: a dropped iterator stops the run at once
    first = next(results)
    deadline = time.monotonic() + 10
    while not [p for p in begun.iterdir() if p.name != "0"] and time.monotonic() < deadline:
        time.sleep(0.01)
    run.close()
    made = sorted(p.name for p in parts.iterdir())
    assert first in discarded  # given, but the caller stopped: it may not be taken whole
    assert sorted(Path(p).name for p in discarded) == made  # nothing made is forgotten
    assert len(made) >= 2  # a chunk begun when the run stopped is finished, then discarded
    assert len(made) < 40  # the stop flag: no chunk begun after it
    run.close()  # a second close does nothing


def test_closing_before_iterating_ends_the_workers(tmp_path: Path) -> None:
    def note_pid() -> None:
        (tmp_path / str(os.getpid())).touch()

    run = run_forked([0.0, 0.0], lambda pause: os.getpid(), 2, initializer=note_pid)
    run.close()
    pids = {int(p.name) for p in tmp_path.iterdir()}
    assert len(pids) == 2  # both started (the initializer runs before any work)...
    _assert_reaped(pids)  # ...and were waited for: no zombie, none left running


def test_the_initializer_runs_in_each_worker_before_work() -> None:
    marks: list[str] = []

    def mark() -> None:
        marks.append("set")  # the worker's own copy of the list

    run = run_forked([0, 1, 2, 3], lambda _c: list(marks), 2, initializer=mark)
    assert list(run) == [["set"]] * 4
    run.close()
    assert marks == []  # not in this process
