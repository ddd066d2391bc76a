"""Dates in lists and histories: the user's locale, or ISO 8601 without one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from nam_desktop.gui.widgets.dates import local_date, local_time


@pytest.fixture
def locale(qapp: object) -> Iterator[object]:
    before = QLocale()
    yield QLocale.setDefault
    QLocale.setDefault(before)


def test_without_a_locale_dates_are_iso_not_3_03_2025(locale: object) -> None:
    QLocale.setDefault(QLocale.c())
    assert local_date("2025-03-03") == "2025-03-03"
    assert local_time("2025-03-03T10:15:00Z")[:10] in ("2025-03-03", "2025-03-02", "2025-03-04")
    assert len(local_time("2025-03-03T10:15:00Z")) == len("2025-03-03 10:15")


def test_a_real_locale_keeps_its_own_short_format(locale: object) -> None:
    QLocale.setDefault(QLocale("ru_RU"))
    assert local_date("2025-03-03") == "03.03.2025"
    QLocale.setDefault(QLocale("en_US"))
    assert local_date("2025-03-03") == "3/3/25"


@pytest.mark.parametrize("typed", ["2025-03", "2025", "spring 2024", "2025-13-45", ""])
def test_partial_or_unparsable_dates_stay_as_typed(locale: object, typed: str) -> None:
    QLocale.setDefault(QLocale.c())
    assert local_date(typed) == typed
    assert local_time(typed) == typed

