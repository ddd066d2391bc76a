"""Which NAM field goes into which Uwazi property: the mapping file (docs/uwazi.md).

The default mapping fills the recommended templates (:mod:`.recommended`); an
organisation with templates of its own writes a mapping naming its properties. The
witness's identity and the interviewer's name are no source at all: no mapping can send
them. The interviewer's notes and HQ's assessment leave only when mapped.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from nam_desktop.core.uwazi import vocab
from nam_desktop.core.uwazi.errors import Reason, UwaziError

FORMAT = "nam-uwazi-mapping"
VERSION = 1
MAX_MAPPING = 4 * 1024 * 1024


class Kind(Enum):
    ID = "id"  # NAM ids: text
    NUMBER = "number"
    FREE = "free"  # free text typed by the interviewer
    NOTES = "notes"  # the interviewer's notes and HQ's assessment: only when mapped
    CODE = "code"  # one value of a code list
    CODES = "codes"  # several values of a code list
    DATE = "date"
    PERIOD = "period"
    GEO = "geo"
    RELATION = "relation"


# Uwazi property types each kind may fill (text types get per-language columns for codes).
ALLOWED_TYPES: dict[Kind, frozenset[str]] = {
    Kind.ID: frozenset({"text", "generatedid"}),
    Kind.NUMBER: frozenset({"numeric", "text"}),
    Kind.FREE: frozenset({"text", "markdown"}),
    Kind.NOTES: frozenset({"text", "markdown"}),
    Kind.CODE: frozenset({"select", "multiselect", "text", "markdown"}),
    Kind.CODES: frozenset({"multiselect", "text", "markdown"}),
    Kind.DATE: frozenset({"date", "multidate"}),
    Kind.PERIOD: frozenset({"daterange", "multidaterange"}),
    Kind.GEO: frozenset({"geolocation"}),
    Kind.RELATION: frozenset({"relationship"}),
}


@dataclass(frozen=True)
class Source:
    kind: Kind
    codes: str = ""  # the code list of CODE/CODES sources (vocab.THESAURI key)
    public: bool = True  # allowed at the "public" redaction level


def _s(kind: Kind, codes: str = "") -> Source:
    return Source(kind, codes, public=kind not in (Kind.FREE, Kind.NOTES))


SOURCES: dict[str, Source] = {
    "act.nam_id": _s(Kind.ID),
    "act.revision": _s(Kind.NUMBER),
    "act.testimony": _s(Kind.ID),
    "act.type": _s(Kind.CODE, vocab.VIOLATIONS),
    "act.date": _s(Kind.DATE),
    "act.period": _s(Kind.PERIOD),
    "act.date_precision": _s(Kind.CODE, vocab.PRECISION),
    "act.place": _s(Kind.FREE),
    "act.geolocation": _s(Kind.GEO),
    "act.victims": _s(Kind.FREE),
    "act.status_after": _s(Kind.FREE),
    "act.perpetrators": _s(Kind.FREE),
    "act.description": _s(Kind.FREE),
    "testimony.nam_id": _s(Kind.ID),
    "testimony.revision": _s(Kind.NUMBER),
    "testimony.interview_date": _s(Kind.DATE),
    "testimony.interview_place": _s(Kind.FREE),
    "testimony.interview_mode": _s(Kind.CODE, vocab.MODES),
    "testimony.pseudonym": Source(Kind.ID),  # shown instead of the name everywhere
    "testimony.witness_role": _s(Kind.CODE, vocab.ROLES),
    "testimony.witness_gender": _s(Kind.FREE),
    "testimony.witness_age_group": _s(Kind.FREE),
    "testimony.consent": _s(Kind.CODES, vocab.CONSENT),
    "testimony.narrative": _s(Kind.FREE),
    "testimony.notes": _s(Kind.NOTES),
    "testimony.reliability": _s(Kind.NOTES),
    "testimony.follow_up": _s(Kind.NOTES),
    "testimony.referrals": _s(Kind.NOTES),
    "testimony.acts": _s(Kind.RELATION),
}

ENTITIES = ("act", "testimony")  # import order: acts first (the relationship's target)
REDACTIONS = ("pseudonymised", "public")


@dataclass(frozen=True)
class TemplateMap:
    template: str  # template name (or _id) in the snapshot
    columns: tuple[tuple[str, str], ...]  # (property name, source), in column order
    attachments: bool = False


@dataclass(frozen=True)
class Mapping:
    act: TemplateMap
    testimony: TemplateMap
    redaction: str = "pseudonymised"
    recordings: bool = False
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # source -> code -> label
    places: dict[str, tuple[float, float]] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict, compare=False)

    def template_map(self, entity: str) -> TemplateMap:
        return self.act if entity == "act" else self.testimony

    @property
    def sha256(self) -> str:
        body = json.dumps(self.data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _bad(detail: str) -> UwaziError:
    return UwaziError(Reason.MAPPING_INVALID, detail)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _bad(f"key {key!r} appears twice")
        out[key] = value
    return out


def _template_map(entity: str, raw: object) -> TemplateMap:
    where = f"templates.{entity}"
    if not isinstance(raw, dict):
        raise _bad(f"{where} must be an object")
    unknown = set(raw) - {"template", "columns", "attachments"}
    if unknown:
        raise _bad(f"{where}: unknown key {sorted(unknown)[0]!r}")
    template = raw.get("template")
    columns = raw.get("columns")
    if not isinstance(template, str) or not template:
        raise _bad(f"{where}.template must name a template")
    if not isinstance(columns, dict) or not columns:
        raise _bad(f"{where}.columns must map property names to NAM fields")
    out = []
    for prop, source in columns.items():
        if not prop or prop in ("title", "id", "file", "attachments"):
            raise _bad(f"{where}.columns: {prop!r} is not a property name of yours to map")
        if not isinstance(source, str) or source not in SOURCES:
            raise _bad(f"{where}.columns.{prop}: unknown NAM field {source!r}")
        if not source.startswith(f"{entity}."):
            raise _bad(f"{where}.columns.{prop}: {source} is not a field of the {entity}")
        out.append((prop, source))
    if f"{entity}.nam_id" not in [s for _, s in out]:
        raise _bad(f"{where}.columns: {entity}.nam_id must be mapped (it identifies "
                   "every entity in Uwazi)")
    attachments = raw.get("attachments", False)
    if not isinstance(attachments, bool) or (attachments and entity != "testimony"):
        raise _bad(f"{where}.attachments: true or false, testimonies only")
    return TemplateMap(template, tuple(out), attachments)


def _labels(raw: object) -> dict[str, dict[str, str]]:
    if not isinstance(raw, dict):
        raise _bad("labels must be an object")
    out: dict[str, dict[str, str]] = {}
    for source, table in raw.items():
        spec = SOURCES.get(source)
        if spec is None or spec.kind not in (Kind.CODE, Kind.CODES):
            raise _bad(f"labels.{source}: not a coded NAM field")
        if not isinstance(table, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and v for k, v in table.items()):
            raise _bad(f"labels.{source} must map codes to labels")
        out[source] = dict(table)
    return out


def _places(raw: object) -> dict[str, tuple[float, float]]:
    if not isinstance(raw, dict):
        raise _bad("places must be an object")
    out: dict[str, tuple[float, float]] = {}
    for name, point in raw.items():
        ok = (isinstance(point, list) and len(point) == 2
              and all(isinstance(x, int | float) and not isinstance(x, bool)
                      and math.isfinite(x) for x in point))
        if not ok:
            raise _bad(f"places.{name}: must be [latitude, longitude]")
        key = place_key(name)
        if not key:
            raise _bad("places: an empty place name")
        out[key] = (float(point[0]), float(point[1]))  # ranges: checked per cell
    return out


def place_key(text: str) -> str:
    """Place names compare case-folded, with runs of white space as one space."""
    return " ".join(text.casefold().split())


def parse_mapping(data: bytes) -> Mapping:
    if len(data) > MAX_MAPPING:
        raise _bad("mapping file too large")
    try:
        body = json.loads(data.decode("utf-8-sig"), object_pairs_hook=_no_duplicates)
    except UwaziError:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _bad("not JSON") from exc
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise _bad(f'not a NAM Uwazi mapping ("format": "{FORMAT}")')
    if body.get("version") != VERSION:
        raise _bad(f"version {body.get('version')!r} is not supported (expected {VERSION})")
    unknown = set(body) - {"format", "version", "description", "redaction", "recordings",
                           "templates", "labels", "places"}
    if unknown:
        raise _bad(f"unknown key {sorted(unknown)[0]!r}")
    redaction = body.get("redaction", "pseudonymised")
    if redaction not in REDACTIONS:
        raise _bad("redaction must be pseudonymised or public (the witness's identity "
                   "never goes to Uwazi)")
    recordings = body.get("recordings", False)
    if not isinstance(recordings, bool):
        raise _bad("recordings must be true or false")
    templates = body.get("templates")
    if not isinstance(templates, dict) or set(templates) != set(ENTITIES):
        raise _bad('templates must have "act" and "testimony"')
    return Mapping(
        act=_template_map("act", templates["act"]),
        testimony=_template_map("testimony", templates["testimony"]),
        redaction=redaction, recordings=recordings,
        labels=_labels(body.get("labels", {})), places=_places(body.get("places", {})),
        data=body)


def mapping_json(templates: dict[str, dict[str, Any]], *, description: str = "") -> bytes:
    body: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if description:
        body["description"] = description
    body |= {"redaction": "pseudonymised", "recordings": False, "templates": templates,
             "labels": {}, "places": {}}
    return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
