"""Foundation benchmarks: unlock time, ingest throughput and memory (search: bench_search).

Each figure is measured next to its physical limit in the same run: ``cp`` of the same
file, ``cp`` + ``sync FILE`` (the same durability as ingest's fsync) and in-process
ChaCha20-Poly1305 for ingest; cp, cp + sync and ingest alternate over three trials.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from nam_desktop.core.crypto.kdf import DEFAULT_PARAMS, MINIMUM_PARAMS
from nam_desktop.core.vault.vault import Vault

PASS = "benchmark passphrase"
SNIPPETS_AT_ONCE = 20  # nam_desktop.gui.widgets.search_pane.SNIPPETS_AT_ONCE (no Qt import here)
MiB = 1024 * 1024
WORDS_BE = ("затрымалі сведка пастарунак аўтазак суд штраф ператрус тэлефон мяжа "
            "пашпарт сябра маці бацька праца універсітэт пратэст сцяг двор").split()
WORDS_RU = ("задержали свидетель РУВД автозак суд штраф обыск телефон граница паспорт "
            "друг мать отец работа университет протест флаг двор Окрестина").split()


def bench_unlock(work: Path) -> dict[str, Any]:
    folder = work / "unlock"
    Vault.create(folder, PASS, kdf=DEFAULT_PARAMS).close()
    times = []
    for _ in range(3):
        start = time.perf_counter()
        Vault.open(folder, PASS).close()
        times.append(time.perf_counter() - start)
    p = DEFAULT_PARAMS
    return {"unlock_s_median": statistics.median(times), "unlock_s_all": times,
            "kdf": f"Argon2id m={p.memory_kib // 1024} MiB, t={p.iterations}, p={p.parallelism}"}


INGEST_CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from nam_desktop.core.vault.vault import Vault
    vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
    start = time.perf_counter()
    with open(sys.argv[3], "rb") as src:
        stored, key = vault.media.write_file(src)
    with vault.transaction():
        vault.media.insert_row(stored, key)
    elapsed = time.perf_counter() - start
    with vault.transaction():  # the next trial starts from the same empty media folder
        vault.media.delete(stored.id)
    vault.close()
    # VmHWM is per address space, so it starts afresh at exec (ru_maxrss would include
    # the parent's pages copied at fork).
    hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
    print(elapsed, int(hwm))
""")
INGEST_TRIALS = 3


def _time_cp(src: Path, dest: Path, *, sync: bool) -> float:
    """``cp`` (into the page cache), or ``cp`` then ``sync FILE`` (an fsync of the copy:
    the durability ingest pays for), timed together; the copy is removed afterwards."""
    start = time.perf_counter()
    subprocess.run(["cp", str(src), str(dest)], check=True)
    if sync:
        subprocess.run(["sync", str(dest)], check=True)
    elapsed = time.perf_counter() - start
    dest.unlink()
    return elapsed


def bench_ingest(work: Path, size: int = 1024 * MiB) -> dict[str, Any]:
    src = work / "big.bin"
    with src.open("wb") as fh:
        block = os.urandom(8 * MiB)
        for _ in range(size // len(block)):
            fh.write(block)
    folder = work / "ingest"
    Vault.create(folder, PASS, kdf=MINIMUM_PARAMS).close()
    subprocess.run(["cat", str(src)], stdout=subprocess.DEVNULL, check=True)  # warm cache
    subprocess.run(["sync"], check=True)  # start from a clean page cache (no dirty pages)

    aead = ChaCha20Poly1305(os.urandom(32))
    chunk = os.urandom(MiB)
    start = time.perf_counter()
    for i in range(256):
        aead.encrypt(i.to_bytes(12, "big"), chunk, b"")
    chacha_mbps = 256 / (time.perf_counter() - start)

    mb = size / MiB
    speeds: dict[str, list[float]] = {"cp": [], "cp_sync": [], "ingest": []}
    rss_kib: list[int] = []

    def ingest() -> float:
        out = subprocess.run([sys.executable, "-c", INGEST_CHILD, str(folder), PASS, str(src)],
                             capture_output=True, text=True, check=True)
        elapsed_text, hwm_text = out.stdout.split()
        rss_kib.append(int(hwm_text))
        return float(elapsed_text)

    runs: dict[str, Callable[[], float]] = {
        "cp": lambda: _time_cp(src, work / "copy.bin", sync=False),
        "cp_sync": lambda: _time_cp(src, work / "copy.bin", sync=True),
        "ingest": ingest,
    }
    names = list(runs)
    for trial in range(INGEST_TRIALS):  # interleaved, the order rotated each trial
        for name in names[trial % 3:] + names[:trial % 3]:
            speeds[name].append(mb / runs[name]())
    src.unlink()
    med = {name: statistics.median(values) for name, values in speeds.items()}
    return {
        "ingest_file_mib": mb,
        "ingest_trials": INGEST_TRIALS,
        "ingest_mbps": med["ingest"],
        "ingest_mbps_best": max(speeds["ingest"]),
        "ingest_mbps_all": speeds["ingest"],
        "cp_mbps": med["cp"],
        "cp_mbps_best": max(speeds["cp"]),
        "cp_mbps_all": speeds["cp"],
        "cp_sync_mbps": med["cp_sync"],
        "cp_sync_mbps_best": max(speeds["cp_sync"]),
        "cp_sync_mbps_all": speeds["cp_sync"],
        "chacha_mbps_in_process": chacha_mbps,
        "ingest_vs_cp": med["ingest"] / med["cp"],
        "ingest_vs_cp_sync": med["ingest"] / med["cp_sync"],
        "ingest_peak_rss_mib": max(rss_kib) / 1024,
    }


def run(results: dict[str, Any]) -> None:
    work = Path(tempfile.mkdtemp(prefix="nam-bench-"))
    try:
        results["vault"] = {**bench_unlock(work), **bench_ingest(work)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
