"""PNG: lossless, chunk-level metadata removal.

Kept: critical chunks (IHDR, PLTE, IDAT, IEND), APNG animation chunks, and the
ancillary chunks that change how pixels look (tRNS, gAMA, cHRM, sRGB, iCCP, sBIT, cICP,
mDCv, cLLi, bKGD, pHYs). Dropped: tEXt, zTXt, iTXt (incl. XMP), eXIf (replaced by a
minimal one when the picture is rotated), tIME, and every other ancillary chunk.
An unknown critical chunk makes the file unreadable for us: refused as malformed.
"""

from __future__ import annotations

import struct
import zlib

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import FormatHandler, Limits, is_icc_profile
from nam_desktop.core.media.exif import minimal_exif, report_exif
from nam_desktop.core.media.needles import blob_needles, text_needles
from nam_desktop.core.media.report import MetadataItem, MetadataReport, RiskClass
from nam_desktop.core.media.xmp import report_xmp

SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_TEXT_INFLATE = 16 * 1024 * 1024
_CRITICAL = {b"IHDR", b"PLTE", b"IDAT", b"IEND"}
_KEEP = _CRITICAL | {
    b"acTL",
    b"fcTL",
    b"fdAT",
    b"tRNS",
    b"gAMA",
    b"cHRM",
    b"sRGB",
    b"iCCP",
    b"sBIT",
    b"cICP",
    b"mDCv",
    b"cLLi",
    b"bKGD",
    b"pHYs",
}
_IMAGE = _KEEP  # every kept chunk affects rendering, and is compared before/after


def parse(data: bytes, limits: Limits) -> list[tuple[bytes, bytes, bytes]]:
    """List of (type, body, raw chunk bytes); checks lengths, CRCs, IHDR and IEND."""
    if not data.startswith(SIGNATURE):
        raise MalformedFileError("png: bad signature")
    pos, n = 8, len(data)
    chunks: list[tuple[bytes, bytes, bytes]] = []
    while True:
        if pos + 12 > n:
            raise MalformedFileError("png: truncated (no IEND)")
        (length,) = struct.unpack(">L", data[pos : pos + 4])
        ctype = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if length > 2**31 - 1 or end > n or not ctype.isalpha():
            raise MalformedFileError("png: chunk out of range")
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">L", data[end - 4 : end])
        if zlib.crc32(ctype + body) != crc:
            raise MalformedFileError(f"png: bad CRC in {ctype.decode('ascii')} chunk")
        if not chunks and ctype != b"IHDR":
            raise MalformedFileError("png: first chunk is not IHDR")
        if ctype == b"IHDR" and (chunks or length != 13):
            raise MalformedFileError("png: IHDR is not one 13-byte chunk")
        if ctype[0:1].isupper() and ctype not in _CRITICAL:
            raise MalformedFileError(f"png: unknown critical chunk {ctype.decode('ascii')}")
        chunks.append((ctype, body, data[pos:end]))
        pos = end
        if ctype == b"IEND":
            break
    for ctype, body, _raw in chunks:
        if ctype == b"iCCP" and not _iccp_ok(body):
            raise MalformedFileError("png: iCCP chunk is not an ICC profile")
    w, h = struct.unpack(">LL", chunks[0][1][:8])
    if w * h > limits.max_pixels:
        raise MalformedFileError("png: picture larger than the pixel limit")
    if pos != n:
        chunks.append((b"", b"", data[pos:]))  # trailing data
    return chunks


def _iccp_ok(body: bytes) -> bool:
    """iCCP: a name, a NUL, method 0, then the zlib-compressed profile."""
    _name, sep, rest = body.partition(b"\x00")
    if not sep or rest[:1] != b"\x00":
        return False
    try:
        return is_icc_profile(_inflate(rest[1:]))
    except zlib.error:
        return False


def _inflate(body: bytes) -> bytes:
    d = zlib.decompressobj()
    out = d.decompress(body, MAX_TEXT_INFLATE)
    return out


def _text(ctype: bytes, body: bytes) -> tuple[str, bytes]:
    key, _, rest = body.partition(b"\x00")
    if ctype == b"zTXt":
        rest = _inflate(rest[1:])
    elif ctype == b"iTXt":
        flag = rest[0:1]
        rest = rest[2:]
        _lang, _, rest = rest.partition(b"\x00")
        _tkey, _, rest = rest.partition(b"\x00")
        if flag == b"\x01":
            rest = _inflate(rest)
    return key.decode("latin-1"), rest


#: ImageMagick's text chunks that carry an EXIF block as hex ("Raw profile type exif";
#: older versions name it after the JPEG segment: "APP1").
_RAW_EXIF_KEYS = ("raw profile type exif", "raw profile type app1")


def raw_profile(value: bytes) -> bytes | None:
    """The bytes of an ImageMagick raw profile: a blank line, the profile's name, its
    length, then hex digits over several lines. None when it is not one."""
    lines = value.split(b"\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if len(lines) < 2 or not lines[1].strip().isdigit():
        return None
    length = int(lines[1].strip())
    digits = b"".join(b"".join(lines[2:]).split())
    if len(digits) < 2 * length:
        return None
    try:
        return bytes.fromhex(digits[: 2 * length].decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return None


def _raw_exif(key: str, value: bytes) -> bytes | None:
    """The TIFF block of an EXIF raw profile (its "Exif\\0\\0" prefix removed)."""
    if key.lower() not in _RAW_EXIF_KEYS:
        return None
    block = raw_profile(value)
    if block is None:
        return None
    return block[6:] if block.startswith(b"Exif\x00\x00") else block


def _chunk(ctype: bytes, body: bytes) -> bytes:
    return struct.pack(">L", len(body)) + ctype + body + struct.pack(">L", zlib.crc32(ctype + body))


def _orientation(chunks: list[tuple[bytes, bytes, bytes]]) -> int | None:
    """The EXIF orientation when it is not 1: from the eXIf chunk, else from an
    ImageMagick raw EXIF profile (what viewers that read either would show)."""
    blocks = [body for ctype, body, _ in chunks if ctype == b"eXIf"]
    for ctype, body, _ in chunks:
        if ctype in (b"tEXt", b"zTXt", b"iTXt"):
            try:
                block = _raw_exif(*_text(ctype, body))
            except (zlib.error, IndexError):
                block = None
            if block is not None:
                blocks.append(block)
    for block in blocks:
        exif = report_exif(MetadataReport("png"), block)
        if exif is not None and exif.orientation:
            return exif.orientation if 1 < exif.orientation <= 8 else None
    return None


class PngHandler(FormatHandler):
    name = "png"

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        rep = MetadataReport("png")
        chunks = parse(data, limits)
        w, h = struct.unpack(">LL", chunks[0][1][:8])
        rep.add("File", "ImageSize", f"{w}x{h}", RiskClass.HARMLESS)
        for ctype, body, raw in chunks:
            name = ctype.decode("ascii")
            if ctype in (b"tEXt", b"zTXt", b"iTXt"):
                try:
                    key, value = _text(ctype, body)
                except (zlib.error, IndexError):
                    rep.add(
                        "PNG",
                        name,
                        f"{len(body)} bytes (unreadable)",
                        RiskClass.IDENTIFYING,
                        blob_needles(body),
                    )
                    continue
                if key == "XML:com.adobe.xmp":
                    report_xmp(rep, value)
                    continue
                block = _raw_exif(key, value)
                if block is not None:
                    rep.add("PNG", key, f"{len(block)} bytes of EXIF", RiskClass.IDENTIFYING,
                            blob_needles(body, 1))  # fmt: skip
                    report_exif(rep, block, group="EXIF")
                    continue
                text = value.decode("utf-8", "replace")
                risk = (
                    RiskClass.SENSITIVE
                    if key.lower() in ("creation time", "software")
                    else RiskClass.IDENTIFYING
                )
                rep.add("PNG", key or name, text, risk, text_needles(text) + blob_needles(body, 1))
            elif ctype == b"eXIf":
                report_exif(rep, body)
            elif ctype == b"tIME":
                rep.add("PNG", "ModifyTime", body.hex(), RiskClass.SENSITIVE)
            elif ctype == b"iCCP":
                rep.add("ICC_Profile", "ICCProfile", f"{len(body)} bytes", RiskClass.HARMLESS)
            elif ctype == b"":
                rep.add(
                    "Trailer",
                    "DataAfterIEND",
                    f"{len(raw)} bytes",
                    RiskClass.IDENTIFYING,
                    blob_needles(raw),
                )
            elif ctype not in _KEEP:
                rep.add(
                    "PNG", name, f"{len(body)} bytes", RiskClass.IDENTIFYING, blob_needles(body)
                )
        return rep

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        chunks = parse(data, limits)
        orientation = _orientation(chunks)
        out = [SIGNATURE]
        notes = ["lossless: chunks removed, image data copied unchanged"]
        for ctype, _body, raw in chunks:
            if ctype in _KEEP:
                if ctype == b"IDAT" and orientation:
                    out.append(_chunk(b"eXIf", minimal_exif(orientation)))
                    notes.append(f"kept orientation {orientation} in a minimal eXIf chunk")
                    orientation = None
                out.append(raw)
        return b"".join(out), notes

    def structural_problems(self, cleaned: bytes, original: bytes, limits: Limits) -> list[str]:
        def sig(d: bytes) -> list[bytes]:
            return [raw for ctype, _, raw in parse(d, limits) if ctype in _IMAGE]

        problems = []
        after = parse(cleaned, limits)
        if after[-1][0] != b"IEND":
            problems.append("png: data after IEND")
        if sig(cleaned) != sig(original):
            problems.append("png: image chunks changed")
        return problems

    def allowed_after(self, item: MetadataItem) -> bool:
        return item.risk is RiskClass.HARMLESS and item.group in ("File", "EXIF", "ICC_Profile")
