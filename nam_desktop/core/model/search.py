"""Full-text search (FTS5 inside the encrypted database). Identity is never indexed."""

from __future__ import annotations

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
    snippet: str  # matches wrapped in HIGHLIGHT_START / HIGHLIGHT_END

    def marked(self, start: str = "[", end: str = "]") -> str:
        return self.snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)


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


def search(c: Connection, text: str, limit: int = 100) -> list[SearchHit]:
    query = fts_query(text)
    if not query:
        return []
    rows = c.execute(
        "SELECT t.id, t.title, "
        "snippet(testimony_fts, -1, ?, ?, '…', 12) "
        "FROM testimony_fts f JOIN testimonies t ON t.rowid = f.rowid "
        "WHERE testimony_fts MATCH ? ORDER BY rank LIMIT ?",
        (HIGHLIGHT_START, HIGHLIGHT_END, query, limit),
    ).fetchall()
    return [SearchHit(r[0], r[1], r[2]) for r in rows]
