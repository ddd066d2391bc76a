"""``nam-desktop media inspect|clean``: the metadata inspector and cleaner on files.

``media clean IN OUT`` cleans one file; ``media clean FILE... --out-dir DIR`` cleans
many into DIR, on several cores when that pays (``--jobs N``), never overwriting a
file there.

Exit codes (see ``nam_desktop.cli``): 0 written and verified clean; 2 bad input
(malformed file, nothing written); 3 format not handled or not cleanable (nothing written).
For many files: 0 when every file was written verified clean, else the highest code of
a file (6 not found, 3, 2 bad input or output exists, 1 read/write failure).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from nam_desktop.commands.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_UNSUPPORTED, exit_code
from nam_desktop.core import fileio
from nam_desktop.core.errors import NamError, NotFoundError, Status, ValidationError
from nam_desktop.core.media import CleanStatus, MetadataReport, RiskClass, clean, inspect

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up, issue 19)
if TYPE_CHECKING:
    from nam_desktop.core.media.batch import FileResult

_MARK = {RiskClass.IDENTIFYING: "!!", RiskClass.SENSITIVE: "! ", RiskClass.HARMLESS: "  "}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    media = sub.add_parser("media", help="inspect and remove metadata of media files")
    msub = media.add_subparsers(dest="media_command", metavar="ACTION", required=True)

    p_inspect = msub.add_parser("inspect", help="list the metadata found in FILE")
    p_inspect.add_argument("file", type=Path, metavar="FILE")
    p_inspect.add_argument("--json", action="store_true", help="machine-readable output")
    # quick_exit: nothing is left open when these return (nam_desktop.cli.run).
    p_inspect.set_defaults(func=cmd_inspect, quick_exit=True)

    p_clean = msub.add_parser(
        "clean",
        help="write a verified clean copy of IN to OUT, or of each FILE into DIR",
        usage="%(prog)s [-h] [--json] [--accept-flattening] IN OUT\n"
        "       %(prog)s [-h] [--json] [--accept-flattening] --out-dir DIR [--jobs N] FILE...",
    )
    p_clean.add_argument("paths", type=Path, nargs="+", metavar="FILE", help="IN OUT, or FILE...")
    p_clean.add_argument(
        "--out-dir",
        type=Path,
        metavar="DIR",
        help="clean every FILE into DIR (created if missing); existing files are never "
        "overwritten",
    )
    p_clean.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="with --out-dir: N worker processes, at most one per core (default: as "
        "many as pay for themselves)",
    )
    p_clean.add_argument("--json", action="store_true", help="machine-readable output")
    p_clean.add_argument(
        "--accept-flattening",
        action="store_true",
        help="accept tracked changes and remove comments / embedded files to allow a clean copy",
    )
    p_clean.set_defaults(func=cmd_clean, quick_exit=True)  # not with --out-dir: see there


def _open(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise NotFoundError(str(path)) from exc
    except IsADirectoryError as exc:
        raise ValidationError("FILE", "is a directory") from exc
    except PermissionError as exc:
        raise NamError("cannot read input", status=Status.PERMISSION_DENIED) from exc


def format_report(report: MetadataReport) -> str:
    lines = [f"format: {report.format}" + ("" if report.supported else " (not checked)")]
    groups: dict[str, list[str]] = {}
    for item in report.items:
        groups.setdefault(item.group, []).append(
            f"  {_MARK[item.risk]} {item.name}: {item.value_short}"
        )
    for group, entries in groups.items():
        lines.append(f"[{group}]")
        lines.extend(entries)
    counts = ", ".join(f"{len(report.by_risk(r))} {r.value}" for r in RiskClass)
    lines.append(f"{len(report.items)} items: {counts}")
    lines.extend(f"note: {n}" for n in report.notes)
    lines.extend(f"blocks a clean copy: {b}" for b in report.blockers)
    lines.append("legend: !! identifying, ! sensitive")
    return "\n".join(lines)


def cmd_inspect(args: argparse.Namespace) -> int:
    path: Path = args.file
    report = inspect(io.BytesIO(_open(path)), filename=path.name)
    if args.json:
        import json  # only here: plain output starts faster without it

        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return EXIT_OK


def cmd_clean(args: argparse.Namespace) -> int:
    paths: list[Path] = args.paths
    if args.out_dir is not None:
        return cmd_clean_many(args)
    if args.jobs is not None:
        raise ValidationError("--jobs", "only with --out-dir")
    if len(paths) != 2:
        raise ValidationError("arguments", "give IN OUT, or FILE... --out-dir DIR")
    src, dst = paths
    if dst.exists() and dst.resolve() == src.resolve():
        raise ValidationError("OUT", "must differ from IN: nothing written")
    if dst.exists() or dst.is_symlink():  # as with --out-dir: never over an existing file
        raise ValidationError("OUT", f"{dst} exists: nothing written; choose a new name")
    result = clean(
        io.BytesIO(_open(src)), filename=src.name, accept_flattening=args.accept_flattening
    )
    written = False
    if result.status is CleanStatus.CLEAN:
        write_new(dst, result.data.read())
        written = True
    if args.json:
        payload = result.to_json()
        payload["written"] = str(dst) if written else None
        import json

        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(format_report(result.before))
        print(f"status: {result.status.value}")
        for note in result.notes:
            print(f"note: {note}")
        if written:
            print(f"removed {len(result.removed)} items; written: {dst}")
        else:
            print("nothing written", file=sys.stderr)
    return EXIT_OK if written else EXIT_UNSUPPORTED


def write_new(dst: Path, data: bytes) -> None:
    """The new file ``dst``, written durably, never over a file that has the name
    (ValidationError, exit 2)."""
    try:
        fileio.write_new(dst, data)
    except FileExistsError:
        raise ValidationError("OUT", f"{dst} exists: nothing written; choose a new name") \
            from None


def _exit_code(result: FileResult) -> int:
    from nam_desktop.core.media.batch import FileStatus

    if result.status is FileStatus.WRITTEN:
        return EXIT_OK
    if result.status in (FileStatus.NOT_CHECKED, FileStatus.REFUSED):
        return EXIT_UNSUPPORTED
    return exit_code(result.error) if result.error else EXIT_FAILED


def format_file_result(result: FileResult) -> str:
    """One line per file: what was found and removed, or why nothing was written."""
    from nam_desktop.core.media.batch import FileStatus

    found = ", ".join(f"{n} {risk}" for risk, n in result.found.items() if n)
    if result.status is FileStatus.WRITTEN:
        removed = sum(result.removed.values())
        what = f" ({', '.join(result.removed_groups)})" if result.removed_groups else ""
        return (
            f"clean: {result.source} -> {result.output}: found {found or 'nothing'}; "
            f"removed {removed} items{what}"
        )
    label = {
        FileStatus.NOT_CHECKED: "not checked",
        FileStatus.REFUSED: "refused",
        FileStatus.EXISTS: "not written",
        FileStatus.ERROR: "error",
    }[result.status]
    detail = result.message
    if result.status is FileStatus.EXISTS:
        detail = f"{result.output}: {result.message}, not overwritten"
    elif result.status is FileStatus.ERROR and result.error is not None:
        from nam_desktop.cli import MESSAGES

        word = MESSAGES.get(result.error, result.error.value)
        if word not in detail:  # "cannot read input: not found" says it already
            detail = f"{word}: {detail}" if detail else word
    if found:
        detail = f"found {found}; {detail}"
    return f"{label}: {result.source}: {detail}; nothing written"


def cmd_clean_many(args: argparse.Namespace) -> int:
    """``media clean FILE... --out-dir DIR``: every file on the pool of workers."""
    from nam_desktop.core.media.batch import clean_files
    from nam_desktop.hardening import harden_process

    if args.jobs is not None and args.jobs < 1:
        raise ValidationError("--jobs", "must be at least 1")
    args.quick_exit = False  # until the batch is done (see the end)

    def report(result: FileResult) -> None:
        if not args.json:
            print(format_file_result(result), flush=True)

    results = clean_files(
        args.paths,
        args.out_dir,
        workers=args.jobs,
        accept_flattening=args.accept_flattening,
        progress=report,
        initializer=harden_process,
    )
    codes = [_exit_code(r) for r in results]
    written = sum(r.written for r in results)
    code = max(codes, default=EXIT_OK)
    if args.json:
        doc = {
            "files": [{**r.to_json(), "exit_code": c} for r, c in zip(results, codes, strict=True)],
            "written": written,
            "exit_code": code,
        }
        import json

        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        print(f"{written} of {len(results)} files written verified clean into {args.out_dir}")
    # Every copy is named and synced, the folder synced, the worker processes and the
    # naming threads joined: nothing is left for the interpreter's teardown to close.
    args.quick_exit = True
    return code
