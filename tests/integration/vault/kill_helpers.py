"""Running a CLI command as a real process and killing it (SIGKILL) at points spread over
its working time; shared by the kill -9 tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

FRACTIONS = (0.2, 0.45, 0.7, 0.95)  # of the working time (after interpreter start-up)


def cmd(*args: object) -> list[str]:
    return [sys.executable, "-m", "nam_desktop", *map(str, args)]


def startup(env: dict[str, str]) -> float:
    start = time.monotonic()
    subprocess.run(cmd("--version"), env=env, check=True, capture_output=True)
    return time.monotonic() - start


def kill_points(args: list[str], env: dict[str, str], fresh: Callable[[], None],
                fractions: tuple[float, ...] = FRACTIONS) -> Iterator[int]:
    """Run ``args`` to the end once (timed), then kill it at each of ``fractions`` of its
    working time; ``fresh`` restores the starting state before each run. Yields the
    return code of each killed run, after which the caller checks the state."""
    fresh()
    start = time.monotonic()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    total = time.monotonic() - start
    assert done.returncode == 0, done.stderr
    boot = min(startup(env), total * 0.8)
    for fraction in fractions:
        fresh()
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(boot + (total - boot) * fraction)
        proc.kill()
        yield proc.wait(timeout=60)


def restore(template: Path, target: Path, *also: Path) -> Callable[[], None]:
    """Copy ``template`` to ``target`` afresh; empty the folders ``also``."""
    def fresh() -> None:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(template, target)
        for folder in also:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()

    return fresh


def kill_when(args: list[str], env: dict[str, str], fresh: Callable[[], None],
              conditions: dict[str, Callable[[], bool]], *, timeout: float = 120.0
              ) -> Iterator[tuple[str, int]]:
    """For each named condition: start ``args`` afresh and kill it (SIGKILL) as soon as
    the condition holds (polled every half millisecond: a file appeared or went away).
    Yields (name, return code); a code other than -9 means the command ended before the
    condition was seen."""
    for name, condition in conditions.items():
        fresh()
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while proc.poll() is None and time.monotonic() < deadline:
            if condition():
                proc.kill()
                break
            time.sleep(0.0005)
        else:
            if proc.poll() is None:
                proc.kill()
        yield name, proc.wait(timeout=60)
