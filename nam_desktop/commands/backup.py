"""``nam-desktop vault backup DIR --to DEST`` and ``vault restore BACKUP --to DIR``
(docs/backup-format.md, docs/cli.md)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from nam_desktop.commands.common import (
    add_passphrase_option,
    open_vault,
    print_json,
    read_passphrase,
)
from nam_desktop.commands.identity_file import add_identity_passphrase_option, read_identity_file
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.vault import backup_restore
from nam_desktop.core.vault.backup import BackupResult, backup_vault
from nam_desktop.core.vault.vault import Vault

BACKUP_PASSPHRASE_ENV = "NAM_BACKUP_PASSPHRASE"  # noqa: S105  # the variable's name


def add_backup_passphrase_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--with-passphrase", action="store_true",
                   help=f"also protect the backup with its own passphrase (from "
                        f"--backup-passphrase-file, ${BACKUP_PASSPHRASE_ENV} or asked)")
    p.add_argument("--backup-passphrase-file", type=Path, metavar="FILE",
                   help="the backup's passphrase (first line of FILE)")


def register_vault(vsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = vsub.add_parser("backup", help="write the whole vault as one encrypted file (to HQ's "
                        "key, and optionally a backup passphrase), read back")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--to", required=True, metavar="DEST", help="folder or USB stick")
    add_backup_passphrase_options(p)
    p.add_argument("--part-size", type=int, metavar="BYTES",
                   help="split into parts of this size (FAT: automatic)")
    p.add_argument("--json", action="store_true")
    add_passphrase_option(p)
    p.set_defaults(func=_backup)

    p = vsub.add_parser("restore", help="restore a backup into a new folder")
    p.add_argument("backup", metavar="BACKUP", help="the backup file (any part of it)")
    p.add_argument("--to", required=True, metavar="DIR", help="new or empty folder")
    p.add_argument("--identity", type=Path, metavar="FILE",
                   help="HQ's age identity file (`hq export-identity`); else the backup's "
                        f"passphrase (--backup-passphrase-file, ${BACKUP_PASSPHRASE_ENV} or "
                        "asked)")
    add_identity_passphrase_option(p)
    p.add_argument("--backup-passphrase-file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_restore)


def backup_passphrase(args: argparse.Namespace, *, confirm: bool) -> str | None:
    """The backup's own passphrase, or None when none was asked for."""
    path = getattr(args, "backup_passphrase_file", None)
    if path is not None:
        return read_passphrase(argparse.Namespace(passphrase_file=path))
    if not getattr(args, "with_passphrase", False):
        return None
    if os.environ.get(BACKUP_PASSPHRASE_ENV) is not None:
        return os.environ[BACKUP_PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise ValidationError("backup passphrase",
                              f"use --backup-passphrase-file or ${BACKUP_PASSPHRASE_ENV}")
    first = getpass.getpass("Backup passphrase: ")
    if confirm and getpass.getpass("Repeat: ") != first:
        raise ValidationError("backup passphrase", "the two entries differ")
    return first


def run_backup(vault: Vault, dest: Path, passphrase: str | None,
               part_size: int | None) -> BackupResult:
    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty() and total:
            print(f"\r{100 * done // total:3d} %", end="", file=sys.stderr, flush=True)

    result = backup_vault(vault, dest, passphrase=passphrase, part_size=part_size,
                          progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return result


def _backup(args: argparse.Namespace) -> int:
    passphrase = backup_passphrase(args, confirm=True)
    with open_vault(args) as v:
        result = run_backup(v, Path(args.to), passphrase, args.part_size)
    if args.json:
        print_json({"backup_id": result.backup_id, "paths": [str(p) for p in result.paths],
                    "key_path": str(result.key_path) if result.key_path else None,
                    "size": result.size, "sha256": result.sha256, "files": result.files,
                    "media_files": result.media_files,
                    "hq_recipients": result.hq_recipients})
        return 0
    for path in result.paths:
        print(f"backup written and read back: {path}")
    if result.key_path is not None:
        print(f"passphrase key file: {result.key_path} (keep it with the backup)")
    print(f"{result.files} files ({result.media_files} media), {result.size} bytes, "
          f"sha256 {result.sha256}")
    who = [f"HQ ({result.hq_recipients} key{'s' if result.hq_recipients != 1 else ''})"
           ] if result.hq_recipients else []
    who += ["the backup passphrase"] if result.key_path else []
    print(f"it opens with: {' or '.join(who)}; the vault inside still needs its passphrase "
          "(or HQ's recovery)")
    return 0


def _restore(args: argparse.Namespace) -> int:
    if args.identity is not None:
        # Plain or passphrase-protected, as `hq export-identity` writes it (the default).
        keys = read_identity_file(str(args.identity), args)
        identities = backup_restore.identities_from_text("\n".join(keys))
    else:
        _, key_path = backup_restore.backup_files(Path(args.backup))
        args.with_passphrase = True
        passphrase = backup_passphrase(args, confirm=False)
        assert passphrase is not None  # noqa: S101  # with_passphrase is set
        identities = backup_restore.identities_from_passphrase(key_path, passphrase)
    result = backup_restore.restore_backup(Path(args.backup), Path(args.to),
                                           identities=identities)
    if args.json:
        print_json({"target": str(result.target), "backup_id": result.backup_id,
                    "created_at": result.created_at, "vault_id": result.vault_id,
                    "role": result.role, "device_fingerprint": result.device_fingerprint,
                    "audit_entries": result.audit_entries, "audit_head": result.audit_head,
                    "files": result.files, "size": result.size,
                    "awaiting_recovery": result.awaiting_recovery})
        return 0
    print(f"vault restored into {result.target}: backup of {result.created_at}, device "
          f"{result.device_fingerprint}, {result.audit_entries} audit entries")
    if result.awaiting_recovery:
        print("It was backed up in travel mode: only HQ can give access back "
              f"(nam-desktop vault recovery {result.target} --request FILE).")
    else:
        print(f"Open it with the vault's passphrase; check it: nam-desktop vault check "
              f"{result.target}")
    print("Do not use the restored vault beside the original: HQ would see two devices "
          "with one key (a fork).")
    return 0
