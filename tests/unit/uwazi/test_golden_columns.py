"""Golden cases for the language columns, transcribed from Uwazi's spec (huridocs/uwazi
@ 849f7d9): ``app/api/csv/specs/validateColumns.spec.ts`` (seven files Uwazi refuses, with
the property its message names) and ``app/api/csv/specs/zipData/languages/import.csv``
(a file it imports). Uwazi's own rules give the same verdicts here; the strict validator
refuses at least as much."""

from __future__ import annotations

import pytest

from nam_desktop.core.uwazi import snapshot
from nam_desktop.core.uwazi.errors import Check
from nam_desktop.core.uwazi.rules import check_columns, safe_name
from nam_desktop.core.uwazi.table import Column, Table
from nam_desktop.core.uwazi.validate import validate_tables

TYPES = {"textprop": "text", "numberprop": "numeric", "dateprop": "date",
         "selectprop": "select", "multiselectprop": "multiselect"}
LANGS = ["en", "es"]

# (csv header line, Uwazi's verdict: the rule and the property named in its message)
REFUSED = [
    ("title, textprop, textprop__es, textprop__en", "language_mixed", "textprop"),
    ("title, numberprop__es, numberprop__en", "language_unsupported", "numberprop"),
    ("title, dateprop__es, dateprop__en", "language_unsupported", "dateprop"),
    ("title__es", "language_no_default", "title"),
    ("title, textprop__es", "language_no_default", "textprop"),
    ("title, selectprop__es", "language_no_default", "selectprop"),
    ("title, multiselectprop__es", "language_no_default", "multiselectprop"),
]
ACCEPTED = ("Title__es,  Title__en,  text_label__es,  text_label__en,  select_label,  "
            "file__es,  file__en, attachments")
ACCEPTED_TYPES = {"text_label": "text", "numeric_label": "numeric", "select_label": "select",
                  "geolocation_geolocation": "geolocation", "auto_id": "generatedid"}


@pytest.mark.parametrize(("line", "rule", "prop"), REFUSED)
def test_refused_files(line: str, rule: str, prop: str) -> None:
    errors = check_columns(line.split(","), TYPES, LANGS, "en", False)
    assert [(e.check, e.header) for e in errors][:1] == [(rule, prop)]


def test_accepted_file() -> None:
    assert check_columns(ACCEPTED.split(","), ACCEPTED_TYPES, LANGS, "en", False) == []


def _snap() -> snapshot.Snapshot:
    return snapshot.parse({
        "templates": {"rows": [{"_id": "t", "name": "template", "properties": [
            {"_id": n, "name": n, "label": n, "type": t,
             **({"content": "th"} if t in ("select", "multiselect") else {})}
            for n, t in TYPES.items()]}]},
        "dictionaries": {"rows": [{"_id": "th", "name": "th", "values": [{"label": "A"}]}]},
        "settings": {"languages": [{"key": "en", "default": True}, {"key": "es"}]}})


@pytest.mark.parametrize(("line", "rule", "prop"), REFUSED)
def test_the_strict_validator_refuses_them_too(line: str, rule: str, prop: str) -> None:
    snap = _snap()
    template = snap.template("template")
    assert template is not None
    headers = [safe_name(h) for h in line.split(",")]  # as Uwazi names them
    table = Table("act", "template", template,
                  [Column(h, template.get(h.split("__")[0]), "") for h in headers])
    problems = validate_tables([table], snap, (2026, 5, 17))
    assert (Check(rule), prop) in {(p.check, p.column) for p in problems}


def test_the_strict_validator_refuses_headers_uwazi_would_rename_or_ignore() -> None:
    snap = _snap()
    template = snap.template("template")
    assert template is not None
    headers = ["title", " textprop", "TextProp", "unknownprop", "textprop__pl"]
    table = Table("act", "template", template, [Column(h, None, "") for h in headers])
    found = {(p.column, p.check) for p in validate_tables([table], snap, (2026, 5, 17))}
    assert found == {(" textprop", Check.HEADER_NOT_CANONICAL),
                     ("TextProp", Check.HEADER_NOT_CANONICAL),
                     ("unknownprop", Check.UNKNOWN_HEADER),
                     ("textprop__pl", Check.LANGUAGE_NOT_INSTALLED)}
