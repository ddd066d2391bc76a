"""Find damage in ``vault.db-wal`` before SQLite silently drops committed changes.

After a crash (or while another connection is open) the write-ahead log holds committed
transactions that are not yet in ``vault.db``. SQLite replays the log up to the first
frame whose checksum fails and ignores everything after it, without an error: one flipped
bit early in the log loses every later testimony, and ``vault check`` still says OK.

This reader follows the format (https://www.sqlite.org/fileformat2.html#walformat): a
32-byte header (magic, version, page size, checkpoint sequence, two salts, a checksum of
the first 24 bytes), then frames of a 24-byte header (page number, database size after a
commit or 0, the two salts, a cumulative checksum) and one page. The checksum of each
frame continues from the one stored in the previous frame, so a frame after a damaged one
can still be checked. The log is damaged when a frame (or the header) fails while a later
frame of the same log (same salts) passes and ends a committed transaction: replaying
would lose that commit. A bad frame with nothing valid after it is what an interrupted
write leaves (never committed) and is not damage.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from nam_desktop.core import fileio

MAGIC_LE = 0x377F0682  # checksums over little-endian words
MAGIC_BE = 0x377F0683  # checksums over big-endian words
HEADER = 32
FRAME_HEADER = 24
DEFAULT_PAGE = 4096  # SQLCipher 4's page size (the program never changes it)


@dataclass(frozen=True)
class WalDamage:
    first_bad_frame: int  # 0-based; -1 means the log header
    commits_lost: int  # committed transactions after the damage that replay would drop

    def __str__(self) -> str:
        where = "its header" if self.first_bad_frame < 0 else f"frame {self.first_bad_frame}"
        return (f"the write-ahead log (vault.db-wal) is damaged at {where}: opening would "
                f"drop {self.commits_lost} committed change(s)")


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    mask = 0xFFFFFFFF
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & mask
        s1 = (s1 + words[i + 1] + s0) & mask
    return s0, s1


def check_wal(path: Path) -> WalDamage | None:
    """The damage in the log at ``path``, or None (no log, empty, or intact)."""
    try:
        fh = fileio.open_read(path)
    except FileNotFoundError:
        return None
    with fh:
        header = fh.read(HEADER)
        if len(header) < HEADER:
            return None  # empty or torn at creation: nothing was committed through it
        magic, _version, page_size, _seq, _salt1, _salt2, c0, c1 = struct.unpack(
            ">8I", header)
        if magic in (MAGIC_LE, MAGIC_BE) and 512 <= page_size <= 65536 \
                and page_size & (page_size - 1) == 0:
            big = magic == MAGIC_BE
            header_ok = _checksum(header[:24], 0, 0, big) == (c0, c1)
            return _scan(fh, header, page_size, big, header_ok)
        # Magic or page size unreadable: SQLite ignores the whole log. Damage when the
        # frames behind it (at SQLCipher's page size) still carry a commit.
        for big in (False, True):
            fh.seek(HEADER)
            damage = _scan(fh, header, DEFAULT_PAGE, big, header_ok=False)
            if damage is not None:
                return damage
        return None


def _scan(fh: BinaryIO, header: bytes, page_size: int, big: bool,
          header_ok: bool) -> WalDamage | None:
    salts = header[16:24]
    s0, s1 = struct.unpack(">2I", header[24:32])
    if not header_ok:  # the salts in the header may be the damaged bytes: take the
        start = fh.tell()  # first frame's, which every frame of this log repeats
        salts = fh.read(FRAME_HEADER)[8:16]
        fh.seek(start)
    bad_at: int | None = None if header_ok else -1
    commits_after_bad = 0
    index = 0
    while True:
        frame = fh.read(FRAME_HEADER + page_size)
        if len(frame) < FRAME_HEADER + page_size or frame[8:16] != salts:
            break  # the end, or a frame of an older log generation
        commit_size, f0, f1 = struct.unpack(">I8x2I", frame[4:FRAME_HEADER])
        t0, t1 = _checksum(frame[:8], s0, s1, big)
        t0, t1 = _checksum(frame[FRAME_HEADER:], t0, t1, big)
        if (t0, t1) != (f0, f1):
            if bad_at is None:
                bad_at = index
        elif bad_at is not None and commit_size:
            commits_after_bad += 1
        s0, s1 = f0, f1  # the next frame continues from the stored checksum
        index += 1
    if bad_at is not None and commits_after_bad:
        return WalDamage(bad_at, commits_after_bad)
    return None
