"""Interviewer side of HQ's receipts: ``receipt import|purge|destroy-unsent``.

A receipt (v2) lists every entry HQ holds with its SHA-256. ``--purge`` and ``receipt
purge`` crypto-shred only local media whose exact hash HQ holds; the rest is kept and
counted. ``receipt destroy-unsent`` destroys the kept files anyway: a separate command
with its own confirmation (docs/cli.md, docs/bundle-format.md section 7).
"""

from __future__ import annotations

import argparse
import sys

from nam_desktop.commands.common import add_passphrase_option, open_vault
from nam_desktop.commands.exchange import ask, read_small
from nam_desktop.commands.exit_codes import EXIT_NOT_READY
from nam_desktop.core.exchange import purge, receipt
from nam_desktop.core.exchange.errors import Reason
from nam_desktop.core.vault.vault import Vault


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    r = sub.add_parser("receipt", help="import HQ's receipt; destroy what HQ holds")
    rsub = r.add_subparsers(dest="receipt_command", metavar="ACTION", required=True)
    p = rsub.add_parser("import", help="mark delivered testimonies; offer to purge media")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--purge", action="store_true",
                   help="crypto-shred, without asking, the local media of delivered "
                        "testimonies whose exact SHA-256 HQ's receipts list")
    add_passphrase_option(p)
    p.set_defaults(func=_import)

    p = rsub.add_parser("purge", help="crypto-shred the local media HQ holds exact copies of")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--yes", action="store_true", help="do not ask")
    add_passphrase_option(p)
    p.set_defaults(func=_purge)

    p = rsub.add_parser("destroy-unsent",
                        help="crypto-shred the kept media of delivered testimonies that HQ "
                             "does NOT have (they exist nowhere else)")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--yes", action="store_true",
                   help="confirm destroying files HQ does not have (no question asked)")
    add_passphrase_option(p)
    p.set_defaults(func=_destroy_unsent)


def _files(n: int) -> str:
    return f"{n} file" + ("" if n == 1 else "s")


def kept_lines(chosen: purge.PurgePlan) -> list[str]:
    """"3 originals kept: HQ does not have them" (and the same for cleaned copies)."""
    lines = []
    for variant, one, many in (("original", "original", "originals"),
                               ("cleaned", "cleaned copy", "cleaned copies")):
        n = chosen.kept(variant)
        if n:
            lines.append(f"{n} {one if n == 1 else many} kept: HQ does not have "
                         + ("it" if n == 1 else "them"))
    return lines


def _report_plan(chosen: purge.PurgePlan) -> None:
    for line in kept_lines(chosen):
        print(line)
    if chosen.keep:
        print("  (to destroy them anyway: nam-desktop receipt destroy-unsent DIR)")


def _run_purge(v: Vault, chosen: purge.PurgePlan, *, yes: bool) -> None:
    todo = chosen.destroy
    if not todo:
        print("nothing to purge: HQ's receipts list none of the local files still held")
    elif yes or ask(f"Destroy {_files(len(todo))} on this computer (HQ holds exact copies)?"):
        done = purge.purge(v, chosen)
        print(f"purged: {_files(len(done))} crypto-shredded (HQ holds exact copies)")
    else:
        print(f"nothing destroyed ({_files(len(todo))} could be: "
              "`nam-desktop receipt purge DIR`)")
    _report_plan(chosen)


def _import(args: argparse.Namespace) -> int:
    data = read_small(args.file, receipt.MAX_RECEIPT, Reason.RECEIPT_INVALID)
    with open_vault(args) as v:
        result = receipt.apply_receipt(v, data)
        print(f"acknowledged bundles: {len(result.acknowledged_bundles)}; "
              f"delivered testimonies: {len(result.delivered)}")
        for tid in result.delivered:
            print(f"  delivered: {tid}")
        for seq in result.interrupted_received:
            print(f"  bundle no. {seq} (an interrupted export) reached HQ after all")
        for bid in result.unknown_bundles:
            print(f"warning: receipt lists bundle {bid} not exported from this vault",
                  file=sys.stderr)
        if not result.lists_entries:
            print(f"warning: this receipt has the old format (v{result.version}): it does not "
                  "list the files HQ received, so it cannot be used to destroy anything; "
                  "ask HQ for a new receipt", file=sys.stderr)
            if args.purge:
                print("nothing purged", file=sys.stderr)
                return EXIT_NOT_READY
            return 0
        print(f"signed by HQ receipt key {result.key_id} (key card serial "
              f"{result.card_serial}); HQ holds {result.entries} entries from this device")
        _run_purge(v, purge.plan(v), yes=args.purge)
    return 0


def _purge(args: argparse.Namespace) -> int:
    with open_vault(args) as v:
        _run_purge(v, purge.plan(v), yes=args.yes)
    return 0


def _destroy_unsent(args: argparse.Namespace) -> int:
    with open_vault(args) as v:
        chosen = purge.plan(v)
        todo = chosen.keep
        if not todo:
            print("nothing to destroy: HQ holds every local file of the delivered testimonies")
            return 0
        for f in todo:
            print(f"  {f.variant:<8} {f.sha256[:16]}  {f.filename}  (testimony {f.testimony_id})")
        question = (f"Destroy {_files(len(todo))} that HQ does NOT have? They exist nowhere "
                    "else; this cannot be undone.")
        if not (args.yes or ask(question)):
            print(f"nothing destroyed: confirm with --yes ({_files(len(todo))} kept)",
                  file=sys.stderr)
            return EXIT_NOT_READY
        done = purge.destroy_unsent(v, chosen)
    print(f"destroyed: {_files(len(done))} HQ does not have")
    return 0
