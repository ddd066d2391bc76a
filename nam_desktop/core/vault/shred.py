"""Destroying files that hold keys: overwritten in place, synced, then removed.

Used for the passphrase key slots (travel mode), the HQ recovery slot and the pending
recovery request. Overwriting is what software can do: on SSDs and copy-on-write file
systems the drive may keep the old blocks elsewhere (docs/threat-model.md, "Travel
mode"); full-disk encryption makes such remnants unreadable.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from nam_desktop.core import fileio

BLOCK = 64 * 1024


def overwrite(path: Path) -> bool:
    """Overwrite the whole file with random bytes and sync it; False if it is missing."""
    try:
        fh = fileio.open_update(path)
    except FileNotFoundError:
        return False
    with fh:
        size = os.fstat(fh.fileno()).st_size
        done = 0
        while done < size:
            n = min(BLOCK, size - done)
            fileio.write_all(fh.fileno(), os.urandom(n))
            done += n
        fileio.sync(fh)
    return True


def shred(path: Path) -> bool:
    """Overwrite, sync, remove, sync the folder. True if there was a file."""
    found = overwrite(path)
    fileio.remove(path)
    with contextlib.suppress(OSError):
        fileio.sync_dir(path.parent)
    return found


def shred_all(folder: Path, names: tuple[str, ...] | list[str]) -> int:
    """Shred ``names`` in ``folder`` in the given order, and any temporary copy an atomic
    write left beside them (``.<name>.<tag>.tmp``). Returns how many files there were."""
    count = 0
    for name in names:
        for tmp in sorted(folder.glob(f".{name}.*.tmp")):
            count += shred(tmp)
        count += shred(folder / name)
    return count
