"""A content-free note when the program stops on an unexpected error (no Qt here).

The Windows desktop executable has no console, so an error at start-up would end the
process without a word. :class:`CrashReporter` becomes ``sys.excepthook``: it writes a
short note into the log folder and shows it (a message box; the GUI puts in its own,
translated one). The note holds the kind of error and where in the program it happened
(file, line, function), never the error's message or any value: those may quote
testimony text or file names.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from nam_desktop import __version__

log = logging.getLogger("nam_desktop")
Show = Callable[[str, "Path | None"], None]
MAX_FRAMES = 40


def _where(filename: str) -> str:
    """``nam_desktop/gui/main.py`` for our code, the bare file name for anything else
    (a library's path would show the user's name or the stick's folder)."""
    parts = Path(filename).parts
    if "nam_desktop" in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("nam_desktop"):])
    return Path(filename).name


def note_text(exc_type: type[BaseException], tb: TracebackType | None,
              now: datetime | None = None) -> str:
    name = exc_type.__qualname__
    if exc_type.__module__ not in ("builtins", "__main__"):
        name = f"{exc_type.__module__}.{name}"
    lines = [f"NAM Desktop {__version__} stopped because of an unexpected error.",
             f"time: {(now or datetime.now(UTC)).strftime('%Y-%m-%dT%H:%M:%SZ')}",
             f"error: {name}", "where (most recent call last):"]
    frames = traceback.extract_tb(tb)[-MAX_FRAMES:]
    lines += [f"  {_where(f.filename)}:{f.lineno} in {f.name}" for f in frames]
    lines.append("This note holds no testimony content: only the kind of error and where "
                 "in the program it happened. Give it to your support contact.")
    return "\n".join(lines) + "\n"


def write_note(folder: Path, text: str, now: datetime | None = None) -> Path:
    from nam_desktop.core.fileio import atomic_write

    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}.txt"
    atomic_write(path, text.encode("utf-8"))
    return path


def windows_message_box(text: str, path: Path | None) -> None:
    """A message box without Qt (Windows), for errors before or outside the GUI."""
    import ctypes

    body = text + (f"\nSaved as: {path}" if path else "")
    user32 = getattr(ctypes, "windll").user32  # noqa: B009  # Windows only
    user32.MessageBoxW(None, body, "NAM Desktop", 0x10)  # MB_ICONERROR


def print_note(text: str, path: Path | None) -> None:
    stream = sys.stderr or sys.__stderr__
    if stream is not None:
        stream.write(text + (f"saved as: {path}\n" if path else ""))


class CrashReporter:
    """``sys.excepthook``: write the note into ``folder`` (when known), then ``show`` it."""

    def __init__(self, folder: Path | None, show: Show) -> None:
        self.folder = folder
        self.show = show
        self.notes: list[Path] = []

    def __call__(self, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = note_text(exc_type, tb)
        path = None
        if self.folder is not None:
            with contextlib.suppress(OSError):
                path = write_note(self.folder, text)
                self.notes.append(path)
        log.critical("unexpected error: %s", exc_type.__qualname__)  # redacted anyway
        with contextlib.suppress(Exception):  # the box must never raise again
            self.show(text, path)


def install(folder: Path | None, show: Show | None = None,
            platform: str = sys.platform) -> CrashReporter:
    """Make a :class:`CrashReporter` the excepthook; the default display is a Windows
    message box when there is no console, else standard error."""
    if show is None:
        windowed = platform == "win32" and sys.stderr is None
        show = windows_message_box if windowed else print_note
    reporter = CrashReporter(folder, show)
    sys.excepthook = reporter
    return reporter


def current() -> CrashReporter | None:
    hook = sys.excepthook
    return hook if isinstance(hook, CrashReporter) else None
