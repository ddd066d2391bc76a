"""Receipts: HQ confirms which bundles and testimony revisions arrived, signed with the
receipt key from the key card. The interviewer's vault then marks those testimonies
delivered and may crypto-shred their local media."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from nam_desktop.core.clock import iso, utc_now
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.exchange import signed_doc
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.hq_identity import load_hq, require_role
from nam_desktop.core.exchange.keycard import current_keycard
from nam_desktop.core.vault.vault import Vault

FORMAT = "nam-desktop-receipt"
VERSION = 1  # what this program writes
VERSIONS = (1,)  # what it reads (docs/bundle-format.md, section 7)
CONTEXT = b"nam-desktop receipt v1\x00"
PAYLOAD_KEYS = frozenset({"device_fingerprint", "issued_at", "hq_root", "bundles",
                          "testimonies"})
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_RECORD_ID = re.compile(r"[0-9a-fA-F-]{1,64}")  # testimony ids (UUIDs)
_R = Reason.RECEIPT_INVALID


@dataclass(frozen=True)
class Receipt:
    device_fingerprint: str
    issued_at: str
    hq_root: str
    bundles: tuple[tuple[str, int, str], ...]  # (bundle_id, seq, digest)
    testimonies: tuple[tuple[str, int], ...]  # (testimony_id, revision)


@dataclass(frozen=True)
class ReceiptResult:
    acknowledged_bundles: list[str]
    delivered: list[str]  # testimony ids now marked delivered
    unknown_bundles: list[str]  # listed by HQ but not exported from this vault


def issue_receipt(vault: Vault, device_fingerprint: str) -> bytes:
    """HQ: a cumulative receipt for every bundle imported from one device."""
    hq = load_hq(vault)
    with vault.reading() as c:
        bundles = c.execute("SELECT bundle_id, seq, digest FROM hq_bundles WHERE "
                            "device_fingerprint = ? ORDER BY seq",
                            (device_fingerprint,)).fetchall()
        entries = c.execute(
            "SELECT e.entry_id FROM hq_entries e JOIN hq_bundles b USING (bundle_id) "
            "WHERE b.device_fingerprint = ? AND e.kind = 'testimony' ORDER BY e.entry_id",
            (device_fingerprint,)).fetchall()
    if not bundles:
        raise ValidationError("device", "no bundle imported from this device")
    testimonies = []
    for (entry_id,) in entries:
        _, tid, rev = str(entry_id).split("/", 2)
        testimonies.append([tid, int(rev)])
    payload: dict[str, Any] = {
        "device_fingerprint": device_fingerprint,
        "issued_at": iso(utc_now()),
        "hq_root": hq.root_fingerprint,
        "bundles": [{"bundle_id": b[0], "seq": b[1], "digest": b[2]} for b in bundles],
        "testimonies": testimonies,
    }
    data = signed_doc.make(FORMAT, VERSION, CONTEXT, payload, hq.receipt.sign)
    with vault.transaction():
        vault.audit.append("hq.receipt_issued", device_fingerprint, bundles=len(bundles))
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
    doc = signed_doc.read(data, FORMAT, VERSIONS, _R)
    payload = doc.payload
    if set(payload) != PAYLOAD_KEYS:
        raise ExchangeError(_R, "unexpected or missing fields")
    signed_doc.check(receipt_key, doc.signature, CONTEXT, payload, _R)
    fp = signed_doc.fingerprint(payload, "device_fingerprint", _R)
    if fp != device:
        raise ExchangeError(_R, "the receipt is for another device")
    if signed_doc.fingerprint(payload, "hq_root", _R) != hq_root:
        raise ExchangeError(_R, "the receipt names another HQ root")
    issued_at = signed_doc.timestamp(payload, "issued_at", _R)
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
    testimonies = []
    for t in signed_doc.field(payload, "testimonies", list, _R):
        if (not isinstance(t, list) or len(t) != 2 or not isinstance(t[0], str)
                or not _RECORD_ID.fullmatch(t[0]) or not isinstance(t[1], int)
                or isinstance(t[1], bool) or t[1] < 1):
            raise ExchangeError(_R, "bad testimony item")
        testimonies.append((t[0], t[1]))
    return Receipt(fp, issued_at, hq_root, tuple(bundles), tuple(testimonies))


def apply_receipt(vault: Vault, data: bytes) -> ReceiptResult:
    """Interviewer: mark acknowledged bundles and delivered testimonies (idempotent)."""
    receipt = parse_receipt(vault, data)
    acknowledged, unknown, delivered = [], [], []
    now = iso(utc_now())
    with vault.transaction() as c:
        for bundle_id, _seq, digest in receipt.bundles:
            row = c.execute("SELECT status FROM exchange_exports WHERE bundle_id = ? AND "
                            "digest = ?", (bundle_id, digest)).fetchone()
            if row is None:
                unknown.append(bundle_id)
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
        vault.audit.append("exchange.receipt", receipt.hq_root,
                           acknowledged=len(acknowledged), delivered=len(delivered),
                           unknown=len(unknown))
    return ReceiptResult(acknowledged, delivered, unknown)


def purge_delivered(vault: Vault, testimony_ids: list[str]) -> int:
    """Crypto-shred the media of delivered testimonies; returns the files destroyed.
    The testimony text and the attachments' hashes stay, as a record of what was sent."""
    shredded = 0
    with vault.transaction() as c:
        for tid in testimony_ids:
            row = c.execute("SELECT status FROM testimonies WHERE id = ?", (tid,)).fetchone()
            if row is None or row[0] != "delivered":
                raise ValidationError(tid, "only delivered testimonies can be purged")
            ids = [m for r in c.execute(
                "SELECT original_media_id, cleaned_media_id FROM attachments "
                "WHERE testimony_id = ?", (tid,)).fetchall() for m in r if m]
            for media_id in ids:
                vault.media.delete(media_id)
                shredded += 1
            vault.audit.append("exchange.purge", tid, media=len(ids))
    return shredded
