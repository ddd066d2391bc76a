"""A small, bounded reader for EXIF (TIFF-structured) blocks, and the minimal EXIF writer.

Only reads: the cleaner never edits EXIF in place, it drops it and, where needed,
writes a fresh block holding only the Orientation tag.
"""

from __future__ import annotations

import struct
from collections import namedtuple

from nam_desktop.core.media.needles import (
    blob_needles,
    jpeg_blob_needles,
    raw_needles,
    text_needles,
)
from nam_desktop.core.media.record import Record
from nam_desktop.core.media.report import (
    VALUE_SHORT_MAX,
    MetadataItem,
    MetadataReport,
    RiskClass,
    shorten,
)

MAX_ENTRIES_PER_IFD = 1000
MAX_IFDS = 32
ORIENTATION_TAG = 0x0112

_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}

IDF = RiskClass.IDENTIFYING
SEN = RiskClass.SENSITIVE
HRM = RiskClass.HARMLESS

# tag -> (name, risk). Tags not listed are reported as SENSITIVE "Tag0x....".
TAGS: dict[int, tuple[str, RiskClass]] = {
    0x010E: ("ImageDescription", IDF),
    0x010F: ("Make", SEN),
    0x0110: ("Model", SEN),
    0x0112: ("Orientation", HRM),
    0x011A: ("XResolution", HRM),
    0x011B: ("YResolution", HRM),
    0x0128: ("ResolutionUnit", HRM),
    0x0131: ("Software", SEN),
    0x0132: ("DateTime", SEN),
    0x013B: ("Artist", IDF),
    0x013C: ("HostComputer", IDF),
    0x0201: ("ThumbnailOffset", IDF),
    0x0202: ("ThumbnailLength", IDF),
    0x0213: ("YCbCrPositioning", HRM),
    0x8298: ("Copyright", IDF),
    0x8769: ("ExifIFD", HRM),
    0x8825: ("GPSIFD", IDF),
    0x829A: ("ExposureTime", SEN),
    0x829D: ("FNumber", SEN),
    0x8827: ("ISO", SEN),
    0x9003: ("DateTimeOriginal", SEN),
    0x9004: ("CreateDate", SEN),
    0x9010: ("OffsetTime", SEN),
    0x9011: ("OffsetTimeOriginal", SEN),
    0x9012: ("OffsetTimeDigitized", SEN),
    0x927C: ("MakerNote", IDF),
    0x9286: ("UserComment", IDF),
    0x9290: ("SubSecTime", SEN),
    0x9291: ("SubSecTimeOriginal", SEN),
    0x9292: ("SubSecTimeDigitized", SEN),
    0x9C9B: ("XPTitle", IDF),
    0x9C9C: ("XPComment", IDF),
    0x9C9D: ("XPAuthor", IDF),
    0x9C9E: ("XPKeywords", IDF),
    0x9C9F: ("XPSubject", IDF),
    0xA000: ("FlashpixVersion", HRM),
    0xA001: ("ColorSpace", HRM),
    0xA002: ("ExifImageWidth", HRM),
    0xA003: ("ExifImageHeight", HRM),
    0xA005: ("InteropIFD", HRM),
    0xA420: ("ImageUniqueID", IDF),
    0xA430: ("OwnerName", IDF),
    0xA431: ("SerialNumber", IDF),
    0xA432: ("LensInfo", SEN),
    0xA433: ("LensMake", SEN),
    0xA434: ("LensModel", SEN),
    0xA435: ("LensSerialNumber", IDF),
    0xC4A5: ("PrintIM", SEN),
    0x9000: ("ExifVersion", HRM),
    0x4746: ("Rating", SEN),
    0x02BC: ("ApplicationNotes(XMP)", IDF),
    0x83BB: ("IPTC-NAA", IDF),
    0x8773: ("ICC_Profile", HRM),
}

GPS_NAMES = {
    0: "GPSVersionID",
    1: "GPSLatitudeRef",
    2: "GPSLatitude",
    3: "GPSLongitudeRef",
    4: "GPSLongitude",
    5: "GPSAltitudeRef",
    6: "GPSAltitude",
    7: "GPSTimeStamp",
    8: "GPSSatellites",
    9: "GPSStatus",
    10: "GPSMeasureMode",
    11: "GPSDOP",
    12: "GPSSpeedRef",
    13: "GPSSpeed",
    14: "GPSTrackRef",
    15: "GPSTrack",
    16: "GPSImgDirectionRef",
    17: "GPSImgDirection",
    18: "GPSMapDatum",
    27: "GPSProcessingMethod",
    28: "GPSAreaInformation",
    29: "GPSDateStamp",
    30: "GPSDifferential",
}

_SUB_IFDS = {0x8769: "ExifIFD", 0x8825: "GPS", 0xA005: "InteropIFD"}
_WATCHED = frozenset({*_SUB_IFDS, ORIENTATION_TAG, 0x0201, 0x0202})


_STRUCTS = {
    e: (struct.Struct(e + "H"), struct.Struct(e + "L"), struct.Struct(e + "HHLL")) for e in "<>"
}


class ExifError(ValueError):
    """The block is not a readable TIFF structure."""


TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up, issue 19)
if TYPE_CHECKING:  # what mypy checks: the same fields as the class below
    from typing import NamedTuple

    class ExifEntry(NamedTuple):  # a tuple: built for every tag of every photo
        ifd: str
        tag: int
        type: int
        n_values: int
        raw: bytes
        value: object

else:  # the class typing.NamedTuple makes, without importing typing (start-up, issue 19)
    ExifEntry = namedtuple("ExifEntry", ["ifd", "tag", "type", "n_values", "raw", "value"])


class ExifData(Record):
    # Not a dataclass: start-up of `media clean`, issue 19 (record.py).
    _FIELDS = ("entries", "thumbnail", "orientation")

    def __init__(self, entries: list[ExifEntry], thumbnail: bytes | None,
                 orientation: int | None) -> None:
        self.entries = entries
        self.thumbnail = thumbnail
        self.orientation = orientation



# (endian, type) -> struct of one value, for the common single-value numeric tags.
_SINGLE = {
    (e, t): struct.Struct(e + c)
    for e in "<>"
    for t, c in ((3, "H"), (8, "h"), (4, "L"), (9, "l"), (13, "L"))
}
#: Types whose single value fits the entry's 4-byte offset field.
_ONE_IN_FIELD = frozenset({3, 4, 8, 9, 13})
# endian -> type -> struct of one rational (numerator, denominator).
_RATIONAL = {e: {5: struct.Struct(e + "LL"), 10: struct.Struct(e + "ll")} for e in "<>"}
_new_tuple = tuple.__new__


def _decode(typ: int, count: int, raw: bytes, endian: str) -> object:
    single = _SINGLE.get((endian, typ)) if count == 1 else None
    if single is not None and single.size <= len(raw):
        return single.unpack_from(raw)[0]
    if typ == 2:
        return raw.split(b"\x00", 1)[0].decode("utf-8", "replace")
    if typ in (3, 8):
        vals = struct.unpack(f"{endian}{count}{'H' if typ == 3 else 'h'}", raw[: 2 * count])
        return vals[0] if count == 1 else list(vals)
    if typ in (4, 9, 13):
        vals = struct.unpack(f"{endian}{count}{'l' if typ == 9 else 'L'}", raw[: 4 * count])
        return vals[0] if count == 1 else list(vals)
    if typ in (5, 10):
        code = "l" if typ == 10 else "L"
        nums = struct.unpack(f"{endian}{2 * count}{code}", raw[: 8 * count])
        fr = [f"{nums[i]}/{nums[i + 1]}" for i in range(0, len(nums), 2)]
        return fr[0] if count == 1 else fr
    return raw


def parse_tiff(block: bytes, base: int = 0) -> ExifData:
    """Walk IFD0, IFD1 and the Exif/GPS/Interop sub-IFDs of the TIFF-structured block
    ``block[base:]`` (offsets are relative to ``base``; the block is not copied)."""
    if len(block) - base < 8:
        raise ExifError("short TIFF header")
    order = block[base : base + 4]
    if order == b"II*\x00":
        endian = "<"
    elif order == b"MM\x00*":
        endian = ">"
    else:
        raise ExifError("bad TIFF byte order mark")
    entries: list[ExifEntry] = []
    append = entries.append
    visited: set[int] = set()
    thumb_off: int | None = None
    thumb_len: int | None = None
    orientation: int | None = None
    u16, u32, entry_head = _STRUCTS[endian]
    little = endian == "<"
    view = memoryview(block)
    rationals = _RATIONAL[endian]
    sizes = _TYPE_SIZES
    (first,) = u32.unpack_from(block, base + 4)
    queue: list[tuple[str, int]] = [("IFD0", first)]
    n_ifds = 0
    end = len(block) - base
    while queue:
        name, off = queue.pop(0)
        if off == 0 or off in visited:
            continue
        if off < 0 and base:  # (a signed pointer) read from the end: as the plain block
            return parse_tiff(block[base:])
        n_ifds += 1
        if n_ifds > MAX_IFDS or off + 2 > end:
            raise ExifError("IFD offset out of range or too many IFDs")
        visited.add(off)
        (n,) = u16.unpack_from(block, base + off)
        if n > MAX_ENTRIES_PER_IFD or off + 2 + 12 * n + 4 > end:
            raise ExifError("IFD entry table out of range")
        start = base + off + 2
        e = start - 12
        for tag, typ, count, voff in entry_head.iter_unpack(view[start : start + 12 * n]):
            e += 12
            unit = sizes.get(typ)
            size = (unit or 1) * count
            if size <= 4:
                raw = block[e + 8 : e + 8 + size]
                if count == 1 and typ in _ONE_IN_FIELD:
                    # The value is in the offset field, read as one unsigned 32-bit
                    # integer in the file's byte order: what unpacking it gives.
                    if typ == 3 or typ == 8:  # SHORT / SSHORT: the field's first 2 bytes
                        short = voff & 0xFFFF if little else voff >> 16
                        value: object = short - 0x10000 if typ == 8 and short >= 0x8000 else short
                    elif typ == 9 and voff >= 0x80000000:  # SLONG
                        value = voff - 0x100000000
                    else:  # LONG, IFD
                        value = voff
                else:
                    value = _decode(typ, count, raw, endian) if unit else raw
            else:
                if voff + size > end:
                    raise ExifError(f"value of tag 0x{tag:04x} out of range")
                raw = block[base + voff : base + voff + size]
                rational = rationals.get(typ) if count == 1 else None
                if rational is not None:  # what _decode gives, without its checks
                    num, den = rational.unpack_from(raw)
                    value = f"{num}/{den}"
                else:
                    value = _decode(typ, count, raw, endian) if unit else raw
            # ExifEntry(...) without the generated __new__ frame: one per tag.
            append(_new_tuple(ExifEntry, (name, tag, typ, count, raw, value)))
            if tag not in _WATCHED:
                continue
            if name in ("IFD0", "IFD1") and tag in _SUB_IFDS and isinstance(value, int):
                queue.append((_SUB_IFDS[tag], value))
            elif name == "ExifIFD" and tag == 0xA005 and isinstance(value, int):
                queue.append(("InteropIFD", value))
            if name == "IFD0" and tag == ORIENTATION_TAG and isinstance(value, int):
                orientation = value
            if name == "IFD1" and tag == 0x0201 and isinstance(value, int):
                thumb_off = value
            if name == "IFD1" and tag == 0x0202 and isinstance(value, int):
                thumb_len = value
        (nxt,) = u32.unpack_from(block, start + 12 * n)
        if name == "IFD0" and nxt:
            queue.append(("IFD1", nxt))
    thumbnail = None
    if thumb_off is not None and thumb_len:
        view = memoryview(block)[base:]  # slice semantics of the plain block, no copy
        thumbnail = bytes(view[thumb_off : thumb_off + thumb_len]) or None
    return ExifData(entries, thumbnail, orientation)


def try_parse_tiff(block: bytes, base: int = 0) -> ExifData | ExifError:
    """:func:`parse_tiff`, with the error returned instead of raised (for caching)."""
    try:
        return parse_tiff(block, base)
    except ExifError as exc:
        return exc
    except struct.error as exc:
        return ExifError(str(exc))


_INTEROP_NAMES = {1: "InteropIndex", 2: "InteropVersion"}


def report_exif(
    report: MetadataReport,
    block: bytes,
    group: str = "EXIF",
    parsed: ExifData | ExifError | None = None,
    base: int = 0,
) -> ExifData | None:
    """Add every EXIF entry to ``report``; an unreadable block is one identifying item.
    The TIFF structure is ``block[base:]``; ``parsed`` is the result of
    :func:`try_parse_tiff` on it when already known."""
    data = try_parse_tiff(block, base) if parsed is None else parsed
    if isinstance(data, ExifError):
        summary = f"{len(block) - base} bytes ({data})"
        report.add(group, "UnreadableEXIF", summary, IDF, blob_needles(block[base:]))
        return None
    add = report.items.append
    item = MetadataItem.fast
    tags = TAGS
    for ifd, tag, _typ, _count, raw, value in data.entries:  # ExifEntry, unpacked
        if ifd == "InteropIFD":
            name = _INTEROP_NAMES.get(tag) or f"Tag0x{tag:04x}"
            add(item(group, name, shorten(value), HRM, ()))
            continue
        if ifd == "GPS":
            name = GPS_NAMES.get(tag) or f"GPSTag0x{tag:04x}"
            risk = IDF
            grp = "GPS"
        else:
            known = tags.get(tag)
            name, risk = known if known is not None else (f"Tag0x{tag:04x}", SEN)
            grp = group if ifd != "IFD1" else "Thumbnail"
            if ifd == "IFD1" and risk is not HRM:
                risk = IDF
        if type(value) is str:
            needles = text_needles(value) if risk is IDF else ()
        elif tag == 0x927C:
            needles = blob_needles(raw)
        else:
            needles = raw_needles(raw) if risk is IDF else ()
        # shorten(value), without the call for the commonest values (same result:
        # an EXIF integer is at most ten digits; short printable text passes as is).
        if type(value) is int:
            short = str(value)
        elif (
            type(value) is str
            and len(value) <= VALUE_SHORT_MAX
            and value.isprintable()
            and "  " not in value
            and value[:1] != " "
            and value[-1:] != " "
        ):
            short = value
        else:
            short = shorten(value)
        add(item(grp, name, short, risk, needles))
    if data.thumbnail:
        report.add(
            "Thumbnail",
            "ThumbnailImage",
            f"{len(data.thumbnail)} bytes",
            IDF,
            jpeg_blob_needles(data.thumbnail),
        )
    return data


def minimal_exif(orientation: int) -> bytes:
    """A TIFF block holding only IFD0 / Orientation (big-endian)."""
    if not 1 <= orientation <= 8:
        raise ValueError("orientation out of range")
    ifd = struct.pack(">H", 1) + struct.pack(">HHLHH", ORIENTATION_TAG, 3, 1, orientation, 0)
    return b"MM\x00*" + struct.pack(">L", 8) + ifd + struct.pack(">L", 0)
