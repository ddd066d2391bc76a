"""HEIC / HEIF / AVIF stills: lossless, item-level rebuild.

A HEIF file is a ``meta`` box listing items (coded images, tiles, derived images, EXIF
blocks, XMP packets, thumbnails, depth maps, HDR gain maps) with their locations
(``iloc``), types (``iinf``), references (``iref``) and properties (``iprp``), and an
``mdat`` holding their bytes. The cleaned file keeps the **primary image** and what it
needs to be displayed: the tiles of a grid, the inputs of a derived image, an alpha
plane. Everything else is left out: EXIF and XMP items (and any ``mime``/``uri`` item),
thumbnails, depth maps, gain maps and other auxiliary images, entity groups, XML boxes,
properties outside an allow-list (e.g. user descriptions ``udes``, timestamps), item
names, the handler name, and every byte of the original that no kept item uses.

The file is rebuilt: ``ftyp`` as is, a new ``meta`` (kept ``infe`` boxes, a new
``iloc`` with the new offsets, kept references and properties, renumbered), and one
``mdat`` with the kept items' bytes, copied unchanged. Nothing is decoded or re-encoded:
the kept items' coded bytes and decoding properties are byte-identical (verified), so
the picture is the same.

Not checked (stored as is): image sequences (``moov``), protected items, data in other
files, items built from other items (``iloc`` construction method 2), a primary image
whose coded type could carry metadata of its own (JPEG, JPEG 2000) or is unknown, and
an unknown property marked essential.
"""

from __future__ import annotations

import bisect
import struct

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import FormatHandler, Limits
from nam_desktop.core.media.exif import report_exif
from nam_desktop.core.media.heif_parse import (
    FOLLOW,
    IMAGE_TYPES,
    Heif,
    Item,
    aux_type,
    closure,
    fourcc,
    image_size,
    kept_props,
    parse,
    property_of,
    unreferenced,
)
from nam_desktop.core.media.needles import blob_needles, text_needles
from nam_desktop.core.media.report import MetadataItem, MetadataReport, RiskClass
from nam_desktop.core.media.xmp import report_xmp

IDF, SEN, HRM = RiskClass.IDENTIFYING, RiskClass.SENSITIVE, RiskClass.HARMLESS


# ---- report ---------------------------------------------------------------------------
def report(heif: Heif, fmt: str) -> MetadataReport:
    rep = MetadataReport(fmt)
    kept = closure(heif)
    primary = heif.items[heif.primary]
    width, height = image_size(heif, primary)
    rep.add("File", "ImageSize", f"{width}x{height}", HRM)
    rep.add("HEIF", "PrimaryImage", f"{fourcc(primary.type)}, {len(kept)} items", HRM)
    irot = property_of(heif, primary, b"irot")
    if irot is not None and len(irot) >= 9:
        rep.add("HEIF", "Rotation", (irot[8] & 3) * 90, HRM)
    colr = property_of(heif, primary, b"colr")
    if colr is not None and colr[8:12] in (b"prof", b"rICC"):
        rep.add("ICC_Profile", "ICCProfile", f"{len(colr) - 12} bytes", HRM)
    if heif.handler_name.strip(b"\x00 "):
        rep.add("HEIF", "HandlerName", heif.handler_name.decode("utf-8", "replace"), SEN)
    for item_id in kept:
        item = heif.items[item_id]
        if item.name:
            text = item.name.decode("utf-8", "replace")
            rep.add("HEIF", "ItemName", text, IDF, text_needles(text))
        for index, _essential in item.props:
            typ, raw = heif.props[index - 1] if index else (b"", b"")
            if index and (index, _essential) not in kept_props(heif, item):
                _report_property(rep, typ, raw)
    for item_id, item in heif.items.items():
        if item_id not in kept:
            _report_item(rep, heif, item)
    for typ, raw in heif.dropped_boxes:
        if typ in (b"xml ", b"bxml"):
            report_xmp(rep, raw[12:], group="XML")
        else:
            rep.add(
                "HEIF",
                f"Box-{fourcc(typ)}",
                f"{len(raw)} bytes",
                IDF,
                blob_needles(raw[8:]),
            )
    if heif.groups:
        rep.add("HEIF", "EntityGroups", f"{heif.groups} groups", SEN)
    unused = unreferenced(heif)
    if unused:
        rep.add(
            "HEIF",
            "UnreferencedData",
            f"{sum(b - a for a, b in unused)} bytes",
            IDF,
            blob_needles(b"".join(heif.data[a:b] for a, b in unused)[: 1 << 20], 4),
        )
    return rep


def _report_property(rep: MetadataReport, typ: bytes, raw: bytes) -> None:
    name = fourcc(typ)
    texts = [t.decode("utf-8", "replace") for t in raw[12:].split(b"\x00") if len(t) >= 5]
    needles = blob_needles(raw[8:]) + tuple(n for t in texts for n in text_needles(t))
    value = "; ".join(texts) if typ == b"udes" and texts else f"{len(raw)} bytes"
    rep.add("HEIF-Property", name, value, IDF if typ in (b"udes", b"uuid") else SEN, needles)


def _report_item(rep: MetadataReport, heif: Heif, item: Item) -> None:
    data = heif.item_bytes(item)
    kind = fourcc(item.type)
    if item.type == b"Exif":
        start = 4 + int.from_bytes(data[:4], "big") if len(data) >= 4 else 0
        if data[start : start + 6] == b"Exif\x00\x00":
            start += 6
        report_exif(rep, data, base=min(start, len(data)))
    elif item.type == b"mime" and b"xml" in item.content_type:
        report_xmp(rep, data)
    elif item.type in (b"mime", b"uri "):
        ctype = item.content_type.decode("utf-8", "replace")
        rep.add(
            "HEIF",
            f"{kind.strip()}Item",
            f"{ctype}, {len(data)} bytes",
            IDF,
            blob_needles(data) + text_needles(ctype),
        )
    else:
        thumb = any(t == b"thmb" and s == item.id for t, s, _to in heif.refs)
        aux = aux_type(heif, item).decode("utf-8", "replace")
        width, height = image_size(heif, item)
        if thumb:
            name, value = "ThumbnailImage", f"{kind} {width}x{height}"
        elif aux:
            name, value = "AuxiliaryImage", f"{aux} {width}x{height}"
        elif item.type in IMAGE_TYPES:
            name, value = "OtherImage", f"{kind} {width}x{height}"
        else:
            name, value = "Item", f"{kind}, {len(data)} bytes"
        group = "Thumbnail" if thumb else "HEIF"
        rep.add(group, name, value, IDF, blob_needles(data, 4))
    if item.name:
        text = item.name.decode("utf-8", "replace")
        rep.add("HEIF", "ItemName", text, IDF, text_needles(text))


# ---- rebuild --------------------------------------------------------------------------
def _box(typ: bytes, body: bytes) -> bytes:
    return struct.pack(">L4s", 8 + len(body), typ) + body


def _fullbox(typ: bytes, version: int, flags: int, body: bytes) -> bytes:
    return _box(typ, bytes([version]) + flags.to_bytes(3, "big") + body)


def _merge(extents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted((o, o + n) for o, n in extents if n > 0):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _mapper(ranges: list[tuple[int, int]], base: int) -> dict[int, int]:
    """Start of each merged range -> its new position (ranges laid end to end)."""
    out, pos = {}, base
    for a, b in ranges:
        out[a] = pos
        pos += b - a
    return out


def _new_offset(ranges: list[tuple[int, int]], starts: dict[int, int], offset: int) -> int:
    i = bisect.bisect_right(ranges, (offset, 1 << 64)) - 1
    if i < 0 or not ranges[i][0] <= offset < ranges[i][1]:  # not reached: extents are copied
        raise MalformedFileError("heif: extent outside the copied data")
    return starts[ranges[i][0]] + offset - ranges[i][0]


def rebuild(heif: Heif) -> tuple[bytes, list[str]]:
    kept = closure(heif)
    items = [heif.items[i] for i in kept]
    wide = heif.iinf_version != 0 or heif.iloc_version == 2 or max(kept) > 0xFFFF
    # Properties: those of kept items on the allow-list, renumbered in ipco order.
    used = sorted({index for item in items for index, _e in kept_props(heif, item)})
    renumber = {old: new for new, old in enumerate(used, 1)}
    ipco = _box(b"ipco", b"".join(heif.props[i - 1][1] for i in used))
    large = len(used) > 127
    ipma_body = bytearray(struct.pack(">L", len(items)))
    for item in items:
        ipma_body += item.id.to_bytes(4 if wide else 2, "big")
        assoc = kept_props(heif, item)
        ipma_body.append(len(assoc))
        for index, essential in assoc:
            if large:
                ipma_body += ((0x8000 if essential else 0) | renumber[index]).to_bytes(2, "big")
            else:
                ipma_body.append((0x80 if essential else 0) | renumber[index])
    iprp = _box(
        b"iprp", ipco + _fullbox(b"ipma", 1 if wide else 0, 1 if large else 0, bytes(ipma_body))
    )
    infes = []
    for item in items:
        if item.name:  # rebuilt without its name
            head = item.id.to_bytes(2 if item.version == 2 else 4, "big") + b"\x00\x00"
            infes.append(_fullbox(b"infe", item.version, item.flags, head + item.type + b"\x00"))
        else:
            infes.append(item.infe)
    iinf = _fullbox(
        b"iinf", 1 if wide else 0, 0, len(items).to_bytes(4 if wide else 2, "big") + b"".join(infes)
    )
    refs = [(t, s, tos) for t, s, tos in heif.refs if t in FOLLOW and s in kept]
    refs += [
        (t, s, [i for i in tos if i in kept])
        for t, s, tos in heif.refs
        if t == b"auxl" and s in kept
    ]
    width = 4 if wide else 2
    iref = (
        _fullbox(
            b"iref",
            1 if wide else 0,
            0,
            b"".join(
                _box(
                    t,
                    s.to_bytes(width, "big")
                    + len(tos).to_bytes(2, "big")
                    + b"".join(i.to_bytes(width, "big") for i in tos),
                )
                for t, s, tos in refs
            ),
        )
        if refs
        else b""
    )
    idat_ranges = _merge([e for it in items if it.method == 1 for e in it.extents])
    idat_starts = _mapper(idat_ranges, 0)
    idat_data = b"".join(heif.idat[a:b] for a, b in idat_ranges)
    idat = _box(b"idat", idat_data) if idat_ranges else b""
    file_ranges = _merge([e for it in items if it.method == 0 for e in it.extents])
    total = sum(b - a for a, b in file_ranges)
    ver = 2 if wide else (1 if any(it.method == 1 for it in items) else 0)
    off_size = 8 if len(heif.data) + total > 0xFFFFFFFF else 4
    hdlr = _fullbox(b"hdlr", 0, 0, bytes(4) + b"pict" + bytes(12) + b"\x00")
    pitm = _fullbox(b"pitm", 1 if wide else 0, 0, heif.primary.to_bytes(4 if wide else 2, "big"))

    def iloc(file_starts: dict[int, int]) -> bytes:
        body = bytearray([(off_size << 4) | off_size, 0])
        located = [item for item in items if item.located]
        body += len(located).to_bytes(4 if ver == 2 else 2, "big")
        for item in located:
            body += item.id.to_bytes(4 if ver == 2 else 2, "big")
            if ver:
                body += item.method.to_bytes(2, "big")
            body += b"\x00\x00" + len(item.extents).to_bytes(2, "big")
            for offset, length in item.extents:
                if item.method == 1:
                    new = _new_offset(idat_ranges, idat_starts, offset)
                else:
                    new = _new_offset(file_ranges, file_starts, offset) if file_starts else 0
                body += new.to_bytes(off_size, "big") + length.to_bytes(off_size, "big")
        return _fullbox(b"iloc", ver, 0, bytes(body))

    def meta(file_starts: dict[int, int]) -> bytes:
        parts = [hdlr, pitm, iloc(file_starts), iinf, iref, iprp, idat]
        return _fullbox(b"meta", 0, 0, b"".join(parts))

    meta_end = len(heif.ftyp) + len(meta({}))
    mdat_header = 8 if total + 8 <= 0xFFFFFFFF else 16
    file_starts = _mapper(file_ranges, meta_end + mdat_header)
    new_meta = meta(file_starts)
    if len(new_meta) + len(heif.ftyp) != meta_end:  # not reached: offsets have fixed sizes
        raise MalformedFileError("heif: layout changed while rebuilt")
    if mdat_header == 8:
        mdat_head = struct.pack(">L4s", 8 + total, b"mdat")
    else:
        mdat_head = struct.pack(">L4sQ", 1, b"mdat", 16 + total)
    parts = [heif.ftyp, new_meta, mdat_head]
    parts += [heif.data[a:b] for a, b in file_ranges]
    notes = [
        "lossless: HEIF rebuilt with the primary image's items only; coded data copied unchanged"
    ]
    removed = [it for i, it in heif.items.items() if i not in kept]
    if removed:
        kinds = sorted({_kind(heif, it) for it in removed})
        notes.append(f"{len(removed)} items removed ({', '.join(kinds)})")
    if any(_kind(heif, it) == "HDR gain map" for it in removed):
        notes.append("HDR gain map removed: HDR screens show the standard picture")
    return b"".join(parts), notes


def _kind(heif: Heif, item: Item) -> str:
    """What a removed item is, in words, for the notes."""
    if item.type == b"Exif":
        return "EXIF"
    if item.type == b"mime":
        return "XMP" if b"xml" in item.content_type else "MIME data"
    if any(t == b"thmb" and s == item.id for t, s, _to in heif.refs):
        return "thumbnail"
    aux = aux_type(heif, item).lower()
    if b"gainmap" in aux or b"gain-map" in aux:
        return "HDR gain map"
    if b"depth" in aux or b"disparity" in aux or aux.endswith(b"auxid:2"):
        return "depth map"
    if aux:
        return "auxiliary image"
    return "other image" if item.type in IMAGE_TYPES else fourcc(item.type).strip()


def logical(heif: Heif) -> list[tuple[object, ...]]:
    """What the picture depends on, independent of the layout: per kept item its type,
    flags, coded bytes, decoding properties (bytes, essential, in order) and
    references; the primary item first."""
    kept = closure(heif)
    out: list[tuple[object, ...]] = [("primary", heif.primary, heif.ftyp)]
    for item_id in kept:
        item = heif.items[item_id]
        props = [(heif.props[i - 1][1], e) for i, e in kept_props(heif, item)]
        refs = [
            (t, [i for i in tos if i in kept])
            for t, s, tos in heif.refs
            if s == item_id and t in (*FOLLOW, b"auxl")
        ]
        out.append((item_id, item.type, item.flags, heif.item_bytes(item), props, refs))
    return out


class HeifHandler(FormatHandler):
    name = "heic"

    def __init__(self) -> None:
        self._memo: list[tuple[bytes, Heif]] = []

    def _parse(self, data: bytes, limits: Limits) -> Heif:
        for obj, parsed in self._memo:
            if obj is data:
                return parsed
        parsed = parse(data, limits)
        self._memo = [*self._memo[-2:], (data, parsed)]
        return parsed

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        return report(self._parse(data, limits), self.name)

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        return rebuild(self._parse(data, limits))

    def structural_problems(self, cleaned: bytes, original: bytes, limits: Limits) -> list[str]:
        after, before = self._parse(cleaned, limits), self._parse(original, limits)
        problems = []
        if set(after.items) != set(closure(after)):
            problems.append("heif: items other than the picture left")
        if logical(after) != logical(before):
            problems.append("heif: picture items, their data or properties changed")
        if unreferenced(after) or after.dropped_boxes or len(after.mdat) > 1:
            problems.append("heif: data outside the picture's items left")
        return problems

    def allowed_after(self, item: MetadataItem) -> bool:
        return item.risk is HRM and item.group in ("File", "HEIF", "ICC_Profile")
