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

import bisect
import heapq
import io
import struct
import sys
from array import array
from collections.abc import Iterator
from typing import BinaryIO

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import FormatHandler, Limits, NotCheckable
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
    merged,
    merged_sorted,
)
from nam_desktop.core.media.needles import blob_needles, raw_needles, text_needles
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
#: Offset of ``compressorname`` (32 bytes, a Pascal string) in a visual sample entry's
#: body, ISO and QuickTime alike; the fixed part of such an entry is 78 bytes.
_COMPRESSOR_AT, _VISUAL_FIXED = 42, 78
#: Free text that every file of some writer carries: reported as software, not as
#: something identifying (it is normalised all the same).
_GENERIC_TEXT = frozenset(
    {
        "videohandler", "soundhandler", "core media video", "core media audio",
        "core media data handler", "apple video media handler", "apple sound media handler",
        "apple alias data handler", "datahandler", "gpac iso video handler",
        "gpac iso audio handler", "l-smash video handler", "l-smash audio handler",
        "mainconcept video media handler", "mainconcept mp4 sound media handler",
        "h.264", "avc coding", "hevc coding", "hevc", "mpeg-4 video", "jvt/avc coding",
    }
)  # fmt: skip
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
MAX_SAMPLES = 20_000_000


def _atoms(data: Buf, start: int, end: int, depth: int) -> list[Atom]:
    return atoms(data, start, end, depth, _DESCEND)


def parse(data: bytes) -> Mp4File:
    return load(io.BytesIO(data), len(data), _DESCEND, data)


def parse_stream(src: BinaryIO, size: int) -> Mp4File:
    return load(src, size, _DESCEND)


def _child(atom: Atom, typ: bytes) -> Atom | None:
    return next((c for c in atom.children if c.type == typ), None)


def _handler(data: Buf, trak: Atom) -> bytes:
    mdia = _child(trak, b"mdia")
    hdlr = _child(mdia, b"hdlr") if mdia else None
    return data[hdlr.body + 8 : hdlr.body + 12] if hdlr else b""


def _big_endian(raw: bytes, code: str) -> array[int]:
    """A table of big-endian unsigned integers, 4 or 8 bytes each, compactly."""
    table = array(code)
    table.frombytes(raw)
    if sys.byteorder == "little":
        table.byteswap()
    return table


_U32 = "I" if array("I").itemsize == 4 else "L"


def _chunks(data: Buf, trak: Atom) -> Iterator[tuple[int, array[int] | int, int, int]]:
    """(chunk offset, sizes table or the constant size, first sample, sample count) of
    every chunk of a track, from stsc/stsz/stco/co64, validated. Compact tables: long
    recordings have millions of samples."""
    mdia = _child(trak, b"mdia")
    minf = _child(mdia, b"minf") if mdia else None
    stbl = _child(minf, b"stbl") if minf else None
    if stbl is None:
        return
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
        return  # no media data (e.g. stripped sample files): nothing to locate
    offsets = _big_endian(
        data[stco.body + 8 : stco.body + 8 + width * n_chunks], "Q" if wide else _U32
    )
    const, count = struct.unpack(">LL", data[stsz.body + 4 : stsz.body + 12])
    if count > MAX_SAMPLES or (not const and stsz.body + 12 + 4 * count > stsz.end):
        raise MalformedFileError("mp4: sample size table out of range")
    sizes = const or _big_endian(data[stsz.body + 12 : stsz.body + 12 + 4 * count], _U32)
    (n_runs,) = struct.unpack(">L", data[stsc.body + 4 : stsc.body + 8])
    if stsc.body + 8 + 12 * n_runs > stsc.end:
        raise MalformedFileError("mp4: sample-to-chunk table out of range")
    runs = [
        struct.unpack(">LLL", data[stsc.body + 8 + 12 * i : stsc.body + 20 + 12 * i])
        for i in range(n_runs)
    ]
    sample = 0
    for r, (first, per_chunk, _desc) in enumerate(runs):
        last = runs[r + 1][0] - 1 if r + 1 < len(runs) else n_chunks
        for chunk in range(first, last + 1):
            if chunk < 1 or chunk > n_chunks:
                raise MalformedFileError("mp4: bad sample-to-chunk entry")
            n = max(0, min(per_chunk, count - sample))
            yield offsets[chunk - 1], sizes, sample, n
            sample += n


def _sample_ranges(data: Buf, trak: Atom) -> list[tuple[int, int]]:
    """(offset, size) of every sample of a track."""
    ranges: list[tuple[int, int]] = []
    for pos, sizes, first, n in _chunks(data, trak):
        for sample in range(first, first + n):
            size = sizes if isinstance(sizes, int) else sizes[sample]
            if pos + size > len(data):
                raise MalformedFileError("mp4: sample outside the file")
            ranges.append((pos, size))
            pos += size
    return ranges


def _chunk_spans(data: Buf, trak: Atom) -> Iterator[tuple[int, int]]:
    """(start, end) of the samples of each chunk (contiguous): the union of
    :func:`_sample_ranges`, with the same checks, one tuple per chunk."""
    for pos, sizes, first, n in _chunks(data, trak):
        total = sizes * n if isinstance(sizes, int) else sum(sizes[first : first + n])
        if pos + total > len(data):  # sizes are >= 0: same as checking every sample
            raise MalformedFileError("mp4: sample outside the file")
        yield pos, pos + total


#: Handler types of the tracks that are kept: the picture and the sound.
KEEP_HANDLERS = frozenset({b"vide", b"soun"})
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


def _is_metadata_track(data: Buf, trak: Atom) -> bool:
    """Any track that is not on the allow-list (video, sound) is removed."""
    return _handler(data, trak) not in KEEP_HANDLERS


def _track_ids(data: Buf, traks: list[Atom]) -> set[int]:
    ids = set()
    for trak in traks:
        tkhd = _child(trak, b"tkhd")
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
        tref = _child(trak, b"tref")
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
            if _is_metadata_track(data, child):
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


def _entries(data: Buf, box: Atom, depth: int) -> list[Atom]:
    """The entries of a full box that holds a count and then boxes (stsd, dref)."""
    if box.end - box.body < 8:
        raise MalformedFileError(f"mp4: {_name(box.type)} too short")
    return atoms(data, box.body + 8, box.end, depth, frozenset())


def text_fields(data: Buf, trak: Atom) -> list[tuple[str, int, int]]:
    """(name, start, end) of the free-text fields of a kept track: the handler names
    (``hdlr`` of mdia and minf), the ``compressorname`` of visual sample entries, and
    what follows a self-contained data reference. A reference to media in another file
    is not something this cleaner handles."""
    fields: list[tuple[str, int, int]] = []
    video = _handler(data, trak) == b"vide"
    for atom, parent in _walk(trak.children):
        if atom.type == b"hdlr" and parent is not None and parent.type in (b"mdia", b"minf"):
            if atom.end - atom.body < 24:
                raise MalformedFileError("mp4: handler box too short")
            fields.append(("HandlerName", atom.body + 24, atom.end))
        elif atom.type == b"stsd" and video:
            for entry in _entries(data, atom, 8):
                if entry.end - entry.body >= _VISUAL_FIXED:
                    at = entry.body + _COMPRESSOR_AT
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


def _report_text_fields(rep: MetadataReport, data: Buf, trak: Atom) -> None:
    for name, start, end in text_fields(data, trak):
        raw = data[start:end]
        if not any(raw):
            continue
        text = _text(raw, pascal=name == "CompressorName")
        if text.isprintable() and text.lower() in _GENERIC_TEXT:
            rep.add("QuickTime-Track", name, text, SEN)
        elif text.isprintable() and text:
            rep.add("QuickTime-Track", name, text, IDF, text_needles(text) + raw_needles(raw))
        else:
            rep.add("QuickTime-Track", name, f"{len(raw)} bytes", IDF, blob_needles(raw))


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
    for atom in doomed:
        if atom.type == b"udta":
            _report_udta(rep, data, atom)
        elif atom.type == b"meta":
            _report_meta(rep, data, atom)
        elif atom.type == b"trak":
            ranges = _sample_ranges(data, atom)
            handler = _handler(data, atom)
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
    gaps = [(a, b) for a, b in unused_media_data(f) if not all_zero(f, a, b)]
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
        rep.add("QuickTime-Track", "KeptTrack", _name(_handler(data, trak)), HRM)
        _report_text_fields(rep, data, trak)
    return rep


def plan(f: Mp4File) -> tuple[list[Patch], list[str]]:
    """The in-place edits that clean the file, and notes."""
    data = f.data
    doomed, tracks = _doomed(f)
    patches: list[Patch] = []
    zeroed = 0
    for trak in tracks:
        for offset, size in _sample_ranges(data, trak):
            patches.append((offset, size, b""))
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
    gaps = unused_media_data(f)
    patches.extend((a, b - a, b"") for a, b in gaps)
    notes = ["in place: metadata atoms turned into free space; samples not re-encoded"]
    if any(not all_zero(f, a, b) for a, b in gaps):
        notes.append(f"{sum(b - a for a, b in gaps)} bytes of media data no kept track uses zeroed")
    if texts:
        notes.append(f"{texts} free-text fields (handler and compressor names) emptied")
    if tracks:
        kinds = ", ".join(sorted({_name(_handler(data, t)) for t in tracks}))
        notes.append(
            f"{len(tracks)} tracks other than video and sound removed ({kinds}; "
            f"{zeroed} bytes zeroed)"
        )
    return patches, notes


def kept_sample_ranges(f: Mp4File) -> list[tuple[int, int]]:
    """(start, end) of every sample of the audio/video (non-metadata) tracks, merged."""
    kept = [
        trak
        for trak in f.moov.children
        if trak.type == b"trak" and not _is_metadata_track(f.data, trak)
    ]
    try:  # chunks in file order per track (the norm): merged lazily, memory ~ result
        return merged_sorted(heapq.merge(*(_ascending(_chunk_spans(f.data, t)) for t in kept)))
    except _Unsorted:
        return merged(span for trak in kept for span in _chunk_spans(f.data, trak))


class _Unsorted(Exception):
    pass


def unused_media_data(f: Mp4File) -> list[tuple[int, int]]:
    """(start, end) of the bytes of every ``mdat`` that no sample of a kept (video or
    sound) track uses: removed tracks' samples, and whatever else was stored there
    (an old edit, data of a freed ``meta`` item, hidden bytes). Not for fragmented
    files, whose samples are located by ``moof`` boxes that are not parsed here."""
    if any(a.type in (b"moof", b"mfra") for a in f.top):
        return []
    for trak in f.moov.children:
        if trak.type == b"trak" and not _is_metadata_track(f.data, trak):
            mdia = _child(trak, b"mdia")
            minf = _child(mdia, b"minf") if mdia else None
            if minf is None or _child(minf, b"stbl") is None:
                raise MalformedFileError("mp4: a video or sound track without a sample table")
    kept = kept_sample_ranges(f)
    starts = [a for a, _ in kept]
    gaps: list[tuple[int, int]] = []
    for mdat in (a for a in f.top if a.type == b"mdat"):
        pos = mdat.body
        i = max(0, bisect.bisect_right(starts, pos) - 1)
        while pos < mdat.end:
            while i < len(kept) and kept[i][1] <= pos:
                i += 1
            nxt = kept[i][0] if i < len(kept) else mdat.end
            if nxt > pos:
                gaps.append((pos, min(nxt, mdat.end)))
                pos = min(nxt, mdat.end)
            else:
                pos = kept[i][1]
    return gaps


def _ascending(spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    last = -1
    for span in spans:
        if span[0] < last:
            raise _Unsorted
        last = span[0]
        yield span


def moov_problems(cleaned: Mp4File, original: Mp4File) -> list[str]:
    """Only video and sound tracks left; their sample tables and track headers (after
    the times: rotation) unchanged."""
    problems: list[str] = []
    after, before = cleaned.data, original.data
    left = {_handler(after, t) for t in cleaned.moov.children if t.type == b"trak"} - KEEP_HANDLERS
    if left:
        problems.append(f"mp4: data tracks left ({', '.join(sorted(map(_name, left)))})")
    for trak in original.moov.children:
        if trak.type != b"trak" or _is_metadata_track(before, trak):
            continue
        for atom, _ in _walk([trak]):
            if atom.type == b"stbl" and _sample_tables(after, atom) != _sample_tables(before, atom):
                problems.append("mp4: sample tables changed")
            if atom.type == b"tkhd":
                skip = 20 if before[atom.body] == 1 else 12
                if after[atom.body + skip : atom.end] != before[atom.body + skip : atom.end]:
                    problems.append("mp4: track header (rotation) changed")
    return problems


def _sample_tables(data: Buf, stbl: Atom) -> list[bytes]:
    """What decodes a track's samples, read at the original's box offsets: the boxes of
    its sample table on the allow-list, the sample descriptions with their compressor
    names blanked (the cleaner empties those)."""
    out = []
    for child in stbl.children:
        if child.type not in _INNER_KEEP[b"stbl"]:
            continue
        raw = bytearray(data[child.start : child.end])
        if child.type == b"stsd" and len(raw) >= 16:
            pos = 16  # header, version and flags, entry count
            while pos + 8 <= len(raw):
                size = int.from_bytes(raw[pos : pos + 4], "big")
                if size < 8 or pos + size > len(raw):
                    break
                if size - 8 >= _VISUAL_FIXED:
                    at = pos + 8 + _COMPRESSOR_AT
                    raw[at : at + 32] = bytes(32)
                pos += size
        out.append(bytes(raw))
    return out


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
