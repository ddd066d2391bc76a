"""MP4 / MOV / M4A: atom-level cleaning in place; no remux, no re-encode, no offset change.

Metadata atoms are turned into ``free`` atoms of the same size with zeroed content, so
every chunk offset stays valid and the audio and video samples are not touched:
``udta`` (incl. ``©xyz`` GPS), ``meta`` (incl. QuickTime ``keys`` with ISO 6709 location,
iTunes ``ilst`` tags and cover art), ``uuid`` (XMP, vendor data), unknown top-level atoms,
and the content of existing ``free``/``skip`` atoms. Timed-metadata tracks (handler
``meta``: ``mebx`` location and face-detection tracks, GoPro ``gpmd``, ``camm``) are
freed and their samples in ``mdat`` zeroed. Creation and modification times in
``mvhd``/``tkhd``/``mdhd`` are zeroed. Rotation (the ``tkhd`` matrix) is kept.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import FormatHandler, Limits
from nam_desktop.core.media.needles import blob_needles, text_needles
from nam_desktop.core.media.report import MetadataItem, MetadataReport, RiskClass

IDF, SEN, HRM = RiskClass.IDENTIFYING, RiskClass.SENSITIVE, RiskClass.HARMLESS
_TOP_KEEP = {b"ftyp", b"moov", b"mdat", b"wide", b"pdin", b"moof", b"mfra", b"sidx", b"styp"}
_FREE = {b"free", b"skip"}
_MOOV_KEEP = {b"mvhd", b"trak", b"mvex", b"iods"}
_TRAK_KEEP = {b"tkhd", b"edts", b"mdia", b"tref", b"tapt", b"load", b"imap", b"txas"}
_DESCEND = {b"moov", b"trak", b"mdia", b"minf", b"stbl"}
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
MAX_DEPTH = 12
MAX_SAMPLES = 20_000_000


@dataclass
class Atom:
    type: bytes
    start: int  # offset of the header
    header: int  # header length (8 or 16)
    size: int  # total size
    children: list[Atom] = field(default_factory=list)

    @property
    def body(self) -> int:
        return self.start + self.header

    @property
    def end(self) -> int:
        return self.start + self.size


def _atoms(data: bytes, start: int, end: int, depth: int) -> list[Atom]:
    if depth > MAX_DEPTH:
        raise MalformedFileError("mp4: atoms nested too deep")
    out: list[Atom] = []
    pos = start
    while pos + 8 <= end:
        size, typ = struct.unpack(">L4s", data[pos : pos + 8])
        header = 8
        if size == 1:
            if pos + 16 > end:
                raise MalformedFileError("mp4: truncated atom header")
            (size,) = struct.unpack(">Q", data[pos + 8 : pos + 16])
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            raise MalformedFileError(f"mp4: atom {typ!r} out of range")
        atom = Atom(typ, pos, header, size)
        if typ in _DESCEND:
            atom.children = _atoms(data, atom.body, atom.end, depth + 1)
        out.append(atom)
        pos += size
    if pos != end and depth == 0 and end - pos >= 8:
        raise MalformedFileError("mp4: trailing bytes after the last atom")
    return out


def parse(data: bytes) -> list[Atom]:
    top = _atoms(data, 0, len(data), 0)
    if not top or top[0].type not in (b"ftyp", b"moov", b"wide", b"free", b"mdat", b"skip"):
        raise MalformedFileError("mp4: not an ISO media file")
    if sum(1 for a in top if a.type == b"moov") != 1:
        raise MalformedFileError("mp4: exactly one moov atom expected")
    return top


def _child(atom: Atom, typ: bytes) -> Atom | None:
    return next((c for c in atom.children if c.type == typ), None)


def _handler(data: bytes, trak: Atom) -> bytes:
    mdia = _child(trak, b"mdia")
    hdlr = _child(mdia, b"hdlr") if mdia else None
    return data[hdlr.body + 8 : hdlr.body + 12] if hdlr else b""


def _sample_ranges(data: bytes, trak: Atom) -> list[tuple[int, int]]:
    """(offset, size) of every sample of a track, from stsc/stsz/stco/co64."""
    mdia = _child(trak, b"mdia")
    minf = _child(mdia, b"minf") if mdia else None
    stbl = _child(minf, b"stbl") if minf else None
    if stbl is None:
        return []
    stsc, stsz = _child(stbl, b"stsc"), _child(stbl, b"stsz")
    stco = _child(stbl, b"stco") or _child(stbl, b"co64")
    if stsc is None or stsz is None or stco is None:
        raise MalformedFileError("mp4: sample table incomplete (stz2 is not supported)")
    wide = stco.type == b"co64"
    (n_chunks,) = struct.unpack(">L", data[stco.body + 4 : stco.body + 8])
    width = 8 if wide else 4
    if stco.body + 8 + width * n_chunks > stco.end:
        raise MalformedFileError("mp4: chunk offset table out of range")
    if n_chunks == 0:
        return []  # no media data (e.g. stripped sample files): nothing to locate
    fmt = ">Q" if wide else ">L"
    offsets = [
        struct.unpack(fmt, data[stco.body + 8 + width * i : stco.body + 8 + width * (i + 1)])[0]
        for i in range(n_chunks)
    ]
    const, count = struct.unpack(">LL", data[stsz.body + 4 : stsz.body + 12])
    if count > MAX_SAMPLES or (not const and stsz.body + 12 + 4 * count > stsz.end):
        raise MalformedFileError("mp4: sample size table out of range")
    sizes = (
        [const] * count
        if const
        else list(struct.unpack(f">{count}L", data[stsz.body + 12 : stsz.body + 12 + 4 * count]))
    )
    (n_runs,) = struct.unpack(">L", data[stsc.body + 4 : stsc.body + 8])
    if stsc.body + 8 + 12 * n_runs > stsc.end:
        raise MalformedFileError("mp4: sample-to-chunk table out of range")
    runs = [
        struct.unpack(">LLL", data[stsc.body + 8 + 12 * i : stsc.body + 20 + 12 * i])
        for i in range(n_runs)
    ]
    ranges: list[tuple[int, int]] = []
    sample = 0
    for r, (first, per_chunk, _desc) in enumerate(runs):
        last = runs[r + 1][0] - 1 if r + 1 < len(runs) else n_chunks
        for chunk in range(first, last + 1):
            if chunk < 1 or chunk > n_chunks:
                raise MalformedFileError("mp4: bad sample-to-chunk entry")
            pos = offsets[chunk - 1]
            for _ in range(per_chunk):
                if sample >= len(sizes):
                    break
                size = sizes[sample]
                if pos + size > len(data):
                    raise MalformedFileError("mp4: sample outside the file")
                ranges.append((pos, size))
                pos += size
                sample += 1
    return ranges


def _is_metadata_track(data: bytes, trak: Atom) -> bool:
    return _handler(data, trak) in (b"meta", b"camm", b"gpmd")


def _walk(atoms: list[Atom]) -> Iterator[tuple[Atom, Atom | None]]:
    for atom in atoms:
        yield atom, None
        for child, _ in _walk(atom.children):
            yield child, atom


def _free_atom(atom: Atom) -> bytes:
    """A ``free`` atom of the same size, zero-filled."""
    if atom.header == 16:
        return struct.pack(">L4sQ", 1, b"free", atom.size) + bytes(atom.size - 16)
    return struct.pack(">L4s", atom.size, b"free") + bytes(atom.size - 8)


def _apply(data: bytes, patches: list[tuple[int, bytes]]) -> bytes:
    """Overwrite ranges of ``data`` with one copy at most (none when nothing changes), so
    a large video costs about twice its size in memory, not four times."""
    view = memoryview(data)
    effective = sorted(
        (start, repl) for start, repl in patches if view[start : start + len(repl)] != repl
    )
    if not effective:
        return data
    parts: list[bytes | memoryview] = []
    pos = 0
    for start, repl in effective:
        if start < pos:
            raise MalformedFileError("mp4: overlapping metadata ranges")
        parts.extend((view[pos:start], repl))
        pos = start + len(repl)
    parts.append(view[pos:])
    return b"".join(parts)


def _doomed(data: bytes, top: list[Atom]) -> tuple[list[Atom], list[Atom]]:
    """(atoms to free, metadata tracks)."""
    doomed: list[Atom] = []
    tracks: list[Atom] = []
    for atom in top:
        if atom.type in _FREE:
            if any(data[atom.body : atom.end]):
                doomed.append(atom)
        elif atom.type not in _TOP_KEEP:
            doomed.append(atom)
    moov = next(a for a in top if a.type == b"moov")
    for child in moov.children:
        if child.type == b"trak":
            if _is_metadata_track(data, child):
                tracks.append(child)
                doomed.append(child)
                continue
            doomed.extend(
                c
                for c in child.children
                if c.type not in _TRAK_KEEP and (c.type not in _FREE or any(data[c.body : c.end]))
            )
        elif child.type not in _MOOV_KEEP and (
            child.type not in _FREE or any(data[child.body : child.end])
        ):
            doomed.append(child)
    return doomed, tracks


def _name(typ: bytes) -> str:
    return typ.decode("latin-1")


def _risk(name: str) -> RiskClass:
    low = name.lower().rsplit(".", 1)[-1]
    return SEN if name in _SENSITIVE_TAGS or low in _SENSITIVE_TAGS else IDF


def _add_value(rep: MetadataReport, group: str, name: str, raw: bytes, text: str | None) -> None:
    risk = _risk(name)
    if text is not None and text.isprintable():
        rep.add(group, name, text, risk, text_needles(text) if risk is IDF else ())
    else:
        rep.add(group, name, f"{len(raw)} bytes", risk, blob_needles(raw) if risk is IDF else ())


def _report_meta(rep: MetadataReport, data: bytes, meta: Atom) -> None:
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


def _report_udta(rep: MetadataReport, data: bytes, udta: Atom) -> None:
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


class Mp4Handler(FormatHandler):
    def __init__(self, name: str) -> None:
        self.name = name

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        rep = MetadataReport(self.name)
        top = parse(data)
        doomed, tracks = _doomed(data, top)
        for atom in doomed:
            if atom.type == b"udta":
                _report_udta(rep, data, atom)
            elif atom.type == b"meta":
                _report_meta(rep, data, atom)
            elif atom.type == b"trak":
                ranges = _sample_ranges(data, atom)
                sample = b"".join(data[o : o + s] for o, s in ranges[:64])[:8192]
                rep.add(
                    "QuickTime-Track",
                    "TimedMetadataTrack",
                    f"{_name(_handler(data, atom))}, {len(ranges)} samples",
                    IDF,
                    blob_needles(sample, 4),
                )
            else:
                rep.add(
                    "QuickTime",
                    _name(atom.type),
                    f"{atom.size} bytes",
                    IDF,
                    blob_needles(data[atom.body : atom.end]),
                )
        for atom, _parent in _walk(top):
            if atom.type in _TIMES and any(self._times(data, atom)):
                rep.add("QuickTime", f"{_name(atom.type)}.CreateModifyTime", "set", SEN)
        rep.add("QuickTime", "Tracks", len(tracks), HRM)
        return rep

    @staticmethod
    def _times(data: bytes, atom: Atom) -> bytes:
        width = 16 if data[atom.body] == 1 else 8
        return data[atom.body + 4 : atom.body + 4 + width]

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        top = parse(data)
        doomed, tracks = _doomed(data, top)
        patches: list[tuple[int, bytes]] = []
        zeroed = 0
        for trak in tracks:
            for offset, size in _sample_ranges(data, trak):
                patches.append((offset, bytes(size)))
                zeroed += size
        freed = [(a.start, a.end) for a in doomed]
        for atom, _parent in _walk(top):
            if atom.type in _TIMES and not any(a <= atom.start < b for a, b in freed):
                width = 16 if data[atom.body] == 1 else 8
                patches.append((atom.body + 4, bytes(width)))
        for atom in doomed:
            patches.append((atom.start, _free_atom(atom)))
        notes = ["in place: metadata atoms turned into free space; samples not re-encoded"]
        if tracks:
            notes.append(f"{len(tracks)} timed-metadata tracks removed ({zeroed} bytes zeroed)")
        return _apply(data, patches), notes

    def structural_problems(self, cleaned: bytes, original: bytes, limits: Limits) -> list[str]:
        problems: list[str] = []
        if len(cleaned) != len(original):
            problems.append("mp4: size changed")
            return problems
        top = parse(original)
        moov = next(a for a in top if a.type == b"moov")
        for trak in moov.children:
            if trak.type != b"trak" or _is_metadata_track(original, trak):
                continue
            for offset, size in _sample_ranges(original, trak):
                if cleaned[offset : offset + size] != original[offset : offset + size]:
                    problems.append("mp4: audio or video samples changed")
                    return problems
            for atom, _ in _walk([trak]):
                if (
                    atom.type == b"stbl"
                    and cleaned[atom.start : atom.end] != original[atom.start : atom.end]
                ):
                    problems.append("mp4: sample tables changed")
                if atom.type == b"tkhd":
                    skip = 20 if original[atom.body] == 1 else 12
                    if (
                        cleaned[atom.body + skip : atom.end]
                        != original[atom.body + skip : atom.end]
                    ):
                        problems.append("mp4: track header (rotation) changed")
        return problems

    def allowed_after(self, item: MetadataItem) -> bool:
        return item.risk is HRM


VIDEO_HANDLERS = {
    "mp4": lambda: Mp4Handler("mp4"),
    "mov": lambda: Mp4Handler("mov"),
    "m4a": lambda: Mp4Handler("m4a"),
}
