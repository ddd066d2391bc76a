"""The embedded fonts of summaries: DejaVu Sans (Cyrillic, including Belarusian ў and і),
shipped in ``resources/fonts/`` with its licence. reportlab always embeds (a subset of)
TrueType fonts, so readers never substitute a font without Cyrillic."""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from nam_desktop.core.resources import resource_path

REGULAR = "NamSans"
BOLD = "NamSans-Bold"
_FILES = {REGULAR: "fonts/DejaVuSans.ttf", BOLD: "fonts/DejaVuSans-Bold.ttf"}
_lock = threading.Lock()


def register_fonts() -> None:
    """Register the fonts with reportlab once per process (idempotent, thread-safe)."""
    with _lock:
        known = set(pdfmetrics.getRegisteredFontNames())
        for name, rel in _FILES.items():
            if name not in known:
                pdfmetrics.registerFont(TTFont(name, str(resource_path(rel))))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
