"""Seed files of the media fuzz targets, one or more per format, built in memory.

Every seed carries identifying values from ``media_oracle.PLANTED_TEXT`` (and the GPS
rationals) only where its format keeps metadata, never in the picture, sound or text.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

import pikepdf
from media_samples import (
    AUTHOR,
    PLACE,
    PLAIN_BODY,
    SERIAL,
    make_docx,
    make_flac,
    make_gif,
    make_jpeg,
    make_mp3,
    make_png,
    make_png_raw_exif,
    make_tiff,
    make_wav,
)
from media_samples_isobmff import make_heif, make_mp4
from PIL import Image

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x013B] = AUTHOR
    exif[0x0110] = "SM-G991B"
    gps = exif.get_ifd(0x8825)
    gps[2] = (53.0, 54.0, 33.25)
    gps[4] = (27.0, 33.0, 44.75)
    return exif


def _webp() -> bytes:
    buf = io.BytesIO()
    img = Image.new("RGB", (8, 6), (10, 200, 30))
    xmp = b"<x:xmpmeta>" + SERIAL.encode() + b"</x:xmpmeta>"
    img.save(buf, "WEBP", lossless=True, exif=_exif().tobytes(), xmp=xmp)
    return buf.getvalue()


def _ogg(name: str) -> bytes | None:
    """A corpus Ogg file with planted comments (mutagen), or None without the corpus."""
    path = CORPUS / "exiftool-t-images" / name
    if not path.is_file():
        return None
    from mutagen import File as MutagenFile

    buf = io.BytesIO(path.read_bytes())
    audio = MutagenFile(buf)
    if audio is None:
        return None
    audio["ARTIST"] = AUTHOR
    audio["LOCATION"] = PLACE
    buf.seek(0)
    audio.save(buf)
    return buf.getvalue()


def _pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = AUTHOR
    pdf.docinfo["/Producer"] = "SM-G991B scanner"
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [PLACE]
    page = pdf.pages[0]
    page.Annots = pdf.make_indirect(
        pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Annot,
                    Subtype=pikepdf.Name.Text,
                    Rect=[10, 10, 20, 20],
                    T=pikepdf.String(SERIAL),
                    M=pikepdf.String("D:20240101000000Z"),
                    Contents=pikepdf.String("note"),
                )
            ]
        )
    )
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


@functools.cache
def media_seeds() -> dict[str, list[bytes]]:
    """Seeds per fuzz target (the target name is the format)."""
    seeds: dict[str, list[bytes]] = {
        "jpeg": [make_jpeg(), make_jpeg(orientation=3, comment=SERIAL.encode())],
        "png": [make_png(), make_png_raw_exif()],
        "gif": [make_gif()],
        "webp": [_webp()],
        "tiff": [make_tiff(), make_tiff(thumbnail=False, compression=1)],
        "heif": [make_heif(), make_heif(grid=True)],
        "mp4": [
            make_mp4(extra_tracks=True, handler_name=b"SM-G991B VideoHandle"),
            make_mp4(handler_name=b"SM-G991B VideoHandle", brand=b"qt  "),
            make_mp4(handler_name=b"SM-G991B SoundHandle", brand=b"M4A "),
        ],
        "mp3": [make_mp3()],
        "flac": [make_flac()],
        "wav": [make_wav()],
        "pdf": [_pdf()],
        "docx": [make_docx(PLAIN_BODY)],
    }
    ogg = [s for s in (_ogg("Vorbis.ogg"), _ogg("Opus.opus")) if s is not None]
    if ogg:
        seeds["ogg"] = ogg
    return seeds
