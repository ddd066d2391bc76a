"""MP4/MOV/M4A tracks and their samples: which tracks are kept (video and sound), where
every sample of a track lies (from its sample table, validated), and which bytes of
``mdat`` no kept sample uses."""

from __future__ import annotations

import bisect
import heapq
import struct
import sys
from array import array
from collections.abc import Iterator

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.isobmff import Atom, Buf, Mp4File, merged, merged_sorted

MAX_SAMPLES = 20_000_000


def child_box(atom: Atom, typ: bytes) -> Atom | None:
    return next((c for c in atom.children if c.type == typ), None)


def handler_type(data: Buf, trak: Atom) -> bytes:
    mdia = child_box(trak, b"mdia")
    hdlr = child_box(mdia, b"hdlr") if mdia else None
    return data[hdlr.body + 8 : hdlr.body + 12] if hdlr else b""


def _big_endian(raw: bytes, code: str) -> array[int]:
    """A table of big-endian unsigned integers, 4 or 8 bytes each, compactly."""
    table = array(code)
    table.frombytes(raw)
    if sys.byteorder == "little":
        table.byteswap()
    return table


U32 = "I" if array("I").itemsize == 4 else "L"


def _chunks(data: Buf, trak: Atom) -> Iterator[tuple[int, array[int] | int, int, int]]:
    """(chunk offset, sizes table or the constant size, first sample, sample count) of
    every chunk of a track, from stsc/stsz/stco/co64, validated. Compact tables: long
    recordings have millions of samples."""
    mdia = child_box(trak, b"mdia")
    minf = child_box(mdia, b"minf") if mdia else None
    stbl = child_box(minf, b"stbl") if minf else None
    if stbl is None:
        return
    stsc, stsz = child_box(stbl, b"stsc"), child_box(stbl, b"stsz")
    stco = child_box(stbl, b"stco") or child_box(stbl, b"co64")
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
        data[stco.body + 8 : stco.body + 8 + width * n_chunks], "Q" if wide else U32
    )
    const, count = struct.unpack(">LL", data[stsz.body + 4 : stsz.body + 12])
    if count > MAX_SAMPLES or (not const and stsz.body + 12 + 4 * count > stsz.end):
        raise MalformedFileError("mp4: sample size table out of range")
    sizes = const or _big_endian(data[stsz.body + 12 : stsz.body + 12 + 4 * count], U32)
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


def sample_ranges(data: Buf, trak: Atom) -> list[tuple[int, int]]:
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


def chunk_spans(data: Buf, trak: Atom) -> Iterator[tuple[int, int]]:
    """(start, end) of the samples of each chunk (contiguous): the union of
    :func:`_sample_ranges`, with the same checks, one tuple per chunk."""
    for pos, sizes, first, n in _chunks(data, trak):
        total = sizes * n if isinstance(sizes, int) else sum(sizes[first : first + n])
        if pos + total > len(data):  # sizes are >= 0: same as checking every sample
            raise MalformedFileError("mp4: sample outside the file")
        yield pos, pos + total


#: Handler types of the tracks that are kept: the picture and the sound.
KEEP_HANDLERS = frozenset({b"vide", b"soun"})


def is_metadata_track(data: Buf, trak: Atom) -> bool:
    """Any track that is not on the allow-list (video, sound) is removed."""
    return handler_type(data, trak) not in KEEP_HANDLERS


def kept_sample_ranges(f: Mp4File) -> list[tuple[int, int]]:
    """(start, end) of every sample of the audio/video (non-metadata) tracks, merged
    (computed once per parsed file)."""
    if "kept" not in f.memo:
        f.memo["kept"] = _kept_sample_ranges(f)
    return f.memo["kept"]


def _kept_sample_ranges(f: Mp4File) -> list[tuple[int, int]]:
    """(start, end) of every sample of the audio/video (non-metadata) tracks, merged."""
    kept = [
        trak
        for trak in f.moov.children
        if trak.type == b"trak" and not is_metadata_track(f.data, trak)
    ]
    try:  # chunks in file order per track (the norm): merged lazily, memory ~ result
        return merged_sorted(heapq.merge(*(_ascending(chunk_spans(f.data, t)) for t in kept)))
    except _Unsorted:
        return merged(span for trak in kept for span in chunk_spans(f.data, trak))


class _Unsorted(Exception):
    pass


def unused_media_data(
    f: Mp4File, removed: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """(start, end) of the bytes of every ``mdat`` that no sample of a kept (video or
    sound) track uses, nor one of the ``removed`` (start, end) ranges (the samples of
    removed tracks, zeroed on their own): what else was stored there (an old edit,
    data of a freed ``meta`` item, hidden bytes, samples a damaged table lost). Not
    for fragmented files, whose samples are located by ``moof`` boxes that are not
    parsed here."""
    if any(a.type in (b"moof", b"mfra") for a in f.top):
        return []
    for trak in f.moov.children:
        if trak.type == b"trak" and not is_metadata_track(f.data, trak):
            mdia = child_box(trak, b"mdia")
            minf = child_box(mdia, b"minf") if mdia else None
            if minf is None or child_box(minf, b"stbl") is None:
                raise MalformedFileError("mp4: a video or sound track without a sample table")
    kept = kept_sample_ranges(f)
    if removed:
        kept = merged([*kept, *removed])
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
