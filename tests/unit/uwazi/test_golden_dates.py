"""Golden cases transcribed from Uwazi's own spec tables (huridocs/uwazi @ 849f7d9,
``app/api/csv/specs/typeParsers.spec.js``: describe 'date', 'multidate', 'daterange',
'multidaterange'): our reading of a date cell gives the day Uwazi's importer stores.
Expected values are Uwazi's ``DD-MM-YYYY`` strings, as in the spec."""

from __future__ import annotations

import pytest

from nam_desktop.core.uwazi.dates import (
    UnsupportedDateFormat,
    iso,
    uwazi_date,
    uwazi_multidate,
    uwazi_multirange,
    uwazi_range,
)
from nam_desktop.core.uwazi.validate import check_date

TODAY = (2026, 5, 17)

DATE = """\
2014|dd/MM/yyyy|01-01-2014
2014|MM/dd/yyyy|01-01-2014
2014|yyyy/MM/dd|01-01-2014
2014|dd-MM-yyyy|01-01-2014
2014|MM-dd-yyyy|01-01-2014
2014|yyyy-MM-dd|01-01-2014
2014 11 6|dd/MM/yyyy|06-11-2014
2014 11 6|MM/dd/yyyy|06-11-2014
2014 11 6|yyyy/MM/dd|06-11-2014
2014 11 6|dd-MM-yyyy|06-11-2014
2014 11 6|MM-dd-yyyy|06-11-2014
2014 11 6|yyyy-MM-dd|06-11-2014
December 17, 1995|dd/MM/yyyy|17-12-1995
December 17, 1995|MM/dd/yyyy|17-12-1995
December 17, 1995|yyyy/MM/dd|17-12-1995
December 17, 1995|dd-MM-yyyy|17-12-1995
December 17, 1995|MM-dd-yyyy|17-12-1995
December 17, 1995|yyyy-MM-dd|17-12-1995
12/01/2021|dd/MM/yyyy|12-01-2021
12/01/2021|MM/dd/yyyy|01-12-2021
2021/12/01|yyyy/MM/dd|01-12-2021
12/01/2021|dd-MM-yyyy|12-01-2021
12/01/2021|MM-dd-yyyy|01-12-2021
2021/12/01|yyyy-MM-dd|01-12-2021
12-01-2021|dd/MM/yyyy|12-01-2021
12-01-2021|MM/dd/yyyy|01-12-2021
2021-12-01|yyyy/MM/dd|01-12-2021
12-01-2021|dd-MM-yyyy|12-01-2021
12-01-2021|MM-dd-yyyy|01-12-2021
2021-12-01|yyyy-MM-dd|01-12-2021"""


def ymd(ddmmyyyy: str) -> tuple[int, int, int]:
    d, m, y = ddmmyyyy.split("-")
    return int(y), int(m), int(d)


@pytest.mark.parametrize(("cell", "fmt", "expected"),
                         [tuple(line.split("|")) for line in DATE.splitlines()])
def test_date_table(cell: str, fmt: str, expected: str) -> None:
    assert uwazi_date(cell, fmt, TODAY) == ymd(expected)


@pytest.mark.parametrize(("cell", "fmt", "expected"), [
    ("2014|2015", "dd/MM/yyyy", ["01-01-2014", "01-01-2015"]),
    ("2014 11 6|2015 11 6", "dd/MM/yyyy", ["06-11-2014", "06-11-2015"]),
    ("December 17, 1995|December 17, 1996", "dd/MM/yyyy", ["17-12-1995", "17-12-1996"]),
    ("12/01/2021|12/01/2022", "dd/MM/yyyy", ["12-01-2021", "12-01-2022"]),
    ("2021/12/01|2022/12/01", "yyyy/MM/dd", ["01-12-2021", "01-12-2022"]),
    ("2021|", "yyyy/MM/dd", ["01-01-2021"]),
    ("2021||2022", "yyyy/MM/dd", ["01-01-2021", "01-01-2022"]),
    ("|", "yyyy/MM/dd", []),
    ("", "yyyy/MM/dd", []),
])
def test_multidate_table(cell: str, fmt: str, expected: list[str]) -> None:
    assert uwazi_multidate(cell, fmt, TODAY) == [ymd(e) for e in expected]


def _side(value: str | None) -> tuple[int, int, int] | None:
    return ymd(value) if value else None


@pytest.mark.parametrize(("cell", "fmt", "start", "end"), [
    ("2014:2015", "dd/MM/yyyy", "01-01-2014", "01-01-2015"),
    ("2014 11 6:2015 11 6", "dd/MM/yyyy", "06-11-2014", "06-11-2015"),
    ("December 17, 1995:December 17, 1996", "dd/MM/yyyy", "17-12-1995", "17-12-1996"),
    ("12/01/2021:12/01/2022", "dd/MM/yyyy", "12-01-2021", "12-01-2022"),
    ("2021/12/01:2022/12/01", "yyyy/MM/dd", "01-12-2021", "01-12-2022"),
    ("2021/12/01:", "yyyy/MM/dd", "01-12-2021", None),
    (":2021/12/01", "yyyy/MM/dd", None, "01-12-2021"),
])
def test_daterange_table(cell: str, fmt: str, start: str | None, end: str | None) -> None:
    assert uwazi_range(cell, fmt, TODAY) == (_side(start), _side(end))


@pytest.mark.parametrize(("cell", "expected"), [
    ("2014:2015|2016:2017",
     [("01-01-2014", "01-01-2015"), ("01-01-2016", "01-01-2017")]),
    ("2014 11 6:2015 11 6|2016 11 6:2017 11 6",
     [("06-11-2014", "06-11-2015"), ("06-11-2016", "06-11-2017")]),
    ("December 17, 1995:December 17, 1996|December 17, 1997:December 17, 1998",
     [("17-12-1995", "17-12-1996"), ("17-12-1997", "17-12-1998")]),
    ("12/01/2021:12/01/2022|12/01/2023:12/01/2024",
     [("12-01-2021", "12-01-2022"), ("12-01-2023", "12-01-2024")]),
    ("2021/12/01:2022/12/01|2023/12/01:2024/12/01",
     [("01-12-2021", "01-12-2022"), ("01-12-2023", "01-12-2024")]),
    ("2021/12/01:2022/12/01|", [("01-12-2021", "01-12-2022")]),
    ("2021/12/01:2022/12/01||2023/12/01:2024/12/01",
     [("01-12-2021", "01-12-2022"), ("01-12-2023", "01-12-2024")]),
    ("|", []),
    ("", []),
    ("2021/12/01:|:2024/12/01", [("01-12-2021", None), (None, "01-12-2024")]),
])
def test_multidaterange_table(cell: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert uwazi_multirange(cell, "dd/MM/yyyy", TODAY) == \
        [(_side(a), _side(b)) for a, b in expected]


FORMATS = ("dd/MM/yyyy", "MM/dd/yyyy", "yyyy/MM/dd", "dd-MM-yyyy", "MM-dd-yyyy", "yyyy-MM-dd",
           "dd.MM.yyyy", None)


@pytest.mark.parametrize("fmt", FORMATS)
def test_iso_dates_are_read_as_written_under_every_usual_format(fmt: str | None) -> None:
    """NAM writes ISO dates because Uwazi reads them right whatever the collection's
    format: every day of a leap year and a few edge years."""
    import datetime as dt

    day = dt.date(2020, 1, 1)
    while day.year == 2020:
        assert uwazi_date(day.isoformat(), fmt, TODAY) == (day.year, day.month, day.day)
        day += dt.timedelta(days=1)
    for edge in ("1900-02-28", "2000-02-29", "1969-12-31", "1970-01-01", "2099-12-31"):
        y, m, d = (int(x) for x in edge.split("-"))
        assert uwazi_date(edge, fmt, TODAY) == (y, m, d)


def test_a_collection_format_that_would_misread_iso_is_caught() -> None:
    # With "yyyy-dd-MM" first in the list, moment reads 2021-12-01 as 12 January.
    assert uwazi_date("2021-12-01", "yyyy-dd-MM", TODAY) == (2021, 1, 12)
    from nam_desktop.core.uwazi import snapshot

    snap = snapshot.parse({"templates": {"rows": []}, "dictionaries": {"rows": []},
                           "settings": {"languages": [{"key": "en", "default": True}],
                                        "dateFormat": "yyyy-dd-MM"}})
    assert "2021-01-12" in check_date("2021-12-01", snap, TODAY)
    assert check_date("2021-12-13", snap, TODAY) == ""  # no 13th month: read right


def test_nam_is_stricter_than_uwazi_on_non_iso_cells() -> None:
    """Uwazi accepts "12/01/2021" (and reads it by the collection's format); NAM refuses
    to write anything but ISO."""
    from nam_desktop.core.uwazi import snapshot

    snap = snapshot.parse({"templates": {"rows": []}, "dictionaries": {"rows": []},
                           "settings": {"languages": [{"key": "en", "default": True}],
                                        "dateFormat": "dd/MM/yyyy"}})
    for line in DATE.splitlines():
        cell, _, _ = line.split("|")
        verdict = check_date(cell, snap, TODAY)
        assert (verdict == "") == (len(cell) == 10 and cell[4] == "-"), cell
    assert check_date("2021-02-30", snap, TODAY) == "2021-02-30 -> NaN"


def test_fixed_vectors_from_moment_itself() -> None:
    """400 cells (odd ones on purpose) read by moment 2.30.1 with Uwazi's format list;
    the file says how they were made."""
    import json
    from pathlib import Path

    doc = json.loads((Path(__file__).parent / "data" / "moment_vectors.json").read_text("utf-8"))
    today = tuple(int(x) for x in doc["today"].split("-"))
    assert len(doc["cases"]) == 400
    for case in doc["cases"]:
        got = uwazi_date(case["cell"], case["dateFormat"], today)  # type: ignore[arg-type]
        assert (iso(got) if got else None) == case["uwazi"], case


def test_unknown_or_unparseable_input() -> None:
    assert uwazi_date("not a date", "dd/MM/yyyy", TODAY) is None
    # "31/02/2021": no 31 February, but "YYYY MM DD" finds 2031 and "20" further down
    assert uwazi_date("31/02/2021", "dd/MM/yyyy", TODAY) == (2031, 2, 20)
    with pytest.raises(UnsupportedDateFormat):
        uwazi_date("2021-01-01", "dddd, MMMM Do YYYY HH:mm", TODAY)
