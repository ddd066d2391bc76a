#!/usr/bin/env python3
"""A verifier for NAM Desktop bundles, key cards and receipts written from
docs/bundle-format.md and docs/conventions.md alone: Python's standard library,
`cryptography` (Ed25519) and the stock `age` CLI. It imports nothing from NAM Desktop.
Tests run it against the test vectors and against the project's own verifier (they must
agree on every verdict).

    reference_verifier.py BUNDLE [BUNDLE.002 ...] --identity PLAIN_IDENTITY_FILE
                          [--device-key FINGERPRINT_OR_HEX] [--hq-root FINGERPRINT]
    reference_verifier.py keycard CARD
    reference_verifier.py receipt RECEIPT --keycard CARD --device FINGERPRINT

Prints one JSON object. Bundles: {"verdict": "ok" | "signer_not_known" | "rejected" |
"unsupported", "reason": null | "<reason>", "digest": ..., "fingerprint": ...,
"unfinished": [...]} (the verdicts of docs/cli.md, "verify"). The identity file must be
the plain one (`age-keygen -y` reads it to learn the recipients). Key cards and
receipts: {"verdict": "valid" | "rejected" | "unsupported", "reason": ..., ...}; a
receipt is checked against the key card the interviewer pinned (its root and receipt
key) and the device it must be for (section 7).
"""

from __future__ import annotations

import argparse
import base64
import datetime
import hashlib
import json
import re
import struct
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

# ---- conventions.md ------------------------------------------------------------------------
MAX_INT = 2**53 - 1
TIMESTAMP = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z")
DAY = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
YEAR = re.compile(r"[0-9]{4}")
FINGERPRINT = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){5}")
RECORD_ID = re.compile(r"[0-9a-fA-F-]{1,64}")
BUNDLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}")
HEX64 = re.compile(r"[0-9a-f]{64}")
PDF_KEY = re.compile(r"04[0-9a-f]{128}")


def is_p256_point(text: object) -> bool:
    """130 lower-case hex digits: an uncompressed point on NIST P-256 (bundle version 4)."""
    from cryptography.hazmat.primitives.asymmetric import ec

    if not isinstance(text, str) or PDF_KEY.fullmatch(text) is None:
        return False
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), bytes.fromhex(text))
    except ValueError:
        return False
    return True
CODE = re.compile(r"[a-z][a-z0-9_]{0,63}")
REVISION = re.compile(r"[1-9][0-9]{0,15}")


class Verdict(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NeedMore(Exception):
    """The plaintext ran out before a checkpoint (only when the age layer failed)."""


def strict_json(data: bytes) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                raise ValueError("duplicate key")
            out[k] = v
        return out

    def no(text: str) -> Any:
        raise ValueError(text)

    def integer(text: str) -> int:
        value = int(text)
        if abs(value) > MAX_INT:
            raise ValueError("range")
        return value

    value = json.loads(data.decode("utf-8"), object_pairs_hook=pairs, parse_float=no,
                       parse_constant=no, parse_int=integer)
    stack = [value]
    while stack:  # no lone surrogates anywhere
        item = stack.pop()
        if isinstance(item, str):
            item.encode("utf-8")
        elif isinstance(item, dict):
            stack.extend(item.values())
            for k in item:
                k.encode("utf-8")
        elif isinstance(item, list):
            stack.extend(item)
    return value


def canonical(value: Any) -> bytes:
    # RFC 8785 for strict-JSON values whose keys need no UTF-16 sort (ours are ASCII).
    return json.dumps(value, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def is_timestamp(text: object) -> bool:
    if not isinstance(text, str) or not TIMESTAMP.fullmatch(text):
        return False
    try:
        datetime.datetime(*(int(g) for g in TIMESTAMP.fullmatch(text).groups()))  # type: ignore[union-attr]
    except ValueError:
        return False
    return True


def fingerprint(public_key: bytes) -> str:
    text = base64.b32encode(hashlib.sha256(b"nam-desktop device key v1\x00"
                                           + public_key).digest()[:15]).decode()
    return "-".join(text[i:i + 4] for i in range(0, 24, 4))


def is_int(v: object, low: int, high: int) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and low <= v <= high


# ---- bundle-format.md 3.1-3.2 --------------------------------------------------------------
def check_header(raw: bytes, version: int) -> dict[str, Any]:
    """H1 (malformed), H2 (oversize), H3 (inconsistent)."""
    try:
        h = strict_json(raw)
    except (ValueError, UnicodeError, RecursionError):
        raise Verdict("malformed") from None
    keys = {"format", "version", "bundle_id", "created_at", "device", "vault_id", "seq",
            "prev_digest", "recipients", "hq_root", "audit", "entries"}
    if version >= 2:
        keys.add("padding")
    ok = (isinstance(h, dict) and h.get("format") == "nam-desktop-bundle"
          and is_int(h.get("version"), version, version) and set(h) == keys)
    if not ok:
        raise Verdict("malformed")
    d, a = h["device"], h["audit"]
    # Version 4: the device may name its P-256 PDF-signing key (65-byte point, 130 hex).
    pdf_key = {"pdf_public_key"} if version >= 4 and isinstance(d, dict) \
        and "pdf_public_key" in d else set()
    ok = (isinstance(d, dict) and set(d) == {"public_key", "fingerprint"} | pdf_key
          and all(is_p256_point(d[k]) for k in pdf_key)
          and isinstance(d["public_key"], str) and HEX64.fullmatch(d["public_key"]) is not None
          and d["fingerprint"] == fingerprint(bytes.fromhex(d["public_key"]))
          and isinstance(h["bundle_id"], str) and BUNDLE_ID.fullmatch(h["bundle_id"]) is not None
          and isinstance(h["vault_id"], str) and BUNDLE_ID.fullmatch(h["vault_id"]) is not None
          and is_timestamp(h["created_at"]) and is_int(h["seq"], 1, MAX_INT)
          and isinstance(h["prev_digest"], str) and HEX64.fullmatch(h["prev_digest"]) is not None
          and isinstance(h["recipients"], list) and 1 <= len(h["recipients"]) <= 16
          and all(isinstance(r, str) and HEX64.fullmatch(r) for r in h["recipients"])
          and len(set(h["recipients"])) == len(h["recipients"])
          and (h["hq_root"] == "" or (isinstance(h["hq_root"], str)
                                      and FINGERPRINT.fullmatch(h["hq_root"]) is not None))
          and isinstance(a, dict) and set(a) - {"unfinished"} == {"entries", "head"}
          and is_int(a["entries"], 0, MAX_INT)
          and isinstance(a["head"], str) and HEX64.fullmatch(a["head"]) is not None
          and ("unfinished" not in a
               or (version == 2 and unfinished_ok(a["unfinished"], h["seq"])))
          and (version == 1 or is_int(h["padding"], 0, 2**40))
          and isinstance(h["entries"], list))
    if not ok:
        raise Verdict("malformed")
    seen: set[str] = set()
    media = False
    for e in h["entries"]:
        if not isinstance(e, dict) or set(e) != {"id", "kind", "size", "sha256"}:
            raise Verdict("malformed")
        i, k = e["id"], e["kind"]
        if k not in ("testimony", "attachment", "media") or not isinstance(i, str) \
                or len(i) > 200 or not entry_id_ok(i, k) or i in seen:
            raise Verdict("malformed")
        seen.add(i)
        if k == "media":
            media = True
        elif media:
            raise Verdict("malformed")
        if not is_int(e["size"], 0, MAX_INT) or not isinstance(e["sha256"], str) \
                or not HEX64.fullmatch(e["sha256"]):
            raise Verdict("malformed")
    if len(h["entries"]) > 100_000 or any(
            e["size"] > (2**40 if e["kind"] == "media" else 16 * 2**20) for e in h["entries"]):
        raise Verdict("oversize")
    records = set()
    for e in h["entries"]:
        if e["kind"] == "media" and "attachment/" + e["id"].split("/")[1] not in records:
            raise Verdict("inconsistent")
        records.add(e["id"])
    return h


UNFINISHED_STATES = ("interrupted", "failed", "cancelled")


def unfinished_ok(value: object, seq: int) -> bool:
    """3.1 `audit.unfinished` (version 2 only): 1 to 10,000 earlier attempts, `seq`
    strictly ascending from 1 to the bundle's `seq - 1`, each with exactly its 4 keys."""
    if not isinstance(value, list) or not 1 <= len(value) <= 10_000:
        return False
    last = 0
    for u in value:
        if not (isinstance(u, dict) and set(u) == {"seq", "bundle_id", "digest", "state"}
                and is_int(u["seq"], last + 1, seq - 1)
                and isinstance(u["bundle_id"], str) and BUNDLE_ID.fullmatch(u["bundle_id"])
                and isinstance(u["digest"], str) and HEX64.fullmatch(u["digest"])
                and isinstance(u["state"], str) and u["state"] in UNFINISHED_STATES):
            return False
        last = u["seq"]
    return True


def entry_id_ok(entry_id: str, kind: str) -> bool:
    p = entry_id.split("/")
    if kind == "testimony":
        return len(p) == 3 and p[0] == kind and bool(RECORD_ID.fullmatch(p[1])) \
            and bool(REVISION.fullmatch(p[2]))
    if kind == "attachment":
        return len(p) == 2 and p[0] == kind and bool(RECORD_ID.fullmatch(p[1]))
    return len(p) == 3 and p[0] == "media" and bool(RECORD_ID.fullmatch(p[1])) \
        and p[2] in ("cleaned", "original")


# ---- bundle-format.md 3.5-3.6 --------------------------------------------------------------
def fields(obj: object, rules: dict[str, str], optional: tuple[str, ...] = ()) -> bool:
    if not isinstance(obj, dict) or not (set(rules) - set(optional) <= set(obj) <= set(rules)):
        return False
    return all(value_ok(obj[k], rules[k]) for k in obj)


def value_ok(v: object, rule: str) -> bool:
    if rule.startswith("one of "):
        return v in rule[7:].split(",")
    return {
        "text": lambda: isinstance(v, str),
        "texts": lambda: isinstance(v, list) and all(isinstance(x, str) for x in v),
        "bool": lambda: isinstance(v, bool),
        "day": lambda: isinstance(v, str) and (v == "" or bool(DAY.fullmatch(v))),
        "actdate": lambda: isinstance(v, str) and (v == "" or any(
            p.fullmatch(v) for p in (DAY, MONTH, YEAR))),
        "stamp": lambda: isinstance(v, str) and (v == "" or is_timestamp(v)),
        "id": lambda: isinstance(v, str) and bool(RECORD_ID.fullmatch(v)),
        "code": lambda: isinstance(v, str) and bool(CODE.fullmatch(v)),
        "hex": lambda: isinstance(v, str) and bool(HEX64.fullmatch(v)),
        "hex0": lambda: isinstance(v, str) and (v == "" or bool(HEX64.fullmatch(v))),
        "size": lambda: is_int(v, 0, 2**40),
        "list": lambda: isinstance(v, list),
    }[rule]()


INTERVIEW = {"date": "day", "date_end": "day", "place": "text", "mode": "one of ,in_person,remote",
             "languages": "texts", "interpreter": "text", "others_present": "text",
             "interviewer": "text"}
CONSENT = {k: "bool" for k in ("hq_documentation", "anonymous_publication", "legal_proceedings",
                               "audio_recording", "anonymity_requested", "may_recontact")}
CONSENT.update(given_date="day", method="one of ,oral,written,recorded", withdrawn_at="stamp")
WITNESS = {"pseudonym": "text", "gender": "text", "age_group": "text",
           "role": "one of victim,witness,relative,other"}
IDENTITY = {"name": "text", "birth_date": "day", "contact": "text", "documents": "text"}
ASSESSMENT = {"reliability": "text", "follow_up": "text", "referrals": "text"}
ACT = {"id": "text", "type": "code", "date": "actdate", "date_end": "actdate",
       "date_precision": "one of exact,month,year,range,unknown", "place": "text",
       "victims": "text", "status_after": "text", "description": "text", "perpetrators": "list"}
PERP = {"unit": "text", "rank": "text", "description": "text"}
ATTACHMENT = {"attachment_id": "id", "testimony_id": "id", "filename": "text",
              "media_type": "text", "kind": "one of file,recording",
              "clean_status": "one of clean,not_checked,refused", "created_at": "stamp",
              "sha256_original": "hex", "size_original": "size", "sha256_cleaned": "hex0",
              "size_cleaned": "size"}


def record_value(body: bytes) -> dict[str, Any]:
    try:
        rec = strict_json(body)
    except (ValueError, UnicodeError, RecursionError):
        raise Verdict("malformed") from None
    if not isinstance(rec, dict) or canonical(rec) != body:
        raise Verdict("malformed")
    return rec


def testimony_ok(rec: dict[str, Any], version: int) -> bool:
    keys = {"testimony", "revision", "identity_included", "attachments"}
    if version >= 2:
        keys.add("vocabulary")
    t = rec.get("testimony")
    if set(rec) != keys or not isinstance(t, dict):
        return False
    base = {"id", "status", "revision", "created_at", "updated_at", "title", "interview",
            "consent", "witness", "acts", "narrative", "notes", "assessment"}
    if set(t) - {"identity"} != base:
        return False
    ok = (value_ok(t["id"], "id") and t["status"] == "final" and is_int(rec["revision"], 1, MAX_INT)
          and is_int(t["revision"], 1, MAX_INT) and t["revision"] == rec["revision"]
          and is_timestamp(t["created_at"]) and is_timestamp(t["updated_at"])
          and all(isinstance(t[k], str) for k in ("title", "narrative", "notes"))
          and fields(t["interview"], INTERVIEW) and fields(t["consent"], CONSENT)
          and fields(t["witness"], WITNESS) and fields(t["assessment"], ASSESSMENT)
          and ("identity" not in t or fields(t["identity"], IDENTITY))
          and rec["identity_included"] is ("identity" in t)
          and isinstance(t["acts"], list)
          and all(fields(a, ACT) and all(fields(p, PERP) for p in a["perpetrators"])
                  for a in t["acts"])
          and isinstance(rec["attachments"], list)
          and all(value_ok(x, "id") for x in rec["attachments"])
          and len(set(rec["attachments"])) == len(rec["attachments"]))
    if not ok or version == 1:
        return ok
    voc = rec["vocabulary"]
    codes = {a["type"] for a in t["acts"]}
    return (isinstance(voc, dict) and set(voc) == {"version", "terms"}
            and isinstance(voc["version"], str) and voc["version"] != ""
            and isinstance(voc["terms"], dict) and set(voc["terms"]) == codes
            and all(isinstance(lab, dict) and set(lab) == {"en", "ru", "be"}
                    and all(isinstance(x, str) and x for x in lab.values())
                    for lab in voc["terms"].values()))


# ---- bundle-format.md section 4: the inner stream in reading order ---------------------------
def inner_verdict(data: bytes, complete: bool, *, mine: set[str], hq_root: str | None,
                  expected: tuple[set[bytes], set[str]] | None,
                  info: dict[str, Any]) -> None:
    """Raise Verdict at the first failing checkpoint; NeedMore when ``data`` (not
    ``complete``) ends before one; return when the stream is a valid bundle."""
    pos = 0

    def take(n: int) -> bytes:
        nonlocal pos
        if pos + n > len(data):
            raise Verdict("truncated") if complete else NeedMore()
        out = data[pos:pos + n]
        pos += n
        return out

    prefix = take(14)
    magic, version, hlen = struct.unpack(">8sHI", prefix)
    if magic != b"NAMBUNDL":
        raise Verdict("malformed")
    if version not in (1, 2, 4):  # 3 was never used (see bundle-format.md, section 8)
        raise Verdict("unsupported_version")
    if hlen > 4 * 2**20:
        raise Verdict("oversize")
    if hlen == 0:
        raise Verdict("malformed")
    raw = take(hlen)
    sig = take(64)
    h = check_header(raw, version)
    key = bytes.fromhex(h["device"]["public_key"])
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(
            sig, b"nam-desktop bundle signature v1\x00" + prefix + raw)
    except (InvalidSignature, ValueError):
        raise Verdict("bad_signature") from None
    info["digest"] = hashlib.sha256(prefix + raw).hexdigest()
    info["fingerprint"] = h["device"]["fingerprint"]
    info["unfinished"] = h["audit"].get("unfinished", [])
    if not mine & set(h["recipients"]):
        raise Verdict("wrong_recipient")
    if hq_root is not None and h["hq_root"] not in ("", hq_root):
        raise Verdict("wrong_recipient")
    if expected is not None and key not in expected[0] \
            and fingerprint(key) not in expected[1]:
        raise Verdict("unknown_signer")
    listed: dict[str, set[str]] = {}
    attachments: dict[str, dict[str, Any]] = {}
    total = 0
    first_media = True

    def all_listed() -> None:
        for aids in listed.values():
            if aids - set(attachments):
                raise Verdict("inconsistent")

    for e in h["entries"]:
        parts = e["id"].split("/")
        if e["kind"] == "media":
            if first_media:
                first_media = False
                all_listed()
            rec = attachments.get(parts[1])
            if rec is None or rec["sha256_" + parts[2]] != e["sha256"] \
                    or rec["size_" + parts[2]] != e["size"]:
                raise Verdict("inconsistent")
        body = take(e["size"])
        if hashlib.sha256(body).hexdigest() != e["sha256"]:
            raise Verdict("hash_mismatch")
        if e["kind"] == "media":
            continue
        total += len(body)
        if total > 256 * 2**20:
            raise Verdict("oversize")
        rec = record_value(body)
        if e["kind"] == "testimony":
            if not testimony_ok(rec, version):
                raise Verdict("malformed")
            if [rec["testimony"]["id"], str(rec["revision"])] != parts[1:]:
                raise Verdict("inconsistent")
            listed.setdefault(rec["testimony"]["id"], set()).update(rec["attachments"])
        else:
            if not fields(rec, ATTACHMENT):
                raise Verdict("malformed")
            if rec["attachment_id"] != parts[1] or \
                    rec["attachment_id"] not in listed.get(rec["testimony_id"], set()):
                raise Verdict("inconsistent")
            attachments[rec["attachment_id"]] = rec
    end = take(12)
    if end != b"NAMB-END" + struct.pack(">I", len(h["entries"])):
        raise Verdict("malformed")
    all_listed()
    padding = h["padding"] if version >= 2 else 0
    if take(padding).count(0) != padding:
        raise Verdict("malformed")
    if pos < len(data):
        raise Verdict("malformed")


# ---- the age layer (section 2), with the stock CLI ----------------------------------------
def recipient_fingerprints(identity_file: str) -> set[str]:
    out = subprocess.run(["age-keygen", "-y", identity_file], capture_output=True,  # noqa: S603, S607
                         check=True, text=True).stdout.split()
    return {hashlib.sha256(r.encode("ascii")).hexdigest() for r in out}


def verify(parts: list[str], identity_file: str, device_key: str | None = None,
           hq_root: str | None = None) -> dict[str, Any]:
    data = b"".join(Path(p).read_bytes() for p in parts)
    info: dict[str, Any] = {"digest": None, "fingerprint": None, "unfinished": None}
    expected = None
    if device_key is not None:
        k = device_key.strip()
        expected = ({bytes.fromhex(k)}, set()) if HEX64.fullmatch(k.lower()) \
            else (set(), {k.upper()})
    mine = recipient_fingerprints(identity_file)

    def result(reason: str | None) -> dict[str, Any]:
        verdict = (("unsupported" if reason == "unsupported_version" else "rejected")
                   if reason else ("ok" if expected else "signer_not_known"))
        return {"verdict": verdict, "reason": reason, **info}

    if not data.startswith(b"age-encryption.org/v1\n"):
        return result("malformed")  # A1
    end = data.find(b"\n---", 0, 64 * 1024)
    if end < 0 or data[:end].count(b"\n-> ") > 64:
        return result("damaged")  # A3: the header's limits (age itself has none)
    run = subprocess.run(["age", "-d", "-i", identity_file],  # noqa: S603, S607  # stock age
                         input=data, capture_output=True, check=False)
    age_reason = None
    if run.returncode != 0:
        age_reason = "wrong_recipient" if b"no identity matched" in run.stderr else "damaged"
    try:
        inner_verdict(run.stdout, age_reason is None, mine=mine, hq_root=hq_root,
                      expected=expected, info=info)
    except Verdict as v:
        return result(v.reason)
    except NeedMore:
        return result(age_reason)
    return result(age_reason)


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


def keycard_verdict(data: bytes) -> dict[str, Any]:
    """Sections 5-6: the card's payload (with its version), or Verdict."""
    doc = envelope(data, "nam-desktop-keycard", (1, 2), 256 * 1024, "keycard_invalid")
    p, version = doc["payload"], doc["version"]
    if set(p) != {"root_public_key", "serial", "issued_at", "hq_name", "recipients",
                  "receipt_public_key", "accept_originals"}:
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
    if not ok:
        raise Verdict("keycard_invalid")
    return {**p, "version": version}


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


def verify_keycard(card_file: str) -> dict[str, Any]:
    try:
        card = keycard_verdict(Path(card_file).read_bytes())
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


def main(argv: list[str]) -> None:
    if argv[:1] == ["keycard"]:
        ap = argparse.ArgumentParser(prog="reference_verifier.py keycard")
        ap.add_argument("card")
        result = verify_keycard(ap.parse_args(argv[1:]).card)
    elif argv[:1] == ["receipt"]:
        ap = argparse.ArgumentParser(prog="reference_verifier.py receipt")
        ap.add_argument("receipt")
        ap.add_argument("--keycard", required=True)
        ap.add_argument("--device", required=True)
        args = ap.parse_args(argv[1:])
        result = verify_receipt(args.receipt, args.keycard, args.device)
    else:
        ap = argparse.ArgumentParser()
        ap.add_argument("parts", nargs="+")
        ap.add_argument("--identity", required=True)
        ap.add_argument("--device-key")
        ap.add_argument("--hq-root")
        args = ap.parse_args(argv)
        result = verify(args.parts, args.identity, args.device_key, args.hq_root)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
