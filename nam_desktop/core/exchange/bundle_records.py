"""The records inside a bundle and how they must agree (docs/bundle-format.md, 3.5-3.6).

:func:`testimony_record` and :func:`attachment_record` validate one record body against
the layout and value sets of the spec; :class:`RecordChecker` follows a bundle's entries
in order and checks that they agree with each other: an attachment record belongs to a
testimony record earlier in the bundle that lists it, and a media entry's size and
SHA-256 are the ones its attachment record states. ``verify`` and ``hq import`` both run
it, so they refuse the same bundles. Violations raise :class:`ExchangeError` with
MALFORMED (a record breaks the layout) or INCONSISTENT (records contradict each other).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from nam_desktop.core.canonical import CanonicalError, canonical_json, loads
from nam_desktop.core.clock import is_timestamp
from nam_desktop.core.exchange.bundle_header import (
    HEX64,
    RECORD_ID,
    EntryMeta,
    split_entry_id,
)
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.model.records import (
    CONSENT_METHODS,
    DATE_PRECISIONS,
    MODES,
    WITNESS_ROLES,
)

MAX_RECORDS_TOTAL = 256 * 1024 * 1024  # all record bodies of one bundle, held in memory
ATTACHMENT_KINDS = ("file", "recording")
CLEAN_STATUSES = ("clean", "not_checked", "refused")
LANGUAGES = ("en", "ru", "be")

DAY = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
YEAR = re.compile(r"[0-9]{4}")
CODE = re.compile(r"[a-z][a-z0-9_]{0,63}")

_INTERVIEW = {"date": "day", "date_end": "day", "place": "text", "mode": MODES,
              "languages": "texts", "interpreter": "text", "others_present": "text",
              "interviewer": "text"}
_CONSENT = {"hq_documentation": "bool", "anonymous_publication": "bool",
            "legal_proceedings": "bool", "audio_recording": "bool",
            "anonymity_requested": "bool", "may_recontact": "bool", "given_date": "day",
            "method": CONSENT_METHODS, "withdrawn_at": "stamp"}
_WITNESS = {"pseudonym": "text", "gender": "text", "age_group": "text", "role": WITNESS_ROLES}
_IDENTITY = {"name": "text", "birth_date": "day", "contact": "text", "documents": "text"}
_ASSESSMENT = {"reliability": "text", "follow_up": "text", "referrals": "text"}
_PERPETRATOR = {"unit": "text", "rank": "text", "description": "text"}
_ACT = {"id": "text", "type": "code", "date": "actdate", "date_end": "actdate",
        "date_precision": DATE_PRECISIONS, "place": "text", "victims": "text",
        "status_after": "text", "description": "text", "perpetrators": "list"}
_TESTIMONY_KEYS = {"id", "status", "revision", "created_at", "updated_at", "title", "interview",
                   "consent", "witness", "acts", "narrative", "notes", "assessment"}
_ATTACHMENT = {"attachment_id": "id", "testimony_id": "id", "filename": "text",
               "media_type": "text", "kind": ATTACHMENT_KINDS, "clean_status": CLEAN_STATUSES,
               "created_at": "stamp", "sha256_original": "hex", "size_original": "size",
               "sha256_cleaned": "hex_or_empty", "size_cleaned": "size"}


def _bad(where: str, problem: str) -> ExchangeError:
    return ExchangeError(Reason.MALFORMED, f"{where}: {problem}")


def _value(value: object, rule: object, where: str) -> None:
    ok: bool
    if isinstance(rule, tuple):
        ok = isinstance(value, str) and value in rule
    elif rule == "text":
        ok = isinstance(value, str)
    elif rule == "list":
        ok = isinstance(value, list)
    elif rule == "texts":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    elif rule == "bool":
        ok = isinstance(value, bool)
    elif rule == "day":
        ok = isinstance(value, str) and (value == "" or DAY.fullmatch(value) is not None)
    elif rule == "actdate":
        ok = isinstance(value, str) and (value == "" or any(
            p.fullmatch(value) for p in (DAY, MONTH, YEAR)))
    elif rule == "stamp":
        ok = isinstance(value, str) and (value == "" or is_timestamp(value))
    elif rule == "id":
        ok = isinstance(value, str) and RECORD_ID.fullmatch(value) is not None
    elif rule == "code":
        ok = isinstance(value, str) and CODE.fullmatch(value) is not None
    elif rule == "hex":
        ok = isinstance(value, str) and HEX64.fullmatch(value) is not None
    elif rule == "hex_or_empty":
        ok = isinstance(value, str) and (value == "" or HEX64.fullmatch(value) is not None)
    elif rule == "size":
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 1 << 40
    else:  # pragma: no cover  # a rule name missing above is a programming error
        raise AssertionError(rule)
    if not ok:
        raise _bad(where, "wrong type or value")


def _object(value: object, rules: Mapping[str, object], where: str,
            optional: Iterable[str] = ()) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _bad(where, "must be an object")
    keys = set(value)
    if not set(rules) - set(optional) <= keys <= set(rules):
        raise _bad(where, f"must have exactly the keys {sorted(rules)}")
    for key, item in value.items():
        _value(item, rules[key], f"{where}.{key}")
    return value


def _decode(body: bytes, where: str) -> dict[str, Any]:
    try:
        value = loads(body)
    except CanonicalError as exc:
        raise _bad(where, f"not strict JSON ({exc})") from exc
    if not isinstance(value, dict):
        raise _bad(where, "must be an object")
    if canonical_json(value) != body:
        raise _bad(where, "not in canonical form")
    return value


def testimony_record(body: bytes, version: int, entry_id: str = "testimony") -> dict[str, Any]:
    """A testimony record (section 3.5), validated; ``version`` is the bundle's."""
    rec = _decode(body, entry_id)
    keys = {"testimony", "revision", "identity_included", "attachments"}
    if version >= 2:
        keys.add("vocabulary")
    if set(rec) != keys:
        raise _bad(entry_id, f"must have exactly the keys {sorted(keys)}")
    t = rec["testimony"]
    if not isinstance(t, dict):
        raise _bad(f"{entry_id}.testimony", "must be an object")
    has_identity = "identity" in t
    if set(t) - {"identity"} != _TESTIMONY_KEYS:
        raise _bad(f"{entry_id}.testimony", f"must have exactly the keys {sorted(_TESTIMONY_KEYS)}"
                   " and, only when identity_included, identity")
    w = f"{entry_id}.testimony"
    _value(t["id"], "id", f"{w}.id")
    if t["status"] != "final":
        raise _bad(f"{w}.status", 'must be "final"')
    revision = rec["revision"]
    if (not isinstance(revision, int) or isinstance(revision, bool) or revision < 1
            or t["revision"] != revision or isinstance(t["revision"], bool)):
        raise _bad(f"{entry_id}.revision", "must be an integer >= 1, equal to testimony.revision")
    for key in ("created_at", "updated_at"):
        if not is_timestamp(t[key]):
            raise _bad(f"{w}.{key}", "must be a time stamp")
    for key in ("title", "narrative", "notes"):
        _value(t[key], "text", f"{w}.{key}")
    _object(t["interview"], _INTERVIEW, f"{w}.interview")
    _object(t["consent"], _CONSENT, f"{w}.consent")
    _object(t["witness"], _WITNESS, f"{w}.witness")
    _object(t["assessment"], _ASSESSMENT, f"{w}.assessment")
    if has_identity:
        _object(t["identity"], _IDENTITY, f"{w}.identity")
    if rec["identity_included"] is not has_identity:
        raise _bad(f"{entry_id}.identity_included", "must be true exactly when identity is there")
    acts = t["acts"]
    if not isinstance(acts, list):
        raise _bad(f"{w}.acts", "must be a list")
    codes = set()
    for i, act in enumerate(acts):
        a = _object(act, _ACT, f"{w}.acts[{i}]")
        for j, p in enumerate(a["perpetrators"]):
            _object(p, _PERPETRATOR, f"{w}.acts[{i}].perpetrators[{j}]")
        codes.add(a["type"])
    attachments = rec["attachments"]
    if (not isinstance(attachments, list) or not all(
            isinstance(a, str) and RECORD_ID.fullmatch(a) for a in attachments)
            or len(set(attachments)) != len(attachments)):
        raise _bad(f"{entry_id}.attachments", "must be a list of distinct attachment ids")
    if version >= 2:
        _vocabulary(rec["vocabulary"], codes, f"{entry_id}.vocabulary")
    return rec


def _vocabulary(value: object, codes: set[str], where: str) -> None:
    if not isinstance(value, dict) or set(value) != {"version", "terms"}:
        raise _bad(where, "must be an object with version and terms")
    if not isinstance(value["version"], str) or not value["version"]:
        raise _bad(f"{where}.version", "must be a non-empty string")
    terms = value["terms"]
    if not isinstance(terms, dict) or set(terms) != codes:
        raise _bad(f"{where}.terms", "must label exactly the act types used")
    for code, labels in terms.items():
        if not isinstance(labels, dict) or set(labels) != set(LANGUAGES) or not all(
                isinstance(v, str) and v for v in labels.values()):
            raise _bad(f"{where}.terms.{code}", "must hold en, ru and be labels")


def attachment_record(body: bytes, entry_id: str = "attachment") -> dict[str, Any]:
    """An attachment record (section 3.5), validated."""
    rec = _object(_decode(body, entry_id), _ATTACHMENT, entry_id)
    if rec["sha256_cleaned"] == "" and rec["size_cleaned"] != 0:  # no cleaned copy: "" and 0
        raise _bad(f"{entry_id}.size_cleaned", 'must be 0 when sha256_cleaned is ""')
    return rec


@dataclass
class RecordChecker:
    """Checks that a bundle's records and media agree, entry by entry, in bundle order.

    Call :meth:`record` with each record body once its hash checked out, and
    :meth:`media` when a media entry begins (before its body is read)."""

    version: int
    testimonies: dict[str, dict[str, Any]] = field(default_factory=dict)  # entry id -> record
    attachments: dict[str, dict[str, Any]] = field(default_factory=dict)  # attachment id ->
    listed: dict[str, set[str]] = field(default_factory=dict)  # testimony id -> attachment ids
    total: int = 0
    _complete: bool = False

    def record(self, entry: EntryMeta, body: bytes) -> dict[str, Any]:
        self.total += len(body)
        if self.total > MAX_RECORDS_TOTAL:
            raise ExchangeError(Reason.OVERSIZE, "records exceed 256 MiB")
        parts = split_entry_id(entry.id)
        if entry.kind == "testimony":
            rec = testimony_record(body, self.version, entry.id)
            t = rec["testimony"]
            if [t["id"], str(rec["revision"])] != parts[1:]:
                raise ExchangeError(Reason.INCONSISTENT,
                                    f"entry id {entry.id} does not match its content")
            self.testimonies[entry.id] = rec
            self.listed.setdefault(t["id"], set()).update(rec["attachments"])
            return rec
        rec = attachment_record(body, entry.id)
        if rec["attachment_id"] != parts[1]:
            raise ExchangeError(Reason.INCONSISTENT,
                                f"entry id {entry.id} does not match its content")
        if rec["attachment_id"] not in self.listed.get(rec["testimony_id"], set()):
            raise ExchangeError(Reason.INCONSISTENT, f"{entry.id} belongs to no testimony "
                                "record before it that lists it")
        self.attachments[rec["attachment_id"]] = rec
        return rec

    def media(self, entry: EntryMeta) -> None:
        self.finish()  # records come before media: all of them are in by now
        _, aid, variant = split_entry_id(entry.id)
        rec = self.attachments.get(aid)
        if rec is None:
            raise ExchangeError(Reason.INCONSISTENT, f"{entry.id} has no attachment record")
        if rec[f"sha256_{variant}"] != entry.sha256 or rec[f"size_{variant}"] != entry.size:
            raise ExchangeError(Reason.INCONSISTENT, f"{entry.id}: size or SHA-256 differs "
                                f"from its attachment record")

    def finish(self) -> None:
        """After the last record: every attachment a testimony lists has its record."""
        if self._complete:
            return
        self._complete = True
        for tid, aids in self.listed.items():
            missing = sorted(aids - set(self.attachments))
            if missing:
                raise ExchangeError(Reason.INCONSISTENT, f"testimony {tid} lists attachment "
                                    f"{missing[0]} without its record")
