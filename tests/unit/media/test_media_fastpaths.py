"""The fast paths of the JPEG inspector give exactly what the plain code gives."""

from __future__ import annotations

import struct

from hypothesis import given, settings
from hypothesis import strategies as st

from nam_desktop.core.media.exif import (
    ExifError,
    _decode,
    parse_tiff,
    report_exif,
    try_parse_tiff,
)
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
