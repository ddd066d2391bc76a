"""Child process of bench_search: ``python -m benchmarks.search_measure on|off FOLDER``.

``on`` opens the database as the app does (``db.open_database``: memory security on);
``off`` opens the same file with the same key and ``cipher_memory_security = OFF``, for
the project's decision only (docs/threat-model.md). Prints JSON: per round, each query's
milliseconds.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import sqlcipher3

from benchmarks.bench_search import COMMON_ROUNDS, ROUNDS_PER_CHILD, SNIPPETS_AT_ONCE
from nam_desktop.core.model.search import SearchHit, add_snippets, fts_query, search
from nam_desktop.core.vault import db


def _open(mode: str, path: Path, key: bytes) -> Any:
    if mode == "on":
        return db.open_database(path, key, create=False)
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_memory_security = OFF")
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.set_key(f"x'{key.hex()}'")
    for pragma in ("PRAGMA journal_mode = WAL", "PRAGMA secure_delete = ON",
                   "PRAGMA temp_store = MEMORY", "PRAGMA trusted_schema = OFF"):
        conn.execute(pragma)
    return conn


def _ms(fn: Any, *args: Any) -> float:
    start = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - start) * 1000


def main(mode: str, folder: Path) -> dict[str, Any]:
    info = json.loads((folder / "build.json").read_text("utf-8"))
    queries: list[str] = info["queries"]
    common: list[str] = info["common"]
    load_before = os.getloadavg()[0]
    conn = _open(mode, folder / "vault" / "vault.db", bytes.fromhex(info["db_key"]))
    memsec = conn.execute("PRAGMA cipher_memory_security").fetchone()[0]
    if str(memsec) != ("1" if mode == "on" else "0"):
        raise SystemExit(f"cipher_memory_security is {memsec!r} in mode {mode}")

    def gui(q: str) -> Any:
        return search(conn, q, limit=100, snippets=SNIPPETS_AT_ONCE)

    def cli(q: str) -> Any:
        return search(conn, q, limit=100)

    def rank_only(q: str) -> Any:
        return conn.execute("SELECT rowid FROM testimony_fts WHERE testimony_fts MATCH ? "
                            "ORDER BY rank LIMIT 100", (fts_query(q),)).fetchall()

    def unranked(q: str) -> Any:
        """The option not taken: the newest 100 matches (rowid order), no BM25, with the
        same titles and first-screen snippets."""
        rows = conn.execute("SELECT rowid FROM testimony_fts WHERE testimony_fts MATCH ? "
                            "ORDER BY rowid DESC LIMIT 100", (fts_query(q),)).fetchall()
        marks = ",".join("?" for _ in rows)
        hits = [SearchHit(r[0], r[1], None) for r in conn.execute(
            f"SELECT id, title FROM testimonies WHERE rowid IN ({marks}) "  # noqa: S608  # placeholders only
            "ORDER BY rowid DESC", [r[0] for r in rows])]
        return add_snippets(conn, q, hits[:SNIPPETS_AT_ONCE]) + hits[SNIPPETS_AT_ONCE:]

    out: dict[str, Any] = {k: [] for k in ("gui_ms", "cli_ms", "rank_ms", "unranked_ms",
                                           "common_ms", "common_unranked_ms")}
    gui(queries[0])  # the first query after opening also reads the schema
    for _ in range(ROUNDS_PER_CHILD):
        for key, fn in (("gui_ms", gui), ("cli_ms", cli), ("rank_ms", rank_only),
                        ("unranked_ms", unranked)):
            out[key].append([_ms(fn, q) for q in queries])
    for _ in range(COMMON_ROUNDS):
        out["common_ms"].append([_ms(gui, q) for q in common])
        out["common_unranked_ms"].append([_ms(unranked, q) for q in common])
    count = "SELECT count(*) FROM testimony_fts WHERE testimony_fts MATCH ?"
    out["matches"] = [conn.execute(count, (fts_query(q),)).fetchone()[0] for q in queries]
    out["common_matches"] = [conn.execute(count, (fts_query(q),)).fetchone()[0]
                             for q in common]
    out["common_hits"] = len(gui(common[0]))
    conn.close()
    out["load"] = [load_before, os.getloadavg()[0]]
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], Path(sys.argv[2]))))
