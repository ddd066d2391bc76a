"""Dates and times as the user reads them: the UI locale's short format, local time.

Without a real locale (``LANG`` unset: Qt's "C" locale writes "3 03 2025") ISO 8601 is
used instead, which nobody misreads. Partial or unparsable dates stay as typed.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt


def _plain_locale(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.C


def local_date(iso_date: str) -> str:
    """A full ISO date (YYYY-MM-DD) in the UI locale's short format."""
    if len(iso_date) == 10:
        date = QDate.fromString(iso_date, Qt.DateFormat.ISODate)
        if date.isValid():
            locale = QLocale()
            if _plain_locale(locale):
                return date.toString("yyyy-MM-dd")
            return locale.toString(date, QLocale.FormatType.ShortFormat)
    return iso_date


def local_time(iso_utc: str) -> str:
    """An ISO 8601 UTC time stamp ("...Z" or "+00:00") in local time, short format."""
    when = QDateTime.fromString(iso_utc.replace("Z", "+00:00")[:25], Qt.DateFormat.ISODate)
    if not when.isValid():
        return iso_utc
    when = when.toLocalTime()
    locale = QLocale()
    if _plain_locale(locale):
        return when.toString("yyyy-MM-dd HH:mm")
    return locale.toString(when, QLocale.FormatType.ShortFormat)
