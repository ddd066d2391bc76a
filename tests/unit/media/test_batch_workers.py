"""Batch cleaning never asks Windows for more than 61 worker processes
(ProcessPoolExecutor raises ValueError there above 61)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from nam_desktop.core.media import batch, batch_workers


def test_the_limit_is_windows_only() -> None:
    assert batch_workers.worker_limit(windows=True) == 61
    assert batch_workers.worker_limit(windows=False) is None


def test_a_many_core_windows_machine_gets_61(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 128)
    monkeypatch.setattr(batch_workers, "worker_limit", lambda: 61)
    assert batch_workers.default_workers() == 61
    monkeypatch.setattr(batch_workers, "worker_limit", lambda: None)
    assert batch_workers.default_workers() == 128


def test_jobs_above_the_limit_are_clamped(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    def fake_run(jobs: Any, todo: Any, n_workers: int, *rest: Any) -> Any:
        seen.append(n_workers)
        for i in todo:  # no process started: every file "failed"
            yield batch.FileResult(jobs[i][0], jobs[i][1], batch.FileStatus.ERROR, message="-")

    sources = []
    for i in range(5):
        src = tmp_path / f"{i}.txt"
        src.write_text("x", "utf-8")
        sources.append(str(src))
    monkeypatch.setattr(batch, "_run", fake_run)
    monkeypatch.setattr(batch_workers, "worker_limit", lambda: 3)
    # A machine with more cores than the limit (workers never exceed the cores either).
    monkeypatch.setattr(batch.os, "sched_getaffinity", lambda _pid: set(range(100)),
                        raising=False)
    results = batch.clean_files(sources, tmp_path / "out", workers=100)
    assert seen == [3] and len(results) == 5
