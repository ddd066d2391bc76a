"""The reference verifier's signed small documents (reference_verifier.py): key cards
and receipts as docs/bundle-format.md sections 5 to 7 state them. Standard library and
`cryptography` only; nothing from NAM Desktop."""


from __future__ import annotations

import base64
import datetime
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from reference_common import (
    BUNDLE_ID,
    FINGERPRINT,
    HEX64,
    MAX_INT,
    RECORD_ID,
    Verdict,
    canonical,
    entry_id_ok,
    fingerprint,
    is_int,
    is_timestamp,
    strict_json,
)

# ---- bundle-format.md section 5: signed small documents -----------------------------------
BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def envelope(data: bytes, fmt: str, versions: tuple[int, ...], max_size: int,
             reason: str) -> dict[str, Any]:
    """Section 5, up to the payload's keys: size (the file as given, byte order mark
    included), strict JSON after dropping a BOM, `format`, `version`, the four keys,
    `payload` an object, `signature` 128 lower-case hex."""
    if len(data) > max_size:
        raise Verdict(reason)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        doc = strict_json(data)
    except (ValueError, UnicodeError, RecursionError):
        raise Verdict(reason) from None
    if not isinstance(doc, dict) or doc.get("format") != fmt \
            or not is_int(doc.get("version"), 1, MAX_INT):
        raise Verdict(reason)
    if doc["version"] not in versions:
        raise Verdict("unsupported_version")
    if set(doc) != {"format", "version", "payload", "signature"} \
            or not isinstance(doc["payload"], dict) or not isinstance(doc["signature"], str) \
            or not re.fullmatch(r"[0-9a-f]{128}", doc["signature"]):
        raise Verdict(reason)
    return doc


def canonical_ascii(value: Any) -> bytes:
    # conventions 3, the ASCII form (version 1 key cards)
    return json.dumps(value, sort_keys=True, ensure_ascii=True,
                      separators=(",", ":")).encode("ascii")


def signed(key: bytes, doc: dict[str, Any], context: bytes, ascii_form: bool = False) -> bool:
    message = context + (canonical_ascii if ascii_form else canonical)(doc["payload"])
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(bytes.fromhex(doc["signature"]),
                                                       message)
    except (InvalidSignature, ValueError):
        return False
    return True


def age_recipient_ok(r: object) -> bool:
    """`age1` + lower-case Bech32 (BIP 173 checksum) of a 32-byte X25519 key."""
    if not isinstance(r, str) or not r.startswith("age1") or len(r) < 10:
        return False
    data = r[4:]
    if any(c not in BECH32 for c in data):
        return False
    values = [BECH32.index(c) for c in data]
    chk = 1
    for v in [ord(c) >> 5 for c in "age"] + [0] + [ord(c) & 31 for c in "age"] + values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i, g in enumerate((0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)):
            chk ^= g if (top >> i) & 1 else 0
    if chk != 1:
        return False
    acc = bits = 0
    out = bytearray()
    for v in values[:-6]:
        acc, bits = (acc << 5) | v, bits + 5
        while bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
    return len(out) == 32 and bits < 5 and acc & ((1 << bits) - 1) == 0


def keycard_verdict(data: bytes, at: datetime.datetime | None = None) -> dict[str, Any]:
    """Sections 5-6: the card's payload (with its version), or Verdict. A version 3
    card's certificates must be in force at ``at`` (default: now, when it is read)."""
    doc = envelope(data, "nam-desktop-keycard", (1, 2, 3), 256 * 1024, "keycard_invalid")
    p, version = doc["payload"], doc["version"]
    keys = {"root_public_key", "serial", "issued_at", "hq_name", "recipients",
            "receipt_public_key", "accept_originals"}
    if not keys <= set(p) <= keys | ({"pdf_signing"} if version == 3 else set()):
        raise Verdict("keycard_invalid")
    root = p["root_public_key"]
    if not isinstance(root, str) or not HEX64.fullmatch(root) or not signed(
            bytes.fromhex(root), doc, b"nam-desktop keycard v1\x00", ascii_form=version == 1):
        raise Verdict("keycard_invalid")
    name, rs = p["hq_name"], p["recipients"]
    ok = (is_int(p["serial"], 1, MAX_INT) and is_timestamp(p["issued_at"])
          and isinstance(name, str)
          and (version == 1 or (len(name) <= 200 and not any(
              unicodedata.category(c) == "Cc" or c in BIDI for c in name)))
          and isinstance(rs, list) and 1 <= len(rs) <= 16
          and all(age_recipient_ok(r) for r in rs) and len(set(rs)) == len(rs)
          and isinstance(p["receipt_public_key"], str)
          and HEX64.fullmatch(p["receipt_public_key"]) is not None
          and isinstance(p["accept_originals"], bool))
    if not ok or ("pdf_signing" in p and not pdf_signing_ok(
            p["pdf_signing"], at or datetime.datetime.now(datetime.UTC))):
        raise Verdict("keycard_invalid")
    return {**p, "version": version}


def _der(value: object) -> bytes | None:
    """6.2: standard base64 with padding of at most 4096 bytes of DER."""
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9+/]*={0,2}", value) \
            or len(value) % 4:
        return None
    der = base64.b64decode(value, validate=True)
    return der if 0 < len(der) <= 4096 else None


def pdf_signing_ok(section: object, at: datetime.datetime) -> bool:
    """6.2 and summary-signature.md's certificate profile, with `cryptography`'s x509."""
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec

    if not isinstance(section, dict) or not {"ca_certificate"} <= set(section) <= {
            "ca_certificate", "device"}:
        return False

    def load(value: object) -> Any:
        der = _der(value)
        try:
            cert = x509.load_der_x509_certificate(der) if der else None
        except ValueError:
            return None
        if cert is None or not isinstance(cert.public_key(), ec.EllipticCurvePublicKey) \
                or not isinstance(cert.public_key().curve, ec.SECP256R1):
            return None
        return cert

    def signed_by(cert: Any, issuer: Any) -> bool:
        try:
            issuer.public_key().verify(cert.signature, cert.tbs_certificate_bytes,
                                       ec.ECDSA(cert.signature_hash_algorithm))
        except (InvalidSignature, TypeError, ValueError):
            return False
        return cert.issuer == issuer.subject

    def ext(cert: Any, kind: Any) -> Any:
        try:
            return cert.extensions.get_extension_for_class(kind).value
        except x509.ExtensionNotFound:
            return None

    def in_force(cert: Any) -> bool:
        return bool(cert.not_valid_before_utc <= at <= cert.not_valid_after_utc)

    ca = load(section["ca_certificate"])
    if ca is None:
        return False
    bc, ku = ext(ca, x509.BasicConstraints), ext(ca, x509.KeyUsage)
    if not (bc and bc.ca and ku and ku.key_cert_sign and ca.issuer == ca.subject
            and signed_by(ca, ca) and in_force(ca)):
        return False
    if "device" not in section:
        return True
    dev = section["device"]
    if not isinstance(dev, dict) or set(dev) != {"fingerprint", "certificate"} \
            or not isinstance(dev["fingerprint"], str) \
            or not FINGERPRINT.fullmatch(dev["fingerprint"]):
        return False
    cert = load(dev["certificate"])
    if cert is None:
        return False
    serial = cert.subject.get_attributes_for_oid(x509.NameOID.SERIAL_NUMBER)
    bc, ku = ext(cert, x509.BasicConstraints), ext(cert, x509.KeyUsage)
    return bool(signed_by(cert, ca) and len(serial) == 1
                and serial[0].value == dev["fingerprint"]
                and bc is not None and not bc.ca and ku is not None
                and ku.digital_signature and ku.content_commitment and in_force(cert))


# ---- bundle-format.md section 7 (receipt v2) and 7.1 (receipt v1) -------------------------
def receipt_entry_ok(e: object) -> bool:
    return (isinstance(e, dict) and set(e) == {"id", "kind", "sha256"}
            and e["kind"] in ("testimony", "attachment", "media")
            and isinstance(e["id"], str) and len(e["id"]) <= 200
            and entry_id_ok(e["id"], e["kind"])
            and isinstance(e["sha256"], str) and HEX64.fullmatch(e["sha256"]) is not None)


def receipt_verdict(data: bytes, *, receipt_key: bytes, hq_root: str,
                    device: str) -> dict[str, Any]:
    """The payload of a receipt that passes every check of section 7 in its order, for
    the pinned card's receipt key and root fingerprint and this device; else Verdict."""
    bad = "receipt_invalid"
    doc = envelope(data, "nam-desktop-receipt", (1, 2), 32 * 2**20, bad)
    p, version = doc["payload"], doc["version"]
    keys = {"device_fingerprint", "issued_at", "hq_root", "bundles"}
    keys |= {"testimonies"} if version == 1 else {"signer", "entries"}
    if set(p) != keys:
        raise Verdict(bad)
    if version == 2:
        s = p["signer"]
        if not (isinstance(s, dict) and set(s) == {"key_id", "card_serial"}
                and isinstance(s["key_id"], str) and is_int(s["card_serial"], 0, MAX_INT)):
            raise Verdict(bad)
        if s["key_id"] != fingerprint(receipt_key):
            raise Verdict(bad)  # signed (it says) by a key other than the card's
    context = b"nam-desktop receipt v%d\x00" % version
    if not signed(receipt_key, doc, context):
        raise Verdict(bad)
    bundles = p["bundles"]
    ok = (p["device_fingerprint"] == device and p["hq_root"] == hq_root
          and is_timestamp(p["issued_at"]) and isinstance(bundles, list)
          and all(isinstance(b, dict) and set(b) == {"bundle_id", "seq", "digest"}
                  and isinstance(b["bundle_id"], str) and BUNDLE_ID.fullmatch(b["bundle_id"])
                  and is_int(b["seq"], 1, MAX_INT)
                  and isinstance(b["digest"], str) and HEX64.fullmatch(b["digest"])
                  for b in bundles))
    if ok and version == 1:
        ts = p["testimonies"]
        ok = isinstance(ts, list) and all(
            isinstance(t, list) and len(t) == 2 and isinstance(t[0], str)
            and RECORD_ID.fullmatch(t[0]) is not None and is_int(t[1], 1, MAX_INT)
            for t in ts)
    elif ok:
        es = p["entries"]
        ok = (isinstance(es, list) and all(receipt_entry_ok(e) for e in es)
              and len({e["id"] for e in es}) == len(es)  # distinct (version 2)
              and len({b["bundle_id"] for b in bundles}) == len(bundles)
              and len({b["seq"] for b in bundles}) == len(bundles))
    if not ok:
        raise Verdict(bad)
    return {**p, "version": version}


def _refused(v: Verdict) -> dict[str, Any]:
    return {"verdict": "unsupported" if v.reason == "unsupported_version" else "rejected",
            "reason": v.reason}


def verify_keycard(card_file: str, at: datetime.datetime | None = None) -> dict[str, Any]:
    try:
        card = keycard_verdict(Path(card_file).read_bytes(), at)
    except Verdict as v:
        return _refused(v)
    return {"verdict": "valid", "reason": None, "version": card["version"],
            "root_fingerprint": fingerprint(bytes.fromhex(card["root_public_key"])),
            "receipt_key_id": fingerprint(bytes.fromhex(card["receipt_public_key"]))}


def verify_receipt(receipt_file: str, card_file: str, device: str) -> dict[str, Any]:
    """A receipt as `receipt import` judges it, against the card the interviewer pinned
    (which must itself be valid) and this device's fingerprint."""
    try:
        card = keycard_verdict(Path(card_file).read_bytes())
        r = receipt_verdict(Path(receipt_file).read_bytes(),
                            receipt_key=bytes.fromhex(card["receipt_public_key"]),
                            hq_root=fingerprint(bytes.fromhex(card["root_public_key"])),
                            device=device)
    except Verdict as v:
        return _refused(v)
    return {"verdict": "valid", "reason": None, "version": r["version"],
            "bundles": [b["digest"] for b in r["bundles"]],
            # only a version 2 receipt names what HQ holds, so only it allows a purge
            "held_media": sorted(e["sha256"] for e in r.get("entries", ())
                                 if e["kind"] == "media"),
            "purge_allowed": r["version"] == 2}
