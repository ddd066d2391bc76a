"""Encrypted media files in ``media/``, one random key each, keys in the database."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from nam_desktop.core import fileio
from nam_desktop.core.clock import Clock, iso
from nam_desktop.core.crypto.media_stream import (
    DEFAULT_CHUNK,
    MediaReader,
    encrypt_stream,
)
from nam_desktop.core.errors import MediaMissingError, NotFoundError
from nam_desktop.core.io_direct import BlockWriter
from nam_desktop.core.vault.db import Connection

log = logging.getLogger("nam_desktop.vault")

SUFFIX = ".nam"
PART_SUFFIX = ".part"


@dataclass(frozen=True)
class StoredMedia:
    id: str
    size: int
    sha256: str


@dataclass(frozen=True)
class MediaScan:
    orphans_removed: list[str]  # unfinished or row-less files found (removed unless kept)
    missing: list[str]
    # Orphans another program holds open (a scanner, an indexer, a sync client): left in
    # place and removed at a later open. They are ciphertext without a key in the vault.
    kept: list[str] = field(default_factory=list)


class MediaStore:
    def __init__(self, folder: Path, conn: Connection, clock: Clock, *,
                 direct_io: bool = True) -> None:
        self._folder = folder
        self._direct_io = direct_io
        self._conn = conn
        self._clock = clock

    @property
    def folder(self) -> Path:
        return self._folder

    def path_of(self, media_id: str) -> Path:
        if len(media_id) != 32 or not all(c in "0123456789abcdef" for c in media_id):
            raise NotFoundError("bad media id")
        return self._folder / f"{media_id}{SUFFIX}"

    def write_file(
        self,
        src: BinaryIO,
        *,
        chunk_size: int = DEFAULT_CHUNK,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[StoredMedia, bytes]:
        """Encrypt ``src`` into a new durable file. Returns its record and key.

        Crash order: ``.part`` -> fsync -> rename -> fsync dir. The caller then inserts
        the row with :meth:`insert_row` (a file without a row is an orphan, removed at
        the next open).

        Three threads share the work: this one reads and encrypts, one hashes the
        plaintext, one writes the ciphertext in 4 MiB blocks with direct I/O where the
        file system allows it (:class:`~nam_desktop.core.io_direct.BlockWriter`): no
        gigabyte of dirty page cache left for the fsync. Memory stays flat.
        """
        file_id = secrets.token_bytes(16)
        key = secrets.token_bytes(32)
        media_id = file_id.hex()
        final = self.path_of(media_id)
        part = final.with_name(final.name + PART_SUFFIX)
        fd = fileio.create(part)
        try:
            try:
                with BlockWriter(fd, direct_io=self._direct_io) as out:
                    size, digest = encrypt_stream(
                        src, out, key, file_id,
                        chunk_size=chunk_size, progress=progress, cancelled=cancelled,
                    )
                    out.finish()
                fileio.sync(fd)  # the unaligned tail and the metadata; little else is left
            finally:
                os.close(fd)
            fileio.replace(part, final)
            fileio.sync_dir(self._folder)
        except BaseException:
            with contextlib.suppress(OSError):  # left behind: the next scan removes it
                fileio.remove(part)
            raise
        return StoredMedia(media_id, size, digest), key

    def insert_row(self, media: StoredMedia, key: bytes, chunk_size: int = DEFAULT_CHUNK) -> None:
        self._conn.execute(
            "INSERT INTO media_files (id, file_key, size, sha256, chunk_size, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (media.id, key, media.size, media.sha256, chunk_size, iso(self._clock())),
        )

    def discard_file(self, media_id: str) -> None:
        """Remove a file whose row was never committed."""
        with contextlib.suppress(OSError):  # held by another program: the next scan
            fileio.remove(self.path_of(media_id))

    def open(self, media_id: str) -> MediaReader:
        row = self._conn.execute(
            "SELECT file_key FROM media_files WHERE id = ?", (media_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"media {media_id}")
        return MediaReader(self.path_of(media_id), bytes(row[0]), bytes.fromhex(media_id))

    def record(self, media_id: str) -> StoredMedia:
        row = self._conn.execute(
            "SELECT id, size, sha256 FROM media_files WHERE id = ?", (media_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"media {media_id}")
        return StoredMedia(row[0], row[1], row[2])

    def delete(self, media_id: str) -> None:
        """Crypto-shred: drop the key (secure_delete overwrites it), then the file. A file
        another program holds open (a preview, a scanner) stays until the next open's scan
        removes it: without its key it cannot be read."""
        path = self.path_of(media_id)
        self._conn.execute("DELETE FROM media_files WHERE id = ?", (media_id,))
        with contextlib.suppress(OSError):
            fileio.remove(path)

    def scan(self, *, remove_orphans: bool = True) -> MediaScan:
        """Remove unfinished ``.part`` files and files without a row; report missing files.

        Best effort: an orphan that cannot be removed (on Windows another program may hold
        it; retried briefly) is reported in :attr:`MediaScan.kept`, never an error: the
        vault must open."""
        known = {r[0] for r in self._conn.execute("SELECT id FROM media_files")}
        orphans: list[str] = []
        kept: list[str] = []
        present: set[str] = set()
        for entry in self._folder.iterdir():
            name = entry.name
            stem = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else None
            if stem is not None and stem in known:
                present.add(stem)
                continue
            if name.endswith((SUFFIX, PART_SUFFIX)) and entry.is_file():
                orphans.append(name)
                if remove_orphans:
                    try:
                        fileio.remove(entry)
                    except OSError:
                        kept.append(name)
                        log.warning("an orphan media file is held by another program: kept")
        return MediaScan(sorted(orphans), sorted(known - present), sorted(kept))

    def verify_all(self) -> list[str]:
        """Authenticate every chunk of every file; returns problems (ids + reason)."""
        problems = []
        for (media_id, digest) in self._conn.execute(
            "SELECT id, sha256 FROM media_files ORDER BY id"
        ).fetchall():
            try:
                with self.open(media_id) as reader:
                    if reader.verify_all() != digest:
                        problems.append(f"{media_id}: hash differs from the record")
            except MediaMissingError:
                problems.append(f"{media_id}: file missing")
            except Exception as exc:  # report every kind of damage, keep going
                problems.append(f"{media_id}: {getattr(exc, 'detail', '') or type(exc).__name__}")
        return problems
