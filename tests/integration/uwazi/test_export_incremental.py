"""Exports carry only what is new or changed since the export compared with; consent
withdrawn after an export is reported once as "remove from Uwazi"; each export is one
audit event."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.uwazi.errors import Reason, UwaziError

from .conftest import Hq, read_package
from .test_export_roundtrip import run_export


def exported_ids(folder: Path | None) -> set[str]:
    assert folder is not None
    ids: set[str] = set()
    for zp in sorted(folder.glob("*-testimony.zip")):
        rows, _ = read_package(zp)
        ids |= {dict(zip(rows[0], r, strict=True))["nam_id"] for r in rows[1:]}
    return ids


def test_a_second_export_repeats_nothing(hq: Hq) -> None:
    first = run_export(hq)
    assert exported_ids(first.folder) == {hq.ids["full"], hq.ids["plain"]}
    second = run_export(hq)
    assert second.folder is None and second.packages == [] and second.unchanged == 2
    assert sorted(p.name for p in (hq.tmp / "out").iterdir()) == ["nam-uwazi-0001"]
    assert [e.action for e in hq.vault.audit.entries()].count("uwazi.export") == 1


def test_a_new_revision_goes_again_alone_and_since_chooses_the_base(hq: Hq) -> None:
    first = run_export(hq)
    repo = TestimonyRepository(hq.vault)
    full = repo.get(hq.ids["full"], include_identity=True)
    full.narrative += "\nHQ correction."
    repo.update(full.id, full)
    assert repo.finalize(full.id) == 2
    second = run_export(hq)
    assert exported_ids(second.folder) == {hq.ids["full"]}
    rows, _ = read_package(second.folder / "01-act.zip")  # type: ignore[operator]
    assert all(r[0].endswith(" r2)") for r in rows[1:])  # new act titles: no clash in Uwazi
    third = run_export(hq, since=str(first.seq))  # compared with the first: full changed
    assert exported_ids(third.folder) == {hq.ids["full"]}
    everything = run_export(hq, since="all")
    assert exported_ids(everything.folder) == {hq.ids["full"], hq.ids["plain"]}
    assert [second.seq, third.seq, everything.seq] == [2, 3, 4]
    with pytest.raises(UwaziError) as info:
        run_export(hq, since="99")
    assert info.value.reason is Reason.UNKNOWN_EXPORT


def test_consent_withdrawn_after_an_export_is_reported_once(hq: Hq) -> None:
    run_export(hq)
    TestimonyRepository(hq.vault).withdraw_consent(hq.ids["plain"], "by phone")
    second = run_export(hq)
    assert second.removals == [hq.ids["plain"]] and second.testimonies == 0
    assert second.folder is not None and second.packages == []  # a manifest only
    manifest = json.loads((second.folder / "manifest.json").read_text("utf-8"))
    assert manifest["remove_from_uwazi"] == [hq.ids["plain"]]
    third = run_export(hq)
    assert third.removals == [] and third.folder is None
    [event] = [e for e in hq.vault.audit.entries() if e.action == "uwazi.export"
               and e.details["seq"] == second.seq]
    assert event.details["removals"] == 1


def test_every_export_is_one_audit_event_and_the_chain_holds(hq: Hq) -> None:
    results = [run_export(hq, since="all") for _ in range(3)]
    events = [e for e in hq.vault.audit.entries() if e.action == "uwazi.export"]
    assert sorted(e.object_id for e in events) == sorted(r.export_id for r in results)
    assert all(len(e.details["items_sha256"]) == 64 for e in events)
    assert hq.vault.check(deep_media=False).ok


def test_consent_to_documentation_taken_back_at_hq_holds_the_testimony_back(hq: Hq) -> None:
    """The revision said yes; HQ has since recorded no (editing reopens it as a draft,
    the revision stays): the stricter answer wins."""
    from nam_desktop.core.uwazi.records import LeaveReason

    repo = TestimonyRepository(hq.vault)
    plain = repo.get(hq.ids["plain"], include_identity=True)
    plain.consent.hq_documentation = False
    repo.update(plain.id, plain)
    result = run_export(hq)
    assert exported_ids(result.folder) == {hq.ids["full"]}
    assert (hq.ids["plain"], LeaveReason.NO_DOCUMENTATION_CONSENT) in {
        (x.testimony_id, x.reason) for x in result.left_out}
