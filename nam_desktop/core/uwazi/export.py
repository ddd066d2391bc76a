"""Export to Uwazi: prepare and check everything in memory, then write the packages, then
record the export (snapshot version, packages and their SHA-256, the testimony revisions
carried) in the vault and the audit log, in one transaction.

Exports are incremental: a testimony goes again only when its revision or its cleaned
files changed since the export it is compared with (by default the last one), so
importing every package once never creates an entity twice. A testimony exported before
and now held back (consent withdrawn) is listed as one to remove from Uwazi, once.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from nam_desktop.core.clock import Clock, iso, utc_now
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.uwazi import snapshot as snap_mod
from nam_desktop.core.uwazi.errors import Problem, Reason, UwaziError
from nam_desktop.core.uwazi.mapping import Mapping
from nam_desktop.core.uwazi.package import (
    LIMIT,
    Package,
    Written,
    plan_packages,
    remove_export,
    write_packages,
)
from nam_desktop.core.uwazi.records import LeaveReason, LeftOut, TestimonyRecord, read_records
from nam_desktop.core.uwazi.table import Renderer, Table
from nam_desktop.core.uwazi.validate import validate_tables
from nam_desktop.core.vault.db import Connection
from nam_desktop.core.vault.vault import Vault

FORMAT = "nam-uwazi-export"
VERSION = 1
ROW_RESERVE = 1_000_000  # of each upload: the CSV and the zip directory
REMOVED = "removed"  # the digest of an item that reported a removal
_CONSENT_REASONS = (LeaveReason.CONSENT_WITHDRAWN, LeaveReason.NO_DOCUMENTATION_CONSENT,
                    LeaveReason.NO_PUBLICATION_CONSENT)


@dataclass(frozen=True)
class ExportRequest:
    mapping: Mapping
    snapshot_folder: Path | None = None  # None: the latest stored snapshot
    since: str | None = None  # None: the last export; "all"; or an export id or number
    limit: int = LIMIT


@dataclass(frozen=True)
class ExportRecord:
    export_id: str
    seq: int
    created_at: str
    snapshot_version: int
    packages: list[dict[str, object]]


@dataclass
class Prepared:
    snapshot: snap_mod.Snapshot
    snapshot_is_new: bool
    changes: list[snap_mod.Change]
    base: ExportRecord | None
    records: list[TestimonyRecord]
    tables: list[Table]
    packages: list[Package]
    problems: list[Problem]
    left_out: list[LeftOut]
    unchanged: int
    removals: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def empty(self) -> bool:
        return not self.records and not self.removals


@dataclass
class ExportResult:
    export_id: str
    seq: int
    folder: Path | None  # None: nothing new, nothing written
    packages: list[Written]
    testimonies: int
    acts: int
    files: int
    left_out: list[LeftOut]
    removals: list[str]
    unchanged: int
    snapshot_version: int
    snapshot_is_new: bool
    changes: list[snap_mod.Change] = field(default_factory=list)


def exports(vault: Vault) -> list[ExportRecord]:
    with vault.reading() as c:
        rows = c.execute("SELECT export_id, seq, created_at, snapshot_version, packages "
                         "FROM uwazi_exports ORDER BY seq").fetchall()
    return [ExportRecord(str(r[0]), int(r[1]), str(r[2]), int(r[3]), json.loads(r[4]))
            for r in rows]


def _base(vault: Vault, since: str | None) -> ExportRecord | None:
    known = exports(vault)
    if since == "all":
        return None
    if since is None:
        return known[-1] if known else None
    for rec in known:
        if since in (rec.export_id, str(rec.seq)):
            return rec
    raise UwaziError(Reason.UNKNOWN_EXPORT, since)


def _state(c: Connection, base: ExportRecord | None) -> dict[str, str]:
    """testimony id -> digest of what the exports up to ``base`` last carried for it."""
    if base is None:
        return {}
    rows = c.execute("SELECT i.testimony_id, i.digest FROM uwazi_export_items i JOIN "
                     "uwazi_exports e USING (export_id) WHERE e.seq <= ? ORDER BY e.seq",
                     (base.seq,)).fetchall()
    return {str(tid): str(d) for tid, d in rows}


def _check_role(vault: Vault) -> None:
    if vault.role != "hq":
        raise UwaziError(Reason.WRONG_ROLE, "Uwazi packages are written at HQ")


def prepare(vault: Vault, request: ExportRequest, *, clock: Clock = utc_now) -> Prepared:
    """Everything an export would write, checked against the snapshot; writes nothing."""
    _check_role(vault)
    stored = snap_mod.load(vault)
    if request.snapshot_folder is not None:
        snap = snap_mod.read_folder(request.snapshot_folder)
        is_new = stored is None or stored.sha256 != snap.sha256
        if not is_new and stored is not None:
            snap = stored
    elif stored is not None:
        snap, is_new = stored, False
    else:
        raise UwaziError(Reason.SNAPSHOT_MISSING, "give the snapshot folder")
    changes = snap_mod.diff(stored, snap) if is_new else []
    base = _base(vault, request.since)
    mapping = request.mapping
    records, left = read_records(vault, redaction=mapping.redaction,
                                 recordings=mapping.recordings,
                                 file_limit=request.limit - ROW_RESERVE)
    with vault.reading() as c:
        state = _state(c, base)
    fresh = [r for r in records if state.get(r.testimony_id) != r.digest]
    unchanged = len(records) - len(fresh)
    renderer = Renderer(snap, mapping, TestimonyRepository(vault).vocabulary())
    tables, identity_left = renderer.build(fresh)
    left += identity_left
    held = {x.testimony_id for x in left if x.reason in _CONSENT_REASONS}
    removals = sorted(t for t, d in state.items() if d != REMOVED and t in held)
    exported = {row.testimony_id for row in tables[1].rows}
    records = [r for r in fresh if r.testimony_id in exported]
    left += [f for r in records for f in r.left_files]
    now = clock()
    problems = validate_tables(tables, snap, (now.year, now.month, now.day))
    packages, more = plan_packages(tables, request.limit) if not problems else ([], [])
    return Prepared(snap, is_new, changes, base, records, tables, packages, problems + more,
                    left, unchanged, removals)


def _manifest(export_id: str, seq: int, created_at: str, p: Prepared,
              mapping: Mapping) -> dict[str, object]:
    return {
        "format": FORMAT, "version": VERSION, "export_id": export_id, "seq": seq,
        "created_at": created_at,
        "since_export": p.base.export_id if p.base is not None else "",
        "snapshot_sha256": p.snapshot.sha256, "mapping_sha256": mapping.sha256,
        "redaction": mapping.redaction,
        "import_order": [pk.name for pk in p.packages],
        "testimonies": [{"nam_id": r.testimony_id, "revision": r.revision,
                         "acts": [a.nam_id for a in r.acts]} for r in p.records],
        "remove_from_uwazi": p.removals,
        "left_out": [{"nam_id": x.testimony_id, "attachment": x.attachment_id,
                      "reason": x.reason.value, "detail": x.detail} for x in p.left_out],
    }


def export(vault: Vault, outdir: Path, request: ExportRequest, *, clock: Clock = utc_now,
           progress: Callable[[int, int], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Prepare, check, write ``outdir/nam-uwazi-NNNN/`` and record the export. A refused
    export (:class:`UwaziError` with ``problems``) writes nothing."""
    p = prepare(vault, request, clock=clock)
    if p.problems:
        raise UwaziError(Reason.VALIDATION_FAILED, f"{len(p.problems)} problem(s)", p.problems)
    known = exports(vault)
    seq = known[-1].seq + 1 if known else 1
    if p.empty:
        return ExportResult("", seq, None, [], 0, 0, 0, p.left_out, [], p.unchanged,
                            p.snapshot.version, p.snapshot_is_new, p.changes)
    export_id = str(uuid.uuid4())
    now = clock()
    created = iso(now)
    manifest = _manifest(export_id, seq, created, p, request.mapping)
    folder, written = write_packages(vault, p.packages, outdir, f"nam-uwazi-{seq:04d}",
                                     manifest, when=now, limit=request.limit,
                                     progress=progress, cancelled=cancelled)
    try:
        version = _record(vault, export_id, seq, created, p, request, written)
    except BaseException:
        remove_export(folder)
        raise
    return ExportResult(export_id, seq, folder, written, len(p.records),
                        sum(len(r.acts) for r in p.records),
                        sum(len(r.attachments) for r in p.records), p.left_out, p.removals,
                        p.unchanged, version, p.snapshot_is_new, p.changes)


def _record(vault: Vault, export_id: str, seq: int, created: str, p: Prepared,
            request: ExportRequest, written: list[Written]) -> int:
    packages = [{"name": w.name, "sha256": w.sha256, "size": w.size, "rows": w.rows,
                 "files": w.files} for w in written]
    items = [(r.testimony_id, r.revision, r.digest) for r in p.records]
    items += [(tid, 0, REMOVED) for tid in p.removals]
    items_sha = hashlib.sha256(json.dumps(items).encode("ascii")).hexdigest()
    with vault.transaction() as c:
        snap, _ = snap_mod.store(vault, p.snapshot)
        c.execute("INSERT INTO uwazi_exports (export_id, seq, created_at, snapshot_version, "
                  "mapping_sha256, since_export, packages) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  (export_id, seq, created, snap.version, request.mapping.sha256,
                   p.base.export_id if p.base is not None else "", json.dumps(packages)))
        c.executemany("INSERT INTO uwazi_export_items (export_id, testimony_id, revision, "
                      "digest) VALUES (?, ?, ?, ?)", [(export_id, *i) for i in items])
        vault.audit.append(
            "uwazi.export", export_id, seq=seq, snapshot_version=snap.version,
            snapshot_sha256=snap.sha256, mapping_sha256=request.mapping.sha256,
            redaction=request.mapping.redaction,
            since=p.base.export_id if p.base is not None else "",
            packages=packages, testimonies=len(p.records),
            acts=sum(len(r.acts) for r in p.records), removals=len(p.removals),
            left_out=dict(Counter(x.reason.value for x in p.left_out)),
            items_sha256=items_sha)
    return snap.version


def store_snapshot(vault: Vault, folder: Path) -> tuple[snap_mod.Snapshot, bool,
                                                         list[snap_mod.Change]]:
    """``hq uwazi-snapshot``: keep the snapshot in ``folder`` (a new version if it differs
    from the latest) and say what changed since the latest."""
    _check_role(vault)
    new = snap_mod.read_folder(folder)
    old = snap_mod.load(vault)
    stored, created = snap_mod.store(vault, new)
    return stored, created, snap_mod.diff(old, new) if created else []
