"""Format sniffing by magic bytes (the file name is only a tie-breaker for ZIP and MP4)."""

from __future__ import annotations

import io
import re
import zlib

_FTYP_AUDIO = {b"M4A ", b"M4B ", b"M4P ", b"F4A "}
_FTYP_VIDEO = {
    b"isom",
    b"iso2",
    b"iso3",
    b"iso4",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"avc1",
    b"M4V ",
    b"M4VH",
    b"M4VP",
    b"MSNV",
    b"XAVC",
    b"dash",
    b"mmp4",
    b"f4v ",
}
_FTYP_HEIF = {b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"hevc", b"avif"}
_OOXML = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
#: The main part's content type names the family (macro and template variants too:
#: ``ms-word.document.macroEnabled.main+xml``, ``...spreadsheetml.template.main+xml``).
_MAIN_TYPE = re.compile(rb'ContentType\s*=\s*["\']([^"\']*\.main\+xml)["\']', re.IGNORECASE)
_FAMILIES = (
    ((b"wordprocessingml", b"ms-word"), "docx"),
    ((b"spreadsheetml", b"ms-excel"), "xlsx"),
    ((b"presentationml", b"ms-powerpoint"), "pptx"),
)
_ODF = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
    b"application/epub+zip": "epub",
}


def sniff(data: bytes, filename: str | None = None) -> str:
    """Short format name (``jpeg``, ``png``, ``pdf``, ``docx``...) or ``unknown``."""
    head = data[:64]
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"RIFF") and head[8:12] == b"AVI ":
        return "avi"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"8BPS"):
        return "psd"
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"OggS"):
        if b"OpusHead" in data[:128]:
            return "opus"
        return "ogg"
    if head.startswith(b"ID3") or is_mpeg_audio_header(head):
        return "mp3"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _FTYP_HEIF:
            return "heic"
        if brand in _FTYP_AUDIO:
            return "m4a"
        if brand == b"qt  ":
            return "mov"
        if brand in _FTYP_VIDEO or brand.startswith(b"3g"):
            return "mp4"
        return "isobmff"  # other ISO media (camera raw such as CR3, ...): not handled
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free"):
        return "mov"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(data, filename)
    return "unknown"


def is_mpeg_audio_header(head: bytes) -> bool:
    """An MPEG audio frame header: sync, and no reserved version, layer, bitrate or
    sample rate (a bare 0xFFEx sync also starts damaged JPEGs, and more)."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version, layer = (head[1] >> 3) & 3, (head[1] >> 1) & 3
    bitrate, rate = head[2] >> 4, (head[2] >> 2) & 3
    return version != 1 and layer != 0 and bitrate != 15 and rate != 3


def _sniff_zip(data: bytes, filename: str | None) -> str:
    import zipfile  # here: zipfile (with shutil, bz2, lzma) costs every other file's start

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                mime = zf.read("mimetype").strip()
                return _ODF.get(mime, "zip")
            lower = {n.lower(): n for n in names}
            if "[content_types].xml" in lower:
                types = zf.read(lower["[content_types].xml"])[: 1 << 20]
                for main in _MAIN_TYPE.findall(types):
                    for marks, fmt in _FAMILIES:
                        if any(m in main.lower() for m in marks):
                            return fmt
    except (
        zipfile.BadZipFile,
        OSError,
        ValueError,
        KeyError,
        EOFError,
        NotImplementedError,
        RuntimeError,
        zlib.error,
    ):
        # A damaged ZIP that looks like Office is still Office: its handler reports it.
        ext = (filename or "").rsplit(".", 1)[-1].lower()
        return ext if ext in ("docx", "xlsx", "pptx", "odt", "ods") else "zip"
    for member, fmt in _OOXML.items():
        if member in names:
            return fmt
    return "zip"
