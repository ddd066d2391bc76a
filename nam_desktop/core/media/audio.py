"""Audio: MP3, FLAC, WAV (byte level, own parsers) and Ogg Vorbis/Opus (mutagen, in memory).

Audio frames are copied unchanged; only tag containers are dropped:
- MP3: ID3v2 (all, leading), ID3v1 and ID3v1 "TAG+", APEv2, Lyrics3v2.
- FLAC: every metadata block but STREAMINFO and SEEKTABLE (Vorbis comments, pictures,
  padding, application blocks, cue sheets), plus a leading ID3v2 tag.
- WAV: every RIFF chunk but ``fmt ``, ``fact`` and ``data`` (LIST/INFO, id3, bext, iXML,
  XMP, EXIF...).
- Ogg: the comment header is emptied (the encoder's vendor string stays: it is required).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Callable
from typing import Any, ClassVar

import mutagen
from mutagen.id3 import ID3, ID3NoHeaderError
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import FormatHandler, Limits, NotCheckable
from nam_desktop.core.media.detect import is_mpeg_audio_header
from nam_desktop.core.media.needles import blob_needles, text_needles
from nam_desktop.core.media.report import MetadataItem, MetadataReport, RiskClass

IDF, SEN, HRM = RiskClass.IDENTIFYING, RiskClass.SENSITIVE, RiskClass.HARMLESS
_SENSITIVE_ID3 = ("TDRC", "TYER", "TDAT", "TIME", "TSSE", "TENC", "TLEN", "TFLT", "TDEN", "TDTG")
_SENSITIVE_VORBIS = {"date", "encoder", "encoded_by", "encoding"}


# mutagen raises its own errors, but also plain ones on hostile input.
_MUTAGEN_ERRORS = (
    mutagen.MutagenError,
    ValueError,
    struct.error,
    EOFError,
    IndexError,
    KeyError,
    OverflowError,
    TypeError,
    UnicodeError,
)


def _mutagen_version() -> dict[str, str]:
    return {"mutagen": mutagen.version_string}


def _vorbis_risk(key: str) -> RiskClass:
    low = key.lower()
    if low.startswith("replaygain_"):
        return HRM
    return SEN if low in _SENSITIVE_VORBIS else IDF


def _report_id3(rep: MetadataReport, tagdata: bytes, group: str = "ID3v2") -> None:
    try:
        tags = ID3(io.BytesIO(tagdata))  # type: ignore[no-untyped-call]  # mutagen untyped
    except (ID3NoHeaderError, *_MUTAGEN_ERRORS) as exc:
        rep.add(
            group,
            "UnreadableID3",
            f"{len(tagdata)} bytes ({type(exc).__name__})",
            IDF,
            blob_needles(tagdata),
        )
        return
    for key, frame in tags.items():  # type: ignore[no-untyped-call]  # mutagen untyped
        risk = SEN if key.startswith(_SENSITIVE_ID3) else IDF
        data = getattr(frame, "data", None)
        if isinstance(data, bytes):
            rep.add(group, key, f"{len(data)} bytes", risk, blob_needles(data))
            continue
        text = str(frame)
        rep.add(group, key, text, risk, text_needles(text) if risk is IDF else ())


# ---------------------------------------------------------------- MP3


def _id3v2_size(data: bytes, pos: int) -> int:
    if data[pos : pos + 3] != b"ID3" or len(data) < pos + 10:
        return 0
    b = data[pos + 6 : pos + 10]
    if any(x & 0x80 for x in b):
        raise MalformedFileError("mp3: bad ID3v2 size")
    size = (b[0] << 21) | (b[1] << 14) | (b[2] << 7) | b[3]
    footer = 10 if data[pos + 5] & 0x10 else 0
    return 10 + size + footer


def _split_mp3(data: bytes) -> tuple[list[bytes], bytes, list[tuple[str, bytes]]]:
    """(leading ID3v2 tags, audio, trailing tags as (kind, bytes))."""
    heads: list[bytes] = []
    pos = 0
    while (size := _id3v2_size(data, pos)) > 0:
        heads.append(data[pos : pos + size])
        pos = min(len(data), pos + size)
    end = len(data)
    tails: list[tuple[str, bytes]] = []
    for _ in range(8):
        if end - pos >= 128 and data[end - 128 : end - 125] == b"TAG":
            tails.append(("ID3v1", data[end - 128 : end]))
            end -= 128
            if end - pos >= 227 and data[end - 227 : end - 223] == b"TAG+":
                tails.append(("ID3v1+", data[end - 227 : end]))
                end -= 227
        elif end - pos >= 32 and data[end - 32 : end - 24] == b"APETAGEX":
            (size, flags) = (
                struct.unpack("<LL", data[end - 20 : end - 12])[0],
                struct.unpack("<L", data[end - 12 : end - 8])[0],
            )
            total = size + (32 if flags & 0x80000000 else 0)
            if total > end - pos:
                raise MalformedFileError("mp3: bad APE tag size")
            tails.append(("APEv2", data[end - total : end]))
            end -= total
        elif end - pos >= 15 and data[end - 9 : end] == b"LYRICS200":
            digits = data[end - 15 : end - 9]
            if not digits.isdigit() or int(digits) + 15 > end - pos:
                raise MalformedFileError("mp3: bad Lyrics3 size")
            total = int(digits) + 15
            tails.append(("Lyrics3", data[end - total : end]))
            end -= total
        else:
            break
    return heads, data[pos:end], tails


# kbit/s by (MPEG-1?, layer 1..3) and bitrate index 1..14; sample rates by version.
_BITRATES = {
    (True, 1): (32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _frame_length(head: bytes) -> int | None:
    """Length of the MPEG audio frame starting with ``head``; None if not a header
    or free format (length unknown)."""
    if not is_mpeg_audio_header(head) or head[2] >> 4 == 0:
        return None
    version, layer_bits = (head[1] >> 3) & 3, (head[1] >> 1) & 3
    layer = 4 - layer_bits
    mpeg1 = version == 3
    kbps = _BITRATES[(mpeg1, layer)][(head[2] >> 4) - 1]
    rate = _RATES[version][(head[2] >> 2) & 3]
    pad = (head[2] >> 1) & 1
    if layer == 1:
        return (12 * kbps * 1000 // rate + pad) * 4
    per = 144 if mpeg1 or layer == 2 else 72
    return per * kbps * 1000 // rate + pad


def _frames_chain(audio: bytes) -> bool:
    """The audio is MPEG frames from its first byte to its last: each header valid,
    of the same version, layer and sample rate as the first, and the next one exactly
    where the previous frame ends. The last frame may be cut short (a recording that
    stopped), but only after a complete one: a single cut "frame" is any bytes that
    happen to start like a header (a damaged JPEG starting FF FF D8 does), unless it is
    only a header."""
    pos = complete = 0
    first = b""
    while pos < len(audio):
        head = audio[pos : pos + 4]
        if not is_mpeg_audio_header(head):
            return False
        if not first:
            first = head
        elif (head[1] & 0xFE, head[2] & 0x0C) != (first[1] & 0xFE, first[2] & 0x0C):
            return False
        length = _frame_length(head)
        if length is None:  # free format: frames cannot be located without decoding
            raise NotCheckable("MP3 with a free-format bitrate: its frames are not located")
        if pos + length > len(audio):
            # Cut short: after complete frames, or a lone header whose audio was
            # stripped (sample files).
            return complete > 0 or len(audio) - pos <= 4
        pos += length
        complete += 1
    return True


class Mp3Handler(FormatHandler):
    name = "mp3"

    def tool_versions(self) -> dict[str, str]:
        return _mutagen_version()

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        rep = MetadataReport("mp3")
        heads, audio, tails = _split_mp3(data)
        if audio and not _frames_chain(audio):
            raise MalformedFileError("mp3: no MPEG audio frames after the tags")
        for head in heads:
            _report_id3(rep, head)
        for kind, tail in tails:
            if kind == "ID3v1":
                for name, a, b in (
                    ("Title", 3, 33),
                    ("Artist", 33, 63),
                    ("Album", 63, 93),
                    ("Year", 93, 97),
                    ("Comment", 97, 127),
                ):
                    text = tail[a:b].split(b"\x00", 1)[0].decode("latin-1").strip()
                    if text:
                        risk = SEN if name == "Year" else IDF
                        rep.add("ID3v1", name, text, risk, text_needles(text))
            else:
                rep.add(kind, kind, f"{len(tail)} bytes", IDF, blob_needles(tail))
        return rep

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        _heads, audio, _tails = _split_mp3(data)
        return audio, ["lossless: tag blocks removed, audio frames copied unchanged"]


# ---------------------------------------------------------------- FLAC


def _crc8(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def _flac_frame_header(data: bytes, pos: int) -> bool:
    """A FLAC frame header at ``pos``: sync code, a coded frame or sample number, the
    optional block size and sample rate bytes, and a matching CRC-8."""
    head = data[pos : pos + 16]
    if len(head) < 6 or head[0] != 0xFF or head[1] not in (0xF8, 0xF9):
        return False
    first = head[4]
    extra = 0
    while extra < 7 and first & (0x80 >> extra):
        extra += 1
    if extra == 1 or extra > 7:
        return False  # a continuation byte cannot start the number
    end = 5 + max(0, extra - 1)
    size_bits, rate_bits = head[2] >> 4, head[2] & 0x0F
    end += 1 if size_bits == 6 else 2 if size_bits == 7 else 0
    end += 1 if rate_bits == 12 else 2 if rate_bits in (13, 14) else 0
    if size_bits == 0 or rate_bits == 15 or end >= len(head):
        return False
    return _crc8(head[:end]) == head[end]


def _flac_blocks(data: bytes) -> tuple[int, list[tuple[int, bytes]], int]:
    """(offset of 'fLaC', [(type, block body)], offset of the first audio frame)."""
    start = _id3v2_size(data, 0)
    if data[start : start + 4] != b"fLaC":
        raise MalformedFileError("flac: bad signature")
    pos = start + 4
    blocks: list[tuple[int, bytes]] = []
    while True:
        if pos + 4 > len(data):
            raise MalformedFileError("flac: truncated metadata")
        header = data[pos]
        (size,) = struct.unpack(">L", b"\x00" + data[pos + 1 : pos + 4])
        if pos + 4 + size > len(data) or (header & 0x7F) == 127:
            raise MalformedFileError("flac: bad metadata block")
        blocks.append((header & 0x7F, data[pos + 4 : pos + 4 + size]))
        pos += 4 + size
        if header & 0x80:
            break
    if not blocks or blocks[0][0] != 0 or len(blocks[0][1]) != 34:
        raise MalformedFileError("flac: STREAMINFO missing")
    if pos < len(data) and not _flac_frame_header(data, pos):
        # Frames start with a sync code and a header with its own CRC-8: bytes that do
        # not are not audio (the end of a block whose size was wrong, hidden data), and
        # are not kept as if they were.
        raise MalformedFileError("flac: the audio does not start with a frame")
    return start, blocks, pos


def _report_vorbis_comment(rep: MetadataReport, body: bytes, group: str) -> None:
    try:
        (vlen,) = struct.unpack("<L", body[:4])
        vendor = body[4 : 4 + vlen].decode("utf-8", "replace")
        pos = 4 + vlen
        (count,) = struct.unpack("<L", body[pos : pos + 4])
        pos += 4
        rep.add(group, "Vendor", vendor, SEN)
        for _ in range(min(count, 10_000)):
            (clen,) = struct.unpack("<L", body[pos : pos + 4])
            entry = body[pos + 4 : pos + 4 + clen].decode("utf-8", "replace")
            pos += 4 + clen
            key, _, value = entry.partition("=")
            risk = _vorbis_risk(key)
            rep.add(group, key, value, risk, text_needles(value) if risk is IDF else ())
    except struct.error:
        rep.add(group, "UnreadableComment", f"{len(body)} bytes", IDF, blob_needles(body))


class FlacHandler(FormatHandler):
    name = "flac"
    _KEEP = (0, 3)  # STREAMINFO, SEEKTABLE
    _NAMES: ClassVar[dict[int, str]] = {
        1: "Padding",
        2: "Application",
        4: "VorbisComment",
        5: "CueSheet",
        6: "Picture",
    }

    def tool_versions(self) -> dict[str, str]:
        return _mutagen_version()

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        rep = MetadataReport("flac")
        start, blocks, _ = _flac_blocks(data)
        if start:
            _report_id3(rep, data[:start])
        for btype, body in blocks:
            if btype == 4:
                _report_vorbis_comment(rep, body, "Vorbis")
            elif btype == 1:
                if body.strip(b"\x00"):
                    rep.add("FLAC", "Padding", "non-zero bytes", IDF, blob_needles(body))
            elif btype not in self._KEEP:
                rep.add(
                    "FLAC",
                    self._NAMES.get(btype, f"Block{btype}"),
                    f"{len(body)} bytes",
                    IDF,
                    blob_needles(body),
                )
        return rep

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        _start, blocks, audio = _flac_blocks(data)
        kept = [(t, b) for t, b in blocks if t in self._KEEP]
        out = [b"fLaC"]
        for i, (btype, body) in enumerate(kept):
            last = 0x80 if i == len(kept) - 1 else 0
            out.append(bytes([btype | last]) + struct.pack(">L", len(body))[1:] + body)
        out.append(data[audio:])
        return b"".join(out), ["lossless: metadata blocks removed, audio frames unchanged"]


# ---------------------------------------------------------------- WAV


def _riff_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise MalformedFileError("wav: bad RIFF header")
    pos, end = 12, min(len(data), 8 + struct.unpack("<L", data[4:8])[0])
    chunks: list[tuple[bytes, bytes]] = []
    while pos + 8 <= end:
        cid = data[pos : pos + 4]
        (size,) = struct.unpack("<L", data[pos + 4 : pos + 8])
        if pos + 8 + size > len(data):
            raise MalformedFileError("wav: chunk out of range")
        chunks.append((cid, data[pos + 8 : pos + 8 + size]))
        pos += 8 + size + (size & 1)
    if not any(c == b"fmt " for c, _ in chunks):
        raise MalformedFileError("wav: fmt chunk missing")
    return chunks


class WavHandler(FormatHandler):
    name = "wav"
    _KEEP = (b"fmt ", b"fact", b"data")

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        rep = MetadataReport("wav")
        for cid, body in _riff_chunks(data):
            name = cid.decode("latin-1")
            if cid in self._KEEP:
                continue
            if cid.lower() == b"id3 ":
                _report_id3(rep, body)
            elif cid == b"LIST" and body[:4] == b"INFO":
                pos = 4
                while pos + 8 <= len(body):
                    sub = body[pos : pos + 4].decode("latin-1")
                    (size,) = struct.unpack("<L", body[pos + 4 : pos + 8])
                    text = body[pos + 8 : pos + 8 + size].split(b"\x00", 1)[0].decode("latin-1")
                    risk = SEN if sub in ("ICRD", "ISFT") else IDF
                    rep.add("RIFF-INFO", sub, text, risk, text_needles(text) if risk is IDF else ())
                    pos += 8 + size + (size & 1)
            else:
                label = name if cid != b"LIST" else "LIST-" + body[:4].decode("latin-1")
                rep.add("RIFF", label, f"{len(body)} bytes", IDF, blob_needles(body))
        return rep

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        parts = []
        for cid, body in _riff_chunks(data):
            if cid in self._KEEP:
                parts.append(cid + struct.pack("<L", len(body)) + body + b"\x00" * (len(body) & 1))
        payload = b"WAVE" + b"".join(parts)
        return b"RIFF" + struct.pack("<L", len(payload)) + payload, [
            "lossless: chunks removed, audio data unchanged"
        ]


# ---------------------------------------------------------------- Ogg


def _ogg_pages_end(data: bytes) -> int:
    """Where the chain of Ogg pages from the start ends. Bytes after it are a trailer
    (reported, dropped); a page after non-page bytes means hidden data between pages,
    which this cleaner does not tell from audio: malformed."""
    pos = 0
    while pos + 27 <= len(data) and data.startswith(b"OggS", pos) and data[pos + 4] == 0:
        count = data[pos + 26]
        end = pos + 27 + count + sum(data[pos + 27 : pos + 27 + count])
        # A recording cut short ends inside its last page: what is there belongs to
        # that page (nothing can follow it).
        pos = min(end, len(data)) if pos + 27 + count <= len(data) else len(data)
    if pos == 0:
        raise MalformedFileError("ogg: no page")
    if data.find(b"OggS", pos) >= 0:
        raise MalformedFileError("ogg: bytes between pages")
    return pos


class OggHandler(FormatHandler):
    def __init__(self, name: str) -> None:
        self.name = name
        self._cls = OggOpus if name == "opus" else OggVorbis

    def tool_versions(self) -> dict[str, str]:
        return _mutagen_version()

    def _load(self, buf: io.BytesIO) -> Any:
        try:
            return self._cls(buf)
        except _MUTAGEN_ERRORS as exc:
            raise MalformedFileError(f"{self.name}: unreadable ({type(exc).__name__})") from exc

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        rep = MetadataReport(self.name)
        end = _ogg_pages_end(data)
        f = self._load(io.BytesIO(data))
        if end < len(data):
            tail = data[end:]
            rep.add("Trailer", "DataAfterLastPage", f"{len(tail)} bytes", IDF, blob_needles(tail))
        if f.tags is not None:
            rep.add("Vorbis", "Vendor", f.tags.vendor, SEN)
            for key, value in f.tags:
                risk = _vorbis_risk(key)
                rep.add("Vorbis", key, value, risk, text_needles(value) if risk is IDF else ())
        return rep

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        end = _ogg_pages_end(data)
        buf = io.BytesIO(data[:end])
        f = self._load(buf)
        try:
            if f.tags is not None and len(f.tags):
                f.tags.clear()
                buf.seek(0)
                f.save(buf)
        except _MUTAGEN_ERRORS as exc:
            raise MalformedFileError(f"{self.name}: cannot rewrite comments") from exc
        notes = ["comment header emptied; audio pages unchanged"]
        if end < len(data):
            notes.append(f"removed {len(data) - end} bytes after the last page")
        return buf.getvalue(), notes

    def allowed_after(self, item: MetadataItem) -> bool:
        return item.risk is HRM or (item.group == "Vorbis" and item.name == "Vendor")


AUDIO_HANDLERS: dict[str, Callable[[], FormatHandler]] = {
    "mp3": Mp3Handler,
    "flac": FlacHandler,
    "wav": WavHandler,
    "ogg": lambda: OggHandler("ogg"),
    "opus": lambda: OggHandler("opus"),
}
