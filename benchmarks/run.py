"""``make bench``: run every benchmark module and write docs/benchmarks.md.

Benchmarks use synthetic data (random bytes, generated testimonies) or the public
corpus; never real testimony. Each module exposes ``run(results: dict) -> None``.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MODULES = ["bench_vault", "bench_search", "bench_cli", "bench_media", "bench_exchange",
           "bench_summary", "bench_recording", "bench_gui", "bench_scale", "bench_package"]
ROOT = Path(__file__).resolve().parents[1]


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}")


def main(argv: list[str]) -> int:
    wanted = argv or MODULES
    raw = ROOT / "docs" / "benchmarks.json"
    # Running some modules keeps the other modules' last results (each section is dated
    # by the whole file's date; run `make bench` for one consistent run). The file is read
    # again just before writing, so two partial runs at once keep each other's sections.
    results: dict[str, Any] = {}
    for name in wanted:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError:
            continue
        print(f"== {name}", flush=True)
        start = time.perf_counter()
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        try:
            module.run(results)
        except Exception:  # one failing benchmark must not hide the others
            results[f"{name}_error"] = traceback.format_exc(limit=3)
        if load is not None:  # the machine is shared: say how busy it was
            loads = results.setdefault("load", {})
            loads[name] = [round(load, 1), round(os.getloadavg()[0], 1)]
        print(f"   {time.perf_counter() - start:.1f} s", flush=True)
    if argv and raw.exists():
        earlier = json.loads(raw.read_text("utf-8"))
        for name in wanted:  # an error of an earlier run of a module run now is stale
            earlier.pop(f"{name}_error", None)
        loads = {**earlier.get("load", {}), **results.get("load", {})}
        results = {**earlier, **results}
        if loads:
            results["load"] = loads
    out = ROOT / "docs" / "benchmarks.md"
    from benchmarks.report import render

    out.write_text(render(results, _machine(), datetime.now(UTC)), "utf-8")
    raw.write_text(
        json.dumps(results, indent=1, ensure_ascii=False, default=str), "utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
