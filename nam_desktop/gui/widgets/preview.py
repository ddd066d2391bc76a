"""In-memory previews of decrypted attachments: never a temporary file, never a cache."""

from __future__ import annotations

from typing import BinaryIO

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QImageReader

from nam_desktop.gui.widgets.media_preview import is_playable

MAX_PREVIEW_BYTES = 64 * 2**20
IMAGE_TYPES = ("jpeg", "jpg", "png", "gif", "webp", "bmp", "tiff", "tif")


def _read_all(reader: BinaryIO, limit: int = MAX_PREVIEW_BYTES) -> bytes | None:
    data = reader.read(limit + 1)
    return None if data is None or len(data) > limit else bytes(data)


def render_preview(reader: BinaryIO, media_type: str,
                   filename: str) -> QImage | bytes | None:
    """An image (pictures, first PDF page), the bytes of a playable file, or None."""
    kind = media_type.lower()
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if is_playable(media_type, filename):
        return _read_all(reader)
    if kind in IMAGE_TYPES or ext in IMAGE_TYPES:
        data = _read_all(reader)
        if data is None:
            return None
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        image_reader = QImageReader(buffer)
        image_reader.setAutoTransform(True)
        size = image_reader.size()
        if size.isValid() and size.width() * size.height() > 80_000_000:
            return None  # decompression bomb guard
        image = image_reader.read()
        return None if image.isNull() else image
    if kind == "pdf" or ext == "pdf":
        return _pdf_first_page(reader)
    return None


def _pdf_first_page(reader: BinaryIO) -> QImage | None:
    from PySide6.QtPdf import QPdfDocument

    data = _read_all(reader)
    if data is None:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
        return None
    page = doc.pagePointSize(0)
    scale = 480 / max(page.width(), 1.0)
    image = doc.render(0, QSize(int(page.width() * scale), int(page.height() * scale)))
    doc.close()
    return None if image.isNull() else image
