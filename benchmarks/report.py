"""Turn benchmark results into docs/benchmarks.md (targets beside measurements)."""

from __future__ import annotations

from datetime import datetime
from typing import Any


def _f(value: Any, digits: int = 1) -> str:
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _trials(v: dict[str, Any], key: str) -> str:
    values = v.get(f"{key}_all") or [v[key]]
    if len(values) == 1:
        return f"{_f(v[key])} MB/s"
    return (f"median {_f(v[key])} MB/s, best {_f(v[f'{key}_best'])} "
            f"({', '.join(_f(x, 0) for x in values)})")


def _ingest_rows(v: dict[str, Any], ok: Any) -> list[str]:
    head = (f"| ingest {v['ingest_file_mib']:.0f} MiB (SHA-256 + ChaCha20-Poly1305 + write + "
            f"fsync) | {_trials(v, 'ingest_mbps')} | ")
    if "cp_sync_mbps" not in v:  # results of an older run
        return [head + f"`cp` {_f(v['cp_mbps'])} MB/s; ChaCha20-Poly1305 alone "
                f"{_f(v['chacha_mbps_in_process'])} MB/s | >= 0.5x cp | "
                f"{ok(v['ingest_vs_cp'] >= 0.5)} ({_f(v['ingest_vs_cp'], 2)}x) |"]
    return [
        head + f"`cp` + `sync FILE` {_trials(v, 'cp_sync_mbps')}; `cp` alone "
        f"{_trials(v, 'cp_mbps')}; ChaCha20-Poly1305 alone "
        f"{_f(v['chacha_mbps_in_process'])} MB/s | >= 0.5x cp + sync | "
        f"{ok(v['ingest_vs_cp_sync'] >= 0.5)}: {_f(v['ingest_vs_cp_sync'], 2)}x cp + sync; "
        f"{_f(v['ingest_vs_cp'], 2)}x cp alone (medians) |",
    ]


def _ingest_note(v: dict[str, Any]) -> list[str]:
    if "cp_sync_mbps" not in v:
        return []
    return [
        f"Ingest, `cp` and `cp` + `sync FILE` alternate over {v.get('ingest_trials', 3)} "
        "trials from a page-cached source (MB/s per trial in brackets). The verdict is "
        "judged against `cp` + `sync` because ingest fsyncs the file before it counts as "
        "stored, while plain `cp` only copies into the page cache, and its speed on this "
        "virtual machine varies about 5x with the state of that cache.",
        "",
    ]


def _search_note(v: dict[str, Any]) -> list[str]:
    if v["search_ms_p95"] < 30 and v["search_ms_most_common_word"] < 100:
        return []
    return [
        "Why search misses its issue-19 targets here: ranking is exact BM25 over every "
        "match, and FTS5's `bm25()` looks up each matching row's length in the index's "
        "`docsize` table through a statement that allocates (and, on reset, frees) its "
        "cursor: with `cipher_memory_security` on, one `mlock` + `munlock` + wipe per "
        "matching row, about 10 us a row here when the machine is quiet and several times "
        "that under load (measured: 10,551 `mlock` calls for a 10,000-match query, 272 "
        "without `bm25()`; half of its CPU time in the kernel). The slow queries are the "
        "broad ones: the p95 query matches "
        f"{v.get('search_p95_matches', '?')} of the {v['search_testimonies']} testimonies "
        f"(the median query {v.get('search_matches_median', '?')}), the most common word "
        "nearly all of them. No cheaper ranking gives the same top results: for a "
        "word in most testimonies BM25 orders them by how often the word occurs against "
        "their length, which FTS5 reveals for a row only through those per-row calls (a "
        "bound from the length alone prunes nothing), so ranking a subset (the newest or "
        "first N matches) would change which testimonies are listed, and that was not "
        "done. Turning off `cipher_memory_security`, or ranking a bounded subset of broad "
        "matches (and saying so in the list), are the options left; both change what the "
        "app guarantees and are for the project to decide.",
        "",
    ]


def _vault(v: dict[str, Any]) -> list[str]:
    ok = lambda cond: "met" if cond else "**missed**"  # noqa: E731
    return [
        "## Vault (issue 2)",
        "",
        "| measure | result | limit measured in the same run | target | verdict |",
        "| --- | --- | --- | --- | --- |",
        f"| unlock (Argon2id + open) | {_f(v['unlock_s_median'], 2)} s median of 3 | "
        f"{v['kdf']} | 0.5-2 s | {ok(0.5 <= v['unlock_s_median'] <= 2)} |",
        *_ingest_rows(v, ok),
        f"| ingest peak RSS | {_f(v['ingest_peak_rss_mib'])} MiB | - | < 150 MB | "
        f"{ok(v['ingest_peak_rss_mib'] < 143)} |",
        f"| search, {v['search_testimonies']} testimonies: 100 ranked hits with titles, "
        f"snippets for the first 20 (what the search list waits for) | median "
        f"{_f(v['search_ms_median'], 2)} ms, p95 {_f(v['search_ms_p95'], 2)} ms | - | "
        f"median < 20 ms | {ok(v['search_ms_median'] < 20)} |",
        *([f"| the same with a snippet for all 100 hits (CLI `search`) | median "
           f"{_f(v['search_all_snippets_ms_median'], 2)} ms | - | - | - |"]
          if "search_all_snippets_ms_median" in v else []),
        f"| for comparison: FTS5 `ORDER BY rank` alone (top 100 ids, no titles) | median "
        f"{_f(v['search_rank_only_ms_median'], 2)} ms | - | - | - |",
        f"| search, the same queries: p95 (issue 19) | {_f(v['search_ms_p95'], 2)} ms | - | "
        f"< 30 ms | {ok(v['search_ms_p95'] < 30)} |",
        f"| search worst case: the most common word ({v['search_hits_common']} hits shown, "
        f"nearly every testimony matches) | {_f(v['search_ms_most_common_word'], 2)} ms | - | "
        f"< 100 ms (issue 19) | {ok(v['search_ms_most_common_word'] < 100)} |",
        "",
        *_search_note(v),
        *_ingest_note(v),
        f"Filling the search vault took {_f(v['search_fill_s'])} s (500 testimonies a "
        "transaction). Narratives are 150-1,500 words drawn from a Zipf distribution over "
        "about 20,000 words (real Belarusian and Russian words among them); queries are "
        "mostly specific words (frequency ranks 50-5,000) and some two-word queries. "
        "Most of the search time is SQLCipher's `cipher_memory_security`: every SQLite heap "
        "allocation is wiped and mlock()ed (a system call each), so search ranks the matches "
        "unsorted and keeps the best 100 in Python (fewer allocations than FTS5's sorter), "
        "and builds the other snippets after the first screen is shown.",
        "",
    ]


def render(results: dict[str, Any], machine: str, when: datetime) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Measured {when:%Y-%m-%d %H:%M} UTC on {machine}.",
        "Run `make bench` to measure again; it rewrites this file (raw numbers in "
        "`docs/benchmarks.json`).",
        "",
    ]
    if isinstance(results.get("load"), dict):
        lines += [
            "The machine is shared with other engineers' builds and tests: its load average "
            "(1 minute, 2 cores) at the start / end of each module: "
            + "; ".join(f"{name} {a} / {b}" for name, (a, b) in results["load"].items())
            + ".",
            "",
        ]
    if "vault" in results:
        lines += _vault(results["vault"])
    for key, value in results.items():
        if key in ("vault", "load"):
            continue
        if isinstance(value, dict) and "markdown" in value:
            lines += [str(value["markdown"]), ""]
        elif key.endswith("_error"):
            lines += [f"## {key}", "", "```", str(value), "```", ""]
        else:
            lines += [f"## {key}", "", "```", str(value), "```", ""]
    return "\n".join(lines)
