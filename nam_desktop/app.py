"""Composition root: process hardening -> crash note -> paths -> logging -> CLI or GUI.

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
    # An unexpected error leaves a content-free note, shown and saved in the log folder
    # (the windowed Windows executable has no console to print a traceback to). The
    # frozen CLI too; from source the command line keeps Python's traceback.
    reporter = None
    if wants_gui or getattr(sys, "frozen", False):
        from nam_desktop import crash_note

        reporter = crash_note.install(None)
    if wants_gui:
        from nam_desktop.logging_setup import setup_logging
        from nam_desktop.paths import TranslocatedError, resolve_paths

        try:
            paths = resolve_paths()
        except TranslocatedError as exc:
            from nam_desktop.gui.startup.startup_messages import refuse_to_start

            return refuse_to_start(str(exc))
        paths.ensure()
        setup_logging(paths.logs)
        if reporter is not None:
            reporter.folder = paths.logs
        from nam_desktop.gui.startup.main import run_gui

        return run_gui(paths, args[1:] if args else [])
    if getattr(sys, "frozen", False):  # a macOS app started from a translocated copy
        from nam_desktop.paths import TranslocatedError, resolve_paths

        try:
            resolve_paths()  # the CLI keeps no files of its own: only this check
        except TranslocatedError as exc:
            print(f"nam-desktop: error: {exc}", file=sys.stderr)
            return 2
    from nam_desktop.cli import run

    # Logging is set up once the arguments are parsed: `--version` and `--help` need none.
    # Run as the program (no argv given), a command that holds nothing to tear down may
    # end the process as soon as its output is out (see `_end_process`).
    return run(args, before_command=_cli_logging,
               end_process=_end_process if argv is None else None)


def _cli_logging() -> None:
    from nam_desktop.logging_setup import setup_logging

    setup_logging(None)


def _end_process(code: int) -> None:
    """End the process with ``code`` now, without the interpreter's teardown (freeing
    every module and object: a sixth of `media clean one.jpg`'s time, measured in
    docs/benchmarks.md). Only for commands that declare they hold nothing else to close
    (``quick_exit``): their files are written, synced and closed when they return. The
    log handlers and standard streams are flushed first; if that fails, this returns and
    the process ends the usual way (which reports the failure)."""
    import os

    try:
        if "logging" in sys.modules:
            sys.modules["logging"].shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)
