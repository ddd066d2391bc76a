"""Verdicts computed from the documented rules (docs/bundle-format.md sections 5-7,
docs/conventions.md), without project code: what the fuzzers compare the project with.
The strict-JSON, time-stamp and bundle rules come from docs/test-vectors/
reference_verifier.py, itself written from the docs."""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "reference_verifier", ROOT / "docs" / "test-vectors" / "reference_verifier.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REF = _load()
HEX = re.compile(r"[0-9a-f]*")
BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def _hex(v: object, n: int) -> bool:
    return isinstance(v, str) and len(v) == n and HEX.fullmatch(v) is not None


def _int(v: object, low: int = 1) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and low <= v <= 2**53 - 1


def _canonical(value: Any, ascii_form: bool) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=ascii_form,
                      separators=(",", ":")).encode("utf-8")


def envelope(data: bytes, fmt: str, versions: tuple[int, ...],
             max_size: int = 256 * 1024) -> tuple[str | None, Any]:
    """Section 5's envelope: (None, document) or (reason, None); reason "invalid" is the
    format's own."""
    if len(data) > max_size:
        return "invalid", None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        doc = REF.strict_json(data)
    except (ValueError, UnicodeError, RecursionError):
        return "invalid", None
    if not isinstance(doc, dict) or doc.get("format") != fmt:
        return "invalid", None
    if not _int(doc.get("version")):
        return "invalid", None
    if doc["version"] not in versions:
        return "unsupported_version", None
    if set(doc) != {"format", "version", "payload", "signature"} \
            or not isinstance(doc["payload"], dict) or not _hex(doc["signature"], 128):
        return "invalid", None
    return None, doc


def _signed(key_hex: str, doc: dict[str, Any], context: bytes, ascii_form: bool) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex)).verify(
            bytes.fromhex(doc["signature"]), context + _canonical(doc["payload"], ascii_form))
    except (InvalidSignature, ValueError):
        return False
    return True


def _recipient(r: object) -> bool:
    if not isinstance(r, str) or r != r.strip().lower() or not r.startswith("age1"):
        return False
    try:
        pyrage.x25519.Recipient.from_str(r)
    except Exception:  # pyrage's own RecipientError
        return False
    return True


def keycard(data: bytes) -> str | None:
    """None for a valid card, else "invalid" or "unsupported_version"."""
    reason, doc = envelope(data, "nam-desktop-keycard", (1, 2))
    if reason is not None:
        return reason
    p = doc["payload"]
    if set(p) != {"root_public_key", "serial", "issued_at", "hq_name", "recipients",
                  "receipt_public_key", "accept_originals"}:
        return "invalid"
    if not _hex(p["root_public_key"], 64) or not _signed(
            p["root_public_key"], doc, b"nam-desktop keycard v1\x00", doc["version"] == 1):
        return "invalid"
    name = p["hq_name"]
    ok = (_int(p["serial"]) and REF.is_timestamp(p["issued_at"]) and isinstance(name, str)
          and (doc["version"] == 1 or (len(name) <= 200 and not any(
              unicodedata.category(c) == "Cc" or c in BIDI for c in name)))
          and isinstance(p["recipients"], list) and 1 <= len(p["recipients"]) <= 16
          and all(_recipient(r) for r in p["recipients"])
          and len(set(p["recipients"])) == len(p["recipients"])
          and _hex(p["receipt_public_key"], 64) and isinstance(p["accept_originals"], bool))
    return None if ok else "invalid"


def receipt(data: bytes, receipt_key: str, hq_root: str, device: str) -> str | None:
    """Section 7 (version 2) and 7.1 (version 1)."""
    reason, doc = envelope(data, "nam-desktop-receipt", (1, 2), max_size=32 * 1024 * 1024)
    if reason is not None:
        return reason
    p, version = doc["payload"], doc["version"]
    keys = {"device_fingerprint", "issued_at", "hq_root", "bundles"}
    keys |= {"testimonies"} if version == 1 else {"signer", "entries"}
    if set(p) != keys:
        return "invalid"
    if version == 2:
        s = p["signer"]
        if not (isinstance(s, dict) and set(s) == {"key_id", "card_serial"}
                and s["key_id"] == REF.fingerprint(bytes.fromhex(receipt_key))
                and _int(s["card_serial"], 0)):
            return "invalid"
    context = b"nam-desktop receipt v1\x00" if version == 1 else b"nam-desktop receipt v2\x00"
    if not _signed(receipt_key, doc, context, False):
        return "invalid"
    ok = (p["device_fingerprint"] == device and p["hq_root"] == hq_root
          and REF.is_timestamp(p["issued_at"]) and isinstance(p["bundles"], list)
          and all(isinstance(b, dict) and set(b) == {"bundle_id", "seq", "digest"}
                  and isinstance(b["bundle_id"], str) and REF.BUNDLE_ID.fullmatch(b["bundle_id"])
                  and _int(b["seq"]) and _hex(b["digest"], 64) for b in p["bundles"]))
    if version == 1:
        ok = ok and isinstance(p["testimonies"], list) and all(
            isinstance(t, list) and len(t) == 2 and isinstance(t[0], str)
            and REF.RECORD_ID.fullmatch(t[0]) and _int(t[1]) for t in p["testimonies"])
    else:
        ok = ok and isinstance(p["entries"], list) and all(
            isinstance(e, dict) and set(e) == {"id", "kind", "sha256"}
            and e["kind"] in ("testimony", "attachment", "media")
            and isinstance(e["id"], str) and len(e["id"]) <= 200
            and REF.entry_id_ok(e["id"], e["kind"]) and _hex(e["sha256"], 64)
            for e in p["entries"])
    return None if ok else "invalid"


def bundle_inner(data: bytes, mine: set[str], expected_key: bytes) -> str | None:
    """The verdict for a decrypted inner stream (complete), section 4 from P1 on."""
    try:
        REF.inner_verdict(data, True, mine=mine, hq_root=None,
                          expected=({expected_key}, set()), info={})
    except REF.Verdict as v:
        return str(v.reason)
    return None
