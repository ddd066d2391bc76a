"""Golden cases for select/multiselect labels, transcribed from Uwazi's spec
(huridocs/uwazi @ 849f7d9): the fixture thesauri of
``app/api/csv/specs/csvLoaderSelectsFixtures.ts``, the cells of
``app/api/csv/specs/arrangeThesauriTest.csv`` and the thesauri Uwazi ends up with after
importing them (``csvLoaderSelects.spec.js``, "should create values in thesauri").

Uwazi appends every label it does not know. Our reading of each cell must find exactly
those labels new (so the thesauri we would predict equal Uwazi's), and the validator must
refuse each of those cells: NAM never lets Uwazi grow a thesaurus."""

from __future__ import annotations

from typing import Any

import pytest

from nam_desktop.core.uwazi import snapshot
from nam_desktop.core.uwazi.errors import Check
from nam_desktop.core.uwazi.rules import (
    LabelVerdict,
    ThesaurusIndex,
    cell_labels,
    classify_label,
    normalize_label,
)
from nam_desktop.core.uwazi.table import Column, Row, Table
from nam_desktop.core.uwazi.validate import validate_tables


def thesaurus(values: list[Any]) -> list[dict[str, Any]]:
    """``fixtureFactory.nestedThesauri``: strings are values, {group: [children]} groups."""
    out: list[dict[str, Any]] = []
    for v in values:
        if isinstance(v, str):
            out.append({"id": v, "label": v})
        else:
            for group, kids in v.items():
                out.append({"id": group, "label": group,
                            "values": [{"id": k, "label": k} for k in kids]})
    return out


SELECT = thesaurus(["A", {"1": ["1A", "1B", "A"]}])
MULTISELECT = thesaurus(["A", "B", {"1": ["1A"], "2": ["2A", "2B"]}])
NO_NEW = thesaurus(["1", "2", "3"])

# arrangeThesauriTest.csv: (title, select_property__en, Multiselect Property__en,
# no_new_value_select); the __es columns only name translations of new labels.
CSV = [
    ("select_1", "B", "A", "1"), ("select_2", "C", "A", "2"), ("select_3", "b", "A", "3"),
    ("select_4", "B", "A", "1"), ("select_5", "d", "A", "2"), ("select_6", "D", "A", "3"),
    ("select_7", "  b", "A", "1"), ("select_8", " ", "A", "2"), ("select_9", "      ", "A", "3"),
    ("multiselect_1", "A", "B", "1"), ("multiselect_2", "A", "c", "2"),
    ("multiselect_3", "A", "A|b", "3"), ("multiselect_4", "A", "a|B|C", "1"),
    ("multiselect_5", "A", "  a|   b | ", "2"), ("multiselect_6", "A", " |   | ", "3"),
    ("multiselect_7", "A", "A|B|C|D|  |E| e| g  ", "1"),
    ("select_nested_values_1", "1::1A", "", "1"), ("select_nested_values_2", "1::1c", "", "2"),
    ("select_nested_values_3", "1::1C", "", "3"), ("select_nested_values_4", "g2::2A", "", "1"),
    ("select_nested_values_5", "G2::2b", "", "2"), ("select_nested_values_6", "G2::2B", "", "3"),
    ("select_nested_values_7", "3::A", "", "1"),
    ("multiselect_nested_values_1", "1::1A", "1::1b|2::2C ||  | 3::3a |3::3B|4::A", "1"),
    ("multiselect_nested_values_2", "1::1A", "1::1B  |2::2c| ", "2"),
]

# csvLoaderSelects.spec.js: the thesauri after the import, as (group, [children]).
SELECT_AFTER = [("A", []), ("1", ["1A", "1B", "A", "1c"]), ("B", []), ("C", []), ("d", []),
                ("3", ["A"]), ("g2", ["2A", "2b"])]
MULTISELECT_AFTER = [("A", []), ("B", []), ("1", ["1A", "1b"]), ("2", ["2A", "2B", "2C"]),
                     ("c", []), ("D", []), ("E", []), ("g", []), ("3", ["3a", "3B"]),
                     ("4", ["A"])]
NO_NEW_AFTER = [("1", []), ("2", []), ("3", [])]


def predicted(values: list[dict[str, Any]], prop_type: str, cells: list[str]) -> set[str]:
    """The thesaurus Uwazi would hold after these cells, as "group::child" / "label"
    strings: the labels before, plus each label we classify as new, spelled as first met
    (``arrangeThesauri.ts: syncSaveThesauri`` keeps the first spelling)."""
    index = ThesaurusIndex.build("t", values)
    have = {(str(v["label"]), str(k["label"])) for v in values for k in v.get("values", [])}
    have |= {("", str(v["label"])) for v in values if "values" not in v}
    roots = {normalize_label(str(v["label"])): str(v["label"]) for v in values}
    new: dict[tuple[str, str], str] = {}
    for cell in cells:
        for label in cell_labels(prop_type, cell):
            verdict, info = classify_label(index, label)
            if verdict != LabelVerdict.NEW:
                continue
            assert info is not None
            if info.child is None:
                new.setdefault(("", info.normalized), info.label)
            else:
                roots.setdefault(info.normalized, info.label)
                new.setdefault((info.normalized, str(info.child_normalized)), info.child)
    have |= {(roots[p] if p else "", c) for (p, _), c in new.items()}
    return {f"{g}::{c}" if g else c for g, c in have}


def expected(after: list[tuple[str, list[str]]]) -> set[str]:
    out = set()
    for group, kids in after:
        out |= {f"{group}::{k}" for k in kids} if kids else {group}
    return out


def test_select_column_grows_the_thesaurus_exactly_as_uwazi_does() -> None:
    cells = [row[1] for row in CSV]
    assert predicted(SELECT, "select", cells) == expected(SELECT_AFTER)


def test_multiselect_column_grows_the_thesaurus_exactly_as_uwazi_does() -> None:
    cells = [row[2] for row in CSV]
    assert predicted(MULTISELECT, "multiselect", cells) == expected(MULTISELECT_AFTER)


def test_column_without_new_values_stays_as_it_was() -> None:
    assert predicted(NO_NEW, "select", [row[3] for row in CSV]) == expected(NO_NEW_AFTER)


def test_case_and_space_are_ignored_when_matching() -> None:
    # select.spec.js: "vAlUe2" finds value2; fixtures.ts: " value4 " is found as value4.
    index = ThesaurusIndex.build("thesauri1", [{"label": "value1"}, {"label": "value2"},
                                               {"label": "Value3"}, {"label": " value4 "}])
    for cell in ("value1", "vAlUe2", "value3", "value4", "  VALUE4\t"):
        assert classify_label(index, cell)[0] == LabelVerdict.EXISTING, cell


def test_group_label_alone_and_too_many_separators() -> None:
    # arrangeThesauriGroupErrorCase.csv: "1" names a group of "Select Thesaurus": an error.
    index = ThesaurusIndex.build("Select Thesaurus", SELECT)
    assert classify_label(index, "1")[0] == LabelVerdict.GROUP_ALONE
    assert classify_label(index, " 1 ")[0] == LabelVerdict.GROUP_ALONE
    assert classify_label(index, "1::")[0] == LabelVerdict.GROUP_ALONE  # empty child
    assert classify_label(index, "1::1A::x")[0] == LabelVerdict.TOO_MANY_SEPARATORS


def _snapshot() -> snapshot.Snapshot:
    return snapshot.parse({
        "templates": {"rows": [{"_id": "t1", "name": "template", "properties": [
            {"_id": "p1", "name": "select_property", "label": "Select Property",
             "type": "select", "content": "ts"},
            {"_id": "p2", "name": "multiselect_property", "label": "Multiselect Property",
             "type": "multiselect", "content": "tm"},
            {"_id": "p3", "name": "no_new_value_select", "label": "no_new_value_select",
             "type": "select", "content": "tn"}]}]},
        "dictionaries": {"rows": [
            {"_id": "ts", "name": "Select Thesaurus", "values": SELECT},
            {"_id": "tm", "name": "multiselect_thesaurus", "values": MULTISELECT},
            {"_id": "tn", "name": "no_new_value_thesaurus", "values": NO_NEW}]},
        "settings": {"languages": [{"key": "en", "default": True}, {"key": "es"}]}})


@pytest.mark.parametrize("column", [1, 2, 3])
def test_the_validator_refuses_exactly_the_cells_uwazi_would_grow_a_thesaurus_with(
        column: int) -> None:
    snap = _snapshot()
    template = snap.template("template")
    assert template is not None
    name = ("", "select_property", "multiselect_property", "no_new_value_select")[column]
    prop = template.get(name)
    table = Table("act", "template", template,
                  [Column("title", None, ""), Column(name, prop, "")],
                  [Row(r[0], r[0], [r[0], r[column]]) for r in CSV])
    problems = validate_tables([table], snap, (2026, 5, 17))
    refused = {p.row for p in problems if p.check is Check.LABEL_MISSING}
    index = snap.thesaurus(str(prop.content if prop else "")).index  # type: ignore[union-attr]
    grows = {i for i, r in enumerate(CSV, start=1)
             if any(classify_label(index, label)[0] == LabelVerdict.NEW
                    for label in cell_labels(prop.type if prop else "", r[column]))}
    assert refused == grows
    assert {p.check for p in problems} <= {Check.LABEL_MISSING}
    if column == 3:
        assert refused == set()
    else:
        assert refused  # this column of the spec does add labels


def test_the_validator_refuses_a_group_label_alone() -> None:
    snap = _snapshot()
    template = snap.template("template")
    assert template is not None
    prop = template.get("select_property")
    table = Table("act", "template", template,
                  [Column("title", None, ""), Column("select_property", prop, "")],
                  [Row("x", "x", ["group_error_select_wrong", "1"])])
    [problem] = validate_tables([table], snap, (2026, 5, 17))
    assert (problem.row, problem.column, problem.check) == (1, "select_property",
                                                            Check.LABEL_IS_GROUP)
