"""Windows services through ctypes: volumes and drives, unbuffered reads, error reporting.

:class:`WindowsApi` wraps the few Win32 calls the app needs. Its DLLs are loaded on first
use (``load()``), so the module imports everywhere; tests give it fake DLL objects whose
functions fill the same ctypes buffers the real ones do.
"""

from __future__ import annotations

import ctypes

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up, issue 19)
if TYPE_CHECKING:
    from typing import Any

DRIVE_REMOVABLE = 2
FILE_READ_ONLY_VOLUME = 0x00080000
GENERIC_READ = 0x80000000
FILE_SHARE_READ = 0x00000001
OPEN_EXISTING = 3
FILE_FLAG_NO_BUFFERING = 0x20000000
FILE_FLAG_SEQUENTIAL_SCAN = 0x08000000
INVALID_HANDLE_VALUE = ctypes.c_void_p(-1).value

# SetErrorMode: no "insert a disk" box for an empty card reader, no crash dialog, no
# Windows Error Reporting dialog for this process.
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002
SEM_NOOPENFILEERRORBOX = 0x8000
# WerSetFlags: reports of this process carry no heap (no decrypted data in a minidump).
WER_FAULT_REPORTING_FLAG_NOHEAP = 1
NOTIFY_FOR_THIS_SESSION = 0

MAX_PATH_CHARS = 32768


def _windll(name: str) -> Any:
    factory = getattr(ctypes, "WinDLL")  # noqa: B009  # exists on Windows only
    return factory(name, use_last_error=True)


class WindowsApi:
    """The Win32 calls used by the app. ``kernel32``/``wer``/``wtsapi32`` are DLL objects
    (loaded when first needed unless given)."""

    def __init__(self, kernel32: Any = None, wer: Any = None, wtsapi32: Any = None) -> None:
        self._k = kernel32
        self._wer = wer
        self._wts = wtsapi32

    @property
    def kernel32(self) -> Any:
        if self._k is None:
            from ctypes import wintypes

            k = _windll("kernel32")
            k.GetVolumePathNameW.argtypes = [wintypes.LPCWSTR, wintypes.LPWSTR,
                                             wintypes.DWORD]
            k.GetVolumePathNameW.restype = wintypes.BOOL
            k.GetVolumeInformationW.argtypes = [
                wintypes.LPCWSTR, wintypes.LPWSTR, wintypes.DWORD, wintypes.LPDWORD,
                wintypes.LPDWORD, wintypes.LPDWORD, wintypes.LPWSTR, wintypes.DWORD]
            k.GetVolumeInformationW.restype = wintypes.BOOL
            k.GetDriveTypeW.argtypes = [wintypes.LPCWSTR]
            k.GetDriveTypeW.restype = wintypes.UINT
            k.GetLogicalDrives.argtypes = []
            k.GetLogicalDrives.restype = wintypes.DWORD
            k.CreateFileW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD,
                                      ctypes.c_void_p, wintypes.DWORD, wintypes.DWORD,
                                      wintypes.HANDLE]
            k.CreateFileW.restype = wintypes.HANDLE
            k.CloseHandle.argtypes = [wintypes.HANDLE]
            k.CloseHandle.restype = wintypes.BOOL
            k.SetErrorMode.argtypes = [wintypes.UINT]
            k.SetErrorMode.restype = wintypes.UINT
            self._k = k
        return self._k

    # ---- volumes -------------------------------------------------------------------------
    def volume_root(self, path: str) -> str | None:
        """The root of the volume holding ``path`` (``E:\\``, or a mounted folder)."""
        buf = ctypes.create_unicode_buffer(MAX_PATH_CHARS)
        if not self.kernel32.GetVolumePathNameW(path, buf, len(buf)):
            return None
        return buf.value or None

    def volume_info(self, root: str) -> tuple[str, int] | None:
        """(file system name as Windows says it: ``FAT32``, ``exFAT``, ``NTFS``; flags),
        or None (no medium in the drive, unreadable)."""
        fs_name = ctypes.create_unicode_buffer(261)
        flags = ctypes.c_uint32(0)
        ok = self.kernel32.GetVolumeInformationW(root, None, 0, None, None,
                                                 ctypes.byref(flags), fs_name, len(fs_name))
        if not ok:
            return None
        return fs_name.value, int(flags.value)

    def drive_type(self, root: str) -> int:
        return int(self.kernel32.GetDriveTypeW(root))

    def drive_roots(self) -> list[str]:
        """``A:\\`` ... ``Z:\\`` for every drive letter in use."""
        mask = int(self.kernel32.GetLogicalDrives())
        return [f"{chr(65 + i)}:\\" for i in range(26) if mask & (1 << i)]

    # ---- files ---------------------------------------------------------------------------
    def open_unbuffered(self, path: str) -> int | None:
        """A read-only handle that bypasses the file cache (``FILE_FLAG_NO_BUFFERING``:
        reads come from the drive; buffers, offsets and lengths must be sector-aligned),
        or None if Windows refuses."""
        handle = self.kernel32.CreateFileW(
            path, GENERIC_READ, FILE_SHARE_READ, None, OPEN_EXISTING,
            FILE_FLAG_NO_BUFFERING | FILE_FLAG_SEQUENTIAL_SCAN, None)
        if handle is None or handle == INVALID_HANDLE_VALUE:
            return None
        return int(handle)

    def close_handle(self, handle: int) -> None:
        self.kernel32.CloseHandle(handle)

    def fd_from_handle(self, handle: int, flags: int) -> int:
        """A C runtime descriptor owning ``handle`` (closing the descriptor closes it)."""
        import msvcrt

        return int(msvcrt.open_osfhandle(handle, flags))  # type: ignore[attr-defined]

    # ---- process -------------------------------------------------------------------------
    def quiet_errors(self) -> int:
        """No error dialogs for this process (empty drives, crashes): the old mode."""
        mode = SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX
        return int(self.kernel32.SetErrorMode(mode))

    def no_crash_dumps(self, executable: str = "") -> bool:
        """Keep Windows Error Reporting from collecting this program's memory: reports
        without heap for this process and, if ``executable`` is given, the executable
        excluded from reporting (``WerAddExcludedApplication``, per user). False if WER
        refused."""
        if self._wer is None:
            self._wer = _windll("wer")
        ok = self._wer.WerSetFlags(WER_FAULT_REPORTING_FLAG_NOHEAP) == 0  # S_OK
        if executable:
            ok = self._wer.WerAddExcludedApplication(executable, False) == 0 and ok
        return bool(ok)

    def register_session_notifications(self, hwnd: int) -> bool:
        """Ask for ``WM_WTSSESSION_CHANGE`` (lock, unlock) at the window ``hwnd``."""
        if self._wts is None:
            self._wts = _windll("wtsapi32")
        return bool(self._wts.WTSRegisterSessionNotification(ctypes.c_void_p(hwnd),
                                                             NOTIFY_FOR_THIS_SESSION))
