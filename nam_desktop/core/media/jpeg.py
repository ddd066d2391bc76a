"""JPEG: lossless, segment-level metadata removal.

Kept: SOI, DQT, DHT, DRI, SOFn, SOS + entropy-coded data, DAC, DNL, EOI (the picture),
APP2 ICC_PROFILE (colours), APP14 Adobe (colour transform: changes decoding), a JFIF APP0
rewritten without its thumbnail, and a fresh minimal EXIF APP1 holding only Orientation
when the original picture was rotated. Everything else is dropped: EXIF (incl. GPS, maker
notes, thumbnails), XMP, extended XMP, IPTC/Photoshop, MPF, other APPn, COM, and any
bytes after EOI. Nothing is decoded or re-encoded, so the decoded pixels are identical.
"""

from __future__ import annotations

import re
import struct
from collections import namedtuple

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import FormatHandler, Limits
from nam_desktop.core.media.exif import (
    ExifData,
    ExifError,
    minimal_exif,
    report_exif,
    try_parse_tiff,
)
from nam_desktop.core.media.needles import blob_needles, text_needles
from nam_desktop.core.media.record import Record
from nam_desktop.core.media.report import MetadataItem, MetadataReport, RiskClass
from nam_desktop.core.media.xmp import report_photoshop, report_xmp

SOI, EOI, SOS, APP0, APP1, APP2, APP14, COM = 0xD8, 0xD9, 0xDA, 0xE0, 0xE1, 0xE2, 0xEE, 0xFE
ENTROPY = -1
_SOF = {*range(0xC0, 0xD0)} - {0xC4, 0xC8, 0xCC}
# Markers that may appear between segments (JPEG T.81 table B.1); the standalone ones
# (TEM, RST0-7) may not. Above 0xDF only APPn (0xE0-0xEF) and COM (0xFE).
_VALID = {0xC4, 0xCC, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF, SOS, EOI, COM, *_SOF, *range(0xE0, 0xF0)}
# In entropy-coded data: 0xFF followed by something other than 0x00 (stuffing) or RST0-7
# ends the scan (fill bytes 0xFF before the marker are skipped by the marker loop).
_MARKER_IN_SCAN = re.compile(rb"\xff[^\x00\xd0-\xd7]")

EXIF_HDR = b"Exif\x00\x00"
XMP_HDR = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXT_HDR = b"http://ns.adobe.com/xmp/extension/\x00"
ICC_HDR = b"ICC_PROFILE\x00"
PS_HDR = b"Photoshop 3.0\x00"
_EXIF_AT = 4 + len(EXIF_HDR)  # where the TIFF block starts in an EXIF segment


#: Bytes of a segment: ``bytes``, or for scan data a ``memoryview`` of the file (the
#: bulk of a JPEG, not copied when parsed).
Buffer = bytes | memoryview


TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up, issue 19)
if TYPE_CHECKING:  # what mypy checks: the same fields as the class below
    from typing import NamedTuple

    class _Segment(NamedTuple):
        marker: int  # JPEG marker byte, or ENTROPY for scan data
        raw: Buffer  # full bytes as in the file (marker and length included)

else:  # the class typing.NamedTuple makes, without importing typing (start-up, issue 19)
    _Segment = namedtuple("Segment", ["marker", "raw"])


class Segment(_Segment):  # a tuple: one per segment of every file parsed
    __slots__ = ()

    @property
    def payload(self) -> bytes:
        return bytes(self.raw[4:] if self.marker != ENTROPY else self.raw)


class ParsedJpeg(Record):
    # Not a dataclass: start-up of `media clean`, issue 19 (record.py).
    _FIELDS = ("segments", "trailer", "width", "height", "kinds", "exif")

    def __init__(self, segments: list[Segment], trailer: bytes, width: int, height: int,
                 kinds: list[str], exif: dict[int, ExifData | ExifError] | None = None
                 ) -> None:
        self.segments = segments
        self.trailer = trailer
        self.width = width
        self.height = height
        #: What each segment holds, read once by ``parse`` (``_kind``): the kind of each
        #: APPn/COM segment ("exif", "icc", ...), "" for SOI and the picture's segments.
        self.kinds = kinds
        #: EXIF blocks parsed once per file (inspect and clean both need them), by segment.
        self.exif: dict[int, ExifData | ExifError] = {} if exif is None else exif


    def exif_of(self, index: int) -> ExifData | ExifError:
        found = self.exif.get(index)
        if found is None:
            raw = self.segments[index].raw
            found = try_parse_tiff(raw if isinstance(raw, bytes) else bytes(raw), _EXIF_AT)
            self.exif[index] = found
        return found


_new_tuple = tuple.__new__
_SOI_SEG = Segment(SOI, b"\xff\xd8")
_EOI_SEG = Segment(EOI, b"\xff\xd9")
#: Segments whose exact size ``_check_table`` checks (DQT, DHT, SOFn, SOS, DRI).
_TABLES = frozenset({0xDB, 0xC4, *_SOF, SOS, 0xDD})
#: APPn kinds that affect decoding: copied unchanged, part of the image signature.
_PICTURE_KINDS = frozenset({"icc", "adobe"})
_SIGNATURE_KINDS = frozenset({"", "icc", "adobe"})
#: APPn kinds a cleaned file may hold.
_ALLOWED_KINDS = frozenset({"jfif", "exif", "icc", "adobe"})


def parse(data: bytes, limits: Limits, hint: ParsedJpeg | None = None) -> ParsedJpeg:
    """Segments of a JPEG. ``hint``, another parse (the original of a cleaned file),
    only saves work: where a scan starts with the same entropy-coded bytes as the
    hint's, the search for its end starts at the last of those bytes (no marker can
    start before: the pair of bytes would lie inside the hint's scan, which has none),
    and the hint's bytes object is reused; a table segment equal to one of the hint's
    (marker included) is not checked again. The result is the same with or without.

    Scan data (``ENTROPY`` segments) are views of ``data``, not copies."""
    scans: list[Buffer] = []
    checked: set[Buffer] = set()  # the hint's tables: their sizes were checked
    if hint is not None:
        for seg in hint.segments:
            if seg.marker == ENTROPY:
                scans.append(seg.raw)
            elif seg.marker in _TABLES:
                checked.add(seg.raw)
    if data[:3] != b"\xff\xd8\xff":
        raise MalformedFileError("jpeg: missing start of image")
    segs = [_SOI_SEG]
    kinds = [""]
    add_seg, add_kind = segs.append, kinds.append
    new, valid, tables = _new_tuple, _VALID, _TABLES
    view = memoryview(data)
    pos, n = 2, len(data)
    width = height = -1
    seen_sos = False
    while True:
        if pos >= n:
            raise MalformedFileError("jpeg: truncated (no end of image)")
        if data[pos] != 0xFF:
            raise MalformedFileError(f"jpeg: expected a marker at byte {pos}")
        pos += 1
        while pos < n and data[pos] == 0xFF:
            pos += 1  # fill bytes
        if pos >= n:
            raise MalformedFileError("jpeg: truncated marker")
        marker = data[pos]
        start = pos - 1
        pos += 1
        if marker == EOI:
            add_seg(_EOI_SEG)
            add_kind("")
            break
        if marker not in valid:  # (standalone markers, RSTn and TEM, are not valid)
            raise MalformedFileError(f"jpeg: invalid marker 0x{marker:02x} at byte {start}")
        if pos + 2 > n:
            raise MalformedFileError("jpeg: truncated segment length")
        length = data[pos] << 8 | data[pos + 1]
        end = pos + length
        if length < 2 or end > n:
            raise MalformedFileError(f"jpeg: segment 0x{marker:02x} length out of range")
        raw = data[start:end]  # data[start] is 0xFF: one copy
        pos = end
        if marker >= APP0:  # APPn (0xE0-0xEF) or COM (0xFE): the only markers above
            add_seg(new(Segment, (marker, raw)))
            add_kind(_kind(marker, raw))
            continue
        if marker in tables and raw not in checked:  # (raw[1] is the marker)
            _check_table(marker, raw)
        add_seg(new(Segment, (marker, raw)))
        add_kind("")
        if marker != SOS:
            if marker in _SOF:
                height = raw[5] << 8 | raw[6]
                width = raw[7] << 8 | raw[8]
                if width * height > limits.max_pixels:
                    raise MalformedFileError("jpeg: picture larger than the pixel limit")
            continue
        if width < 0:
            raise MalformedFileError("jpeg: scan before frame header")
        seen_sos = True
        known = scans.pop(0) if scans else b""
        same = bool(known) and data.startswith(known, pos)
        m = _MARKER_IN_SCAN.search(data, pos + len(known) - 1 if same else pos)
        if m is None:
            raise MalformedFileError("jpeg: truncated scan (no end of image)")
        stop = m.start()  # fill bytes and the marker are read by the loop
        reuse = same and stop == pos + len(known)
        add_seg(new(Segment, (ENTROPY, known if reuse else view[pos:stop])))
        add_kind("")
        pos = stop
    if not seen_sos:
        raise MalformedFileError("jpeg: no image data")
    return ParsedJpeg(segs, data[pos:], width, height, kinds)  # pos: right after EOI


def _check_table(marker: int, raw: bytes) -> None:
    """Exact sizes of the segments that are copied as picture data, so that nothing
    else can hide inside a segment that the cleaner keeps. ``raw`` is the whole
    segment: its body (after marker and length) starts at byte 4."""
    ok = True
    size = len(raw)
    if marker == 0xDB:  # DQT: (precision/id, 64 or 128 bytes)*
        pos = 4
        while pos < size:
            pos += 1 + (128 if raw[pos] >> 4 else 64)
        ok = pos == size and size > 4
    elif marker == 0xC4:  # DHT: (class/id, 16 counts, values)*
        pos = 4
        while pos + 17 <= size:
            pos += 17 + sum(raw[pos + 1 : pos + 17])
        ok = pos == size and size > 4
    elif marker in _SOF:
        ok = size >= 10 and size == 10 + 3 * raw[9]
    elif marker == SOS:
        ok = size >= 5 and size == 5 + 2 * raw[4] + 3
    elif marker == 0xDD:  # DRI
        ok = size == 6
    if not ok:
        raise MalformedFileError(f"jpeg: bad size of segment 0x{marker:02x}")


def _kind(marker: int, raw: bytes) -> str:
    """What an APPn/COM segment holds (the header after marker and length, read in
    place: no copy of the segment)."""
    if marker == APP1:
        if raw.startswith(EXIF_HDR, 4):
            return "exif"
        if raw.startswith(XMP_HDR, 4):
            return "xmp"
        if raw.startswith(XMP_EXT_HDR, 4):
            return "xmp-ext"
    elif marker == APP0:
        return "jfif" if raw.startswith(b"JFIF\x00", 4) else "app0-other"
    elif marker == APP2:
        if raw.startswith(ICC_HDR, 4) and _is_icc_chunk(raw):
            return "icc"
        if raw.startswith(b"MPF\x00", 4):
            return "mpf"
    elif marker == APP14:
        if raw.startswith(b"Adobe", 4):
            return "adobe"
    elif marker == 0xED and raw.startswith(PS_HDR, 4):
        return "photoshop"
    return "other"


def _is_icc_chunk(raw: Buffer) -> bool:
    """An ICC_PROFILE segment that holds a profile: chunk n of m (1 <= n <= m), and the
    first chunk starts with an ICC header (its 'acsp' signature). Anything else under
    that name is not a colour profile, and is removed like any unknown segment."""
    if len(raw) < 18:
        return False
    seq, count = raw[16], raw[17]
    if not 1 <= seq <= count:
        return False
    return seq > 1 or bytes(raw[18 + 36 : 18 + 40]) == b"acsp"


def _orientation(parsed: ParsedJpeg) -> int | None:
    kinds = parsed.kinds
    if "exif" in kinds:
        exif = parsed.exif_of(kinds.index("exif"))
        if isinstance(exif, ExifError):
            return None
        value = exif.orientation
        return value if value is not None and 1 <= value <= 8 else None
    return None


class JpegHandler(FormatHandler):
    name = "jpeg"

    def __init__(self) -> None:
        # clean() parses the same bytes objects several times (inspect, clean, verify):
        # remember the last few parses, keyed by object identity (kept alive here).
        self._memo: list[tuple[bytes, ParsedJpeg]] = []

    def _parse(self, data: bytes, limits: Limits) -> ParsedJpeg:
        for obj, parsed in self._memo:
            if obj is data:
                return parsed
        # The previous parse (the original, when this is its cleaned output) as a hint.
        parsed = parse(data, limits, self._memo[-1][1] if self._memo else None)
        self._memo = [*self._memo[-2:], (data, parsed)]
        return parsed

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        parsed = self._parse(data, limits)
        rep = MetadataReport("jpeg")
        rep.add("File", "ImageSize", f"{parsed.width}x{parsed.height}", RiskClass.HARMLESS)
        icc = 0
        segments = parsed.segments
        for index, kind in enumerate(parsed.kinds):
            if not kind:  # SOI and the picture
                continue
            marker, raw = segments[index]
            if not isinstance(raw, bytes):  # not reached: scan data have no kind
                continue
            if kind == "jfif":
                p = raw[4:]
                rep.add(
                    "JFIF",
                    "JFIFVersion",
                    f"{p[5]}.{p[6]:02d}" if len(p) > 6 else "?",
                    RiskClass.HARMLESS,
                )
                if len(p) >= 14 and p[12] * p[13] > 0:
                    rep.add(
                        "JFIF",
                        "JFIFThumbnail",
                        f"{p[12]}x{p[13]}",
                        RiskClass.IDENTIFYING,
                        blob_needles(p[14:]),
                    )
            elif kind == "exif":
                report_exif(rep, raw, parsed=parsed.exif_of(index), base=_EXIF_AT)
            elif kind == "xmp":
                report_xmp(rep, raw[4 + len(XMP_HDR) :])
            elif kind == "xmp-ext":
                rep.add(
                    "XMP",
                    "ExtendedXMP",
                    f"{len(raw) - 4} bytes",
                    RiskClass.IDENTIFYING,
                    blob_needles(raw[4 + len(XMP_EXT_HDR) + 40 :]),
                )
            elif kind == "icc":
                icc += len(raw) - 4
            elif kind == "adobe":
                rep.add("Adobe", "APP14Adobe", "colour transform", RiskClass.HARMLESS)
            elif kind == "photoshop":
                report_photoshop(rep, raw[4 + len(PS_HDR) :])
            elif kind == "mpf":
                rep.add("MPF", "MultiPictureFormat", f"{len(raw) - 4} bytes", RiskClass.IDENTIFYING)
            elif marker == COM:
                text = raw[4:].decode("utf-8", "replace")
                rep.add("Comment", "Comment", text, RiskClass.IDENTIFYING, text_needles(text))
            else:
                p = raw[4:]
                label = p[:12].split(b"\x00", 1)[0].decode("ascii", "replace")
                rep.add(
                    f"APP{marker - APP0}",
                    label or "unnamed",
                    f"{len(p)} bytes",
                    RiskClass.IDENTIFYING,
                    blob_needles(p),
                )
        if icc:
            rep.add("ICC_Profile", "ICCProfile", f"{icc} bytes", RiskClass.HARMLESS)
        if parsed.trailer:
            rep.add(
                "Trailer",
                "DataAfterEndOfImage",
                f"{len(parsed.trailer)} bytes",
                RiskClass.IDENTIFYING,
                blob_needles(parsed.trailer),
            )
        return rep

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        parsed = self._parse(data, limits)
        out, notes = _plan(parsed)
        return b"".join(out), notes

    def is_fixed_point(self, data: bytes, limits: Limits, *, accept_flattening: bool) -> bool:
        """Exactly ``clean(data)[0] == data``, without building the copy: the pieces
        the cleaner would join are the file's own segments, in order, with nothing
        between them (no fill bytes) and nothing after EOI."""
        parsed = self._parse(data, limits)
        pieces, _notes = _plan(parsed)
        raws = [seg.raw for seg in parsed.segments]
        return not parsed.trailer and sum(map(len, raws)) == len(data) and same_bytes(pieces, raws)

    def structural_problems(self, cleaned: bytes, original: bytes, limits: Limits) -> list[str]:
        problems: list[str] = []
        after = self._parse(cleaned, limits)
        before = self._parse(original, limits)
        if after.trailer:
            problems.append("jpeg: data after end of image")
        if not same_bytes(image_signature(after), image_signature(before)):
            problems.append("jpeg: image data or tables changed")
        for seg, kind in zip(after.segments, after.kinds, strict=True):
            if kind and kind not in _ALLOWED_KINDS:
                problems.append(f"jpeg: segment 0x{seg.marker:02x} ({kind}) left")
        return problems

    def allowed_after(self, item: MetadataItem) -> bool:
        return item.risk is RiskClass.HARMLESS and item.group in (
            "File",
            "JFIF",
            "EXIF",
            "ICC_Profile",
            "Adobe",
        )


def _plan(parsed: ParsedJpeg) -> tuple[list[Buffer], list[str]]:
    """The pieces of the cleaned file, in order (kept segments are the parsed objects
    themselves, so comparing a plan with a file's segments is cheap), and notes."""
    orientation = _orientation(parsed)
    out: list[Buffer] = [parsed.segments[0].raw]
    notes: list[str] = ["lossless: segments removed, image data copied unchanged"]
    add = out.append
    pairs = zip(parsed.segments, parsed.kinds, strict=True)
    next(pairs)  # SOI, above
    for seg, kind in pairs:
        if not kind or kind in _PICTURE_KINDS:  # the picture, ICC profile, Adobe
            add(seg.raw)
            continue
        raw = seg.raw  # payload = raw[4:], read in place
        if kind == "jfif" and isinstance(raw, bytes) and len(out) == 1 and len(raw) >= 18:
            if len(raw) == 18 and raw[16] == raw[17] == 0:
                add(raw)  # already without thumbnail: the same bytes
            else:
                add(b"\xff\xe0" + struct.pack(">H", 16) + raw[4:16] + b"\x00\x00")
    if orientation is not None and orientation != 1:
        # Right after SOI (and JFIF, which must come first): only Orientation.
        out.insert(2 if bytes(out[1][:2]) == b"\xff\xe0" else 1, _app1_exif(orientation))
        notes.append(f"kept orientation {orientation} in a minimal EXIF block")
    if parsed.trailer:
        notes.append(f"removed {len(parsed.trailer)} bytes after end of image")
    return out, notes


def image_signature(parsed: ParsedJpeg) -> list[Buffer]:
    """Every byte that affects decoding: tables, frame, scans, ICC and Adobe segments."""
    kinds = iter(parsed.kinds)
    next(kinds)  # SOI
    return [seg.raw for seg in parsed.segments[1:] if next(kinds) in _SIGNATURE_KINDS]


def same_bytes(a: list[Buffer], b: list[Buffer]) -> bool:
    """``a == b`` by content, for lists of bytes and memoryviews: an object compared
    with itself is equal at once (the usual case: a cleaned file's scan data is its
    original's object), other pairs are compared as bytes (memoryview's own
    comparison goes byte by byte)."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if x is not y and (len(x) != len(y) or bytes(x) != bytes(y)):
            return False
    return True


def _app1_exif(orientation: int) -> bytes:
    body = EXIF_HDR + minimal_exif(orientation)
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
