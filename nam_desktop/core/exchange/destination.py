"""Writing a bundle to a folder or USB stick: temporary names, parts, fsync, read-back.

Only ciphertext passes through here. Each part is written under a hidden temporary
name, fsynced and closed; when every part is complete they are renamed to the final
random name, the directory is fsynced, and the parts are read back (bypassing the page
cache where the OS allows) and compared with the hash of what was written. Any failure
removes every file this writer created.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import queue
import secrets
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from nam_desktop.core.crypto.fsutil import fsync_dir
from nam_desktop.core.exchange.errors import ExchangeError, Reason

MiB = 1024 * 1024
GiB = 1024 * MiB
FAT32_MAX_FILE = 4 * GiB - 1
FAT32_PART_SIZE = 4 * GiB - 64 * MiB
FAT_TYPES = ("vfat", "msdos", "fat", "fat12", "fat16", "fat32", "umsdos")
SUFFIX = ".age"
READ_BLOCK = 4 * MiB

Opener = Callable[[Path], BinaryIO]


def _open_new(path: Path) -> BinaryIO:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return os.fdopen(fd, "wb", buffering=MiB)


def filesystem_type(folder: Path) -> str:
    """The mounted file system type of ``folder`` on Linux ('' when unknown)."""
    try:
        mounts = Path("/proc/mounts").read_text("utf-8", errors="replace").splitlines()
        target = str(folder.resolve())
    except OSError:
        return ""
    best, kind = "", ""
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def default_part_size(folder: Path) -> int | None:
    """Part size for ``folder``: FAT file systems cannot hold a 4 GiB file."""
    return FAT32_PART_SIZE if filesystem_type(folder).lower() in FAT_TYPES else None


@dataclass(frozen=True)
class SpaceInfo:
    free: int
    read_only: bool
    filesystem: str


def space_info(folder: Path) -> SpaceInfo:
    usage = shutil.disk_usage(folder)
    read_only = False
    if hasattr(os, "statvfs"):
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    read_only = read_only or not os.access(folder, os.W_OK)
    return SpaceInfo(usage.free, read_only, filesystem_type(folder))


REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


@dataclass(frozen=True)
class Drive:
    path: Path
    filesystem: str
    free: int
    read_only: bool


def removable_drives(mounts_text: str | None = None,
                     roots: tuple[str, ...] = REMOVABLE_ROOTS) -> list[Drive]:
    """Mounted drives under the usual removable-media folders (Linux ``/proc/mounts``),
    with free space and file system, for the export wizard. A plain folder is also fine."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text("utf-8", errors="replace")
        except OSError:
            return []
    drives = []
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 4:
            continue
        point = fields[1].replace("\\040", " ")
        if not point.startswith(roots) or not Path(point).is_dir():
            continue
        try:
            info = space_info(Path(point))
        except OSError:
            continue
        read_only = info.read_only or "ro" in fields[3].split(",")
        drives.append(Drive(Path(point), fields[2], info.free, read_only))
    return drives


def final_names(stem: str, parts: int) -> list[str]:
    if parts == 1:
        return [stem + SUFFIX]
    return [f"{stem}{SUFFIX}.{i:03d}" for i in range(1, parts + 1)]


class PartWriter(io.RawIOBase):
    """Writable sink for the age ciphertext, splitting into parts of ``part_size``.

    Hashing and writing run on one background thread (both release the GIL), so the
    encryption on the caller's thread is not slowed by the drive. At most
    ``QUEUE_ITEMS`` blocks of ``BLOCK`` bytes are in flight. Call :meth:`drain` before trusting
    :attr:`error`, then :meth:`complete` or :meth:`discard`.
    """

    QUEUE_ITEMS = 4
    BLOCK = 4 * MiB

    def __init__(self, folder: Path, *, part_size: int | None = None,
                 opener: Opener | None = None) -> None:
        super().__init__()
        if part_size is not None and part_size < 1:
            raise ValueError("part size must be positive")
        self.folder = folder
        self.stem = secrets.token_hex(8)
        self._part_size = part_size
        self._opener = opener or _open_new
        self._tag = secrets.token_hex(4)
        self.temp_paths: list[Path] = []
        self.final_paths: list[Path] = []
        self._out: BinaryIO | None = None
        self._in_part = 0
        self._sha = hashlib.sha256()
        self.size = 0
        self.error: BaseException | None = None
        self._pending = bytearray()
        self._queue: queue.Queue[bytes | None] = queue.Queue(self.QUEUE_ITEMS)
        self._thread = threading.Thread(target=self._run, name="bundle-writer", daemon=True)
        self._thread.start()

    def writable(self) -> bool:
        return True

    def _open_part(self) -> None:
        path = self.folder / f".{self.stem}.{len(self.temp_paths) + 1}.{self._tag}.tmp"
        self.temp_paths.append(path)
        self._out = self._opener(path)
        self._in_part = 0

    def _close_part(self) -> None:
        out, self._out = self._out, None
        if out is not None:
            out.flush()
            with contextlib.suppress(io.UnsupportedOperation, AttributeError):
                os.fsync(out.fileno())
            out.close()

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.error is not None:
            raise self.error
        n = len(data)
        self._pending += data
        if len(self._pending) >= self.BLOCK:  # few, large hand-overs: little GIL ping-pong
            self._queue.put(bytes(self._pending))
            self._pending.clear()
        return n

    def _run(self) -> None:
        while (block := self._queue.get()) is not None:
            if self.error is None:
                try:
                    self._write_block(block)
                except BaseException as exc:  # reported to the caller through .error
                    self.error = exc

    def _write_block(self, block: bytes) -> None:
        view = memoryview(block)
        self._sha.update(view)
        while view:
            if self._out is None:
                self._open_part()
            room = len(view) if self._part_size is None else self._part_size - self._in_part
            take = min(room, len(view))
            assert self._out is not None  # noqa: S101  # opened just above
            self._out.write(view[:take])
            self._in_part += take
            self.size += take
            view = view[take:]
            if self._part_size is not None and self._in_part >= self._part_size:
                self._close_part()

    def drain(self) -> None:
        """Wait until everything queued is written (or failed)."""
        if self._thread.is_alive():
            if self._pending:
                self._queue.put(bytes(self._pending))
                self._pending.clear()
            self._queue.put(None)
            self._thread.join()

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
            for tmp, name in zip(self.temp_paths, names, strict=True):
                final = self.folder / name
                os.replace(tmp, final)
                self.final_paths.append(final)
            fsync_dir(self.folder)
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
                path.unlink()
        with contextlib.suppress(OSError):
            fsync_dir(self.folder)


def read_back_sha256(paths: list[Path]) -> tuple[str, int]:
    """SHA-256 and size of the concatenated parts, read from the device if possible."""
    sha = hashlib.sha256()
    size = 0
    for path in paths:
        with path.open("rb", buffering=0) as fh:
            if hasattr(os, "posix_fadvise"):
                with contextlib.suppress(OSError):
                    os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            while block := fh.read(READ_BLOCK):
                sha.update(block)
                size += len(block)
    return sha.hexdigest(), size


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
