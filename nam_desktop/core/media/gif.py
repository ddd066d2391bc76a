"""GIF: lossless, block-level removal of comments and application extensions.

Kept: header, screen descriptor, colour tables, images, graphic control extensions
(timing, transparency), plain-text extensions (rendered content), the NETSCAPE2.0 /
ANIMEXTS1.0 looping extension and the ICC profile extension. Dropped: comment
extensions, every other application extension (XMP, editor data), bytes after the trailer.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import FormatHandler, Limits
from nam_desktop.core.media.needles import blob_needles, text_needles
from nam_desktop.core.media.report import MetadataItem, MetadataReport, RiskClass

_KEEP_APPS = (b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012")


@dataclass(frozen=True)
class Block:
    kind: str  # "head", "image", "gce", "text", "app", "comment", "other-ext"
    raw: bytes
    label: bytes = b""
    payload: bytes = b""


def _sub_blocks(data: bytes, pos: int) -> tuple[int, bytes]:
    out: list[bytes] = []
    while True:
        if pos >= len(data):
            raise MalformedFileError("gif: truncated data sub-blocks")
        size = data[pos]
        pos += 1
        if size == 0:
            return pos, b"".join(out)
        if pos + size > len(data):
            raise MalformedFileError("gif: truncated data sub-block")
        out.append(data[pos : pos + size])
        pos += size


def parse(data: bytes, limits: Limits) -> tuple[list[Block], bytes]:
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        raise MalformedFileError("gif: bad header")
    width, height, flags = struct.unpack("<HHB", data[6:11])
    if width * height > limits.max_pixels:
        raise MalformedFileError("gif: picture larger than the pixel limit")
    pos = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    blocks = [Block("head", data[:pos])]
    while True:
        if pos >= len(data):
            raise MalformedFileError("gif: truncated (no trailer)")
        intro = data[pos]
        start = pos
        if intro == 0x3B:
            blocks.append(Block("trailer", b"\x3b"))
            return blocks, data[pos + 1 :]
        if intro == 0x2C:
            if pos + 10 > len(data):
                raise MalformedFileError("gif: truncated image descriptor")
            lflags = data[pos + 9]
            pos += 10 + (3 * 2 ** ((lflags & 7) + 1) if lflags & 0x80 else 0)
            pos += 1  # LZW minimum code size
            pos, _ = _sub_blocks(data, pos)
            blocks.append(Block("image", data[start:pos]))
        elif intro == 0x21 and pos + 1 < len(data):
            label = data[pos + 1 : pos + 2]
            pos, payload = _sub_blocks(data, pos + 2)
            kind = {b"\xf9": "gce", b"\x01": "text", b"\xff": "app", b"\xfe": "comment"}.get(
                label, "other-ext"
            )
            blocks.append(Block(kind, data[start:pos], label, payload))
        else:
            raise MalformedFileError(f"gif: unknown block 0x{intro:02x}")


def _keep(block: Block) -> bool:
    if block.kind in ("head", "image", "gce", "text", "trailer"):
        return True
    return block.kind == "app" and block.payload[:11] in _KEEP_APPS


class GifHandler(FormatHandler):
    name = "gif"

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        blocks, trailer = parse(data, limits)
        rep = MetadataReport("gif")
        width, height = struct.unpack("<HH", data[6:10])
        rep.add("File", "ImageSize", f"{width}x{height}", RiskClass.HARMLESS)
        for block in blocks:
            if block.kind == "comment":
                text = block.payload.decode("latin-1")
                rep.add("GIF", "Comment", text, RiskClass.IDENTIFYING, text_needles(text))
            elif block.kind == "app":
                ident = block.payload[:11].decode("latin-1")
                risk = RiskClass.HARMLESS if _keep(block) else RiskClass.IDENTIFYING
                rep.add(
                    "GIF",
                    f"Application:{ident}",
                    f"{len(block.payload)} bytes",
                    risk,
                    blob_needles(block.payload[11:]) if risk is RiskClass.IDENTIFYING else (),
                )
            elif block.kind == "other-ext":
                rep.add(
                    "GIF",
                    "Extension",
                    f"{len(block.raw)} bytes",
                    RiskClass.IDENTIFYING,
                    blob_needles(block.payload),
                )
        if trailer:
            rep.add(
                "Trailer",
                "DataAfterTrailer",
                f"{len(trailer)} bytes",
                RiskClass.IDENTIFYING,
                blob_needles(trailer),
            )
        return rep

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        blocks, _ = parse(data, limits)
        out = b"".join(b.raw for b in blocks if _keep(b))
        return out, ["lossless: extension blocks removed, images copied unchanged"]

    def structural_problems(self, cleaned: bytes, original: bytes, limits: Limits) -> list[str]:
        def images(d: bytes) -> list[bytes]:
            return [b.raw for b in parse(d, limits)[0] if b.kind in ("head", "image", "gce")]

        return [] if images(cleaned) == images(original) else ["gif: image data changed"]

    def allowed_after(self, item: MetadataItem) -> bool:
        return item.risk is RiskClass.HARMLESS
