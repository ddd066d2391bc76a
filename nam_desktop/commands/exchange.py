"""Interviewer side of the exchange with HQ: ``keycard import|show``, ``export`` and
``verify`` (docs/bundle-format.md, docs/cli.md); receipts are in :mod:`.receipt`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nam_desktop.commands.common import add_passphrase_option, open_vault, print_json
from nam_desktop.core.crypto.age_reader import AgeError, parse_identity
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.exchange import export, keycard
from nam_desktop.core.exchange.destination import bundle_parts
from nam_desktop.core.exchange.errors import ExchangeError
from nam_desktop.core.exchange.hq_import import verify_bundle

MAX_SMALL_FILE = 256 * 1024


def read_small(path: str, limit: int = MAX_SMALL_FILE) -> bytes:
    try:
        with Path(path).open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise ValidationError(path, f"cannot read: {exc.strerror}") from exc
    if len(data) > limit:
        raise ValidationError(path, "file too large")
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
    p.add_argument("--identity", required=True, metavar="FILE", help="age identity file")
    p.add_argument("--json", action="store_true")
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
                print("key card not imported", file=sys.stderr)
                return 7
        keycard.pin_keycard(v, data)
    print("key card pinned" if checked.first_time else "key card updated")
    return 0


def _keycard_show(args: argparse.Namespace) -> int:
    with open_vault(args) as v:
        card = keycard.current_keycard(v)
    if card is None:
        print("no key card: import one from HQ (`keycard import DIR FILE`)")
        return 6
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
            return 0 if pre.ok else 7
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


def _read_identities(path: str) -> list[str]:
    text = read_small(path).decode("utf-8", errors="replace")
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


def _verify(args: argparse.Namespace) -> int:
    paths = expand_bundles(args.bundle)
    try:
        report = verify_bundle(paths, _read_identities(args.identity))
    except ExchangeError as exc:
        print(f"verdict: REJECTED ({exc.reason.value})")
        raise
    h = report.header
    if args.json:
        data = h.to_json()
        data["digest"] = report.digest
        data["verdict"] = "ok"
        print_json(data)
        return 0
    print(f"signer: {h.device_fingerprint} (key {h.device_public_key.hex()})")
    print(f"bundle: {h.bundle_id} seq {h.seq} created {h.created_at}")
    print(f"digest: {report.digest}")
    for e in report.entries:
        print(f"  {e.kind:<10} {e.size:>12}  {e.sha256[:16]}  {e.id}")
    print("verdict: OK (signature valid, every entry matches its hash; signer not checked "
          "against registered devices)")
    return 0
