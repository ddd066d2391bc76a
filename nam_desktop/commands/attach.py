"""``nam-desktop attach DIR TESTIMONY_ID FILE...``: add files, show what was removed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nam_desktop.commands.common import add_passphrase_option, open_vault, print_json
from nam_desktop.commands.exit_codes import EXIT_OK, exit_code
from nam_desktop.core.errors import NamError, NoSpaceError, Status
from nam_desktop.core.model.attachments import Attachment, AttachmentService


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("attach", help="attach files to a testimony (metadata is cleaned)")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("id", metavar="TESTIMONY_ID")
    p.add_argument("files", metavar="FILE", nargs="+", type=Path)
    p.add_argument("--accept-flattening", action="store_true",
                   help="accept removing comments and tracked changes from documents")
    p.add_argument("--json", action="store_true")
    add_passphrase_option(p)
    p.set_defaults(func=_attach)


def _describe(att: Attachment) -> None:
    report = att.report
    before = report.get("before", {}).get("items", [])
    removed = report.get("removed", [])
    print(f"{att.filename}: {att.media_type}, {att.clean_status}")
    print(f"  original sha256 {att.sha256_original} ({att.size_original} bytes)"
          + ("" if att.original_media_id else ", not kept (vault policy)"))
    if att.sha256_cleaned:
        print(f"  cleaned  sha256 {att.sha256_cleaned} ({att.size_cleaned} bytes)")
    print(f"  found {len(before)} metadata items, removed {len(removed)}")
    for item in removed:
        marker = "!" if item.get("risk") == "identifying" else " "
        print(f"  {marker} removed {item.get('group')}:{item.get('name')} = {item.get('value')}")
    for note in report.get("notes", []):
        print(f"  note: {note}")


def _attach(args: argparse.Namespace) -> int:
    """Each file is attached or refused on its own; a refusal is one ``nam-desktop:
    error:`` line on standard error and the exit code is the highest of the refused
    files' codes (as ``media clean --out-dir``). A missing testimony or a full disk
    stops the command: nothing more could be stored."""
    from nam_desktop.cli import error_line

    code = EXIT_OK
    results = []
    with open_vault(args) as vault:
        service = AttachmentService(vault)
        for path in args.files:
            try:
                att = service.attach_file(args.id, path,
                                          accept_flattening=args.accept_flattening)
            except NoSpaceError:
                raise
            except NamError as exc:
                if exc.status is Status.NOT_FOUND and exc.detail.startswith("testimony "):
                    raise
                print(f"{error_line(exc)} (nothing stored)", file=sys.stderr)
                code = max(code, exit_code(exc.status))
                continue
            results.append(att.to_dict())
            if not args.json:
                _describe(att)
    if args.json:
        print_json(results)
    return code
