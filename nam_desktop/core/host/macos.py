"""macOS services through ctypes: ``statfs`` (file-system type, mount point, flags).

``struct statfs`` is the 64-bit-inode layout (the only one on Apple silicon; on Intel the
symbol is ``statfs$INODE64``). :class:`MacApi` takes the ``statfs`` function as an
argument so tests give it a fake that fills the same structure.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MFSTYPENAMELEN = 16
MAXPATHLEN = 1024
MNT_RDONLY = 0x00000001
MNT_LOCAL = 0x00001000
MNT_ROOTFS = 0x00004000
MNT_DONTBROWSE = 0x00100000
F_NOCACHE = 48  # <sys/fcntl.h>: no data caching for this descriptor
F_FULLFSYNC = 51


class StatFs(ctypes.Structure):
    _fields_ = [  # ctypes wants a plain list
        ("f_bsize", ctypes.c_uint32),
        ("f_iosize", ctypes.c_int32),
        ("f_blocks", ctypes.c_uint64),
        ("f_bfree", ctypes.c_uint64),
        ("f_bavail", ctypes.c_uint64),
        ("f_files", ctypes.c_uint64),
        ("f_ffree", ctypes.c_uint64),
        ("f_fsid", ctypes.c_int32 * 2),
        ("f_owner", ctypes.c_uint32),
        ("f_type", ctypes.c_uint32),
        ("f_flags", ctypes.c_uint32),
        ("f_fssubtype", ctypes.c_uint32),
        ("f_fstypename", ctypes.c_char * MFSTYPENAMELEN),
        ("f_mntonname", ctypes.c_char * MAXPATHLEN),
        ("f_mntfromname", ctypes.c_char * MAXPATHLEN),
        ("f_flags_ext", ctypes.c_uint32),
        ("f_reserved", ctypes.c_uint32 * 7),
    ]


@dataclass(frozen=True)
class Mount:
    fstype: str  # "apfs", "hfs", "msdos" (FAT), "exfat", "ntfs", "smbfs"...
    mount_point: str
    flags: int

    @property
    def read_only(self) -> bool:
        return bool(self.flags & MNT_RDONLY)


StatfsFunction = Callable[[bytes, Any], int]


def _libc_statfs() -> StatfsFunction:
    libc = ctypes.CDLL(None, use_errno=True)
    try:
        func = libc["statfs$INODE64"]  # Intel: the 64-bit-inode variant
    except AttributeError:
        func = libc.statfs  # Apple silicon: only this one
    func.argtypes = [ctypes.c_char_p, ctypes.POINTER(StatFs)]
    func.restype = ctypes.c_int
    return func


class MacApi:
    def __init__(self, statfs: StatfsFunction | None = None) -> None:
        self._statfs = statfs

    def mount_of(self, path: str) -> Mount | None:
        """The mounted file system holding ``path``, or None."""
        if self._statfs is None:
            self._statfs = _libc_statfs()
        buf = StatFs()
        if self._statfs(os.fsencode(path), ctypes.byref(buf)) != 0:
            return None
        return Mount(buf.f_fstypename.decode("utf-8", "replace"),
                     os.fsdecode(buf.f_mntonname), int(buf.f_flags))
