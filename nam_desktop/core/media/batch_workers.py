"""How many worker processes a batch of files gets, and how they start (Qt-free).

:func:`auto_workers` starts a pool only when the work it saves exceeds what starting it
costs, never with more workers than cores (:func:`default_workers`); other programs' load
does not lower the number (on busy cores two workers still get a larger share of them
than one: docs/benchmarks.md). :func:`choose_start_method` picks ``fork`` only where it is
safe. Used by :mod:`nam_desktop.core.media.batch`.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Sequence

# Windows: ProcessPoolExecutor refuses more than 61 workers (WaitForMultipleObjects).
WINDOWS_MAX_WORKERS = 61


def worker_limit(windows: bool = os.name == "nt") -> int | None:
    return WINDOWS_MAX_WORKERS if windows else None


def default_workers() -> int:
    """Cores this process may run on (at most 61 on Windows)."""
    try:
        cores = max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        cores = max(1, os.cpu_count() or 1)
    limit = worker_limit()
    return min(cores, limit) if limit else cores


#: What a pool of worker processes costs before the first file (start, feed, shut down),
#: and what cleaning costs per file and per byte (read, verify, write, fsync): measured
#: for JPEGs on the 2-core benchmark machine (docs/benchmarks.md, "A folder of photos").
_POOL_START_S = {"fork": 0.06, "spawn": 0.6}  # spawn: each worker imports the cleaner
_FILE_COST_S = 0.0025
_BYTE_COST_S = 1 / 100e6


def estimated_seconds(jobs: Sequence[tuple[str, str]]) -> float:
    """A rough single-process cleaning time for ``jobs`` (sizes from the file system)."""
    size = 0
    for src, _ in jobs:
        with contextlib.suppress(OSError):  # a missing file costs an error line, no more
            size += os.stat(src).st_size
    return len(jobs) * _FILE_COST_S + size * _BYTE_COST_S


def auto_workers(jobs: Sequence[tuple[str, str]], method: str, cores: int) -> int:
    """Worker processes that finish ``jobs`` soonest: one (this process) unless the work
    saved by sharing it exceeds what starting the pool costs; never more than ``cores``."""
    work = estimated_seconds(jobs)
    start = _POOL_START_S.get(method, _POOL_START_S["spawn"])
    best, best_s = 1, work
    for n in range(2, max(1, min(cores, len(jobs))) + 1):
        if start + work / n < best_s:
            best, best_s = n, start + work / n
    return best


def choose_start_method() -> str:
    """``fork`` when it is safe (one thread, a platform where fork is usual), else
    ``spawn``."""
    if sys.platform == "darwin" or not hasattr(os, "fork"):  # Windows has no fork
        return "spawn"  # macOS system libraries are not fork-safe (CPython's own default)
    if threading.active_count() != 1:
        return "spawn"
    try:
        if len(os.listdir("/proc/self/task")) != 1:  # native threads (Qt, libraries)
            return "spawn"
    except OSError:
        pass  # no /proc: the Python threads counted above are all we can see
    return "fork"
