"""``nam-desktop testimony add|import|list|show|finalize|withdraw-consent``."""

from __future__ import annotations

import argparse

from nam_desktop.commands.common import (
    add_passphrase_option,
    open_repository,
    open_vault,
    print_json,
    read_input_file,
)
from nam_desktop.core.errors import NotReadyError
from nam_desktop.core.exchange import purge
from nam_desktop.core.model.json_io import decode_document, draft_from_dict, drafts_from_json_lines
from nam_desktop.core.model.repository import TestimonyRepository


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    t = sub.add_parser("testimony", help="add, list, show and finalise testimonies")
    tsub = t.add_subparsers(dest="testimony_command", metavar="ACTION", required=True)

    p = tsub.add_parser("add", help="add one testimony from a JSON file (docs/testimony-json.md)")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--json", dest="json_file", required=True, metavar="FILE",
                   help="JSON file ('-' for standard input)")
    add_passphrase_option(p)
    p.set_defaults(func=_add)

    p = tsub.add_parser("import", help="add many testimonies from JSON Lines, all or nothing")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("file", metavar="FILE", help="JSON Lines file ('-' for standard input)")
    add_passphrase_option(p)
    p.set_defaults(func=_import)

    p = tsub.add_parser("list", help="list testimonies")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--json", action="store_true")
    p.add_argument("--status", choices=("draft", "final", "delivered"))
    add_passphrase_option(p)
    p.set_defaults(func=_list)

    p = tsub.add_parser("show", help="show one testimony and its attachments (identity only "
                                     "with --identity)")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.add_argument("--identity", action="store_true", help="include the witness's identity")
    add_passphrase_option(p)
    p.set_defaults(func=_show)

    p = tsub.add_parser("finalize", help="check and create an immutable revision")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("id", metavar="ID")
    add_passphrase_option(p)
    p.set_defaults(func=_finalize)

    p = tsub.add_parser("withdraw-consent", help="record that the witness withdrew consent")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("id", metavar="ID")
    p.add_argument("--note", default="")
    add_passphrase_option(p)
    p.set_defaults(func=_withdraw)


def _add(args: argparse.Namespace) -> int:
    data = read_input_file(args.json_file)
    with open_repository(args) as repo:
        draft = draft_from_dict(decode_document(data), repo.vocabulary_codes())
        tid = repo.add(draft)
    print(tid)
    return 0


def _import(args: argparse.Namespace) -> int:
    data = read_input_file(args.file)
    with open_repository(args) as repo:
        drafts = drafts_from_json_lines(data, repo.vocabulary_codes())
        ids = repo.add_many(drafts)
    for tid in ids:
        print(tid)
    print(f"imported {len(ids)} testimonies")
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_repository(args) as repo:
        rows = repo.list(status=args.status)
    if args.json:
        print_json([r.to_dict() for r in rows])
        return 0
    for r in rows:
        acts = ",".join(r.act_types) or "-"
        print(f"{r.id}  {r.status:<9} {r.interview_date or '----------'}  "
              f"{r.pseudonym or '-':<12} {acts}  {r.title}")
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        repo = TestimonyRepository(vault)
        t = repo.get(args.id, include_identity=args.identity)
        vocab = repo.vocabulary()
        revisions = repo.revisions(args.id)
        attachments = purge.attachment_report(vault, args.id)
    data = t.to_dict(include_identity=args.identity)
    if args.json:
        data["revisions"] = revisions
        data["attachments"] = attachments
        print_json(data)
        return 0
    print(f"{t.title}\n  id: {t.id}\n  status: {t.status} (revision {t.revision})")
    iv = t.interview
    print(f"  interview: {iv.date} {iv.place} {', '.join(iv.languages)}")
    print(f"  witness: {t.witness.pseudonym}")
    if args.identity:
        print(f"  identity: {t.identity.name} {t.identity.birth_date} {t.identity.contact}")
    c = t.consent
    purposes = [k for k in ("hq_documentation", "anonymous_publication", "legal_proceedings",
                            "audio_recording") if getattr(c, k)]
    print(f"  consent: {', '.join(purposes) or 'none'}"
          + (f" (WITHDRAWN {c.withdrawn_at})" if c.withdrawn else ""))
    for i, act in enumerate(t.acts, start=1):
        term = vocab.get(act.type)
        label = term.label("en") if term else act.type
        when = act.date + (f"/{act.date_end}" if act.date_end else "")
        print(f"  act {i}: {label}; {when or 'date unknown'}; {act.place}")
        for p in act.perpetrators:
            print(f"    perpetrator: {p.text()}")
    for a in attachments:
        print(f"  attachment: {a['filename']} ({a['clean_status']}; {a['id']})")
        for variant in ("original", "cleaned"):
            copy = a[variant]
            if copy is not None:
                print(f"    {variant:<8} {copy['sha256']}  "
                      + ("in the vault" if copy["held"] else "destroyed here") + "; "
                      + ("HQ holds it" if copy["delivered"] else "not confirmed by HQ"))
    if t.narrative:
        print("\nWitness's account:\n" + t.narrative)
    if t.notes:
        print("\nInterviewer notes:\n" + t.notes)
    return 0


def _finalize(args: argparse.Namespace) -> int:
    with open_repository(args) as repo:
        try:
            revision = repo.finalize(args.id)
        except NotReadyError as exc:
            print("Cannot finalise; missing:")
            for item in exc.missing:
                print(f"  - {item}")
            raise
    print(f"finalised: revision {revision}")
    return 0


def _withdraw(args: argparse.Namespace) -> int:
    with open_repository(args) as repo:
        repo.withdraw_consent(args.id, args.note)
    print("consent withdrawal recorded: this testimony will not be exported")
    return 0
