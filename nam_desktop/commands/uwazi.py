"""HQ -> Uwazi: ``nam-desktop hq uwazi-snapshot|uwazi-setup|uwazi-export`` (docs/uwazi.md).

Registered inside the ``hq`` group by :func:`register_hq`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from nam_desktop.commands.common import (
    add_passphrase_option,
    open_vault,
    print_json,
    read_input_file,
)
from nam_desktop.core.model.vocabulary import shipped_vocabulary
from nam_desktop.core.uwazi import export as uwazi_export
from nam_desktop.core.uwazi.errors import Reason, UwaziError
from nam_desktop.core.uwazi.mapping import Mapping, parse_mapping
from nam_desktop.core.uwazi.recommended import default_mapping_json
from nam_desktop.core.uwazi.setup import write_setup

WARNING = ("the packages hold testimony text in plaintext (for the Uwazi admin): keep them "
           "on an encrypted drive and delete them once imported")


def register_hq(hsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = hsub.add_parser("uwazi-snapshot",
                        help="store the target Uwazi snapshot; show what changed")
    p.add_argument("dir", metavar="HQDIR")
    p.add_argument("snapshot", metavar="SNAPDIR",
                   help="folder with templates.json, dictionaries.json, settings.json")
    add_passphrase_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_snapshot)

    p = hsub.add_parser("uwazi-setup",
                        help="write thesauri, recommended templates and default mapping")
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(func=_setup)

    p = hsub.add_parser("uwazi-export", help="write Uwazi import packages (zips)")
    p.add_argument("dir", metavar="HQDIR")
    p.add_argument("--snapshot", metavar="SNAPDIR",
                   help="the target snapshot folder (default: the latest stored)")
    p.add_argument("--out", required=True, metavar="OUTDIR",
                   help="an existing folder; a new nam-uwazi-NNNN folder is made in it")
    p.add_argument("--mapping", metavar="FILE", help="mapping JSON (default: recommended)")
    p.add_argument("--since", metavar="LAST",
                   help="compare with this export (id or number) instead of the last; "
                        "'all' exports everything again")
    p.add_argument("--check", action="store_true", help="check only; write nothing")
    p.add_argument("--json", action="store_true")
    add_passphrase_option(p)
    p.set_defaults(func=_export)


def _mapping(path: str | None) -> Mapping:
    return parse_mapping(read_input_file(path) if path else default_mapping_json())


def _snapshot(args: argparse.Namespace) -> int:
    with open_vault(args) as v:
        snap, created, changes = uwazi_export.store_snapshot(v, Path(args.snapshot))
    if args.json:
        print_json({"version": snap.version, "sha256": snap.sha256, "new": created,
                    "changes": [{"kind": c.kind.value, "where": c.where, "old": c.old,
                                 "new": c.new} for c in changes]})
        return 0
    if created:
        print(f"snapshot version {snap.version} stored (sha256 {snap.sha256})")
    else:
        print(f"unchanged: same as snapshot version {snap.version}")
    for change in changes:
        print(f"  {change}")
    return 0


def _setup(args: argparse.Namespace) -> int:
    for path in write_setup(Path(args.out), shipped_vocabulary()):
        print(path)
    return 0


def _problems(exc: UwaziError) -> None:
    for problem in exc.problems:
        print(f"  {problem}", file=sys.stderr)


def _export(args: argparse.Namespace) -> int:
    request = uwazi_export.ExportRequest(
        mapping=_mapping(args.mapping),
        snapshot_folder=Path(args.snapshot) if args.snapshot else None, since=args.since)
    out = Path(args.out)
    try:
        with open_vault(args) as v:
            if args.check:
                prepared = uwazi_export.prepare(v, request)
                if prepared.problems:
                    raise UwaziError(Reason.VALIDATION_FAILED,
                                     f"{len(prepared.problems)} problem(s)", prepared.problems)
                return _report_check(prepared, args.json)
            result = uwazi_export.export(v, out, request)
    except UwaziError as exc:
        _problems(exc)
        raise
    return _report(result, args.json)


def _left_out(items: list[Any]) -> list[dict[str, str]]:
    return [{"nam_id": x.testimony_id, "attachment": x.attachment_id,
             "reason": x.reason.value, "detail": x.detail} for x in items]


def _report_check(p: uwazi_export.Prepared, as_json: bool) -> int:
    data = {"ok": True, "testimonies": len(p.records), "unchanged": p.unchanged,
            "packages": [{"name": k.name, "rows": len(k.rows), "files": len(k.files)}
                         for k in p.packages],
            "remove_from_uwazi": p.removals, "left_out": _left_out(p.left_out),
            "snapshot_changes": [str(c) for c in p.changes]}
    if as_json:
        print_json(data)
        return 0
    print(f"check passed: {len(p.records)} testimonies in {len(p.packages)} package(s), "
          f"{p.unchanged} unchanged")
    _print_lists(p.removals, p.left_out)
    return 0


def _print_lists(removals: list[str], left_out: list[Any]) -> None:
    for tid in removals:
        print(f"  REMOVE FROM UWAZI (consent no longer allows it): nam_id {tid}")
    for x in left_out:
        what = f"{x.testimony_id} file {x.attachment_id}" if x.attachment_id else x.testimony_id
        detail = f" ({x.detail})" if x.detail else ""
        print(f"  left out: {what}: {x.reason.value}{detail}")


def _report(r: uwazi_export.ExportResult, as_json: bool) -> int:
    if as_json:
        print_json({"export_id": r.export_id, "seq": r.seq,
                    "folder": str(r.folder) if r.folder else None,
                    "packages": [w.__dict__ for w in r.packages], "testimonies": r.testimonies,
                    "acts": r.acts, "files": r.files, "unchanged": r.unchanged,
                    "snapshot_version": r.snapshot_version,
                    "remove_from_uwazi": r.removals, "left_out": _left_out(r.left_out)})
        return 0
    if r.folder is None:
        print(f"nothing new or changed ({r.unchanged} testimonies already exported)")
        _print_lists(r.removals, r.left_out)
        return 0
    print(f"export {r.seq} written to {r.folder}: {r.testimonies} testimonies, {r.acts} acts, "
          f"{r.files} files ({r.unchanged} unchanged, not repeated)")
    for w in r.packages:
        print(f"  {w.name}  {w.rows} rows  {w.files} files  {w.size} bytes  sha256 {w.sha256}")
    _print_lists(r.removals, r.left_out)
    print(f"nam-desktop: note: {WARNING}", file=sys.stderr)
    return 0
