"""Foundation benchmarks: unlock time, ingest throughput and memory, search latency.

Each figure is measured next to its physical limit in the same run: ``cp`` of the same
file, ``cp`` + ``sync FILE`` (the same durability as ingest's fsync) and in-process
ChaCha20-Poly1305 for ingest; cp, cp + sync and ingest alternate over three trials.
"""

from __future__ import annotations

import itertools
import os
import random
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
from nam_desktop.core.model.records import Act, Interview, TestimonyDraft, Witness
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.model.search import fts_query, search
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


class TextModel:
    """Zipf-distributed words: a few very common (real Belarusian and Russian words), a
    long tail of rare ones (synthetic), as in real narratives. Rank 1 appears in nearly
    every testimony, rank 5,000 in a few."""

    def __init__(self, rng: random.Random, tail: int = 20_000) -> None:
        syllables = "ка ла ма на ра та ва да за са пя ру ні шы дзе ці бо го мі ля жу ня цю".split()
        rare = {"".join(rng.choice(syllables) for _ in range(rng.randint(3, 5)))
                for _ in range(tail)}
        self.words = WORDS_BE + WORDS_RU + sorted(rare)
        rng.shuffle(self.words)
        self.cum = list(itertools.accumulate(1 / (i + 1) for i in range(len(self.words))))
        self.rng = rng

    def text(self, n: int) -> str:
        return " ".join(self.rng.choices(self.words, cum_weights=self.cum, k=n))

    def query_word(self, low: int, high: int) -> str:
        return self.words[self.rng.randint(low, high)]


def _draft(model: TextModel, rng: random.Random, codes: list[str]) -> TestimonyDraft:
    return TestimonyDraft(
        title=model.text(4),
        interview=Interview(date=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"),
        witness=Witness(pseudonym=f"W-{rng.randint(1, 99999)}"),
        acts=[Act(type=rng.choice(codes), place=rng.choice(["Мінск", "Гомель", "Брест"]))],
        narrative=model.text(rng.randint(150, 1500)),
        notes=model.text(30),
    )


def bench_search(work: Path, count: int = 10_000) -> dict[str, Any]:
    folder = work / "search"
    vault = Vault.create(folder, PASS, kdf=MINIMUM_PARAMS)
    repo = TestimonyRepository(vault)
    codes = sorted(repo.vocabulary_codes())
    rng = random.Random(2026)
    model = TextModel(rng)
    start = time.perf_counter()
    for _ in range(count // 500):
        repo.add_many([_draft(model, rng, codes) for _ in range(500)])
    fill_s = time.perf_counter() - start
    # What people look for: mostly specific words (a place, a unit, a name of a prison:
    # ranks 50-5,000), sometimes two words; the worst case is the most common word.
    queries = [model.query_word(50, 5000) for _ in range(40)]
    queries += [f"{model.query_word(20, 2000)} {model.query_word(20, 2000)}" for _ in range(10)]
    latencies = []  # what the GUI waits for: ranked hits + the first screen of snippets
    all_snippets = []  # the CLI: a snippet for every one of the 100 hits
    ranking = []
    worst = []
    with vault.reading() as c:
        for q in queries:
            t0 = time.perf_counter()
            search(c, q, limit=100, snippets=SNIPPETS_AT_ONCE)
            latencies.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            search(c, q, limit=100)
            all_snippets.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            c.execute("SELECT rowid FROM testimony_fts WHERE testimony_fts MATCH ? "
                      "ORDER BY rank LIMIT 100", (fts_query(q),)).fetchall()
            ranking.append((time.perf_counter() - t0) * 1000)
        matches = [c.execute("SELECT count(*) FROM testimony_fts WHERE testimony_fts "
                             "MATCH ?", (fts_query(q),)).fetchone()[0] for q in queries]
        n = 0
        for q in model.words[:3]:  # the most frequent words of the model
            t0 = time.perf_counter()
            n = len(search(c, q, limit=100, snippets=SNIPPETS_AT_ONCE))
            worst.append((time.perf_counter() - t0) * 1000)
    vault.close()
    p95_index = sorted(range(len(latencies)), key=latencies.__getitem__)[
        int(len(latencies) * 0.95) - 1]
    return {"search_testimonies": count, "search_fill_s": fill_s,
            "search_ms_median": statistics.median(latencies),
            "search_ms_p95": latencies[p95_index],
            "search_p95_matches": matches[p95_index],
            "search_matches_median": statistics.median(matches),
            "search_all_snippets_ms_median": statistics.median(all_snippets),
            "search_rank_only_ms_median": statistics.median(ranking),
            "search_ms_most_common_word": max(worst), "search_hits_common": n}


def run(results: dict[str, Any]) -> None:
    work = Path(tempfile.mkdtemp(prefix="nam-bench-"))
    try:
        results["vault"] = {**bench_unlock(work), **bench_ingest(work), **bench_search(work)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
