"""HQ identity files (``hq export-identity``, ``verify --identity``): the age identities,
one ``AGE-SECRET-KEY-1...`` a line, either as plain text or encrypted to a passphrase
with age's scrypt recipient (the default; ``age -d`` and pyrage open it too)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from nam_desktop.core import fileio
from nam_desktop.core.crypto.age_reader import AgeError, decrypt_small, parse_identity
from nam_desktop.core.crypto.age_writer import VERSION_LINE, encrypt_with_passphrase
from nam_desktop.core.crypto.kdf import check_new_passphrase
from nam_desktop.core.errors import MalformedFileError, ValidationError, WrongPassphraseError

IDENTITY_PASSPHRASE_ENV = "NAM_IDENTITY_PASSPHRASE"  # noqa: S105  # a variable's name
MAX_IDENTITY_FILE = 256 * 1024


def add_identity_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--identity-passphrase-file", type=Path, metavar="FILE",
        help=f"passphrase of the identity file (first line); else ${IDENTITY_PASSPHRASE_ENV}; "
             "else ask")


def identity_passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """From --identity-passphrase-file, else $NAM_IDENTITY_PASSPHRASE, else a prompt."""
    path: Path | None = getattr(args, "identity_passphrase_file", None)
    if path is not None:
        try:
            data = path.read_bytes()[:4097]
            lines = data.decode("utf-8-sig").splitlines()  # Notepad may add a BOM
        except OSError as exc:
            raise ValidationError("--identity-passphrase-file",
                                  f"cannot read: {exc.strerror}") from exc
        except UnicodeDecodeError as exc:
            raise ValidationError("--identity-passphrase-file", "not UTF-8 text") from exc
        return lines[0] if lines else ""
    env = os.environ.get(IDENTITY_PASSPHRASE_ENV)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise ValidationError("identity passphrase", "no terminal to ask: use "
                              f"--identity-passphrase-file or ${IDENTITY_PASSPHRASE_ENV}")
    first = getpass.getpass("Identity file passphrase: ")
    if confirm and getpass.getpass("Repeat: ") != first:
        raise ValidationError("identity passphrase", "the two entries differ")
    return first


def encode_identities(identities: list[str], args: argparse.Namespace, *,
                      plaintext: bool) -> bytes:
    text = "".join(f"{i}\n" for i in identities).encode("ascii")
    if plaintext:
        return text
    passphrase = identity_passphrase(args, confirm=True)
    check_new_passphrase(passphrase)
    return encrypt_with_passphrase(text, passphrase.encode("utf-8"))


def read_identity_file(path: str, args: argparse.Namespace) -> list[str]:
    """The identities in a plain or passphrase-protected identity file."""
    try:
        with fileio.open_read(path) as fh:
            data = fh.read(MAX_IDENTITY_FILE + 1)
    except OSError as exc:
        raise ValidationError(path, f"cannot read: {exc.strerror}") from exc
    if len(data) > MAX_IDENTITY_FILE:
        raise ValidationError(path, "file too large for an identity file")
    if data.startswith(VERSION_LINE + b"\n"):
        passphrase = identity_passphrase(args).encode("utf-8")
        try:
            data = decrypt_small(data, passphrase=passphrase)
        except AgeError as exc:
            if exc.kind == "wrong_passphrase":
                raise WrongPassphraseError("the identity file's passphrase") from exc
            raise MalformedFileError(f"{path}: not a readable encrypted identity file "
                                     f"({exc.kind})") from exc
    text = data.decode("utf-8-sig", errors="replace")  # a BOM from Notepad
    keys = [line.strip() for line in text.splitlines()
            if line.strip().startswith("AGE-SECRET-KEY-")]
    if not keys:
        raise ValidationError(path, "no AGE-SECRET-KEY line")
    for key in keys:  # a damaged key file is bad input, not a bundle for someone else
        try:
            parse_identity(key)
        except AgeError as exc:
            raise ValidationError(path, "an AGE-SECRET-KEY line is not a valid identity") \
                from exc
    return keys
