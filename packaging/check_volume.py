"""CI check on a real Windows or macOS runner: the core's per-OS volume query on a real
FAT volume (a VHD on Windows, a disk image on macOS, made by the workflow).

    python packaging/check_volume.py FOLDER EXPECTED_FS [--removable] [--read-only]

Fails unless the file system of FOLDER is EXPECTED_FS (as the OS names it: FAT32,
msdos), an export there would be split below 4 GiB, with --removable the volume is in
the export wizard's drive list, and with --read-only the preflight sees it read-only
(Windows: a write-protected volume, which os.access cannot tell).
"""

from __future__ import annotations

import sys
from pathlib import Path

from nam_desktop.core.exchange import destination


def main(argv: list[str]) -> int:
    folder, expected = Path(argv[0]), argv[1]
    info = destination.space_info(folder)
    part = destination.default_part_size(folder)
    drives = [d.path for d in destination.removable_drives()]
    print(f"{folder}: file system {info.filesystem!r}, free {info.free}, "
          f"read-only {info.read_only}, part size {part}; removable drives {drives}")
    problems = []
    if info.filesystem.lower() != expected.lower():
        problems.append(f"file system {info.filesystem!r}, expected {expected!r}")
    if part != destination.FAT32_PART_SIZE:
        problems.append("an export here would not be split below 4 GiB")
    if ("--read-only" in argv) != info.read_only:
        problems.append(f"read-only is {info.read_only}")
    if "--removable" in argv and not any(folder.resolve() == d.resolve() for d in drives):
        problems.append("not in the removable drive list")
    for problem in problems:
        print(f"FAIL: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
