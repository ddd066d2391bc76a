"""HQ import station: ``nam-desktop hq init|keycard|print-keycard|register|ca-cert|devices|
import|receipt|alarms|gaps|rotate|export-identity`` (docs/bundle-format.md, docs/cli.md), the
``uwazi-*`` commands of :mod:`nam_desktop.commands.uwazi` (docs/uwazi.md) and ``recover``
of :mod:`nam_desktop.commands.travel` (docs/recovery-format.md)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from nam_desktop.commands import travel, uwazi
from nam_desktop.commands.common import (
    add_passphrase_option,
    open_vault,
    print_json,
    read_passphrase,
    write_new,
)
from nam_desktop.commands.exchange import expand_bundles, read_small
from nam_desktop.commands.exit_codes import EXIT_FAILED, EXIT_OK
from nam_desktop.commands.identity_file import add_identity_passphrase_option, encode_identities
from nam_desktop.core.crypto.kdf import DEFAULT_PARAMS, MINIMUM_PARAMS
from nam_desktop.core.errors import NamError, NoSpaceError, ValidationError
from nam_desktop.core.exchange import hq_chain, hq_identity, hq_import, keycard, receipt
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault


def _dir_and_pass(p: argparse.ArgumentParser) -> None:
    p.add_argument("dir", metavar="HQDIR")
    add_passphrase_option(p)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    hq = sub.add_parser("hq", help="HQ import station")
    hsub = hq.add_subparsers(dest="hq_command", metavar="ACTION", required=True)

    p = hsub.add_parser("init", help="create an HQ vault with new root, receipt and age keys")
    _dir_and_pass(p)
    p.add_argument("--fast-kdf", action="store_true", help="weakest KDF (tests only)")
    p.set_defaults(func=_init)

    p = hsub.add_parser("keycard", help="write a signed key card for interviewers")
    _dir_and_pass(p)
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--name", default="", help="HQ name shown to interviewers")
    p.add_argument("--no-originals", action="store_true",
                   help="ask interviewers to send cleaned files only")
    p.add_argument("--device", metavar="FINGERPRINT",
                   help="a card for this device only, carrying its PDF-signing certificate "
                        "(every card carries HQ's CA certificate)")
    _pdf_options(p, "--pdf", required=False,
                 help_text="also write a printable one-page PDF (QR code, fingerprint)")
    p.set_defaults(func=_keycard)

    p = hsub.add_parser("print-keycard",
                        help="printable PDF of an existing key card (QR code, fingerprint)")
    p.add_argument("card", metavar="CARD")
    _pdf_options(p, "--out", required=True, help_text="the PDF to write")
    p.set_defaults(func=_print_keycard)

    p = hsub.add_parser("register", help="register an interviewer device")
    _dir_and_pass(p)
    p.add_argument("device", metavar="FINGERPRINT_OR_PUBKEY")
    p.add_argument("--name", required=True)
    p.set_defaults(func=_register)

    p = hsub.add_parser("ca-cert", help="write HQ's CA certificate (PEM) for lawyers to "
                                         "trust in Acrobat or NSS, and for `summary verify "
                                         "--ca`")
    _dir_and_pass(p)
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=_ca_cert)

    p = hsub.add_parser("devices", help="list registered devices")
    _dir_and_pass(p)
    p.set_defaults(func=_devices)

    p = hsub.add_parser("import", help="verify and import bundles (each all or nothing)")
    _dir_and_pass(p)
    p.add_argument("bundles", nargs="+", metavar="BUNDLE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_import)

    p = hsub.add_parser("receipt", help="write a signed receipt for one device")
    _dir_and_pass(p)
    p.add_argument("--device", required=True, metavar="FINGERPRINT")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=_receipt)

    p = hsub.add_parser("alarms", help="gaps, forks and conflicts to review")
    _dir_and_pass(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_alarms)

    p = hsub.add_parser("gaps", help="bundle numbers not received, and what the device said")
    _dir_and_pass(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_gaps)

    p = hsub.add_parser("rotate", help="add a new age recipient (issue a new key card after)")
    _dir_and_pass(p)
    p.add_argument("--retire-old", action="store_true")
    p.set_defaults(func=_rotate)

    p = hsub.add_parser("export-identity",
                        help="write HQ's age identities to a passphrase-protected file "
                             "(for `age -d` / `verify`)")
    _dir_and_pass(p)
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--plaintext", action="store_true",
                   help="write the secret keys unprotected (only on an offline machine)")
    add_identity_passphrase_option(p)
    p.set_defaults(func=_export_identity)

    uwazi.register_hq(hsub)  # uwazi-snapshot, uwazi-setup, uwazi-export
    travel.register_hq(hsub)  # recover (docs/recovery-format.md)


def _pdf_options(p: argparse.ArgumentParser, flag: str, *, required: bool,
                 help_text: str) -> None:
    p.add_argument(flag, dest="pdf", required=required, metavar="PDFFILE", help=help_text)
    p.add_argument("--lang", choices=("en", "ru", "be"), default="en",
                   help="language of the printed instructions (default: en)")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")


def _init(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args, prompt="New passphrase: ", confirm=True)
    kdf = MINIMUM_PARAMS if args.fast_kdf else DEFAULT_PARAMS
    with Vault.create(Path(args.dir), passphrase, kdf=kdf, role="hq") as v:
        TestimonyRepository(v)
        ident = hq_identity.init_hq(v)
    print(f"HQ vault created in {args.dir}")
    print(f"root fingerprint (give it to interviewers out of band): {ident.root_fingerprint}")
    print(f"age recipient: {ident.recipients[0]}")
    return 0


def _keycard(args: argparse.Namespace) -> int:
    for path in (args.out, args.pdf):
        if path is not None and Path(path).exists():
            raise ValidationError(path, "already exists")
    with open_vault(args) as v:
        data = keycard.issue_keycard(v, hq_name=args.name,
                                     accept_originals=not args.no_originals,
                                     device=args.device)
    pdf = _keycard_pdf(data, args) if args.pdf is not None else None
    write_new(args.out, data)
    card = keycard.parse_keycard(data)
    print(f"key card serial {card.serial} written to {args.out}")
    if card.pdf_signing is not None and card.pdf_signing.device_fingerprint:
        print(f"for device {card.pdf_signing.device_fingerprint} only: it carries its "
              "PDF-signing certificate")
    if pdf is not None:
        write_new(args.pdf, pdf)
        print(f"printable key card written to {args.pdf}")
    print(f"root fingerprint: {card.root_fingerprint}")
    return 0


def _keycard_pdf(data: bytes, args: argparse.Namespace) -> bytes:
    # Imported here: reportlab costs ~0.2 s, which every other command would pay.
    from nam_desktop.core.exchange.keycard_print import keycard_pdf

    return keycard_pdf(data, lang=args.lang, paper=args.paper)


def _print_keycard(args: argparse.Namespace) -> int:
    data = read_small(args.card)
    card = keycard.parse_keycard(data)
    write_new(args.pdf, _keycard_pdf(data, args))
    print(f"printable key card (serial {card.serial}) written to {args.pdf}")
    print(f"root fingerprint: {card.root_fingerprint}")
    return 0


def _register(args: argparse.Namespace) -> int:
    with open_vault(args) as v:
        dev = hq_identity.register_device(v, args.device, args.name)
    print(f"registered {dev.fingerprint} as {dev.name}")
    if dev.pdf_certified_at:
        print("PDF-signing certificate issued; give the interviewer a key card made with "
              f"`hq keycard --device {dev.fingerprint}`")
    else:
        print("PDF-signing certificate: not yet (HQ learns the device's PDF key from its "
              "next bundle, and certifies it at import)")
    return 0


def _ca_cert(args: argparse.Namespace) -> int:
    from nam_desktop.core.exchange import hq_ca
    from nam_desktop.core.pades import certs

    if Path(args.out).exists():
        raise ValidationError(args.out, "already exists")
    with open_vault(args) as v:
        hq_identity.load_hq(v)  # an interviewer vault is bad input (wrong_role)
        ca = hq_ca.ensure_ca(v)
    write_new(args.out, ca.pem)
    subject = certs.subject_of(certs.load(ca.certificate))
    print(f"HQ CA certificate written to {args.out}: {subject.common_name}, "
          f"root {subject.serial_number}")
    return 0


def _devices(args: argparse.Namespace) -> int:
    with open_vault(args) as v:
        for d in hq_identity.devices(v):
            cert = f"certified {d.pdf_certified_at}" if d.pdf_certified_at else "not certified"
            print(f"{d.fingerprint}  {'key known' if d.public_key else 'fingerprint only'}  "
                  f"{cert}  {d.name}")
    return 0


def _import(args: argparse.Namespace) -> int:
    failures = 0
    results = []
    with open_vault(args) as v:
        hq_identity.load_hq(v)  # an interviewer vault (or no HQ keys) is bad input: exit 2/7
        for name in args.bundles:
            try:
                result = hq_import.import_bundle(v, expand_bundles([name]))
            except NoSpaceError:
                raise  # the HQ disk is full: the next bundles would not fit either
            except NamError as exc:
                failures += 1
                reason = getattr(exc, "reason", None)
                why = reason.value if reason is not None else exc.status.value
                print(f"{name}: REJECTED ({why}): {exc.detail}", file=sys.stderr)
                results.append({"bundle": name, "status": "rejected", "reason": why})
                continue
            results.append({"bundle": name, "status": result.status.value,
                            "bundle_id": result.bundle_id, "device": result.device_fingerprint,
                            "seq": result.seq, "testimonies": result.testimonies,
                            "new_entries": result.new_entries, "flags": result.flags,
                            "pdf_certified": result.certified})
            if not args.json:
                print(f"{name}: {result.status.value} from {result.device_name} "
                      f"({result.device_fingerprint}) seq {result.seq}: "
                      f"{len(result.testimonies)} testimonies, {result.new_entries} new "
                      f"entries, {result.known_entries} already known")
                if result.certified:
                    print(f"  PDF-signing certificate ready: `hq keycard {args.dir} --device "
                          f"{result.device_fingerprint} --out CARD` carries it to the device")
                for flag in result.flags:
                    print(f"  ALARM {flag}")
    if args.json:
        print_json(results)
    return EXIT_FAILED if failures else EXIT_OK


def _receipt(args: argparse.Namespace) -> int:
    with open_vault(args) as v:
        data = receipt.issue_receipt(v, args.device.strip().upper())
    write_new(args.out, data)
    print(f"receipt written to {args.out}")
    return 0


def _alarms(args: argparse.Namespace) -> int:
    with open_vault(args) as v:
        rows = hq_import.alarms(v)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{r['ts']}  {r['kind']:<8} {r['device']}  {r['bundle_id']}  {r['detail']}")
    return 0


GAP_TEXT = {
    "interrupted": "interrupted export on the device (reported by a later bundle)",
    "failed": "export failed on the device; its files were removed",
    "cancelled": "export cancelled on the device; its files were removed",
    "missing": "NOT RECEIVED and not explained by the device: lost stick? ask the interviewer",
}


def _gaps(args: argparse.Namespace) -> int:
    with open_vault(args) as v:
        gaps = hq_chain.gap_report(v)
        names = {d.fingerprint: d.name for d in hq_identity.devices(v)}
    if args.json:
        print_json([{"device": g.device_fingerprint, "first": g.first, "last": g.last,
                     "state": g.state, "bundle_id": g.bundle_id,
                     "reported_by": g.reported_by} for g in gaps])
        return 0
    if not gaps:
        print("no gaps: every bundle number up to the last one imported is here")
    for g in gaps:
        numbers = str(g.first) if g.first == g.last else f"{g.first}..{g.last}"
        print(f"{g.device_fingerprint} ({names.get(g.device_fingerprint, '?')})  "
              f"no. {numbers}: {GAP_TEXT[g.state]}")
    return 0


def _rotate(args: argparse.Namespace) -> int:
    with open_vault(args) as v:
        recipient = hq_identity.rotate_recipient(v, retire_old=args.retire_old)
    print(f"new age recipient: {recipient}\nissue a new key card: `hq keycard`")
    return 0


def _export_identity(args: argparse.Namespace) -> int:
    if Path(args.out).exists():
        raise ValidationError(args.out, "already exists")
    with open_vault(args) as v:
        ident = hq_identity.load_hq(v)
    data = encode_identities(list(ident.identities), args, plaintext=args.plaintext)
    write_new(args.out, data)
    os.chmod(args.out, 0o600)
    how = ("UNPROTECTED: anyone who copies it reads every bundle" if args.plaintext else
           "protected by its passphrase (age scrypt; `age -d` asks for it)")
    print(f"{len(ident.identities)} age identities written to {args.out}, {how}; "
          "keep it offline", file=sys.stderr)
    return 0
