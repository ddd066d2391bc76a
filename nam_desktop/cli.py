"""Command line: ``nam-desktop SUBCOMMAND ...``.

Each module in :mod:`nam_desktop.commands` exposes ``register(subparsers)`` and sets
``func`` on its parsers; a handler returns an exit code. Expected failures are
:class:`~nam_desktop.core.errors.NamError` and become one line on stderr plus the
exit code from :data:`EXIT_CODES` (documented in ``docs/cli.md``), never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from nam_desktop import __version__
from nam_desktop.commands import COMMANDS, all_command_modules, command_module
from nam_desktop.core.errors import NamError, Status

EXIT_OK = 0
EXIT_FAILED = 1  # damaged vault or file, check failed
EXIT_BAD_INPUT = 2  # bad arguments, malformed JSON or file
EXIT_UNSUPPORTED = 3  # unsupported file format
EXIT_WRONG_PASSPHRASE = 4
EXIT_IN_USE = 5  # vault locked by another process
EXIT_NOT_FOUND = 6
EXIT_NOT_READY = 7  # e.g. finalize refused: something required is missing

EXIT_CODES: dict[Status, int] = {
    Status.WRONG_PASSPHRASE: EXIT_WRONG_PASSPHRASE,
    Status.KEYSLOT_DAMAGED: EXIT_FAILED,
    Status.DATABASE_DAMAGED: EXIT_FAILED,
    Status.MEDIA_MISSING: EXIT_FAILED,
    Status.MEDIA_DAMAGED: EXIT_FAILED,
    Status.VAULT_LOCKED: EXIT_FAILED,
    Status.VAULT_IN_USE: EXIT_IN_USE,
    Status.VAULT_NOT_FOUND: EXIT_NOT_FOUND,
    Status.VAULT_EXISTS: EXIT_BAD_INPUT,
    Status.INVALID_INPUT: EXIT_BAD_INPUT,
    Status.NOT_FOUND: EXIT_NOT_FOUND,
    Status.NOT_READY: EXIT_NOT_READY,
    Status.UNSUPPORTED_FORMAT: EXIT_UNSUPPORTED,
    Status.MALFORMED_FILE: EXIT_BAD_INPUT,
    Status.PERMISSION_DENIED: EXIT_FAILED,
}

MESSAGES: dict[Status, str] = {
    Status.WRONG_PASSPHRASE: "wrong passphrase",
    Status.KEYSLOT_DAMAGED: "the vault's key slot is damaged",
    Status.DATABASE_DAMAGED: "the vault database is damaged",
    Status.MEDIA_MISSING: "a media file is missing from the vault",
    Status.MEDIA_DAMAGED: "a media file failed its integrity check",
    Status.VAULT_LOCKED: "the vault is locked",
    Status.VAULT_IN_USE: "the vault is open in another program",
    Status.VAULT_NOT_FOUND: "no vault found",
    Status.VAULT_EXISTS: "a vault already exists there",
    Status.INVALID_INPUT: "invalid input",
    Status.NOT_FOUND: "not found",
    Status.NOT_READY: "not ready",
    Status.UNSUPPORTED_FORMAT: "unsupported file format",
    Status.MALFORMED_FILE: "malformed file",
    Status.PERMISSION_DENIED: "permission denied",
}


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil (and with it
    zlib, bz2 and lzma) at every start: argparse asks for it for every parser."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors, which matches EXIT_BAD_INPUT."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def _command_word(argv: Sequence[str]) -> str | None:
    """The command named in ``argv``: its first word that is not an option (the top level
    has only flags: ``-h``, ``--version``)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            return argv[i + 1] if i + 1 < len(argv) else None
        if not arg.startswith("-") or arg == "-":
            return arg
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command-line parser. Given ``argv`` that names a command, only that command's
    module is imported and registers its parser (with the other commands of its module);
    otherwise (``--help``, ``--version``, a wrong name) every command is listed by name
    and help only. Without ``argv``: every command in full."""
    parser = _Parser(prog="nam-desktop", description="NAM Desktop: encrypted testimony vault.")
    parser.add_argument("--version", action="version", version=f"nam-desktop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if argv is None:
        for module in all_command_modules():
            module.register(sub)
        return parser
    chosen = _command_word(argv)
    if chosen in COMMANDS and argv[0] == chosen:  # the others are neither parsed nor listed
        command_module(chosen).register(sub)
        return parser
    # --help, --version, a wrong name, or an option before the command (`-h media`): list
    # every command (in order, the named one in full), as the full parser does.
    chosen_path = COMMANDS[chosen][0] if chosen in COMMANDS else None
    for name, (path, help_text) in COMMANDS.items():
        if name in sub.choices:  # registered with an earlier command of its module
            continue
        if path == chosen_path:
            command_module(name).register(sub)
        else:
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


def run(argv: Sequence[str], *, before_command: Callable[[], None] | None = None) -> int:
    """Parse ``argv`` (without the program name) and run the subcommand; the composition
    root's ``before_command`` (logging) runs between the two."""
    argv = list(argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    if before_command is not None:
        before_command()
    try:
        return int(func(args))
    except NamError as exc:
        msg = MESSAGES.get(exc.status, exc.status.value)
        detail = f": {exc.detail}" if exc.detail else ""
        print(f"nam-desktop: error: {msg}{detail}", file=sys.stderr)
        return EXIT_CODES.get(exc.status, EXIT_FAILED)
    except KeyboardInterrupt:
        print("nam-desktop: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
