"""Canonical JSON: the one byte form of a JSON value that is hashed or signed.

Specified once in ``docs/conventions.md`` (section "Canonical JSON"); every signature and
content hash of the project uses this module and nothing else. The form is RFC 8785
(JSON Canonicalization Scheme) restricted to the values our formats use, so any JCS
library reproduces it:

* objects with string keys, sorted by their UTF-16 code units; arrays; strings;
  ``true``/``false``/``null``; integers in ``[-(2**53 - 1), 2**53 - 1]``. Floats are
  refused (no format of ours has one), as are lone surrogates in strings (RFC 7493);
* no whitespace; ``,`` and ``:`` as separators;
* strings: ``"`` and ``\\`` escaped, control characters below U+0020 as ``\\b \\t \\n
  \\f \\r`` or ``\\u00xx`` (lower-case hex), every other character as itself in UTF-8.

``ascii=True`` is the same form with every other character outside U+0020..U+007E
(DEL and everything non-ASCII) written ``\\uxxxx`` (lower-case hex, a UTF-16 surrogate
pair above U+FFFF). It exists for two formats fixed
before this module: version 1 key cards and receipts, and the vault's audit-chain hash
(byte-compatible with what those wrote, so old vaults and cards still verify).

:func:`loads` is the matching strict reader: UTF-8, no duplicate keys, no NaN or
Infinity, no fractions or exponents, integers in the range above, no lone surrogates.
Whatever it returns can be put through :func:`canonical_json` without error.
"""

from __future__ import annotations

import json
from typing import Any

MAX_SAFE_INT = 2**53 - 1


class CanonicalError(ValueError):
    """A value that has no canonical form, or a text that is not strict JSON."""


def _utf16_key(key: str) -> bytes:
    return key.encode("utf-16-be", "surrogatepass")


def _check_text(text: str) -> None:
    for ch in text:
        if "\ud800" <= ch <= "\udfff":
            raise CanonicalError("lone surrogate in a string")


def _string(text: str, ascii_only: bool) -> str:
    if not ascii_only:
        _check_text(text)
    # json's escaping is exactly RFC 8785's for these strings: '"', '\\', the short
    # forms \b \t \n \f \r, other controls as \u00xx, lower-case hex.
    return json.dumps(text, ensure_ascii=ascii_only)


def _encode(value: Any, ascii_only: bool, out: list[str]) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
            raise CanonicalError("integer outside the exactly representable range")
        out.append(str(int(value)))
    elif isinstance(value, str):
        out.append(_string(value, ascii_only))
    elif isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise CanonicalError("object key that is not a string")
        out.append("{")
        for i, key in enumerate(sorted(value, key=_utf16_key)):
            if i:
                out.append(",")
            out.append(_string(key, ascii_only))
            out.append(":")
            _encode(value[key], ascii_only, out)
        out.append("}")
    elif isinstance(value, list | tuple):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _encode(item, ascii_only, out)
        out.append("]")
    else:  # float, bytes, ...: no canonical form in our formats
        raise CanonicalError(f"no canonical form for {type(value).__name__}")


def canonical_json(value: Any, *, ascii: bool = False) -> bytes:  # the option's name
    """The canonical bytes of ``value`` (UTF-8; pure ASCII with ``ascii=True``)."""
    out: list[str] = []
    try:
        _encode(value, ascii, out)
    except RecursionError as exc:
        raise CanonicalError("nested too deeply") from exc
    return "".join(out).encode("utf-8")


def canonical_text(value: Any) -> str:
    """:func:`canonical_json` as text (for database columns that hold JSON)."""
    return canonical_json(value).decode("utf-8")


# ---- strict reading -----------------------------------------------------------------------
def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, val in pairs:
        _check_text(key)
        if key in out:
            raise CanonicalError("duplicate key")
        out[key] = val
    return out


def _no_fraction(text: str) -> Any:
    raise CanonicalError("a number with a fraction or exponent")


def _no_constant(text: str) -> Any:
    raise CanonicalError(f"non-standard number {text}")


def _integer(text: str) -> int:
    if len(text) > 17:  # more digits than 2**53 has: out of range (and cheap to refuse)
        raise CanonicalError("integer outside the exactly representable range")
    value = int(text)
    if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
        raise CanonicalError("integer outside the exactly representable range")
    return value


def _check_strings(value: Any) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def loads(data: bytes | str) -> Any:
    """Strictly parse JSON text (bytes must be UTF-8). Raises :class:`CanonicalError`."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes | bytearray) else data
        value = json.loads(text, object_pairs_hook=_pairs, parse_float=_no_fraction,
                           parse_int=_integer, parse_constant=_no_constant)
    except CanonicalError:
        raise
    except UnicodeDecodeError as exc:
        raise CanonicalError("not UTF-8") from exc
    except RecursionError as exc:
        raise CanonicalError("nested too deeply") from exc
    except ValueError as exc:
        raise CanonicalError(f"not JSON: {exc.args[0] if exc.args else ''}"[:120]) from exc
    _check_strings(value)
    return value
