"""Free text in the boxes of a kept MP4/MOV track: handler names, compressor names,
data references. Reported and emptied in place by the cleaner (``video.py``)."""

from __future__ import annotations

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import NotCheckable
from nam_desktop.core.media.isobmff import Atom, Buf, atoms
from nam_desktop.core.media.mp4_samples import handler_type
from nam_desktop.core.media.needles import blob_needles, raw_needles, text_needles
from nam_desktop.core.media.report import MetadataReport, RiskClass

IDF, SEN = RiskClass.IDENTIFYING, RiskClass.SENSITIVE
#: What a kept track's sample table may hold (the rest is freed by the cleaner).
STBL_KEEP = {
    b"stsd", b"stts", b"ctts", b"cslg", b"stss", b"stps", b"stsh", b"sdtp", b"stsc",
    b"stsz", b"stz2", b"stco", b"co64", b"padb", b"subs", b"sbgp", b"sgpd", b"saiz",
    b"saio",
}  # fmt: skip


def walk(boxes: list[Atom]) -> list[tuple[Atom, Atom | None]]:
    """Every box under ``boxes`` with its parent (None at the top), depth first."""
    out: list[tuple[Atom, Atom | None]] = []
    stack: list[tuple[Atom, Atom | None]] = [(b, None) for b in reversed(boxes)]
    while stack:
        box, parent = stack.pop()
        out.append((box, parent))
        stack.extend((c, box) for c in reversed(box.children))
    return out


def name_of(typ: bytes) -> str:
    """A box type for a report: its letters, or hex when they are not printable."""
    text = typ.decode("latin-1")
    return text if text.isprintable() else typ.hex()


#: Offset of ``compressorname`` (32 bytes, a Pascal string) in a visual sample entry's
#: body, ISO and QuickTime alike; the fixed part of such an entry is 78 bytes.
COMPRESSOR_AT, VISUAL_FIXED = 42, 78


#: Free text that every file of some writer carries: reported as software, not as
#: something identifying (it is normalised all the same).
GENERIC_TEXT = frozenset(
    {
        "videohandler", "soundhandler", "core media video", "core media audio",
        "core media data handler", "apple video media handler", "apple sound media handler",
        "apple alias data handler", "datahandler", "gpac iso video handler",
        "gpac iso audio handler", "l-smash video handler", "l-smash audio handler",
        "mainconcept video media handler", "mainconcept mp4 sound media handler",
        "h.264", "avc coding", "hevc coding", "hevc", "mpeg-4 video", "jvt/avc coding",
    }
)  # fmt: skip


def _entries(data: Buf, box: Atom, depth: int) -> list[Atom]:
    """The entries of a full box that holds a count and then boxes (stsd, dref)."""
    if box.end - box.body < 8:
        raise MalformedFileError(f"mp4: {name_of(box.type)} too short")
    return atoms(data, box.body + 8, box.end, depth, frozenset())


def text_fields(data: Buf, trak: Atom) -> list[tuple[str, int, int]]:
    """(name, start, end) of the free-text fields of a kept track: the handler names
    (``hdlr`` of mdia and minf), the ``compressorname`` of visual sample entries, and
    what follows a self-contained data reference. A reference to media in another file
    is not something this cleaner handles."""
    fields: list[tuple[str, int, int]] = []
    video = handler_type(data, trak) == b"vide"
    for atom, parent in walk(trak.children):
        if atom.type == b"hdlr" and parent is not None and parent.type in (b"mdia", b"minf"):
            if atom.end - atom.body < 24:
                raise MalformedFileError("mp4: handler box too short")
            fields.append(("HandlerName", atom.body + 24, atom.end))
        elif atom.type == b"stsd" and video:
            for entry in _entries(data, atom, 8):
                if entry.end - entry.body >= VISUAL_FIXED:
                    at = entry.body + COMPRESSOR_AT
                    fields.append(("CompressorName", at, at + 32))
        elif atom.type == b"dref":
            for entry in _entries(data, atom, 8):
                if entry.end - entry.body < 4 or not data[entry.body + 3] & 1:
                    raise NotCheckable("media data in another file (a data reference)")
                fields.append(("DataReference", entry.body + 4, entry.end))
    return [(n, a, b) for n, a, b in fields if b > a]


def _text(raw: bytes, pascal: bool) -> str:
    if pascal and raw and raw[0] < len(raw) and not any(raw[1 + raw[0] :]):
        raw = raw[1 : 1 + raw[0]]
    elif raw and 0 < raw[0] < 32 and raw[0] == len(raw.rstrip(b"\x00")) - 1:
        raw = raw[1:]  # QuickTime's counted handler name
    return raw.split(b"\x00", 1)[0].decode("utf-8", "replace").strip()


def report_text_fields(rep: MetadataReport, data: Buf, trak: Atom) -> None:
    for name, start, end in text_fields(data, trak):
        raw = data[start:end]
        if not any(raw):
            continue
        text = _text(raw, pascal=name == "CompressorName")
        if text.isprintable() and text.lower() in GENERIC_TEXT:
            rep.add("QuickTime-Track", name, text, SEN)
        elif text.isprintable() and text:
            rep.add("QuickTime-Track", name, text, IDF, text_needles(text) + raw_needles(raw))
        else:
            rep.add("QuickTime-Track", name, f"{len(raw)} bytes", IDF, blob_needles(raw))


def sample_tables(data: Buf, stbl: Atom) -> list[bytes]:
    """What decodes a track's samples, read at the original's box offsets: the boxes of
    its sample table on the allow-list, the sample descriptions with their compressor
    names blanked (the cleaner empties those)."""
    out = []
    for child in stbl.children:
        if child.type not in STBL_KEEP:
            continue
        raw = bytearray(data[child.start : child.end])
        if child.type == b"stsd" and len(raw) >= 16:
            pos = 16  # header, version and flags, entry count
            while pos + 8 <= len(raw):
                size = int.from_bytes(raw[pos : pos + 4], "big")
                if size < 8 or pos + size > len(raw):
                    break
                if size - 8 >= VISUAL_FIXED:
                    at = pos + 8 + COMPRESSOR_AT
                    raw[at : at + 32] = bytes(32)
                pos += size
        out.append(bytes(raw))
    return out
