"""``nam-desktop attach DIR TESTIMONY_ID FILE...``: add files, show what was removed;
``nam-desktop attachment clean-again DIR ATTACHMENT_ID``: clean a refused one again."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nam_desktop.commands.common import add_passphrase_option, open_vault, print_json
from nam_desktop.commands.exit_codes import EXIT_OK, EXIT_UNSUPPORTED, exit_code
from nam_desktop.core.errors import NamError, NoSpaceError, NotFoundError, Status
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
    a = sub.add_parser("attachment", help="clean a refused attachment again")
    asub = a.add_subparsers(dest="attachment_command", metavar="ACTION", required=True)
    c = asub.add_parser(
        "clean-again", help="clean a refused attachment again from its original (with "
        "--accept-flattening: comments, speaker notes and tracked changes removed)")
    c.add_argument("dir", metavar="DIR")
    c.add_argument("id", metavar="ATTACHMENT_ID")
    c.add_argument("--accept-flattening", action="store_true",
                   help="accept removing comments, speaker notes and tracked changes "
                        "(accepted into the text) from the cleaned copy")
    c.add_argument("--file", type=Path, metavar="ORIGINAL",
                   help="the original file, when the vault no longer holds it (it must "
                        "have the recorded SHA-256)")
    c.add_argument("--json", action="store_true")
    add_passphrase_option(c)
    c.set_defaults(func=_clean_again)


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


def _clean_again(args: argparse.Namespace) -> int:
    """Exit 0: a verified clean copy replaced the refused record (a new id, printed);
    3: still refused, nothing changed; 2: not refused, or ``--file`` is not the
    original; 6: no such attachment, or its original is gone and no ``--file``."""
    with open_vault(args) as vault:
        service = AttachmentService(vault)
        old = service.get(args.id)
        if args.file is None and old.original_media_id is None \
                and old.clean_status == "refused":
            raise NotFoundError(f"the original of attachment {old.id} is no longer in the "
                                "vault: give it again with --file ORIGINAL")
        flatten = bool(args.accept_flattening)
        done = (service.clean_again(args.id, accept_flattening=flatten) if args.file is None
                else service.clean_again_file(args.id, args.file, accept_flattening=flatten))
    if args.json:
        print_json({"cleaned": done.cleaned, "replaces": old.id if done.cleaned else None,
                    "notes": list(done.notes), "attachment": done.attachment.to_dict()})
    elif done.cleaned:
        _describe(done.attachment)
        print(f"  replaces attachment {old.id} (id now {done.attachment.id})")
    if not done.cleaned:
        hint = "" if args.accept_flattening else "; see --accept-flattening"
        why = "; ".join(done.notes) or "refused"
        print(f"nam-desktop: error: still refused, nothing changed: {why}{hint}",
              file=sys.stderr)
        return EXIT_UNSUPPORTED
    return EXIT_OK
