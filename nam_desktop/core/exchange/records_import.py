"""Turning verified bundle records into rows of the HQ vault (same schema as an
interviewer's vault, so ``testimony list`` and search work at HQ)."""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from nam_desktop.core.canonical import canonical_text
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.model.attachments import safe_filename
from nam_desktop.core.model.records import (
    Act,
    Assessment,
    Consent,
    Interview,
    Perpetrator,
    TestimonyDraft,
    Witness,
    WitnessIdentity,
)
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.db import Connection

_ID_CHARS = frozenset("0123456789abcdefABCDEF-")


def _bad(detail: str) -> ExchangeError:
    return ExchangeError(Reason.MALFORMED, detail)


def _build(cls: type[Any], value: object, name: str) -> Any:
    """A dataclass from a dict whose fields have exactly the declared simple types."""
    if not isinstance(value, dict):
        raise _bad(f"{name} must be an object")
    kwargs: dict[str, Any] = {}
    declared = {f.name: f for f in fields(cls)}
    for key, item in value.items():
        f = declared.get(key)
        if f is None:
            raise _bad(f"{name}.{key} is unknown")
        if f.type in ("str", str) and not isinstance(item, str):
            raise _bad(f"{name}.{key} must be text")
        if f.type in ("bool", bool) and not isinstance(item, bool):
            raise _bad(f"{name}.{key} must be true or false")
        kwargs[key] = item
    try:
        return cls(**kwargs)
    except TypeError as exc:  # a required field is missing
        raise _bad(f"{name} lacks a required field") from exc


def _dict(value: object, name: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _bad(f"{name} must be an object")
    return dict(value)


def _text_list(value: object, name: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(f"{name} must be a list of text")
    return list(value)


def _uuid_like(value: object, name: str) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= 64 or set(value) - _ID_CHARS:
        raise _bad(f"{name} is not an id")
    return value


def draft_from_record(rec: dict[str, Any]) -> tuple[TestimonyDraft, bool]:
    """The draft inside a testimony record, and whether it carries the identity."""
    interview = _dict(rec.get("interview"), "interview")
    interview["languages"] = _text_list(interview.get("languages", []), "interview.languages")
    raw_acts = rec.get("acts") or []
    if not isinstance(raw_acts, list):
        raise _bad("acts must be a list")
    acts = []
    for i, item in enumerate(raw_acts):
        a = _dict(item, f"acts[{i}]")
        perps = a.pop("perpetrators", [])
        if not isinstance(perps, list):
            raise _bad(f"acts[{i}].perpetrators must be a list")
        act = _build(Act, a, f"acts[{i}]")
        act.perpetrators = [_build(Perpetrator, p, f"acts[{i}].perpetrators") for p in perps]
        acts.append(act)
    has_identity = "identity" in rec
    for key in ("title", "narrative", "notes"):
        if not isinstance(rec.get(key, ""), str):
            raise _bad(f"{key} must be text")
    draft = TestimonyDraft(
        title=rec.get("title", ""),
        interview=_build(Interview, interview, "interview"),
        consent=_build(Consent, _dict(rec.get("consent"), "consent"), "consent"),
        witness=_build(Witness, _dict(rec.get("witness"), "witness"), "witness"),
        identity=_build(WitnessIdentity, _dict(rec.get("identity"), "identity"), "identity"),
        acts=acts,
        narrative=rec.get("narrative", ""),
        notes=rec.get("notes", ""),
        assessment=_build(Assessment, _dict(rec.get("assessment"), "assessment"),
                          "assessment"),
    )
    return draft, has_identity


def import_testimony(repo: TestimonyRepository, c: Connection, body: dict[str, Any],
                     codes: set[str]) -> str:
    """Insert or advance one testimony from its record; returns its id.

    ``c`` is the import's open transaction: the repository joins it, so the testimony is
    committed with the rest of the bundle or not at all."""
    rec = body.get("testimony")
    revision = body.get("revision")
    if not isinstance(rec, dict) or not isinstance(revision, int) or revision < 1:
        raise _bad("testimony record without testimony or revision")
    tid = _uuid_like(rec.get("id"), "testimony.id")
    draft, has_identity = draft_from_record(rec)
    for i, act in enumerate(draft.acts):
        if act.type not in codes:
            raise _bad(f"acts[{i}].type is not in this HQ's vocabulary")
    created = rec.get("created_at")
    repo.upsert_imported(tid, revision, draft, content=canonical_text(rec),
                         created_at=created if isinstance(created, str) and created else None,
                         identity_included=has_identity)
    return tid


def import_attachment(c: Connection, body: dict[str, Any]) -> str:
    aid = _uuid_like(body.get("attachment_id"), "attachment_id")
    tid = _uuid_like(body.get("testimony_id"), "testimony_id")
    values = []
    for key, kind in (("filename", str), ("media_type", str), ("kind", str),
                      ("clean_status", str), ("created_at", str), ("sha256_original", str),
                      ("sha256_cleaned", str), ("size_original", int), ("size_cleaned", int)):
        value = body.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise _bad(f"attachment.{key} missing or of the wrong type")
        values.append(value)
    if values[2] not in ("file", "recording"):
        raise _bad("attachment.kind is unknown")
    values[0] = safe_filename(str(values[0]))  # no path parts, control or bidi characters
    if c.execute("SELECT 1 FROM testimonies WHERE id = ?", (tid,)).fetchone() is None:
        raise _bad("attachment of a testimony not in this bundle or vault")
    c.execute(
        "INSERT INTO attachments (id, testimony_id, filename, media_type, kind, clean_status, "
        "created_at, sha256_original, sha256_cleaned, size_original, size_cleaned, report) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
        (aid, tid, *values, json.dumps({"notes": ["imported from an HQ bundle"]})))
    return aid


def link_media(c: Connection, attachment_id: str, variant: str, media_id: str) -> None:
    if variant not in ("cleaned", "original"):
        raise _bad("media entry of an unknown variant")
    column = f"{variant}_media_id"
    c.execute(f"UPDATE attachments SET {column} = ? WHERE id = ?",  # noqa: S608  # fixed names
              (media_id, attachment_id))
