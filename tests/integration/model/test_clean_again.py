"""A refused document cleaned again from the vault's own original, with flattening
accepted (comments, speaker notes removed). Files made here with openpyxl and
python-pptx, as users make them; oracles: exiftool (with Archive::Zip) and byte
searches over every decompressed member of the cleaned copy."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nam_desktop.core.errors import NotFoundError, ValidationError
from nam_desktop.core.media.findings import BlockerKind, blocked, removable_by_flattening
from nam_desktop.core.model.attachments import AttachmentService, NotTheOriginalError
from nam_desktop.core.model.records import TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

from ...gui import office_docs as docs

ANALYST, EDITOR, PHONE, NEEDLES = docs.ANALYST, docs.EDITOR, docs.PHONE, docs.NEEDLES
xlsx_with_comments, pptx_with_notes, found = (docs.xlsx_with_comments, docs.pptx_with_notes,
                                              docs.found)


def exiftool(path: Path) -> str:
    if shutil.which("exiftool") is None:
        if os.environ.get("CI"):
            pytest.fail("exiftool missing in CI")
        pytest.skip("exiftool not installed")
    out = subprocess.run(["exiftool", "-a", "-G1", "-u", "-ee", str(path)],
                         capture_output=True, text=True, check=True)
    text = out.stdout + out.stderr
    assert "Install Archive::Zip" not in text  # else exiftool is blind inside ZIPs
    return text


@pytest.fixture
def tid(repo: TestimonyRepository) -> str:
    return repo.add(TestimonyDraft(title="With documents"))


def read(service: AttachmentService, attachment_id: str, *, original: bool = False) -> bytes:
    with service.open(attachment_id, original=original) as reader:
        return bytes(reader.read())


def test_xlsx_comments_cleaned_again_from_the_stored_original(
        vault: Vault, tid: str, tmp_path: Path) -> None:
    data = xlsx_with_comments()
    service = AttachmentService(vault)
    refused = service.attach(tid, io.BytesIO(data), "list.xlsx")
    assert refused.clean_status == "refused" and refused.cleaned_media_id is None
    assert removable_by_flattening(refused.report)
    assert blocked(refused.report)[0].kind is BlockerKind.COMMENTS
    assert blocked(refused.report)[0].count == 3
    assert set(blocked(refused.report)[0].authors) == {ANALYST, EDITOR}
    media_before = sorted(p.name for p in (vault.folder / "media").iterdir())

    done = service.clean_again(refused.id, accept_flattening=True)

    assert done.cleaned and not done.notes
    att = done.attachment
    assert att.id != refused.id and att.clean_status == "clean"
    assert [a.id for a in service.list(tid)] == [att.id]  # the refused record is replaced
    assert att.original_media_id == refused.original_media_id  # the same stored original
    assert att.sha256_original == refused.sha256_original
    assert att.created_at == refused.created_at and att.filename == "list.xlsx"
    original = read(service, att.id, original=True)
    assert original == data  # untouched, comments and all
    assert found(original) == set(NEEDLES)
    cleaned = read(service, att.id)
    assert found(cleaned) == set()
    out = tmp_path / "cleaned.xlsx"
    out.write_bytes(cleaned)
    seen = exiftool(out)
    assert not any(n in seen for n in NEEDLES)
    src = tmp_path / "original.xlsx"
    src.write_bytes(original)
    assert ANALYST in exiftool(src)  # the oracle sees the creator where it is
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(cleaned)).active
    assert sheet["A1"].value == "Detention list" and sheet["A1"].comment is None
    # One new media file (the cleaned copy); the original's file is the same one.
    media_after = sorted(p.name for p in (vault.folder / "media").iterdir())
    assert set(media_before) < set(media_after) and len(media_after) == len(media_before) + 1
    entry = vault.audit.entries(limit=1)[0]
    assert entry.action == "attachment.clean_again"
    assert entry.details["replaces"] == refused.id and entry.details["attachment"] == att.id
    assert entry.details["accept_flattening"] is True
    assert entry.details["removed"] == ["comments"]
    assert entry.details["sha256_original"] == refused.sha256_original
    assert entry.details["original_kept"] is True
    assert att.report["cleaned_again"] == {"replaces": refused.id, "accept_flattening": True}
    assert [b.kind for b in blocked(att.report)] == [BlockerKind.COMMENTS]  # what went
    assert vault.check().ok


def test_pptx_notes_with_originals_not_kept(vault: Vault, tid: str) -> None:
    data = pptx_with_notes()
    service = AttachmentService(vault)
    service.set_keep_originals(False)
    refused = service.attach(tid, io.BytesIO(data), "slides.pptx")
    # A refused file is the only copy: kept whatever the policy says.
    assert refused.clean_status == "refused" and refused.original_media_id is not None
    [notes] = blocked(refused.report)
    assert notes.kind is BlockerKind.SPEAKER_NOTES and notes.count == 2
    assert notes.authors == ()  # shape names of the notes page are no authors
    original_file = vault.media.path_of(refused.original_media_id)

    done = service.clean_again(refused.id, accept_flattening=True)

    att = done.attachment
    assert done.cleaned and att.original_media_id is None  # the vault's policy applies
    assert att.sha256_original == refused.sha256_original  # the hash stays as the record
    assert not original_file.exists()
    cleaned = read(service, att.id)
    assert found(cleaned) == set()
    import pptx

    prs = pptx.Presentation(io.BytesIO(cleaned))
    assert [s.shapes.title.text for s in prs.slides] == ["Detentions in Minsk", "Transfers"]
    assert not any(s.has_notes_slide for s in prs.slides)
    entry = vault.audit.entries(limit=1)[0]
    assert entry.details["original_kept"] is False
    assert entry.details["removed"] == ["speaker_notes"]
    assert vault.check().ok


def _drop_original(vault: Vault, attachment_id: str, media_id: str) -> None:
    """What destroying the local copy after HQ's receipt does (``exchange.purge``)."""
    with vault.transaction() as c:
        c.execute("UPDATE attachments SET original_media_id = NULL WHERE id = ?",
                  (attachment_id,))
        vault.media.delete(media_id)


def test_original_gone_needs_the_same_file_again(vault: Vault, tid: str) -> None:
    data = xlsx_with_comments()
    service = AttachmentService(vault)
    refused = service.attach(tid, io.BytesIO(data), "list.xlsx")
    assert refused.original_media_id is not None
    _drop_original(vault, refused.id, refused.original_media_id)
    files = sorted((vault.folder / "media").iterdir())
    with pytest.raises(NotFoundError):
        service.clean_again(refused.id, accept_flattening=True)
    other = xlsx_with_comments()[:-22] + bytes(22)  # another file (its end differs)
    with pytest.raises(NotTheOriginalError):
        service.clean_again(refused.id, accept_flattening=True, source=io.BytesIO(other))
    assert sorted((vault.folder / "media").iterdir()) == files  # nothing stored
    assert service.get(refused.id).clean_status == "refused"

    done = service.clean_again(refused.id, accept_flattening=True, source=io.BytesIO(data))

    att = done.attachment
    assert done.cleaned and att.original_media_id is not None
    assert read(service, att.id, original=True) == data  # the original is back
    assert found(read(service, att.id)) == set()
    assert vault.audit.entries(limit=1)[0].details["original_given_again"] is True
    assert vault.check().ok


def test_what_flattening_cannot_remove_changes_nothing(vault: Vault, tid: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "unit" / "media"))
    from media_samples import PLAIN_BODY, make_docx  # the media tests' DOCX builder

    comments = (b'<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                b'2006/main"><w:comment w:id="0" w:author="Siarhei Analyst"><w:p><w:r>'
                b"<w:t>source is Maryia K.</w:t></w:r></w:p></w:comment></w:comments>")
    data = make_docx(PLAIN_BODY, {"word/comments.xml": comments,
                                  "word/embeddings/object.bin": b"\xd0\xcf\x11\xe0 ole"})
    service = AttachmentService(vault)
    refused = service.attach(tid, io.BytesIO(data), "memo.docx")
    assert refused.clean_status == "refused"
    kinds = [b.kind for b in blocked(refused.report)]
    assert kinds == [BlockerKind.COMMENTS, BlockerKind.OTHER]
    assert not removable_by_flattening(refused.report)
    files = sorted((vault.folder / "media").iterdir())
    head = vault.audit.head()

    done = service.clean_again(refused.id, accept_flattening=True)

    assert not done.cleaned and done.attachment == refused
    assert any("object.bin" in note for note in done.notes)
    assert service.list(tid) == [refused]
    assert sorted((vault.folder / "media").iterdir()) == files
    assert vault.audit.head() == head


def test_only_refused_files_are_cleaned_again(vault: Vault, tid: str) -> None:
    service = AttachmentService(vault)
    plain = service.attach(tid, io.BytesIO(b"just some words\n"), "notes.txt")
    assert plain.clean_status == "not_checked"
    with pytest.raises(ValidationError):
        service.clean_again(plain.id, accept_flattening=True)
    with pytest.raises(NotFoundError):
        service.clean_again("no-such-attachment", accept_flattening=True)
