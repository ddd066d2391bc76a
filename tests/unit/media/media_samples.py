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
PHONE_MODEL = b"SM-G991B"  # a phone model as phones write it


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
