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
        b"<dc:creator>" + AUTHOR.encode() + b"</dc:creator><photoshop:City>" + PLACE.encode()
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
        + png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00<x:xmpmeta>"
                    + SERIAL.encode() + b"</x:xmpmeta>")
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
