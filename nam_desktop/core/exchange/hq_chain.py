"""HQ's view of each device's chain of bundles: the gaps, and what the device said
about them.

An interviewer's vault commits a bundle's sequence number before writing it, so a
number is never reused; an export that did not complete (killed, failed, cancelled)
leaves a gap. Every later bundle lists those attempts in its signed header
(``audit.unfinished``, docs/bundle-format.md 3.1). HQ records them when it imports
that bundle, and the gap report names a missing number as an interrupted export
instead of a possibly lost stick.
"""

from __future__ import annotations

from dataclasses import dataclass

from nam_desktop.core.exchange.bundle_format import BundleHeader
from nam_desktop.core.vault.db import Connection
from nam_desktop.core.vault.vault import Vault


def explain(missing: tuple[int, int] | None, header: BundleHeader) -> dict[int, str]:
    """For the numbers in ``missing`` (first, last): the state the device reported."""
    if missing is None:
        return {}
    first, last = missing
    return {u.seq: u.state for u in header.unfinished if first <= u.seq <= last}


def unexplained(missing: tuple[int, int] | None, told: dict[int, str]) -> bool:
    """Whether a gap needs a person's review: some missing number the device did not
    report as an export that did not complete (a lost stick?)."""
    return missing is not None and missing[1] - missing[0] + 1 > len(told)


def gap_flag(first: int, last: int, header: BundleHeader) -> str:
    """The gap flag of an import: which numbers are missing and what the device said."""
    text = f"gap: bundles {first}..{last} not received"
    known = explain((first, last), header)
    if known:
        told = ", ".join(f"{seq} {state}" for seq, state in sorted(known.items()))
        text += f"; the device reports unfinished exports: {told}"
        if len(known) == last - first + 1:
            text += " (nothing else is missing)"
    return text


def record_unfinished(c: Connection, header: BundleHeader) -> None:
    """Keep what the device reported (inside the import's transaction)."""
    for u in header.unfinished:
        c.execute("INSERT INTO hq_unfinished_exports (device_fingerprint, seq, bundle_id, "
                  "digest, state, reported_by) VALUES (?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT(device_fingerprint, seq) DO UPDATE SET state = excluded.state",
                  (header.device_fingerprint, u.seq, u.bundle_id, u.digest, u.state,
                   header.bundle_id))


@dataclass(frozen=True)
class Gap:
    """Sequence numbers ``first..last`` of one device that HQ has not imported."""

    device_fingerprint: str
    first: int
    last: int
    state: str  # "interrupted", "failed", "cancelled" (as the device reported) or "missing"
    bundle_id: str = ""  # the unfinished attempt's bundle id (when reported)
    reported_by: str = ""  # the bundle whose header reported it


def gap_report(vault: Vault) -> list[Gap]:
    """Every sequence number below a device's highest imported one that HQ has not
    imported, with what the device said about it (read only). Numbers nobody explained
    come as ranges; each reported attempt on its own."""
    with vault.reading() as c:
        seqs: dict[str, list[int]] = {}
        for fp, seq in c.execute("SELECT device_fingerprint, seq FROM hq_bundles "
                                 "ORDER BY device_fingerprint, seq"):
            seqs.setdefault(str(fp), []).append(int(seq))
        told: dict[str, list[tuple[int, str, str, str]]] = {}
        for fp, seq, state, bundle_id, by in c.execute(
                "SELECT device_fingerprint, seq, state, bundle_id, reported_by "
                "FROM hq_unfinished_exports ORDER BY device_fingerprint, seq"):
            told.setdefault(str(fp), []).append((int(seq), str(state), str(bundle_id),
                                                 str(by)))
    gaps: list[Gap] = []
    for fp, have in seqs.items():
        reports = told.get(fp, [])
        before = 0
        for seq in have:
            if seq > before + 1:
                gaps += _split(fp, before + 1, seq - 1, reports)
            before = seq
    return gaps


def _split(fp: str, first: int, last: int,
           reports: list[tuple[int, str, str, str]]) -> list[Gap]:
    out = []
    start = first
    for seq, state, bundle_id, by in reports:
        if not first <= seq <= last:
            continue
        if seq > start:
            out.append(Gap(fp, start, seq - 1, "missing"))
        out.append(Gap(fp, seq, seq, state, bundle_id, by))
        start = seq + 1
    if start <= last:
        out.append(Gap(fp, start, last, "missing"))
    return out
