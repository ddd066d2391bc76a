"""Writing HQ's small public files (key cards, their PDF, receipts) into a chosen folder.

The user picks a folder (often the interviewer's USB stick) with the history-free chooser
of :mod:`file_dialogs`; the file names are fixed and say nothing about the interviewer.
An existing file is never replaced: a number is added instead.
"""

from __future__ import annotations

from pathlib import Path

from nam_desktop.core.crypto.fsutil import atomic_write

MAX_TRIES = 1000


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem.suffix``, or ``stem-2.suffix``, ``stem-3.suffix``... if taken."""
    for n in range(1, MAX_TRIES + 1):
        path = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
        if not path.exists():
            return path
    raise FileExistsError(str(folder / f"{stem}{suffix}"))


def write_files(folder: Path, files: list[tuple[str, str, bytes]]) -> list[Path]:
    """Write each ``(stem, suffix, data)`` under a free name; durable (fsync) when done.
    If one write fails, the files written before it are removed again."""
    written: list[Path] = []
    try:
        for stem, suffix, data in files:
            path = free_name(folder, stem, suffix)
            atomic_write(path, data)
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written
