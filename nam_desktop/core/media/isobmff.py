"""ISO media (MP4/MOV/M4A) files read from a seekable stream, with bounded memory.

Only the atom headers of the top level and the whole ``moov`` atom (the index: small,
bounded by :data:`MAX_MOOV`) are held in memory; ``mdat`` is never read whole. The
cleaner's edits are :data:`Patch` ranges (a head, then zeros) applied in place, either to
bytes or lazily by :class:`PatchedReader` while the cleaned file is read.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol, overload

from nam_desktop.core.errors import MalformedFileError

MiB = 1024 * 1024
MAX_DEPTH = 12
MAX_MOOV = 256 * MiB
MAX_TOP_ATOMS = 100_000
BLOCK = MiB

#: (start, length, head): bytes [start, start + length) become head + zeros.
Patch = tuple[int, int, bytes]


class Buf(Protocol):
    """What the atom code reads: ``bytes``, or a :class:`Window` on a stream."""

    def __len__(self) -> int: ...

    @overload
    def __getitem__(self, key: int) -> int: ...

    @overload
    def __getitem__(self, key: slice) -> bytes: ...


def read_at(src: BinaryIO, offset: int, size: int) -> bytes:
    """``size`` bytes at ``offset`` (fewer only at the end of the stream)."""
    src.seek(offset)
    parts: list[bytes] = []
    left = size
    while left > 0:
        got = src.read(left)
        if not isinstance(got, bytes):
            raise MalformedFileError("stream: not a binary stream")
        if not got:
            break
        parts.append(got)
        left -= len(got)
    return parts[0] if len(parts) == 1 else b"".join(parts)


class Window:
    """The ``moov`` bytes in memory, addressed by file offsets; reads outside it (rare:
    malformed boxes) go to the stream, so results equal slicing the whole file."""

    def __init__(self, src: BinaryIO, size: int, base: int, buf: bytes) -> None:
        self._src, self._size, self._base, self._buf = src, size, base, buf

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, key: int) -> int: ...

    @overload
    def __getitem__(self, key: slice) -> bytes: ...

    def __getitem__(self, key: int | slice) -> int | bytes:
        if isinstance(key, int):
            got = self[key : key + 1]
            if not got:
                raise IndexError(key)
            return got[0]
        start, stop = key.start or 0, min(self._size, key.stop)
        if stop <= start:
            return b""
        if self._base <= start and stop <= self._base + len(self._buf):
            return self._buf[start - self._base : stop - self._base]
        if stop - start > MAX_MOOV:
            raise MalformedFileError("mp4: atom too large to read")
        return read_at(self._src, start, stop - start)


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


def _header(head: bytes, pos: int, end: int) -> Atom:
    size, typ = struct.unpack(">L4s", head[:8])
    header = 8
    if size == 1:
        if pos + 16 > end or len(head) < 16:
            raise MalformedFileError("mp4: truncated atom header")
        (size,) = struct.unpack(">Q", head[8:16])
        header = 16
    elif size == 0:
        size = end - pos
    if size < header or pos + size > end:
        raise MalformedFileError(f"mp4: atom {typ!r} out of range")
    return Atom(typ, pos, header, size)


def atoms(data: Buf, start: int, end: int, depth: int, descend: frozenset[bytes]) -> list[Atom]:
    """Atoms of ``data[start:end]``, descending into the types in ``descend``."""
    if depth > MAX_DEPTH:
        raise MalformedFileError("mp4: atoms nested too deep")
    out: list[Atom] = []
    pos = start
    while pos + 8 <= end:
        atom = _header(data[pos : pos + 16], pos, end)
        if atom.type in descend:
            atom.children = atoms(data, atom.body, atom.end, depth + 1, descend)
        out.append(atom)
        pos = atom.end
    if pos != end and depth == 0 and end - pos >= 8:
        raise MalformedFileError("mp4: trailing bytes after the last atom")
    return out


@dataclass
class Mp4File:
    """Top-level atoms (moov with its tree) of a file of ``size`` bytes. ``data`` reads
    it by file offset: the bytes themselves, or a :class:`Window` on the stream."""

    top: list[Atom]
    moov: Atom
    data: Buf
    size: int
    src: BinaryIO
    #: Results computed once per parsed file (the kept samples' ranges: long
    #: recordings have millions of samples, and report, plan and verify need them).
    memo: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def load(src: BinaryIO, size: int, descend: frozenset[bytes], data: bytes | None = None) -> Mp4File:
    """Parse the top level by reading atom headers, then the ``moov`` tree in memory."""
    top: list[Atom] = []
    pos = 0
    while pos + 8 <= size:
        if len(top) >= MAX_TOP_ATOMS:
            raise MalformedFileError("mp4: too many top-level atoms")
        head = data[pos : pos + 16] if data is not None else read_at(src, pos, 16)
        top.append(_header(head, pos, size))
        pos = top[-1].end
    if pos != size and size - pos >= 8:
        raise MalformedFileError("mp4: trailing bytes after the last atom")
    if not top or top[0].type not in (b"ftyp", b"moov", b"wide", b"free", b"mdat", b"skip"):
        raise MalformedFileError("mp4: not an ISO media file")
    moovs = [a for a in top if a.type == b"moov"]
    if len(moovs) != 1:
        raise MalformedFileError("mp4: exactly one moov atom expected")
    moov = moovs[0]
    buf: Buf
    if data is not None:
        buf = data
    else:
        if moov.size > MAX_MOOV:
            raise MalformedFileError("mp4: moov atom larger than the limit")
        buf = Window(src, size, moov.start, read_at(src, moov.start, moov.size))
    moov.children = atoms(buf, moov.body, moov.end, 1, descend)
    return Mp4File(top, moov, buf, size, src)


def blocks(src: BinaryIO, start: int, end: int, block: int = BLOCK) -> Iterator[bytes]:
    pos = start
    while pos < end:
        chunk = read_at(src, pos, min(block, end - pos))
        if not chunk:
            raise MalformedFileError("stream: shorter than announced")
        yield chunk
        pos += len(chunk)


def all_zero(f: Mp4File, start: int, end: int) -> bool:
    if isinstance(f.data, bytes) or (f.moov.start <= start and end <= f.moov.end):
        return f.data[start:end].count(0) == end - start
    return all(c.count(0) == len(c) for c in blocks(f.src, start, end))


def head_bytes(f: Mp4File, start: int, end: int, limit: int = 4 * MiB) -> bytes:
    """Needle material from an atom: all of it in memory, else at most ``limit`` bytes."""
    return f.data[start : end if isinstance(f.data, bytes) else min(end, start + limit)]


def normalise(patches: list[Patch]) -> list[Patch]:
    """Sorted, without empty patches; overlapping zero runs are merged, any other
    overlap is refused."""
    out: list[Patch] = []
    for patch in sorted(p for p in patches if p[1] > 0):
        if out and patch[0] < out[-1][0] + out[-1][1]:
            start, length, head = out[-1]
            if head or patch[2]:
                raise MalformedFileError("mp4: overlapping metadata ranges")
            out[-1] = (start, max(length, patch[0] + patch[1] - start), b"")
        else:
            out.append(patch)
    return out


def patch_content(patch: Patch, lo: int, hi: int) -> bytes:
    """Bytes [lo, hi) (file offsets, inside the patch) of the patched content."""
    start, _length, head = patch
    a, b = lo - start, hi - start
    if b <= len(head):
        return head[a:b]
    if a >= len(head):
        return bytes(b - a)
    return head[a:] + bytes(b - len(head))


def apply_bytes(data: bytes, patches: list[Patch]) -> bytes:
    """``data`` with the patches applied; ``data`` itself when none changes anything."""
    view = memoryview(data)
    parts: list[bytes | memoryview] = []
    pos = 0
    for patch in normalise(patches):
        start, length, _ = patch
        if view[start : start + length] == patch_content(patch, start, start + length):
            continue
        parts.extend((view[pos:start], patch_content(patch, start, start + length)))
        pos = start + length
    if not parts:
        return data
    parts.append(view[pos:])
    return b"".join(parts)


class PatchedReader(io.RawIOBase):
    """Seekable, read-only view of ``src`` with the patches applied, produced lazily.

    With ``expected_sha256``, reading the whole file from the start checks that the
    bytes produced are the ones verified; a changed source raises at the end."""

    def __init__(
        self, src: BinaryIO, size: int, patches: list[Patch], expected_sha256: str | None = None
    ) -> None:
        super().__init__()
        self._src, self._size = src, size
        self._patches = normalise(patches)
        self._starts = [p[0] for p in self._patches]
        self._pos = 0
        self._expected = expected_sha256
        self._sha: hashlib._Hash | None = hashlib.sha256() if expected_sha256 else None
        self._hashed = 0

    @property
    def size(self) -> int:
        return self._size

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._pos = base + offset
        return self._pos

    def read_range(self, start: int, end: int) -> bytes:
        end = min(end, self._size)
        if end <= start:
            return b""
        chunk = read_at(self._src, start, end - start)
        if len(chunk) != end - start:
            raise MalformedFileError("stream: shorter than announced")
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        buf: bytearray | None = None
        for patch in self._patches[first:]:
            p_start, p_len, _ = patch
            if p_start >= end:
                break
            lo, hi = max(start, p_start), min(end, p_start + p_len)
            if lo < hi:
                if buf is None:
                    buf = bytearray(chunk)
                buf[lo - start : hi - start] = patch_content(patch, lo, hi)
        return bytes(buf) if buf is not None else chunk

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        data = self.read_range(self._pos, self._pos + len(view))
        view[: len(data)] = data
        self._check(self._pos, data)
        self._pos += len(data)
        return len(data)

    def _check(self, pos: int, data: bytes) -> None:
        if self._sha is None:
            return
        if pos != self._hashed:
            self._sha = None  # not read in order: the caller checks the hash itself
            return
        self._sha.update(data)
        self._hashed += len(data)
        if self._hashed == self._size and self._sha.hexdigest() != self._expected:
            raise MalformedFileError("the source changed after it was verified")


def merged(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) ranges sorted and merged."""
    return merged_sorted(sorted(ranges))


def merged_sorted(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) ranges, given sorted by start, merged (consumed lazily)."""
    out: list[tuple[int, int]] = []
    for a, b in ranges:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        elif b > a:
            out.append((a, b))
    return out


def changed_inside(
    before: bytes,
    after: bytes,
    base: int,
    ranges: list[tuple[int, int]],
    starts: list[int],
    grain: int = 4096,
) -> bool:
    """Whether two equal-length blocks at file offset ``base`` differ inside one of the
    sorted, merged ``ranges`` (``starts``: their starts), compared exactly where a
    ``grain`` differs."""
    for off in range(0, len(before), grain):
        x, y = before[off : off + grain], after[off : off + grain]
        if x == y:
            continue
        a, b = base + off, base + off + len(x)
        i = max(0, bisect.bisect_right(starts, a) - 1)
        while i < len(ranges) and ranges[i][0] < b:
            lo, hi = max(a, ranges[i][0]) - a, min(b, ranges[i][1]) - a
            if lo < hi and x[lo:hi] != y[lo:hi]:
                return True
            i += 1
    return False
