"""Uwazi's naming and cell rules (app/shared/propertyNames.ts, templates/utils.ts,
typeParsers/geolocation.ts, multiselect.ts, relationship.ts), as fixed examples."""

from __future__ import annotations

import pytest

from nam_desktop.core.uwazi.rules import (
    js_number,
    js_trim,
    language_of,
    parse_geolocation,
    property_name,
    safe_name,
    split_multi,
    split_relationship,
)


@pytest.mark.parametrize(("label", "legacy", "new"), [
    ("Date of act", "date_of_act", "date_of_act"),
    ("  Title ", "title", "title"),
    ("header.with.dots", "header_with_dots", "header_with_dots"),
    ("additional tag(s)", "additional_tag_s_", "additional_tag(s)"),
    ("Дата", "____", "дата"),  # legacy: every Cyrillic letter becomes "_"
    ("Месца затрымання", "_" * 16, "месца_затрымання"),
    ("_private", "_private", "private"),  # new: one leading "_ - + $" dropped
    ("--x", "__x", "-x"),
    ("a|b:c%d", "a_b_c_d", "a_b_c_d"),
    ("\ufeffnam_id", "nam_id", "nam_id"),  # JS trim() removes a BOM
    ("emoji 😀", "emoji___", "emoji_😀"),  # legacy: one "_" per UTF-16 unit
])
def test_safe_name(label: str, legacy: str, new: str) -> None:
    assert safe_name(label) == legacy
    assert safe_name(label, True) == new


def test_geolocation_and_nested_names_carry_their_type() -> None:
    # app/api/csv/specs/fixtures.ts + test.csv: the header "geolocation_geolocation"
    assert property_name("geolocation", "geolocation", False) == "geolocation_geolocation"
    assert property_name("Place", "geolocation", True) == "place_geolocation"
    assert property_name("Place", "text", True) == "place"


def test_trim_is_javascript_trim() -> None:
    assert js_trim("\u00a0\u2003x \ufeff") == "x"
    assert js_trim("\u200bx") == "\u200bx"  # zero width space is not white space in JS


def test_language_suffix_only_for_installed_languages() -> None:
    assert language_of("narrative__be", ["be", "ru"]) == ("narrative", "be")
    assert language_of("narrative__pl", ["be", "ru"]) == ("narrative__pl", "")
    assert language_of("title", ["be"]) == ("title", "")


def test_geolocation_cells_from_the_spec() -> None:
    # typeParsers/specs/geolocation.spec.js
    assert parse_geolocation("1.5|45.65") == (1.5, 45.65)
    assert parse_geolocation("0|0") == (0.0, 0.0)
    assert parse_geolocation("oneValue") is None
    assert parse_geolocation("") is None
    assert parse_geolocation("53.9|x") == "nan"


def test_numbers_as_javascript_reads_them() -> None:
    assert js_number("1977") == 1977.0
    assert js_number(" 12.5 ") == 12.5
    assert js_number("Not a number") is None
    assert js_number("") == 0.0


def test_multi_value_splitting() -> None:
    # multiselect.ts trims and drops blanks; relationship.ts keeps spaces, drops repeats
    assert split_multi("  a|   b | ") == ["a", "b"]
    assert split_multi(" |   | ") == []
    assert split_relationship("t1|t2||t1| t3") == ["t1", "t2", " t3"]
