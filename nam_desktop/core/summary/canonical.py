"""Canonical form of a summary's content, its hash and the short verification code.

The content is a JSON object of strings, integers, booleans, lists and objects. Its
canonical form is UTF-8 JSON with sorted keys, no insignificant whitespace and non-ASCII
characters kept as they are (``json.dumps(sort_keys=True, ensure_ascii=False,
separators=(",", ":"))``); the content hash is SHA-256 over those bytes.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

CODE_BYTES = 10  # 80 bits: 16 base32 characters in four groups
QR_PREFIX = "NAM-SUMMARY:SHA256:"


def canonical_bytes(content: dict[str, Any]) -> bytes:
    return json.dumps(content, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def content_hash(content: dict[str, Any]) -> str:
    """Hex SHA-256 of the canonical content."""
    return hashlib.sha256(canonical_bytes(content)).hexdigest()


def verification_code(hex_hash: str) -> str:
    """Short code to compare by eye or read aloud: base32 of the first 80 bits of the
    hash, grouped by four (``ABCD-EFGH-IJKL-MNOP``)."""
    raw = bytes.fromhex(hex_hash)[:CODE_BYTES]
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_payload(hex_hash: str) -> str:
    """What the QR code on the summary encodes."""
    return QR_PREFIX + hex_hash.upper()
