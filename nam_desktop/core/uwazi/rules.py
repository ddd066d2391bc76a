"""Uwazi's CSV import rules, reimplemented from its documentation and source (v1 importer,
``huridocs/uwazi`` 1.190, files cited in docs/uwazi.md). None of Uwazi's code is used.

Each function states the Uwazi behaviour it mirrors; the strict checks NAM adds on top
live in :mod:`.validate`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MULTI_SEPARATOR = "|"  # csvDefinitions.ts: multiValueSeparator
GROUP_SEPARATOR = "::"  # dictionaryParentChildSeparator
RANGE_SEPARATOR = ":"  # dateRangeImportSeparator
LANGUAGE_SEPARATOR = "__"  # languageHeaderSeparator
RESERVED_COLUMNS = ("title", "id", "file", "attachments")  # importEntity.ts
# validateColumns.ts: PROPERTIES_WITH_LANGUAGE (plus "file", allowed per language)
LANGUAGE_TYPES = frozenset({"text", "markdown", "select", "multiselect", "link", "nested",
                            "title"})
SELECT_TYPES = frozenset({"select", "multiselect"})

# ECMAScript WhiteSpace and LineTerminator: what String.prototype.trim() and \s remove.
_JS_SPACE = ("\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
             "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
_NEW_NAME_CHARS = frozenset('#|\\/*?"<>=:.[]%') | frozenset(_JS_SPACE)


def js_trim(text: str) -> str:
    """``String.prototype.trim``: strips Unicode spaces and U+FEFF (``str.strip`` keeps it)."""
    return text.strip(_JS_SPACE)


def _utf16_units(ch: str) -> int:
    return 2 if ord(ch) > 0xFFFF else 1


def safe_name(label: str, new_name_generation: bool = False) -> str:
    """``shared/propertyNames.ts: safeName``. Legacy: every UTF-16 code unit outside
    ``[A-Za-z0-9]`` becomes ``_``, so Cyrillic labels collide. New generation: only
    ``# | \\ / * ? " < > = : . [ ] %`` and white space become ``_``, then one leading
    ``_ | - + $`` is dropped."""
    text = js_trim(label)
    if not new_name_generation:
        return "".join(ch if (ch.isascii() and ch.isalnum()) else "_" * _utf16_units(ch)
                       for ch in text).lower()
    text = "".join("_" if ch in _NEW_NAME_CHARS else ch for ch in text)
    if text[:1] in ("_", "|", "-", "+", "$"):
        text = text[1:]
    return text.lower()


def property_name(label: str, prop_type: str, new_name_generation: bool) -> str:
    """``api/templates/utils.ts: generateName``: geolocation and nested properties get
    their type as a suffix (a geolocation labelled "Place" is ``place_geolocation``)."""
    name = safe_name(label, new_name_generation)
    return f"{name}_{prop_type}" if prop_type in ("geolocation", "nested") else name


def language_of(header: str, languages: list[str]) -> tuple[str, str]:
    """``entityRow.ts: notTranslated``: ``name__xx`` with ``xx`` an installed language
    gives ``(name, xx)``; anything else is ``(header, "")``."""
    for lang in languages:
        suffix = f"{LANGUAGE_SEPARATOR}{lang}"
        if lang and header.endswith(suffix):
            return header.split(LANGUAGE_SEPARATOR)[0], lang
    return header, ""


def normalize_label(label: str) -> str | None:
    """``thesauri.js: normalizeThesaurusLabel``: trimmed, lower case; blank is None."""
    trimmed = js_trim(label).lower()
    return trimmed or None


@dataclass(frozen=True)
class LabelInfo:
    label: str
    normalized: str
    child: str | None = None
    child_normalized: str | None = None


class LabelSyntaxError(ValueError):
    """``Label "x" has too many parent-child separators.`` (select.ts: splitLabel)."""


def parse_label(label: str) -> LabelInfo | None:
    """``typeParsers/select.ts: determineParentChildRelationship``."""
    normalized = normalize_label(label)
    if normalized is None:
        return None
    split = label.split(GROUP_SEPARATOR)
    nsplit = normalized.split(GROUP_SEPARATOR)
    if len(split) > 2:
        raise LabelSyntaxError(label)
    if len(split) == 2 and len(nsplit) == 2:
        child, nchild = split[1], nsplit[1]
        return LabelInfo(split[0], nsplit[0], child if child and nchild else None,
                         nchild if child and nchild else None)
    return LabelInfo(split[0], nsplit[0])


def split_multi(cell: str) -> list[str]:
    """``multiselect.ts: splitMultiselectLabels``: split on ``|``, trim, drop blanks."""
    return [p for p in (js_trim(x) for x in cell.split(MULTI_SEPARATOR)) if p] if cell else []


def split_relationship(cell: str) -> list[str]:
    """``typeParsers/relationship.ts``: split on ``|``, drop empty strings and repeats
    (titles are not trimmed)."""
    out: list[str] = []
    for value in cell.split(MULTI_SEPARATOR):
        if value and value not in out:
            out.append(value)
    return out


@dataclass
class ThesaurusIndex:
    """What ``arrangeThesauri.ts: setupThesaurusMaps`` knows of one thesaurus: the
    normalised labels per parent ("" for top level) and the labels as spelled."""

    name: str
    children: dict[str, set[str]] = field(default_factory=lambda: {"": set()})
    spelled: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def build(cls, name: str, values: list[dict[str, object]]) -> ThesaurusIndex:
        index = cls(name)
        for v in values:
            label = normalize_label(str(v.get("label", "")))
            if label is None:
                continue
            kids = v.get("values")
            if isinstance(kids, list):  # JS-truthy: a group, even an empty one (then
                for child in kids:       # Uwazi knows it neither as value nor as group)
                    clabel = normalize_label(str(child.get("label", ""))) \
                        if isinstance(child, dict) else None
                    if clabel is not None and isinstance(child, dict):
                        index.children.setdefault(label, set()).add(clabel)
                        index.spelled.setdefault(
                            (label, clabel), (str(v.get("label")), str(child.get("label"))))
            else:
                index.children[""].add(label)
                index.spelled.setdefault(("", label), ("", str(v.get("label"))))
        return index

    def is_group(self, normalized: str) -> bool:
        return normalized in self.children and normalized != ""


class LabelVerdict:
    EXISTING = "existing"
    NEW = "new"  # Uwazi appends it to the thesaurus without a word
    GROUP_ALONE = "group_alone"  # Uwazi refuses the row (arrangeThesauri.ts: tryAddingLabel)
    TOO_MANY_SEPARATORS = "too_many_separators"


def classify_label(index: ThesaurusIndex, label: str) -> tuple[str, LabelInfo | None]:
    """How Uwazi's importer treats one select/multiselect label against the thesaurus as
    it was before the import (``arrangeThesauri.ts``: isStandaloneGroup, isNewLabel)."""
    try:
        info = parse_label(label)
    except LabelSyntaxError:
        return LabelVerdict.TOO_MANY_SEPARATORS, None
    if info is None:
        return LabelVerdict.EXISTING, None  # blank: no value at all
    if info.child_normalized is None and index.is_group(info.normalized):
        return LabelVerdict.GROUP_ALONE, info
    parent, child = ("", info.normalized) if info.child_normalized is None \
        else (info.normalized, info.child_normalized)
    known = child in index.children.get(parent, set())
    return (LabelVerdict.EXISTING if known else LabelVerdict.NEW), info


def cell_labels(prop_type: str, cell: str) -> list[str]:
    """The labels Uwazi reads from a select (whole cell) or multiselect (split) cell."""
    if prop_type == "multiselect":
        return split_multi(cell)
    return [cell] if normalize_label(cell) is not None else []


_NUMBER = re.compile(r"^[ \t\n\r]*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[ \t\n\r]*$")


def js_number(text: str) -> float | None:
    """``Number(text)`` for decimal text; None where JS gives NaN. (Hex, binary and
    "Infinity" are refused as well: NAM never writes them.)"""
    if text.strip() == "":
        return 0.0
    if not _NUMBER.match(text):
        return None
    return float(text)


def parse_geolocation(cell: str) -> tuple[float, float] | str | None:
    """``typeParsers/geolocation.ts``: ``lat|lon``; one value or empty parts give no
    value (None). Returns "nan" when Uwazi would store NaN (not numbers)."""
    parts = cell.split(MULTI_SEPARATOR)
    lat, lon = [*parts, "", ""][:2]
    if not lat or not lon:
        return None
    a, b = js_number(lat), js_number(lon)
    if a is None or b is None:
        return "nan"
    return a, b


@dataclass(frozen=True)
class ColumnError:
    header: str
    check: str  # a Check value
    detail: str = ""


def check_columns(headers: list[str], property_types: dict[str, str], languages: list[str],
                  default_language: str, new_name_generation: bool) -> list[ColumnError]:
    """The checks of ``validateColumns.ts`` (Uwazi refuses the whole file on these), in
    its order: mixed language and plain columns, a suffix on a type without languages,
    language columns without the default language. ``property_types`` maps property
    names (title included) to types; unknown headers are Uwazi's silent case and are
    not reported here."""
    types = dict(property_types)
    types.setdefault("title", "title")
    names = [safe_name(h, new_name_generation) for h in headers]
    plain: list[str] = []
    per_lang: dict[str, list[str]] = {}
    for name in names:
        base, lang = language_of(name, languages)
        if lang:
            per_lang.setdefault(base, []).append(lang)
        else:
            plain.append(name)
    errors: list[ColumnError] = []
    for base in per_lang:
        if base in plain:
            errors.append(ColumnError(base, "language_mixed"))
    if errors:
        return errors
    for base in per_lang:
        t = "title" if base == "title" else types.get(base)
        if base != "file" and t not in LANGUAGE_TYPES:
            errors.append(ColumnError(base, "language_unsupported", str(t)))
    if errors:
        return errors
    for base, langs in per_lang.items():
        if default_language not in langs:
            errors.append(ColumnError(base, "language_no_default", default_language))
    return errors
