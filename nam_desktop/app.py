"""Composition root: process hardening -> paths -> logging -> CLI or GUI.

``__main__`` and the ``nam-desktop`` entry point only call :func:`main`. The CLI path
never imports Qt (it must start fast and run on machines without a display), nor the
paths module (it keeps no files of its own); it sets up logging once its arguments are
parsed, and imports only the module of the command that runs (docs/benchmarks.md).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from nam_desktop.hardening import harden_process


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    harden_process()
    wants_gui = not args or args[0] in ("--gui",)
    if wants_gui:
        from nam_desktop.logging_setup import setup_logging
        from nam_desktop.paths import resolve_paths  # the CLI keeps no files of its own

        paths = resolve_paths()
        paths.ensure()
        setup_logging(paths.logs)
        from nam_desktop.gui.main import run_gui

        return run_gui(paths, args[1:] if args else [])
    from nam_desktop.cli import run

    # Logging is set up once the arguments are parsed: `--version` and `--help` need none.
    return run(args, before_command=_cli_logging)


def _cli_logging() -> None:
    from nam_desktop.logging_setup import setup_logging

    setup_logging(None)
