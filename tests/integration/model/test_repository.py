"""Testimonies in a real vault: add, edit, finalise into immutable revisions, consent."""

from __future__ import annotations

import pytest
import sqlcipher3

from nam_desktop.core.errors import NotFoundError, NotReadyError, ValidationError
from nam_desktop.core.model.json_io import draft_from_dict
from nam_desktop.core.model.records import Act, TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

DOC = {
    "title": "Задержание на Окрестина",
    "interview": {"date": "2025-05-02", "place": "Варшава", "language": "ru"},
    "witness": {"pseudonym": "R-12", "name": "Ирина Ковалёва", "birth_date": "1985-07-07"},
    "consent": {"hq_documentation": True, "legal_proceedings": True},
    "narrative": "Меня задержали у дома и отвезли на Окрестина.",
    "acts": [{"type": "administrative_arrest", "date": "2021-01", "place": "Минск"}],
}


def _add(repo: TestimonyRepository, **changes: object) -> str:
    doc = {**DOC, **changes}
    return repo.add(draft_from_dict(doc, repo.vocabulary_codes()))


def test_identity_is_kept_apart(repo: TestimonyRepository) -> None:
    tid = _add(repo)
    plain = repo.get(tid)
    assert plain.identity.name == ""
    assert "identity" not in plain.to_dict()
    assert repo.get(tid, include_identity=True).identity.name == "Ирина Ковалёва"
    summary = repo.list()[0]
    assert "Ирина" not in repr(summary)


def test_finalise_refused_with_the_list_of_what_is_missing(repo: TestimonyRepository) -> None:
    tid = repo.add(TestimonyDraft(title="пусты"))
    with pytest.raises(NotReadyError) as info:
        repo.finalize(tid)
    assert set(info.value.missing) == {"interview.date", "witness.pseudonym", "consent",
                                       "narrative or acts"}
    assert repo.get(tid).status == "draft"


def test_finalise_needs_hq_consent(repo: TestimonyRepository) -> None:
    tid = _add(repo, consent={"legal_proceedings": True})
    with pytest.raises(NotReadyError) as info:
        repo.finalize(tid)
    assert info.value.missing == ["consent.hq_documentation"]


def test_revisions_are_immutable_and_editing_reopens(repo: TestimonyRepository) -> None:
    tid = _add(repo)
    assert repo.finalize(tid) == 1
    first = repo.revision_content(tid, 1)
    assert first["identity"]["name"] == "Ирина Ковалёва"

    edited = repo.get(tid, include_identity=True)
    edited.narrative += " Дополнение."
    repo.update(tid, edited)
    assert repo.get(tid).status == "draft"
    assert repo.finalize(tid) == 2
    assert repo.revision_content(tid, 1) == first  # the old revision is unchanged
    assert repo.revision_content(tid, 2)["narrative"].endswith("Дополнение.")
    hashes = [r["content_hash"] for r in repo.revisions(tid)]
    assert len(set(hashes)) == 2
    with pytest.raises(sqlcipher3.IntegrityError, match="immutable"):
        repo._vault.conn.execute("UPDATE revisions SET content = '{}'")


def test_consent_withdrawal_blocks_finalising_and_is_history(repo: TestimonyRepository) -> None:
    tid = _add(repo)
    repo.withdraw_consent(tid, "по телефону")
    assert repo.get(tid).consent.withdrawn
    assert repo.list()[0].consent_withdrawn
    with pytest.raises(NotReadyError) as info:
        repo.finalize(tid)
    assert "consent (withdrawn)" in info.value.missing
    # An ordinary edit does not silently clear a withdrawal.
    repo.update(tid, repo.get(tid, include_identity=True))
    assert repo.get(tid).consent.withdrawn
    repo.renew_consent(tid)
    assert repo.finalize(tid) == 1
    kinds = [e["kind"] for e in repo.consent_history(tid)]
    assert kinds == ["given", "withdrawn", "renewed"]


def test_add_many_is_all_or_nothing(repo: TestimonyRepository) -> None:
    good = TestimonyDraft(title="ok")
    bad = TestimonyDraft(title="bad", acts=[Act(type="not_a_code")])
    with pytest.raises(ValidationError, match=r"\[1\] acts\[0\]\.type"):
        repo.add_many([good, bad])
    assert repo.list() == []


def test_list_summaries(repo: TestimonyRepository) -> None:
    tid = _add(repo)
    [row] = repo.list()
    assert (row.id, row.status, row.pseudonym, row.act_types) == (
        tid, "draft", "R-12", ("administrative_arrest",))
    assert repo.list(status="final") == []


def test_unknown_id(repo: TestimonyRepository) -> None:
    with pytest.raises(NotFoundError):
        repo.get("nope")
    with pytest.raises(NotFoundError):
        repo.withdraw_consent("nope")


def test_discard_draft_brings_the_last_final_revision_back(repo: TestimonyRepository,
                                                           vault: Vault) -> None:
    from nam_desktop.core.model.records import (
        Consent,
        Interview,
        Perpetrator,
        Witness,
        WitnessIdentity,
    )

    original = TestimonyDraft(
        title="Okrestina", interview=Interview(date="2020-08-12", languages=["be", "ru"]),
        consent=Consent(hq_documentation=True, method="oral"),
        witness=Witness(pseudonym="Owl", role="witness"),
        identity=WitnessIdentity(name="Ivan Petrov", contact="+375 29 000"),
        acts=[Act(type="arbitrary_detention", date="2020-08", date_precision="month",
                  perpetrators=[Perpetrator(unit="OMON", rank="major")])],
        narrative="Account.")
    tid = repo.add(original)
    with pytest.raises(ValidationError):
        repo.discard_draft(tid)  # no final revision yet
    repo.finalize(tid)
    with pytest.raises(ValidationError):
        repo.discard_draft(tid)  # final: nothing to discard
    changed = repo.get(tid, include_identity=True)
    changed.title, changed.narrative = "Changed", "Rewritten."
    changed.identity = WitnessIdentity(name="Someone else")
    changed.acts = []
    repo.update(tid, changed)
    assert repo.get(tid).status == "draft"
    assert repo.discard_draft(tid) == "final"
    back = repo.get(tid, include_identity=True)
    assert (back.status, back.revision, back.title, back.narrative) == (
        "final", 1, "Okrestina", "Account.")
    assert back.identity == original.identity
    assert back.interview.languages == ["be", "ru"] and back.witness.role == "witness"
    assert [(a.type, a.date, a.date_precision, a.perpetrators) for a in back.acts] == [
        ("arbitrary_detention", "2020-08", "month", [Perpetrator("OMON", "major")])]
    assert repo.revisions(tid)[-1]["revision"] == 1  # no revision was made or lost
    entries = sorted(vault.audit.entries(tid), key=lambda e: e.seq)
    assert entries[-1].action == "testimony.discard" and entries[-1].details == {"revision": 1}
    assert "testimony.reopen" in [e.action for e in entries]
    assert vault.check().ok
    assert repo.delivered_revisions() == {}
