"""MP4 / MOV / M4A: atom-level cleaning in place; no remux, no re-encode, no offset change.

Metadata atoms are turned into ``free`` atoms of the same size with zeroed content, so
every chunk offset stays valid and the audio and video samples are not touched:
``udta`` (incl. ``©xyz`` GPS), ``meta`` (incl. QuickTime ``keys`` with ISO 6709 location,
iTunes ``ilst`` tags and cover art), ``uuid`` (XMP, vendor data), unknown top-level atoms,
and the content of existing ``free``/``skip`` atoms. Tracks are kept by an allow-list of
handler types: video (``vide``) and sound (``soun``). Every other track is freed and its
samples in ``mdat`` zeroed: timed metadata (``meta``: ``mebx`` location and
face-detection tracks, GoPro ``gpmd``, ``camm``), subtitles and captions (``text``,
``sbtl``, ``subt``, ``clcp``: their text is not checked), timecode (``tmcd``: the time
of day of the recording), hint tracks, auxiliary video (depth) and unknown handlers. A
kept track's reference list (``tref``) that points at a removed track is freed too.
Creation and modification times in ``mvhd``/``tkhd``/``mdhd`` are zeroed. Rotation (the
``tkhd`` matrix) is kept.

Everything works on an :class:`~nam_desktop.core.media.isobmff.Mp4File`: the whole file
as bytes, or a seekable stream of which only atom headers and ``moov`` are read (see
``streamed.py``), so a file of any size is cleaned with flat memory.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from typing import BinaryIO

from nam_desktop.core.media.base import FormatHandler, Limits
from nam_desktop.core.media.isobmff import (
    Atom,
    Buf,
    Mp4File,
    Patch,
    all_zero,
    apply_bytes,
    atoms,
    head_bytes,
    load,
)
from nam_desktop.core.media.mp4_samples import (
    KEEP_HANDLERS,
    child_box,
    handler_type,
    is_metadata_track,
    kept_sample_ranges,
    sample_ranges,
    unused_media_data,
)
from nam_desktop.core.media.mp4_text import report_text_fields, sample_tables, text_fields
from nam_desktop.core.media.needles import blob_needles, text_needles
from nam_desktop.core.media.report import MetadataItem, MetadataReport, RiskClass

IDF, SEN, HRM = RiskClass.IDENTIFYING, RiskClass.SENSITIVE, RiskClass.HARMLESS
_TOP_KEEP = {b"ftyp", b"moov", b"mdat", b"wide", b"pdin", b"moof", b"mfra", b"sidx", b"styp"}
_FREE = {b"free", b"skip"}
_MOOV_KEEP = {b"mvhd", b"trak", b"mvex", b"iods"}
_TRAK_KEEP = {b"tkhd", b"edts", b"mdia", b"tref", b"tapt", b"load", b"imap", b"txas"}
#: What a kept track's media, media information, data information and sample table
#: boxes may hold; anything else (user data, vendor boxes) is freed like a moov child.
_INNER_KEEP = {
    b"mdia": {b"mdhd", b"hdlr", b"minf", b"elng"},
    b"minf": {b"vmhd", b"smhd", b"hmhd", b"nmhd", b"sthd", b"gmhd", b"dinf", b"stbl", b"hdlr"},
    b"dinf": {b"dref"},
    b"stbl": {
        b"stsd", b"stts", b"ctts", b"cslg", b"stss", b"stps", b"stsh", b"sdtp", b"stsc",
        b"stsz", b"stz2", b"stco", b"co64", b"padb", b"subs", b"sbgp", b"sgpd", b"saiz",
        b"saio",
    },
}  # fmt: skip
_DESCEND = frozenset({b"moov", b"trak", b"mdia", b"minf", b"stbl", b"dinf"})
_TIMES = {b"mvhd", b"tkhd", b"mdhd"}
_SENSITIVE_TAGS = {
    "©day",
    "©too",
    "©mak",
    "©mod",
    "©swr",
    "©fmt",
    "©enc",
    "day",
    "make",
    "model",
    "software",
    "creationdate",
    "encoder",
}
def _atoms(data: Buf, start: int, end: int, depth: int) -> list[Atom]:
    return atoms(data, start, end, depth, _DESCEND)


def parse(data: bytes) -> Mp4File:
    return load(io.BytesIO(data), len(data), _DESCEND, data)


def parse_stream(src: BinaryIO, size: int) -> Mp4File:
    return load(src, size, _DESCEND)


_TRACK_KINDS = {
    b"meta": "TimedMetadataTrack",
    b"camm": "TimedMetadataTrack",
    b"gpmd": "TimedMetadataTrack",
    b"text": "SubtitleTrack",
    b"sbtl": "SubtitleTrack",
    b"subt": "SubtitleTrack",
    b"clcp": "SubtitleTrack",
    b"tmcd": "TimecodeTrack",
    b"hint": "HintTrack",
    b"auxv": "AuxiliaryVideoTrack",
}


def _track_ids(data: Buf, traks: list[Atom]) -> set[int]:
    ids = set()
    for trak in traks:
        tkhd = child_box(trak, b"tkhd")
        if tkhd is not None:
            at = tkhd.body + (20 if data[tkhd.body] == 1 else 12)
            ids.add(int.from_bytes(data[at : at + 4], "big"))
    return ids


def _stale_trefs(data: Buf, moov: Atom, removed: list[Atom]) -> list[Atom]:
    """``tref`` atoms of kept tracks that point at a removed track."""
    gone = _track_ids(data, removed)
    stale = []
    for trak in moov.children:
        if trak.type != b"trak" or trak in removed:
            continue
        tref = child_box(trak, b"tref")
        if tref is None or not gone:
            continue
        pos = tref.body
        while pos + 8 <= tref.end:
            size = int.from_bytes(data[pos : pos + 4], "big")
            if size < 8 or pos + size > tref.end:
                stale.append(tref)  # unreadable: freed
                break
            ids = {
                int.from_bytes(data[i : i + 4], "big") for i in range(pos + 8, pos + size - 3, 4)
            }
            if ids & gone:
                stale.append(tref)
                break
            pos += size
    return stale


def _walk(atoms: list[Atom]) -> Iterator[tuple[Atom, Atom | None]]:
    for atom in atoms:
        yield atom, None
        for child, _ in _walk(atom.children):
            yield child, atom


def _free_atom(atom: Atom) -> Patch:
    """A ``free`` atom of the same size, zero-filled."""
    if atom.header == 16:
        return (atom.start, atom.size, struct.pack(">L4sQ", 1, b"free", atom.size))
    return (atom.start, atom.size, struct.pack(">L4s", atom.size, b"free"))


def _doomed(f: Mp4File) -> tuple[list[Atom], list[Atom]]:
    """(atoms to free, metadata tracks)."""
    data = f.data
    doomed: list[Atom] = []
    tracks: list[Atom] = []
    for atom in f.top:
        if atom.type in _FREE:
            if not all_zero(f, atom.body, atom.end):
                doomed.append(atom)
        elif atom.type not in _TOP_KEEP:
            doomed.append(atom)
    for child in f.moov.children:
        if child.type == b"trak":
            if is_metadata_track(data, child):
                tracks.append(child)
                doomed.append(child)
                continue
            doomed.extend(
                c
                for c in child.children
                if c.type not in _TRAK_KEEP
                and (c.type not in _FREE or not all_zero(f, c.body, c.end))
            )
            doomed.extend(_inner_doomed(f, child))
        elif child.type not in _MOOV_KEEP and (
            child.type not in _FREE or not all_zero(f, child.body, child.end)
        ):
            doomed.append(child)
    doomed.extend(_stale_trefs(data, f.moov, tracks))
    return doomed, tracks


def _inner_doomed(f: Mp4File, trak: Atom) -> list[Atom]:
    """Boxes of a kept track's mdia/minf/dinf/stbl that are not on their allow-list."""
    out: list[Atom] = []
    for atom, _ in _walk(trak.children):
        keep = _INNER_KEEP.get(atom.type)
        if keep is None:
            continue
        out.extend(
            c
            for c in atom.children
            if c.type not in keep and (c.type not in _FREE or not all_zero(f, c.body, c.end))
        )
    return out


def _kept_tracks(f: Mp4File, removed: list[Atom]) -> list[Atom]:
    return [t for t in f.moov.children if t.type == b"trak" and t not in removed]


def _name(typ: bytes) -> str:
    """An atom or handler type for a report: its letters (``©xyz``), or hex when they
    are not printable."""
    text = typ.decode("latin-1")
    return text if text.isprintable() else typ.hex()


def _risk(name: str) -> RiskClass:
    low = name.lower().rsplit(".", 1)[-1]
    return SEN if name in _SENSITIVE_TAGS or low in _SENSITIVE_TAGS else IDF


def _add_value(rep: MetadataReport, group: str, name: str, raw: bytes, text: str | None) -> None:
    risk = _risk(name)
    if text is not None and text.isprintable():
        rep.add(group, name, text, risk, text_needles(text) if risk is IDF else ())
    else:
        rep.add(group, name, f"{len(raw)} bytes", risk, blob_needles(raw) if risk is IDF else ())


def _report_meta(rep: MetadataReport, data: Buf, meta: Atom) -> None:
    body = meta.body if data[meta.body + 4 : meta.body + 8] == b"hdlr" else meta.body + 4
    keys: list[str] = []
    for child in _atoms(data, body, meta.end, 4):
        if child.type == b"keys":
            pos = child.body + 8
            while pos + 8 <= child.end and len(keys) < 10_000:
                (size,) = struct.unpack(">L", data[pos : pos + 4])
                if size < 8:
                    break
                keys.append(data[pos + 8 : pos + size].decode("utf-8", "replace"))
                pos += size
        elif child.type == b"ilst":
            for item in _atoms(data, child.body, child.end, 5):
                index = int.from_bytes(item.type, "big")
                name = (
                    keys[index - 1]
                    if item.type[0] == 0 and 0 < index <= len(keys)
                    else _name(item.type)
                )
                for datum in _atoms(data, item.body, item.end, 6):
                    if datum.type != b"data":
                        continue
                    raw = data[datum.body + 8 : datum.end]
                    kind = int.from_bytes(data[datum.body + 1 : datum.body + 4], "big")
                    text = raw.decode("utf-8", "replace") if kind in (1, 2) else None
                    _add_value(rep, "QuickTime-Meta", name, raw, text)


def _report_udta(rep: MetadataReport, data: Buf, udta: Atom) -> None:
    for child in _atoms(data, udta.body, udta.end, 4):
        if child.type == b"meta":
            _report_meta(rep, data, child)
            continue
        raw = data[child.body : child.end]
        text = None
        if child.type[:1] == b"\xa9" and len(raw) >= 4:
            (length,) = struct.unpack(">H", raw[:2])
            text = raw[4 : 4 + length].decode("utf-8", "replace")
        _add_value(rep, "QuickTime-UserData", _name(child.type), raw, text)


def _times_range(data: Buf, atom: Atom) -> tuple[int, int]:
    width = 16 if data[atom.body] == 1 else 8
    return atom.body + 4, atom.body + 4 + width


def _metadata_sample(data: Buf, ranges: list[tuple[int, int]], limit: int = 8192) -> bytes:
    """The first ``limit`` bytes of a track's first 64 samples (needle material)."""
    parts: list[bytes] = []
    for offset, size in ranges[:64]:
        take = min(size, limit - sum(map(len, parts)))
        if take <= 0:
            break
        parts.append(data[offset : offset + take])
    return b"".join(parts)


def report(f: Mp4File, name: str) -> MetadataReport:
    rep = MetadataReport(name)
    data = f.data
    doomed, tracks = _doomed(f)
    removed_samples: list[tuple[int, int]] = []
    for atom in doomed:
        if atom.type == b"udta":
            _report_udta(rep, data, atom)
        elif atom.type == b"meta":
            _report_meta(rep, data, atom)
        elif atom.type == b"trak":
            ranges = sample_ranges(data, atom)
            removed_samples.extend((a, a + n) for a, n in ranges)
            handler = handler_type(data, atom)
            rep.add(
                "QuickTime-Track",
                _TRACK_KINDS.get(handler, "DataTrack"),
                f"{_name(handler)}, {len(ranges)} samples",
                SEN if handler == b"tmcd" else IDF,
                blob_needles(_metadata_sample(data, ranges), 4),
            )
        elif atom.type == b"tref":
            rep.add("QuickTime-Track", "TrackReference", "to a removed track", SEN)
        else:
            rep.add(
                "QuickTime",
                _name(atom.type),
                f"{atom.size} bytes",
                IDF,
                blob_needles(head_bytes(f, atom.body, atom.end)),
            )
    for atom, _parent in _walk(f.top):
        if atom.type in _TIMES:
            a, b = _times_range(data, atom)
            if any(data[a:b]):
                rep.add("QuickTime", f"{_name(atom.type)}.CreateModifyTime", "set", SEN)
    gaps = [(a, b) for a, b in unused_media_data(f, removed_samples) if not all_zero(f, a, b)]
    if gaps:
        sample = b"".join(head_bytes(f, a, b, 64 * 1024) for a, b in gaps[:64])
        rep.add(
            "QuickTime",
            "UnusedMediaData",
            f"{sum(b - a for a, b in gaps)} bytes in mdat that no kept track uses",
            IDF,
            blob_needles(sample, 4),
        )
    rep.add("QuickTime", "Tracks", len(tracks), HRM)
    for trak in _kept_tracks(f, tracks):
        rep.add("QuickTime-Track", "KeptTrack", _name(handler_type(data, trak)), HRM)
        report_text_fields(rep, data, trak)
    return rep


def plan(f: Mp4File) -> tuple[list[Patch], list[str]]:
    """The in-place edits that clean the file, and notes."""
    data = f.data
    doomed, tracks = _doomed(f)
    patches: list[Patch] = []
    zeroed = 0
    removed: list[tuple[int, int]] = []
    for trak in tracks:
        for offset, size in sample_ranges(data, trak):
            patches.append((offset, size, b""))
            removed.append((offset, offset + size))
            zeroed += size
    freed = [(a.start, a.end) for a in doomed]
    for atom, _parent in _walk(f.top):
        if atom.type in _TIMES and not any(a <= atom.start < b for a, b in freed):
            a, b = _times_range(data, atom)
            patches.append((a, b - a, b""))
    patches.extend(_free_atom(atom) for atom in doomed)
    texts = 0
    for trak in _kept_tracks(f, tracks):
        for _field, a, b in text_fields(data, trak):
            if not any(lo <= a < hi for lo, hi in freed) and any(data[a:b]):
                patches.append((a, b - a, b""))
                texts += 1
    gaps = [(a, b) for a, b in unused_media_data(f, removed) if not all_zero(f, a, b)]
    patches.extend((a, b - a, b"") for a, b in gaps)
    notes = ["in place: metadata atoms turned into free space; samples not re-encoded"]
    if gaps:
        notes.append(f"{sum(b - a for a, b in gaps)} bytes of media data no kept track uses zeroed")
    if texts:
        notes.append(f"{texts} free-text fields (handler and compressor names) emptied")
    if tracks:
        kinds = ", ".join(sorted({_name(handler_type(data, t)) for t in tracks}))
        notes.append(
            f"{len(tracks)} tracks other than video and sound removed ({kinds}; "
            f"{zeroed} bytes zeroed)"
        )
    return patches, notes


def moov_problems(cleaned: Mp4File, original: Mp4File) -> list[str]:
    """Only video and sound tracks left; their sample tables and track headers (after
    the times: rotation) unchanged."""
    problems: list[str] = []
    after, before = cleaned.data, original.data
    traks = [t for t in cleaned.moov.children if t.type == b"trak"]
    left = {handler_type(after, t) for t in traks} - KEEP_HANDLERS
    if left:
        problems.append(f"mp4: data tracks left ({', '.join(sorted(map(_name, left)))})")
    for trak in original.moov.children:
        if trak.type != b"trak" or is_metadata_track(before, trak):
            continue
        for atom, _ in _walk([trak]):
            if atom.type == b"stbl" and sample_tables(after, atom) != sample_tables(before, atom):
                problems.append("mp4: sample tables changed")
            if atom.type == b"tkhd":
                skip = 20 if before[atom.body] == 1 else 12
                if after[atom.body + skip : atom.end] != before[atom.body + skip : atom.end]:
                    problems.append("mp4: track header (rotation) changed")
    return problems


class Mp4Handler(FormatHandler):
    def __init__(self, name: str) -> None:
        self.name = name

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        return report(parse(data), self.name)

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        patches, notes = plan(parse(data))
        return apply_bytes(data, patches), notes

    def structural_problems(self, cleaned: bytes, original: bytes, limits: Limits) -> list[str]:
        if len(cleaned) != len(original):
            return ["mp4: size changed"]
        orig = parse(original)
        for a, b in kept_sample_ranges(orig):
            if cleaned[a:b] != original[a:b]:
                return ["mp4: audio or video samples changed"]
        return moov_problems(parse(cleaned), orig)

    def allowed_after(self, item: MetadataItem) -> bool:
        return item.risk is HRM


VIDEO_HANDLERS = {
    "mp4": lambda: Mp4Handler("mp4"),
    "mov": lambda: Mp4Handler("mov"),
    "m4a": lambda: Mp4Handler("m4a"),
}
