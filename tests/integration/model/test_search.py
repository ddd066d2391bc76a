"""Full-text search inside the encrypted database: Belarusian, Russian, safe queries."""

from __future__ import annotations

from nam_desktop.core.model.json_io import draft_from_dict
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.model.search import HIGHLIGHT_END, HIGHLIGHT_START, fts_query, search
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
