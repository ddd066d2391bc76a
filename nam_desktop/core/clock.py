"""Time as a collaborator, so tests can fix it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(ts: datetime) -> str:
    return ts.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


# docs/conventions.md, "Time stamps": UTC to the second, exactly this shape (ASCII digits).
_TIMESTAMP = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z")


def is_timestamp(text: object) -> bool:
    """Whether ``text`` is a time stamp as :func:`iso` writes it: ``2026-01-31T12:00:00Z``
    (a real calendar date, hours 00-23, minutes and seconds 00-59, year 0001-9999)."""
    if not isinstance(text, str):
        return False
    match = _TIMESTAMP.fullmatch(text)
    if match is None:
        return False
    try:
        year, month, day, hour, minute, second = (int(g) for g in match.groups())
        datetime(year, month, day, hour, minute, second, tzinfo=UTC)  # the calendar check
    except ValueError:
        return False
    return True
