"""The target snapshot: what the Uwazi instance's API says about itself, kept versioned in
the HQ vault.

A snapshot folder holds ``templates.json`` (``GET /api/templates``: ``{"rows": [...]}``),
``dictionaries.json`` (``GET /api/dictionaries``: ``{"rows": [...]}``) and
``settings.json`` (``GET /api/settings``). Only the settings the export needs are kept
(languages, ``dateFormat``, ``newNameGeneration``, ``site_name``): an admin's settings
also hold mail and service credentials, which have no business in the vault.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from nam_desktop.core import fileio
from nam_desktop.core.clock import iso, utc_now
from nam_desktop.core.uwazi.errors import Reason, UwaziError
from nam_desktop.core.uwazi.rules import ThesaurusIndex
from nam_desktop.core.vault.vault import Vault

FILES = ("templates.json", "dictionaries.json", "settings.json")
MAX_FILE = 64 * 1024 * 1024
KEPT_SETTINGS = ("languages", "dateFormat", "newNameGeneration", "site_name")


def _bad(detail: str) -> UwaziError:
    return UwaziError(Reason.SNAPSHOT_INVALID, detail)


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Property:
    id: str
    name: str
    label: str
    type: str
    content: str = ""  # thesaurus id (select), target template id (relationship)
    required: bool = False


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    properties: tuple[Property, ...]

    def get(self, name: str) -> Property | None:
        return next((p for p in self.properties if p.name == name), None)


@dataclass(frozen=True)
class Thesaurus:
    id: str
    name: str
    values: tuple[dict[str, Any], ...]
    index: ThesaurusIndex = field(compare=False)

    def labels(self) -> list[str]:
        """Every value as Uwazi's CSV writes it: ``Label`` or ``Group::Label``."""
        out = []
        for v in self.values:
            kids = v.get("values")
            if isinstance(kids, list):
                out += [f"{v.get('label')}::{k.get('label')}" for k in kids if isinstance(k, dict)]
            else:
                out.append(str(v.get("label")))
        return out


@dataclass(frozen=True)
class Settings:
    languages: tuple[str, ...]
    default_language: str
    date_format: str | None
    new_name_generation: bool


@dataclass(frozen=True)
class Snapshot:
    templates: tuple[Template, ...]
    thesauri: tuple[Thesaurus, ...]
    settings: Settings
    data: dict[str, Any]  # "templates", "dictionaries", "settings" as kept
    sha256: str
    version: int = 0  # 0 until stored
    stored_at: str = ""

    def template(self, key: str) -> Template | None:
        """By name, or by id."""
        return next((t for t in self.templates if t.name == key), None) or next(
            (t for t in self.templates if t.id == key), None)

    def thesaurus(self, thesaurus_id: str) -> Thesaurus | None:
        return next((t for t in self.thesauri if t.id == thesaurus_id), None)


def _rows(data: Any, file: str) -> list[dict[str, Any]]:
    if not isinstance(data, dict) or not isinstance(data.get("rows"), list):
        raise _bad(f"{file}: expected the object the Uwazi API returns, {{\"rows\": [...]}}")
    rows: list[dict[str, Any]] = data["rows"]
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise _bad(f"{file}: rows[{i}] is not an object")
    return rows


def _text(obj: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = obj.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value):
        raise _bad(f"{where}.{key} missing or not text")
    return value


def _template(row: dict[str, Any], where: str) -> Template:
    props = []
    for group in ("commonProperties", "properties"):
        raw = row.get(group, [])
        if not isinstance(raw, list):
            raise _bad(f"{where}.{group} is not a list")
        for j, p in enumerate(raw):
            pw = f"{where}.{group}[{j}]"
            if not isinstance(p, dict):
                raise _bad(f"{pw} is not an object")
            content = p.get("content", "")
            props.append(Property(
                id=str(p.get("_id", "")), name=_text(p, "name", pw), label=str(p.get("label", "")),
                type=_text(p, "type", pw), content=str(content) if content else "",
                required=p.get("required") is True))
    return Template(_text(row, "_id", where), _text(row, "name", where), tuple(props))


def _thesaurus(row: dict[str, Any], where: str) -> Thesaurus:
    values = row.get("values", [])
    if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
        raise _bad(f"{where}.values is not a list of objects")
    for j, v in enumerate(values):
        if not isinstance(v.get("label"), str):
            raise _bad(f"{where}.values[{j}].label missing")
        kids = v.get("values")
        if kids is not None and (not isinstance(kids, list) or not all(
                isinstance(k, dict) and isinstance(k.get("label"), str) for k in kids)):
            raise _bad(f"{where}.values[{j}].values is not a list of labelled values")
    name = _text(row, "name", where)
    return Thesaurus(_text(row, "_id", where), name, tuple(values),
                     ThesaurusIndex.build(name, values))


def _settings(data: Any) -> tuple[Settings, dict[str, Any]]:
    if not isinstance(data, dict):
        raise _bad("settings.json: expected the object GET /api/settings returns")
    langs = data.get("languages")
    if not isinstance(langs, list) or not langs:
        raise _bad("settings.json: languages missing")
    keys: list[str] = []
    default = ""
    for i, lang in enumerate(langs):
        if not isinstance(lang, dict) or not isinstance(lang.get("key"), str) or not lang["key"]:
            raise _bad(f"settings.json: languages[{i}].key missing")
        keys.append(lang["key"])
        if lang.get("default") is True:
            if default:
                raise _bad("settings.json: two default languages")
            default = lang["key"]
    if not default:  # csvLoader.ts: readResources throws "default language not found!"
        raise _bad("settings.json: no default language")
    date_format = data.get("dateFormat")
    if date_format is not None and not isinstance(date_format, str):
        raise _bad("settings.json: dateFormat is not text")
    kept = {k: data[k] for k in KEPT_SETTINGS if k in data}
    return Settings(tuple(keys), default, date_format or None,
                    data.get("newNameGeneration") is True), kept


def parse(data: dict[str, Any]) -> Snapshot:
    """A snapshot from the decoded ``templates``, ``dictionaries`` and ``settings``."""
    templates = tuple(_template(r, f"templates.json rows[{i}]")
                      for i, r in enumerate(_rows(data.get("templates"), "templates.json")))
    thesauri = tuple(_thesaurus(r, f"dictionaries.json rows[{i}]")
                     for i, r in enumerate(_rows(data.get("dictionaries"), "dictionaries.json")))
    settings, kept = _settings(data.get("settings"))
    names = [t.name for t in templates]
    if len(set(names)) != len(names):
        raise _bad("templates.json: two templates share a name")
    content = {"templates": data["templates"], "dictionaries": data["dictionaries"],
               "settings": kept}
    return Snapshot(templates, thesauri, settings, content,
                    hashlib.sha256(canonical(content)).hexdigest())


def read_folder(folder: Path) -> Snapshot:
    """Read and check a snapshot folder (the three API answers saved as files)."""
    data: dict[str, Any] = {}
    for name in FILES:
        path = folder / name
        try:
            with fileio.open_read(path) as fh:
                raw = fh.read(MAX_FILE + 1)
        except OSError as exc:
            raise _bad(f"{name}: cannot read ({exc.strerror})") from exc
        if len(raw) > MAX_FILE:
            raise _bad(f"{name}: larger than {MAX_FILE // 2**20} MiB")
        try:
            data[name.removesuffix(".json")] = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise _bad(f"{name}: not JSON") from exc
    return parse(data)


def store(vault: Vault, snap: Snapshot) -> tuple[Snapshot, bool]:
    """Keep ``snap`` as the next version unless it equals the latest; returns the stored
    snapshot and whether a new version was made (audited)."""
    with vault.transaction() as c:
        row = c.execute("SELECT version, sha256, stored_at FROM uwazi_snapshots "
                        "ORDER BY version DESC LIMIT 1").fetchone()
        if row is not None and row[1] == snap.sha256:
            return _with_version(snap, int(row[0]), str(row[2])), False
        version = int(row[0]) + 1 if row else 1
        now = iso(utc_now())
        c.execute("INSERT INTO uwazi_snapshots (version, stored_at, sha256, templates, "
                  "dictionaries, settings) VALUES (?, ?, ?, ?, ?, ?)",
                  (version, now, snap.sha256,
                   *(canonical(snap.data[k]).decode("utf-8")
                     for k in ("templates", "dictionaries", "settings"))))
        vault.audit.append("uwazi.snapshot", str(version), sha256=snap.sha256,
                           templates=len(snap.templates), thesauri=len(snap.thesauri))
    return _with_version(snap, version, now), True


def _with_version(snap: Snapshot, version: int, stored_at: str) -> Snapshot:
    return Snapshot(snap.templates, snap.thesauri, snap.settings, snap.data, snap.sha256,
                    version, stored_at)


def load(vault: Vault, version: int | None = None) -> Snapshot | None:
    """The stored snapshot ``version`` (default: the latest), or None."""
    with vault.reading() as c:
        if version is None:
            row = c.execute("SELECT version, stored_at, sha256, templates, dictionaries, "
                            "settings FROM uwazi_snapshots ORDER BY version DESC "
                            "LIMIT 1").fetchone()
        else:
            row = c.execute("SELECT version, stored_at, sha256, templates, dictionaries, "
                            "settings FROM uwazi_snapshots WHERE version = ?",
                            (version,)).fetchone()
    if row is None:
        return None
    snap = parse({"templates": json.loads(row[3]), "dictionaries": json.loads(row[4]),
                  "settings": json.loads(row[5])})
    if snap.sha256 != row[2]:
        raise UwaziError(Reason.SOURCE_CHANGED, f"stored snapshot {row[0]} does not match "
                                                "its hash")
    return _with_version(snap, int(row[0]), str(row[1]))


class ChangeKind(Enum):
    FIRST = "first"
    TEMPLATE_ADDED = "template_added"
    TEMPLATE_REMOVED = "template_removed"
    PROPERTY_ADDED = "property_added"
    PROPERTY_REMOVED = "property_removed"
    PROPERTY_RENAMED = "property_renamed"
    PROPERTY_TYPE = "property_type"
    PROPERTY_CONTENT = "property_content"
    THESAURUS_ADDED = "thesaurus_added"
    THESAURUS_REMOVED = "thesaurus_removed"
    LABEL_ADDED = "label_added"
    LABEL_REMOVED = "label_removed"
    LANGUAGE_ADDED = "language_added"
    LANGUAGE_REMOVED = "language_removed"
    DEFAULT_LANGUAGE = "default_language"
    DATE_FORMAT = "date_format"
    NAME_GENERATION = "name_generation"


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    where: str  # template or thesaurus name, "settings"
    old: str = ""
    new: str = ""

    def __str__(self) -> str:
        arrow = f"{self.old} -> {self.new}" if self.old and self.new else self.old or self.new
        return f"{self.kind.value}: {self.where}" + (f": {arrow}" if arrow else "")


def diff(old: Snapshot | None, new: Snapshot) -> list[Change]:
    """What changed from ``old`` to ``new`` (names, types, labels; no ids)."""
    if old is None:
        return [Change(ChangeKind.FIRST, "snapshot", new=str(len(new.templates)))]
    out: list[Change] = []
    before = {t.name: t for t in old.templates}
    after = {t.name: t for t in new.templates}
    out += [Change(ChangeKind.TEMPLATE_REMOVED, n) for n in before if n not in after]
    out += [Change(ChangeKind.TEMPLATE_ADDED, n) for n in after if n not in before]
    for name in before.keys() & after.keys():
        out += _property_changes(name, before[name], after[name], old, new)
    tb = {t.name: t for t in old.thesauri}
    ta = {t.name: t for t in new.thesauri}
    out += [Change(ChangeKind.THESAURUS_REMOVED, n) for n in tb if n not in ta]
    out += [Change(ChangeKind.THESAURUS_ADDED, n) for n in ta if n not in tb]
    for name in sorted(tb.keys() & ta.keys()):
        lb, la = tb[name].labels(), ta[name].labels()
        out += [Change(ChangeKind.LABEL_REMOVED, name, old=x) for x in lb if x not in la]
        out += [Change(ChangeKind.LABEL_ADDED, name, new=x) for x in la if x not in lb]
    s0, s1 = old.settings, new.settings
    out += [Change(ChangeKind.LANGUAGE_REMOVED, "settings", old=x)
            for x in s0.languages if x not in s1.languages]
    out += [Change(ChangeKind.LANGUAGE_ADDED, "settings", new=x)
            for x in s1.languages if x not in s0.languages]
    if s0.default_language != s1.default_language:
        out.append(Change(ChangeKind.DEFAULT_LANGUAGE, "settings", s0.default_language,
                          s1.default_language))
    if s0.date_format != s1.date_format:
        out.append(Change(ChangeKind.DATE_FORMAT, "settings", s0.date_format or "(none)",
                          s1.date_format or "(none)"))
    if s0.new_name_generation != s1.new_name_generation:
        out.append(Change(ChangeKind.NAME_GENERATION, "settings",
                          str(s0.new_name_generation).lower(),
                          str(s1.new_name_generation).lower()))
    return out


def _content_name(snap: Snapshot, content: str) -> str:
    target = snap.thesaurus(content) or snap.template(content)
    return target.name if target is not None else content


def _property_changes(name: str, t0: Template, t1: Template, s0: Snapshot,
                      s1: Snapshot) -> list[Change]:
    out: list[Change] = []
    by_id0 = {p.id: p for p in t0.properties if p.id}
    names0 = {p.name for p in t0.properties}
    matched: set[str] = set()
    for p in t1.properties:
        prev = by_id0.get(p.id) if p.id else None
        if prev is None:
            prev = next((q for q in t0.properties if q.name == p.name), None)
        if prev is None:
            out.append(Change(ChangeKind.PROPERTY_ADDED, name, new=f"{p.name} ({p.type})"))
            continue
        matched.add(prev.name)
        if prev.name != p.name:
            out.append(Change(ChangeKind.PROPERTY_RENAMED, name, prev.name, p.name))
        if prev.type != p.type:
            out.append(Change(ChangeKind.PROPERTY_TYPE, f"{name}.{p.name}", prev.type, p.type))
        if _content_name(s0, prev.content) != _content_name(s1, p.content):
            out.append(Change(ChangeKind.PROPERTY_CONTENT, f"{name}.{p.name}",
                              _content_name(s0, prev.content) or "(none)",
                              _content_name(s1, p.content) or "(none)"))
    out += [Change(ChangeKind.PROPERTY_REMOVED, name, old=n) for n in sorted(names0 - matched)]
    return out
