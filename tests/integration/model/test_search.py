"""Full-text search inside the encrypted database: Belarusian, Russian, safe queries."""

from __future__ import annotations

from nam_desktop.core.model.json_io import draft_from_dict
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.model.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    add_snippets,
    fts_query,
    search,
)
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
