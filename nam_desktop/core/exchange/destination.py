"""Writing a bundle to a folder or USB stick: temporary names, parts, fsync, read-back.

Only ciphertext passes through here. Each part is written under a hidden temporary
name, fsynced and closed; when every part is complete they are renamed to the final
random name, the directory is fsynced, and the parts are read back (bypassing the page
cache where the OS allows) and compared with the hash of what was written. Any failure
removes every file this writer created.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from nam_desktop.core import fileio
from nam_desktop.core.crypto.fsutil import fsync_dir
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.stream_io import DIRECT_ALIGN, Direct
from nam_desktop.core.exchange.stream_io import (  # re-exported: the export calls it here
    read_back_sha256 as read_back_sha256,
)
from nam_desktop.core.host.volumes import (
    LINUX_REMOVABLE_ROOTS,
    LinuxVolumes,
    Volume,
    VolumeQuery,
    for_platform,
    is_fat,
    read_only,
)
from nam_desktop.core.io_direct import BlockPump

MiB = 1024 * 1024
GiB = 1024 * MiB
FAT32_MAX_FILE = 4 * GiB - 1
FAT32_PART_SIZE = 4 * GiB - 64 * MiB
SUFFIX = ".age"

Opener = Callable[[Path], BinaryIO]
#: Test seam: called with the name of each step of writing a bundle (``part1.opened``,
#: ``part1.before_fsync``, ``part1.after_rename``, ``folder.after_fsync``, ...), so a
#: test can kill the process exactly there. Production passes nothing.
Checkpoint = Callable[[str], None]


def _no_checkpoint(_name: str) -> None:
    pass


def _open_new(path: Path) -> BinaryIO:
    return fileio.open_new(path, buffering=0)  # PartWriter hands over 4 MiB blocks


def filesystem_type(folder: Path, volumes: VolumeQuery | None = None) -> str:
    """The file system of the volume holding ``folder`` as the OS names it ('' unknown):
    every OS has its own query (:mod:`nam_desktop.core.host.volumes`)."""
    volume = (volumes or for_platform()).volume_of(folder)
    return volume.filesystem if volume is not None else ""


def part_size_for(filesystem: str) -> int | None:
    """Part size for a file system: FAT (any OS's name for it) cannot hold 4 GiB."""
    return FAT32_PART_SIZE if is_fat(filesystem) else None


def default_part_size(folder: Path, volumes: VolumeQuery | None = None) -> int | None:
    """Part size for ``folder``: FAT file systems cannot hold a 4 GiB file."""
    return part_size_for(filesystem_type(folder, volumes))


@dataclass(frozen=True)
class SpaceInfo:
    free: int
    read_only: bool
    filesystem: str


def space_info(folder: Path, volumes: VolumeQuery | None = None) -> SpaceInfo:
    volume = (volumes or for_platform()).volume_of(folder)
    usage = shutil.disk_usage(folder)
    return SpaceInfo(usage.free, read_only(folder, volume),
                     volume.filesystem if volume is not None else "")


REMOVABLE_ROOTS = LINUX_REMOVABLE_ROOTS


@dataclass(frozen=True)
class Drive:
    path: Path
    filesystem: str
    free: int
    read_only: bool


def removable_drives(mounts_text: str | None = None,
                     roots: tuple[str, ...] = REMOVABLE_ROOTS, *,
                     volumes: VolumeQuery | None = None) -> list[Drive]:
    """Removable drives (USB sticks, memory cards) with free space and file system, for
    the export wizard, on every OS (``mounts_text``: a Linux mount table, for tests).
    A plain folder is also fine for an export."""
    if volumes is None:
        volumes = (LinuxVolumes(lambda: mounts_text, roots) if mounts_text is not None
                   else for_platform())
    drives = []
    for volume in volumes.removable():
        try:
            info = space_info(volume.root, _Known(volume))
        except OSError:
            continue  # gone, or no medium
        drives.append(Drive(volume.root, volume.filesystem, info.free, info.read_only))
    return drives


class _Known:
    """A volume query that already knows the answer (no second look-up per drive)."""

    def __init__(self, volume: Volume) -> None:
        self._volume = volume

    def volume_of(self, folder: Path) -> Volume | None:
        return self._volume

    def removable(self) -> list[Volume]:
        return [self._volume]


def final_names(stem: str, parts: int) -> list[str]:
    if parts == 1:
        return [stem + SUFFIX]
    return [f"{stem}{SUFFIX}.{i:03d}" for i in range(1, parts + 1)]


class PartWriter(io.RawIOBase):
    """Writable sink for the age ciphertext, splitting into parts of ``part_size``.

    The caller's writes (age hands out 64 KiB) are copied into a few reused, aligned
    blocks of ``BLOCK`` bytes; one background thread hashes and writes each full block
    (both release the GIL), so the encryption on the caller's thread is not slowed by the
    drive. At most ``POOL`` blocks exist. With the default opener on Linux the parts are
    written with direct I/O where the file system allows it: the bytes go to the drive
    as they are written (no gigabyte of dirty page cache to flush at the end, honest
    progress on slow sticks); the unaligned tail of a part is written normally. Call
    :meth:`drain` before trusting :attr:`error`, then :meth:`complete` or :meth:`discard`.
    """

    POOL = 6
    BLOCK = 4 * MiB

    def __init__(self, folder: Path, *, part_size: int | None = None,
                 opener: Opener | None = None, direct_io: bool = True, stem: str = "",
                 checkpoint: Checkpoint | None = None) -> None:
        super().__init__()
        if part_size is not None and part_size < 1:
            raise ValueError("part size must be positive")
        self.folder = folder
        self.stem = stem or secrets.token_hex(8)
        self._checkpoint = checkpoint or _no_checkpoint
        self._part_size = part_size
        self._opener = opener or _open_new
        self._want_direct = direct_io and opener is None
        self._direct = False
        self._tag = secrets.token_hex(4)
        self.temp_paths: list[Path] = []
        self.final_paths: list[Path] = []
        self._out: BinaryIO | None = None
        self._in_part = 0
        self._sha = hashlib.sha256()
        self.size = 0
        self._pump = BlockPump(self._write_block, block=self.BLOCK, depth=self.POOL,
                               name="bundle-writer", aligned=True)

    def writable(self) -> bool:
        return True

    def _open_part(self) -> None:
        n = len(self.temp_paths) + 1
        path = self.folder / f".{self.stem}.{n}.{self._tag}.tmp"
        self.temp_paths.append(path)
        self._out = self._opener(path)
        self._in_part = 0
        self._direct = self._want_direct and Direct.set(self._out.fileno(), True)
        self._checkpoint(f"part{n}.opened")

    def _close_part(self) -> None:
        out, self._out = self._out, None
        if out is not None:
            n = len(self.temp_paths)
            out.flush()
            self._checkpoint(f"part{n}.before_fsync")
            with contextlib.suppress(io.UnsupportedOperation, AttributeError):
                fileio.sync(out)
            self._checkpoint(f"part{n}.after_fsync")
            out.close()

    @property
    def error(self) -> BaseException | None:
        """What failed on the writer thread (after :meth:`drain`: final)."""
        return self._pump.error

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        return self._pump.write(data)  # raises the thread's error; ValueError after drain()

    def reserve(self, n: int) -> memoryview | None:
        return self._pump.reserve(n)  # sealed in place by the age writer, see BlockPump

    def commit(self, n: int) -> None:
        self._pump.commit(n)

    def _write_block(self, view: memoryview) -> None:
        self._sha.update(view)
        offset = 0
        while offset < len(view):
            if self._out is None:
                self._open_part()
            left = len(view) - offset
            room = left if self._part_size is None else self._part_size - self._in_part
            take = min(room, left)
            self._write_all(view[offset:offset + take], offset)
            if not self._in_part:
                self._checkpoint(f"part{len(self.temp_paths)}.written")
            self._in_part += take
            self.size += take
            offset += take
            if self._part_size is not None and self._in_part >= self._part_size:
                self._close_part()

    def _write_all(self, piece: memoryview, offset: int) -> None:
        out = self._out
        assert out is not None  # noqa: S101  # opened by the caller
        if self._direct and (self._in_part | len(piece) | offset) % DIRECT_ALIGN:
            self._direct = Direct.set(out.fileno(), False)  # an unaligned tail
        while piece:
            try:
                written = out.write(piece)
            except OSError as exc:
                if not (self._direct and exc.errno == errno.EINVAL):
                    raise
                self._direct = Direct.set(out.fileno(), False)  # refused: write normally
                continue
            piece = piece[written if written is not None else 0:]

    def drain(self) -> None:
        """Wait until everything queued is written (or failed); no writes after this."""
        self._pump.drain()
        self._pump.close()  # finished: only lets the blocks go

    @property
    def sha256(self) -> str:
        return self._sha.hexdigest()

    def complete(self) -> list[Path]:
        """Close the last part, rename all parts to their final names, fsync the folder."""
        self.drain()
        try:
            if self.error is not None:
                raise self.error
            self._close_part()
            if not self.temp_paths:
                self._open_part()
                self._close_part()
            names = final_names(self.stem, len(self.temp_paths))
            for n, (tmp, name) in enumerate(zip(self.temp_paths, names, strict=True), 1):
                final = self.folder / name
                self._checkpoint(f"part{n}.before_rename")
                fileio.replace(tmp, final)
                self.final_paths.append(final)
                self._checkpoint(f"part{n}.after_rename")
            fsync_dir(self.folder)
            self._checkpoint("folder.after_fsync")
        except OSError as exc:
            self.discard()
            raise ExchangeError(Reason.WRITE_FAILED, exc.strerror or type(exc).__name__) from exc
        return list(self.final_paths)

    def discard(self) -> None:
        """Remove every file this writer created (best effort: the drive may be gone)."""
        self.drain()
        with contextlib.suppress(Exception):
            if self._out is not None:
                self._out.close()
        self._out = None
        for path in [*self.temp_paths, *self.final_paths]:
            with contextlib.suppress(OSError):
                fileio.remove(path)
        with contextlib.suppress(OSError):
            fsync_dir(self.folder)


def bundle_parts(path: Path) -> list[Path]:
    """All parts of a bundle given one of them (``x.age.001`` -> ``x.age.001..NNN``)."""
    name = path.name
    head, _, number = name.rpartition(".")
    if head.endswith(SUFFIX) and number.isdigit() and len(number) == 3:
        parts = []
        i = 1
        while (candidate := path.with_name(f"{head}.{i:03d}")).exists():
            parts.append(candidate)
            i += 1
        return parts or [path]
    return [path]
