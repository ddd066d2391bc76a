"""Frozen application (issue 8): bundle size and start-up time of the PyInstaller build.

Runs only when a build exists (`make package` leaves it in dist/nam-desktop/); otherwise
it records nothing. Measures the executable a user runs, not the source tree:

* size of the one-folder bundle (and of the release tarball when present);
* `nam-desktop --version`: the first run (page cache not dropped: dropping it needs root
  and disturbs a shared machine, so "first" is only as cold as the machine happens to
  be) and the median of warm runs; the same command from the source venv beside it;
* the desktop app starting offscreen and quitting, when nam_desktop/gui supports the
  NAM_QUIT_AFTER_STARTUP_MS seam (see packaging/smoke_test.sh).

No vault, no testimony: start-up only.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "nam-desktop"
EXE = BUNDLE / ("nam-desktop.exe" if os.name == "nt" else "nam-desktop")
QUIT_SEAM = "NAM_QUIT_AFTER_STARTUP_MS"
WARM_ROUNDS = 5
GUI_ROUNDS = 3


def _folder_size(folder: Path) -> tuple[int, int]:
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def largest_parts(folder: Path, top: int = 15) -> list[tuple[str, int]]:
    """The biggest parts of the bundle: Qt libraries one by one, Qt plugins by kind,
    every other top-level folder of ``_internal`` as a whole."""
    sizes: dict[str, int] = {}
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        parts = path.relative_to(folder).parts
        if parts[:4] == ("_internal", "PySide6", "Qt", "lib"):
            key = "/".join(parts[:5])  # one library
        elif parts[:3] == ("_internal", "PySide6", "Qt") and len(parts) > 4:
            key = "/".join(parts[:5 if len(parts) > 5 else 4]) + "/"  # plugins/<kind>/, ...
        elif parts[:2] == ("_internal", "PySide6"):
            key = "/".join(parts[:3])  # a binding module (QtCore.abi3.so, ...)
        elif parts[0] == "_internal" and len(parts) > 2:
            key = "/".join(parts[:2]) + "/"
        else:
            key = "/".join(parts)
        sizes[key] = sizes.get(key, 0) + path.stat().st_size
    return sorted(sizes.items(), key=lambda kv: kv[1], reverse=True)[:top]


def _timed_run(cmd: list[str], env: dict[str, str], timeout: float = 120) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=timeout)
    return time.perf_counter() - start


def _has_seam() -> bool:
    gui = ROOT / "nam_desktop" / "gui"
    return any(QUIT_SEAM in p.read_text("utf-8", errors="replace") for p in gui.rglob("*.py"))


def _mib(n: float) -> float:
    return n / 1024 / 1024


def run(results: dict[str, Any]) -> None:
    if not EXE.exists():
        return
    with tempfile.TemporaryDirectory(prefix="nam-bench-package-") as tmp:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tmp,
               "NAM_HOME": str(Path(tmp) / "nam"), "QT_QPA_PLATFORM": "offscreen",
               "LANG": "C.UTF-8"}
        first = _timed_run([str(EXE), "--version"], env)
        warm = [_timed_run([str(EXE), "--version"], env) for _ in range(WARM_ROUNDS)]
        source = [_timed_run([sys.executable, "-m", "nam_desktop", "--version"],
                             {**env, "PYTHONPATH": str(ROOT)}) for _ in range(3)]
        gui: list[float] = []
        if _has_seam():
            gui_env = {**env, QUIT_SEAM: "1"}
            gui = [_timed_run([str(EXE)], {**gui_env, "NAM_HOME": str(Path(tmp) / f"g{i}")})
                   for i in range(GUI_ROUNDS)]

    size, files = _folder_size(BUNDLE)
    parts = largest_parts(BUNDLE)
    tarballs = sorted((ROOT / "dist").glob("nam-desktop-*.tar.gz"))
    tar_size = tarballs[-1].stat().st_size if tarballs else None
    out: dict[str, Any] = {
        "bundle_mib": round(_mib(size), 1), "bundle_files": files,
        "tarball_mib": round(_mib(tar_size), 1) if tar_size else None,
        "version_first_s": round(first, 3),
        "version_warm_median_s": round(statistics.median(warm), 3),
        "version_source_median_s": round(statistics.median(source), 3),
        "gui_start_quit_median_s": round(statistics.median(gui), 3) if gui else None,
        "largest_parts": [[name, round(_mib(n), 1)] for name, n in parts],
    }
    rows = [
        "## Frozen application (issue 8)",
        "",
        "| measure | result |",
        "| --- | --- |",
        f"| one-folder bundle `dist/nam-desktop/` | {out['bundle_mib']} MiB, {files} files |",
    ]
    if tar_size:
        rows.append(f"| release tarball `{tarballs[-1].name}` | {out['tarball_mib']} MiB |")
    rows += [
        f"| `nam-desktop --version`, first run (page cache not dropped) | "
        f"{out['version_first_s']:.2f} s |",
        f"| `nam-desktop --version`, warm, median of {WARM_ROUNDS} | "
        f"{out['version_warm_median_s']:.2f} s |",
        f"| same from the source venv (`python -m nam_desktop --version`), median of 3 | "
        f"{out['version_source_median_s']:.2f} s |",
    ]
    if gui:
        rows.append(f"| desktop app: start offscreen to first window and quit "
                    f"({QUIT_SEAM}=1), median of {GUI_ROUNDS} | "
                    f"{out['gui_start_quit_median_s']:.2f} s |")
    else:
        rows.append(f"| desktop app start | not measured: no `{QUIT_SEAM}` seam in "
                    "nam_desktop/gui yet |")
    rows += ["", "`--version` imports no command module (the CLI registers only the "
             "command it runs). The one-folder build unpacks nothing at start; it reads "
             "Python modules from an archive in `_internal/`. The machine is shared, so "
             "single runs vary by a few tenths of a second.", "",
             "Largest parts of the bundle (Qt libraries and plugins one by one, other "
             "folders of `_internal/` as a whole):", "",
             "| part | MiB |", "| --- | --- |",
             *(f"| `{name}` | {mib:.1f} |" for name, mib in out["largest_parts"])]
    out["markdown"] = "\n".join(rows)
    results["package"] = out


if __name__ == "__main__":
    res: dict[str, Any] = {}
    run(res)
    print(res.get("package", {}).get("markdown", "no build in dist/nam-desktop"))
