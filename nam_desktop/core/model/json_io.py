"""Testimony JSON (docs/testimony-json.md): strict parsing with errors that name the field."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from nam_desktop.core.errors import ValidationError
from nam_desktop.core.model.records import (
    CONSENT_METHODS,
    DATE_PRECISIONS,
    MODES,
    WITNESS_ROLES,
    Act,
    Assessment,
    Consent,
    Interview,
    Perpetrator,
    TestimonyDraft,
    Witness,
    WitnessIdentity,
)

SHORT_MAX = 2_000
LONG_MAX = 2_000_000
MAX_ACTS = 500
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024

# ASCII digits only (\d also matches other scripts' digits): the bundle spec's grammar,
# docs/conventions.md section 4.
_DAY = r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_MONTH = r"[0-9]{4}-(0[1-9]|1[0-2])"
_YEAR = r"[0-9]{4}"
_RE_DAY = re.compile(rf"^{_DAY}$")
_RE_MONTH = re.compile(rf"^{_MONTH}$")
_RE_YEAR = re.compile(rf"^{_YEAR}$")
# Bidirectional overrides and isolates can make a short field display as something else.
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Longest integer literal read as a number. Python refuses to convert more than 4,300
#: digits (a CPU-exhaustion guard); no field of a testimony is a number anyway.
MAX_INT_DIGITS = 100


class NumberLiteral(str):
    """An integer literal too long to be a number: kept as its digits so that validation
    names the field ("must be a string") instead of the JSON parser failing on it."""


def shown(value: str, limit: int = 40) -> str:
    """A piece of input safe to quote in a message: control characters, bidirectional
    overrides and unpaired surrogates escaped, cut to ``limit`` characters."""
    out = []
    for ch in value[:limit]:
        if ch in _BIDI or _SURROGATE.match(ch) or unicodedata.category(ch) in ("Cc", "Cf"):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out) + ("…" if len(value) > limit else "")


def _parse_int(digits: str) -> int | NumberLiteral:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        return NumberLiteral(digits)
    return int(digits)


def _text(value: object, field: str, *, long: bool = False) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or isinstance(value, NumberLiteral):
        raise ValidationError(field, "must be a string")
    bad = _SURROGATE.search(value)
    if bad is not None:  # "\ud800" in JSON: not a character, cannot be stored as UTF-8
        raise ValidationError(field, f"contains an unpaired surrogate U+{ord(bad.group()):04X} "
                                     "(not valid Unicode text)")
    value = unicodedata.normalize("NFC", value)
    limit = LONG_MAX if long else SHORT_MAX
    if len(value) > limit:
        raise ValidationError(field, f"longer than {limit} characters")
    for ch in value:
        if ch in "\n\t" or (long and ch == "\r"):
            continue
        if unicodedata.category(ch) == "Cc":
            raise ValidationError(field, f"contains control character U+{ord(ch):04X}")
        if not long and ch in _BIDI:
            raise ValidationError(field, f"contains bidirectional override U+{ord(ch):04X}")
    return value if long else value.strip()


def _bool(value: object, field: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise ValidationError(field, "must be true or false")
    return value


def _object(value: object, field: str, allowed: Iterable[str]) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValidationError(field, "must be an object")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        prefix = f"{field}." if field else ""
        name = shown(str(unknown[0])) or '""'  # an empty key is named, not left blank
        raise ValidationError(f"{prefix}{name}", "unknown field")
    return value


def _choice(value: str, field: str, choices: Iterable[str]) -> str:
    if value not in choices:
        raise ValidationError(field, "must be one of: " + ", ".join(c or '""' for c in choices))
    return value


def check_day(value: str, field: str) -> str:
    if value and not _RE_DAY.match(value):
        raise ValidationError(field, "must be a date like 2021-03-25")
    return value


def parse_act_date(value: str, field: str) -> tuple[str, str, str]:
    """``2021-03-25`` exact, ``2021-03`` month, ``2021`` year, ``2020-08/2020-12`` range."""
    if not value:
        return "", "", "unknown"
    if "/" in value:
        start, _, end = value.partition("/")
        for part in (start, end):
            if not (_RE_DAY.match(part) or _RE_MONTH.match(part) or _RE_YEAR.match(part)):
                raise ValidationError(field, "range must look like 2020-08/2020-12")
        if end < start:
            raise ValidationError(field, "range ends before it starts")
        return start, end, "range"
    if _RE_DAY.match(value):
        return value, "", "exact"
    if _RE_MONTH.match(value):
        return value, "", "month"
    if _RE_YEAR.match(value):
        return value, "", "year"
    raise ValidationError(field, "must be 2021-03-25, 2021-03, 2021 or a range 2020-08/2020-12")


def _perpetrators(value: object, field: str) -> list[Perpetrator]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [Perpetrator(description=_text(value, field))]
    if not isinstance(value, list):
        raise ValidationError(field, "must be a string or a list")
    result = []
    for i, item in enumerate(value):
        f = f"{field}[{i}]"
        if isinstance(item, str):
            result.append(Perpetrator(description=_text(item, f)))
            continue
        obj = _object(item, f, ("unit", "rank", "description"))
        result.append(
            Perpetrator(
                unit=_text(obj.get("unit"), f"{f}.unit"),
                rank=_text(obj.get("rank"), f"{f}.rank"),
                description=_text(obj.get("description"), f"{f}.description"),
            )
        )
    return result


_ACT_FIELDS = ("type", "date", "date_end", "date_precision", "place", "victims",
               "status_after", "description", "perpetrators")


def _act(value: object, field: str, codes: set[str]) -> Act:
    obj = _object(value, field, _ACT_FIELDS)
    code = obj.get("type")
    if isinstance(code, NumberLiteral) or (code is not None and not isinstance(code, str)):
        raise ValidationError(f"{field}.type", "must be a string")
    if not code:
        raise ValidationError(f"{field}.type", "required")
    if code not in codes:
        raise ValidationError(f"{field}.type", f"unknown violation type '{shown(code)}'")
    date_text = _text(obj.get("date"), f"{field}.date")
    start, end, precision = parse_act_date(date_text, f"{field}.date")
    if obj.get("date_end"):
        end = _text(obj.get("date_end"), f"{field}.date_end")
        parse_act_date(end, f"{field}.date_end")
        precision = "range"
    if obj.get("date_precision") is not None:
        precision = _choice(
            _text(obj.get("date_precision"), f"{field}.date_precision"),
            f"{field}.date_precision",
            DATE_PRECISIONS,
        )
    return Act(
        type=code,
        date=start,
        date_end=end,
        date_precision=precision,
        place=_text(obj.get("place"), f"{field}.place"),
        victims=_text(obj.get("victims"), f"{field}.victims"),
        status_after=_text(obj.get("status_after"), f"{field}.status_after"),
        description=_text(obj.get("description"), f"{field}.description", long=True),
        perpetrators=_perpetrators(obj.get("perpetrators"), f"{field}.perpetrators"),
    )


def draft_from_dict(data: object, vocabulary_codes: set[str]) -> TestimonyDraft:
    """Validate a decoded JSON object into a draft. Raises :class:`ValidationError`."""
    if not isinstance(data, dict):
        raise ValidationError("(document)", "must be a JSON object")
    top = _object(data, "", ("title", "interview", "witness", "consent", "narrative",
                             "notes", "acts", "assessment"))
    iv = _object(top.get("interview"), "interview", (
        "date", "date_end", "place", "language", "languages", "mode", "interpreter",
        "others_present", "interviewer"))
    languages: list[str] = []
    if iv.get("language") is not None:
        languages.append(_text(iv.get("language"), "interview.language"))
    raw_langs = iv.get("languages")
    if raw_langs is not None:
        if not isinstance(raw_langs, list):
            raise ValidationError("interview.languages", "must be a list of strings")
        languages += [_text(x, f"interview.languages[{i}]") for i, x in enumerate(raw_langs)]
    interview = Interview(
        date=check_day(_text(iv.get("date"), "interview.date"), "interview.date"),
        date_end=check_day(_text(iv.get("date_end"), "interview.date_end"), "interview.date_end"),
        place=_text(iv.get("place"), "interview.place"),
        mode=_choice(_text(iv.get("mode"), "interview.mode"), "interview.mode", MODES),
        languages=[lang for lang in languages if lang],
        interpreter=_text(iv.get("interpreter"), "interview.interpreter"),
        others_present=_text(iv.get("others_present"), "interview.others_present"),
        interviewer=_text(iv.get("interviewer"), "interview.interviewer"),
    )
    w = _object(top.get("witness"), "witness", (
        "pseudonym", "name", "birth_date", "contact", "documents", "gender", "age_group",
        "role"))
    witness = Witness(
        pseudonym=_text(w.get("pseudonym"), "witness.pseudonym"),
        gender=_text(w.get("gender"), "witness.gender"),
        age_group=_text(w.get("age_group"), "witness.age_group"),
        role=_choice(_text(w.get("role"), "witness.role") or "victim", "witness.role",
                     WITNESS_ROLES),
    )
    identity = WitnessIdentity(
        name=_text(w.get("name"), "witness.name"),
        birth_date=check_day(_text(w.get("birth_date"), "witness.birth_date"),
                             "witness.birth_date"),
        contact=_text(w.get("contact"), "witness.contact"),
        documents=_text(w.get("documents"), "witness.documents"),
    )
    c = _object(top.get("consent"), "consent", (
        "hq_documentation", "anonymous_publication", "legal_proceedings", "audio_recording",
        "anonymity_requested", "may_recontact", "given_date", "date", "method"))
    consent = Consent(
        hq_documentation=_bool(c.get("hq_documentation"), "consent.hq_documentation", False),
        anonymous_publication=_bool(
            c.get("anonymous_publication"), "consent.anonymous_publication", False),
        legal_proceedings=_bool(c.get("legal_proceedings"), "consent.legal_proceedings", False),
        audio_recording=_bool(c.get("audio_recording"), "consent.audio_recording", False),
        anonymity_requested=_bool(
            c.get("anonymity_requested"), "consent.anonymity_requested", True),
        may_recontact=_bool(c.get("may_recontact"), "consent.may_recontact", False),
        given_date=check_day(
            _text(c.get("given_date", c.get("date")), "consent.given_date"), "consent.given_date"),
        method=_choice(_text(c.get("method"), "consent.method"), "consent.method",
                       CONSENT_METHODS),
    )
    raw_acts = top.get("acts")
    if raw_acts is None:
        raw_acts = []
    if not isinstance(raw_acts, list):
        raise ValidationError("acts", "must be a list")
    if len(raw_acts) > MAX_ACTS:
        raise ValidationError("acts", f"more than {MAX_ACTS} acts")
    acts = [_act(a, f"acts[{i}]", vocabulary_codes) for i, a in enumerate(raw_acts)]
    a = _object(top.get("assessment"), "assessment", ("reliability", "follow_up", "referrals"))
    return TestimonyDraft(
        title=_text(top.get("title"), "title"),
        interview=interview,
        consent=consent,
        witness=witness,
        identity=identity,
        acts=acts,
        narrative=_text(top.get("narrative"), "narrative", long=True),
        notes=_text(top.get("notes"), "notes", long=True),
        assessment=Assessment(
            reliability=_text(a.get("reliability"), "assessment.reliability"),
            follow_up=_text(a.get("follow_up"), "assessment.follow_up", long=True),
            referrals=_text(a.get("referrals"), "assessment.referrals", long=True),
        ),
    )


def decode_document(data: bytes, where: str = "(document)") -> object:
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValidationError(where, "document too large")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(where, "not UTF-8 text") from exc
    try:
        return json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise ValidationError(where, f"malformed JSON at line {exc.lineno} column {exc.colno}: "
                                     f"{exc.msg}") from exc
    except RecursionError as exc:
        raise ValidationError(where, "JSON nested too deeply") from exc


def drafts_from_json_lines(data: bytes, vocabulary_codes: set[str]) -> list[TestimonyDraft]:
    """Parse JSON Lines (one testimony per line); the first error stops everything."""
    drafts = []
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        obj = decode_document(line, f"line {number}")
        try:
            drafts.append(draft_from_dict(obj, vocabulary_codes))
        except ValidationError as exc:
            raise ValidationError(f"line {number}: {exc.field}", exc.problem) from exc
    return drafts
