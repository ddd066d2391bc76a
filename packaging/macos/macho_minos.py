"""The minimum macOS each Mach-O binary needs, read from its load commands (pure Python).

    python packaging/macos/macho_minos.py scan DIR [--arch arm64|x86_64]
    python packaging/macos/macho_minos.py check "dist/NAM Desktop.app" [--arch ...]

A binary built for macOS N carries ``minos`` N in ``LC_BUILD_VERSION`` (or, older,
``LC_VERSION_MIN_MACOSX``); dyld refuses to load it on an older macOS. The app bundle's
``LSMinimumSystemVersion`` must therefore be at least the highest ``minos`` of everything
bundled, or macOS lets the app start and it then dies loading a library. The spec derives
the value from the binaries it bundles (:func:`highest`); ``check`` is the build's gate
(exit 1 when a binary needs a newer macOS than the Info.plist says). Runs anywhere: the
tests use hand-made Mach-O headers on Linux.

Format (``<mach-o/loader.h>``, ``<mach-o/fat.h>``): a thin file starts with
``mach_header(_64)`` (magic, cputype, cpusubtype, filetype, ncmds, sizeofcmds, flags
[, reserved]) followed by the load commands (cmd, cmdsize, ...); a universal file starts
with a big-endian ``fat_header`` (magic, nfat_arch) and ``fat_arch(_64)`` entries (cputype,
cpusubtype, offset, size, align[, reserved]) pointing at thin files.
"""

from __future__ import annotations

import argparse
import plistlib
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

MH_MAGIC, MH_MAGIC_64 = 0xFEEDFACE, 0xFEEDFACF
FAT_MAGIC, FAT_MAGIC_64 = 0xCAFEBABE, 0xCAFEBABF
LC_VERSION_MIN_MACOSX = 0x24
LC_BUILD_VERSION = 0x32
PLATFORM_MACOS = 1
CPU_TYPES = {0x01000007: "x86_64", 0x0100000C: "arm64", 7: "i386", 0x0200000C: "arm64_32"}
MAX_FAT_ARCHS = 16  # more would be a Java class file (same magic), not a universal binary


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    @classmethod
    def decode(cls, value: int) -> Version:
        """``xxxx.yy.zz`` nibbles, as in the load commands."""
        return cls(value >> 16, (value >> 8) & 0xFF, value & 0xFF)

    @classmethod
    def parse(cls, text: str) -> Version:
        parts = [int(p) for p in text.strip().split(".")] + [0, 0]
        return cls(parts[0], parts[1], parts[2])

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}" + (f".{self.patch}" if self.patch else "")


@dataclass(frozen=True)
class Slice:
    arch: str
    minos: Version | None  # None: no version command (e.g. an object file)


def _thin(data: bytes, offset: int) -> Slice | None:
    if len(data) < offset + 28:
        return None
    for endian in ("<", ">"):
        magic = struct.unpack_from(endian + "I", data, offset)[0]
        if magic in (MH_MAGIC, MH_MAGIC_64):
            break
    else:
        return None
    cputype, _sub, _ftype, ncmds, sizeofcmds = struct.unpack_from(endian + "iIIII", data,
                                                                  offset + 4)
    pos = offset + (32 if magic == MH_MAGIC_64 else 28)
    end = min(len(data), pos + sizeofcmds)
    minos = None
    for _ in range(ncmds):
        if pos + 8 > end:
            break
        cmd, size = struct.unpack_from(endian + "II", data, pos)
        if size < 8:
            break
        if cmd == LC_BUILD_VERSION and pos + 12 <= end:
            platform, value = struct.unpack_from(endian + "II", data, pos + 8)
            if platform == PLATFORM_MACOS:
                minos = Version.decode(value)
        elif cmd == LC_VERSION_MIN_MACOSX and pos + 12 <= end:
            minos = Version.decode(struct.unpack_from(endian + "I", data, pos + 8)[0])
        pos += size
    return Slice(CPU_TYPES.get(cputype & 0xFFFFFFFF, hex(cputype)), minos)


def slices(data: bytes) -> list[Slice]:
    """Every architecture slice of a Mach-O file's bytes ([] if not Mach-O)."""
    if len(data) < 8:
        return []
    magic, count = struct.unpack_from(">II", data, 0)
    if magic in (FAT_MAGIC, FAT_MAGIC_64) and 0 < count <= MAX_FAT_ARCHS:
        found = []
        entry = 32 if magic == FAT_MAGIC_64 else 20
        for i in range(count):
            pos = 8 + i * entry
            if magic == FAT_MAGIC_64:
                _cpu, _sub, offset = struct.unpack_from(">iIQ", data, pos)
            else:
                _cpu, _sub, offset = struct.unpack_from(">iII", data, pos)
            thin = _thin(data, offset)
            if thin is not None:
                found.append(thin)
        return found
    thin = _thin(data, 0)
    return [thin] if thin is not None else []


def read_slices(path: Path) -> list[Slice]:
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            if len(head) < 8 or struct.unpack_from(">I", head)[0] not in (
                    FAT_MAGIC, FAT_MAGIC_64, 0xCEFAEDFE, 0xCFFAEDFE, MH_MAGIC, MH_MAGIC_64):
                return []
            return slices(head + fh.read())
    except OSError:
        return []


def needs(path: Path, arch: str | None) -> Version | None:
    """The highest minos of ``path``'s slices for ``arch`` (any arch when None)."""
    versions = [s.minos for s in read_slices(path)
                if s.minos is not None and (arch is None or s.arch == arch)]
    return max(versions) if versions else None


def highest(paths: list[Path] | list[str], arch: str | None = None
            ) -> tuple[Version, Path] | None:
    """The highest minos among ``paths`` and the file that needs it."""
    best: tuple[Version, Path] | None = None
    for item in paths:
        path = Path(item)
        version = needs(path, arch)
        if version is not None and (best is None or version > best[0]):
            best = (version, path)
    return best


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def check(app: Path, arch: str | None) -> tuple[Version, list[tuple[Version, Path]]]:
    """(the plist's minimum, the binaries that need more)."""
    with (app / "Contents" / "Info.plist").open("rb") as fh:
        declared = Version.parse(str(plistlib.load(fh)["LSMinimumSystemVersion"]))
    too_new = []
    for path in files_under(app):
        version = needs(path, arch)
        if version is not None and version > declared:
            too_new.append((version, path))
    return declared, sorted(too_new, reverse=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("scan", "check"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--arch", help="only this architecture's slices (arm64, x86_64)")
    args = parser.parse_args(argv)
    if args.action == "scan":
        found = highest(files_under(args.path), args.arch)
        print(found[0] if found else "no Mach-O binary found")
        if found:
            print(f"needed by {found[1]}", file=sys.stderr)
        return 0 if found else 1
    declared, too_new = check(args.path, args.arch)
    for version, path in too_new[:20]:
        print(f"needs macOS {version}: {path.relative_to(args.path)}")
    if too_new:
        print(f"LSMinimumSystemVersion {declared} is too low: {len(too_new)} binaries need "
              f"up to macOS {too_new[0][0]}")
        return 1
    print(f"LSMinimumSystemVersion {declared}: every bundled binary runs on it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
