"""Leftovers of earlier interrupted exports on a destination, removed at the next export.

A bundle is written as hidden ``.<stem>.<n>.<tag>.tmp`` parts and renamed to
``<stem>.age`` (or ``<stem>.age.NNN``) at the end (:mod:`.destination`). A crash or a
pulled stick can leave such temporary parts behind. At the next export to the same
folder, a file is removed only when it is provably ours:

* its name has the exact temporary pattern, AND either it starts with the age header
  (``age-encryption.org/v1``: any NAM Desktop export, from this or another vault), or
  its stem is one this vault recorded for an export that did not complete (a later
  part, or a part killed before its first byte, has no age header of its own);
* final-named parts ``<stem>.age*`` of an attempt this vault recorded and that did
  not complete are removed when temporary parts of the same stem were still there (the
  renaming had not finished: the bundle is incomplete), or when the attempt failed or
  was cancelled. A complete-looking bundle of an *interrupted* attempt is kept and
  reported: it may well be whole, and HQ can import it without harm.

Nothing else is touched: no other name, no sub-folder, no file without our header.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from nam_desktop.core import fileio
from nam_desktop.core.crypto.fsutil import fsync_dir

TEMP_NAME = re.compile(r"^\.([0-9a-f]{16})\.([1-9][0-9]{0,5})\.([0-9a-f]{8})\.tmp$")
FINAL_NAME = re.compile(r"^([0-9a-f]{16})\.age(?:\.([0-9]{3}))?$")
AGE_MAGIC = b"age-encryption.org/v1\n"


@dataclass
class Leftovers:
    removed: list[str] = field(default_factory=list)  # file names
    failed: list[str] = field(default_factory=list)  # ours, but could not be removed
    kept: list[str] = field(default_factory=list)  # bundles of interrupted exports, may be whole

    @property
    def found(self) -> bool:
        return bool(self.removed or self.failed or self.kept)


def _has_age_header(path: Path) -> bool:
    try:
        with fileio.open_read(path) as fh:
            return fh.read(len(AGE_MAGIC)) == AGE_MAGIC
    except OSError:
        return False


def _regular(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def clean(folder: Path, attempts: dict[str, str]) -> Leftovers:
    """Remove our leftovers from ``folder``. ``attempts`` maps the file stem of each of
    this vault's exports that did not complete to its state ("interrupted", "failed",
    "cancelled"). Best effort: a file that cannot be removed is reported, not raised."""
    out = Leftovers()
    try:  # names first: a stick may hold thousands of other files
        entries = [e for e in os.scandir(folder)
                   if (TEMP_NAME.fullmatch(e.name) or FINAL_NAME.fullmatch(e.name))
                   and _regular(e)]
    except OSError:
        return out
    temp_stems: set[str] = set()
    doomed: list[Path] = []
    finals: dict[str, list[Path]] = {}
    for entry in entries:
        path = Path(entry.path)
        if m := TEMP_NAME.fullmatch(entry.name):
            stem = m.group(1)
            if stem in attempts or _has_age_header(path):
                temp_stems.add(stem)
                doomed.append(path)
        elif (m := FINAL_NAME.fullmatch(entry.name)) and m.group(1) in attempts:
            finals.setdefault(m.group(1), []).append(path)
    for stem, paths in sorted(finals.items()):
        if stem in temp_stems or attempts[stem] != "interrupted":
            doomed += paths
        else:
            out.kept += sorted(p.name for p in paths)
    for path in sorted(doomed):
        try:
            path.unlink()
            out.removed.append(path.name)
        except FileNotFoundError:
            continue
        except OSError:  # e.g. open elsewhere (Windows), read-only stick
            out.failed.append(path.name)
    if out.removed:
        with contextlib.suppress(OSError):
            fsync_dir(folder)
    return out

