"""Render every main screen of both workspaces in every language:
``python -m nam_desktop.gui.screenshots OUT`` (``make screenshots``).

Main windows are rendered at 1366×768 (the most common laptop screen), dialogs and
wizards at the size they open with. Works offscreen (``QT_QPA_PLATFORM=offscreen``, the
default here) or under Xvfb. The sample testimonies are fictional; the throwaway vaults
use the fast KDF. The screens themselves are set up in :mod:`screenshot_scenes`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from nam_desktop.core.resources import resource_path

SIZE = (1366, 768)
LANGUAGES = ("en", "ru", "be")


def render(out_dir: Path, languages: tuple[str, ...] = LANGUAGES,
           size: tuple[int, int] = SIZE) -> list[Path]:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QWidget

    from nam_desktop.gui.screenshot_scenes import scenes
    from nam_desktop.gui.widgets.i18n import TranslationManager
    from nam_desktop.gui.widgets.messages import allow_test_doubles
    from nam_desktop.gui.widgets.style import apply_style

    allow_test_doubles()  # a developer's tool on fictional data: no box may block it
    app = QApplication.instance() or QApplication(["nam-screenshots"])
    assert isinstance(app, QApplication)  # noqa: S101  # created above
    apply_style(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            QCoreApplication.processEvents()

    def shot(widget: QWidget, name: str) -> None:
        widget.show()
        settle()
        path = out_dir / name
        widget.grab().save(str(path))
        written.append(path)

    translations = TranslationManager(app)
    with tempfile.TemporaryDirectory() as tmp:  # fictional sample data only
        for lang in languages:
            home = Path(tmp) / lang
            for name, widget in scenes(app, home, lang, size, settle, translations):
                shot(widget, f"{name}-{lang}.png")
    translations.switch("en")
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args[0]) if args else resource_path("i18n").parents[1] / "docs" / "screenshots"
    for path in render(out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
