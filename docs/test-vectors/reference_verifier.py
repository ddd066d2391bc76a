#!/usr/bin/env python3
"""A verifier for NAM Desktop bundles, key cards and receipts written from
docs/bundle-format.md and docs/conventions.md alone: Python's standard library,
`cryptography` (Ed25519) and the stock `age` CLI. It imports nothing from NAM Desktop;
the conventions are in reference_common.py, key cards and receipts in
reference_documents.py.
Tests run it against the test vectors and against the project's own verifier (they must
agree on every verdict).

    reference_verifier.py BUNDLE [BUNDLE.002 ...] --identity PLAIN_IDENTITY_FILE
                          [--device-key FINGERPRINT_OR_HEX] [--hq-root FINGERPRINT]
    reference_verifier.py keycard CARD [--at YYYY-MM-DDTHH:MM:SSZ]
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
import datetime
import hashlib
import json
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

# The verifier is three files in this folder; loaded by path (the tests), they find
# each other through it.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from reference_common import (  # noqa: E402  # after the path line
    BUNDLE_ID,
    CODE,
    DAY,
    FINGERPRINT,
    HEX64,
    MAX_INT,
    MONTH,
    RECORD_ID,
    YEAR,
    NeedMore,
    Verdict,
    canonical,
    entry_id_ok,
    fingerprint,
    is_int,
    is_p256_point,
    is_timestamp,
    strict_json,
)
from reference_documents import (  # noqa: E402  # what the tests call on this module too
    keycard_verdict,
    receipt_verdict,
    verify_keycard,
    verify_receipt,
)

__all__ = ["inner_verdict", "keycard_verdict", "receipt_verdict", "verify", "verify_keycard",
           "verify_receipt"]


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
          and (h["seq"] != 1 or h["prev_digest"] == "0" * 64)  # the first follows nothing
          and isinstance(h["recipients"], list) and 1 <= len(h["recipients"]) <= 16
          and all(isinstance(r, str) and HEX64.fullmatch(r) for r in h["recipients"])
          and len(set(h["recipients"])) == len(h["recipients"])
          and (h["hq_root"] == "" or (isinstance(h["hq_root"], str)
                                      and FINGERPRINT.fullmatch(h["hq_root"]) is not None))
          and isinstance(a, dict) and set(a) - {"unfinished"} == {"entries", "head"}
          and is_int(a["entries"], 0, MAX_INT)
          and isinstance(a["head"], str) and HEX64.fullmatch(a["head"]) is not None
          and ("unfinished" not in a
               or (version >= 2 and unfinished_ok(a["unfinished"], h["seq"])))
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
    """3.1 `audit.unfinished` (versions 2 and 4, never 1): 1 to 10,000 earlier attempts, `seq`
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
            if not fields(rec, ATTACHMENT) or (rec["sha256_cleaned"] == ""
                                               and rec["size_cleaned"] != 0):
                raise Verdict("malformed")  # no cleaned copy: "" and 0 (3.5)
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


def main(argv: list[str]) -> None:
    if argv[:1] == ["keycard"]:
        ap = argparse.ArgumentParser(prog="reference_verifier.py keycard")
        ap.add_argument("card")
        ap.add_argument("--at", help="time stamp at which version 3 certificates must be "
                        "in force (default: now)")
        args = ap.parse_args(argv[1:])
        at = datetime.datetime.strptime(args.at, "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=datetime.UTC) if args.at else None
        result = verify_keycard(args.card, at)
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
