"""What the HQ vault may hand to Uwazi: the latest final revision of each testimony, as it
was verified on import (its stored hash checked again), with consent applied.

Left out, with a reason: testimonies never finalised, consent withdrawn (recorded with
the revision or at HQ since), no consent to documentation, and at the public level no
consent to anonymous publication. Files go only as their cleaned version (never the
original); recordings of the interview only when the mapping allows them and the witness
consented to audio recording.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from nam_desktop.core.exchange import records_import
from nam_desktop.core.exchange.errors import ExchangeError
from nam_desktop.core.model.records import Act, Consent, TestimonyDraft, WitnessIdentity
from nam_desktop.core.uwazi.errors import Reason, UwaziError
from nam_desktop.core.vault.db import Connection
from nam_desktop.core.vault.vault import Vault

_EXT = re.compile(r"^[a-z0-9]{1,8}$")
_CONSENT_FLAGS = ("hq_documentation", "anonymous_publication", "legal_proceedings",
                  "audio_recording", "may_recontact")


class LeaveReason(Enum):
    NOT_FINAL = "not_final"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    NO_DOCUMENTATION_CONSENT = "no_documentation_consent"
    NO_PUBLICATION_CONSENT = "no_publication_consent"
    IDENTITY_IN_TEXT = "identity_in_text"  # the witness's name or contacts in free text
    FILE_NOT_CLEANED = "file_not_cleaned"  # only cleaned files leave the vault
    RECORDING_NOT_ALLOWED = "recording_not_allowed"
    FILE_TOO_LARGE = "file_too_large"  # larger than one Uwazi upload


@dataclass(frozen=True)
class LeftOut:
    """A testimony (or one of its files: ``attachment_id``) not exported, and why."""

    testimony_id: str
    reason: LeaveReason
    detail: str = ""  # field names, never their content
    attachment_id: str = ""


@dataclass(frozen=True)
class AttachmentOut:
    attachment_id: str
    media_id: str  # the cleaned version's encrypted file
    name: str  # unique ASCII name inside the package
    size: int
    sha256: str


@dataclass(frozen=True)
class ActRecord:
    nam_id: str
    position: int
    act: Act


@dataclass
class TestimonyRecord:
    __test__ = False  # not a pytest class
    testimony_id: str
    revision: int
    draft: TestimonyDraft
    consent: Consent
    acts: tuple[ActRecord, ...]
    attachments: tuple[AttachmentOut, ...]
    needles: tuple[str, ...] = field(repr=False)  # the identity, to look for in text
    digest: str = ""  # revision + files sent: a change makes it "changed"
    left_files: tuple[LeftOut, ...] = ()


def _consent(c: Connection, tid: str, revision_consent: Consent) -> Consent:
    """The stricter of the consent recorded with the revision and the one held now (HQ
    may have recorded a withdrawal since)."""
    row = c.execute("SELECT hq_documentation, anonymous_publication, legal_proceedings, "
                    "audio_recording, may_recontact, withdrawn_at FROM consent "
                    "WHERE testimony_id = ?", (tid,)).fetchone()
    if row is None:
        return revision_consent
    merged = replace(revision_consent,
                     withdrawn_at=str(row[5]) or revision_consent.withdrawn_at)
    for key, value in zip(_CONSENT_FLAGS, row[:5], strict=True):
        setattr(merged, key, bool(getattr(revision_consent, key)) and bool(value))
    return merged


def _identity(c: Connection, tid: str, draft: TestimonyDraft) -> WitnessIdentity:
    row = c.execute("SELECT name, birth_date, contact, documents FROM witness_identity "
                    "WHERE testimony_id = ?", (tid,)).fetchone()
    stored = WitnessIdentity(*row) if row is not None else WitnessIdentity()
    mine = draft.identity
    return WitnessIdentity(*(" ; ".join(x for x in (getattr(stored, k), getattr(mine, k)) if x)
                             for k in ("name", "birth_date", "contact", "documents")))


def attachment_name(attachment_id: str, filename: str, media_type: str) -> str:
    """``<attachment id>.<ext>``: unique, ASCII, and says nothing of the original name.
    The extension is the detected format's (else the name's, if plain; else ``bin``)."""
    media = media_type.lower()
    suffix = "jpg" if media == "jpeg" else media
    if not _EXT.match(suffix) or suffix in ("unknown", "zip", "isobmff"):  # containers
        suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return f"{attachment_id}.{suffix if _EXT.match(suffix) else 'bin'}"


def _attachments(c: Connection, tid: str, consent: Consent, recordings: bool,
                 file_limit: int) -> tuple[list[AttachmentOut], list[LeftOut]]:
    rows = c.execute("SELECT a.id, a.filename, a.media_type, a.kind, a.clean_status, "
                     "a.cleaned_media_id, a.sha256_cleaned, m.size, m.sha256 "
                     "FROM attachments a LEFT JOIN media_files m ON m.id = a.cleaned_media_id "
                     "WHERE a.testimony_id = ? ORDER BY a.created_at, a.id", (tid,)).fetchall()
    out: list[AttachmentOut] = []
    left: list[LeftOut] = []
    used = 0  # a testimony's files travel in the zip of its row: all must fit one upload
    for aid, filename, media_type, kind, status, media_id, sha_c, size, sha_m in rows:
        if status != "clean" or not media_id or size is None:
            left.append(LeftOut(tid, LeaveReason.FILE_NOT_CLEANED, str(status), aid))
        elif kind == "recording" and not (recordings and consent.audio_recording):
            left.append(LeftOut(tid, LeaveReason.RECORDING_NOT_ALLOWED, "", aid))
        elif used + int(size) > file_limit:
            left.append(LeftOut(tid, LeaveReason.FILE_TOO_LARGE, str(size), aid))
        elif sha_m != sha_c:
            raise UwaziError(Reason.SOURCE_CHANGED, f"attachment {aid}: cleaned file hash")
        else:
            used += int(size)
            out.append(AttachmentOut(aid, str(media_id),
                                     attachment_name(aid, str(filename), str(media_type)),
                                     int(size), str(sha_c)))
    return out, left


def digest(revision: int, attachments: tuple[AttachmentOut, ...]) -> str:
    body = json.dumps([revision, sorted(a.sha256 for a in attachments)])
    return hashlib.sha256(body.encode("ascii")).hexdigest()


def _revision(c: Connection, tid: str, revision: int) -> dict[str, Any]:
    row = c.execute("SELECT content, content_hash FROM revisions WHERE testimony_id = ? AND "
                    "revision = ?", (tid, revision)).fetchone()
    if row is None:
        raise UwaziError(Reason.SOURCE_CHANGED, f"testimony {tid}: revision {revision} missing")
    content = str(row[0])
    if hashlib.sha256(content.encode("utf-8")).hexdigest() != row[1]:
        raise UwaziError(Reason.SOURCE_CHANGED, f"testimony {tid}: revision {revision} "
                                                "does not match its hash")
    rec = json.loads(content)
    if not isinstance(rec, dict):
        raise UwaziError(Reason.SOURCE_CHANGED, f"testimony {tid}: revision is not a record")
    return rec


def read_records(vault: Vault, *, redaction: str, recordings: bool,
                 file_limit: int) -> tuple[list[TestimonyRecord], list[LeftOut]]:
    """Every testimony the policy lets go, and those it holds back (with the reason).
    ``file_limit`` bounds the total size of one testimony's files (one Uwazi upload)."""
    from nam_desktop.core.summary.content import identity_needles  # reportlab: lazily

    records: list[TestimonyRecord] = []
    left: list[LeftOut] = []
    with vault.reading() as c:
        rows = c.execute("SELECT id, revision FROM testimonies ORDER BY created_at, id") \
            .fetchall()
        for tid, revision in rows:
            tid, revision = str(tid), int(revision)
            if revision < 1:
                left.append(LeftOut(tid, LeaveReason.NOT_FINAL))
                continue
            try:
                draft, _ = records_import.draft_from_record(_revision(c, tid, revision))
            except ExchangeError as exc:
                raise UwaziError(Reason.SOURCE_CHANGED, f"testimony {tid}: revision "
                                                        f"{revision} unreadable") from exc
            consent = _consent(c, tid, draft.consent)
            why = None
            if consent.withdrawn:
                why = LeaveReason.CONSENT_WITHDRAWN
            elif not consent.hq_documentation:
                why = LeaveReason.NO_DOCUMENTATION_CONSENT
            elif redaction == "public" and not consent.anonymous_publication:
                why = LeaveReason.NO_PUBLICATION_CONSENT
            if why is not None:
                left.append(LeftOut(tid, why))
                continue
            needles = tuple(identity_needles(_identity(c, tid, draft)))
            files, left_files = _attachments(c, tid, consent, recordings, file_limit)
            acts = tuple(ActRecord(a.id or f"{tid}-{i + 1}", i, a)
                         for i, a in enumerate(draft.acts))
            draft.identity = WitnessIdentity()  # not carried further than this
            records.append(TestimonyRecord(tid, revision, draft, consent, acts, tuple(files),
                                           needles, digest(revision, tuple(files)),
                                           tuple(left_files)))
    return records, left
