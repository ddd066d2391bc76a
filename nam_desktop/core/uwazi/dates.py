"""How Uwazi reads a date cell: a reimplementation of what its importer does with it.

``app/api/csv/typeParsers.ts: parseDateValue`` calls ``moment.utc(value, formats)`` with
the formats ``[dateFormat.toUpperCase(), "LL", "YYYY MM DD", "YYYY/MM/DD", "YYYY-MM-DD",
"YYYY"]`` (``dateFormat`` is the collection setting; language copies of an entity are
parsed with ``"YYYY/MM/DD"`` in its place, ``importEntity.ts: entityObject``). moment
(2.30, non-strict) tries every format: each token's pattern is *searched* in what is left
of the text, skipped text is lost, and the valid format with the lowest score (characters
left over, plus 10 per format token that found nothing) wins. This module follows the
same steps for the day, month and year tokens (``moment/src/lib/create/
from-string-and-format.js``, ``from-string-and-array.js``, ``from-array.js``,
``check-overflow.js``); a format with other tokens (hours, week days, ...) is refused
as :class:`UnsupportedDateFormat` rather than guessed.

NAM writes only ISO ``YYYY-MM-DD``; the validator uses this to prove that Uwazi reads
each written date as that very day under the collection's date format.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

Ymd = tuple[int, int, int]  # year, month (1-12), day

DEFAULT_FORMAT = "YYYY/MM/DD"  # importEntity.ts: entityObject's default
FALLBACKS = ("LL", "YYYY MM DD", "YYYY/MM/DD", "YYYY-MM-DD", "YYYY")
_LONG_FORMATS = {"LTS": None, "LT": None, "LLLL": None, "LLL": None, "LL": "MMMM D, YYYY",
                 "L": "MM/DD/YYYY"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_SHORT = tuple(m[:3] for m in _MONTHS)
# moment's matchWord: the English locale has no month regex of its own, so MMMM and MMM
# search for any word; monthsParse then wants it to start with a month name.
_MONTH_RE = re.compile(
    "[0-9]{0,256}['a-z\u00a0-\u05ff\u0700-\ud7ff\uf900-\ufdcf\ufdf0-\uff07"
    "\uff10-\uffef]{1,256}|[\u0600-\u06ff/]{1,256}([" + "\t\n\v\f\r \u00a0\u1680"
    "\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff" + "]*?[\u0600-\u06ff]{1,256})"
    "{1,2}", re.IGNORECASE)
_TOKEN_RE = {
    "YYYY": re.compile(r"[0-9]{1,4}"),  # match1to4
    "YY": re.compile(r"[0-9][0-9]?"),  # match1to2
    "MM": re.compile(r"[0-9][0-9]?"),
    "M": re.compile(r"[0-9][0-9]?"),
    "DD": re.compile(r"[0-9][0-9]?"),
    "D": re.compile(r"[0-9][0-9]?"),
    "MMMM": _MONTH_RE,
    "MMM": _MONTH_RE,
}
# moment's formattingTokens, verbatim: applied to the upper-cased format, so the
# lower-case alternatives never match there.
_FORMATTING = re.compile(
    r"(\[[^\[]*\])|(\\)?([Hh]mm(ss)?|Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[o|w]?|W[o|W]?|Qo?"
    r"|N{1,5}|YYYYYY|YYYYY|YYYY|YY|y{2,4}|yo?|gg(ggg?)?|GG(GGG?)?|e|E|a|A|hh?|HH?|kk?|mm?|ss?"
    r"|S{1,9}|x|X|zz?|ZZ?|.)", re.S)
# Upper-case letters moment has neither a parser nor a formatter for: literal text.
_LITERAL_LETTERS = frozenset("BCFGIJKLOPRTUV")
_LOCAL_FORMATTING = re.compile(r"(\[[^\[]*\])|(\\)?(LTS|LT|LL?L?L?)")


class UnsupportedDateFormat(ValueError):
    """The collection's date format uses tokens this reimplementation does not follow."""


def _expand(fmt: str) -> str:
    def repl(m: re.Match[str]) -> str:
        if m.group(1) or m.group(2):
            return m.group(0)
        long = _LONG_FORMATS[m.group(3)]
        if long is None:
            raise UnsupportedDateFormat(fmt)
        return long

    return _LOCAL_FORMATTING.sub(repl, fmt)


@functools.lru_cache(maxsize=64)
def _tokens(fmt: str) -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    """(token or literal text, its search pattern, is a date token); cached per format."""
    return tuple((unit, _TOKEN_RE[unit] if is_unit else re.compile(re.escape(unit)), is_unit)
                 for unit, is_unit in _split_format(fmt))


def _split_format(fmt: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for m in _FORMATTING.finditer(_expand(fmt)):
        whole = m.group(0)
        if m.group(1):
            out.append((whole[1:-1], False))
        elif m.group(2):
            out.append((whole.replace("\\", "", 1), False))
        elif whole in _TOKEN_RE:
            out.append((whole, True))
        elif len(whole) == 1 and (not (whole.isascii() and whole.isalpha())
                                  or whole in _LITERAL_LETTERS):
            out.append((whole, False))
        else:
            raise UnsupportedDateFormat(fmt)
    return out


def _units(text: str) -> int:
    """Length in UTF-16 code units, as JavaScript counts it."""
    return sum(2 if ord(c) > 0xFFFF else 1 for c in text)


def _two_digit_year(text: str) -> int:
    n = int(text)
    return n + (1900 if n > 68 else 2000)


def _leap(year: int) -> bool:
    return (year % 4 == 0 and year % 100 != 0) or year % 400 == 0


def _days_in_month(year: int, month0: int) -> int:
    if month0 == 1:
        return 29 if _leap(year) else 28
    return 31 - ((month0 % 7) % 2)


@dataclass(frozen=True)
class _Attempt:
    valid: bool
    score: int
    ymd: Ymd | None


def _parse(text: str, fmt: str, today: Ymd) -> _Attempt:
    string = text
    parsed_total = 0
    unused = 0
    empty = True
    invalid_month = False
    parts: list[int | None] = [None, None, None]  # year, month0, day
    for unit, pattern, is_unit in _tokens(fmt):
        m = pattern.search(string)
        parsed = m.group(0) if m else ""
        if parsed:
            at = string.find(parsed)
            string = string[at + len(parsed):]
            parsed_total += _units(parsed)
        if not is_unit:
            continue
        if not parsed:
            unused += 1
            continue
        empty = False
        if unit == "YYYY":
            parts[0] = _two_digit_year(parsed) if len(parsed) == 2 else int(parsed)
        elif unit == "YY":
            parts[0] = _two_digit_year(parsed)
        elif unit in ("MM", "M"):
            parts[1] = int(parsed) - 1
        elif unit in ("MMMM", "MMM"):
            month = next((i for i in range(12)
                          if parsed.lower().startswith((_MONTHS[i].lower(),
                                                        _SHORT[i].lower()))), None)
            if month is None:
                invalid_month = True
            else:
                parts[1] = month
        else:
            parts[2] = int(parsed)
    score = (_units(text) - parsed_total) + 10 * unused
    # from-array.js: default the leading missing parts to today, the rest to the 1st / January
    i = 0
    now = (today[0], today[1] - 1, today[2])
    while i < 3 and parts[i] is None:
        parts[i] = now[i]
        i += 1
    year = parts[0] if parts[0] is not None else now[0]
    month0 = parts[1] if parts[1] is not None else 0
    day = parts[2] if parts[2] is not None else 1
    overflow = month0 < 0 or month0 > 11 or day < 1 or day > _days_in_month(year, month0)
    valid = not overflow and not empty and not invalid_month
    return _Attempt(valid, score, (year, month0 + 1, day) if valid else None)


@functools.lru_cache(maxsize=4096)
def uwazi_date(cell: str, date_format: str | None, today: Ymd) -> Ymd | None:
    """The day Uwazi stores for ``cell`` (UTC), or None where it would store NaN."""
    formats = [(date_format or DEFAULT_FORMAT).upper(), *FALLBACKS]
    best: _Attempt | None = None
    best_valid = False
    last: _Attempt | None = None
    for fmt in formats:
        attempt = _parse(cell, fmt, today)
        last = attempt
        if not best_valid:
            if best is None or attempt.score < best.score or attempt.valid:
                best = attempt
                best_valid = attempt.valid
        elif best is not None and attempt.score < best.score:  # kept even if invalid
            best = attempt
    chosen = best or last
    return chosen.ymd if chosen is not None and chosen.valid else None


def uwazi_range(cell: str, date_format: str | None,
                today: Ymd) -> tuple[Ymd | str | None, Ymd | str | None]:
    """``parseDateRange``: ``from:to``; an empty side is None (no bound); a side Uwazi
    cannot read is the string "nan". (Without ":", JavaScript leaves ``to`` undefined,
    and moment reads the text "undefined": NaN.)"""
    pieces = cell.split(":")
    raw = [pieces[0], pieces[1] if len(pieces) > 1 else "undefined"]
    sides: list[Ymd | str | None] = []
    for piece in raw:
        if piece == "":
            sides.append(None)
        else:
            ymd = uwazi_date(piece, date_format, today)
            sides.append(ymd if ymd is not None else "nan")
    return sides[0], sides[1]


def uwazi_multidate(cell: str, date_format: str | None, today: Ymd) -> list[Ymd | None]:
    """``multidate``: ``parseMultiValue`` splits on ``|`` and drops empty parts."""
    return [uwazi_date(v, date_format, today) for v in cell.split("|") if v != ""]


def uwazi_multirange(cell: str, date_format: str | None,
                     today: Ymd) -> list[tuple[Ymd | str | None, Ymd | str | None]]:
    return [uwazi_range(v, date_format, today) for v in cell.split("|") if v != ""]


def iso(ymd: Ymd) -> str:
    return f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"
