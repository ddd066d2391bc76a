"""Checking the tables against the snapshot before anything is written.

The rules are Uwazi's (:mod:`.rules`, :mod:`.dates`), made strict where Uwazi is silent:
a header Uwazi would ignore or rename, a label it would add to a thesaurus, a date it
would read as another day, a relationship title that would create an empty entity, are
refused here. Every problem names the table, the row (1 = the line after the header),
the column and the rule.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from typing import Protocol

from nam_desktop.core.uwazi import dates
from nam_desktop.core.uwazi.errors import Check, Problem
from nam_desktop.core.uwazi.mapping import ALLOWED_TYPES, SOURCES
from nam_desktop.core.uwazi.rules import (
    LANGUAGE_SEPARATOR,
    MULTI_SEPARATOR,
    RESERVED_COLUMNS,
    SELECT_TYPES,
    LabelVerdict,
    check_columns,
    classify_label,
    js_number,
    js_trim,
    language_of,
    parse_geolocation,
    safe_name,
    split_multi,
    split_relationship,
)
from nam_desktop.core.uwazi.snapshot import Property, Snapshot
from nam_desktop.core.uwazi.table import Column, Row, Table


class _Bad(Protocol):
    def __call__(self, check: Check, detail: str = "") -> None: ...


FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_PROBLEMS = 1000
_COLUMN_CHECKS = {"language_mixed": Check.LANGUAGE_MIXED,
                  "language_unsupported": Check.LANGUAGE_UNSUPPORTED,
                  "language_no_default": Check.LANGUAGE_NO_DEFAULT}
KNOWN_LANGUAGE = re.compile(r"__([a-z]{2,3})$")


def check_date(value: str, snap: Snapshot, today: dates.Ymd) -> str:
    """"" if Uwazi reads ``value`` as that very day (with the collection's format and the
    default one its language copies use), else a short, language-neutral detail: the
    value (not ISO), the unsupported format, ``NaN``, or ``read -> other (format)``."""
    if not ISO_DAY.match(value):
        return f"{value} (YYYY-MM-DD)"
    for fmt in (snap.settings.date_format, dates.DEFAULT_FORMAT):
        try:
            got = dates.uwazi_date(value, fmt, today)
        except dates.UnsupportedDateFormat:
            return f"dateFormat {fmt}?"
        if got is None:
            return f"{value} -> NaN"
        if dates.iso(got) != value:
            return f"{value} -> {dates.iso(got)} ({fmt})"
    return ""


class _Checker:
    def __init__(self, snap: Snapshot, today: dates.Ymd) -> None:
        self.snap = snap
        self.today = today
        self.problems: list[Problem] = []
        self.files_seen: set[str] = set()
        self.targets: Counter[str] = Counter()
        self.act_template_id = ""

    def add(self, table: Table, row: int, column: str, check: Check, detail: str = "",
            nam_id: str = "") -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(table.entity, row, column, check, detail, nam_id))

    # ---- headers ---------------------------------------------------------------------
    def headers(self, table: Table) -> set[int]:
        """Header problems; returns the indexes of the columns whose cells to check."""
        template = table.template
        if template is None:
            self.add(table, 0, "", Check.TEMPLATE_MISSING, table.template_key)
            return set()
        s = self.snap.settings
        good: set[int] = set()
        seen: set[str] = set()
        for i, col in enumerate(table.columns):
            h = col.header
            if h in seen:
                self.add(table, 0, h, Check.DUPLICATE_HEADER)
                continue
            seen.add(h)
            read = safe_name(h, s.new_name_generation)
            if read != h:
                self.add(table, 0, h, Check.HEADER_NOT_CANONICAL, f"-> {read}")
                continue
            base, lang = language_of(h, list(s.languages))
            suffix = KNOWN_LANGUAGE.search(h)
            if not lang and suffix and template.get(h) is None and \
                    template.get(h[:suffix.start()]) is not None:
                self.add(table, 0, h, Check.LANGUAGE_NOT_INSTALLED, suffix.group(1))
                continue
            prop = template.get(base)
            if base not in RESERVED_COLUMNS and prop is None:
                self.add(table, 0, h, Check.UNKNOWN_HEADER, template.name)
                continue
            if col.source and prop is not None and not self._type_ok(table, col, prop):
                continue
            good.add(i)
        types = {p.name: p.type for p in template.properties}
        for err in check_columns(table.headers, types, list(s.languages), s.default_language,
                                 s.new_name_generation):
            self.add(table, 0, err.header, _COLUMN_CHECKS[err.check], err.detail)
            good -= {i for i, c in enumerate(table.columns)
                     if language_of(c.header, list(s.languages))[0] == err.header}
        bases = {language_of(c.header, list(s.languages))[0] for c in table.columns}
        if "title" not in bases:
            self.add(table, 0, "title", Check.TITLE_MISSING)
        for p in template.properties:
            if p.required and p.name not in bases and p.name != "title":
                self.add(table, 0, p.name, Check.REQUIRED_MISSING)
        return good

    def _type_ok(self, table: Table, col: Column, prop: Property) -> bool:
        kind = SOURCES[col.source].kind
        allowed = ALLOWED_TYPES[kind]
        if prop.type not in allowed:
            self.add(table, 0, col.header, Check.WRONG_TYPE,
                     f"{prop.type} ({col.source}: {'/'.join(sorted(allowed))})")
            return False
        if prop.type in SELECT_TYPES and self.snap.thesaurus(prop.content) is None:
            self.add(table, 0, col.header, Check.WRONG_TYPE, f"{prop.type} -> {prop.content}?")
            return False
        if prop.type == "relationship" and prop.content not in ("", self.act_template_id):
            self.add(table, 0, col.header, Check.WRONG_TYPE, f"relationship -> {prop.content}")
            return False
        return True

    # ---- cells -----------------------------------------------------------------------
    def cells(self, table: Table, good: set[int]) -> None:
        template = table.template
        if template is None:
            return
        s = self.snap.settings
        key_col = self._title_column(table)
        for r, row in enumerate(table.rows, start=1):
            for i, col in enumerate(table.columns):
                if i not in good:
                    continue
                base, lang = language_of(col.header, list(s.languages))
                cell = row.cells[i]
                if i == key_col:
                    self._title(table, r, row, col, cell)
                elif col.header == "attachments":
                    self._files(table, r, row, col, cell)
                prop = template.get(base)
                if prop is None:
                    continue
                if prop.required and not cell.strip():
                    self.add(table, r, col.header, Check.REQUIRED_MISSING, nam_id=row.nam_id)
                if cell and (not lang or lang == s.default_language):
                    self._value(table, r, row, i, col, prop, cell)

    def _title_column(self, table: Table) -> int:
        s = self.snap.settings
        for i, col in enumerate(table.columns):
            if col.header in ("title", f"title{LANGUAGE_SEPARATOR}{s.default_language}"):
                return i
        return -1

    def _title(self, table: Table, r: int, row: Row, col: Column, cell: str) -> None:
        if not js_trim(cell):
            self.add(table, r, col.header, Check.TITLE_MISSING, nam_id=row.nam_id)
        elif table.entity == "act":  # the key a testimony's relationship cell uses
            if MULTI_SEPARATOR in cell:
                self.add(table, r, col.header, Check.SEPARATOR_IN_VALUE, "|",
                         nam_id=row.nam_id)
            elif self.targets[cell] > 1:
                self.add(table, r, col.header, Check.RELATION_AMBIGUOUS, nam_id=row.nam_id)

    def _files(self, table: Table, r: int, row: Row, col: Column, cell: str) -> None:
        present = {f.name for f in row.files}
        names = [n for n in cell.split(MULTI_SEPARATOR) if n] if cell else []
        intended = row.parts.get(table.columns.index(col))
        if intended is not None and names != intended:
            self.add(table, r, col.header, Check.SEPARATOR_IN_VALUE, nam_id=row.nam_id)
        for name in names:
            if not FILE_NAME.match(name):
                self.add(table, r, col.header, Check.FILE_NAME_INVALID, name, row.nam_id)
            elif name not in present:
                self.add(table, r, col.header, Check.FILE_MISSING, name, row.nam_id)
            elif name in self.files_seen:
                self.add(table, r, col.header, Check.FILE_DUPLICATE, name, row.nam_id)
            self.files_seen.add(name)

    def _value(self, table: Table, r: int, row: Row, i: int, col: Column, prop: Property,
               cell: str) -> None:
        def bad(check: Check, detail: str = "") -> None:
            self.add(table, r, col.header, check, detail, row.nam_id)

        intended = row.parts.get(i)
        t = prop.type
        if t in SELECT_TYPES:
            thesaurus = self.snap.thesaurus(prop.content)
            if thesaurus is None:
                return
            if t == "select" and (MULTI_SEPARATOR in cell or (intended and len(intended) > 1)):
                bad(Check.SEPARATOR_IN_VALUE, cell)
                return
            if intended is not None:
                for part in intended:
                    if MULTI_SEPARATOR in part:
                        bad(Check.SEPARATOR_IN_VALUE, part)
                        return
            labels = [cell] if t == "select" else split_multi(cell)
            for label in labels:
                verdict, _ = classify_label(thesaurus.index, label)
                if verdict == LabelVerdict.NEW:
                    bad(Check.LABEL_MISSING, f"{js_trim(label)} [{thesaurus.name}]")
                elif verdict == LabelVerdict.GROUP_ALONE:
                    bad(Check.LABEL_IS_GROUP, js_trim(label))
                elif verdict == LabelVerdict.TOO_MANY_SEPARATORS:
                    bad(Check.LABEL_SEPARATORS, js_trim(label))
        elif t in ("date", "multidate"):
            for value in (cell.split(MULTI_SEPARATOR) if t == "multidate" else [cell]):
                why = check_date(value, self.snap, self.today) if value else ""
                if why:
                    bad(Check.DATE_INVALID, why)
        elif t in ("daterange", "multidaterange"):
            for value in (cell.split(MULTI_SEPARATOR) if t == "multidaterange" else [cell]):
                self._range(value, bad)
        elif t == "numeric" and js_number(cell) is None:
            bad(Check.NUMBER_INVALID)
        elif t == "geolocation":
            self._geo(cell, intended, bad)
        elif t == "relationship":
            titles = split_relationship(cell)
            if intended is not None and (titles != intended
                                         or any(MULTI_SEPARATOR in x for x in intended)):
                bad(Check.SEPARATOR_IN_VALUE)
            for title in titles:
                if self.targets[title] == 0:
                    bad(Check.RELATION_MISSING, title)
                elif self.targets[title] > 1:
                    bad(Check.RELATION_AMBIGUOUS)

    def _range(self, value: str, bad: _Bad) -> None:
        if not value:
            return
        sides = value.split(":")
        if len(sides) != 2 or not (sides[0] or sides[1]):
            bad(Check.DATE_INVALID, f"{value} (from:to)")
            return
        for side in sides:
            why = check_date(side, self.snap, self.today) if side else ""
            if why:
                bad(Check.DATE_INVALID, why)
                return
        if sides[0] and sides[1] and sides[0] > sides[1]:
            bad(Check.DATE_INVALID, f"{sides[0]} > {sides[1]}")

    @staticmethod
    def _geo(cell: str, intended: list[str] | None, bad: _Bad) -> None:
        parts = cell.split(MULTI_SEPARATOR)
        point = parse_geolocation(cell)
        if len(parts) != 2 or point is None or isinstance(point, str) or (
                intended is not None and intended != parts):
            bad(Check.GEO_INVALID, cell)
            return
        lat, lon = point
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            bad(Check.GEO_OUT_OF_RANGE, f"{lat!r}|{lon!r}")


def validate_tables(tables: list[Table], snap: Snapshot, today: dates.Ymd) -> list[Problem]:
    """Every problem of the act table, then of the testimony table (whose relationship
    cells must name act titles of the act table, each exactly once)."""
    checker = _Checker(snap, today)
    acts = next((t for t in tables if t.entity == "act"), None)
    if acts is not None and acts.template is not None:
        checker.act_template_id = acts.template.id
        key = checker._title_column(acts)
        if key >= 0:
            checker.targets.update(row.cells[key] for row in acts.rows)
    for table in tables:
        good = checker.headers(table)
        checker.cells(table, good)
    return checker.problems


def encode_csv(headers: list[str], rows: Iterator[list[str]] | list[list[str]]) -> bytes:
    """``import.csv``: UTF-8 without a BOM, comma-separated, fields quoted where needed,
    CRLF between records (newlines inside quoted fields stay LF)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def check_csv(entity: str, data: bytes, headers: list[str],
              rows: list[list[str]]) -> list[Problem]:
    """The bytes are UTF-8 without a BOM and read back (Python's ``csv``) as the table."""
    def problem(detail: str) -> list[Problem]:
        return [Problem(entity, 0, "", Check.ENCODING, detail)]

    if data.startswith(b"\xef\xbb\xbf"):
        return problem("starts with a byte order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return problem("not UTF-8")
    if any(d in h for h in headers for d in (",", ";", '"', "\n", "\r")):
        return problem("a header holds a delimiter or quote")
    back = list(csv.reader(io.StringIO(text, newline="")))
    if back != [headers, *rows]:
        return problem("does not read back as written")
    return []

