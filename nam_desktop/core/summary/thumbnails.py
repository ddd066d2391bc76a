"""Thumbnails of cleaned images, decoded in memory (never a temporary file)."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable

from PIL import Image, ImageOps, UnidentifiedImageError

from nam_desktop.core.errors import NamError

IMAGE_TYPES = ("jpeg", "png", "gif", "webp", "tiff", "bmp")
MAX_SOURCE_BYTES = 64 * 2**20
MAX_PIXELS = 80_000_000
THUMB_PIXELS = 480  # longest side; about 200 dpi at the printed size

Opener = Callable[[str], io.RawIOBase]


def thumbnail_jpeg(stream: io.RawIOBase) -> tuple[bytes, int, int] | None:
    """A small JPEG of the image in ``stream`` (width, height), or None if it cannot be
    decoded safely."""
    buf = bytearray()
    while len(buf) <= MAX_SOURCE_BYTES:
        chunk = stream.read(1 << 20)
        if not chunk:
            break
        buf += chunk
    data = bytes(buf)
    if len(data) > MAX_SOURCE_BYTES:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                if img.width * img.height > MAX_PIXELS:
                    return None
                img.draft("RGB", (THUMB_PIXELS * 2, THUMB_PIXELS * 2))
                shown = ImageOps.exif_transpose(img)
                shown = shown.convert("RGB")
                shown.thumbnail((THUMB_PIXELS, THUMB_PIXELS))
                out = io.BytesIO()
                shown.save(out, "JPEG", quality=82)
                return out.getvalue(), shown.width, shown.height
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError,
            Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None


def load_thumbnails(ids: list[str], opener: Opener) -> dict[str, tuple[bytes, int, int] | None]:
    """Thumbnails by attachment id; None for an image that could not be shown."""
    out: dict[str, tuple[bytes, int, int] | None] = {}
    for attachment_id in ids:
        try:
            with opener(attachment_id) as stream:
                out[attachment_id] = thumbnail_jpeg(stream)
        except NamError:
            out[attachment_id] = None
    return out
