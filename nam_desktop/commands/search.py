"""``nam-desktop search DIR QUERY [--json]``: one line per match, id first."""

from __future__ import annotations

import argparse

from nam_desktop.commands.common import add_passphrase_option, open_vault, print_json
from nam_desktop.core.model.search import search


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("search", help="full-text search (Belarusian, Russian, English, ...)")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=100)
    add_passphrase_option(p)
    p.set_defaults(func=_search)


def _search(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.reading() as c:
        hits = search(c, args.query, limit=max(1, args.limit))
    if args.json:
        print_json([{"id": h.testimony_id, "title": h.title, "snippet": h.marked()}
                    for h in hits])
        return 0
    for h in hits:
        snippet = " ".join(h.marked().split())
        print(f"{h.testimony_id}\t{h.title}\t{snippet}")
    return 0
