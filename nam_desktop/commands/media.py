"""``nam-desktop media inspect|clean``: the metadata inspector and cleaner on files.

Exit codes (see ``nam_desktop.cli``): 0 written and verified clean; 2 bad input
(malformed file, nothing written); 3 format not handled or not cleanable (nothing written).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from pathlib import Path

from nam_desktop.core.errors import NamError, NotFoundError, Status, ValidationError
from nam_desktop.core.media import CleanStatus, MetadataReport, RiskClass, clean, inspect

EXIT_OK = 0
EXIT_UNSUPPORTED = 3
_MARK = {RiskClass.IDENTIFYING: "!!", RiskClass.SENSITIVE: "! ", RiskClass.HARMLESS: "  "}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    media = sub.add_parser("media", help="inspect and remove metadata of media files")
    msub = media.add_subparsers(dest="media_command", metavar="ACTION", required=True)

    p_inspect = msub.add_parser("inspect", help="list the metadata found in FILE")
    p_inspect.add_argument("file", type=Path, metavar="FILE")
    p_inspect.add_argument("--json", action="store_true", help="machine-readable output")
    p_inspect.set_defaults(func=cmd_inspect)

    p_clean = msub.add_parser("clean", help="write a verified clean copy of IN to OUT")
    p_clean.add_argument("input", type=Path, metavar="IN")
    p_clean.add_argument("output", type=Path, metavar="OUT")
    p_clean.add_argument("--json", action="store_true", help="machine-readable output")
    p_clean.add_argument(
        "--accept-flattening",
        action="store_true",
        help="accept tracked changes and remove comments / embedded files to allow a clean copy",
    )
    p_clean.set_defaults(func=cmd_clean)


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
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return EXIT_OK


def cmd_clean(args: argparse.Namespace) -> int:
    src: Path = args.input
    dst: Path = args.output
    if dst.exists() and dst.resolve() == src.resolve():
        raise ValidationError("OUT", "must differ from IN")
    result = clean(
        io.BytesIO(_open(src)), filename=src.name, accept_flattening=args.accept_flattening
    )
    written = False
    if result.status is CleanStatus.CLEAN:
        atomic_write(dst, result.data.read())
        written = True
    if args.json:
        payload = result.to_json()
        payload["written"] = str(dst) if written else None
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


def atomic_write(dst: Path, data: bytes) -> None:
    """Write next to ``dst``, fsync, then rename over it: never a half-written OUT."""
    directory = dst.parent if str(dst.parent) else Path(".")
    tmp = directory / f".{dst.name}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dst)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
