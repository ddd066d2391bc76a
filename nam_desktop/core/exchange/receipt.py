"""Receipts: HQ confirms which bundles arrived and every entry it holds from them (id,
kind, SHA-256), signed with the receipt key named in the key card.

Format ``nam-desktop-receipt`` v2 (docs/bundle-format.md section 7). The interviewer's
vault marks the acknowledged bundles and the delivered testimony revisions, and keeps
the list of entries HQ holds: only a media file whose exact SHA-256 is on that list may
be crypto-shredded later (:mod:`.purge`). A v1 receipt (no entry list) is still
accepted for the delivery marks, but it never allows purging anything.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from nam_desktop.core.clock import iso, utc_now
from nam_desktop.core.crypto.device import fingerprint_of
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.exchange import export_journal, signed_doc
from nam_desktop.core.exchange.bundle_format import KINDS, split_entry_id
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.hq_identity import load_hq, require_role
from nam_desktop.core.exchange.keycard import current_keycard
from nam_desktop.core.vault.vault import Vault

FORMAT = "nam-desktop-receipt"
VERSION = 2  # what this program writes
VERSIONS = (1, 2)  # what it reads (docs/bundle-format.md, section 7)
CONTEXT = b"nam-desktop receipt v2\x00"
LEGACY_VERSION = 1  # no entry list: marks deliveries, never allows a purge
LEGACY_CONTEXT = b"nam-desktop receipt v1\x00"
MAX_RECEIPT = 32 * 1024 * 1024  # ~200,000 entries
_R = Reason.RECEIPT_INVALID
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_RECORD_ID = re.compile(r"[0-9a-fA-F-]{1,64}")  # testimony ids (UUIDs)
PAYLOAD_KEYS = {
    1: frozenset({"device_fingerprint", "issued_at", "hq_root", "bundles", "testimonies"}),
    2: frozenset({"device_fingerprint", "issued_at", "hq_root", "signer", "bundles",
                  "entries"}),
}


@dataclass(frozen=True)
class ReceivedEntry:
    id: str
    kind: str  # "testimony", "attachment" or "media"
    sha256: str


@dataclass(frozen=True)
class Receipt:
    version: int
    device_fingerprint: str
    issued_at: str
    hq_root: str
    bundles: tuple[tuple[str, int, str], ...]  # (bundle_id, seq, digest)
    testimonies: tuple[tuple[str, int], ...]  # (testimony_id, revision)
    entries: tuple[ReceivedEntry, ...] | None  # None: a v1 receipt (lists no entries)
    key_id: str = ""  # fingerprint of the receipt key that signed it (v2)
    card_serial: int = 0  # HQ's key card serial when it signed (v2)


@dataclass(frozen=True)
class ReceiptResult:
    acknowledged_bundles: list[str]
    delivered: list[str]  # testimony ids now marked delivered
    unknown_bundles: list[str]  # listed by HQ but not exported from this vault
    version: int = VERSION
    key_id: str = ""
    card_serial: int = 0
    entries: int = 0  # entries HQ says it holds (v2)
    interrupted_received: list[int] = field(default_factory=list)  # seqs that reached HQ

    @property
    def lists_entries(self) -> bool:
        """False for a v1 receipt: it cannot be used to purge anything."""
        return self.version >= 2


def issue_receipt(vault: Vault, device_fingerprint: str) -> bytes:
    """HQ: a cumulative receipt for every bundle imported from one device, listing every
    entry HQ holds from them (a media entry only while its file is still here)."""
    hq = load_hq(vault)
    with vault.reading() as c:
        bundles = c.execute("SELECT bundle_id, seq, digest FROM hq_bundles WHERE "
                            "device_fingerprint = ? ORDER BY seq",
                            (device_fingerprint,)).fetchall()
        entries = c.execute(
            "SELECT e.entry_id, e.kind, e.sha256 FROM hq_entries e "
            "JOIN hq_bundles b USING (bundle_id) "
            "LEFT JOIN media_files m ON m.id = e.media_id "
            "WHERE b.device_fingerprint = ? AND (e.kind != 'media' OR m.id IS NOT NULL) "
            "ORDER BY e.entry_id", (device_fingerprint,)).fetchall()
    if not bundles:
        raise ValidationError("device", "no bundle imported from this device")
    payload: dict[str, Any] = {
        "device_fingerprint": device_fingerprint,
        "issued_at": iso(utc_now()),
        "hq_root": hq.root_fingerprint,
        "signer": {"key_id": hq.receipt.fingerprint, "card_serial": hq.card_serial},
        "bundles": [{"bundle_id": b[0], "seq": b[1], "digest": b[2]} for b in bundles],
        "entries": [{"id": e[0], "kind": e[1], "sha256": e[2]} for e in entries],
    }
    data = signed_doc.make(FORMAT, VERSION, CONTEXT, payload, hq.receipt.sign)
    with vault.transaction():
        vault.audit.append("hq.receipt_issued", device_fingerprint, bundles=len(bundles),
                           entries=len(entries), key_id=hq.receipt.fingerprint,
                           sha256=hashlib.sha256(data).hexdigest())
    return data


def parse_receipt(vault: Vault, data: bytes) -> Receipt:
    """Interviewer: check the receipt against the pinned key card and this device."""
    require_role(vault, "interviewer")
    card = current_keycard(vault)
    if card is None:
        raise ExchangeError(_R, "no HQ key card in this vault")
    return decode_receipt(data, receipt_key=card.receipt_public_key,
                          hq_root=card.root_fingerprint, device=vault.device.fingerprint)


def decode_receipt(data: bytes, *, receipt_key: bytes, hq_root: str, device: str) -> Receipt:
    """Check a receipt against the receipt key and root of a key card and the device it
    must be for (docs/bundle-format.md, section 7, in the order given there)."""
    doc = signed_doc.read(data, FORMAT, VERSIONS, _R, max_size=MAX_RECEIPT)
    payload, version = doc.payload, doc.version
    if set(payload) != PAYLOAD_KEYS[version]:
        raise ExchangeError(_R, "unexpected or missing fields")
    key_id, serial = "", 0
    if version >= 2:
        key_id, serial = _signer(payload)
        if key_id != fingerprint_of(receipt_key):
            raise ExchangeError(_R, f"signed by receipt key {key_id[:40]}, the pinned key "
                                    f"card names {fingerprint_of(receipt_key)}")
    signed_doc.check(receipt_key, doc.signature, CONTEXT if version >= 2 else LEGACY_CONTEXT,
                     payload, _R)
    fp = signed_doc.fingerprint(payload, "device_fingerprint", _R)
    if fp != device:
        raise ExchangeError(_R, "the receipt is for another device")
    if signed_doc.fingerprint(payload, "hq_root", _R) != hq_root:
        raise ExchangeError(_R, "the receipt names another HQ root")
    issued_at = signed_doc.timestamp(payload, "issued_at", _R)
    bundles = _bundles(payload)
    if version == LEGACY_VERSION:
        return Receipt(version, fp, issued_at, hq_root, bundles, _testimonies_v1(payload),
                       None)
    if len({b[0] for b in bundles}) != len(bundles) or len({b[1] for b in bundles}) != \
            len(bundles):  # version 2 only: version 1 is read as it always was
        raise ExchangeError(_R, "a bundle is listed twice")
    entries = _entries(payload)
    return Receipt(version, fp, issued_at, hq_root, bundles, _testimonies_of(entries),
                   entries, key_id, serial)


def _signer(payload: dict[str, Any]) -> tuple[str, int]:
    signer = signed_doc.field(payload, "signer", dict, _R)
    if set(signer) != {"key_id", "card_serial"}:
        raise ExchangeError(_R, "bad signer")
    key_id = signed_doc.field(signer, "key_id", str, _R)
    serial = signed_doc.field(signer, "card_serial", int, _R)
    if serial < 0:
        raise ExchangeError(_R, "bad key card serial")
    return key_id, serial


def _bundles(payload: dict[str, Any]) -> tuple[tuple[str, int, str], ...]:
    bundles = []
    for b in signed_doc.field(payload, "bundles", list, _R):
        if not isinstance(b, dict) or set(b) != {"bundle_id", "seq", "digest"}:
            raise ExchangeError(_R, "bad bundle item")
        bundle_id = signed_doc.field(b, "bundle_id", str, _R)
        seq = signed_doc.field(b, "seq", int, _R)
        digest = signed_doc.field(b, "digest", str, _R)
        if not _ID.fullmatch(bundle_id) or seq < 1 or not _HEX64.fullmatch(digest):
            raise ExchangeError(_R, "bad bundle item")
        bundles.append((bundle_id, seq, digest))
    return tuple(bundles)


def _testimonies_v1(payload: dict[str, Any]) -> tuple[tuple[str, int], ...]:
    testimonies = []
    for t in signed_doc.field(payload, "testimonies", list, _R):
        if (not isinstance(t, list) or len(t) != 2 or not isinstance(t[0], str)
                or not _RECORD_ID.fullmatch(t[0]) or not isinstance(t[1], int)
                or isinstance(t[1], bool) or t[1] < 1):
            raise ExchangeError(_R, "bad testimony item")
        testimonies.append((t[0], t[1]))
    return tuple(testimonies)


def _entries(payload: dict[str, Any]) -> tuple[ReceivedEntry, ...]:
    out = []
    for e in signed_doc.field(payload, "entries", list, _R):
        if not isinstance(e, dict) or set(e) != {"id", "kind", "sha256"}:
            raise ExchangeError(_R, "bad entry item")
        entry_id, kind, sha = e["id"], e["kind"], e["sha256"]
        if not isinstance(entry_id, str) or len(entry_id) > 200 or kind not in KINDS \
                or not isinstance(sha, str) or not _HEX64.fullmatch(sha):
            raise ExchangeError(_R, "bad entry item")
        try:
            id_kind = split_entry_id(entry_id)[0]  # the entry-id form of section 3.2
        except ExchangeError as exc:
            raise ExchangeError(_R, "bad entry item: not an entry id") from exc
        if id_kind != kind:
            raise ExchangeError(_R, "bad entry item: id and kind disagree")
        out.append(ReceivedEntry(entry_id, kind, sha))
    if len({e.id for e in out}) != len(out):  # one id, one content (section 3.2)
        raise ExchangeError(_R, "an entry is listed twice")
    return tuple(out)


def _testimonies_of(entries: tuple[ReceivedEntry, ...]) -> tuple[tuple[str, int], ...]:
    out = []
    for e in entries:
        if e.kind == "testimony":  # testimony/<id>/<revision>, checked by _entries
            parts = e.id.split("/")
            out.append((parts[1], int(parts[2])))
    return tuple(out)


def apply_receipt(vault: Vault, data: bytes) -> ReceiptResult:
    """Interviewer: mark acknowledged bundles and delivered testimonies, and keep the
    entries HQ holds (idempotent)."""
    receipt = parse_receipt(vault, data)
    acknowledged, unknown, delivered, late = [], [], [], []
    now = iso(utc_now())
    receipt_sha = hashlib.sha256(data).hexdigest()
    with vault.transaction() as c:
        for bundle_id, seq, digest in receipt.bundles:
            row = c.execute("SELECT status FROM exchange_exports WHERE bundle_id = ? AND "
                            "digest = ?", (bundle_id, digest)).fetchone()
            if row is None:
                found = export_journal.acknowledge_attempt(c, bundle_id, digest, now)
                if found is None:
                    unknown.append(bundle_id)
                elif found:
                    late.append(seq)
                    acknowledged.append(bundle_id)
                continue
            if row[0] != "acknowledged":
                c.execute("UPDATE exchange_exports SET status = 'acknowledged', "
                          "acknowledged_at = ? WHERE bundle_id = ?", (now, bundle_id))
                acknowledged.append(bundle_id)
        for tid, revision in receipt.testimonies:
            cur = c.execute("UPDATE testimonies SET status = 'delivered' WHERE id = ? AND "
                            "revision = ? AND status = 'final'", (tid, revision))
            if cur.rowcount:
                delivered.append(tid)
                vault.audit.append("testimony.delivered", tid, revision=revision)
        for e in receipt.entries or ():
            c.execute("INSERT OR IGNORE INTO exchange_received (entry_id, kind, sha256, "
                      "receipt_sha256, issued_at, signer) VALUES (?, ?, ?, ?, ?, ?)",
                      (e.id, e.kind, e.sha256, receipt_sha, receipt.issued_at, receipt.key_id))
        vault.audit.append("exchange.receipt", receipt.hq_root, version=receipt.version,
                           key_id=receipt.key_id, card_serial=receipt.card_serial,
                           sha256=receipt_sha, acknowledged=len(acknowledged),
                           delivered=len(delivered), unknown=len(unknown),
                           entries=len(receipt.entries or ()), interrupted_received=late)
    return ReceiptResult(acknowledged, delivered, unknown, receipt.version, receipt.key_id,
                         receipt.card_serial, len(receipt.entries or ()), late)
