"""Shared by the reference verifier (reference_verifier.py): the rules of
docs/conventions.md (strict and canonical JSON, time stamps, fingerprints, integers) and
the entry ids of docs/bundle-format.md section 3.2. Standard library and `cryptography`
only; nothing from NAM Desktop."""


from __future__ import annotations

import base64
import datetime
import hashlib
import json
import re
from typing import Any

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


def entry_id_ok(entry_id: str, kind: str) -> bool:
    p = entry_id.split("/")
    if kind == "testimony":
        return len(p) == 3 and p[0] == kind and bool(RECORD_ID.fullmatch(p[1])) \
            and bool(REVISION.fullmatch(p[2]))
    if kind == "attachment":
        return len(p) == 2 and p[0] == kind and bool(RECORD_ID.fullmatch(p[1]))
    return len(p) == 3 and p[0] == "media" and bool(RECORD_ID.fullmatch(p[1])) \
        and p[2] in ("cleaned", "original")
