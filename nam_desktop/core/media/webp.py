"""WebP: lossless, chunk-level removal of EXIF and XMP.

Kept: VP8/VP8L/VP8X, ALPH, ANIM/ANMF (animation), ICCP (colours). Dropped: EXIF (replaced
by a minimal one when the picture is rotated), XMP and any unknown chunk; the VP8X flags
are updated to match.
"""

from __future__ import annotations

import struct

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import FormatHandler, Limits, is_icc_profile
from nam_desktop.core.media.exif import minimal_exif, report_exif
from nam_desktop.core.media.needles import blob_needles
from nam_desktop.core.media.report import MetadataItem, MetadataReport, RiskClass
from nam_desktop.core.media.xmp import report_xmp

_IMAGE = (b"VP8 ", b"VP8L", b"ALPH", b"ANIM", b"ANMF")
_KEEP = (b"VP8X", b"ICCP", *_IMAGE)
_FLAG_EXIF, _FLAG_XMP = 0x08, 0x04


def parse(data: bytes, limits: Limits) -> list[tuple[bytes, bytes]]:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise MalformedFileError("webp: bad header")
    (size,) = struct.unpack("<L", data[4:8])
    end = 8 + size
    if end > len(data) or size < 4:
        raise MalformedFileError("webp: truncated")
    pos = 12
    chunks: list[tuple[bytes, bytes]] = []
    while pos + 8 <= end:
        cid = data[pos : pos + 4]
        (clen,) = struct.unpack("<L", data[pos + 4 : pos + 8])
        if pos + 8 + clen > end:
            raise MalformedFileError("webp: chunk out of range")
        chunks.append((cid, data[pos + 8 : pos + 8 + clen]))
        pos += 8 + clen + (clen & 1)
    if not any(c in _IMAGE for c, _ in chunks):
        raise MalformedFileError("webp: no image data")
    if any(c == b"ICCP" and not is_icc_profile(body) for c, body in chunks):
        raise MalformedFileError("webp: ICCP chunk is not an ICC profile")
    for cid, body in chunks:
        if cid == b"VP8X" and len(body) >= 10:
            w = 1 + int.from_bytes(body[4:7], "little")
            h = 1 + int.from_bytes(body[7:10], "little")
            if w * h > limits.max_pixels:
                raise MalformedFileError("webp: picture larger than the pixel limit")
    if end < len(data):
        chunks.append((b"", data[end:]))
    return chunks


def _chunk(cid: bytes, body: bytes) -> bytes:
    return cid + struct.pack("<L", len(body)) + body + b"\x00" * (len(body) & 1)


class WebpHandler(FormatHandler):
    name = "webp"

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        rep = MetadataReport("webp")
        for cid, body in parse(data, limits):
            if cid == b"EXIF":
                report_exif(rep, body[6:] if body.startswith(b"Exif\x00\x00") else body)
            elif cid == b"XMP ":
                report_xmp(rep, body)
            elif cid == b"ICCP":
                rep.add("ICC_Profile", "ICCProfile", f"{len(body)} bytes", RiskClass.HARMLESS)
            elif cid == b"":
                rep.add(
                    "Trailer",
                    "DataAfterRIFF",
                    f"{len(body)} bytes",
                    RiskClass.IDENTIFYING,
                    blob_needles(body),
                )
            elif cid not in _KEEP:
                rep.add(
                    "WebP",
                    cid.decode("latin-1"),
                    f"{len(body)} bytes",
                    RiskClass.IDENTIFYING,
                    blob_needles(body),
                )
        return rep

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        chunks = parse(data, limits)
        orientation = None
        for cid, body in chunks:
            if cid == b"EXIF":
                exif = report_exif(
                    MetadataReport("webp"), body[6:] if body.startswith(b"Exif\x00\x00") else body
                )
                if exif is not None and exif.orientation and 1 < exif.orientation <= 8:
                    orientation = exif.orientation
        parts = []
        notes = ["lossless: chunks removed, image data copied unchanged"]
        for cid, body in chunks:
            if cid == b"VP8X" and len(body) >= 10:
                flags = body[0] & ~(_FLAG_EXIF | _FLAG_XMP)
                if orientation:
                    flags |= _FLAG_EXIF
                parts.append(_chunk(cid, bytes([flags]) + body[1:]))
            elif cid in _KEEP:
                parts.append(_chunk(cid, body))
        if orientation and any(c == b"VP8X" for c, _ in chunks):
            parts.append(_chunk(b"EXIF", minimal_exif(orientation)))  # EXIF goes last
            notes.append(f"kept orientation {orientation} in a minimal EXIF chunk")
        payload = b"WEBP" + b"".join(parts)
        return b"RIFF" + struct.pack("<L", len(payload)) + payload, notes

    def structural_problems(self, cleaned: bytes, original: bytes, limits: Limits) -> list[str]:
        def image(d: bytes) -> list[bytes]:
            return [body for cid, body in parse(d, limits) if cid in _IMAGE or cid == b"ICCP"]

        return [] if image(cleaned) == image(original) else ["webp: image data changed"]

    def allowed_after(self, item: MetadataItem) -> bool:
        return item.risk is RiskClass.HARMLESS
