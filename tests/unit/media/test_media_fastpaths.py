"""The fast paths of the JPEG inspector give exactly what the plain code gives."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from media_samples import make_jpeg

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import DEFAULT_LIMITS
from nam_desktop.core.media.exif import (
    ExifError,
    _decode,
    parse_tiff,
    report_exif,
    try_parse_tiff,
)
from nam_desktop.core.media.jpeg import JpegHandler, ParsedJpeg, parse
from nam_desktop.core.media.needles import _COMMON, MIN_TEXT_NEEDLE, text_needles
from nam_desktop.core.media.report import MetadataItem, MetadataReport, RiskClass, shorten
from nam_desktop.core.media.xmp import _ATTR, attribute_pairs

_XMP_BYTES = st.sampled_from(list(b' \t\n\x0b\x0c\r\x1c\xa0="abc:d.-_<>/\xff1'))


@settings(max_examples=400, deadline=None)
@given(st.lists(_XMP_BYTES, max_size=80).map(bytes))
def test_attribute_pairs_equal_findall(packet: bytes) -> None:
    assert attribute_pairs(packet) == _ATTR.findall(packet)


def test_attribute_pairs_on_padded_packet() -> None:
    packet = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description xmp:Rating="5"\n'
        b'   dc:format="image/jpeg" tiff:Make="Phone"/></x:xmpmeta>' + b" " * 4000 + b"\n" * 30
    )
    assert attribute_pairs(packet) == _ATTR.findall(packet)
    assert (b"tiff:Make", b"Phone") in attribute_pairs(packet)
    hostile = b'="' * 5000 + b' a:b="c"' * 100
    assert attribute_pairs(hostile) == _ATTR.findall(hostile)


_ENTRY = st.tuples(
    st.sampled_from([0x0112, 0x8769, 0x8825, 0xA005, 0x0201, 0x0202, 0x010F, 0x9003, 7]),
    st.sampled_from([1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 0, 99]),
    st.sampled_from([0, 1, 1, 2, 3, 5, 0xFFFFFFFF]),
    st.binary(min_size=4, max_size=4),
)


@st.composite
def _tiff_blocks(draw: st.DrawFn) -> bytes:
    endian = draw(st.sampled_from("<>"))
    entries = draw(st.lists(_ENTRY, max_size=10))
    out = bytearray((b"II*\x00" if endian == "<" else b"MM\x00*") + struct.pack(endian + "L", 8))
    out += struct.pack(endian + "H", len(entries))
    for tag, typ, count, field in entries:
        out += struct.pack(endian + "HHL", tag, typ, count) + field
    out += struct.pack(endian + "L", draw(st.sampled_from([0, 0, 8, 30, 2**31])))
    out += draw(st.binary(max_size=120))
    for _ in range(draw(st.integers(0, 5))):  # pointers into the block
        pos = draw(st.integers(0, len(out) - 4))
        out[pos : pos + 4] = struct.pack(endian + "L", draw(st.integers(0, len(out))))
    return bytes(out)


def _result(found: object) -> object:
    if isinstance(found, ExifError):
        return ("error", str(found))
    return ([tuple(e) for e in found.entries], found.thumbnail, found.orientation)  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(_tiff_blocks(), st.binary(max_size=12))
def test_parse_tiff_in_place_equals_parse_of_a_copy(block: bytes, prefix: bytes) -> None:
    assert _result(try_parse_tiff(prefix + block, len(prefix))) == _result(try_parse_tiff(block))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from("<>"), st.sampled_from([3, 4, 8, 9, 13]), st.binary(min_size=4, max_size=4))
def test_single_values_read_from_the_offset_field(endian: str, typ: int, field: bytes) -> None:
    block = (
        (b"II*\x00" if endian == "<" else b"MM\x00*")
        + struct.pack(endian + "LH", 8, 1)
        + struct.pack(endian + "HHL", 0x0131, typ, 1)
        + field
        + bytes(4)
    )
    size = {3: 2, 8: 2, 4: 4, 9: 4, 13: 4}[typ]
    (entry,) = parse_tiff(block).entries
    assert entry.value == _decode(typ, 1, field[:size], endian)
    assert entry.raw == field[:size]


def test_report_values_are_shortened_as_before() -> None:
    long = "x" * 200
    block = (
        b"MM\x00*"
        + struct.pack(">LH", 8, 3)
        + struct.pack(">HHLL", 0x010E, 2, len(long) + 1, 8 + 2 + 36 + 4)
        + struct.pack(">HHLL", 0x0110, 2, 4, 0)
        + struct.pack(">HHLL", 0x0131, 2, 8, 8 + 2 + 36 + 4 + len(long) + 1)
        + bytes(4)
        + long.encode()
        + b"\x00"
        + " a\x1b\u202e  ".encode()  # 8 bytes: control and bidi characters
    )
    report = MetadataReport("jpeg")
    data = report_exif(report, block)
    assert data is not None
    assert [i.value_short for i in report.items] == [shorten(e.value) for e in data.entries]


def test_fast_item_equals_item() -> None:
    a = MetadataItem.fast("G", "N", "v", RiskClass.SENSITIVE, (b"needle",))
    b = MetadataItem("G", "N", "v", RiskClass.SENSITIVE, (b"needle",))
    assert a == b and hash(a) == hash(b) and a.needles == b.needles and repr(a) == repr(b)


def _plain_text_needles(value: str) -> tuple[bytes, ...]:
    """text_needles as first written (the definition the fast checks must match)."""
    if len(value) < MIN_TEXT_NEEDLE:
        return ()
    text = value.strip().strip("\x00").strip()
    if len(text) < MIN_TEXT_NEEDLE or len(set(text)) < 3 or text.lower() in _COMMON:
        return ()
    out = [text.encode("utf-8", "replace")]
    if not text.isascii() or len(text) >= 8:
        out.append(text.encode("utf-16-le", "replace"))
    return tuple(out)


def _nine_times(text: str) -> str:
    return text * 9  # long values with few distinct characters


_TEXT = st.text(alphabet=st.sampled_from(list("ab AE\x00\t.-/İΣéп\u202e\U0001f600")), max_size=40)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_TEXT, st.sampled_from(sorted(_COMMON)).map(str.upper), _TEXT.map(_nine_times)))
def test_text_needles_equal_the_plain_definition(value: str) -> None:
    assert text_needles(value) == _plain_text_needles(value)


def test_text_needles_where_the_fast_checks_decide() -> None:
    for value in ("a" * 40 + "b", "ab" * 30, "ab" * 30 + "c", " \x00 Image/JPEG \x00", "İmage/png",
                  "UNKNOWN", "unknown!", "x" * 15 + "yz"):
        assert text_needles(value) == _plain_text_needles(value)
    assert text_needles("ab" * 30) == () and text_needles("IMAGE/JPEG") == ()


def _parts(parsed: ParsedJpeg) -> object:
    return ([(s.marker, bytes(s.raw)) for s in parsed.segments], parsed.kinds, parsed.trailer,
            parsed.width, parsed.height)


@pytest.mark.corpus
def test_parse_with_the_original_as_hint_equals_a_plain_parse(corpus: Path) -> None:
    photos = [p for p in sorted(corpus.rglob("*.jpg")) if "invalid" not in p.parts
              and p.name != "corrupted.jpg"]
    assert len(photos) > 30
    for path in photos:
        data = path.read_bytes()
        handler = JpegHandler()
        try:
            cleaned, _ = handler.clean(data, DEFAULT_LIMITS, accept_flattening=False)
        except MalformedFileError:
            continue
        hinted = parse(cleaned, DEFAULT_LIMITS, parse(data, DEFAULT_LIMITS))
        assert _parts(hinted) == _parts(parse(cleaned, DEFAULT_LIMITS)), path.name


def test_a_bad_table_is_refused_even_when_the_hint_holds_a_good_one() -> None:
    photo = make_jpeg()
    hint = parse(photo, DEFAULT_LIMITS)
    dqt = next(s.raw for s in hint.segments if s.marker == 0xDB)
    assert isinstance(dqt, bytes)
    # The same table with one byte more inside (its length field says so): a table of
    # the hint is skipped only when equal to it, marker and length included.
    longer = dqt[:2] + struct.pack(">H", len(dqt) - 1) + dqt[4:] + b"\x00"
    with pytest.raises(MalformedFileError, match="bad size"):
        parse(photo.replace(dqt, longer, 1), DEFAULT_LIMITS, hint)
