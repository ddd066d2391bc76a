"""Small signed JSON documents (key cards, receipts): ``{format, version, payload, signature}``.

The signature is Ed25519 over ``context | canonical JSON of payload``
(:mod:`nam_desktop.core.canonical`, docs/conventions.md), never over the bytes of the
file: a card saved again by an editor (other spacing, Cyrillic unescaped, a UTF-8 byte
order mark) or scanned from its QR code verifies the same. Version 1 key cards were
signed over the ASCII form of canonical JSON (``legacy_ascii``); every later version and
every receipt over the UTF-8 form. The rules are in docs/bundle-format.md, section 5.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from nam_desktop.core.canonical import CanonicalError, canonical_json, loads
from nam_desktop.core.clock import is_timestamp
from nam_desktop.core.crypto.device import verify_signature
from nam_desktop.core.exchange.errors import ExchangeError, Reason

MAX_DOC = 256 * 1024
BOM = b"\xef\xbb\xbf"
ENVELOPE_KEYS = frozenset({"format", "version", "payload", "signature"})
_SIG_HEX = re.compile(r"[0-9a-f]{128}")
_KEY_HEX = re.compile(r"[0-9a-f]{64}")
FINGERPRINT = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){5}")


@dataclass(frozen=True)
class SignedDocument:
    format: str
    version: int
    payload: dict[str, Any]
    signature: bytes

    def content_id(self) -> bytes:
        """Canonical bytes of the whole document: equal for two files that differ only in
        spelling (spacing, escapes, byte order mark)."""
        return canonical_json({"format": self.format, "version": self.version,
                               "payload": self.payload, "signature": self.signature.hex()})


def canonical(payload: dict[str, Any]) -> bytes:
    """The payload's signed form (current versions): its canonical JSON."""
    return canonical_json(payload)


def message(context: bytes, payload: dict[str, Any], *, legacy_ascii: bool = False) -> bytes:
    """What is signed: ``context`` then the payload's canonical JSON."""
    return context + canonical_json(payload, ascii=legacy_ascii)


def make(fmt: str, version: int, context: bytes, payload: dict[str, Any],
         sign: Callable[[bytes], bytes]) -> bytes:
    """A signed document (UTF-8 JSON, indented for people to read; the layout of the file
    does not matter to the signature)."""
    doc = {"format": fmt, "version": version, "payload": payload,
           "signature": sign(message(context, payload)).hex()}
    return (json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def read(data: bytes, fmt: str, versions: Collection[int], reason: Reason, *,
         max_size: int = MAX_DOC) -> SignedDocument:
    """Decode the envelope strictly. Unknown versions of ``fmt`` raise UNSUPPORTED_VERSION;
    anything else that is wrong raises ``reason``. The caller verifies the signature.
    ``max_size``: a format may allow more than the 256 KiB of a key card."""
    if len(data) > max_size:
        raise ExchangeError(reason, "file too large")
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        doc = loads(data)
    except CanonicalError as exc:
        raise ExchangeError(reason, f"not strict JSON ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != fmt:
        raise ExchangeError(reason, f"not a {fmt} document")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeError(reason, "bad version")
    if version not in versions:
        known = ", ".join(str(v) for v in sorted(versions))
        raise ExchangeError(Reason.UNSUPPORTED_VERSION,
                            f"{fmt} version {version}; this program reads version {known}: "
                            "made by a newer NAM Desktop?")
    if set(doc) != ENVELOPE_KEYS or not isinstance(doc["payload"], dict):
        raise ExchangeError(reason, f"not a {fmt} v{version} document")
    signature = doc["signature"]
    if not isinstance(signature, str) or not _SIG_HEX.fullmatch(signature):
        raise ExchangeError(reason, "signature is not 128 lower-case hex digits")
    return SignedDocument(fmt, version, doc["payload"], bytes.fromhex(signature))


def parse(data: bytes, fmt: str, version: int | Collection[int], reason: Reason, *,
          max_size: int = MAX_DOC) -> tuple[dict[str, Any], bytes]:
    """:func:`read`, returning (payload, signature)."""
    versions = (version,) if isinstance(version, int) else version
    doc = read(data, fmt, versions, reason, max_size=max_size)
    return doc.payload, doc.signature


def check(public_key: bytes, signature: bytes, context: bytes, payload: dict[str, Any],
          reason: Reason, *, legacy_ascii: bool = False) -> None:
    try:
        signed = message(context, payload, legacy_ascii=legacy_ascii)
    except CanonicalError as exc:  # cannot happen after read(); kept for direct callers
        raise ExchangeError(reason, "payload has no canonical form") from exc
    if not verify_signature(public_key, signature, signed):
        raise ExchangeError(reason, "signature does not verify")


def field(payload: dict[str, Any], name: str, kind: type, reason: Reason) -> Any:
    value = payload.get(name)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ExchangeError(reason, f"field {name} missing or of the wrong type")
    return value


def hex_key(payload: dict[str, Any], name: str, reason: Reason) -> bytes:
    """A 32-byte key written as 64 lower-case hex digits."""
    text = field(payload, name, str, reason)
    if not _KEY_HEX.fullmatch(text):
        raise ExchangeError(reason, f"{name} is not a 32-byte key in lower-case hex")
    return bytes.fromhex(text)


def timestamp(payload: dict[str, Any], name: str, reason: Reason) -> str:
    """A UTC time stamp ``YYYY-MM-DDTHH:MM:SSZ`` (docs/conventions.md)."""
    text: str = field(payload, name, str, reason)
    if not is_timestamp(text):
        raise ExchangeError(reason, f"{name} is not a time stamp like 2026-01-31T12:00:00Z")
    return text


def fingerprint(payload: dict[str, Any], name: str, reason: Reason) -> str:
    """A key fingerprint ``XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`` (base32, upper case)."""
    text: str = field(payload, name, str, reason)
    if not FINGERPRINT.fullmatch(text):
        raise ExchangeError(reason, f"{name} is not a fingerprint")
    return text
