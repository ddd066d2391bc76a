"""Process hardening shared by the app, the CLI and batch-cleaning workers (no Qt)."""

from __future__ import annotations

import os
import sys


def harden_process() -> None:
    """Files we create are private; a crash leaves no core dump with decrypted data."""
    os.umask(0o077)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # Windows has no RLIMIT_CORE
        pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None)
            pr_set_dumpable = 4
            libc.prctl(pr_set_dumpable, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass
