"""Uwazi import packages: zips of at most 50 MB, ``import.csv`` at the root, the cleaned
files beside it.

The plan (which rows and files go into which zip) is made and checked in memory. Writing
goes into a hidden folder inside the chosen output folder (never anywhere else: the
packages hold testimony text in plaintext, by design, for the Uwazi admin); each file is
streamed from the vault, its SHA-256 compared with the one recorded at intake, every zip
flushed to disk and hashed as read back; only then is the folder renamed to its final
name. Any failure removes the hidden folder and everything in it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import secrets
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from nam_desktop.core import fileio
from nam_desktop.core.crypto.fsutil import fsync_dir
from nam_desktop.core.uwazi.errors import Check, Problem, Reason, UwaziError
from nam_desktop.core.uwazi.records import AttachmentOut
from nam_desktop.core.uwazi.table import Row, Table
from nam_desktop.core.uwazi.validate import check_csv, encode_csv
from nam_desktop.core.vault.vault import Vault

LIMIT = 50_000_000  # Uwazi's documented upload limit: ".csv or .zip up to 50 MB"
ENTRY_OVERHEAD = 256  # local header, central directory record, zip64 extras (upper bound)
ARCHIVE_OVERHEAD = 1024  # end of central directory (zip64 included)
CSV_NAME = "import.csv"
READ_BLOCK = 1024 * 1024
PARTIAL_PREFIX = ".nam-uwazi-"


@dataclass
class Package:
    entity: str
    name: str  # "01-act.zip": the number is the import order
    headers: list[str]
    rows: list[Row]
    first_row: int  # the table row number of rows[0]
    csv: bytes = b""
    files: list[AttachmentOut] = field(default_factory=list)
    estimate: int = 0


@dataclass(frozen=True)
class Written:
    name: str
    entity: str
    sha256: str
    size: int
    rows: int
    files: int


def _row_cost(row: Row) -> int:
    body = len(encode_csv([], [row.cells])) - len(encode_csv([], []))
    files = sum(f.size + ENTRY_OVERHEAD + 2 * len(f.name) for f in row.files)
    return body + body // 100 + 64 + files  # deflate may grow text by a little


def plan_packages(tables: list[Table], limit: int = LIMIT) -> tuple[list[Package], list[Problem]]:
    """Split each table into zips under ``limit`` bytes, acts first; encode and re-read
    each ``import.csv``. A row whose files alone exceed the limit is a problem."""
    packages: list[Package] = []
    problems: list[Problem] = []
    for table in tables:
        base = ARCHIVE_OVERHEAD + ENTRY_OVERHEAD + len(encode_csv(table.headers, []))
        current: Package | None = None
        for r, row in enumerate(table.rows, start=1):
            cost = _row_cost(row)
            if base + cost > limit:
                problems.append(Problem(table.entity, r, "attachments", Check.PACKAGE_TOO_LARGE,
                                        f"{base + cost} bytes", row.nam_id))
                continue
            if current is None or current.estimate + cost > limit:
                current = Package(table.entity, "", table.headers, [], r, estimate=base)
                packages.append(current)
            current.rows.append(row)
            current.files += row.files
            current.estimate += cost
    width = max(2, len(str(len(packages))))
    for n, p in enumerate(packages, start=1):
        p.name = f"{n:0{width}d}-{p.entity}.zip"
        cells = [r.cells for r in p.rows]
        p.csv = encode_csv(p.headers, cells)
        problems += check_csv(p.entity, p.csv, p.headers, cells)
    return packages, problems


def _zip_time(when: datetime) -> tuple[int, int, int, int, int, int]:
    return (max(when.year, 1980), when.month, when.day, when.hour, when.minute,
            when.second - when.second % 2)


def _info(name: str, when: datetime, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, _zip_time(when))
    info.compress_type = compress
    info.external_attr = 0o600 << 16
    return info


def _copy_file(vault: Vault, zf: zipfile.ZipFile, f: AttachmentOut, when: datetime,
               tick: Callable[[int], None]) -> None:
    with vault.reading():
        reader = vault.media.open(f.media_id)
    digest = hashlib.sha256()
    info = _info(f.name, when, zipfile.ZIP_STORED)
    info.file_size = f.size
    with reader, zf.open(info, "w", force_zip64=f.size >= zipfile.ZIP64_LIMIT) as out:
        for chunk in reader.iter_chunks():
            digest.update(chunk)
            out.write(chunk)
            tick(len(chunk))
    if digest.hexdigest() != f.sha256:
        raise UwaziError(Reason.SOURCE_CHANGED, f"attachment {f.attachment_id}: the cleaned "
                                                "file does not match its recorded hash")


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with fileio.open_read(path) as fh:
        for block in iter(lambda: fh.read(READ_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_zip(vault: Vault, path: Path, p: Package, when: datetime,
               tick: Callable[[int], None], limit: int) -> Written:
    with fileio.open_new(path) as fh:
        with zipfile.ZipFile(fh, "w", allowZip64=True) as zf:
            zf.writestr(_info(CSV_NAME, when, zipfile.ZIP_DEFLATED), p.csv)
            tick(len(p.csv))
            for f in p.files:
                _copy_file(vault, zf, f, when, tick)
        fh.flush()
        fileio.sync(fh)
    size = path.stat().st_size
    with zipfile.ZipFile(path) as zf:  # what Uwazi will open: the names, in place
        names = zf.namelist()
    if names != [CSV_NAME, *[f.name for f in p.files]] or size > limit:
        raise UwaziError(Reason.WRITE_FAILED, f"{p.name} did not come out as planned")
    return Written(p.name, p.entity, _sha256_of(path), size, len(p.rows), len(p.files))


def free_folder(outdir: Path, stem: str) -> Path:
    for n in range(1, 1000):
        path = outdir / (stem if n == 1 else f"{stem}-{n}")
        if not path.exists():
            return path
    raise UwaziError(Reason.OUTPUT_INVALID, f"no free name for {stem}")


def write_packages(vault: Vault, packages: list[Package], outdir: Path, stem: str,
                   manifest: dict[str, Any], *, when: datetime, limit: int = LIMIT,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> tuple[Path, list[Written]]:
    """Write the planned zips and ``manifest.json`` into ``outdir/<stem>`` (a new folder);
    all of it or nothing."""
    if not outdir.is_dir():
        raise UwaziError(Reason.OUTPUT_INVALID, "the output folder does not exist")
    if outdir.resolve().is_relative_to(vault.folder.resolve()):
        raise UwaziError(Reason.OUTPUT_INVALID, "plaintext packages never go into the vault")
    total = sum(len(p.csv) + sum(f.size for f in p.files) for p in packages)
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise UwaziError(Reason.CANCELLED)
        done += n
        if progress is not None:
            progress(done, total)

    partial = outdir / f"{PARTIAL_PREFIX}{secrets.token_hex(6)}.partial"
    written: list[Written] = []
    try:
        partial.mkdir(mode=0o700)
        for p in packages:
            written.append(_write_zip(vault, partial / p.name, p, when, tick, limit))
        manifest = dict(manifest, packages=[w.__dict__ for w in written])
        body = (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        with fileio.open_new(partial / "manifest.json") as fh:
            fh.write(body.encode("utf-8"))
            fh.flush()
            fileio.sync(fh)
        fsync_dir(partial)
        final = free_folder(outdir, stem)
        fileio.replace(partial, final)
        fsync_dir(outdir)
    except UwaziError:
        _remove(partial)
        raise
    except OSError as exc:
        _remove(partial)
        raise UwaziError(Reason.WRITE_FAILED, exc.strerror or type(exc).__name__) from exc
    except BaseException:
        _remove(partial)
        raise
    return final, written


def _remove(folder: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(folder)


def remove_export(folder: Path) -> None:
    """Take back a written export (its record could not be stored)."""
    _remove(folder)
