"""Dates in lists, editors and histories: one unambiguous format in every language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDateTime, QLocale, Qt, QTimeZone

from nam_desktop.gui.widgets.dates import local_date, local_time


@pytest.fixture
def locale(qapp: object) -> Iterator[object]:
    before = QLocale()
    yield QLocale.setDefault
    QLocale.setDefault(before)


@pytest.mark.parametrize("name", ["C", "en_US", "en_GB", "ru_RU", "be_BY"])
def test_a_date_reads_the_same_in_every_language(locale: object, name: str) -> None:
    # The list showed 07/12/2026 in English and 7.12.26 in Belarusian.
    QLocale.setDefault(QLocale(name))
    assert local_date("2026-12-07") == "2026-12-07"
    utc = QDateTime.fromString("2026-12-07T10:15:00Z", Qt.DateFormat.ISODate)
    expected = utc.toTimeZone(QTimeZone.systemTimeZone()).toString("yyyy-MM-dd HH:mm")
    assert local_time("2026-12-07T10:15:00Z") == expected
    assert len(local_time("2026-12-07T10:15:00+00:00")) == len("2026-12-07 10:15")


@pytest.mark.parametrize("typed", ["2025-03", "2025", "spring 2024", "2025-13-45", ""])
def test_partial_or_unparsable_dates_stay_as_typed(locale: object, typed: str) -> None:
    QLocale.setDefault(QLocale("be_BY"))
    assert local_date(typed) == typed
    assert local_time(typed) == typed
