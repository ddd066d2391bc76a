"""TIFF: lossless rewrite of the first image directory, strip or tile data copied as is.

The cleaned file is built anew, in the original byte order: a header, one image file
directory (IFD0) holding only the tags that describe the picture (dimensions, samples,
compression, photometric interpretation, strips or tiles, planar configuration,
predictor, colour map, extra samples, sample format, resolution, orientation, YCbCr
layout, ICC profile, ...), their values, then the strip or tile bytes, unchanged and in
the original order. Everything else is left behind: EXIF and GPS directories (maker
notes, serial numbers, dates), XMP, IPTC, Photoshop resources, descriptions, make,
model, software, artist, copyright, reduced-resolution images (IFD1 thumbnails and
SubIFDs), unknown tags, and any byte of the original that no kept tag points to.

Not checked (stored as is): BigTIFF, multi-page files (a second full-size image would be
lost), camera raw files (DNG, CR2, NEF: the first directory is a preview, not the
picture), and compressions whose strips can carry metadata of their own (JPEG, WebP).
Nothing is decoded here: identical tags and identical strip bytes give identical pixels
(the tests decode both with Pillow).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import FormatHandler, Limits, NotCheckable, is_icc_profile
from nam_desktop.core.media.exif import (
    GPS_NAMES,
    TAGS,
    ExifError,
    parse_tiff,
)
from nam_desktop.core.media.needles import blob_needles, raw_needles, text_needles
from nam_desktop.core.media.report import MetadataItem, MetadataReport, RiskClass
from nam_desktop.core.media.xmp import report_iptc, report_photoshop, report_xmp

IDF, SEN, HRM = RiskClass.IDENTIFYING, RiskClass.SENSITIVE, RiskClass.HARMLESS
_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
MAX_ENTRIES = 1000
MAX_IFDS = 64
MAX_STRIPS = 1_000_000

STRIP_OFFSETS, STRIP_COUNTS, TILE_OFFSETS, TILE_COUNTS = 273, 279, 324, 325
SUBFILE_TYPE = 254
#: Tags that describe the picture: kept, with their names (all harmless).
KEEP = {
    254: "NewSubfileType",
    256: "ImageWidth",
    257: "ImageHeight",
    258: "BitsPerSample",
    259: "Compression",
    262: "PhotometricInterpretation",
    263: "Thresholding",
    266: "FillOrder",
    273: "StripOffsets",
    274: "Orientation",
    277: "SamplesPerPixel",
    278: "RowsPerStrip",
    279: "StripByteCounts",
    280: "MinSampleValue",
    281: "MaxSampleValue",
    282: "XResolution",
    283: "YResolution",
    284: "PlanarConfiguration",
    290: "GrayResponseUnit",
    291: "GrayResponseCurve",
    292: "T4Options",
    293: "T6Options",
    296: "ResolutionUnit",
    301: "TransferFunction",
    317: "Predictor",
    318: "WhitePoint",
    319: "PrimaryChromaticities",
    320: "ColorMap",
    321: "HalftoneHints",
    322: "TileWidth",
    323: "TileLength",
    324: "TileOffsets",
    325: "TileByteCounts",
    332: "InkSet",
    334: "NumberOfInks",
    336: "DotRange",
    338: "ExtraSamples",
    339: "SampleFormat",
    340: "SMinSampleValue",
    341: "SMaxSampleValue",
    342: "TransferRange",
    529: "YCbCrCoefficients",
    530: "YCbCrSubSampling",
    531: "YCbCrPositioning",
    532: "ReferenceBlackWhite",
    34675: "ICC_Profile",
}
ICC_TAG = 34675
_NUMBER_TYPES = frozenset({1, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13})
_BYTES_TYPES = frozenset({1, 7})
#: Compressions whose strips hold nothing but picture data.
COMPRESSIONS = {1, 2, 3, 4, 5, 8, 32773, 32946}
_NAMES = {
    269: "DocumentName",
    285: "PageName",
    286: "XPosition",
    287: "YPosition",
    297: "PageNumber",
    330: "SubIFDs",
    700: "XMP",
    33723: "IPTC-NAA",
    34377: "PhotoshopImageResources",
    34665: "ExifIFD",
    34853: "GPSIFD",
    37724: "ImageSourceData",
    50706: "DNGVersion",
}


@dataclass(frozen=True)
class Entry:
    tag: int
    type: int
    count: int
    raw: bytes  # the value's bytes, as in the file


@dataclass
class Ifd:
    offset: int
    entries: dict[int, Entry]
    next: int


@dataclass
class Tiff:
    endian: str  # "<" or ">"
    ifd0: Ifd
    #: (offset, length) of every strip or tile of IFD0, in order.
    strips: list[tuple[int, int]]
    offsets_tag: int  # STRIP_OFFSETS or TILE_OFFSETS
    chain: list[Ifd]  # IFD1, IFD2, ... (dropped; must be reduced-resolution images)


def _ifd(data: bytes, endian: str, off: int) -> Ifd:
    if off < 8 or off + 2 > len(data):
        raise MalformedFileError("tiff: directory offset out of range")
    (n,) = struct.unpack_from(endian + "H", data, off)
    if n == 0 or n > MAX_ENTRIES or off + 2 + 12 * n + 4 > len(data):
        raise MalformedFileError("tiff: directory out of range")
    entries: dict[int, Entry] = {}
    for e in range(off + 2, off + 2 + 12 * n, 12):
        tag, typ, count, voff = struct.unpack_from(endian + "HHLL", data, e)
        size = _SIZES.get(typ, 1) * count
        if size <= 4:
            raw = data[e + 8 : e + 8 + size]
        else:
            if voff + size > len(data):
                raise MalformedFileError(f"tiff: value of tag {tag} out of range")
            raw = data[voff : voff + size]
        if tag in entries:
            raise MalformedFileError(f"tiff: tag {tag} twice in one directory")
        entries[tag] = Entry(tag, typ, count, raw)
    (nxt,) = struct.unpack_from(endian + "L", data, off + 2 + 12 * n)
    return Ifd(off, entries, nxt)


def _ints(entry: Entry | None, endian: str) -> list[int]:
    if entry is None:
        return []
    code = {1: "B", 3: "H", 4: "L"}.get(entry.type)
    if code is None:
        raise MalformedFileError(f"tiff: tag {entry.tag} has type {entry.type}, not an integer")
    return list(struct.unpack(f"{endian}{entry.count}{code}", entry.raw))


def _int(ifd: Ifd, tag: int, endian: str, default: int | None = None) -> int:
    values = _ints(ifd.entries.get(tag), endian)
    if not values:
        if default is None:
            raise MalformedFileError(f"tiff: required tag {tag} missing")
        return default
    return values[0]


def parse(data: bytes, limits: Limits) -> Tiff:
    """The structure of a TIFF: IFD0 and its strips, checked; the rest of the chain."""
    if data[:4] == b"II*\x00":
        endian = "<"
    elif data[:4] == b"MM\x00*":
        endian = ">"
    elif data[:4] in (b"II+\x00", b"MM\x00+"):
        raise NotCheckable("BigTIFF is not handled")
    else:
        raise MalformedFileError("tiff: bad header")
    if len(data) < 16:
        raise MalformedFileError("tiff: truncated")
    if data[8:10] == b"CR":
        raise NotCheckable("Canon raw (CR2): the first image is a preview")
    (first,) = struct.unpack_from(endian + "L", data, 4)
    ifd0 = _ifd(data, endian, first)
    chain: list[Ifd] = []
    seen = {first}
    nxt = ifd0.next
    while nxt:
        if nxt in seen or len(chain) >= MAX_IFDS:
            raise MalformedFileError("tiff: directory chain loops or is too long")
        seen.add(nxt)
        chain.append(_ifd(data, endian, nxt))
        nxt = chain[-1].next
    e = ifd0.entries
    for tag, entry in e.items():
        # A kept tag holds numbers (the ICC profile: bytes); text under a picture tag's
        # number (e.g. a description renumbered as Predictor) is not a picture tag.
        if tag in KEEP and entry.type not in (_BYTES_TYPES if tag == ICC_TAG else _NUMBER_TYPES):
            raise MalformedFileError(f"tiff: tag {tag} has an unexpected type ({entry.type})")
    if ICC_TAG in e and not is_icc_profile(e[ICC_TAG].raw):
        raise MalformedFileError("tiff: the ICC profile tag holds no ICC profile")
    if 50706 in e:
        raise NotCheckable("DNG raw file: not handled")
    if _int(ifd0, SUBFILE_TYPE, endian, 0) & 1:
        raise NotCheckable("the first image is a reduced-resolution preview")
    for ifd in chain:
        if not _int(ifd, SUBFILE_TYPE, endian, 0) & 1:
            raise NotCheckable("multi-page TIFF: only single-image files are handled")
    if 330 in e:  # SubIFDs: kept only if they are reduced-resolution images (dropped)
        for sub in _ints(e[330], endian)[:MAX_IFDS]:
            if not _int(_ifd(data, endian, sub), SUBFILE_TYPE, endian, 0) & 1:
                raise NotCheckable("full-resolution sub-images (SubIFDs): not handled")
    width, height = _int(ifd0, 256, endian), _int(ifd0, 257, endian)
    if width * height > limits.max_pixels:
        raise MalformedFileError("tiff: picture larger than the pixel limit")
    if width == 0 or height == 0:
        raise MalformedFileError("tiff: empty picture")
    compression = _int(ifd0, 259, endian, 1)
    if compression not in COMPRESSIONS:
        raise NotCheckable(f"compression {compression}: strips may carry their own metadata")
    tiled = TILE_OFFSETS in e
    off_tag, cnt_tag = (TILE_OFFSETS, TILE_COUNTS) if tiled else (STRIP_OFFSETS, STRIP_COUNTS)
    if tiled and (STRIP_OFFSETS in e or STRIP_COUNTS in e):
        raise MalformedFileError("tiff: both strips and tiles")
    offsets, counts = _ints(e.get(off_tag), endian), _ints(e.get(cnt_tag), endian)
    planes = _int(ifd0, 277, endian, 1) if _int(ifd0, 284, endian, 1) == 2 else 1
    if tiled:
        tw, th = _int(ifd0, 322, endian), _int(ifd0, 323, endian)
        if tw == 0 or th == 0:
            raise MalformedFileError("tiff: empty tiles")
        expected = -(-width // tw) * -(-height // th) * planes
    else:
        rows = min(_int(ifd0, 278, endian, height), height) or height
        expected = -(-height // rows) * planes
    if not offsets or len(offsets) != len(counts) or len(offsets) != expected:
        raise MalformedFileError("tiff: strip or tile tables do not match the picture")
    if len(offsets) > MAX_STRIPS:
        raise MalformedFileError("tiff: too many strips")
    for o, c in zip(offsets, counts, strict=True):
        if o + c > len(data) or (c and o < 8):
            raise MalformedFileError("tiff: strip outside the file")
    return Tiff(endian, ifd0, list(zip(offsets, counts, strict=True)), off_tag, chain)


def _value(entry: Entry, endian: str) -> object:
    if entry.type == 2:
        return entry.raw.split(b"\x00", 1)[0].decode("utf-8", "replace")
    if entry.type in (1, 3, 4) and entry.count <= 16:
        values = _ints(entry, endian)
        return values[0] if len(values) == 1 else values
    if entry.type in (5, 10) and entry.count == 1:
        num, den = struct.unpack(endian + ("ll" if entry.type == 10 else "LL"), entry.raw)
        return f"{num}/{den}"
    return f"{entry.count} values" if entry.type in (3, 4) else entry.raw


def report(data: bytes, tiff: Tiff) -> MetadataReport:
    rep = MetadataReport("tiff")
    e, endian = tiff.ifd0.entries, tiff.endian
    rep.add(
        "File", "ImageSize", f"{_int(tiff.ifd0, 256, endian)}x{_int(tiff.ifd0, 257, endian)}", HRM
    )
    for tag, entry in e.items():
        if tag in KEEP:
            if tag == 34675:
                rep.add("ICC_Profile", "ICCProfile", f"{len(entry.raw)} bytes", HRM)
            elif tag in (STRIP_OFFSETS, TILE_OFFSETS):  # where: layout, not content
                rep.add("TIFF", KEEP[tag], f"{entry.count} offsets", HRM)
            else:
                rep.add("TIFF", KEEP[tag], _value(entry, endian), HRM)
        elif tag == 700:
            report_xmp(rep, entry.raw)
        elif tag == 33723:
            report_iptc(rep, entry.raw)
            rep.add("IPTC", "IPTC-NAA", f"{len(entry.raw)} bytes", IDF, blob_needles(entry.raw))
        elif tag == 34377:
            report_photoshop(rep, entry.raw)
        elif tag not in (34665, 34853):  # the sub-directories are listed below
            name, risk = TAGS.get(tag, (_NAMES.get(tag, f"Tag0x{tag:04x}"), SEN))
            if tag in _NAMES:
                risk = IDF
            value = _value(entry, endian)
            if isinstance(value, str):
                needles = text_needles(value) if risk is IDF else ()
            else:
                needles = blob_needles(entry.raw) if risk is IDF else ()
            rep.add("TIFF", name, value, SEN if risk is HRM else risk, needles)
    _report_sub_ifds(rep, data)
    for i, ifd in enumerate(tiff.chain, 1):
        raws = [
            data[o : o + c]
            for o, c in zip(
                _ints(ifd.entries.get(STRIP_OFFSETS) or ifd.entries.get(TILE_OFFSETS), endian),
                _ints(ifd.entries.get(STRIP_COUNTS) or ifd.entries.get(TILE_COUNTS), endian),
                strict=False,
            )
        ]
        blob = b"".join(raws)[: 1 << 20]
        rep.add(
            "Thumbnail", f"ReducedImage{i}", f"{len(ifd.entries)} tags", IDF, blob_needles(blob, 4)
        )
    if 330 in e:
        rep.add("Thumbnail", "SubIFDImages", f"{e[330].count} images", IDF)
    return rep


def _report_sub_ifds(rep: MetadataReport, data: bytes) -> None:
    """EXIF, GPS and Interop directories, as in a JPEG's EXIF block."""
    try:
        parsed = parse_tiff(data)
    except (ExifError, struct.error) as exc:
        rep.add("EXIF", "UnreadableEXIF", str(exc), IDF)
        return
    for entry in parsed.entries:
        if entry.ifd in ("IFD0", "IFD1"):
            continue  # listed from the structure above
        if entry.ifd == "GPS":
            name, risk, group = GPS_NAMES.get(entry.tag, f"GPSTag0x{entry.tag:04x}"), IDF, "GPS"
        elif entry.ifd == "InteropIFD":
            name, risk, group = f"Interop0x{entry.tag:04x}", HRM, "EXIF"
        else:
            name, risk = TAGS.get(entry.tag, (f"Tag0x{entry.tag:04x}", SEN))
            group = "EXIF"
        if isinstance(entry.value, str):
            needles = text_needles(entry.value) if risk is IDF else ()
        elif entry.tag == 0x927C:
            needles = blob_needles(entry.raw)
        else:
            needles = raw_needles(entry.raw) if risk is IDF else ()
        # Nothing of these directories is kept: listed as removed, never harmless.
        rep.add(group, name, entry.value, SEN if risk is HRM else risk, needles)


def _pad(buf: bytearray) -> None:
    if len(buf) % 2:
        buf.append(0)


def rebuild(data: bytes, tiff: Tiff) -> bytes:
    """Header, IFD0 with the kept tags, their long values, then the strips."""
    endian = tiff.endian
    kept = [entry for tag, entry in sorted(tiff.ifd0.entries.items()) if tag in KEEP]
    n = len(kept)
    ifd_at = 8
    values_at = ifd_at + 2 + 12 * n + 4
    long_values = bytearray()
    placed: dict[int, int] = {}
    for entry in kept:
        # the offsets are rewritten as LONG
        size = 4 * entry.count if entry.tag == tiff.offsets_tag else len(entry.raw)
        if size > 4:
            placed[entry.tag] = values_at + len(long_values)
            long_values += bytes(size) if entry.tag == tiff.offsets_tag else entry.raw
            _pad(long_values)
    strips_at = values_at + len(long_values)
    new_offsets: list[int] = []
    pos = strips_at
    for _o, c in tiff.strips:
        new_offsets.append(pos if c else 0)
        pos += c
    if pos > 0xFFFFFFFF:
        raise NotCheckable("TIFF larger than 4 GiB")
    offsets_raw = struct.pack(f"{endian}{len(new_offsets)}L", *new_offsets)
    if tiff.offsets_tag in placed:
        at = placed[tiff.offsets_tag] - values_at
        long_values[at : at + len(offsets_raw)] = offsets_raw
    head = (b"II*\x00" if endian == "<" else b"MM\x00*") + struct.pack(endian + "L", ifd_at)
    ifd = bytearray(struct.pack(endian + "H", n))
    for entry in kept:
        typ, raw = entry.type, entry.raw
        if entry.tag == tiff.offsets_tag:
            typ, raw = 4, offsets_raw
        if entry.tag in placed:
            field = struct.pack(endian + "L", placed[entry.tag])
        else:
            field = raw + bytes(4 - len(raw))
        ifd += struct.pack(endian + "HHL", entry.tag, typ, entry.count) + field
    ifd += bytes(4)  # no next directory
    parts = [head, bytes(ifd), bytes(long_values)]
    parts.extend(data[o : o + c] for o, c in tiff.strips)
    return b"".join(parts)


def image_signature(tiff: Tiff, data: bytes) -> list[bytes]:
    """What decoding depends on: the kept tags (but the offsets) and the strip bytes."""
    sig = [
        struct.pack(">HHL", tag, entry.type, entry.count) + entry.raw
        for tag, entry in sorted(tiff.ifd0.entries.items())
        if tag in KEEP and tag != tiff.offsets_tag
    ]
    sig.extend(data[o : o + c] for o, c in tiff.strips)
    return sig


class TiffHandler(FormatHandler):
    name = "tiff"

    def __init__(self) -> None:
        self._memo: list[tuple[bytes, Tiff]] = []

    def _parse(self, data: bytes, limits: Limits) -> Tiff:
        for obj, parsed in self._memo:
            if obj is data:
                return parsed
        parsed = parse(data, limits)
        self._memo = [*self._memo[-2:], (data, parsed)]
        return parsed

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        return report(data, self._parse(data, limits))

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        tiff = self._parse(data, limits)
        notes = ["lossless: image directory rewritten, strip data copied unchanged"]
        if tiff.chain or 330 in tiff.ifd0.entries:
            notes.append("reduced-resolution images (thumbnails) removed")
        return rebuild(data, tiff), notes

    def structural_problems(self, cleaned: bytes, original: bytes, limits: Limits) -> list[str]:
        after, before = self._parse(cleaned, limits), self._parse(original, limits)
        problems = []
        if after.chain:
            problems.append("tiff: more than one image directory left")
        if set(after.ifd0.entries) - set(KEEP):
            problems.append("tiff: tags left outside the allow-list")
        if after.endian != before.endian or image_signature(after, cleaned) != image_signature(
            before, original
        ):
            problems.append("tiff: image data or tags changed")
        end = max((o + c for o, c in after.strips), default=0)
        if end != len(cleaned):
            problems.append("tiff: bytes after the image data")
        return problems

    def allowed_after(self, item: MetadataItem) -> bool:
        return item.risk is HRM and item.group in ("File", "TIFF", "ICC_Profile")
