"""Small signed JSON documents (key cards, receipts): ``{format, version, payload, signature}``.

The signature is Ed25519 over ``context | canonical JSON of payload`` where canonical JSON
is UTF-8, keys sorted, no spaces, non-ASCII escaped (docs/bundle-format.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from nam_desktop.core.crypto.device import verify_signature
from nam_desktop.core.exchange.errors import ExchangeError, Reason

MAX_DOC = 256 * 1024


def canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, ensure_ascii=True,
                      separators=(",", ":")).encode("ascii")


def make(fmt: str, version: int, context: bytes, payload: dict[str, Any],
         sign: Callable[[bytes], bytes]) -> bytes:
    doc = {"format": fmt, "version": version, "payload": payload,
           "signature": sign(context + canonical(payload)).hex()}
    return (json.dumps(doc, sort_keys=True, ensure_ascii=True, indent=1) + "\n").encode("ascii")


def parse(data: bytes, fmt: str, version: int, reason: Reason, *,
          max_size: int = MAX_DOC) -> tuple[dict[str, Any], bytes]:
    """Decode the envelope; returns (payload, signature). The caller verifies.
    ``max_size``: receipts list every entry HQ holds and may be larger than a key card."""
    if len(data) > max_size:
        raise ExchangeError(reason, "file too large")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ExchangeError(reason, "not JSON") from exc
    if (not isinstance(doc, dict) or set(doc) != {"format", "version", "payload", "signature"}
            or doc["format"] != fmt or doc["version"] != version
            or not isinstance(doc["payload"], dict) or not isinstance(doc["signature"], str)):
        raise ExchangeError(reason, f"not a {fmt} v{version} document")
    try:
        signature = bytes.fromhex(doc["signature"])
    except ValueError as exc:
        raise ExchangeError(reason, "signature is not hex") from exc
    return doc["payload"], signature


def check(public_key: bytes, signature: bytes, context: bytes, payload: dict[str, Any],
          reason: Reason) -> None:
    if not verify_signature(public_key, signature, context + canonical(payload)):
        raise ExchangeError(reason, "signature does not verify")


def field(payload: dict[str, Any], name: str, kind: type, reason: Reason) -> Any:
    value = payload.get(name)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ExchangeError(reason, f"field {name} missing or of the wrong type")
    return value


def hex_key(payload: dict[str, Any], name: str, reason: Reason) -> bytes:
    text = field(payload, name, str, reason)
    try:
        key = bytes.fromhex(text)
    except ValueError as exc:
        raise ExchangeError(reason, f"{name} is not hex") from exc
    if len(key) != 32:
        raise ExchangeError(reason, f"{name} is not a 32-byte key")
    return key
