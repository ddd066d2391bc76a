"""Handlers are imported per format (start-up time): the lazy table names, for every
format, the handler its module declares."""

from __future__ import annotations

import subprocess
import sys

from nam_desktop.core.media import api, supported_formats
from nam_desktop.core.media.audio import AUDIO_HANDLERS
from nam_desktop.core.media.office import OFFICE_HANDLERS
from nam_desktop.core.media.video import VIDEO_HANDLERS


def test_every_format_of_the_handler_modules_is_supported() -> None:
    for table in (AUDIO_HANDLERS, OFFICE_HANDLERS, VIDEO_HANDLERS):
        for fmt, factory in table.items():
            assert fmt in supported_formats()
            handler = api.handler_for(fmt)
            assert type(handler) is type(factory())
    single = {"jpeg": "JpegHandler", "png": "PngHandler", "pdf": "PdfHandler",
              "gif": "GifHandler", "webp": "WebpHandler", "tiff": "TiffHandler",
              "heic": "HeifHandler"}
    for fmt, name in single.items():
        assert type(api.handler_for(fmt)).__name__ == name
    assert set(supported_formats()) == (
        set(single) | set(AUDIO_HANDLERS) | set(OFFICE_HANDLERS) | set(VIDEO_HANDLERS))
    assert api.handler_for("unknown") is None and api.handler_for("zip") is None


def test_a_jpeg_handler_loads_no_other_format() -> None:
    code = ("import sys\n"
            "from nam_desktop.core.media.api import handler_for\n"
            "handler_for('jpeg')\n"
            "print(' '.join(sorted(sys.modules)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout.split()
    assert "nam_desktop.core.media.jpeg" in out
    for name in ("pikepdf", "mutagen", "lxml", "PIL", "nam_desktop.core.media.pdf",
                 "nam_desktop.core.media.audio", "nam_desktop.core.media.office"):
        assert name not in out
