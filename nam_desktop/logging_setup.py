"""Logging that never carries testimony content.

Log records are reduced to the message template's *shape*: only the logger name, level,
the format string and arguments that are numbers, enums or booleans are kept; any string
argument is replaced by ``<redacted>``. Modules log ids and counts, never text. The log
file (if any) is written with mode 0600 and holds no content by construction.
"""

from __future__ import annotations

import enum
import logging
from pathlib import Path

from nam_desktop.core.fileio import ensure_private

REDACTED = "<redacted>"


class RedactionFilter(logging.Filter):
    """Replace string-like arguments and exception text; keep numbers and enums."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(
                a if isinstance(a, int | float | bool | enum.Enum) or a is None else REDACTED
                for a in args
            )
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            record.msg = f"{record.msg} [{type(exc).__name__}]"
            record.exc_info = None
            record.exc_text = None
        return True


def setup_logging(log_dir: Path | None, *, level: int = logging.INFO) -> None:
    root = logging.getLogger("nam_desktop")
    root.setLevel(level)
    root.propagate = False
    for h in list(root.handlers):
        root.removeHandler(h)
        h.close()  # a file handler keeps the log file open otherwise
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if log_dir is not None:
        path = log_dir / "nam-desktop.log"
        ensure_private(path)  # mode 0600 before the handler opens it
        handlers.append(logging.FileHandler(path, encoding="utf-8"))
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    for h in handlers:
        h.setFormatter(fmt)
        h.addFilter(RedactionFilter())
        # The console only shows problems; the private log file keeps the chosen level.
        h.setLevel(level if isinstance(h, logging.FileHandler) else logging.WARNING)
        root.addHandler(h)
