"""Composition root: process hardening -> crash note -> paths -> logging -> CLI or GUI.

``__main__`` and the ``nam-desktop`` entry point only call :func:`main`. The CLI path
never imports Qt (it must start fast and run on machines without a display), nor the
paths module (it keeps no files of its own); once its arguments are parsed, it sets up
logging when something first imports ``logging`` (most commands never do), and it
imports only the module of the command that runs (docs/benchmarks.md).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from nam_desktop.hardening import harden_process

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up)
if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec
    from types import ModuleType
    from typing import Any


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
    """Logging for a command: set up now if ``logging`` is loaded, else the moment a
    module first imports it. Most commands never write a log line, and ``logging``
    (with traceback, threading, string) is a tenth of `media clean one.jpg`'s start-up
    (issue 19). Nothing can log before it imports ``logging``, so every record still
    passes the redaction filter; none reaches Python's last-resort handler."""
    if "logging" in sys.modules:
        _setup_cli_logging()
    else:
        sys.meta_path.insert(0, _WhenImported("logging", _setup_cli_logging))


def _setup_cli_logging() -> None:
    from nam_desktop.logging_setup import setup_logging

    setup_logging(None)


class _WhenImported:
    """A meta path finder that runs ``then()`` once module ``name`` has been executed
    by its own loader (found by the other finders), then finds nothing. It stays in
    ``sys.meta_path``: removing it could make another thread's import, iterating the
    list at that moment, skip a finder."""

    def __init__(self, name: str, then: Callable[[], None]) -> None:
        self.name, self.then, self.done = name, then, False

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if name != self.name or self.done:
            return None
        self.done = True
        for finder in list(sys.meta_path):
            if finder is self:
                continue
            find = getattr(finder, "find_spec", None)
            spec: ModuleSpec | None = find(name, path, target) if find is not None else None
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    # a Loader by protocol; subclassing importlib.abc.Loader would
                    # import importlib.abc and importlib.resources at start-up
                    spec.loader = _ThenLoader(spec.loader, self.then)  # type: ignore[assignment]
                else:  # a loader of the old protocol: set up at once instead
                    self.then()
                return spec
        return None


class _ThenLoader:
    """Delegates to the module's own loader, gives the module back to it (it then looks
    imported as usual: ``get_source``, reloads) and calls ``then()``."""

    def __init__(self, loader: Any, then: Callable[[], None]) -> None:
        self.loader, self.then = loader, then

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        module: ModuleType | None = self.loader.create_module(spec)
        return module

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        module.__loader__ = self.loader
        if module.__spec__ is not None:
            module.__spec__.loader = self.loader
        self.then()


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
