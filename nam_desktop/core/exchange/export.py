"""Export to HQ: preflight, then sign-then-encrypt one bundle into a folder or USB stick.

Flow (nothing in plaintext outside the vault)::

    leftovers of earlier interrupted exports removed from the destination (audited)
    one transaction: the sequence number, digest and "export started" audit entry
    vault --(records, decrypted media chunks, re-hashed)--> InnerStream
          --AgeWriter (age X25519)--> PartWriter (tmp names, parts, fsync)
          --> rename, read back, compare hash --> one transaction: export record + audit

The sequence number is committed before the bundle can become visible, so a crash at
any point costs at most a gap that the vault explains to HQ in the next bundle
(:mod:`.export_journal`); a number is never used twice.

Three threads overlap (the media decryption, hashing and drive I/O release the GIL):
the stream's producer reads, decrypts and re-hashes the media; the caller's thread runs
the age encryption (:mod:`nam_desktop.core.crypto.age_writer`); the part writer hashes
and writes the ciphertext (direct I/O where the file system allows). A failure at any
point removes every file written; no testimony changes state.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import NoReturn

from nam_desktop.core import storage_errors
from nam_desktop.core.clock import iso, utc_now
from nam_desktop.core.crypto.age_writer import AgeWriter, RecipientError, parse_recipient
from nam_desktop.core.errors import NoSpaceError, NotReadyError, ValidationError
from nam_desktop.core.exchange import destination as dest_mod
from nam_desktop.core.exchange import export_journal as journal
from nam_desktop.core.exchange import leftovers
from nam_desktop.core.exchange.bundle_format import (
    BundleHeader,
    UnfinishedExport,
    recipient_fingerprint,
)
from nam_desktop.core.exchange.bundle_padding import bucket, plan_padding
from nam_desktop.core.exchange.bundle_writer import InnerStream
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.export_entries import Selection, build_sources, record_problems
from nam_desktop.core.exchange.keycard import current_keycard
from nam_desktop.core.exchange.leftovers import Leftovers
from nam_desktop.core.pades import device_store
from nam_desktop.core.vault.vault import Vault

AGE_OVERHEAD = 16 / 65536  # one Poly1305 tag per 64 KiB chunk
MARGIN = 1024 * 1024


class Problem(Enum):
    WRONG_ROLE = "wrong_role"
    NO_KEYCARD = "no_keycard"
    BAD_RECIPIENT = "bad_recipient"
    NOTHING_TO_EXPORT = "nothing_to_export"
    NOT_FOUND = "not_found"
    NOT_FINAL = "not_final"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    NO_HQ_CONSENT = "no_hq_consent"
    ORIGINALS_NOT_ALLOWED = "originals_not_allowed"
    UNCLEANED_SKIPPED = "uncleaned_skipped"  # warning: a file without a cleaned version
    DEST_MISSING = "dest_missing"
    DEST_READ_ONLY = "dest_read_only"
    NOT_ENOUGH_SPACE = "not_enough_space"
    INVALID_RECORD = "invalid_record"  # a value the bundle spec does not allow (a bad date)


WARNINGS = frozenset({Problem.UNCLEANED_SKIPPED})


@dataclass(frozen=True)
class PreflightProblem:
    code: Problem
    testimony_id: str = ""
    detail: str = ""
    warning: bool = False  # e.g. a withdrawn testimony left out of a default selection

    @property
    def blocking(self) -> bool:
        return not self.warning and self.code not in WARNINGS

    def __str__(self) -> str:
        parts = [self.code.value, self.testimony_id, self.detail]
        return ": ".join(p for p in parts if p)


@dataclass(frozen=True)
class ExportOptions:
    testimony_ids: tuple[str, ...] | None = None  # None: every final testimony
    include_identity: bool = False
    include_originals: bool = False
    recipients: tuple[str, ...] = ()  # explicit age recipients (tests, scripts)
    part_size: int | None = None  # None: split only where the file system needs it


@dataclass(frozen=True)
class Preflight:
    problems: list[PreflightProblem]
    selection: list[Selection]
    recipients: tuple[str, ...]
    hq_root: str
    estimated_size: int
    filesystem: str = ""
    free: int = 0

    @property
    def ok(self) -> bool:
        return not any(p.blocking for p in self.problems)


class ExportRefusedError(NotReadyError):
    """Preflight found blocking problems; ``problems`` has them all, typed."""

    def __init__(self, problems: list[PreflightProblem]) -> None:
        super().__init__([str(p) for p in problems])
        self.problems = problems


@dataclass(frozen=True)
class ExportResult:
    bundle_id: str
    seq: int
    digest: str  # SHA-256 of the signed header (docs/bundle-format.md)
    file_sha256: str  # SHA-256 of the age file (all parts concatenated)
    size: int
    paths: list[Path]
    testimonies: list[Selection] = field(default_factory=list)
    entries: int = 0
    leftovers: Leftovers = field(default_factory=Leftovers)  # of earlier interrupted exports
    unfinished_reported: list[int] = field(default_factory=list)  # seqs told to HQ


def _select(vault: Vault, options: ExportOptions,
            problems: list[PreflightProblem]) -> list[Selection]:
    with vault.reading() as c:
        default = options.testimony_ids is None
        if options.testimony_ids is None:
            ids = [r[0] for r in c.execute(
                "SELECT id FROM testimonies WHERE status = 'final' ORDER BY created_at, id")]
        else:
            ids = list(dict.fromkeys(options.testimony_ids))
        chosen = []
        for tid in ids:
            row = c.execute(
                "SELECT t.status, t.revision, COALESCE(c.withdrawn_at, ''), "
                "COALESCE(c.hq_documentation, 0) FROM testimonies t "
                "LEFT JOIN consent c ON c.testimony_id = t.id WHERE t.id = ?", (tid,)).fetchone()
            if row is None:
                problems.append(PreflightProblem(Problem.NOT_FOUND, tid))
                continue
            status, revision, withdrawn, hq_consent = row
            if withdrawn:
                problems.append(PreflightProblem(Problem.CONSENT_WITHDRAWN, tid, withdrawn,
                                                 warning=default))
            elif not hq_consent:
                problems.append(PreflightProblem(Problem.NO_HQ_CONSENT, tid, warning=default))
            if status not in ("final", "delivered") or revision < 1:
                problems.append(PreflightProblem(Problem.NOT_FINAL, tid, status))
            if not withdrawn and hq_consent and status in ("final", "delivered"):
                chosen.append(Selection(tid, int(revision)))
    if not chosen:
        problems.append(PreflightProblem(Problem.NOTHING_TO_EXPORT))
    return chosen


def _media_size(vault: Vault, chosen: list[Selection], options: ExportOptions,
                problems: list[PreflightProblem]) -> int:
    total = 0
    with vault.reading() as c:
        for sel in chosen:
            for aid, cleaned, original, size_c, size_o in c.execute(
                    "SELECT id, cleaned_media_id, original_media_id, size_cleaned, "
                    "size_original FROM attachments WHERE testimony_id = ?",
                    (sel.testimony_id,)).fetchall():
                total += 4096
                if cleaned:
                    total += size_c
                elif not (options.include_originals and original):
                    problems.append(PreflightProblem(Problem.UNCLEANED_SKIPPED,
                                                     sel.testimony_id, aid))
                if options.include_originals and original:
                    total += size_o
    return total + 65536 * (len(chosen) + 1)


def preflight(vault: Vault, dest: Path, options: ExportOptions = ExportOptions(), *,
              space: Callable[[Path], dest_mod.SpaceInfo] | None = None) -> Preflight:
    """Everything that would stop an export, typed, before anything is written.
    ``space`` probes free space and read-only state (default: the real file system)."""
    problems: list[PreflightProblem] = []
    if vault.role != "interviewer":
        problems.append(PreflightProblem(Problem.WRONG_ROLE, detail=vault.role))
    card = current_keycard(vault)
    recipients = options.recipients or (card.recipients if card else ())
    if not recipients:
        problems.append(PreflightProblem(Problem.NO_KEYCARD))
    for r in recipients:
        try:
            parse_recipient(r)
        except RecipientError:
            problems.append(PreflightProblem(Problem.BAD_RECIPIENT, detail=r[:80]))
    if options.include_originals and card is not None and not card.accept_originals:
        problems.append(PreflightProblem(Problem.ORIGINALS_NOT_ALLOWED))
    chosen = _select(vault, options, problems)
    for tid, detail in record_problems(vault, chosen, include_identity=options.include_identity,
                                       include_originals=options.include_originals):
        problems.append(PreflightProblem(Problem.INVALID_RECORD, tid, detail))
    estimate = _media_size(vault, chosen, options, problems)
    estimate = bucket(int(estimate * (1 + AGE_OVERHEAD))) + MARGIN
    fs, free = "", 0
    if not dest.is_dir():
        problems.append(PreflightProblem(Problem.DEST_MISSING, detail=str(dest)))
    else:
        info = (space or dest_mod.space_info)(dest)
        fs, free = info.filesystem, info.free
        if info.read_only:
            problems.append(PreflightProblem(Problem.DEST_READ_ONLY, detail=str(dest)))
        elif info.free < estimate:
            problems.append(PreflightProblem(Problem.NOT_ENOUGH_SPACE,
                                             detail=f"{estimate} bytes needed, {info.free} free"))
    return Preflight(problems, chosen, tuple(recipients),
                     card.root_fingerprint if card and not options.recipients else "",
                     estimate, fs, free)


def export_bundle(
    vault: Vault,
    dest: Path,
    options: ExportOptions = ExportOptions(),
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    opener: dest_mod.Opener | None = None,
    space: Callable[[Path], dest_mod.SpaceInfo] | None = None,
    checkpoint: dest_mod.Checkpoint | None = None,
) -> ExportResult:
    """Write one bundle into ``dest``. Raises :class:`ExportRefusedError` (preflight) or
    :class:`ExchangeError`; on failure no file is left behind and no testimony changes
    state, but the sequence number stays used (:mod:`.export_journal`).
    ``opener``, ``space`` and ``checkpoint`` are test seams (how parts are created; the
    free-space probe given to :func:`preflight`; a call at each step of the writing)."""
    dest = Path(dest)
    step = checkpoint or (lambda _name: None)
    found = _clean_leftovers(vault, dest)
    step("leftovers.checked")
    pre = preflight(vault, dest, options, space=space)
    if not pre.ok:
        raise ExportRefusedError([p for p in pre.problems if p.blocking])
    sources = build_sources(vault, pre.selection, include_identity=options.include_identity,
                            include_originals=options.include_originals)

    bodies = sum(s.meta.size for s in sources)
    # HQ certifies this key for PDF signatures (header version 4, docs/bundle-format.md).
    # Made now in a vault that predates it, so the audit head below already counts it.
    pdf_point = device_store.ensure(vault).key.point

    def make_header(seq: int, prev: str, unfinished: tuple[UnfinishedExport, ...],
                    audit_entries: int, audit_head: str) -> BundleHeader:
        header = BundleHeader(
            bundle_id=str(uuid.uuid4()), created_at=iso(utc_now()),
            device_public_key=vault.device.public_key, vault_id=vault.vault_id, seq=seq,
            prev_digest=prev, recipients=tuple(recipient_fingerprint(r) for r in pre.recipients),
            hq_root=pre.hq_root, audit_entries=audit_entries, audit_head=audit_head,
            entries=tuple(s.meta for s in sources), unfinished=unfinished,
            pdf_public_key=pdf_point)
        return replace(header, padding=plan_padding(header, bodies, len(pre.recipients)))

    # The probe's file system (the GUI asks QStorageInfo, the CLI the core's per-OS
    # query): FAT on any OS means parts below 4 GiB.
    part_size = options.part_size if options.part_size is not None \
        else dest_mod.part_size_for(pre.filesystem)
    if part_size is not None and part_size < 1:
        raise ValidationError("part size", "must be a positive number of bytes")
    res = journal.reserve(vault, make_header, vault.device.sign)
    step("reserved")
    header = res.header
    total = len(res.head) + bodies + 12 + header.padding
    report = (lambda done: progress(done, total)) if progress is not None else None
    try:
        stream = InnerStream(res.head, sources, report, cancelled, padding=header.padding)
        writer = dest_mod.PartWriter(dest, part_size=part_size, opener=opener, stem=res.stem,
                                     checkpoint=checkpoint)
    except BaseException as exc:
        _abandon(vault, res, exc)
        raise
    try:
        try:
            age = AgeWriter(writer, pre.recipients)
            while chunk := stream.read(1 << 20):  # a media chunk, whole
                age.write(chunk)
            age.finish()
        except Exception as exc:
            writer.drain()
            _raise_cause(stream.error or writer.error or exc)
        writer.drain()
        if writer.error is not None:
            _raise_cause(writer.error)
        paths = writer.complete()
        try:
            readback, size = dest_mod.read_back_sha256(paths)
        except OSError as exc:
            raise ExchangeError(Reason.WRITE_FAILED, exc.strerror or "read-back") from exc
        if readback != writer.sha256 or size != writer.size:
            raise ExchangeError(Reason.READBACK_MISMATCH, paths[0].name)
        step("read_back")
        journal.complete(vault, res, file_sha256=writer.sha256, size=size, parts=len(paths),
                         selection=[(s.testimony_id, s.revision) for s in pre.selection])
        step("committed")
    except BaseException as exc:
        writer.discard()
        _abandon(vault, res, exc)
        if storage_errors.caused_by_no_space(exc):  # the stick is full: say how much
            raise NoSpaceError(str(dest), needed=pre.estimated_size,  # is needed
                               free=_free_now(dest, space)) from exc
        raise
    finally:
        stream.close()
    return ExportResult(header.bundle_id, header.seq, res.digest, writer.sha256, size, paths,
                        pre.selection, len(sources), found,
                        [u.seq for u in header.unfinished])


def _clean_leftovers(vault: Vault, dest: Path) -> Leftovers:
    """Remove what earlier interrupted exports left in ``dest`` (audited)."""
    if vault.role != "interviewer" or not dest.is_dir():
        return Leftovers()
    found = leftovers.clean(dest, {a.stem: a.state for a in journal.unfinished_attempts(vault)})
    if found.found:
        with vault.transaction():
            vault.audit.append("exchange.leftovers", "", removed=found.removed,
                               not_removable=found.failed, kept=found.kept)
    return found


def _abandon(vault: Vault, res: journal.Reservation, exc: BaseException) -> None:
    """Record an orderly failure; if even that fails, the attempt stays 'started' and is
    reported as interrupted, which is just as safe."""
    cancelled = isinstance(exc, ExchangeError) and exc.reason is Reason.CANCELLED
    reason = exc.reason.value if isinstance(exc, ExchangeError) else type(exc).__name__
    with contextlib.suppress(Exception):
        journal.abandon(vault, res, "cancelled" if cancelled else "failed", reason)


def _free_now(dest: Path, space: Callable[[Path], dest_mod.SpaceInfo] | None) -> int | None:
    try:
        return (space or dest_mod.space_info)(dest).free
    except OSError:  # the stick is gone
        return None


def _raise_cause(cause: BaseException) -> NoReturn:
    if isinstance(cause, ExchangeError):
        raise cause
    if isinstance(cause, OSError):
        raise ExchangeError(Reason.WRITE_FAILED, cause.strerror or str(cause)) from cause
    raise cause


class ExportState(Enum):
    NOT_EXPORTED = "not_exported"
    AWAITING_RECEIPT = "awaiting_receipt"  # "exported, awaiting receipt"
    DELIVERED = "delivered"


def export_states(vault: Vault) -> dict[str, ExportState]:
    """Per testimony id: exported and awaiting a receipt, or delivered (absent: neither)."""
    with vault.reading() as c:
        rows = c.execute(
            "SELECT i.testimony_id, t.status, t.revision, i.revision, e.status "
            "FROM exchange_export_items i JOIN exchange_exports e USING (bundle_id) "
            "JOIN testimonies t ON t.id = i.testimony_id ORDER BY e.seq").fetchall()
    states: dict[str, ExportState] = {}
    for tid, status, current, exported, _ in rows:
        if status == "delivered":
            states[tid] = ExportState.DELIVERED
        elif exported == current:
            states[tid] = ExportState.AWAITING_RECEIPT
    return states
