"""`media clean FILE... --out-dir` when one of its worker processes is killed (kill -9
from outside, as the OOM killer would): the command says so per file, exits 1 without a
traceback, and leaves no hidden temp copy and no copy that is not whole and clean."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nam_desktop.core.media import CleanStatus, clean

pytestmark = pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
    reason="finds the worker processes through /proc (Linux)",
)

PHOTO = "exif-samples/jpg/gps/DSCN0010.jpg"
FILES = 1500  # about a second of work on two cores: time to kill a worker mid-run


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text("utf-8")
    except OSError:
        return []
    return [int(p) for p in text.split()]


def test_a_killed_worker_leaves_no_temp_copy_and_says_so(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    inputs = []
    for i in range(FILES):
        dst = folder / f"{i:04d}.jpg"
        shutil.copyfile(corpus / PHOTO, dst)
        inputs.append(dst)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "nam_desktop", "media", "clean", *map(str, inputs),
           "--out-dir", str(out), "--jobs", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8")
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and proc.poll() is None and time.monotonic() < deadline:
        workers = _children(proc.pid)
        named = out.is_dir() and any(not p.name.startswith(".") for p in out.iterdir())
        if len(workers) == 2 and named:  # killed once some copies are named
            killed = workers[0]
            os.kill(killed, signal.SIGKILL)
        time.sleep(0.005)
    stdout, stderr = proc.communicate(timeout=120)
    if killed is None:
        pytest.fail("the command ended before a worker could be killed: make FILES larger")
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr
    # (each file's line is on stdout, as the other outcomes are)
    stopped = [line for line in stdout.splitlines() if "worker process stopped" in line]
    assert stopped, stdout[-2000:]
    assert all(line.endswith("; nothing written") for line in stopped)
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no temp copy
    written = sorted(out.iterdir())
    assert 0 < len(written) < FILES
    assert f"{len(written)} of {FILES} files written" in stdout
    expected = clean(io.BytesIO((corpus / PHOTO).read_bytes()), filename="p.jpg")
    assert expected.status is CleanStatus.CLEAN
    whole = expected.data.read()
    assert all(p.read_bytes() == whole for p in written)  # each one whole and clean
