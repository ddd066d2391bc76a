"""HEIF structure: the boxes of a HEIC / HEIF / AVIF still, read and checked.

Only what the cleaner (``heif.py``) needs: the items (``iinf``), where their bytes are
(``iloc``), their references (``iref``) and properties (``iprp``), the primary item,
and which items the primary image needs to be displayed (:func:`closure`).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import Limits, NotCheckable

MAX_ITEMS = 10_000
MAX_EXTENTS = 100_000
MAX_PROPERTIES = 10_000

#: Item types that are picture data (coded images, tiles) or derived images.
IMAGE_TYPES = frozenset(
    {b"hvc1", b"hev1", b"av01", b"hvt1", b"lhv1", b"unci", b"grid", b"iovl", b"iden", b"tmap"}
)
#: References followed from the primary image to what it needs.
FOLLOW = (b"dimg", b"tbas")
ALPHA_URNS = (b"urn:mpeg:mpegB:cicp:systems:auxiliary:alpha", b"urn:mpeg:hevc:2015:auxid:1")
#: Properties that describe how to decode and show a kept image (all harmless).
KEEP_PROPERTIES = frozenset(
    {
        b"hvcC",
        b"av1C",
        b"lhvC",
        b"ispe",
        b"pixi",
        b"colr",
        b"irot",
        b"imir",
        b"clap",
        b"pasp",
        b"auxC",
        b"clli",
        b"mdcv",
        b"cclv",
        b"amve",
        b"rloc",
        b"lsel",
        b"a1op",
        b"a1lx",
        b"oinf",
        b"tols",
        b"uncC",
        b"cmpd",
        b"cmpC",
        b"icef",
    }
)
_FREE = (b"free", b"skip")


@dataclass
class Box:
    type: bytes
    start: int
    header: int
    size: int

    @property
    def body(self) -> int:
        return self.start + self.header

    @property
    def end(self) -> int:
        return self.start + self.size


def boxes(data: bytes, start: int, end: int) -> list[Box]:
    """The boxes of ``data[start:end]``, which they must fill exactly."""
    out: list[Box] = []
    pos = start
    while pos < end:
        if pos + 8 > end:
            raise MalformedFileError("heif: truncated box header")
        size, typ = struct.unpack_from(">L4s", data, pos)
        header = 8
        if size == 1:
            if pos + 16 > end:
                raise MalformedFileError("heif: truncated box header")
            (size,) = struct.unpack_from(">Q", data, pos + 8)
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            raise MalformedFileError(f"heif: box {fourcc(typ)!r} out of range")
        out.append(Box(typ, pos, header, size))
        pos += size
        if len(out) > MAX_ITEMS:
            raise MalformedFileError("heif: too many boxes")
    return out


class _Reader:
    """Big-endian fields of one box body, bounds-checked."""

    def __init__(self, data: bytes, pos: int, end: int) -> None:
        self.data, self.pos, self.end = data, pos, end

    def uint(self, size: int) -> int:
        if size == 0:
            return 0
        if size not in (1, 2, 4, 8) or self.pos + size > self.end:
            raise MalformedFileError("heif: truncated or bad field")
        value = int.from_bytes(self.data[self.pos : self.pos + size], "big")
        self.pos += size
        return value

    def cstring(self) -> bytes:
        stop = self.data.find(b"\x00", self.pos, self.end)
        if stop < 0:
            stop = self.end  # a name may end with the box
        text = self.data[self.pos : stop]
        self.pos = min(stop + 1, self.end)
        return text


@dataclass
class Item:
    id: int
    type: bytes
    infe: bytes  # the infe box as in the file
    version: int
    flags: int
    name: bytes
    content_type: bytes = b""
    method: int = 0  # iloc construction method: 0 file offsets, 1 idat
    extents: list[tuple[int, int]] = field(default_factory=list)  # (offset, length)
    located: bool = False
    props: list[tuple[int, bool]] = field(default_factory=list)  # (1-based index, essential)


@dataclass
class Heif:
    ftyp: bytes
    primary: int
    items: dict[int, Item]  # in iinf order
    refs: list[tuple[bytes, int, list[int]]]  # (type, from, to)
    props: list[tuple[bytes, bytes]]  # (type, box bytes) in ipco order
    iinf_version: int
    iloc_version: int
    iref_version: int
    ipma: list[tuple[int, int]]  # (version, flags) of each ipma box
    idat: bytes
    handler_name: bytes
    dropped_boxes: list[tuple[bytes, bytes]]  # (type, bytes) of meta/top boxes not kept
    groups: int
    mdat: list[Box]
    data: bytes = b""

    def item_bytes(self, item: Item) -> bytes:
        src = self.data if item.method == 0 else self.idat
        return b"".join(src[o : o + n] for o, n in item.extents)


def full_box(data: bytes, box: Box) -> tuple[int, int, int]:
    """(version, flags, body after them) of a FullBox."""
    if box.body + 4 > box.end:
        raise MalformedFileError(f"heif: {fourcc(box.type)!r} too short")
    return data[box.body], int.from_bytes(data[box.body + 1 : box.body + 4], "big"), box.body + 4


def parse(data: bytes, limits: Limits) -> Heif:
    top = boxes(data, 0, len(data))
    if not top or top[0].type != b"ftyp":
        raise MalformedFileError("heif: no ftyp box first")
    metas = [b for b in top if b.type == b"meta"]
    if len(metas) != 1:
        raise MalformedFileError("heif: exactly one meta box expected")
    if any(b.type == b"moov" for b in top):
        raise NotCheckable("HEIF image sequence (moov): not handled")
    dropped = [
        (b.type, data[b.start : b.end])
        for b in top
        if b.type not in (b"ftyp", b"meta", b"mdat")
        and not (b.type in _FREE and not any(data[b.body : b.end]))
    ]
    meta = metas[0]
    _v, _f, body = full_box(data, meta)
    children = boxes(data, body, meta.end)
    by_type: dict[bytes, list[Box]] = {}
    for child in children:
        by_type.setdefault(child.type, []).append(child)
    for typ in (b"hdlr", b"pitm", b"iinf", b"iloc"):
        if len(by_type.get(typ, [])) != 1:
            raise MalformedFileError(f"heif: exactly one {typ.decode()} box expected")
    if b"ipro" in by_type:
        raise NotCheckable("protected (encrypted) items: not handled")
    hdlr = by_type[b"hdlr"][0]
    if data[hdlr.body + 8 : hdlr.body + 12] != b"pict":
        raise NotCheckable("HEIF file that is not a picture")
    handler_name = data[hdlr.body + 24 : hdlr.end].split(b"\x00", 1)[0]
    if b"dinf" in by_type:
        _check_dinf(data, by_type[b"dinf"][0])
    known = {b"hdlr", b"dinf", b"pitm", b"iinf", b"iloc", b"iref", b"iprp", b"idat", b"grpl"}
    dropped += [
        (c.type, data[c.start : c.end])
        for c in children
        if c.type not in known and not (c.type in _FREE and not any(data[c.body : c.end]))
    ]
    pitm_v, _f, pos = full_box(data, by_type[b"pitm"][0])
    primary = _Reader(data, pos, by_type[b"pitm"][0].end).uint(2 if pitm_v == 0 else 4)
    items, iinf_version = _iinf(data, by_type[b"iinf"][0])
    idat = b"".join(data[b.body : b.end] for b in by_type.get(b"idat", []))
    iloc_version = _iloc(data, by_type[b"iloc"][0], items, len(idat))
    refs: list[tuple[bytes, int, list[int]]] = []
    iref_version = 0
    for iref in by_type.get(b"iref", []):
        iref_version, r = _iref(data, iref)
        refs += r
    props: list[tuple[bytes, bytes]] = []
    ipma: list[tuple[int, int]] = []
    for iprp in by_type.get(b"iprp", []):
        p, m = _iprp(data, iprp, items, len(props))
        props += p
        ipma += m
    for item in items.values():
        for index, _essential in item.props:
            if not 1 <= index <= len(props):
                raise MalformedFileError("heif: property index out of range")
    if primary not in items:
        raise MalformedFileError("heif: primary item missing")
    groups = sum(len(boxes(data, full_box(data, g)[2], g.end)) for g in by_type.get(b"grpl", []))
    heif = Heif(
        data[top[0].start : top[0].end],
        primary,
        items,
        refs,
        props,
        iinf_version,
        iloc_version,
        iref_version,
        ipma,
        idat,
        handler_name,
        dropped,
        groups,
        [b for b in top if b.type == b"mdat"],
        data,
    )
    _check_in_mdat(heif)
    width, height = image_size(heif, heif.items[primary])
    if width * height > limits.max_pixels:
        raise MalformedFileError("heif: picture larger than the pixel limit")
    return heif


def _check_in_mdat(heif: Heif) -> None:
    """Every extent of file data lies inside the payload of one ``mdat`` box. An extent
    reaching into a box header, another box or past its ``mdat`` would have the cleaned
    copy carry bytes nobody checked (a damaged or forged ``iloc``): refused."""
    bodies = [(box.body, box.end) for box in heif.mdat]
    for item in heif.items.values():
        if item.method != 0:
            continue
        for offset, length in item.extents:
            if not any(a <= offset and offset + length <= b for a, b in bodies):
                raise NotCheckable("item data outside the media data (mdat): not handled")


def _check_dinf(data: bytes, dinf: Box) -> None:
    for dref in boxes(data, dinf.body, dinf.end):
        if dref.type != b"dref":
            continue
        _v, _f, pos = full_box(data, dref)
        for entry in boxes(data, pos + 4, dref.end):
            _v, flags, _p = full_box(data, entry)
            if entry.type != b"url " or not flags & 1:
                raise NotCheckable("items stored in other files: not handled")


def _iinf(data: bytes, iinf: Box) -> tuple[dict[int, Item], int]:
    version, _f, pos = full_box(data, iinf)
    count = _Reader(data, pos, iinf.end).uint(2 if version == 0 else 4)
    entries = boxes(data, pos + (2 if version == 0 else 4), iinf.end)
    if count != len(entries) or count > MAX_ITEMS:
        raise MalformedFileError("heif: item count does not match the item infos")
    items: dict[int, Item] = {}
    for infe in entries:
        if infe.type != b"infe":
            raise MalformedFileError("heif: unexpected box in iinf")
        v, flags, p = full_box(data, infe)
        if v not in (2, 3):
            raise NotCheckable(f"item info version {v}: not handled")
        r = _Reader(data, p, infe.end)
        item_id = r.uint(2 if v == 2 else 4)
        r.uint(2)  # protection index
        typ = data[r.pos : r.pos + 4]
        r.pos += 4
        if len(typ) != 4 or r.pos > infe.end:
            raise MalformedFileError("heif: truncated item info")
        name = r.cstring()
        content = r.cstring() if typ in (b"mime", b"uri ") else b""
        if item_id in items:
            raise MalformedFileError("heif: item id used twice")
        items[item_id] = Item(item_id, typ, data[infe.start : infe.end], v, flags, name, content)
    return items, version


def _iloc(data: bytes, iloc: Box, items: dict[int, Item], idat_size: int) -> int:
    version, _f, pos = full_box(data, iloc)
    if version > 2:
        raise MalformedFileError("heif: bad iloc version")
    r = _Reader(data, pos, iloc.end)
    sizes = r.uint(1)
    offset_size, length_size = sizes >> 4, sizes & 15
    sizes = r.uint(1)
    base_size, index_size = sizes >> 4, (sizes & 15) if version else 0
    if any(s not in (0, 4, 8) for s in (offset_size, length_size, base_size, index_size)):
        raise MalformedFileError("heif: bad iloc field sizes")
    count = r.uint(2 if version < 2 else 4)
    total = 0
    for _ in range(count):
        item_id = r.uint(2 if version < 2 else 4)
        method = r.uint(2) & 15 if version else 0
        dref = r.uint(2)
        base = r.uint(base_size)
        n = r.uint(2)
        total += n
        if total > MAX_EXTENTS:
            raise MalformedFileError("heif: too many extents")
        item = items.get(item_id)
        if item is None or item.located:
            raise MalformedFileError("heif: location of an unknown or twice-located item")
        if method == 2:
            raise NotCheckable("items built from other items (iloc method 2): not handled")
        if method > 2 or dref != 0:
            raise NotCheckable("item data in another file: not handled")
        limit = len(data) if method == 0 else idat_size
        for _e in range(n):
            r.uint(index_size)
            offset, length = base + r.uint(offset_size), r.uint(length_size)
            if length == 0:
                if n != 1:
                    raise NotCheckable("empty item extents: not handled")
                length = limit - offset  # "the whole rest of the container"
            if offset + length > limit or length < 0:
                raise MalformedFileError("heif: item data outside the file")
            item.extents.append((offset, length))
        item.method, item.located = method, True
    return version


def _iref(data: bytes, iref: Box) -> tuple[int, list[tuple[bytes, int, list[int]]]]:
    version, _f, pos = full_box(data, iref)
    width = 2 if version == 0 else 4
    out = []
    for ref in boxes(data, pos, iref.end):
        r = _Reader(data, ref.body, ref.end)
        source, n = r.uint(width), r.uint(2)
        out.append((ref.type, source, [r.uint(width) for _ in range(n)]))
    return version, out


def _iprp(
    data: bytes, iprp: Box, items: dict[int, Item], base: int
) -> tuple[list[tuple[bytes, bytes]], list[tuple[int, int]]]:
    children = boxes(data, iprp.body, iprp.end)
    ipcos = [c for c in children if c.type == b"ipco"]
    if len(ipcos) != 1:
        raise MalformedFileError("heif: exactly one ipco box expected")
    props = [(p.type, data[p.start : p.end]) for p in boxes(data, ipcos[0].body, ipcos[0].end)]
    if base + len(props) > MAX_PROPERTIES:
        raise MalformedFileError("heif: too many properties")
    ipma: list[tuple[int, int]] = []
    for box in children:
        if box.type != b"ipma":
            continue
        version, flags, pos = full_box(data, box)
        ipma.append((version, flags))
        r = _Reader(data, pos, box.end)
        for _ in range(r.uint(4)):
            item = items.get(r.uint(2 if version < 1 else 4))
            if item is None:
                raise MalformedFileError("heif: properties of an unknown item")
            for _a in range(r.uint(1)):
                value = r.uint(2 if flags & 1 else 1)
                top_bit = 0x8000 if flags & 1 else 0x80
                if value & (top_bit - 1):  # index 0: no property
                    item.props.append((base + (value & (top_bit - 1)), bool(value & top_bit)))
    return props, ipma


def property_of(heif: Heif, item: Item, typ: bytes) -> bytes | None:
    for index, _essential in item.props:
        if index and heif.props[index - 1][0] == typ:
            return heif.props[index - 1][1]
    return None


def image_size(heif: Heif, item: Item) -> tuple[int, int]:
    ispe = property_of(heif, item, b"ispe")
    if ispe is None or len(ispe) < 20:
        return 0, 0
    width, height = struct.unpack(">LL", ispe[12:20])
    return int(width), int(height)


def aux_type(heif: Heif, item: Item) -> bytes:
    aux = property_of(heif, item, b"auxC")
    return aux[12:].split(b"\x00", 1)[0] if aux else b""


def closure(heif: Heif) -> list[int]:
    """The primary image and what it needs: inputs of derived images, tile bases, an
    alpha plane; in iinf order."""
    keep = {heif.primary}
    stack = [heif.primary]
    while stack:
        current = stack.pop()
        found = [
            to for typ, src, tos in heif.refs if typ in FOLLOW and src == current for to in tos
        ]
        found += [
            src
            for typ, src, tos in heif.refs
            if typ == b"auxl"
            and current in tos
            and src in heif.items
            and aux_type(heif, heif.items[src]) in ALPHA_URNS
        ]
        for item_id in found:
            if item_id not in heif.items:
                raise MalformedFileError("heif: reference to a missing item")
            if item_id not in keep:
                keep.add(item_id)
                stack.append(item_id)
        if len(keep) > MAX_ITEMS:
            raise MalformedFileError("heif: too many items")
    kept = [i for i in heif.items if i in keep]
    for item_id in kept:
        item = heif.items[item_id]
        if item.type not in IMAGE_TYPES:
            raise NotCheckable(f"picture made of {fourcc(item.type)!r} items: not handled")
        if not item.located and item.type not in (b"grid", b"iovl", b"iden", b"tmap"):
            raise MalformedFileError("heif: image item without data")
        for index, essential in item.props:
            typ = heif.props[index - 1][0]
            if typ not in KEEP_PROPERTIES and essential:
                raise NotCheckable(f"essential property {fourcc(typ)!r}: not handled")
    return kept


def kept_props(heif: Heif, item: Item) -> list[tuple[int, bool]]:
    return [
        (index, essential)
        for index, essential in item.props
        if index
        and heif.props[index - 1][0] in KEEP_PROPERTIES
        and (heif.props[index - 1][0] != b"auxC" or aux_type(heif, item) in ALPHA_URNS)
    ]


def fourcc(typ: bytes) -> str:
    """A box or item type for a report: its letters, or hex when not printable ASCII."""
    text = typ.decode("latin-1")
    return text if text.isascii() and text.isprintable() else typ.hex()


def unreferenced(heif: Heif) -> list[tuple[int, int]]:
    """Ranges of mdat payload that no item (kept or not) uses."""
    used = sorted(
        (o, o + n) for item in heif.items.values() if item.method == 0 for o, n in item.extents
    )
    gaps: list[tuple[int, int]] = []
    for box in heif.mdat:
        pos = box.body
        for a, b in used:
            if b <= pos or a >= box.end:
                continue
            if a > pos:
                gaps.append((pos, a))
            pos = max(pos, b)
        if pos < box.end:
            gaps.append((pos, box.end))
    return [(a, b) for a, b in gaps if b > a]
