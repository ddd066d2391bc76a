"""Render packaging/linux/org.nam.Desktop.svg into the icons the installers need.

    python packaging/make_icons.py [OUT_DIR]        (default: build/icons)

Writes PNGs (16-1024 px), ``org.nam.Desktop.ico`` (Windows executable and installer) and
``org.nam.Desktop.icns`` (macOS bundle). Uses Qt's SVG renderer (offscreen, no display
needed) and Pillow, both already in the build venv; nothing is downloaded. Build
tooling, not part of the app: it is allowed to import PySide6 outside ``nam_desktop/gui``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "packaging" / "linux" / "org.nam.Desktop.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def render(out: Path) -> dict[int, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["make_icons"])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    pngs = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"org.nam.Desktop-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        pngs[size] = path
    return pngs


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "build" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    pngs = render(out)
    from PIL import Image

    big = Image.open(pngs[1024])
    big.save(out / "org.nam.Desktop.ico",
             sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    big.save(out / "org.nam.Desktop.icns")
    print(f"icons written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
