"""Process hardening shared by the app, the CLI and batch-cleaning workers (no Qt).

Files we create are private, and a crash leaves no memory dump with decrypted data:
per OS, behind :func:`harden_process`'s ``platform`` and ``windows`` seams.

* POSIX: ``umask 077``; no core dumps (``RLIMIT_CORE`` 0); Linux: not dumpable (``prctl``).
* Windows: no error dialogs (``SetErrorMode``: no "insert a disk" box for an empty card
  reader, no crash box), Windows Error Reporting collects no heap for this process
  (``WerSetFlags``) and, for the frozen executable, excludes it from reporting
  (``WerAddExcludedApplication``, a per-user registry value naming the executable: see
  docs/packaging.md, "What the host computer may still record").
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up, issue 19)
if TYPE_CHECKING:
    from typing import Any


def harden_process(platform: str = sys.platform, windows: Any = None,
                   frozen: bool | None = None) -> None:
    """Files we create are private; a crash leaves no dump with decrypted data."""
    os.umask(0o077)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # Windows has no RLIMIT_CORE
        pass
    if platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None)
            pr_set_dumpable = 4
            libc.prctl(pr_set_dumpable, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    elif platform == "win32":
        _windows_no_dumps(windows, getattr(sys, "frozen", False) if frozen is None else frozen)


def _windows_no_dumps(api: Any, frozen: bool) -> None:
    try:
        if api is None:
            from nam_desktop.core.host.windows import WindowsApi

            api = WindowsApi()
        api.quiet_errors()
        # Only our own executable is excluded: from source it would be python.exe.
        api.no_crash_dumps(sys.executable if frozen else "")
    except (OSError, AttributeError):  # an old Windows without WER's exports
        pass
