"""The append-only, hash-chained audit log.

Each entry's hash is SHA-256 over the canonical JSON, ASCII form, of ``[seq, ts, action,
object_id, details, prev_hash]`` (docs/conventions.md; ``details`` is the stored text, itself
the canonical JSON of the details object); the first entry chains to 64 zeros. Triggers
refuse UPDATE and DELETE; :meth:`AuditLog.verify` walks the chain and finds an edited,
removed or inserted row. Details are short facts (ids, counts, hashes, levels), never
testimony content.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from nam_desktop.core.canonical import canonical_json, canonical_text
from nam_desktop.core.clock import Clock, iso
from nam_desktop.core.vault.db import Connection

GENESIS = "0" * 64


def entry_hash(
    seq: int, ts: str, action: str, object_id: str, details: str, prev_hash: str
) -> str:
    payload = canonical_json([seq, ts, action, object_id, details, prev_hash], ascii=True)
    return hashlib.sha256(payload).hexdigest()


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    ts: str
    action: str
    object_id: str
    details: dict[str, Any]
    hash: str


@dataclass(frozen=True)
class ChainVerification:
    ok: bool
    entries: int
    head: str
    first_bad_seq: int | None = None
    problem: str = ""


class AuditLog:
    def __init__(self, conn: Connection, clock: Clock) -> None:
        self._conn = conn
        self._clock = clock

    def append(self, action: str, object_id: str = "", **details: Any) -> str:
        """Append an entry; call inside the caller's transaction. Returns its hash."""
        row = self._conn.execute(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
        ts = iso(self._clock())
        text = canonical_text(details)
        digest = entry_hash(seq, ts, action, object_id, text, prev)
        self._conn.execute(
            "INSERT INTO audit_log (seq, ts, action, object_id, details, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (seq, ts, action, object_id, text, prev, digest),
        )
        return digest

    def head(self) -> str:
        row = self._conn.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        return str(row[0]) if row else GENESIS

    def entries(self, object_id: str | None = None, limit: int = 1000) -> list[AuditEntry]:
        if object_id is None:
            rows = self._conn.execute(
                "SELECT seq, ts, action, object_id, details, hash FROM audit_log "
                "ORDER BY seq DESC LIMIT ?",
                (limit,),
            ).fetchall()
        else:
            rows = self._conn.execute(
                "SELECT seq, ts, action, object_id, details, hash FROM audit_log "
                "WHERE object_id = ? ORDER BY seq DESC LIMIT ?",
                (object_id, limit),
            ).fetchall()
        return [AuditEntry(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5]) for r in rows]

    def verify(self) -> ChainVerification:
        prev = GENESIS
        expected_seq = 1
        count = 0
        cursor = self._conn.execute(
            "SELECT seq, ts, action, object_id, details, prev_hash, hash FROM audit_log "
            "ORDER BY seq"
        )
        for seq, ts, action, object_id, details, prev_hash, digest in cursor:
            if seq != expected_seq:
                return ChainVerification(False, count, prev, seq, "sequence gap")
            if prev_hash != prev:
                return ChainVerification(False, count, prev, seq, "broken link")
            if entry_hash(seq, ts, action, object_id, details, prev_hash) != digest:
                return ChainVerification(False, count, prev, seq, "entry altered")
            prev = digest
            expected_seq += 1
            count += 1
        return ChainVerification(True, count, prev)
