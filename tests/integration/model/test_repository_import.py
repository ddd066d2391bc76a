"""TestimonyRepository.upsert_imported: storing final revisions received from another vault
(what the HQ import does), in a real vault."""

from __future__ import annotations

import hashlib

import pytest

from nam_desktop.core.canonical import canonical_text
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.model.records import (
    Act,
    Consent,
    Interview,
    TestimonyDraft,
    Witness,
    WitnessIdentity,
)
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.model.search import search
from nam_desktop.core.vault.vault import Vault

TID = "0f1e2d3c-aaaa-bbbb-cccc-000000000001"


def draft(narrative: str = "Окрестина, first night", *, name: str = "") -> TestimonyDraft:
    d = TestimonyDraft(title="Detention", interview=Interview(date="2025-01-01"),
                       consent=Consent(hq_documentation=True), witness=Witness(pseudonym="W"),
                       narrative=narrative,
                       acts=[Act(type="arbitrary_detention", place="Minsk")])
    if name:
        d.identity = WitnessIdentity(name=name)
    return d


def content(revision: int, narrative: str) -> str:
    return canonical_text({"id": TID, "revision": revision, "narrative": narrative})


def revisions(vault: Vault) -> list[tuple[int, str, str]]:
    with vault.reading() as c:
        return [(int(r[0]), str(r[1]), str(r[2])) for r in c.execute(
            "SELECT revision, content, content_hash FROM revisions WHERE testimony_id = ? "
            "ORDER BY revision", (TID,))]


def test_new_testimony_is_stored_as_received(vault: Vault, repo: TestimonyRepository) -> None:
    body = content(2, "n")
    assert repo.upsert_imported(TID, 2, draft(name="Іван"), content=body,
                                created_at="2025-01-02T10:00:00Z") is True
    t = repo.get(TID, include_identity=True)
    assert (t.status, t.revision, t.created_at) == ("final", 2, "2025-01-02T10:00:00Z")
    assert t.narrative == "Окрестина, first night" and t.identity.name == "Іван"
    assert [a.type for a in t.acts] == ["arbitrary_detention"]
    # The record is kept verbatim, with its own hash (not rebuilt from the fields).
    assert revisions(vault) == [(2, body, hashlib.sha256(body.encode()).hexdigest())]
    with vault.reading() as c:
        assert [h.testimony_id for h in search(c, "Окрестина")] == [TID]
    # No testimony audit entry of its own (the import records one for the whole bundle);
    # only the consent event the repository writes whenever consent is first recorded.
    with vault.reading() as c:
        actions = [r[0] for r in c.execute("SELECT action FROM audit_log WHERE object_id = ?",
                                           (TID,))]
    assert actions == ["consent.given"]


def test_a_newer_revision_replaces_the_current_one(repo: TestimonyRepository,
                                                   vault: Vault) -> None:
    repo.upsert_imported(TID, 1, draft("old words"), content=content(1, "old"))
    assert repo.upsert_imported(TID, 3, draft("new words"), content=content(3, "new"))
    t = repo.get(TID)
    assert (t.revision, t.narrative) == (3, "new words")
    assert [r[0] for r in revisions(vault)] == [1, 3]
    with vault.reading() as c:
        assert search(c, "old") == [] and len(search(c, "new")) == 1


def test_a_late_older_revision_is_only_kept_in_the_history(repo: TestimonyRepository,
                                                          vault: Vault) -> None:
    repo.upsert_imported(TID, 3, draft("third"), content=content(3, "third"))
    assert repo.upsert_imported(TID, 2, draft("second"), content=content(2, "second")) is False
    assert repo.get(TID).narrative == "third" and repo.get(TID).revision == 3
    assert [r[0] for r in revisions(vault)] == [2, 3]
    # The same revision again changes nothing.
    assert repo.upsert_imported(TID, 3, draft("other"), content=content(3, "other")) is False
    assert revisions(vault)[1][1] == content(3, "third")


def test_identity_is_kept_when_a_later_record_leaves_it_out(repo: TestimonyRepository) -> None:
    repo.upsert_imported(TID, 1, draft(name="Іван"), content=content(1, "a"))
    repo.upsert_imported(TID, 2, draft(), content=content(2, "b"), identity_included=False)
    assert repo.get(TID, include_identity=True).identity.name == "Іван"
    repo.upsert_imported(TID, 3, draft(), content=content(3, "c"), identity_included=True)
    assert repo.get(TID, include_identity=True).identity.name == ""


def test_joins_the_callers_transaction(repo: TestimonyRepository, vault: Vault) -> None:
    with pytest.raises(RuntimeError), vault.transaction():
        repo.upsert_imported(TID, 1, draft(), content=content(1, "a"))
        raise RuntimeError("the rest of the bundle failed")
    assert repo.list() == [] and revisions(vault) == []


def test_refuses_unknown_codes_and_bad_revisions(repo: TestimonyRepository) -> None:
    bad = draft()
    bad.acts[0].type = "no_such_violation"
    with pytest.raises(ValidationError):
        repo.upsert_imported(TID, 1, bad, content=content(1, "a"))
    with pytest.raises(ValidationError):
        repo.upsert_imported(TID, 0, draft(), content=content(0, "a"))
    assert repo.list() == []
