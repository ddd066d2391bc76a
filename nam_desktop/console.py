"""Console output in UTF-8 on every OS (used by the command line, no Qt, no heavy imports).

On Windows, output redirected to a file or a pipe (``> out.json``, ``| findstr``) uses the
ANSI code page: cp1251 on Russian Windows, cp1252 on English Windows, where Cyrillic
cannot be written at all (``UnicodeEncodeError``) and Łacinka loses its letters. The
command line always writes UTF-8 instead, which every program of the users' reads (the
frozen Windows executables also run in Python's UTF-8 mode: ``X utf8=1`` in the spec).
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up, issue 19)
if TYPE_CHECKING:
    from typing import TextIO


def _is_utf8(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig")


def force_utf8_output() -> None:
    """Switch ``sys.stdout`` and ``sys.stderr`` to UTF-8 if they use another encoding.
    Standard output keeps undecodable file names as they came (``surrogateescape``);
    standard error never fails (``backslashreplace``)."""
    for name, errors in (("stdout", "surrogateescape"), ("stderr", "backslashreplace")):
        stream = getattr(sys, name, None)
        if stream is None or _is_utf8(stream):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        stream.flush()
        reconfigure(encoding="utf-8", errors=errors)
