"""The testimony list, read at HQ's scale (100,000 testimonies): the whole list, and the
first rows of its default order. Used through
:class:`~nam_desktop.core.model.repository.TestimonyRepository` (``list``,
``list_first``), inside one of the vault's reads.

Five plain reads joined here rather than one query with a subquery per row: at HQ's
100,000 testimonies the per-row subqueries (a temporary b-tree each) and the sort took
seconds. Each read is served by a narrow covering index (migrations 0008 and 0010).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from nam_desktop.core.model.records import TestimonySummary
from nam_desktop.core.vault.db import Connection


def whole_list(c: Connection, status: str | None = None) -> list[TestimonySummary]:
    """Every testimony (or those of ``status``), the most recently changed first (ties:
    by id)."""
    query = (
        "SELECT t.id, t.title, t.status, t.revision, t.interview_date, t.updated_at "
        "FROM testimonies t INDEXED BY testimonies_list "
    )
    params: tuple[str, ...] = ()
    if status is not None:
        query += "WHERE t.status = ? "
        params = (status,)
    query += "ORDER BY t.updated_at DESC, t.id"
    return _summaries(c, lambda: c.execute(query, params), "")


def first_rows(c: Connection, limit: int) -> list[TestimonySummary] | None:
    """The first ``limit`` testimonies in the list's default order: the newest interview
    date first and, among equal dates, the reverse of :func:`whole_list`'s order (oldest
    change first, then the id from last to first), exactly as a stable sort of the whole
    list by date, reversed, gives them. Read with LIMIT from an index.

    None when an interview date holds anything but digits and '-' (the days the app
    writes): SQL's byte order of such text might differ from the GUI's case-insensitive
    one, and the caller reads the whole list instead. (The check is a GLOB over the
    index: ``lower()`` per row cost 0.9 s at 100,000 rows, an allocation each under
    ``cipher_memory_security``.)"""
    odd = c.execute(
        "SELECT 1 FROM testimonies INDEXED BY testimonies_first "
        "WHERE interview_date GLOB '*[^0-9-]*' LIMIT 1").fetchone()
    if odd is not None:
        return None
    rows = c.execute(
        "SELECT id, title, status, revision, interview_date, updated_at "
        "FROM testimonies INDEXED BY testimonies_first "
        "ORDER BY interview_date DESC, updated_at, id DESC LIMIT ?",
        (max(0, limit),)).fetchall()
    if not rows:
        return []
    marks = ", ".join("?" for _ in rows)
    return _summaries(c, lambda: rows, f"WHERE testimony_id IN ({marks})",
                      tuple(r[0] for r in rows))


def _summaries(c: Connection, rows: Callable[[], Iterable[tuple[Any, ...]]], where: str,
               ids: tuple[str, ...] = ()) -> list[TestimonySummary]:
    """The ``rows`` (id, title, status, revision, interview date, change time; read last,
    one at a time) with their pseudonym, act types, files and withdrawal; ``where``
    limits the lookups to ``ids`` (empty: every testimony's)."""
    and_where = f"{where} AND" if where else "WHERE"
    pseudonyms = dict(c.execute(
        f"SELECT testimony_id, pseudonym FROM witnesses {where}", ids))  # noqa: S608  # fixed text and placeholders
    withdrawn = {r[0] for r in c.execute(
        f"SELECT testimony_id FROM consent {and_where} withdrawn_at != ''", ids)}  # noqa: S608  # fixed text and placeholders
    # One tuple per set of act types, one string per status and date: at HQ's 100,000
    # rows the repeats (and a set per testimony while reading) were tens of megabytes at
    # the window's peak. The index gives the codes grouped and sorted.
    shared: dict[Any, Any] = {}
    act_types: dict[str, tuple[str, ...]] = {}
    last, codes = "", [""]
    for tid, code in c.execute(
            f"SELECT testimony_id, type_code FROM acts {where} "  # noqa: S608  # fixed text and placeholders
            "ORDER BY testimony_id, type_code", ids):
        if tid != last:
            if last:
                act_types[last] = shared.setdefault(key := tuple(codes), key)
            last, codes = tid, [code]
        elif code != codes[-1]:
            codes.append(code)
    if last:
        act_types[last] = shared.setdefault(key := tuple(codes), key)
    files = dict(c.execute(
        f"SELECT testimony_id, count(*) FROM attachments {where} "  # noqa: S608  # fixed text and placeholders
        "GROUP BY testimony_id", ids))
    return [
        TestimonySummary(tid, title, shared.setdefault(status, status), revision,
                         shared.setdefault(date, date), pseudonyms.get(tid, ""),
                         act_types.get(tid, ()), files.get(tid, 0), updated,
                         tid in withdrawn)
        for tid, title, status, revision, date, updated in rows()
    ]
