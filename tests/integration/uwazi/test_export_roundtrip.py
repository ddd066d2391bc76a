"""Export to the example snapshot, read every package back with Python's ``csv`` and
``zipfile``, and check each row against the HQ vault it came from."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.uwazi import export as ux
from nam_desktop.core.uwazi import snapshot
from nam_desktop.core.uwazi.mapping import parse_mapping
from nam_desktop.core.uwazi.recommended import default_mapping_json
from nam_desktop.core.uwazi.records import LeaveReason
from nam_desktop.core.uwazi.vocab import CATEGORIES, FIXED, PRECISION

from .conftest import EXAMPLE, NARRATIVE, Hq, read_package

EXIFTOOL = shutil.which("exiftool")


def run_export(hq: Hq, mapping: bytes | None = None, *, snap: Path | None = None,
               since: str | None = None, out: Path | None = None) -> ux.ExportResult:
    out = out or hq.tmp / "out"
    out.mkdir(exist_ok=True)
    if snap is None:
        snap = hq.tmp / "snap" if (hq.tmp / "snap").is_dir() else hq.snapshot()
    request = ux.ExportRequest(parse_mapping(mapping or default_mapping_json()),
                               snapshot_folder=snap, since=since)
    return ux.export(hq.vault, out, request)


PERIODS = {  # the acts of the "full" testimony, in order: (date, period, precision)
    0: ("2020-08-10", "2020-08-10:2020-08-10", "exact"),
    1: ("", "2020-08-01:2020-08-31", "month"),
    2: ("", "2021-01-01:2021-12-31", "year"),
    3: ("", "2020-08-01:2020-12-31", "range"),
    4: ("", "", "unknown"),
}


def test_packages_read_back_row_by_row_as_the_vault_holds_them(hq: Hq) -> None:
    result = run_export(hq)
    assert result.folder is not None and result.folder.parent == hq.tmp / "out"
    assert sorted(p.name for p in result.folder.iterdir()) == \
        ["01-act.zip", "02-testimony.zip", "manifest.json"]
    snap = snapshot.read_folder(EXAMPLE)
    repo = TestimonyRepository(hq.vault)
    vocabulary = repo.vocabulary()

    # Acts: headers are the template's property names, every row is an act of the vault.
    rows, files = read_package(result.folder / "01-act.zip")
    header, body = rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    act_t = snap.template("NAM Act")
    assert act_t is not None and files == {}
    names = {p.name for p in act_t.properties}
    assert all(h.split("__")[0] in names for h in header)
    assert header[:3] == ["title__be", "title__ru", "title__en"]
    full = repo.get(hq.ids["full"])
    assert [r["nam_id"] for r in body] == [a.id for a in full.acts]
    # The example collection imported its thesaurus from vocabulary 2026.1: a term whose
    # label changed since is written as that thesaurus spells it (its former label).
    dictionaries = json.loads((EXAMPLE / "dictionaries.json").read_text(encoding="utf-8"))
    violations = next(t for t in dictionaries["rows"] if t["name"] == "NAM violation types")
    in_thesaurus = {f"{g['label']}::{v['label']}" for g in violations["values"]
                    for v in g.get("values", [])}
    former_used = 0
    for i, (r, act) in enumerate(zip(body, full.acts, strict=True)):
        term = vocabulary.get(act.type)
        assert term is not None
        for lang in ("be", "ru", "en"):
            assert r[f"title__{lang}"] == f"{term.label(lang)} (NAM {act.id} r1)"
        group, value = r["act_type"].split("::")
        assert r["act_type"] in in_thesaurus and group == CATEGORIES[term.category]["be"]
        assert value in (term.labels["be"], *term.former_labels)
        former_used += value != term.labels["be"]
        date, period, precision = PERIODS[i]
        assert (r["date_of_act"], r["act_period"]) == (date, period)
        assert r["date_precision"] == FIXED[PRECISION][precision]["be"]
        assert r["nam_testimony"] == full.id and r["nam_revision"] == "1"
        assert r["place_name"] == act.place and r["description"] == act.description
        assert r["victims"] == act.victims and r["place_geolocation"] == ""
        assert r["perpetrators"] == "\n".join(p.text() for p in act.perpetrators)

    assert former_used >= 1  # political_prosecution: its Belarusian label changed in 2026.2

    # Testimonies: the two the policy lets go, with their acts and cleaned files.
    rows, files = read_package(result.folder / "02-testimony.zip")
    header, body = rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert header[-1] == "attachments" and header[0] == "title"
    by_id = {r["nam_id"]: r for r in body}
    assert set(by_id) == {hq.ids["full"], hq.ids["plain"]}
    for tid, r in by_id.items():
        t = repo.get(tid)
        assert r["title"] == t.title and r["interview_date"] == t.interview.date
        assert r["witness_pseudonym"] == t.witness.pseudonym == "K-17"
        assert r["witness_role"] == FIXED["witness_roles"]["victim"]["be"]
        assert r["narrative"] == t.narrative
        assert r["consent"].split("|") == [FIXED["consent"][k]["be"] for k in (
            "hq_documentation", "legal_proceedings", "audio_recording",
            "anonymity_requested")]
        titles = [f"{vocabulary.get(a.type).label('be')} (NAM {a.id} r1)"  # type: ignore[union-attr]
                  for a in t.acts]
        assert r["acts"] == "|".join(titles)
    assert by_id[hq.ids["full"]]["narrative"] == NARRATIVE  # newline, quotes, | and ::

    # Files: the cleaned versions, byte for byte, under their ASCII names.
    service = AttachmentService(hq.vault)
    sent = [a for a in service.list(hq.ids["full"]) if a.media_type in ("jpeg", "png")]
    assert sorted(files) == sorted(f"{a.id}.{'jpg' if a.media_type == 'jpeg' else 'png'}"
                                   for a in sent)
    assert by_id[hq.ids["full"]]["attachments"].split("|") == [
        f"{a.id}.{'jpg' if a.media_type == 'jpeg' else 'png'}" for a in sent]
    for a in sent:
        body_bytes = next(v for k, v in files.items() if k.startswith(a.id))
        assert hashlib.sha256(body_bytes).hexdigest() == a.sha256_cleaned
        assert all(ord(ch) < 128 for ch in next(k for k in files if k.startswith(a.id)))
    assert by_id[hq.ids["plain"]]["attachments"] == ""

    # Left out, with reasons: withdrawn consent, the name in the text, the uncleaned
    # file, the recording.
    reasons = {(x.testimony_id, x.reason) for x in result.left_out}
    assert (hq.ids["withdrawn"], LeaveReason.CONSENT_WITHDRAWN) in reasons
    assert (hq.ids["named"], LeaveReason.IDENTITY_IN_TEXT) in reasons
    assert (hq.ids["full"], LeaveReason.FILE_NOT_CLEANED) in reasons


def test_manifest_and_audit_event_carry_the_package_hashes(hq: Hq) -> None:
    head_before = hq.vault.audit.head()
    result = run_export(hq)
    assert result.folder is not None
    on_disk = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
               for p in result.folder.glob("*.zip")}
    manifest = json.loads((result.folder / "manifest.json").read_text("utf-8"))
    assert {p["name"]: p["sha256"] for p in manifest["packages"]} == on_disk
    assert manifest["import_order"] == ["01-act.zip", "02-testimony.zip"]
    assert manifest["redaction"] == "pseudonymised"
    [event] = hq.vault.audit.entries(result.export_id)
    assert event.action == "uwazi.export"
    assert {p["name"]: p["sha256"] for p in event.details["packages"]} == on_disk
    assert event.details["snapshot_version"] == 1 and event.details["testimonies"] == 2
    snaps = [e for e in hq.vault.audit.entries() if e.action == "uwazi.snapshot"]
    assert len(snaps) == 1
    assert snaps[0].details["sha256"] == snapshot.read_folder(EXAMPLE).sha256
    assert hq.vault.audit.verify().ok and head_before != hq.vault.audit.head()
    assert snapshot.load(hq.vault) is not None


@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
def test_exiftool_finds_no_position_in_the_exported_photo(hq: Hq) -> None:
    """Oracle: exiftool on the original finds GPS; on the file in the package, none."""
    original = hq.tmp / "original.jpg"
    original.write_bytes(hq.originals[0])
    before = subprocess.run([EXIFTOOL, "-s", "-GPSLatitude", "-Make", str(original)],
                            capture_output=True, text=True, check=True).stdout
    if "GPSLatitude" not in before:
        pytest.skip("the corpus photo with GPS is not available")
    result = run_export(hq)
    assert result.folder is not None
    _, files = read_package(result.folder / "02-testimony.zip")
    jpg = hq.tmp / "exported.jpg"
    jpg.write_bytes(next(v for k, v in files.items() if k.endswith(".jpg")))
    after = subprocess.run([EXIFTOOL, "-s", "-GPS:all", "-Make", "-Model", str(jpg)],
                           capture_output=True, text=True, check=True).stdout
    assert "GPS" not in after and "FUJIFILM" not in after
