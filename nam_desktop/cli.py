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

from nam_desktop import __version__
from nam_desktop.commands import COMMANDS, all_command_modules, command_module
from nam_desktop.commands.exit_codes import (  # re-exported: scripts and tests name them
    EXIT_BAD_INPUT,
    EXIT_CODES,
    EXIT_FAILED,
    EXIT_IN_USE,
    EXIT_INTERRUPTED,
    EXIT_NO_SPACE,
    EXIT_NOT_FOUND,
    EXIT_NOT_READY,
    EXIT_OK,
    EXIT_UNSUPPORTED,
    EXIT_WRONG_PASSPHRASE,
    exit_code,
)
from nam_desktop.console import force_utf8_output
from nam_desktop.core.errors import NamError, NoSpaceError, Status

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up, issue 19)
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "EXIT_BAD_INPUT", "EXIT_CODES", "EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_IN_USE",
    "EXIT_NOT_FOUND", "EXIT_NOT_READY", "EXIT_NO_SPACE", "EXIT_OK", "EXIT_UNSUPPORTED",
    "EXIT_WRONG_PASSPHRASE", "MESSAGES", "REASON_MESSAGES", "build_parser", "error_line", "run",
]

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
    Status.NO_SPACE: "not enough space",
    Status.IO_ERROR: "cannot read or write",
    Status.REJECTED: "rejected",
    Status.AWAITING_RECOVERY: "this vault is waiting for access from HQ",
}

#: Exchange failures whose status word alone would mislead (the detail starts with the
#: reason's code, which scripts may match on).
REASON_MESSAGES: dict[str, str] = {
    "write_failed": "writing to the destination failed (drive removed or faulty?); "
                    "nothing was left behind",
    "readback_mismatch": "the bundle read back from the destination differs from what was "
                         "written (faulty stick?); it was removed, nothing was lost",
    "source_changed": "a file in the vault changed or failed its check while it was "
                      "exported; nothing was written",
    "wrong_role": "wrong kind of vault",
    "no_hq_identity": "this HQ vault has no HQ keys yet",
    "cancelled": "cancelled",
    # recovery through HQ and travel mode (docs/recovery-format.md)
    "recovery_invalid": "not a valid recovery file (damaged, or not what its name says)",
    "no_recovery_slot": "this vault has no HQ recovery slot (`vault recovery DIR --enable`)",
    "recovery_slot_outdated": "the HQ recovery slot was made for an older key card; import "
                              "the newest card or run `vault recovery DIR --enable`",
    "unknown_device": "the device is not registered at this HQ",
    "not_for_this_hq": "none of this HQ's keys opens the recovery slot",
    "replayed": "this request was answered before; ask the interviewer for a new one",
    "not_for_this_request": "this response is for another request or another device",
    "no_pending_request": "no recovery request was made from this vault folder",
    "not_confirmed": "not confirmed",
    "no_keycard": "no HQ key card in this vault",
    # backups (docs/backup-format.md)
    "no_recipient": "nobody could open this backup: import HQ's key card or give it a "
                    "passphrase",
    "dest_missing": "the destination folder does not exist",
    "dest_read_only": "the destination is read-only",
    "dest_inside_vault": "the backup cannot go inside the vault folder",
    "not_a_backup": "not a NAM vault backup (or altered)",
    "no_identity": "neither the identity nor the backup passphrase opens this backup",
    "target_not_empty": "the target folder is not empty",
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


def megabytes(n: int) -> int:
    """Whole megabytes (10^6 bytes), rounded up: never say 0 MB when something is needed."""
    return max(1, -(-n // 1_000_000)) if n > 0 else 0


def error_line(exc: NamError) -> str:
    """The one line printed on standard error for an expected failure."""
    if isinstance(exc, NoSpaceError):
        text = f"not enough space on {exc.where}"
        if exc.needed is not None:
            text += f", {megabytes(exc.needed)} MB needed"
            if exc.free is not None:
                text += f" ({megabytes(exc.free)} MB free)"
        elif exc.free is not None:
            text += f" ({megabytes(exc.free)} MB free)"
        return f"nam-desktop: error: {text}"
    reason = getattr(exc, "reason", None)  # an ExchangeError says more than its status
    msg = REASON_MESSAGES.get(getattr(reason, "value", ""), "") or MESSAGES.get(
        exc.status, exc.status.value)
    detail = f": {exc.detail}" if exc.detail else ""
    return f"nam-desktop: error: {msg}{detail}"


def _storage_failure(exc: BaseException) -> NamError | None:
    """A disk or database failure that escaped a command, as a typed error."""
    from pathlib import Path

    from nam_desktop.core import storage_errors

    if isinstance(exc, OSError):
        where = Path(exc.filename).parent if isinstance(exc.filename, str) else Path.cwd()
        return storage_errors.os_error(exc, where)
    return storage_errors.database_error(exc, Path.cwd())


def _quiet_stdout() -> None:
    """After a broken pipe: send what is left to the null device, so the interpreter's
    final flush does not fail again ("Exception ignored ... BrokenPipeError")."""
    import os

    from nam_desktop.core import fileio

    try:
        devnull = fileio.open_fd(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def run(argv: Sequence[str], *, before_command: Callable[[], None] | None = None,
        end_process: Callable[[int], None] | None = None) -> int:
    """Parse ``argv`` (without the program name) and run the subcommand; the composition
    root's ``before_command`` (logging) runs between the two. A command whose parser sets
    ``quick_exit`` (it leaves nothing open) is followed by ``end_process(code)``, which
    may end the process at once."""
    force_utf8_output()  # Windows: redirected output would be cp1251/cp1252
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
        code = int(func(args))
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
        if end_process is not None and getattr(args, "quick_exit", False):
            end_process(code)  # returns only when the streams could not be flushed
        return code
    except NamError as exc:
        print(error_line(exc), file=sys.stderr)
        return exit_code(exc.status)
    except KeyboardInterrupt:
        print("nam-desktop: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (`| head -1`): it has what it wanted
        _quiet_stdout()
        return EXIT_OK
    except Exception as exc:
        typed = _storage_failure(exc)
        if typed is None:
            raise  # a programming error: the traceback is the report
        print(error_line(typed), file=sys.stderr)
        return exit_code(typed.status)
