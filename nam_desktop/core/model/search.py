"""Full-text search (FTS5 inside the encrypted database). Identity is never indexed."""

from __future__ import annotations

import heapq
import json
import re
from dataclasses import dataclass

from nam_desktop.core.model.records import TestimonyDraft
from nam_desktop.core.vault.db import Connection

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    testimony_id: str
    title: str
    snippet: str | None  # matches wrapped in HIGHLIGHT_START / HIGHLIGHT_END; None: not yet

    def marked(self, start: str = "[", end: str = "]") -> str:
        return (self.snippet or "").replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)


def fold(text: str) -> str:
    """Fold what unicode61 does not: Russian ё/Ё is usually typed as е/Е."""
    return text.replace("ё", "е").replace("Ё", "Е")


def index_testimony(c: Connection, tid: str, d: TestimonyDraft) -> None:
    (rowid,) = c.execute("SELECT rowid FROM testimonies WHERE id = ?", (tid,)).fetchone()
    c.execute("DELETE FROM testimony_fts WHERE rowid = ?", (rowid,))
    acts_text = "\n".join(
        " ".join(x for x in (a.place, a.victims, a.status_after, a.description,
                             *(p.text() for p in a.perpetrators)) if x)
        for a in d.acts
    )
    c.execute(
        "INSERT INTO testimony_fts (rowid, title, pseudonym, narrative, notes, acts) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        tuple([rowid, *(fold(x) for x in (d.title, d.witness.pseudonym, d.narrative, d.notes,
                                          acts_text))]),
    )


def fts_query(text: str) -> str:
    """Every word must match, as a prefix; words are quoted so no FTS syntax leaks in."""
    words = _WORD.findall(fold(text))
    return " ".join(f'"{w}"*' for w in words[:32])


SNIPPET_CONTEXT = 60


def _first_occurrence(folded: str, words: list[str]) -> tuple[int, int] | None:
    """Start and end of the earliest word-initial match of any query word (C-speed
    ``str.find`` on the lower-cased text; a regex over whole narratives is much slower)."""
    low = folded.lower()
    if len(low) != len(folded):  # rare letters whose lower case is longer: slow path
        m = re.search(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")",
                      folded, re.IGNORECASE)
        return (m.start(), m.end()) if m else None
    best: tuple[int, int] | None = None
    for word in words:
        w = word.lower()
        idx = low.find(w)
        while idx > 0 and (low[idx - 1].isalnum() or low[idx - 1] == "_"):
            idx = low.find(w, idx + 1)
        if idx != -1 and (best is None or idx < best[0]):
            best = (idx, idx + len(w))
    return best


def make_snippet(text: str, words: list[str], context: int = SNIPPET_CONTEXT) -> str | None:
    """Highlight the query words (as prefixes) around their first occurrence in ``text``.

    Done in Python on the few rows shown: asking FTS5's ``snippet()`` inside a ranked
    query makes SQLite build a snippet for every matching row before sorting.
    """
    if not words:
        return None
    folded = fold(text)  # same length as text: positions carry over
    first = _first_occurrence(folded, words)
    if first is None:
        return None
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE
    )
    start, end = first
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    out = []
    pos = lo
    for m in pattern.finditer(folded, lo, hi):
        out.append(text[pos : m.start()])
        out.append(HIGHLIGHT_START + text[m.start() : m.end()] + HIGHLIGHT_END)
        pos = m.end()
    out.append(text[pos:hi])
    body = " ".join("".join(out).split())
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


def _rank(c: Connection, query: str, limit: int) -> list[int]:
    """Rowids of the best ``limit`` matches, best first (BM25; ties by rowid).

    FTS5's own ``ORDER BY rank`` feeds every match through SQLite's sorter, one heap
    allocation per row; with ``cipher_memory_security`` on, each allocation is wiped and
    mlock()ed, which made ranking ~40% slower than scoring the matches unsorted and keeping
    the best ones here (docs/benchmarks.md).
    """
    scored = c.execute(
        "SELECT bm25(testimony_fts), rowid FROM testimony_fts WHERE testimony_fts MATCH ?",
        (query,),
    ).fetchall()
    return [rowid for _, rowid in heapq.nsmallest(limit, scored)]


def search(c: Connection, text: str, limit: int = 100,
           snippets: int | None = None) -> list[SearchHit]:
    """Best matches first (BM25), at most ``limit``.

    Snippets cost a read of the whole narrative, so ``snippets`` says how many of the
    leading hits get one now (``None``: all); the others carry ``snippet=None`` until
    :func:`add_snippets` fills them (the GUI does it for the rows below the first screen).
    """
    query = fts_query(text)
    if not query or limit < 1:
        return []
    ranked = _rank(c, query, limit)
    if not ranked:
        return []
    titles = {
        r[0]: (r[1], r[2])
        for r in c.execute(
            "SELECT rowid, id, title FROM testimonies "
            "WHERE rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(ranked),),
        )
    }
    hits = [SearchHit(titles[r][0], titles[r][1], None) for r in ranked if r in titles]
    count = len(hits) if snippets is None else max(0, snippets)
    return add_snippets(c, text, hits[:count]) + hits[count:]


def add_snippets(c: Connection, text: str, hits: list[SearchHit]) -> list[SearchHit]:
    """The same hits, in the same order, each with the snippet for ``text``."""
    if not hits:
        return []
    ids = [h.testimony_id for h in hits]
    rows = {
        r[0]: r[1:]
        for r in c.execute(
            "SELECT t.id, COALESCE(w.pseudonym, ''), t.narrative, t.notes "
            "FROM testimonies t LEFT JOIN witnesses w ON w.testimony_id = t.id "
            "WHERE t.id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
    }
    words = _WORD.findall(fold(text))[:32]
    out = []
    for hit in hits:
        pseudonym, narrative, notes = rows.get(hit.testimony_id, ("", "", ""))
        snippet = next(
            (s for s in (make_snippet(f, words) for f in (narrative, notes, hit.title,
                                                          pseudonym))
             if s is not None),
            hit.title,
        )
        out.append(SearchHit(hit.testimony_id, hit.title, snippet))
    return out
