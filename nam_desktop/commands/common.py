"""Helpers shared by the CLI subcommands: passphrases, opening vaults, output."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nam_desktop.core import fileio
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault, refuse_unusable

PASSPHRASE_ENV = "NAM_PASSPHRASE"  # noqa: S105  # the variable's name, not a secret
MAX_PASSPHRASE_FILE = 4096


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"read the passphrase from FILE (first line); else ${PASSPHRASE_ENV}; else ask",
    )


def read_passphrase(args: argparse.Namespace, *, prompt: str = "Passphrase: ",
                    confirm: bool = False) -> str:
    """Passphrase from --passphrase-file, else $NAM_PASSPHRASE, else an interactive prompt."""
    path: Path | None = getattr(args, "passphrase_file", None)
    if path is not None:
        try:
            with fileio.open_read(path) as fh:
                data = fh.read(MAX_PASSPHRASE_FILE + 1)
        except OSError as exc:
            raise ValidationError("--passphrase-file", f"cannot read: {exc.strerror}") from exc
        if len(data) > MAX_PASSPHRASE_FILE:
            raise ValidationError("--passphrase-file", "file too large for a passphrase")
        try:
            lines = data.decode("utf-8-sig").splitlines()  # Notepad may add a BOM
        except UnicodeDecodeError as exc:
            raise ValidationError("--passphrase-file", "not UTF-8 text") from exc
        return lines[0] if lines else ""
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise ValidationError(
            "passphrase", f"no terminal to ask: use --passphrase-file or ${PASSPHRASE_ENV}"
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != first:
        raise ValidationError("passphrase", "the two entries differ")
    return first


NEW_PASSPHRASE_ENV = "NAM_NEW_PASSPHRASE"  # noqa: S105  # the variable's name


def add_new_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--new-passphrase-file", type=Path, metavar="FILE",
                        help=f"read the new passphrase from FILE; else ${NEW_PASSPHRASE_ENV}; "
                             "else ask")


def read_new_passphrase(args: argparse.Namespace, *, file_attr: str = "new_passphrase_file",
                        env: str = NEW_PASSPHRASE_ENV, what: str = "new passphrase") -> str:
    """A new passphrase from ``--new-passphrase-file``, else ``$NAM_NEW_PASSPHRASE``, else
    asked twice on the terminal (``vault passwd``, ``vault restore-access``)."""
    path = getattr(args, file_attr, None)
    if path is not None:
        return read_passphrase(argparse.Namespace(passphrase_file=path))
    if os.environ.get(env) is not None:
        return os.environ[env]
    if sys.stdin.isatty():
        new = getpass.getpass(f"{what.capitalize()}: ")
        if getpass.getpass("Repeat: ") != new:
            raise ValidationError(what, "the two entries differ")
        return new
    option = "--" + file_attr.replace("_", "-")
    raise ValidationError(what, f"use {option} or ${env}")


def ask_yes(question: str) -> bool:
    """A yes/no question on the terminal; no terminal: no."""
    if not sys.stdin.isatty():
        return False
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


@contextlib.contextmanager
def open_vault(args: argparse.Namespace) -> Iterator[Vault]:
    folder = Path(args.dir)
    refuse_unusable(folder)  # before asking for the passphrase; writes nothing
    vault = Vault.open(folder, read_passphrase(args))
    try:
        for warning in vault.warnings:
            print(f"nam-desktop: warning: {warning}", file=sys.stderr)
        for missing in vault.open_scan.missing:
            print(f"nam-desktop: warning: media file missing: {missing}", file=sys.stderr)
        for kept in vault.open_scan.kept:
            print(f"nam-desktop: warning: unfinished file {kept} is held by another program "
                  "(antivirus, indexer?); it is removed at a later opening", file=sys.stderr)
        yield vault
    finally:
        vault.close()


@contextlib.contextmanager
def open_repository(args: argparse.Namespace) -> Iterator[TestimonyRepository]:
    with open_vault(args) as vault:
        yield TestimonyRepository(vault)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    sys.stdout.write("\n")


def read_input_file(path: str) -> bytes:
    try:
        if path == "-":
            return sys.stdin.buffer.read()
        return Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(path, f"cannot read: {exc.strerror}") from exc


def write_new(path: str | Path, data: bytes) -> None:
    """Write the new output file ``path`` durably; one that exists is never replaced
    (ValidationError: exit 2)."""
    try:
        fileio.write_new(Path(path), data)
    except FileExistsError:
        raise ValidationError(str(path), "already exists") from None
