"""Dates in lists and histories: the user's locale, or ISO 8601 without one; and setting
the default locale does not wear down None's reference count (PySide6 6.12 bug)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from nam_desktop.gui.dates import local_date, local_time
from nam_desktop.gui.i18n import set_default_locale


@pytest.fixture
def locale(qapp: object) -> Iterator[object]:
    before = QLocale()
    yield QLocale.setDefault
    set_default_locale(before)


def test_without_a_locale_dates_are_iso_not_3_03_2025(locale: object) -> None:
    set_default_locale(QLocale.c())
    assert local_date("2025-03-03") == "2025-03-03"
    assert local_time("2025-03-03T10:15:00Z")[:10] in ("2025-03-03", "2025-03-02", "2025-03-04")
    assert len(local_time("2025-03-03T10:15:00Z")) == len("2025-03-03 10:15")


def test_a_real_locale_keeps_its_own_short_format(locale: object) -> None:
    set_default_locale(QLocale("ru_RU"))
    assert local_date("2025-03-03") == "03.03.2025"
    set_default_locale(QLocale("en_US"))
    assert local_date("2025-03-03") == "3/3/25"


@pytest.mark.parametrize("typed", ["2025-03", "2025", "spring 2024", "2025-13-45", ""])
def test_partial_or_unparsable_dates_stay_as_typed(locale: object, typed: str) -> None:
    set_default_locale(QLocale.c())
    assert local_date(typed) == typed
    assert local_time(typed) == typed


def test_setting_the_default_locale_often_does_not_eat_none(locale: object) -> None:
    before = sys.getrefcount(None)
    for _ in range(5000):  # QLocale.setDefault alone would drop None's count by 5000
        set_default_locale(QLocale("be_BY"))
    assert sys.getrefcount(None) > before - 1000
    assert QLocale().name() == "be_BY"
