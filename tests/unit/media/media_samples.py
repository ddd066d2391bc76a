"""Synthetic media with known metadata, built in memory (no corpus needed).

Imported by the media unit tests (their directory is on sys.path under pytest's
default "prepend" import mode).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from PIL import Image, ImageDraw

AUTHOR = "Ivan Petrovich Sidorov"
SERIAL = "SN-8842-XQ-2231"
PLACE = "Akrestsina street 36"


def _picture(size: tuple[int, int] = (64, 48)) -> Image.Image:
    img = Image.new("RGB", size, (200, 30, 30))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, size[0] // 2, size[1] // 3), fill=(10, 120, 240))
    draw.line((0, size[1] - 1, size[0] - 1, 0), fill=(255, 255, 0), width=3)
    return img


def make_jpeg(orientation: int = 6, trailer: bytes = b"", comment: bytes = b"") -> bytes:
    img = _picture()
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x013B] = AUTHOR
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Model X"
    exif[0x0131] = "Editor 1.0"
    ifd = exif.get_ifd(0x8769)
    ifd[0xA431] = SERIAL
    ifd[0x9003] = "2024:05:01 10:11:12"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (53.0, 54.0, 33.25)
    gps[3] = "E"
    gps[4] = (27.0, 33.0, 44.75)
    out = io.BytesIO()
    # An ICC header (size, CMM, ..., the 'acsp' signature at offset 36), then stand-ins.
    icc = b"\x00\x00\x02\x0clcms" + bytes(28) + b"acsp" + b"fake-icc-profile-for-tests"
    icc += bytes(range(64))
    img.save(out, "JPEG", quality=90, exif=exif.tobytes(), icc_profile=icc)
    data = out.getvalue()
    if comment:
        com = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
        data = data[:2] + com + data[2:]
    xmp = (
        b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><rdf:RDF><rdf:Description>"
        b"<dc:creator>"
        + AUTHOR.encode()
        + b"</dc:creator><photoshop:City>"
        + PLACE.encode()
        + b"</photoshop:City></rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    app1 = b"\xff\xe1" + struct.pack(">H", len(xmp) + 2) + xmp
    data = data[:2] + app1 + data[2:]
    return data + trailer


def png_chunk(ctype: bytes, body: bytes) -> bytes:
    return struct.pack(">L", len(body)) + ctype + body + struct.pack(">L", zlib.crc32(ctype + body))


def make_png() -> bytes:
    img = _picture()
    out = io.BytesIO()
    img.save(out, "PNG")
    data = out.getvalue()
    iend = data.rindex(b"IEND") - 4
    extra = (
        png_chunk(b"tEXt", b"Author\x00" + AUTHOR.encode())
        + png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(PLACE.encode()))
        + png_chunk(
            b"iTXt",
            b"XML:com.adobe.xmp\x00\x00\x00\x00\x00<x:xmpmeta>" + SERIAL.encode() + b"</x:xmpmeta>",
        )
        + png_chunk(b"tIME", b"\x07\xe8\x05\x01\x0a\x0b\x0c")
    )
    # Metadata chunks go before IDAT here; tIME may be anywhere.
    idat = data.index(b"IDAT") - 4
    return data[:idat] + extra + data[idat:iend] + data[iend:]


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
)
CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    f"<dc:creator>{AUTHOR}</dc:creator><cp:lastModifiedBy>{SERIAL}</cp:lastModifiedBy>"
    "</cp:coreProperties>"
)


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
#: Relationship type and content type of the extra parts tests add, by name.
_EXTRA_TYPES = {
    "settings": (_REL + "settings", _WML + "settings+xml"),
    "comments": (_REL + "comments", _WML + "comments+xml"),
    "people": (
        "http://schemas.microsoft.com/office/2011/relationships/people",
        _WML + "people+xml",
    ),
    "image": (_REL + "image", ""),
}


def make_docx(body: str, extra: dict[str, bytes] | None = None, *, linked: bool = True) -> bytes:
    """A minimal, valid DOCX. ``extra`` parts are linked from the document (relationship
    and content type chosen by their name: settings, comments, people, media) unless
    ``linked`` is false, then they are only stored in the ZIP."""
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
        f"<w:body>{body}</w:body></w:document>"
    )
    types = CONTENT_TYPES.replace(
        '<Default Extension="xml"',
        '<Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="xml"',
    )
    rels = []
    for i, name in enumerate(extra or {}):
        kind = next((k for k in _EXTRA_TYPES if k in name), "custom")
        other = "application/xml" if name.endswith(".xml") else "application/octet-stream"
        rel_type, ctype = _EXTRA_TYPES.get(kind, (_REL + "custom", other))
        target = name.removeprefix("word/")
        rels.append(f'<Relationship Id="rIdX{i}" Type="{rel_type}" Target="{target}"/>')
        if ctype:
            types = types.replace(
                "</Types>", f'<Override PartName="/{name}" ContentType="{ctype}"/></Types>'
            )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("docProps/core.xml", CORE)
        zf.writestr("word/document.xml", document)
        if rels and linked:
            zf.writestr(
                "word/_rels/document.xml.rels",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
                'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + "".join(rels)
                + "</Relationships>",
            )
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


PLAIN_BODY = (
    '<w:p w:rsidR="00A1B2C3" w14:paraId="1A2B3C4D"><w:r w:rsidRPr="00D4E5F6">'
    "<w:t>The witness said hello.</w:t></w:r></w:p>"
)
TRACKED_BODY = (
    "<w:p><w:r><w:t>Kept </w:t></w:r>"
    f'<w:ins w:id="1" w:author="{AUTHOR}" w:date="2024-01-01T00:00:00Z">'
    "<w:r><w:t>inserted </w:t></w:r></w:ins>"
    f'<w:del w:id="2" w:author="{AUTHOR}"><w:r><w:delText>deleted </w:delText></w:r></w:del>'
    "<w:r><w:t>end.</w:t></w:r></w:p>"
)


def atom(typ: bytes, body: bytes) -> bytes:
    return struct.pack(">L", 8 + len(body)) + typ + body


def _track(
    track_id: int,
    handler: bytes,
    entry: bytes,
    sizes: list[int],
    offset: int,
    tref: bytes = b"",
    name: bytes = b"Handler",
) -> bytes:
    tkhd = atom(
        b"tkhd",
        b"\x00\x00\x00\x07"
        + struct.pack(">LLL", 111, 222, track_id)
        + bytes(4)
        + struct.pack(">L", 10)
        + bytes(8)
        + bytes(8)
        + struct.pack(">9L", 0, 0x10000, 0, 0xFFFF0000, 0, 0, 0, 0, 0x40000000)
        + struct.pack(">LL", 64 << 16, 48 << 16),
    )  # matrix: rotated 90 degrees
    mdhd = atom(b"mdhd", bytes(4) + struct.pack(">LLLL", 333, 444, 1000, 10) + bytes(4))
    hdlr = atom(b"hdlr", bytes(8) + handler + bytes(12) + name + b"\x00")
    stsd = atom(b"stsd", bytes(4) + struct.pack(">L", 1) + atom(entry, bytes(8)))
    stts = atom(b"stts", bytes(4) + struct.pack(">LLL", 1, len(sizes), 1))
    stsc = atom(b"stsc", bytes(4) + struct.pack(">LLLL", 1, 1, len(sizes), 1))
    stsz = atom(
        b"stsz",
        bytes(4) + struct.pack(">LL", 0, len(sizes)) + struct.pack(f">{len(sizes)}L", *sizes),
    )
    stco = atom(b"stco", bytes(4) + struct.pack(">LL", 1, offset))
    stbl = atom(b"stbl", stsd + stts + stsc + stsz + stco)
    minf = atom(b"minf", atom(b"dinf", b"") + stbl)
    return atom(b"trak", tkhd + tref + atom(b"mdia", mdhd + hdlr + minf))


VIDEO_SAMPLES = [bytes((i * 13 + k) % 256 for i in range(40)) for k in range(3)]
FACE_SAMPLE = b"face-track:" + AUTHOR.encode()


SUBTITLE_SAMPLE = struct.pack(">H", 30) + b"Interview with " + AUTHOR.encode()[:15]
TIMECODE_SAMPLE = struct.pack(">L", 1_234_567)


def make_mp4(
    extra_tracks: bool = False, handler_name: bytes = b"Handler", brand: bytes = b"isom"
) -> bytes:
    """ftyp, mdat (video samples, then a timed-metadata sample), moov with udta/meta.
    ``extra_tracks``: also a subtitle track, a timecode track and a hint track, and a
    track reference from the video to the timecode track. ``handler_name``: the free
    text of the video track's ``hdlr`` (phones write their model there)."""
    ftyp = atom(b"ftyp", brand + b"\x00\x00\x02\x00isomiso2mp41")
    payload = b"".join(VIDEO_SAMPLES) + FACE_SAMPLE
    extras = [SUBTITLE_SAMPLE, TIMECODE_SAMPLE, b"hint-packet:" + SERIAL.encode()]
    if extra_tracks:
        payload += b"".join(extras)
    mdat_start = len(ftyp) + 8
    mdat = atom(b"mdat", payload)
    tref = atom(b"tref", atom(b"tmcd", struct.pack(">L", 4))) if extra_tracks else b""
    video = _track(
        1, b"vide", b"avc1", [len(s) for s in VIDEO_SAMPLES], mdat_start, tref, handler_name
    )
    meta_track = _track(
        2, b"meta", b"mebx", [len(FACE_SAMPLE)], mdat_start + sum(len(s) for s in VIDEO_SAMPLES)
    )
    if extra_tracks:
        pos = mdat_start + sum(map(len, VIDEO_SAMPLES)) + len(FACE_SAMPLE)
        for track_id, (handler, entry), sample in zip(
            (3, 4, 5),
            ((b"text", b"tx3g"), (b"tmcd", b"tmcd"), (b"hint", b"rtp ")),
            extras,
            strict=True,
        ):
            meta_track += _track(track_id, handler, entry, [len(sample)], pos)
            pos += len(sample)
    mvhd = atom(b"mvhd", bytes(4) + struct.pack(">LLLL", 555, 666, 1000, 10) + bytes(80))
    xyz = b"+53.9045+027.5615/"
    udta = atom(
        b"udta",
        atom(b"\xa9xyz", struct.pack(">HH", len(xyz), 0x15C7) + xyz)
        + atom(b"\xa9too", struct.pack(">HH", 6, 0) + b"Lavf58"),
    )
    key = b"com.apple.quicktime.author"
    keys = atom(
        b"keys", bytes(4) + struct.pack(">L", 1) + struct.pack(">L", 8 + len(key)) + b"mdta" + key
    )
    value = atom(b"data", struct.pack(">LL", 1, 0) + SERIAL.encode())
    ilst = atom(b"ilst", atom(struct.pack(">L", 1), value))
    meta = atom(b"meta", atom(b"hdlr", bytes(8) + b"mdta" + bytes(13)) + keys + ilst)
    moov = atom(b"moov", mvhd + video + meta_track + udta + meta)
    return ftyp + mdat + moov


# ---- TIFF ------------------------------------------------------------------------------
def tiff_ifd(
    entries: list[tuple[int, int, int, bytes]], at: int, nxt: int = 0
) -> tuple[bytes, bytes]:
    """(IFD bytes, long values) of a little-endian directory written at ``at``; entries
    are (tag, type, count, value bytes); values over 4 bytes follow the directory."""
    head = struct.pack("<H", len(entries))
    values = b""
    table = b""
    data_at = at + 2 + 12 * len(entries) + 4
    for tag, typ, count, value in sorted(entries):
        if len(value) <= 4:
            field = value + bytes(4 - len(value))
        else:
            field = struct.pack("<L", data_at + len(values))
            values += value + (b"\x00" if len(value) % 2 else b"")
        table += struct.pack("<HHL", tag, typ, count) + field
    return head + table + struct.pack("<L", nxt), values


def make_tiff(
    width: int = 16,
    height: int = 12,
    *,
    thumbnail: bool = True,
    second_page: bool = False,
    extra: list[tuple[int, int, int, bytes]] | None = None,
    compression: int = 1,
) -> bytes:
    """Uncompressed 8-bit greyscale TIFF (two strips) with Artist, description, XMP, an
    EXIF directory (serial number) and, optionally, a reduced-resolution IFD1."""
    pixels = bytes((x * 7 + y * 13) % 256 for y in range(height) for x in range(width))
    half = (height // 2) * width
    strips = [pixels[:half], pixels[half:]]
    xmp = b'<x:xmpmeta><rdf:Description dc:creator="' + AUTHOR.encode() + b'"/></x:xmpmeta>'
    exif_ifd = [(0xA431, 2, len(SERIAL) + 1, SERIAL.encode() + b"\x00")]
    artist = AUTHOR.encode() + b"\x00"
    place = PLACE.encode() + b"\x00"
    # Layout: header, strips, IFD0 (+values), EXIF IFD (+values), IFD1 (+values), thumb.
    pos = 8
    strip_offsets = []
    for s in strips:
        strip_offsets.append(pos)
        pos += len(s)
    ifd0_at = pos
    entries0 = [
        (256, 3, 1, struct.pack("<H", width)),
        (257, 3, 1, struct.pack("<H", height)),
        (258, 3, 1, struct.pack("<H", 8)),
        (259, 3, 1, struct.pack("<H", compression)),
        (262, 3, 1, struct.pack("<H", 1)),
        (270, 2, len(place), place),
        (273, 4, 2, struct.pack("<2L", *strip_offsets)),
        (274, 3, 1, struct.pack("<H", 1)),
        (277, 3, 1, struct.pack("<H", 1)),
        (278, 3, 1, struct.pack("<H", height // 2)),
        (279, 4, 2, struct.pack("<2L", *map(len, strips))),
        (282, 5, 1, struct.pack("<LL", 72, 1)),
        (283, 5, 1, struct.pack("<LL", 72, 1)),
        (296, 3, 1, struct.pack("<H", 2)),
        (315, 2, len(artist), artist),
        (700, 1, len(xmp), xmp),
        (34665, 4, 1, b"\x00\x00\x00\x00"),  # patched below
        *(extra or []),
    ]
    probe, values = tiff_ifd(entries0, ifd0_at)
    exif_at = ifd0_at + len(probe) + len(values)
    entries0[-1 - len(extra or [])] = (34665, 4, 1, struct.pack("<L", exif_at))
    exif_probe, exif_values = tiff_ifd(exif_ifd, exif_at)
    ifd1_at = exif_at + len(exif_probe) + len(exif_values)
    second: bytes = b""
    if thumbnail or second_page:
        tw, th = (4, 3) if thumbnail else (width, height)
        tpix = (
            bytes(((x + y) * 40 + 5) % 256 for y in range(th) for x in range(tw))
            if thumbnail
            else pixels
        )
        ifd1_entries = [
            (254, 4, 1, struct.pack("<L", 1 if thumbnail else 2)),
            (256, 3, 1, struct.pack("<H", tw)),
            (257, 3, 1, struct.pack("<H", th)),
            (258, 3, 1, struct.pack("<H", 8)),
            (259, 3, 1, struct.pack("<H", 1)),
            (262, 3, 1, struct.pack("<H", 1)),
            (273, 4, 1, b"\x00\x00\x00\x00"),
            (277, 3, 1, struct.pack("<H", 1)),
            (278, 3, 1, struct.pack("<H", th)),
            (279, 4, 1, struct.pack("<L", len(tpix))),
        ]
        probe1, values1 = tiff_ifd(ifd1_entries, ifd1_at)
        tpix_at = ifd1_at + len(probe1) + len(values1)
        ifd1_entries[6] = (273, 4, 1, struct.pack("<L", tpix_at))
        ifd1, values1 = tiff_ifd(ifd1_entries, ifd1_at)
        second = ifd1 + values1 + tpix
    ifd0, values = tiff_ifd(entries0, ifd0_at, ifd1_at if second else 0)
    exif, exif_values = tiff_ifd(exif_ifd, exif_at)
    return (
        b"II*\x00"
        + struct.pack("<L", ifd0_at)
        + b"".join(strips)
        + ifd0
        + values
        + exif
        + exif_values
        + second
    )


# ---- HEIF ------------------------------------------------------------------------------
def _fullbox(typ: bytes, version: int, flags: int, body: bytes) -> bytes:
    return atom(typ, bytes([version]) + flags.to_bytes(3, "big") + body)


def heif_exif() -> bytes:
    """An EXIF item's data: header offset, then a TIFF block with Artist and GPS."""
    exif = Image.Exif()
    exif[0x013B] = AUTHOR
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (53.0, 54.0, 33.25)
    return struct.pack(">L", 6) + b"Exif\x00\x00" + exif.tobytes()


PRIMARY_DATA = bytes((i * 31 + 7) % 251 for i in range(300))  # stands for HEVC data
ALPHA_DATA = bytes((i * 17 + 3) % 241 for i in range(120))
THUMB_DATA = b"thumbnail-pixels:" + PLACE.encode() * 3
DEPTH_DATA = b"depth-map-pixels:" + bytes(range(60))
HEIF_XMP = b'<x:xmpmeta><rdf:Description dc:creator="' + AUTHOR.encode() + b'"/></x:xmpmeta>'


def make_heif(
    *,
    primary_type: bytes = b"hvc1",
    essential_unknown: bool = False,
    method2: bool = False,
    moov: bool = False,
    grid: bool = False,
    aux_urn: bytes = b"urn:mpeg:hevc:2015:auxid:2",
) -> bytes:
    """A HEIF still whose coded data are stand-ins (nothing here is decoded): primary
    image 1 (or a grid 1 of tiles 7 and 8), thumbnail 2, EXIF 3, XMP 4, alpha plane 5,
    depth map 6 (or another auxiliary image: ``aux_urn``); a user description property
    and an item name on the primary, a handler name, a uuid box and bytes no item
    uses."""
    ftyp = atom(b"ftyp", b"heic\x00\x00\x00\x00mif1heic")
    aux_alpha = _fullbox(b"auxC", 0, 0, b"urn:mpeg:mpegB:cicp:systems:auxiliary:alpha\x00")
    aux_depth = _fullbox(b"auxC", 0, 0, aux_urn + b"\x00")
    props = [
        atom(b"hvcC", b"\x01" + bytes(22) + b"fake-config"),  # 1
        _fullbox(b"ispe", 0, 0, struct.pack(">LL", 64, 48)),  # 2
        atom(b"colr", b"nclx" + struct.pack(">HHHB", 1, 13, 6, 0x80)),  # 3
        atom(b"irot", b"\x01"),  # 4
        _fullbox(b"udes", 0, 0, b"en\x00" + AUTHOR.encode() + b"\x00Kitchen table\x00\x00"),  # 5
        aux_alpha,  # 6
        aux_depth,  # 7
        _fullbox(b"ispe", 0, 0, struct.pack(">LL", 8, 6)),  # 8
        atom(b"zzzz", b"vendor:" + SERIAL.encode()),  # 9
        _fullbox(b"ispe", 0, 0, struct.pack(">LL", 32, 48)),  # 10
    ]
    tiles = grid
    items: list[tuple[int, bytes, bytes, int]] = [  # (id, type, data, method)
        (
            1,
            b"grid" if grid else primary_type,
            b"\x00\x00\x00\x01\x00\x40\x00\x30" if grid else PRIMARY_DATA,
            1 if grid else 0,
        ),
        (2, b"hvc1", THUMB_DATA, 0),
        (3, b"Exif", heif_exif(), 0),
        (4, b"mime", HEIF_XMP, 0),
        (5, b"hvc1", ALPHA_DATA, 0),
        (6, b"hvc1", DEPTH_DATA, 0),
    ]
    if tiles:
        items += [(7, b"hvc1", PRIMARY_DATA[:150], 0), (8, b"hvc1", PRIMARY_DATA[150:], 0)]
    assoc = {
        1: [
            (2, True) if grid else (1, True),
            (2, False) if not grid else (3, False),
            (3, False) if not grid else (4, True),
            (4, True),
            (5, False),
        ],
        2: [(1, True), (8, False)],
        5: [(1, True), (2, False), (6, True)],
        6: [(1, True), (2, False), (7, True)],
        7: [(1, True), (10, False)],
        8: [(1, True), (10, False)],
    }
    if grid:
        assoc[1] = [(2, False), (3, False), (4, True), (5, False)]
    if not grid:
        del assoc[7], assoc[8]
    if essential_unknown:
        assoc[1].append((9, True))
    infes = b""
    for item_id, typ, _data, _m in items:
        body = struct.pack(">HH", item_id, 0) + typ
        if item_id == 1:
            body += b"Ivan's picture\x00"
        elif typ == b"mime":
            body += b"\x00application/rdf+xml\x00"
        else:
            body += b"\x00"
        flags = 1 if item_id in (5, 6, 7, 8) else 0
        infes += _fullbox(b"infe", 2, flags, body)
    iinf = _fullbox(b"iinf", 0, 0, struct.pack(">H", len(items)) + infes)
    refs = (
        atom(b"thmb", struct.pack(">HHH", 2, 1, 1))
        + atom(b"cdsc", struct.pack(">HHH", 3, 1, 1))
        + atom(b"cdsc", struct.pack(">HHH", 4, 1, 1))
        + atom(b"auxl", struct.pack(">HHH", 5, 1, 1))
        + atom(b"auxl", struct.pack(">HHH", 6, 1, 1))
    )
    if grid:
        refs += atom(b"dimg", struct.pack(">HHHH", 1, 2, 7, 8))
    iref = _fullbox(b"iref", 0, 0, refs)
    ipma = struct.pack(">L", len(assoc))
    for item_id, pairs in assoc.items():
        ipma += struct.pack(">HB", item_id, len(pairs))
        ipma += bytes((0x80 if e else 0) | i for i, e in pairs)
    iprp = atom(b"iprp", atom(b"ipco", b"".join(props)) + _fullbox(b"ipma", 0, 0, ipma))
    hdlr = _fullbox(b"hdlr", 0, 0, bytes(4) + b"pict" + bytes(12) + b"Ivan's phone\x00")
    pitm = _fullbox(b"pitm", 0, 0, struct.pack(">H", 1))
    idat_items = [(i, d) for i, _t, d, m in items if m == 1]
    idat = atom(b"idat", b"".join(d for _i, d in idat_items)) if idat_items else b""
    junk = b"unused bytes: " + PLACE.encode()

    def build(mdat_at: int) -> bytes:
        ver = 1
        body = bytearray([0x44, 0x00]) + struct.pack(">H", len(items))
        pos = mdat_at + 8 + len(junk)
        ipos = 0
        for item_id, _t, data, method in items:
            body += struct.pack(">HHH", item_id, 2 if method2 and item_id == 6 else method, 0)
            body += struct.pack(">H", 1)
            if method == 1:
                body += struct.pack(">LL", ipos, len(data))
                ipos += len(data)
            else:
                body += struct.pack(">LL", pos, len(data))
                pos += len(data)
        iloc = _fullbox(b"iloc", ver, 0, bytes(body))
        return _fullbox(b"meta", 0, 0, hdlr + pitm + iloc + iinf + iref + iprp + idat)

    extra = atom(b"uuid", b"0123456789abcdef" + SERIAL.encode())
    meta = build(0)
    mdat_at = len(ftyp) + len(meta) + len(extra)
    meta = build(mdat_at)
    payload = junk + b"".join(d for _i, _t, d, m in items if m == 0)
    out = ftyp + meta + extra + atom(b"mdat", payload)
    if moov:
        out += atom(b"moov", atom(b"mvhd", bytes(100)))
    return out


PHONE_MODEL = b"SM-G991B"


def make_phone_mp4(*, self_contained: bool = True) -> bytes:
    """A phone-like MP4 whose free-text fields name the device: the video track's
    ``hdlr`` names in mdia and minf, the ``avc1`` compressor name, a ``url `` data
    reference with a stray location string, and a vendor box inside the sample table
    and in ``mdia``. ``self_contained``: the data reference's flag."""
    ftyp = atom(b"ftyp", b"isom\x00\x00\x02\x00isomiso2avc1mp41")
    payload = b"".join(VIDEO_SAMPLES)
    mdat_start = len(ftyp) + 8
    mdat = atom(b"mdat", payload)
    tkhd = atom(b"tkhd", b"\x00\x00\x00\x07" + struct.pack(">LLL", 0, 0, 1) + bytes(68))
    mdhd = atom(b"mdhd", bytes(4) + struct.pack(">LLLL", 0, 0, 1000, 10) + bytes(4))
    hdlr = atom(b"hdlr", bytes(8) + b"vide" + bytes(12) + PHONE_MODEL + b" VideoHandle\x00")
    counted = bytes([len(PHONE_MODEL) + 5]) + PHONE_MODEL + b" Data\x00"  # QuickTime style
    dhlr = atom(b"hdlr", bytes(8) + b"dhlr" + bytes(12) + counted)
    url = atom(b"url ", bytes([0, 0, 0, 1 if self_contained else 0]) + b"/sdcard/" + PHONE_MODEL)
    dref = atom(b"dref", bytes(4) + struct.pack(">L", 1) + url)
    compressor = bytes([len(PHONE_MODEL) + 4]) + PHONE_MODEL + b" AVC"
    avcc = atom(b"avcC", b"\x01\x64\x00\x1f\xff\xe1\x00\x04\x67\x64\x00\x1f\x01\x00\x02\x68\xee")
    avc1 = atom(
        b"avc1",
        bytes(6) + struct.pack(">H", 1) + bytes(16) + struct.pack(">HH", 64, 48)
        + struct.pack(">LL", 0x480000, 0x480000) + bytes(4) + struct.pack(">H", 1)
        + compressor.ljust(32, b"\x00") + struct.pack(">Hh", 24, -1) + avcc,
    )  # fmt: skip
    stsd = atom(b"stsd", bytes(4) + struct.pack(">L", 1) + avc1)
    sizes = [len(s) for s in VIDEO_SAMPLES]
    stbl = atom(
        b"stbl",
        stsd
        + atom(b"stts", bytes(4) + struct.pack(">LLL", 1, len(sizes), 1))
        + atom(b"stsc", bytes(4) + struct.pack(">LLLL", 1, 1, len(sizes), 1))
        + atom(b"stsz", bytes(4) + struct.pack(">LL", 0, len(sizes)) + struct.pack(">3L", *sizes))
        + atom(b"stco", bytes(4) + struct.pack(">LL", 1, mdat_start))
        + atom(b"sefd", b"encoder-of " + AUTHOR.encode()),
    )
    minf = atom(b"minf", atom(b"vmhd", bytes(12)) + dhlr + atom(b"dinf", dref) + stbl)
    mdia = atom(b"mdia", mdhd + hdlr + minf + atom(b"udta", atom(b"\xa9cpy", SERIAL.encode())))
    trak = atom(b"trak", tkhd + mdia)
    mvhd = atom(b"mvhd", bytes(4) + struct.pack(">LLLL", 0, 0, 1000, 10) + bytes(80))
    return ftyp + mdat + atom(b"moov", mvhd + trak)


def make_png_raw_exif(orientation: int = 6) -> bytes:
    """A PNG whose EXIF (orientation, model, artist, GPS) is only in ImageMagick's
    "Raw profile type exif" zTXt chunk: a blank line, the name, the length, then the
    "Exif\\0\\0" block in hex over lines of 72 digits (as ``convert`` writes it)."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x013B] = AUTHOR
    exif[0x0110] = PHONE_MODEL.decode()
    gps = exif.get_ifd(0x8825)
    gps[2] = (53.0, 54.0, 33.25)
    gps[4] = (27.0, 33.0, 44.75)
    payload = exif.tobytes()  # b"Exif\0\0" and the TIFF block
    hexed = payload.hex().encode()
    lines = b"\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
    text = b"\nexif\n" + str(len(payload)).rjust(8).encode() + b"\n" + lines + b"\n"
    buf = io.BytesIO()
    _picture((6, 4)).save(buf, "PNG")
    data = buf.getvalue()
    chunk = png_chunk(b"zTXt", b"Raw profile type exif\x00\x00" + zlib.compress(text))
    at = data.index(b"IDAT") - 4
    return data[:at] + chunk + data[at:]


#: The start of a FLAC audio frame: sync, 192 samples at 44.1 kHz, mono, 16 bits,
#: frame 0, and the header's CRC-8 (0xba, computed by hand from the FLAC format
#: description), then stand-in audio bytes.
FLAC_FRAME = b"\xff\xf8\x19\x08\x00\xba" + b"audio"
#: One MPEG-1 Layer III frame header (128 kbps, 44.1 kHz) followed by silence.
MP3_FRAME = b"\xff\xfb\x90\x64" + b"\x00" * 413
PCM = bytes((i * 7) % 256 for i in range(4000))


def make_wav() -> bytes:
    """8-bit mono PCM with a LIST/INFO chunk (artist, comment) and a bext chunk."""
    import wave

    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(PCM)
    data = buf.getvalue()
    info = b"INFO"
    for key, value in ((b"IART", AUTHOR.encode()), (b"ICMT", PLACE.encode() + b"\x00")):
        value += b"\x00" * (len(value) & 1)
        info += key + struct.pack("<L", len(value)) + value
    extra = b"LIST" + struct.pack("<L", len(info)) + info
    bext = b"bext" + struct.pack("<L", 20) + SERIAL.encode().ljust(20, b"\x00")
    body = data[12:] + extra + bext
    return b"RIFF" + struct.pack("<L", len(body) + 4) + b"WAVE" + body


def make_mp3() -> bytes:
    """ID3v2 (artist, title), three frames, ID3v1 (serial number as title)."""
    from mutagen.id3 import ID3, TIT2, TPE1

    tags = ID3()
    tags.add(TPE1(encoding=3, text=[AUTHOR]))
    tags.add(TIT2(encoding=3, text=[PLACE]))
    buf = io.BytesIO()
    tags.save(buf)
    v1 = b"TAG" + SERIAL.encode().ljust(30, b"\x00") + b"\x00" * 94 + b"\xff"
    return buf.getvalue() + MP3_FRAME * 3 + v1


def make_gif() -> bytes:
    """A 4x4 GIF with a comment, an XMP application extension and a trailer."""
    img = Image.new("P", (4, 4), 1)
    img.putpalette([0, 0, 0, 255, 0, 0] * 128)
    buf = io.BytesIO()
    img.save(buf, "GIF", comment=b"shot by " + AUTHOR.encode())
    data = buf.getvalue()
    xmp_body = b"XMP DataXMP" + b"<x:xmpmeta>" + SERIAL.encode() + b"</x:xmpmeta>"
    blocks = b"".join(
        bytes([len(xmp_body[i : i + 255])]) + xmp_body[i : i + 255]
        for i in range(0, len(xmp_body), 255)
    )
    app = b"\x21\xff" + blocks + b"\x00"
    return data[:-1] + app + data[-1:] + b"trailing junk"


def make_flac() -> bytes:
    """STREAMINFO (zeros), a Vorbis comment (artist), a picture block, one frame."""
    comment = struct.pack("<L", 3) + b"enc" + struct.pack("<L", 1)
    entry = b"ARTIST=" + AUTHOR.encode()
    comment += struct.pack("<L", len(entry)) + entry
    picture = b"\x00\x00\x00\x03" + SERIAL.encode() * 4
    return (
        b"fLaC\x00"
        + struct.pack(">L", 34)[1:]
        + bytes(34)
        + b"\x04"
        + struct.pack(">L", len(comment))[1:]
        + comment
        + b"\x86"
        + struct.pack(">L", len(picture))[1:]
        + picture
        + FLAC_FRAME
    )
