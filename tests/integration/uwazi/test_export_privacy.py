"""Byte searches over everything an export writes (the zips as stored, every entry
decompressed, the manifest): the witness's identity, the interviewer, the notes (unless
mapped) and the original files never appear; nothing is written outside OUTDIR."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.uwazi.recommended import default_mapping_json

from .conftest import SECRET_CONTACT, SECRET_NAME, SECRET_NOTES, SECRET_REFERRAL, Hq
from .test_export_roundtrip import run_export


def written_bytes(folder: Path) -> list[bytes]:
    """Each file as stored, and each zip entry decompressed."""
    out = []
    for path in folder.rglob("*"):
        if path.is_file():
            out.append(path.read_bytes())
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as zf:
                    out += [zf.read(n) for n in zf.namelist()]
    return out


def found(blobs: list[bytes], needle: str | bytes) -> bool:
    raw = needle.encode("utf-8") if isinstance(needle, str) else needle
    return any(raw in b for b in blobs)


IDENTITY = [SECRET_NAME, *SECRET_NAME.split(), SECRET_CONTACT, "1988-04-02", "MP1234567",
            "I-07 Interviewer Name", "Interviewer Name"]


def test_identity_notes_and_originals_never_leave(hq: Hq) -> None:
    repo = TestimonyRepository(hq.vault)
    # The HQ vault does hold them (the bundle carried identity and originals).
    assert repo.get(hq.ids["full"], include_identity=True).identity.name == SECRET_NAME
    atts = AttachmentService(hq.vault).list(hq.ids["full"])
    assert all(a.original_media_id for a in atts)
    snap = hq.snapshot()
    (hq.tmp / "out").mkdir()
    before = {p for p in hq.tmp.rglob("*")}
    result = run_export(hq, snap=snap)
    assert result.folder is not None
    blobs = written_bytes(result.folder)
    assert found(blobs, "Толькі аповед.")  # the search sees inside the deflated CSV
    for needle in [*IDENTITY, SECRET_NOTES, SECRET_REFERRAL, "фота з Акрэсціна",
                   "plain notes, never cleaned"]:
        assert not found(blobs, needle), needle
    for original in hq.originals:  # the uncleaned bodies, and their camera metadata
        assert not found(blobs, original[:4096])
    assert not found(blobs, b"FinePixS1Pro") and not found(blobs, b"FUJIFILM")
    assert not found(blobs, b"PngAuthorSecret")
    originals = {a.sha256_original for a in atts}
    with zipfile.ZipFile(result.folder / "02-testimony.zip") as zf:
        import hashlib

        entry_hashes = {hashlib.sha256(zf.read(n)).hexdigest() for n in zf.namelist()}
    assert not entry_hashes & originals
    # Only OUTDIR changed: no temporary file anywhere else, nothing left half-written.
    after = {p for p in hq.tmp.rglob("*")}
    assert {p for p in after - before if not str(p).startswith(str(hq.tmp / "out"))} == set()
    assert not [p for p in (hq.tmp / "out").rglob("*") if ".partial" in p.name]
    assert os.listdir(hq.tmp / "out") == [result.folder.name]


def test_notes_leave_only_when_mapped(hq: Hq) -> None:
    body = json.loads(default_mapping_json())
    body["templates"]["testimony"]["columns"]["narrative"] = "testimony.notes"
    result = run_export(hq, json.dumps(body).encode())
    assert result.folder is not None
    blobs = written_bytes(result.folder)
    assert found(blobs, SECRET_NOTES)  # the positive control: mapped, so present
    assert not found(blobs, SECRET_NAME) and not found(blobs, SECRET_REFERRAL)


def test_public_level_needs_consent_to_publication(hq: Hq) -> None:
    from nam_desktop.core.uwazi.records import LeaveReason

    body = json.loads(default_mapping_json())
    body["redaction"] = "public"
    result = run_export(hq, json.dumps(body).encode())
    assert result.folder is None and list((hq.tmp / "out").iterdir()) == []
    reasons = {x.testimony_id: x.reason for x in result.left_out if not x.attachment_id}
    assert reasons[hq.ids["full"]] is LeaveReason.NO_PUBLICATION_CONSENT
    assert reasons[hq.ids["plain"]] is LeaveReason.NO_PUBLICATION_CONSENT
