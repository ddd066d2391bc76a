"""Interviewer side of the exchange with HQ: ``keycard import|show``, ``export`` and
``verify`` (docs/bundle-format.md, docs/cli.md); receipts are in :mod:`.receipt`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from nam_desktop.commands.common import add_passphrase_option, open_vault, print_json
from nam_desktop.commands.exit_codes import (
    EXIT_FAILED,
    EXIT_NOT_FOUND,
    EXIT_NOT_READY,
    EXIT_OK,
    EXIT_SIGNER_NOT_KNOWN,
    EXIT_UNSUPPORTED,
)
from nam_desktop.commands.identity_file import (
    add_identity_passphrase_option,
    read_identity_file,
)
from nam_desktop.core import fileio
from nam_desktop.core.errors import NoSpaceError, ValidationError
from nam_desktop.core.exchange import export, keycard
from nam_desktop.core.exchange.bundle_format import BundleHeader
from nam_desktop.core.exchange.bundle_verify import (
    VerifyRejectedError,
    VerifyReport,
    expected_device,
    hq_context,
    verify_bundle,
)
from nam_desktop.core.exchange.destination import bundle_parts
from nam_desktop.core.exchange.errors import ExchangeError, Reason

MAX_SMALL_FILE = 256 * 1024


def read_small(path: str, limit: int = MAX_SMALL_FILE,
               reason: Reason = Reason.KEYCARD_INVALID) -> bytes:
    """A key card or receipt file. Its size is the format's first check
    (docs/bundle-format.md, section 5): a larger file is refused with ``reason`` (exit 1,
    like any rejected card or receipt); a file that cannot be read is bad input (exit 2)."""
    try:
        with fileio.open_read(path) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise ValidationError(path, f"cannot read: {exc.strerror}") from exc
    if len(data) > limit:
        raise ExchangeError(reason, f"{path}: larger than {limit} bytes")
    return data


def ask(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def expand_bundles(paths: list[str]) -> list[Path]:
    """A bundle given by one of its parts expands to all parts, in order."""
    out: list[Path] = []
    for p in paths:
        for part in bundle_parts(Path(p)):
            if part not in out:
                out.append(part)
    for part in out:
        if not part.is_file():
            raise ValidationError(str(part), "no such bundle file")
    return out


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    k = sub.add_parser("keycard", help="import or show the HQ key card")
    ksub = k.add_subparsers(dest="keycard_command", metavar="ACTION", required=True)
    p = ksub.add_parser("import", help="check a key card, show HQ's root fingerprint, pin it")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true",
                   help="the fingerprint was compared out of band: do not ask")
    add_passphrase_option(p)
    p.set_defaults(func=_keycard_import)
    p = ksub.add_parser("show", help="show the pinned key card")
    p.add_argument("dir", metavar="DIR")
    add_passphrase_option(p)
    p.set_defaults(func=_keycard_show)

    p = sub.add_parser("export", help="write a signed, encrypted bundle for HQ")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--to", required=True, metavar="DEST", help="folder or mounted USB stick")
    p.add_argument("--testimony", action="append", metavar="ID",
                   help="export this testimony (repeatable; default: every final one)")
    p.add_argument("--recipient", action="append", metavar="AGE_RECIPIENT",
                   help="encrypt to this age recipient instead of the key card's (scripts)")
    p.add_argument("--include-originals", action="store_true",
                   help="also send the original files (if the key card allows)")
    p.add_argument("--include-identity", action="store_true",
                   help="also send the witness's identity")
    p.add_argument("--part-size", type=int, metavar="BYTES",
                   help="split into parts of this size (default: only on FAT file systems)")
    p.add_argument("--check", action="store_true", help="preflight only: write nothing")
    p.add_argument("--json", action="store_true")
    add_passphrase_option(p)
    p.set_defaults(func=_export)

    p = sub.add_parser("verify", help="decrypt and verify a bundle without importing it")
    p.add_argument("bundle", nargs="+", metavar="BUNDLE", help="bundle file (or its parts)")
    p.add_argument("--identity", metavar="FILE",
                   help="age identity file, plain or passphrase-protected (`hq export-identity`)")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--device-key", metavar="FINGERPRINT_OR_KEY",
                     help="the interviewer device that must have signed it")
    who.add_argument("--hq", metavar="HQDIR",
                     help="an HQ vault: its identities, root and register of devices")
    p.add_argument("--json", action="store_true")
    add_passphrase_option(p)
    add_identity_passphrase_option(p)
    p.set_defaults(func=_verify)


def _keycard_import(args: argparse.Namespace) -> int:
    data = read_small(args.file)
    with open_vault(args) as v:
        checked = keycard.check_keycard(v, data)
        card = checked.card
        print(f"HQ root fingerprint: {card.root_fingerprint}")
        print(f"key card serial {card.serial}, {len(card.recipients)} recipient(s)")
        if checked.unchanged:
            print("this key card is already in place")
            return 0
        if checked.first_time and not args.yes:
            print("Compare the fingerprint with the one HQ gave you in person or by phone.")
            if not ask("Does it match exactly?"):
                print("nam-desktop: error: not ready: key card not imported "
                      "(the fingerprint was not confirmed)", file=sys.stderr)
                return EXIT_NOT_READY
        keycard.pin_keycard(v, data)
    print("key card pinned" if checked.first_time else "key card updated")
    return 0


def _keycard_show(args: argparse.Namespace) -> int:
    with open_vault(args) as v:
        card = keycard.current_keycard(v)
    if card is None:
        print("nam-desktop: error: not found: no key card; import one from HQ "
              "(`keycard import DIR FILE`)", file=sys.stderr)
        return EXIT_NOT_FOUND
    print(f"HQ root fingerprint: {card.root_fingerprint}\nserial: {card.serial}\n"
          f"issued: {card.issued_at}\noriginals accepted: {card.accept_originals}")
    for r in card.recipients:
        print(f"recipient: {r}")
    return 0


def _export(args: argparse.Namespace) -> int:
    options = export.ExportOptions(
        testimony_ids=tuple(args.testimony) if args.testimony else None,
        include_identity=args.include_identity, include_originals=args.include_originals,
        recipients=tuple(args.recipient or ()), part_size=args.part_size)
    dest = Path(args.to)
    with open_vault(args) as v:
        pre = export.preflight(v, dest, options)
        for problem in pre.problems:
            kind = "problem" if problem.blocking else "warning"
            print(f"{kind}: {problem}", file=sys.stderr)
        if args.check:
            print(f"{len(pre.selection)} testimonies, about {pre.estimated_size} bytes; "
                  + ("ready" if pre.ok else "NOT ready"))
            return EXIT_OK if pre.ok else EXIT_NOT_READY
        blocking = [p.code for p in pre.problems if p.blocking]
        if blocking and all(c is export.Problem.NOT_ENOUGH_SPACE for c in blocking):
            raise NoSpaceError(str(dest), needed=pre.estimated_size, free=pre.free)
        result = export.export_bundle(v, dest, options)
    _say_leftovers(result)
    if args.json:
        print_json({"paths": [str(p) for p in result.paths], "digest": result.digest,
                    "file_sha256": result.file_sha256, "size": result.size,
                    "bundle_id": result.bundle_id, "seq": result.seq,
                    "testimonies": [s.testimony_id for s in result.testimonies],
                    "leftovers_removed": result.leftovers.removed,
                    "leftovers_not_removable": result.leftovers.failed,
                    "interrupted_bundles_kept": result.leftovers.kept,
                    "unfinished_reported": result.unfinished_reported})
        return 0
    for path in result.paths:
        print(path)
    print(f"digest: {result.digest}")
    print(f"file sha256: {result.file_sha256}")
    print(f"{len(result.testimonies)} testimonies, {result.entries} entries, "
          f"{result.size} bytes; written, read back and verified: safe to remove")
    return 0


def _say_leftovers(result: export.ExportResult) -> None:
    """On stderr, so ``--json`` output stays one document."""
    found = result.leftovers
    if found.removed:
        print(f"removed {len(found.removed)} unfinished file(s) left by an earlier "
              f"interrupted export: {', '.join(found.removed)}", file=sys.stderr)
    if found.failed:
        print(f"warning: could not remove unfinished file(s) of an earlier export: "
              f"{', '.join(found.failed)}", file=sys.stderr)
    for name in found.kept:
        print(f"note: {name} is from an earlier export that was interrupted; it may be "
              "complete: give it to HQ too (HQ accepts or refuses it safely)", file=sys.stderr)
    if result.unfinished_reported:
        numbers = ", ".join(str(n) for n in result.unfinished_reported)
        print(f"note: this bundle tells HQ that earlier export(s) no. {numbers} did not "
              "complete", file=sys.stderr)


def _verify(args: argparse.Namespace) -> int:
    """Exit codes per verdict: docs/cli.md, "verify"."""
    if args.identity is None and args.hq is None:
        raise ValidationError("--identity", "give an identity file, or --hq HQDIR")
    paths = expand_bundles(args.bundle)
    identities = read_identity_file(args.identity, args) if args.identity else []
    expected = expected_device(args.device_key) if args.device_key else None
    hq_root = None
    if args.hq is not None:
        with open_vault(argparse.Namespace(dir=args.hq,
                                           passphrase_file=args.passphrase_file)) as v:
            hq = hq_context(v)
        identities += [i for i in hq.identities if i not in identities]
        expected, hq_root = hq.signer, hq.root_fingerprint
    try:
        report = verify_bundle(paths, identities, expected=expected, hq_root=hq_root)
    except VerifyRejectedError as exc:
        return _verify_rejected(args, exc)
    verdict = "ok" if report.signer_known else "signer_not_known"
    code = EXIT_OK if report.signer_known else EXIT_SIGNER_NOT_KNOWN
    h = report.header
    if args.json:
        print_json({"verdict": verdict, "reason": None, "detail": "", "exit_code": code,
                    "signer": _signer_json(h, report), "digest": report.digest,
                    "header": h.to_json()})
        return code
    print(f"signer: {h.device_fingerprint} (key {h.device_public_key.hex()})")
    print(f"bundle: {h.bundle_id} seq {h.seq} created {h.created_at} (format version "
          f"{h.version})")
    print(f"digest: {report.digest}")
    for e in report.entries:
        print(f"  {e.kind:<10} {e.size:>12}  {e.sha256[:16]}  {e.id}")
    if report.signer_known:
        print(f"verdict: OK (signed by {report.signer_name}, as the {report.signer_source} "
              "says; every entry matches its hash; the records agree)")
    else:
        print("verdict: SIGNER NOT KNOWN (signature valid, signer not known: nothing said "
              "which device had to sign; give --device-key FINGERPRINT or --hq HQDIR)")
    return code


def _signer_json(h: BundleHeader, report: VerifyReport | None) -> dict[str, Any]:
    return {"fingerprint": h.device_fingerprint, "public_key": h.device_public_key.hex(),
            "known": bool(report and report.signer_known),
            "name": report.signer_name if report else "",
            "source": report.signer_source if report else ""}


def _verify_rejected(args: argparse.Namespace, exc: VerifyRejectedError) -> int:
    code = VERIFY_EXIT[exc.reason]
    verdict = "unsupported" if code == EXIT_UNSUPPORTED else "rejected"
    if args.json:
        data: dict[str, Any] = {"verdict": verdict, "reason": exc.reason.value,
                                "detail": exc.note, "exit_code": code}
        if exc.header is not None:
            data.update(signer=_signer_json(exc.header, None), digest=exc.digest,
                        header=exc.header.to_json())
        print_json(data)
    else:
        if exc.header is not None:
            print(f"signer: {exc.header.device_fingerprint} "
                  f"(key {exc.header.device_public_key.hex()})")
            print(f"bundle: {exc.header.bundle_id} seq {exc.header.seq}")
        print(f"verdict: {verdict.upper().replace('_', ' ')} ({exc.reason.value}): "
              f"{exc.note}")
    return code


# verify's exit code for each reason it can give (docs/cli.md); tests pin every row.
VERIFY_EXIT: dict[Reason, int] = {
    Reason.MALFORMED: EXIT_FAILED,
    Reason.OVERSIZE: EXIT_FAILED,
    Reason.DAMAGED: EXIT_FAILED,
    Reason.TRUNCATED: EXIT_FAILED,
    Reason.BAD_SIGNATURE: EXIT_FAILED,
    Reason.HASH_MISMATCH: EXIT_FAILED,
    Reason.INCONSISTENT: EXIT_FAILED,
    Reason.UNKNOWN_SIGNER: EXIT_FAILED,
    Reason.WRONG_RECIPIENT: EXIT_FAILED,
    Reason.UNSUPPORTED_VERSION: EXIT_UNSUPPORTED,
}
