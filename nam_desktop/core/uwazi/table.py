"""NAM records as the rows of Uwazi's ``import.csv``: one table per template, in memory.

Headers are the snapshot's property names (``<name>__<lang>`` where a text property takes
a coded value, whose labels NAM has in be/ru/en). Cells follow Uwazi's CSV rules: ISO
dates, ``from:to`` periods, ``lat|lon``, labels as the thesaurus spells them
(``Group::Value``), several values joined with ``|``. Nothing here decides whether the
result is acceptable: :mod:`.validate` does, against the snapshot.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from nam_desktop.core.model.vocabulary import Vocabulary
from nam_desktop.core.uwazi import vocab
from nam_desktop.core.uwazi.mapping import SOURCES, Kind, Mapping, place_key
from nam_desktop.core.uwazi.records import (
    ActRecord,
    AttachmentOut,
    LeaveReason,
    LeftOut,
    TestimonyRecord,
)
from nam_desktop.core.uwazi.rules import GROUP_SEPARATOR, MULTI_SEPARATOR, js_trim, normalize_label
from nam_desktop.core.uwazi.snapshot import Property, Snapshot, Template

TEXT_TYPES = frozenset({"text", "markdown"})


@dataclass(frozen=True)
class Column:
    header: str
    prop: Property | None  # None: title, attachments, or a name the template lacks
    source: str  # "" for title and attachments
    lang: str = ""


@dataclass
class Row:
    nam_id: str
    testimony_id: str
    cells: list[str]
    parts: dict[int, list[str]] = field(default_factory=dict)  # intended multi-values
    files: list[AttachmentOut] = field(default_factory=list)


@dataclass
class Table:
    entity: str  # "act" or "testimony"
    template_key: str
    template: Template | None
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # sources left out at "public"

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


def _clean(text: str) -> str:
    from nam_desktop.core.summary.content import clean_text  # reportlab: lazily

    return js_trim(clean_text(text))


def _period(date: str, end: str) -> str:
    """``from:to`` covering the whole month or year given (never silently the 1st)."""
    if not date:
        return ""

    def first(d: str) -> str:
        return d if len(d) == 10 else f"{d}-01" if len(d) == 7 else f"{d}-01-01"

    def last(d: str) -> str:
        if len(d) == 10:
            return d
        if len(d) == 7:
            y, m = int(d[:4]), int(d[5:7])
            return f"{d}-{calendar.monthrange(y, m)[1]:02d}"
        return f"{d}-12-31"

    return f"{first(date)}:{last(end or date)}"


class Renderer:
    def __init__(self, snapshot: Snapshot, mapping: Mapping, vocabulary: Vocabulary) -> None:
        self.snap = snapshot
        self.mapping = mapping
        self.entries = {key: {e.code: e for e in vocab.entries(key, vocabulary)}
                        for key in vocab.THESAURI}
        settings = snapshot.settings
        self.default = settings.default_language
        langs = [lang for lang in vocab.LANGS if lang in settings.languages]
        self.langs = [self.default] + [lang for lang in langs if lang != self.default]

    # ---- labels ----------------------------------------------------------------------
    def _label(self, key: str, code: str, lang: str) -> str:
        entry = self.entries[key].get(code)
        if entry is None:
            return code
        return entry.labels.get(lang) or entry.labels["en"]

    def select_label(self, source: str, code: str, prop: Property) -> str:
        """The thesaurus's own spelling of the value for ``code`` (any of its be/ru/en
        labels, or a label of an earlier vocabulary version, matches), ``Group::Value``
        inside a group; else the label in the collection's language, which the validator
        will refuse as missing."""
        override = self.mapping.labels.get(source, {}).get(code)
        if override is not None:
            return override
        key = SOURCES[source].codes
        entry = self.entries[key].get(code)
        thesaurus = self.snap.thesaurus(prop.content)
        if entry is None:
            return code
        wanted = {normalize_label(x) for x in (*entry.labels.values(), *entry.former)}
        group = {normalize_label(x) for x in entry.group.values()} if entry.group else set()
        found: list[tuple[bool, str]] = []
        for v in thesaurus.values if thesaurus is not None else ():
            kids = v.get("values")
            parent = js_trim(str(v.get("label", "")))
            if isinstance(kids, list):
                for k in kids:
                    if isinstance(k, dict) and normalize_label(str(k.get("label", ""))) in wanted:
                        found.append((normalize_label(parent) in group,
                                      f"{parent}{GROUP_SEPARATOR}{js_trim(str(k['label']))}"))
            elif normalize_label(parent) in wanted:
                found.append((False, parent))
        if found:
            return sorted(found, key=lambda f: not f[0])[0][1]
        label = self._label(key, code, self.default)
        if entry.group is not None:
            glabel = entry.group.get(self.default) or entry.group["en"]
            return f"{glabel}{GROUP_SEPARATOR}{label}"
        return label

    # ---- values ----------------------------------------------------------------------
    @staticmethod
    def codes(source: str, t: TestimonyRecord, a: ActRecord | None) -> list[str]:
        if a is not None:
            if source == "act.type":
                return [a.act.type]
            return [a.act.date_precision if a.act.date else "unknown"]
        if source == "testimony.interview_mode":
            return [t.draft.interview.mode] if t.draft.interview.mode else []
        if source == "testimony.witness_role":
            return [t.draft.witness.role]
        c = t.consent
        return [k for k in vocab.FIXED[vocab.CONSENT] if getattr(c, k)]

    def text(self, source: str, t: TestimonyRecord, a: ActRecord | None) -> str:
        d = t.draft
        if a is not None:
            act = a.act
            values = {"act.nam_id": a.nam_id, "act.revision": str(t.revision),
                      "act.testimony": t.testimony_id, "act.place": act.place,
                      "act.victims": act.victims, "act.status_after": act.status_after,
                      "act.description": act.description,
                      "act.perpetrators": "\n".join(p.text() for p in act.perpetrators),
                      "act.date": act.date if (act.date_precision == "exact"
                                               and len(act.date) == 10) else "",
                      "act.period": _period(act.date, act.date_end)}
            return _clean(values[source])
        values = {"testimony.nam_id": t.testimony_id, "testimony.revision": str(t.revision),
                  "testimony.interview_date": d.interview.date,
                  "testimony.interview_place": d.interview.place,
                  "testimony.pseudonym": d.witness.pseudonym,
                  "testimony.witness_gender": d.witness.gender,
                  "testimony.witness_age_group": d.witness.age_group,
                  "testimony.narrative": d.narrative, "testimony.notes": d.notes,
                  "testimony.reliability": d.assessment.reliability,
                  "testimony.follow_up": d.assessment.follow_up,
                  "testimony.referrals": d.assessment.referrals}
        return _clean(values[source])

    def geolocation(self, a: ActRecord) -> str:
        point = self.mapping.places.get(place_key(a.act.place)) if a.act.place else None
        return f"{point[0]!r}{MULTI_SEPARATOR}{point[1]!r}" if point is not None else ""

    def act_title(self, t: TestimonyRecord, a: ActRecord, lang: str) -> str:
        return f"{self._label(vocab.VIOLATIONS, a.act.type, lang)} (NAM {a.nam_id} " \
               f"r{t.revision})"

    # ---- tables ----------------------------------------------------------------------
    def columns(self, entity: str) -> tuple[Template | None, list[Column], list[str]]:
        tmap = self.mapping.template_map(entity)
        template = self.snap.template(tmap.template)
        cols: list[Column] = []
        multilingual = len(self.langs) > 1
        if entity == "act" and multilingual:
            cols += [Column(f"title__{lang}", None, "", lang) for lang in self.langs]
        else:
            cols.append(Column("title", None, ""))
        dropped: list[str] = []
        for name, source in tmap.columns:
            spec = SOURCES[source]
            if self.mapping.redaction == "public" and not spec.public:
                dropped.append(source)
                continue
            prop = template.get(name) if template is not None else None
            coded_text = spec.kind in (Kind.CODE, Kind.CODES) and prop is not None \
                and prop.type in TEXT_TYPES
            if coded_text and multilingual:
                cols += [Column(f"{name}__{lang}", prop, source, lang) for lang in self.langs]
            else:
                cols.append(Column(name, prop, source, self.default if coded_text else ""))
        if tmap.attachments:
            cols.append(Column("attachments", None, ""))
        return template, cols, dropped

    def cell(self, col: Column, t: TestimonyRecord, a: ActRecord | None,
             act_titles: list[str]) -> tuple[str, list[str] | None]:
        """A cell's text and, for cells holding several values, those values."""
        if col.header == "attachments":
            names = [f.name for f in t.attachments]
            return MULTI_SEPARATOR.join(names), names
        if not col.source:  # title
            if a is not None:
                return self.act_title(t, a, col.lang or self.default), None
            if self.mapping.redaction == "public":
                return f"NAM {t.testimony_id}", None
            return self.text_title(t), None
        kind = SOURCES[col.source].kind
        if kind is Kind.RELATION:
            return MULTI_SEPARATOR.join(act_titles), list(act_titles)
        if kind is Kind.GEO and a is not None:
            value = self.geolocation(a)
            return value, (value.split(MULTI_SEPARATOR) if value else None)
        if kind in (Kind.CODE, Kind.CODES):
            codes = self.codes(col.source, t, a)
            key = SOURCES[col.source].codes
            if col.prop is None or col.prop.type not in TEXT_TYPES:
                prop = col.prop or Property("", "", "", "select")
                labels = [self.select_label(col.source, c, prop) for c in codes]
                return MULTI_SEPARATOR.join(labels), labels
            return ", ".join(self._label(key, c, col.lang or self.default) for c in codes), None
        return self.text(col.source, t, a), None

    def text_title(self, t: TestimonyRecord) -> str:
        return _clean(t.draft.title) or f"NAM {t.testimony_id}"

    def build(self, records: list[TestimonyRecord]) -> tuple[list[Table], list[LeftOut]]:
        """The act table and the testimony table (import in this order), and the
        testimonies left out because their free text names the witness."""
        tables = []
        for entity in ("act", "testimony"):
            template, cols, dropped = self.columns(entity)
            tables.append(Table(entity, self.mapping.template_map(entity).template, template,
                                cols, dropped=dropped))
        acts_t, testimonies_t = tables
        left: list[LeftOut] = []
        for t in records:
            act_rows = [self._row(acts_t, t, a, []) for a in t.acts]
            titles = [self.act_title(t, a, self.default) for a in t.acts]
            row = self._row(testimonies_t, t, None, titles)
            row.files = list(t.attachments)
            hits = (self._identity_hits(acts_t, act_rows, t.needles)
                    + self._identity_hits(testimonies_t, [row], t.needles))
            if hits:
                left.append(LeftOut(t.testimony_id, LeaveReason.IDENTITY_IN_TEXT,
                                    ", ".join(sorted(set(hits)))))
                continue
            acts_t.rows += act_rows
            testimonies_t.rows.append(row)
        return tables, left

    def _row(self, table: Table, t: TestimonyRecord, a: ActRecord | None,
             titles: list[str]) -> Row:
        row = Row(a.nam_id if a is not None else t.testimony_id, t.testimony_id, [])
        for i, col in enumerate(table.columns):
            text, parts = self.cell(col, t, a, titles)
            row.cells.append(text)
            if parts is not None:
                row.parts[i] = parts
        return row

    @staticmethod
    def _identity_hits(table: Table, rows: list[Row], needles: tuple[str, ...]) -> list[str]:
        """The columns whose text holds the witness's name, birth date or contacts: free
        text, notes, the pseudonym and a testimony's title (not ids: a name part like
        "Abe" could be found in a UUID)."""
        hits = []
        for row in rows:
            for col, cell in zip(table.columns, row.cells, strict=True):
                if col.source:
                    free = SOURCES[col.source].kind in (Kind.FREE, Kind.NOTES) \
                        or col.source == "testimony.pseudonym"
                else:
                    free = table.entity == "testimony" and col.header == "title"
                if free and cell and any(n in cell.casefold() for n in needles):
                    hits.append(col.header)
        return hits
