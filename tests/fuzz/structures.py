"""Structure-aware mutations: each format's file is split into its units (PNG chunks,
JPEG segments, ISO-BMFF boxes as a tree, RIFF chunks), the units are dropped,
duplicated, swapped, cut short or replaced, metadata units carrying planted values are
inserted, and the file is written back with consistent lengths and checksums (most of
the time: sometimes a length or CRC is left wrong on purpose). This reaches the code
behind the length and CRC checks that random byte flips rarely pass.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from hypothesis import strategies as st
from media_oracle import PLANTED_BYTES, PLANTED_TEXT

Strategy = Callable[[bytes], st.SearchStrategy[bytes]]

planted = st.sampled_from(PLANTED_TEXT)


@st.composite
def planted_bytes(draw: st.DrawFn) -> bytes:
    """A planted value as UTF-8 or UTF-16 text, or GPS bytes, inside some padding."""
    text = draw(planted)
    value = draw(
        st.sampled_from(
            [
                text.encode(),
                text.encode("utf-16-le"),
                b"\xfe\xff" + text.encode("utf-16-be"),
                draw(st.sampled_from(PLANTED_BYTES)),
            ]
        )
    )
    return draw(st.binary(max_size=8)) + value + draw(st.binary(max_size=8))


def _edit_units(
    draw: st.DrawFn,
    units: list[bytes],
    new_unit: st.SearchStrategy[bytes],
    keep_first: int = 1,
    keep_last: int = 1,
) -> list[bytes]:
    """Drop, duplicate, swap, cut or insert units, keeping the first/last ones in place
    (signature, IHDR, IEND...) most of the time."""
    units = list(units)
    for _ in range(draw(st.integers(1, 4))):
        lo = 0 if draw(st.integers(0, 9)) == 0 else keep_first
        hi = len(units) - (0 if draw(st.integers(0, 9)) == 0 else keep_last)
        if hi <= lo:
            units.insert(lo, draw(new_unit))
            continue
        i = draw(st.integers(lo, hi - 1))
        op = draw(st.sampled_from(["drop", "dup", "swap", "cut", "insert", "insert"]))
        if op == "drop":
            del units[i]
        elif op == "dup":
            units.insert(i, units[i])
        elif op == "swap" and i + 1 < len(units):
            units[i], units[i + 1] = units[i + 1], units[i]
        elif op == "cut":
            units[i] = units[i][: draw(st.integers(0, max(0, len(units[i]) - 1)))]
        else:
            units.insert(i, draw(new_unit))
    return units


# ---- PNG -------------------------------------------------------------------------------
def png_split(data: bytes) -> list[tuple[bytes, bytes]]:
    pos, out = 8, []
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">L", data[pos : pos + 4])
        out.append((data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    return out


def png_chunk(ctype: bytes, body: bytes, crc_ok: bool = True) -> bytes:
    crc = zlib.crc32(ctype + body) ^ (0 if crc_ok else 1)
    return struct.pack(">L", len(body)) + ctype + body + struct.pack(">L", crc)


@st.composite
def _png_meta_chunk(draw: st.DrawFn) -> tuple[bytes, bytes]:
    value = draw(planted_bytes())
    kind = draw(st.sampled_from(["tEXt", "zTXt", "iTXt", "eXIf", "tIME", "prVt", "raw"]))
    key = draw(st.sampled_from([b"Author", b"Comment", b"XML:com.adobe.xmp", b""]))
    if kind == "tEXt":
        return b"tEXt", key + b"\x00" + value
    if kind == "zTXt":
        return b"zTXt", key + b"\x00\x00" + zlib.compress(value)
    if kind == "iTXt":
        flag = draw(st.booleans())
        text = zlib.compress(value) if flag else value
        return b"iTXt", key + b"\x00" + bytes([flag, 0]) + b"en\x00\x00" + text
    if kind == "eXIf":
        return b"eXIf", b"MM\x00*\x00\x00\x00\x08" + value
    if kind == "raw":
        hexed = (b"Exif\x00\x00MM\x00*" + value).hex().encode()
        length = str(len(hexed) // 2).rjust(8).encode()
        body = b"\nexif\n" + length + b"\n" + hexed + b"\n"
        return b"zTXt", b"Raw profile type exif\x00\x00" + zlib.compress(body)
    return kind.encode(), value


@st.composite
def png_structured(draw: st.DrawFn, seed: bytes) -> bytes:
    chunks = png_split(seed)
    raw = [c[0] + c[1] for c in chunks]
    meta = _png_meta_chunk().map(lambda c: c[0] + c[1])
    edited = _edit_units(draw, raw, meta)
    crc_ok = draw(st.integers(0, 19)) != 0
    out = [seed[:8]]
    for unit in edited:
        ctype, body = unit[:4].ljust(4, b"x"), unit[4:]
        out.append(png_chunk(ctype, body, crc_ok or draw(st.booleans())))
    return b"".join(out) + draw(st.sampled_from([b"", b"", draw(planted_bytes())]))


# ---- JPEG ------------------------------------------------------------------------------
def jpeg_split(data: bytes) -> tuple[list[bytes], bytes]:
    """Marker segments before the first SOS, and the rest (SOS, scans, EOI, trailer)."""
    pos, out = 2, []
    while pos + 4 <= len(data) and data[pos] == 0xFF and data[pos + 1] != 0xDA:
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        out.append(data[pos : pos + 2 + length])
        pos += 2 + length
    return out, data[pos:]


@st.composite
def _jpeg_meta_segment(draw: st.DrawFn) -> bytes:
    value = draw(planted_bytes())
    marker = draw(st.sampled_from([0xE0, 0xE1, 0xE2, 0xEB, 0xED, 0xEF, 0xFE]))
    prefix = draw(
        st.sampled_from(
            [
                b"",
                b"Exif\x00\x00MM\x00*\x00\x00\x00\x08",
                b"http://ns.adobe.com/xap/1.0/\x00",
                b"Photoshop 3.0\x00",
                b"ICC_PROFILE\x00\x01\x01",
                b"MPF\x00",
            ]
        )
    )
    body = prefix + value
    length = len(body) + 2 if draw(st.integers(0, 9)) else draw(st.integers(0, 0xFFFF))
    return bytes([0xFF, marker]) + struct.pack(">H", length & 0xFFFF) + body


@st.composite
def jpeg_structured(draw: st.DrawFn, seed: bytes) -> bytes:
    segments, rest = jpeg_split(seed)
    edited = _edit_units(draw, segments, _jpeg_meta_segment(), keep_first=0, keep_last=0)
    tail = draw(st.sampled_from([b"", b"", draw(planted_bytes())]))
    return b"\xff\xd8" + b"".join(edited) + rest + tail


# ---- ISO-BMFF (MP4, MOV, M4A, HEIF) ------------------------------------------------------
_CONTAINERS = {
    b"moov",
    b"trak",
    b"mdia",
    b"minf",
    b"stbl",
    b"dinf",
    b"udta",
    b"edts",
    b"mvex",
    b"iprp",
    b"ipco",
    b"tref",
    b"ilst",
}
_FULL_CONTAINERS = {b"meta": 4, b"dref": 8, b"stsd": 8, b"iinf": 6}


@dataclass
class Box:
    type: bytes
    body: bytes = b""  # leaf payload, or the bytes before the children of a container
    children: list[Box] | None = None
    size_delta: int = 0

    def write(self) -> bytes:
        inner = self.body + (
            b"".join(c.write() for c in self.children) if self.children is not None else b""
        )
        return struct.pack(">L", max(0, 8 + len(inner) + self.size_delta)) + self.type + inner


@dataclass
class BoxTree:
    boxes: list[Box] = field(default_factory=list)


def boxes_parse(data: bytes, depth: int = 0) -> list[Box]:
    out, pos = [], 0
    while pos + 8 <= len(data):
        size, typ = struct.unpack(">L4s", data[pos : pos + 8])
        if size < 8 or pos + size > len(data):
            out.append(Box(typ, data[pos + 8 :]))
            break
        body = data[pos + 8 : pos + size]
        if depth < 8 and typ in _CONTAINERS:
            out.append(Box(typ, b"", boxes_parse(body, depth + 1)))
        elif depth < 8 and typ in _FULL_CONTAINERS:
            skip = _FULL_CONTAINERS[typ]
            out.append(Box(typ, body[:skip], boxes_parse(body[skip:], depth + 1)))
        else:
            out.append(Box(typ, body))
        pos += size
    return out


def _all_lists(boxes: list[Box]) -> list[list[Box]]:
    lists = [boxes]
    for box in boxes:
        if box.children is not None:
            lists.extend(_all_lists(box.children))
    return lists


@st.composite
def _meta_box(draw: st.DrawFn) -> Box:
    value = draw(planted_bytes())
    kind = draw(st.sampled_from(["udta", "uuid", "hdlr", "free", "meta", "xyz", "unknown"]))
    if kind == "udta":
        return Box(b"udta", b"", [Box(b"\xa9nam", struct.pack(">HH", len(value), 0) + value)])
    if kind == "uuid":
        return Box(b"uuid", bytes(range(16)) + value)
    if kind == "hdlr":
        handler = draw(st.sampled_from([b"vide", b"soun", b"mdta", b"pict", b"dhlr"]))
        return Box(b"hdlr", bytes(8) + handler + bytes(12) + value + b"\x00")
    if kind == "meta":
        data = Box(b"data", struct.pack(">LL", 1, 0) + value)
        return Box(
            b"meta",
            bytes(4),
            [
                Box(b"hdlr", bytes(8) + b"mdir" + bytes(13)),
                Box(b"ilst", b"", [Box(b"\xa9ART", b"", [data])]),
            ],
        )
    if kind == "xyz":
        return Box(b"\xa9xyz", struct.pack(">HH", len(value), 0x15C7) + value)
    if kind == "free":
        return Box(b"free", value)
    return Box(draw(st.binary(min_size=4, max_size=4)), value)


@st.composite
def isobmff_structured(draw: st.DrawFn, seed: bytes) -> bytes:
    top = boxes_parse(seed)
    for _ in range(draw(st.integers(1, 3))):
        lists = _all_lists(top)
        target = draw(st.sampled_from(lists))
        op = draw(
            st.sampled_from(["insert", "insert", "drop", "dup", "swap", "size", "type", "body"])
        )
        if op == "insert" or not target:
            target.insert(draw(st.integers(0, len(target))), draw(_meta_box()))
            continue
        i = draw(st.integers(0, len(target) - 1))
        box = target[i]
        if op == "drop" and (target is not top or box.type not in (b"ftyp", b"moov")):
            del target[i]
        elif op == "dup":
            target.insert(i, box)
        elif op == "swap" and i + 1 < len(target):
            target[i], target[i + 1] = target[i + 1], target[i]
        elif op == "size":
            box.size_delta = draw(st.integers(-16, 16))
        elif op == "type":
            box.type = draw(
                st.sampled_from(
                    [
                        b"free",
                        b"skip",
                        b"udta",
                        b"meta",
                        b"trak",
                        b"hdlr",
                        b"mdat",
                        b"uuid",
                        b"stsd",
                        b"dref",
                        b"url ",
                        b"alis",
                        b"iloc",
                        b"iinf",
                        b"ipma",
                        b"idat",
                    ]
                )
            )
        elif op == "body" and box.children is None and box.body:
            cut = draw(st.integers(0, len(box.body)))
            box.body = box.body[:cut] + draw(st.binary(max_size=16)) + box.body[cut + 1 :]
    return b"".join(b.write() for b in top)


# ---- RIFF (WAV, WebP) ---------------------------------------------------------------------
def riff_split(data: bytes) -> list[bytes]:
    pos, out = 12, []
    while pos + 8 <= len(data):
        (size,) = struct.unpack("<L", data[pos + 4 : pos + 8])
        end = min(len(data), pos + 8 + size + (size & 1))
        out.append(data[pos:end])
        pos = end
    return out


@st.composite
def _riff_meta_chunk(draw: st.DrawFn) -> bytes:
    value = draw(planted_bytes())
    cid = draw(
        st.sampled_from([b"LIST", b"bext", b"iXML", b"EXIF", b"XMP ", b"id3 ", b"ICCP", b"zzzz"])
    )
    if cid == b"LIST":
        value = b"INFO" + b"IART" + struct.pack("<L", len(value)) + value
    pad = b"\x00" * (len(value) & 1)
    return cid + struct.pack("<L", len(value)) + value + pad


@st.composite
def riff_structured(draw: st.DrawFn, seed: bytes) -> bytes:
    chunks = riff_split(seed)
    edited = _edit_units(draw, chunks, _riff_meta_chunk(), keep_first=1, keep_last=0)
    body = seed[8:12] + b"".join(edited)
    size = len(body) if draw(st.integers(0, 9)) else draw(st.integers(0, 0xFFFFFFFF))
    return b"RIFF" + struct.pack("<L", size) + body


STRUCTURED: dict[str, Strategy] = {
    "png": png_structured,
    "jpeg": jpeg_structured,
    "mp4": isobmff_structured,
    "heif": isobmff_structured,
    "wav": riff_structured,
    "webp": riff_structured,
}
