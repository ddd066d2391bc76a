"""Full-text search inside the encrypted database: Belarusian, Russian, safe queries."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest

from nam_desktop.core.model.json_io import draft_from_dict
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.model.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    add_snippets,
    fts_query,
    search,
)
from nam_desktop.core.vault import db
from nam_desktop.core.vault.vault import Vault


def _seed(repo: TestimonyRepository) -> dict[str, str]:
    codes = repo.vocabulary_codes()
    docs = {
        "be": {"title": "Ператрус у Гомелі", "witness": {"pseudonym": "G-1", "name": "Янка Купала"},
               "narrative": "Прыйшлі а шостай раніцы, забралі ноўтбук і тэлефоны. Сябра "
                            "збілі ў пастарунку."},
        "ru": {"title": "Обыск в Бресте", "witness": {"pseudonym": "B-2"},
               "narrative": "Сотрудники ГУБОПиК изъяли паспорт. Ёжик на футболке."},
        "en": {"title": "Border", "witness": {"pseudonym": "E-3"},
               "narrative": "Detained at the border crossing, phone searched."},
    }
    return {k: repo.add(draft_from_dict(v, codes)) for k, v in docs.items()}


def _ids(vault: Vault, text: str) -> list[str]:
    with vault.reading() as c:
        return [h.testimony_id for h in search(c, text)]


def test_belarusian_words(vault: Vault, repo: TestimonyRepository) -> None:
    ids = _seed(repo)
    assert _ids(vault, "ноўтбук") == [ids["be"]]
    assert _ids(vault, "ЗБІЛІ") == [ids["be"]]  # case folded
    assert _ids(vault, "пастарунк") == [ids["be"]]  # prefix
    assert _ids(vault, "гомелі") == [ids["be"]]  # title


def test_russian_words(vault: Vault, repo: TestimonyRepository) -> None:
    ids = _seed(repo)
    assert _ids(vault, "изъяли паспорт") == [ids["ru"]]
    assert _ids(vault, "губопик") == [ids["ru"]]
    assert _ids(vault, "ежик") == [ids["ru"]]  # ё typed as е
    assert _ids(vault, "ЁЖИК") == [ids["ru"]]
    assert _ids(vault, "паспорт тэлефоны") == []  # all words must match


def test_highlighted_snippet(vault: Vault, repo: TestimonyRepository) -> None:
    _seed(repo)
    with vault.reading() as c:
        [hit] = search(c, "ноўтбук")
    assert hit.snippet is not None
    assert f"{HIGHLIGHT_START}ноўтбук{HIGHLIGHT_END}" in hit.snippet
    assert "[ноўтбук]" in hit.marked()


def test_identity_is_not_searchable(vault: Vault, repo: TestimonyRepository) -> None:
    _seed(repo)
    assert _ids(vault, "Купала") == []


def test_query_syntax_cannot_escape(vault: Vault, repo: TestimonyRepository) -> None:
    _seed(repo)
    for hostile in ('" OR 1', "title:*", "NEAR(", ")", "*", "-", 'a"b', "AND OR NOT"):
        _ids(vault, hostile)  # must not raise
    assert fts_query('x" OR "y') == '"x"* "OR"* "y"*'


def test_edit_reindexes(vault: Vault, repo: TestimonyRepository) -> None:
    ids = _seed(repo)
    t = repo.get(ids["en"], include_identity=True)
    t.narrative = "Новы тэкст пра мяжу"
    repo.update(ids["en"], t)
    assert _ids(vault, "border crossing") == []
    assert _ids(vault, "мяжу") == [ids["en"]]


def _many(repo: TestimonyRepository) -> None:
    """Documents where the word 'затрыманне' appears 1..12 times in texts of varied length,
    so BM25 has a real order to find (term frequency and length normalisation)."""
    codes = repo.vocabulary_codes()
    drafts = []
    for i in range(30):
        words = ["затрыманне"] * (1 + i % 12) + ["слова"] * (5 + (i * 7) % 40)
        drafts.append(draft_from_dict({"title": f"T{i}", "witness": {"pseudonym": f"P-{i}"},
                                       "narrative": " ".join(words)}, codes))
    repo.add_many(drafts)


def test_order_is_fts5_bm25_rank(vault: Vault, repo: TestimonyRepository) -> None:
    """Oracle: SQLite's own ``ORDER BY rank`` gives the same order we compute."""
    _many(repo)
    with vault.reading() as c:
        ours = [h.testimony_id for h in search(c, "затрыманне", limit=10)]
        theirs = [r[0] for r in c.execute(
            "SELECT t.id FROM testimony_fts f JOIN testimonies t ON t.rowid = f.rowid "
            "WHERE testimony_fts MATCH ? ORDER BY f.rank LIMIT 10",
            (fts_query("затрыманне"),))]
    assert len(ours) == 10
    assert ours == theirs


def test_snippets_for_the_first_hits_only_then_filled(vault: Vault,
                                                       repo: TestimonyRepository) -> None:
    _many(repo)
    with vault.reading() as c:
        full = search(c, "затрыманне")
        lazy = search(c, "затрыманне", snippets=5)
        assert [h.testimony_id for h in lazy] == [h.testimony_id for h in full]
        assert all(h.snippet for h in lazy[:5])
        assert all(h.snippet is None for h in lazy[5:])
        assert lazy[7].marked() == ""
        filled = add_snippets(c, "затрыманне", lazy[5:])
    assert filled == full[5:]
    assert all(f"{HIGHLIGHT_START}затрыманне{HIGHLIGHT_END}" in (h.snippet or "") for h in full)


def test_limit_and_empty_queries(vault: Vault, repo: TestimonyRepository) -> None:
    _many(repo)
    with vault.reading() as c:
        assert len(search(c, "затрыманне", limit=3)) == 3
        assert search(c, "затрыманне", limit=0) == []
        assert search(c, "  !!  ") == []
        assert add_snippets(c, "x", []) == []


def _zipf_vault(repo: TestimonyRepository, count: int = 150) -> list[str]:
    """Generated narratives: a few words in nearly every testimony, a long tail, varied
    lengths (as the search benchmark, smaller). Returns the vocabulary, commonest first."""
    rng = random.Random(19)  # noqa: S311  # repeatable test text, not secrets
    stems = ["затрым", "сведк", "пастарун", "аўтазак", "ператрус", "мяж", "суд", "обыск"]
    words = [f"{s}{suffix}" for s in stems for suffix in ("", "а", "амі", "у")]
    words += [f"слова{i}" for i in range(300)]
    weights = list(itertools.accumulate(1 / (i + 1) for i in range(len(words))))
    codes = repo.vocabulary_codes()
    drafts = []
    for i in range(count):
        text = " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(20, 400)))
        drafts.append(draft_from_dict({"title": " ".join(rng.choices(words, k=3)),
                                       "witness": {"pseudonym": f"Z-{i}"},
                                       "narrative": text}, codes))
    repo.add_many(drafts)
    return words


def test_hits_are_sqlites_own_bm25_order_on_generated_text(
        vault: Vault, repo: TestimonyRepository) -> None:
    """Oracle: SQLite ranks every match itself (``ORDER BY bm25(...)``, ties by rowid)
    and joins the titles; search returns exactly those hits, for specific words,
    prefixes, two words and words in nearly every testimony, with limits below and
    above the number of matches."""
    words = _zipf_vault(repo)
    queries = [*words[:4], "затрым", "суд обыск", "ператрус мяжа", words[40], words[200],
               "слова1", "слова12 затрым", "няма"]
    oracle = ("SELECT t.id, t.title FROM testimony_fts f JOIN testimonies t ON t.rowid = f.rowid "
              "WHERE testimony_fts MATCH ? ORDER BY bm25(testimony_fts), f.rowid LIMIT ?")
    broad = 0
    with vault.reading() as c:
        for q in queries:
            matches = c.execute("SELECT count(*) FROM testimony_fts WHERE testimony_fts "
                                "MATCH ?", (fts_query(q),)).fetchone()[0]
            broad += matches > 100
            for limit in (5, 100, 1000):
                hits = search(c, q, limit=limit, snippets=3)
                expected = [tuple(r) for r in c.execute(oracle, (fts_query(q), limit))]
                assert [(h.testimony_id, h.title) for h in hits] == expected, (q, limit)
                assert len(hits) == min(limit, matches)
                assert add_snippets(c, q, hits[3:]) == search(c, q, limit=limit)[3:]
    assert broad >= 3  # the broad queries (most testimonies) were exercised


def test_search_statements_do_not_depend_on_the_number_of_hits(
        vault: Vault, repo: TestimonyRepository) -> None:
    """The vault keeps few prepared statements (``db.STATEMENT_CACHE``): search must use
    the same few statement texts whether it lists 1 or 100 hits (values are bound,
    not spelled into the SQL), so a search does not push the others out of that cache."""
    words = _zipf_vault(repo)
    seen: list[str] = []
    with vault.reading() as c:
        c.set_trace_callback(seen.append)  # SQL as run, bound values written in
        try:
            counts = {len(search(c, q, limit=limit, snippets=snippets))
                      for q, limit, snippets in ((words[0], 100, 20), (words[0], 37, 5),
                                                 (words[250], 100, None), ("слова7", 3, 1))}
        finally:
            c.set_trace_callback(None)
    assert len(counts) >= 3
    templates = {re.sub(r"'(?:[^']|'')*'|-?\d+(?:\.\d+)?", "?", sql) for sql in seen
                 if not sql.startswith("-- ")}  # "-- ": FTS5's own, nested statements
    assert len(templates) == 3, templates  # rank, titles, snippets


def test_vault_connection_keeps_few_prepared_statements(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each statement Python keeps prepared holds part of the connection's lookaside
    memory; with many kept, FTS5's BM25 allocates from the heap for every matching row,
    and with cipher_memory_security each allocation is an mlock + wipe + munlock
    (docs/benchmarks.md). That is not observable from Python, so the setting is pinned."""
    calls: list[dict[str, object]] = []
    real_connect = db.sqlcipher3.connect

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(kwargs)
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(db.sqlcipher3, "connect", spy)
    conn = db.open_database(tmp_path / "x.db", bytes(range(32)))
    conn.close()
    assert [c.get("cached_statements") for c in calls] == [db.STATEMENT_CACHE]
    assert 1 <= db.STATEMENT_CACHE <= 8
