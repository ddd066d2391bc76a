"""The content of an interview summary at a redaction level.

The content is a plain JSON-ready dictionary: exactly what the PDF shows, nothing more.
It is built from the repository and the attachment list, signed in canonical form
(:mod:`.canonical`, :mod:`.signature`) and rendered by :mod:`.render`.

Redaction levels:

``full``
    everything, including the witness's identity (for HQ only);
``pseudonymised`` (default)
    no name, birth date, contacts or documents, no interviewer name; free text as
    written, with a warning when it contains the recorded name or contacts;
``public``
    coded facts only (vocabulary terms, dates at the precision given, consent flags,
    attachment types and hashes); no free text at all, not even file names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from nam_desktop.core.clock import Clock, iso, utc_now
from nam_desktop.core.errors import NamError, ValidationError
from nam_desktop.core.model.attachments import Attachment, AttachmentService
from nam_desktop.core.model.records import Act, Testimony, WitnessIdentity
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.model.vocabulary import Vocabulary
from nam_desktop.core.summary.labels import LANGUAGES
from nam_desktop.core.vault.vault import Vault

CONTENT_FORMAT = "nam-summary-content"
CONTENT_VERSION = 1
MIN_NAME_PART = 3  # shorter parts of a name ("Li", initials) are too common to flag

_INVISIBLE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f"
                        "\u202a-\u202e\u2066-\u2069\ufeff]")


class Redaction(Enum):
    FULL = "full"
    PSEUDONYMISED = "pseudonymised"
    PUBLIC = "public"

    @classmethod
    def parse(cls, value: str | Redaction) -> Redaction:
        if isinstance(value, Redaction):
            return value
        try:
            return cls(value)
        except ValueError as exc:
            raise ValidationError("redaction", "must be full, pseudonymised or public") from exc


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValidationError("lang", "must be en, ru or be")
    return lang


def clean_text(text: str) -> str:
    """Drop control and bidirectional-override characters (they can hide or reorder
    words on paper); keep line breaks and tabs."""
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def date_at_precision(date: str, date_end: str, precision: str) -> str:
    """A date shown no more precisely than it was given ("" when unknown)."""
    if not date or precision == "unknown":
        return ""
    if precision == "month":
        return date[:7]
    if precision == "year":
        return date[:4]
    if precision == "range":
        return f"{date} – {date_end}" if date_end else date
    return date


def identity_needles(identity: WitnessIdentity) -> list[str]:
    """Case-folded strings whose presence in free text is worth a warning."""
    needles = []
    name = identity.name.strip()
    if name:
        needles.append(name.casefold())
        needles += [p.casefold() for p in re.split(r"[\s,.;]+", name) if len(p) >= MIN_NAME_PART]
    for value in (identity.contact, identity.documents, identity.birth_date):
        needles += [v.strip().casefold() for v in re.split(r"[,;\n]+", value)
                    if len(v.strip()) >= MIN_NAME_PART]
    return sorted(set(needles))


@dataclass(frozen=True)
class SummaryOptions:
    redaction: Redaction = Redaction.PSEUDONYMISED
    lang: str = "en"
    include_notes: bool = False

    @classmethod
    def make(cls, redaction: str | Redaction = "pseudonymised", lang: str = "en",
             include_notes: bool = False) -> SummaryOptions:
        return cls(Redaction.parse(redaction), check_language(lang), include_notes)


class _Builder:
    def __init__(self, t: Testimony, vocab: Vocabulary, atts: list[Attachment],
                 opts: SummaryOptions, damaged: list[int] | None = None) -> None:
        self.t = t
        self.vocab = vocab
        self.atts = atts
        self.damaged = damaged or []
        self.opts = opts
        self.level = opts.redaction
        self.free = self.level is not Redaction.PUBLIC
        self.needles = identity_needles(t.identity)
        self.flagged: list[str] = []

    def text(self, field: str, value: str) -> str:
        """Free text as written, remembering where the witness's identity appears."""
        value = clean_text(value)
        if self.level is not Redaction.FULL and value:
            folded = value.casefold()
            if any(n in folded for n in self.needles) and field not in self.flagged:
                self.flagged.append(field)
        return value

    def interview(self) -> dict[str, Any]:
        iv = self.t.interview
        out: dict[str, Any] = {
            "date": date_at_precision(iv.date, iv.date_end, "range" if iv.date_end else "exact"),
            "mode": iv.mode,
            "languages": [clean_text(x) for x in iv.languages],
        }
        if self.free:
            out["place"] = self.text("interview.place", iv.place)
            out["interpreter"] = self.text("interview.interpreter", iv.interpreter)
            out["others_present"] = self.text("interview.others_present", iv.others_present)
        if self.level is Redaction.FULL:
            out["interviewer"] = clean_text(iv.interviewer)
        return out

    def act(self, i: int, act: Act) -> dict[str, Any]:
        term = self.vocab.get(act.type)
        out: dict[str, Any] = {
            "type": act.type,
            "label": term.label(self.opts.lang) if term else act.type,
            "date": date_at_precision(act.date, act.date_end, act.date_precision),
            "date_precision": act.date_precision,
        }
        if self.free:
            for name in ("place", "victims", "status_after", "description"):
                out[name] = self.text(f"acts[{i}].{name}", getattr(act, name))
            out["perpetrators"] = [self.text(f"acts[{i}].perpetrators", p.text())
                                   for p in act.perpetrators]
        return out

    def attachment(self, i: int, a: Attachment) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": a.id,
            "media_type": a.media_type,
            "clean_status": a.clean_status,
            "size_original": a.size_original,
            "size_cleaned": a.size_cleaned,
            "sha256_original": a.sha256_original,
            "sha256_cleaned": a.sha256_cleaned,
        }
        if self.free:
            out["filename"] = self.text(f"attachments[{i}].filename", a.filename)
        return out

    def build(self, *, created_at: str, fingerprint: str, audit_head: str) -> dict[str, Any]:
        t = self.t
        c = t.consent
        content: dict[str, Any] = {
            "format": CONTENT_FORMAT,
            "version": CONTENT_VERSION,
            "record_id": t.id,
            "revision": t.revision,
            "status": t.status,
            "redaction": self.level.value,
            "lang": self.opts.lang,
            "created_at": created_at,
            "device_fingerprint": fingerprint,
            "audit_head": audit_head,
            "interview": self.interview(),
            "consent": {
                "hq_documentation": c.hq_documentation,
                "anonymous_publication": c.anonymous_publication,
                "legal_proceedings": c.legal_proceedings,
                "audio_recording": c.audio_recording,
                "anonymity_requested": c.anonymity_requested,
                "may_recontact": c.may_recontact,
                "given_date": c.given_date,
                "method": c.method,
                "withdrawn_at": c.withdrawn_at,
            },
            "witness": {
                "pseudonym": self.text("witness.pseudonym", t.witness.pseudonym),
                "gender": clean_text(t.witness.gender),
                "age_group": clean_text(t.witness.age_group),
                "role": t.witness.role,
            },
            "acts": [self.act(i, a) for i, a in enumerate(t.acts)],
            "attachments": [self.attachment(i, a) for i, a in enumerate(self.atts)],
        }
        if self.free:
            content["title"] = self.text("title", t.title)
            content["narrative"] = self.text("narrative", t.narrative)
            if self.opts.include_notes:
                content["notes"] = {
                    "notes": self.text("notes", t.notes),
                    "reliability": self.text("assessment.reliability", t.assessment.reliability),
                    "follow_up": self.text("assessment.follow_up", t.assessment.follow_up),
                    "referrals": self.text("assessment.referrals", t.assessment.referrals),
                }
        if self.level is Redaction.FULL:
            idn = t.identity
            content["identity"] = {k: clean_text(getattr(idn, k))
                                   for k in ("name", "birth_date", "contact", "documents")}
        content["warnings"] = self.warnings()
        return content

    def warnings(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        if self.t.consent.withdrawn:
            out.append({"code": "consent_withdrawn"})
        if self.t.status == "draft":
            out.append({"code": "draft"})
        if self.level is Redaction.PUBLIC and not self.t.consent.anonymous_publication:
            out.append({"code": "no_publication_consent"})
        if self.flagged:
            out.append({"code": "identity_in_free_text", "fields": list(self.flagged)})
        if self.damaged:
            out.append({"code": "media_damaged",
                        "fields": [f"attachments[{i}]" for i in self.damaged]})
        return out


def build_content(vault: Vault, testimony_id: str, options: SummaryOptions | None = None, *,
                  clock: Clock = utc_now) -> dict[str, Any]:
    """The summary content of one testimony (raises ``NotFoundError`` if unknown)."""
    opts = options or SummaryOptions()
    repo = TestimonyRepository(vault, clock)
    # The identity is loaded at every level, but only to look for it in free text.
    testimony = repo.get(testimony_id, include_identity=True)
    attachments = AttachmentService(vault, clock).list(testimony_id)
    with vault.reading():
        head = vault.audit.head()
        fingerprint = vault.device.fingerprint
    damaged = damaged_attachments(vault, attachments)
    builder = _Builder(testimony, repo.vocabulary(), attachments, opts, damaged)
    return builder.build(created_at=iso(clock()), fingerprint=fingerprint, audit_head=head)


def damaged_attachments(vault: Vault, attachments: list[Attachment]) -> list[int]:
    """Indexes of the attachments whose stored copy (cleaned or original) is missing,
    fails authentication, or no longer has the SHA-256 recorded when it was added.

    Every chunk of every listed file is decrypted and hashed (as ``vault check`` does):
    a summary lists those hashes as evidence, so it must not vouch for a file the vault
    can no longer produce. The summary then carries the ``media_damaged`` warning.
    """
    damaged = []
    for index, att in enumerate(attachments):
        for media_id, recorded in ((att.cleaned_media_id, att.sha256_cleaned),
                                   (att.original_media_id, att.sha256_original)):
            if media_id is None:
                continue
            try:
                with vault.reading(), vault.media.open(media_id) as reader:
                    intact = reader.verify_all() == recorded
            except NamError:  # missing file or row, failed authentication
                intact = False
            if not intact:
                damaged.append(index)
                break
    return damaged


def warning_codes(content: dict[str, Any]) -> list[str]:
    return [str(w.get("code")) for w in content.get("warnings", [])]


def image_attachment_ids(content: dict[str, Any], image_types: Iterable[str]) -> list[str]:
    types = set(image_types)
    return [a["id"] for a in content.get("attachments", [])
            if a.get("clean_status") == "clean" and a.get("media_type") in types]
