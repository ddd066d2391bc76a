"""Canonical form of a summary's content, its hash and the short verification code.

The content is a JSON object of strings, integers, booleans, lists and objects; the
content hash is SHA-256 over its canonical JSON (:mod:`nam_desktop.core.canonical`,
docs/conventions.md).
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from nam_desktop.core.canonical import canonical_json

CODE_BYTES = 10  # 80 bits: 16 base32 characters in four groups
QR_PREFIX = "NAM-SUMMARY:SHA256:"


def content_hash(content: dict[str, Any]) -> str:
    """Hex SHA-256 of the canonical content."""
    return hashlib.sha256(canonical_json(content)).hexdigest()


def verification_code(hex_hash: str) -> str:
    """Short code to compare by eye or read aloud: base32 of the first 80 bits of the
    hash, grouped by four (``ABCD-EFGH-IJKL-MNOP``)."""
    raw = bytes.fromhex(hex_hash)[:CODE_BYTES]
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_payload(hex_hash: str) -> str:
    """What the QR code on the summary encodes."""
    return QR_PREFIX + hex_hash.upper()
