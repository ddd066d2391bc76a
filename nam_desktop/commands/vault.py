"""``nam-desktop vault init|check|passwd|fingerprint DIR``, and the travel and backup
commands of :mod:`nam_desktop.commands.travel` (recovery, travel, restore-access, backup,
restore)."""

from __future__ import annotations

import argparse
from pathlib import Path

from nam_desktop.commands import travel
from nam_desktop.commands.common import (
    add_new_passphrase_option,
    add_passphrase_option,
    open_vault,
    print_json,
    read_new_passphrase,
    read_passphrase,
)
from nam_desktop.commands.exit_codes import EXIT_FAILED, EXIT_OK
from nam_desktop.core.crypto.kdf import DEFAULT_PARAMS, MINIMUM_PARAMS
from nam_desktop.core.exchange import export_journal
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    vault = sub.add_parser("vault", help="create and look after a vault")
    vsub = vault.add_subparsers(dest="vault_command", metavar="ACTION", required=True)

    p = vsub.add_parser("init", help="create a new vault in DIR")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--interviewer", default="", help="interviewer name or code")
    p.add_argument("--fast-kdf", action="store_true",
                   help="weakest allowed KDF settings (tests and very old machines only)")
    add_passphrase_option(p)
    p.set_defaults(func=_init)

    p = vsub.add_parser("check", help="check integrity and the audit chain (exit 1 if damaged)")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--json", action="store_true")
    p.add_argument("--quick", action="store_true", help="do not decrypt every media file")
    add_passphrase_option(p)
    p.set_defaults(func=_check)

    p = vsub.add_parser("passwd", help="change the passphrase (the data is not re-encrypted)")
    p.add_argument("dir", metavar="DIR")
    add_passphrase_option(p)
    add_new_passphrase_option(p)
    p.set_defaults(func=_passwd)

    p = vsub.add_parser("fingerprint", help="print the device fingerprint to read to HQ")
    p.add_argument("dir", metavar="DIR")
    add_passphrase_option(p)
    p.set_defaults(func=_fingerprint)

    travel.register_vault(vsub)  # recovery, travel, restore-access, backup, restore


def _init(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args, prompt="New passphrase: ", confirm=True)
    kdf = MINIMUM_PARAMS if args.fast_kdf else DEFAULT_PARAMS
    with Vault.create(Path(args.dir), passphrase, kdf=kdf, interviewer=args.interviewer) as v:
        TestimonyRepository(v)  # installs the shipped vocabulary
        print(f"Vault created in {args.dir}")
        print("Keep the passphrase safe: if it is lost, nobody can recover the vault.")
        print(f"Device fingerprint (read it to HQ): {v.device.fingerprint}")
    return 0


def _check(args: argparse.Namespace) -> int:
    with open_vault(args) as v:
        report = v.check(deep_media=not args.quick)
        interrupted = export_journal.interrupted_exports(v)
        if args.json:
            print_json({
                "ok": report.ok,
                "integrity": report.integrity,
                "audit_chain": {"ok": report.chain.ok, "entries": report.chain.entries,
                                "head": report.chain.head,
                                "first_bad_seq": report.chain.first_bad_seq,
                                "problem": report.chain.problem},
                "media_problems": report.media_problems,
                "foreign_key_problems": report.foreign_key_problems,
                "notes": report.notes,
                "interrupted_exports": [
                    {"seq": a.seq, "bundle_id": a.bundle_id, "digest": a.digest,
                     "started_at": a.started_at, "file": a.stem + ".age",
                     "reached_hq": bool(a.acknowledged_at)} for a in interrupted],
            })
        else:
            print(f"database integrity: {'ok' if not report.integrity else 'DAMAGED'}")
            for line in report.integrity:
                print(f"  {line}")
            chain = report.chain
            where = f" at entry {chain.first_bad_seq}" if chain.first_bad_seq is not None else ""
            print(f"audit chain: {'ok' if chain.ok else 'BROKEN'} ({chain.entries} entries"
                  + (f"; {chain.problem}{where}" if not chain.ok else "") + ")")
            print(f"media files: {'ok' if not report.media_problems else 'PROBLEMS'}")
            for line in report.media_problems:
                print(f"  {line}")
            if report.foreign_key_problems:
                print(f"broken references: {report.foreign_key_problems}")
            for a in interrupted:
                print(_interrupted_text(a))
            print("vault is OK" if report.ok else "vault is DAMAGED")
    return EXIT_OK if report.ok else EXIT_FAILED


def _interrupted_text(a: export_journal.Attempt) -> str:
    text = (f"interrupted export: no. {a.seq} (bundle file {a.stem}.age, started "
            f"{a.started_at}) stopped before it was recorded. Its number stays used and "
            "every later bundle tells HQ, so the chain to HQ is not broken. ")
    if a.acknowledged_at:
        return text + "HQ's receipt shows that bundle reached HQ after all."
    return text + ("If that file is on a USB stick it may be complete: HQ can import it. "
                   "The next export to that stick removes unfinished parts.")


def _passwd(args: argparse.Namespace) -> int:
    old = read_passphrase(args, prompt="Current passphrase: ")
    new = read_new_passphrase(args)
    vault = Vault.open(Path(args.dir), old)
    try:
        vault.change_passphrase(old, new)
    finally:
        vault.close()
    print("Passphrase changed.")
    return 0


def _fingerprint(args: argparse.Namespace) -> int:
    with open_vault(args) as v:
        print(v.device.fingerprint)
    return 0
