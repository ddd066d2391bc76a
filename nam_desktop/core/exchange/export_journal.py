"""The interviewer's export journal: a bundle's sequence number is committed before a
single byte of it reaches the destination, so a crash at any point costs at most a gap
in the chain that the vault can explain, never a reused number (a fork at HQ).

One export, in order::

    reserve()   one transaction: seq, bundle id, digest and file stem in
                exchange_export_starts + audit "exchange.export_started"
    ...         the bundle is written under temporary names, renamed, read back
    complete()  one transaction: exchange_exports row, items, outcome 'completed',
                audit "exchange.export"
    abandon()   on an orderly failure: outcome 'failed' or 'cancelled', audit
                "exchange.export_failed" (the files were removed)

An attempt still 'started' when no export runs was *interrupted*: the program died
(kill, power cut) somewhere between the reservation and the commit. Its bundle may sit
complete on the stick (HQ can import it: the chain accepts it) or be partial (removed
at the next export to that destination, see :mod:`.leftovers`). Every later bundle lists
all attempts that did not complete in its signed header (``audit.unfinished``), so HQ's
gap report names them.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from nam_desktop.core.clock import iso, utc_now
from nam_desktop.core.exchange.bundle_format import (
    MAX_UNFINISHED,
    ZERO_DIGEST,
    BundleHeader,
    UnfinishedExport,
    sign_header,
)
from nam_desktop.core.vault.db import Connection
from nam_desktop.core.vault.vault import Vault

STATE_OF_OUTCOME = {"started": "interrupted", "failed": "failed", "cancelled": "cancelled"}


@dataclass(frozen=True)
class Reservation:
    """A committed sequence number and the signed header that uses it."""

    header: BundleHeader
    head: bytes  # prefix + header + signature: the start of the inner stream
    digest: str
    stem: str  # the bundle's file name on the destination is ``<stem>.age``


@dataclass(frozen=True)
class Attempt:
    seq: int
    bundle_id: str
    digest: str
    stem: str
    started_at: str
    state: str  # "interrupted", "failed" or "cancelled"
    acknowledged_at: str  # HQ's receipt listed it after all (it reached HQ)


def _next_link(c: Connection) -> tuple[int, str]:
    """The next sequence number and the digest it chains to: the highest number ever
    used, whether its export completed or not (a bundle of an interrupted export may
    still reach HQ; the next one must follow it, not fork from it)."""
    row = c.execute(
        "SELECT seq, digest FROM (SELECT seq, digest FROM exchange_exports UNION ALL "
        "SELECT seq, digest FROM exchange_export_starts) ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]) + 1, str(row[1])) if row else (1, ZERO_DIGEST)


def _attempts(c: Connection, before: int = 2**62) -> list[Attempt]:
    rows = c.execute(
        "SELECT seq, bundle_id, digest, stem, started_at, outcome, acknowledged_at FROM "
        "exchange_export_starts WHERE outcome != 'completed' AND seq < ? ORDER BY seq",
        (before,)).fetchall()
    return [Attempt(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]),
                    STATE_OF_OUTCOME[str(r[5])], str(r[6])) for r in rows]


def _told_floor(c: Connection) -> int:
    """HQ confirmed (by a receipt) a bundle that reported every attempt below its own
    number: those need not be repeated. Older attempts beyond MAX_UNFINISHED are dropped
    too, so a header never exceeds what a reader accepts."""
    row = c.execute("SELECT COALESCE(max(seq), 0) FROM exchange_exports "
                    "WHERE status = 'acknowledged'").fetchone()
    top = c.execute("SELECT seq FROM exchange_export_starts WHERE outcome != 'completed' "
                    "ORDER BY seq DESC LIMIT 1 OFFSET ?", (MAX_UNFINISHED,)).fetchone()
    return max(int(row[0]), int(top[0]) if top else 0)


HeaderFactory = Callable[[int, str, tuple[UnfinishedExport, ...], int, str], BundleHeader]


def reserve(vault: Vault, make_header: HeaderFactory,
            sign: Callable[[bytes], bytes]) -> Reservation:
    """Commit the next sequence number, with the signed header that carries it.

    ``make_header(seq, prev_digest, unfinished, audit_entries, audit_head)`` builds the
    header; the audit checkpoint is the chain as it was just before this attempt."""
    stem = secrets.token_hex(8)
    with vault.transaction() as c:
        seq, prev = _next_link(c)
        floor = _told_floor(c)
        unfinished = tuple(UnfinishedExport(a.seq, a.bundle_id, a.digest, a.state)
                           for a in _attempts(c, seq) if a.seq > floor)
        entries = int(c.execute("SELECT count(*) FROM audit_log").fetchone()[0])
        header = make_header(seq, prev, unfinished, entries, vault.audit.head())
        head, digest = sign_header(header, sign)
        c.execute("INSERT INTO exchange_export_starts (seq, bundle_id, digest, stem, "
                  "started_at) VALUES (?, ?, ?, ?, ?)",
                  (seq, header.bundle_id, digest, stem, iso(utc_now())))
        vault.audit.append("exchange.export_started", header.bundle_id, seq=seq,
                           digest=digest, entries=len(header.entries),
                           unfinished_reported=len(unfinished))
    return Reservation(header, head, digest, stem)


def complete(vault: Vault, r: Reservation, *, file_sha256: str, size: int, parts: int,
             selection: list[tuple[str, int]]) -> None:
    """Record a bundle that was written, read back and verified."""
    h = r.header
    with vault.transaction() as c:
        c.execute("INSERT INTO exchange_exports (bundle_id, seq, digest, file_sha256, size, "
                  "parts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  (h.bundle_id, h.seq, r.digest, file_sha256, size, parts, h.created_at))
        for testimony_id, revision in selection:
            c.execute("INSERT INTO exchange_export_items (bundle_id, testimony_id, revision) "
                      "VALUES (?, ?, ?)", (h.bundle_id, testimony_id, revision))
        c.execute("UPDATE exchange_export_starts SET outcome = 'completed', ended_at = ? "
                  "WHERE seq = ?", (iso(utc_now()), h.seq))
        vault.audit.append("exchange.export", h.bundle_id, seq=h.seq, digest=r.digest,
                           testimonies=len(selection), entries=len(h.entries),
                           file_sha256=file_sha256)


def abandon(vault: Vault, r: Reservation, outcome: str, reason: str) -> None:
    """An orderly failure: what was written has been removed (or the drive is gone).
    The sequence number stays used; the next bundle reports this attempt."""
    if outcome not in ("failed", "cancelled"):
        raise ValueError(outcome)
    with vault.transaction() as c:
        c.execute("UPDATE exchange_export_starts SET outcome = ?, ended_at = ? "
                  "WHERE seq = ? AND outcome = 'started'", (outcome, iso(utc_now()), r.header.seq))
        vault.audit.append("exchange.export_failed", r.header.bundle_id, seq=r.header.seq,
                           outcome=outcome, reason=reason)


def unfinished_attempts(vault: Vault) -> list[Attempt]:
    """Every attempt that did not complete (interrupted, failed, cancelled), by seq."""
    with vault.reading() as c:
        return _attempts(c)


def interrupted_exports(vault: Vault) -> list[Attempt]:
    """Attempts the program did not live to finish (for ``vault check``)."""
    return [a for a in unfinished_attempts(vault) if a.state == "interrupted"]


def acknowledge_attempt(c: Connection, bundle_id: str, digest: str, when: str) -> bool | None:
    """A receipt lists a bundle whose export never completed here: it reached HQ after
    all. Inside the caller's transaction; returns True when newly acknowledged, False
    when it was already, None when this vault has no such attempt."""
    row = c.execute("SELECT acknowledged_at FROM exchange_export_starts WHERE bundle_id = ? "
                    "AND digest = ? AND outcome != 'completed'", (bundle_id, digest)).fetchone()
    if row is None:
        return None
    if row[0]:
        return False
    c.execute("UPDATE exchange_export_starts SET acknowledged_at = ? WHERE bundle_id = ?",
              (when, bundle_id))
    return True
