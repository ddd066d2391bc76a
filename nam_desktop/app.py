"""Composition root: process hardening -> paths -> logging -> CLI or GUI.

``__main__`` and the ``nam-desktop`` entry point only call :func:`main`. The CLI path
never imports Qt (it must start fast and run on machines without a display).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from nam_desktop.hardening import harden_process


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
        from nam_desktop.gui.startup.main import run_gui

        return run_gui(paths, args[1:] if args else [])
    setup_logging(None)
    from nam_desktop.cli import run

    return run(args)
