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
    icc = b"\x00\x00\x02\x0cfake-icc-profile-for-tests" + bytes(range(64))
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


def make_docx(body: str, extra: dict[str, bytes] | None = None) -> bytes:
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("docProps/core.xml", CORE)
        zf.writestr("word/document.xml", document)
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


def _track(track_id: int, handler: bytes, entry: bytes, sizes: list[int], offset: int) -> bytes:
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
    hdlr = atom(b"hdlr", bytes(8) + handler + bytes(12) + b"Handler\x00")
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
    return atom(b"trak", tkhd + atom(b"mdia", mdhd + hdlr + minf))


VIDEO_SAMPLES = [bytes((i * 13 + k) % 256 for i in range(40)) for k in range(3)]
FACE_SAMPLE = b"face-track:" + AUTHOR.encode()


def make_mp4() -> bytes:
    """ftyp, mdat (video samples, then a timed-metadata sample), moov with udta/meta."""
    ftyp = atom(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41")
    payload = b"".join(VIDEO_SAMPLES) + FACE_SAMPLE
    mdat_start = len(ftyp) + 8
    mdat = atom(b"mdat", payload)
    video = _track(1, b"vide", b"avc1", [len(s) for s in VIDEO_SAMPLES], mdat_start)
    meta_track = _track(
        2, b"meta", b"mebx", [len(FACE_SAMPLE)], mdat_start + sum(len(s) for s in VIDEO_SAMPLES)
    )
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
