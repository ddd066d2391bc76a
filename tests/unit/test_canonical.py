"""Canonical JSON (docs/conventions.md): RFC 8785's own examples as the oracle, the strict
reader, and byte-compatibility with what the key slot and audit chain hashed before."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nam_desktop.core.canonical import CanonicalError, canonical_json, canonical_text, loads
from nam_desktop.core.vault.audit import entry_hash


def test_rfc8785_sorting_example() -> None:
    # RFC 8785 section 3.2.3: keys sorted by UTF-16 code units, not by code points.
    value = {"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet",
             "1": "One", "\U0001f600": "Emoji: Grinning Face", "\u0080": "Control",
             "\u00f6": "Latin Small Letter O With Diaeresis"}
    keys = list(json.loads(canonical_json(value)))
    assert keys == ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]


def test_rfc8785_string_and_literal_example() -> None:
    # RFC 8785 section 3.2.2 (without its numbers, which our formats do not use).
    value = {"literals": [None, True, False],
             "string": "\u20ac$\u000f\u000aA'\u0042\u0022\u005c\\\"/"}
    expected = '{"literals":[null,true,false],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
    assert canonical_json(value) == expected.encode("utf-8")


def test_ascii_form_escapes_with_lower_case_hex_and_surrogate_pairs() -> None:
    value = {"name": "Штаб \U0001f600", "b": "\x7f\x1f"}
    assert canonical_json(value, ascii=True) == \
        b'{"b":"\\u007f\\u001f","name":"\\u0428\\u0442\\u0430\\u0431 \\ud83d\\ude00"}'
    assert canonical_json(value) == '{"b":"\x7f\\u001f","name":"Штаб 😀"}'.encode()
    assert canonical_text(value) == canonical_json(value).decode()


@pytest.mark.parametrize("value", [1.5, 2.0, float("nan"), 2**53, -(2**53), b"x", {1: 2},
                                   "\ud800", {"\udc00": 1}, [object()]])
def test_values_without_a_canonical_form_are_refused(value: object) -> None:
    with pytest.raises(CanonicalError):
        canonical_json(value)


def test_the_largest_safe_integers_are_kept() -> None:
    assert canonical_json([2**53 - 1, -(2**53 - 1), 0, -0]) == \
        b"[9007199254740991,-9007199254740991,0,0]"


@pytest.mark.parametrize("text", [
    b'{"a":1,"a":2}', b"[NaN]", b"[Infinity]", b"[1.0]", b"[1e3]", b"[9007199254740992]",
    b"[-90071992547409920]", b'["\\ud800"]', b'{"\\udfff":1}', b"\xef\xbb\xbf{}", b"\xff",
    b"[1,]", b"", b"[" * 100_000,
])
def test_strict_reader_refuses(text: bytes) -> None:
    with pytest.raises(CanonicalError):
        loads(text)


def test_strict_reader_accepts_any_spelling_of_the_same_value() -> None:
    a = loads(b'{ "b" : [1, true, null], "a" : "\\u0428" }')
    b = loads('{"a":"Ш","b":[1,true,null]}'.encode())
    assert a == b and canonical_json(a) == canonical_json(b)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53 - 1), 2**53 - 1)
    | st.text(st.characters(exclude_categories=("Cs",))),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(st.characters(exclude_categories=("Cs",)), max_size=6), inner,
                      max_size=4),
    max_leaves=20)


@given(json_values)
def test_canonical_round_trip_and_python_agreement(value: object) -> None:
    data = canonical_json(value)
    assert loads(data) == value
    assert canonical_json(loads(data)) == data
    # Python's json with sorted keys agrees whenever code-point and UTF-16 order agree
    # (always, unless keys mix characters above U+FFFF with U+E000..U+FFFF).
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    if not any(ord(c) > 0xFFFF for c in text):
        assert data == text.encode("utf-8")
        assert canonical_json(value, ascii=True) == json.dumps(
            value, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode()


def test_audit_hash_is_byte_compatible_with_vaults_written_before() -> None:
    # What audit.py hashed until this module existed (stdlib json, the old code verbatim).
    old = json.dumps([7, "2026-01-01T00:00:00Z", "attachment.add", "id-ф",
                      '{"name":"фото.jpg"}', "0" * 64], ensure_ascii=True, separators=(",", ":"))
    assert entry_hash(7, "2026-01-01T00:00:00Z", "attachment.add", "id-ф",
                      '{"name":"фото.jpg"}', "0" * 64) == hashlib.sha256(old.encode()).hexdigest()
