"""Composition root: process hardening -> paths -> logging -> CLI or GUI.

``__main__`` and the ``nam-desktop`` entry point only call :func:`main`. The CLI path
never imports Qt (it must start fast and run on machines without a display).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


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


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    harden_process()
    from nam_desktop.logging_setup import setup_logging
    from nam_desktop.paths import resolve_paths

    paths = resolve_paths()
    wants_gui = not args or args[0] in ("--gui",)
    if wants_gui:
        paths.ensure()
        setup_logging(paths.logs)
        from nam_desktop.gui.main import run_gui

        return run_gui(paths, args[1:] if args else [])
    setup_logging(None)
    from nam_desktop.cli import run

    return run(args)
