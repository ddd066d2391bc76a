"""The testimony list is read with plain scans and a covering index (HQ's 100,000 rows):
the rows must be those the one-query form gave, in the same order."""

from __future__ import annotations

import json
import random
import shutil
import uuid
from pathlib import Path

import pytest

from nam_desktop.core.model.records import (
    Act,
    Consent,
    Interview,
    TestimonyDraft,
    TestimonySummary,
    Witness,
)
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault import db
from nam_desktop.core.vault.vault import Vault

# The query `list()` ran before, kept as the oracle.
ONE_QUERY = (
    "SELECT t.id, t.title, t.status, t.revision, t.interview_date, "
    "COALESCE(w.pseudonym, ''), t.updated_at, "
    "(SELECT group_concat(type_code, ' ') FROM (SELECT DISTINCT type_code FROM acts "
    "  WHERE testimony_id = t.id)), "
    "(SELECT count(*) FROM attachments WHERE testimony_id = t.id), "
    "COALESCE(c.withdrawn_at, '') "
    "FROM testimonies t LEFT JOIN witnesses w ON w.testimony_id = t.id "
    "LEFT JOIN consent c ON c.testimony_id = t.id "
)


def _oracle(vault: Vault, status: str | None) -> list[TestimonySummary]:
    query, params = ONE_QUERY, ()
    if status is not None:
        query += "WHERE t.status = ? "
        params = (status,)
    query += "ORDER BY t.updated_at DESC, t.id"
    with vault.reading() as c:
        rows = c.execute(query, params).fetchall()
    return [TestimonySummary(r[0], r[1], r[2], r[3], r[4], r[5],
                             tuple(sorted((r[7] or "").split())), r[8], r[6], bool(r[9]))
            for r in rows]


@pytest.fixture
def varied(vault: Vault, repo: TestimonyRepository) -> Vault:
    rng = random.Random(5)  # noqa: S311  # repeatable test data
    codes = sorted(repo.vocabulary_codes())
    drafts = []
    for i in range(60):
        acts = [Act(type=rng.choice(codes[:4])) for _ in range(rng.randint(0, 3))]
        drafts.append(TestimonyDraft(
            title=f"Сведчанне {i}", interview=Interview(date=f"2024-0{1 + i % 9}-1{i % 10}"),
            witness=Witness(pseudonym=rng.choice(["Heron", "Ластаўка"] + [""] * (i % 4 > 0))),
            consent=Consent(hq_documentation=True, method="oral", given_date="2024-01-01"),
            acts=acts, narrative="текст " * rng.randint(1, 50)))
    ids = repo.add_many(drafts)
    for tid in ids[::4]:
        repo.finalize(tid)
    for tid in ids[1::7]:
        repo.withdraw_consent(tid, "asked")
    with vault.transaction() as c:
        for tid in ids[::3]:
            for n in range(rng.randint(1, 3)):
                c.execute("INSERT INTO attachments (id, testimony_id, filename, "
                          "sha256_original, size_original, created_at) "
                          "VALUES (?, ?, ?, '00', 1, '2024-01-01')",
                          (str(uuid.uuid4()), tid, f"f{n}.jpg"))
        # Equal change times: the order falls back to the id.
        c.execute("UPDATE testimonies SET updated_at = '2025-01-01T00:00:00Z' "
                  "WHERE rowid % 5 = 0")
    return vault


@pytest.mark.parametrize("status", [None, "draft", "final", "delivered"])
def test_same_rows_in_the_same_order_as_the_one_query_form(
        varied: Vault, repo: TestimonyRepository, status: str | None) -> None:
    expected = _oracle(varied, status)
    assert repo.list(status=status) == expected
    if status in (None, "draft", "final"):
        assert expected  # the comparison is not between two empty lists
    assert any(s.act_types for s in expected) or status == "delivered"


def test_the_list_reads_the_covering_index(varied: Vault) -> None:
    with varied.reading() as c:
        plan = " ".join(str(r[3]) for r in c.execute(
            "EXPLAIN QUERY PLAN SELECT t.id, t.title, t.status, t.revision, "
            "t.interview_date, t.updated_at FROM testimonies t INDEXED BY testimonies_list "
            "ORDER BY t.updated_at DESC, t.id"))
    assert "COVERING INDEX testimonies_list" in plan and "TEMP B-TREE" not in plan


def _plan(vault: Vault, query: str, params: tuple[object, ...] = ()) -> str:
    with vault.reading() as c:
        return " | ".join(str(r[3]) for r in c.execute(f"EXPLAIN QUERY PLAN {query}", params))


@pytest.mark.parametrize(("query", "index"), [
    ("SELECT testimony_id, pseudonym FROM witnesses", "witnesses_list"),
    ("SELECT testimony_id FROM consent WHERE withdrawn_at != ''", "consent_withdrawn"),
    ("SELECT testimony_id, type_code FROM acts ORDER BY testimony_id, type_code",
     "acts_list"),
])
def test_the_whole_list_reads_narrow_covering_indexes_not_the_tables(
        varied: Vault, query: str, index: str) -> None:
    """Witness, consent and act rows are wide: scanning the tables took seconds at HQ."""
    plan = _plan(varied, query)
    assert f"COVERING INDEX {index}" in plan and "TEMP B-TREE" not in plan, plan


def test_the_first_rows_come_from_an_index_in_order_without_a_sort(varied: Vault) -> None:
    plan = _plan(varied, "SELECT id, title, status, revision, interview_date, updated_at "
                 "FROM testimonies INDEXED BY testimonies_first "
                 "ORDER BY interview_date DESC, updated_at, id DESC LIMIT 5")
    assert "testimonies_first" in plan and "TEMP B-TREE" not in plan, plan
    ids = ("a", "b")
    for query in ("SELECT testimony_id, type_code FROM acts WHERE testimony_id IN (?, ?) "
                  "ORDER BY testimony_id, type_code",
                  "SELECT testimony_id FROM consent WHERE testimony_id IN (?, ?) "
                  "AND withdrawn_at != ''"):
        plan = _plan(varied, query, ids)
        assert "SEARCH" in plan and "SCAN" not in plan, plan


def _default_order(rows: list[TestimonySummary]) -> list[TestimonySummary]:
    """The list as its window shows it first: a stable sort by interview date, reversed
    (TestimonyTableModel sorting its date column descending)."""
    return list(reversed(sorted(rows, key=lambda s: s.interview_date)))


@pytest.mark.parametrize("limit", [1, 7, 13, 60, 500])
def test_first_rows_are_the_first_rows_of_the_whole_list_in_its_default_order(
        varied: Vault, repo: TestimonyRepository, limit: int) -> None:
    # Equal dates with equal change times: ties must fall as the stable sort puts them.
    with varied.transaction() as c:
        c.execute("UPDATE testimonies SET interview_date = '2024-09-19' WHERE rowid % 3 = 0")
    whole = _default_order(repo.list())
    assert len({s.interview_date for s in whole[:13]}) < 13  # ties are in the first rows
    assert repo.list_first(limit) == whole[:limit]
    assert repo.count() == len(whole) == 60


def test_first_rows_refused_when_byte_order_could_differ_from_the_gui_order(
        varied: Vault, repo: TestimonyRepository) -> None:
    """A date with a capital or a non-ASCII letter may sort differently
    case-insensitively (the GUI's order): anything but an ISO day is refused, and the
    caller reads the whole list instead."""
    assert repo.list_first(5) is not None
    for odd in ("2024-01-01T10:00", "весна 2023"):
        with varied.transaction() as c:
            c.execute("UPDATE testimonies SET interview_date = ? WHERE rowid = 2", (odd,))
        assert repo.list_first(5) is None
    with varied.transaction() as c:
        c.execute("UPDATE testimonies SET interview_date = '' WHERE rowid = 2")
    assert repo.list_first(5) is not None


def test_first_rows_of_an_empty_vault(repo: TestimonyRepository) -> None:
    assert repo.list_first(10) == [] and repo.count() == 0


def test_a_vault_from_an_older_release_gets_the_list_indexes_and_lists_the_same(
        tmp_path: Path) -> None:
    """The committed legacy vault (schema of an older release) upgrades on opening: the
    indexes of migration 0010 exist and serve the first rows, which start the list."""
    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    facts = json.loads((fixtures / "legacy-vault-v1.facts.json").read_text("utf-8"))
    folder = tmp_path / "vault"
    shutil.copytree(fixtures / "legacy-vault-v1", folder)  # never the committed copy
    with Vault.open(folder, facts["vault_passphrase"]) as vault:
        with vault.reading() as c:
            assert db.schema_version(c) == db.LATEST_VERSION
            names = {r[0] for r in c.execute("SELECT name FROM sqlite_master "
                                              "WHERE type = 'index'")}
        assert {"witnesses_list", "consent_withdrawn", "acts_list",
                "testimonies_first"} <= names
        repo = TestimonyRepository(vault)
        whole = repo.list()
        assert facts["testimony_id"] in {s.id for s in whole}
        assert repo.list_first(len(whole) + 5) == _default_order(whole)
        assert repo.count() == len(whole)
