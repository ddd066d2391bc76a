"""Dates and times as the user reads them: one format in every language.

``2026-12-07`` and ``2026-12-07 14:05`` (ISO 8601, local time): a four-digit year first,
so 07/12/2026 (July or December?) and the two-digit Belarusian short year ("7.12.26")
never appear, and a date reads the same in English, Russian and Belarusian, on screen
and in the printed summary. Partial or unparsable dates stay as typed (testimony dates
may be "2020" or "2020-08" on purpose).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, Qt

DATE_FORMAT = "yyyy-MM-dd"
TIME_FORMAT = "yyyy-MM-dd HH:mm"


def local_date(iso_date: str) -> str:
    """A full ISO date (YYYY-MM-DD) as shown everywhere; anything else as typed."""
    if len(iso_date) == 10:
        date = QDate.fromString(iso_date, Qt.DateFormat.ISODate)
        if date.isValid():
            return date.toString(DATE_FORMAT)
    return iso_date


def local_time(iso_utc: str) -> str:
    """An ISO 8601 UTC time stamp ("...Z" or "+00:00") in local time, to the minute."""
    when = QDateTime.fromString(iso_utc.replace("Z", "+00:00")[:25], Qt.DateFormat.ISODate)
    if not when.isValid():
        return iso_utc
    return when.toLocalTime().toString(TIME_FORMAT)


def today() -> str:
    return QDate.currentDate().toString(DATE_FORMAT)
