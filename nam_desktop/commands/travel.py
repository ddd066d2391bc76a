"""Crossing a border (docs/cli.md, docs/recovery-format.md):
``vault recovery|travel|restore-access`` and ``hq recover``; the backup commands are in
:mod:`nam_desktop.commands.backup`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nam_desktop.commands import backup
from nam_desktop.commands.common import (
    add_new_passphrase_option,
    add_passphrase_option,
    ask_yes,
    open_vault,
    read_input_file,
    read_new_passphrase,
    write_new,
)
from nam_desktop.core.crypto.kdf import DEFAULT_PARAMS, MINIMUM_PARAMS
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.exchange import hq_recovery
from nam_desktop.core.vault import recovery, travel
from nam_desktop.core.vault.recovery_format import RecoveryError, RecoveryReason
from nam_desktop.core.vault.vault import KEYSLOT_NAMES

TRAVEL_WORD = "TRAVEL"

ENABLE_TEXT = """\
The HQ recovery slot seals this vault's master key to HQ's key (from the key card).
With it, HQ can open this vault if it gets its files, and can give you access back
when you forget the passphrase or after travel mode. Without it, nobody can.
It is made again for each new key card you import."""

TRAVEL_TEXT = """\
Travel mode destroys every passphrase key slot of this vault. After it, NO passphrase
opens the vault on this computer, not even yours: you cannot be forced to open it.
To open it again you make a recovery request (no passphrase needed):
    nam-desktop vault recovery DIR --request FILE
give FILE to HQ by any channel, and confirm with HQ by another channel that it is you.
HQ's answer opens the vault with a new passphrase:
    nam-desktop vault restore-access DIR RESPONSE
Until then everything in the vault stays encrypted and untouched."""


def register_vault(vsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = vsub.add_parser("recovery", help="the HQ recovery slot: status, --enable, --disable, "
                        "--request FILE (no passphrase)")
    p.add_argument("dir", metavar="DIR")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--enable", action="store_true",
                        help="seal the master key to HQ's key card (HQ can then open it)")
    action.add_argument("--disable", action="store_true", help="destroy the recovery slot")
    action.add_argument("--request", metavar="FILE",
                        help="write a recovery request for HQ (no passphrase needed)")
    p.add_argument("--yes", action="store_true", help="do not ask (scripts)")
    add_passphrase_option(p)
    p.set_defaults(func=_recovery)

    p = vsub.add_parser("travel", help="travel mode: destroy the passphrase key slots, so "
                        "only HQ can give access back")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--yes", action="store_true", help="do not ask (scripts)")
    p.add_argument("--without-vault", action="store_true",
                   help="back up to --backup-to first, then remove the vault from here")
    p.add_argument("--backup-to", metavar="DEST", help="folder or stick for the backup")
    backup.add_backup_passphrase_options(p)
    add_passphrase_option(p)
    p.set_defaults(func=_travel)

    p = vsub.add_parser("restore-access", help="open the vault with HQ's response and set "
                        "a new passphrase")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("response", metavar="RESPONSE")
    add_new_passphrase_option(p)
    p.add_argument("--fast-kdf", action="store_true",
                   help="weakest allowed KDF settings (tests and very old machines only)")
    p.set_defaults(func=_restore_access)

    backup.register_vault(vsub)


def register_hq(hsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = hsub.add_parser("recover", help="answer an interviewer's recovery request")
    p.add_argument("dir", metavar="HQDIR")
    p.add_argument("request", metavar="REQUEST")
    p.add_argument("--out", required=True, metavar="RESPONSE")
    p.add_argument("--yes", action="store_true",
                   help="the interviewer was confirmed by another channel (scripts)")
    add_passphrase_option(p)
    p.set_defaults(func=_hq_recover)


def _refuse_existing(path: str) -> None:
    if Path(path).exists():
        raise ValidationError(path, "already exists")


# ---- vault recovery -----------------------------------------------------------------------
def _recovery(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    if args.request is not None:
        _refuse_existing(args.request)
        made = recovery.make_request(folder)
        write_new(args.request, made.data)
        print(f"recovery request written to {args.request}")
        print(f"request code (read it to HQ by another channel): {made.code}")
        print(f"device fingerprint: {made.device_fingerprint}")
        print("Only the newest request can be answered. Then: nam-desktop vault "
              f"restore-access {args.dir} RESPONSE")
        return 0
    if args.enable or args.disable:
        with open_vault(args) as v:
            if args.enable:
                print(ENABLE_TEXT)
                if not args.yes and not ask_yes("Turn on the HQ recovery slot?"):
                    raise RecoveryError(RecoveryReason.NOT_CONFIRMED,
                                        "not confirmed (use --yes in scripts)")
                recovery.enable(v)
                print("HQ recovery slot is on.")
            else:
                recovery.disable(v)
                print("HQ recovery slot destroyed.")
        return 0
    return _recovery_status(folder)


def _recovery_status(folder: Path) -> int:
    """What the folder shows without a passphrase."""
    slot = recovery.read_slot(folder)
    slots = [n for n in KEYSLOT_NAMES if (folder / n).exists()]
    print(f"recovery slot: {'present, made ' + slot.created_at if slot else 'none'}")
    print("passphrase key slots: " + (f"{len(slots)}" if slots else
                                      "none (waiting for access from HQ)"))
    pending = recovery.pending_request(folder)
    if pending is not None:
        print(f"pending request: {pending.request_id}, made {pending.created_at}")
    return 0


# ---- vault travel -------------------------------------------------------------------------
def _confirm_travel(args: argparse.Namespace) -> None:
    if args.yes:
        return
    if not sys.stdin.isatty():
        raise RecoveryError(RecoveryReason.NOT_CONFIRMED, "use --yes in scripts")
    typed = input(f"Type {TRAVEL_WORD} to go on: ").strip()
    if typed != TRAVEL_WORD:
        raise RecoveryError(RecoveryReason.NOT_CONFIRMED, "the word was not typed")


def _travel(args: argparse.Namespace) -> int:
    if args.without_vault:
        return _travel_without_vault(args)
    with open_vault(args) as v:
        travel.require_ready(v)  # before asking: refused with the reason
        print(TRAVEL_TEXT.replace("DIR", str(args.dir)))
        _confirm_travel(args)
        count = travel.prepare_travel(v)
    print(f"Travel mode: {count} key slot files destroyed. No passphrase opens this vault "
          "now; HQ can give access back.")
    return 0


def _travel_without_vault(args: argparse.Namespace) -> int:
    if args.backup_to is None:
        raise ValidationError("--backup-to", "travel without the vault needs a backup first")
    passphrase = backup.backup_passphrase(args, confirm=True)
    with open_vault(args) as v:
        print("The vault is written as an encrypted backup to "
              f"{args.backup_to}, read back, and then removed from this computer.")
        _confirm_travel(args)
        result = backup.run_backup(v, Path(args.backup_to), passphrase, None)
        count = travel.leave_without_vault(v, result)
    print(f"Vault removed from {args.dir} ({count} files; keys destroyed first).")
    return 0


# ---- restore-access and hq recover ----------------------------------------------------
def _restore_access(args: argparse.Namespace) -> int:
    data = read_input_file(args.response)
    new = read_new_passphrase(args)
    kdf = MINIMUM_PARAMS if args.fast_kdf else DEFAULT_PARAMS
    vault = recovery.restore_access(Path(args.dir), data, new, kdf=kdf)
    try:
        fingerprint = vault.device.fingerprint
    finally:
        vault.close()
    print(f"Access restored: the vault opens with the new passphrase ({fingerprint}).")
    return 0


def _hq_recover(args: argparse.Namespace) -> int:
    _refuse_existing(args.out)
    data = read_input_file(args.request)
    with open_vault(args) as v:
        check = hq_recovery.check_request(v, data)
        req = check.request
        print(f"request from {check.device.name} ({check.device.fingerprint}), made "
              f"{req.created_at}")
        print(f"request code: {check.code}")
        print("Answer only after the interviewer has read you this code through another "
              "channel than the one that brought the file (in person, or a call you place "
              "to a number you know), and you are sure they are free to ask.")
        confirmed = args.yes or ask_yes("Did the interviewer confirm this code?")
        response = hq_recovery.answer_request(v, data, confirmed=confirmed)
    write_new(args.out, response)
    print(f"response written to {args.out}: it opens that vault only on that device, once")
    return 0
