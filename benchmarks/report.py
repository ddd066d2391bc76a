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


def _vault(v: dict[str, Any]) -> list[str]:
    ok = lambda cond: "met" if cond else "**missed**"  # noqa: E731
    return [
        "## Vault (issue 2)",
        "",
        "| measure | result | limit measured in the same run | target | verdict |",
        "| --- | --- | --- | --- | --- |",
        f"| unlock (Argon2id + open) | {_f(v['unlock_s_median'], 2)} s median of 3 | "
        f"{v['kdf']} | 0.5-2 s | {ok(0.5 <= v['unlock_s_median'] <= 2)}"
        + (" (under the range: on this idle machine a guess costs an attacker less than "
           "the 0.5 s docs/threat-model.md counts on; the parameters are fixed, not timed)"
           if v["unlock_s_median"] < 0.5 else "") + " |",
        *_ingest_rows(v, ok),
        f"| ingest peak RSS | {_f(v['ingest_peak_rss_mib'])} MiB | - | < 150 MB | "
        f"{ok(v['ingest_peak_rss_mib'] < 143)} |",
        "",
        *_ingest_note(v),
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
    if isinstance(results.get("search"), dict) and "markdown" in results["search"]:
        lines += [str(results["search"]["markdown"]), ""]  # beside the vault's figures
    for key, value in results.items():
        if key in ("vault", "load", "search"):
            continue
        if isinstance(value, dict) and "markdown" in value:
            lines += [str(value["markdown"]), ""]
        elif key.endswith("_error"):
            lines += [f"## {key}", "", "```", str(value), "```", ""]
        else:
            lines += [f"## {key}", "", "```", str(value), "```", ""]
    return "\n".join(lines)
