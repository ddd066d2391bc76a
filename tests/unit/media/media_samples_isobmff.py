"""Synthetic ISO-BMFF media (MP4, HEIF) with known metadata, built in memory: boxes,
tracks with free-text fields, a phone-like MP4 and HEIF items (thumbnails, depth, Exif).
The still images, Office files, audio and TIFF are in media_samples.py.
"""

from __future__ import annotations

import struct

from media_samples import AUTHOR, PHONE_MODEL, PLACE, SERIAL
from PIL import Image


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
