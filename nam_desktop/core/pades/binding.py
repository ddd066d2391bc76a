"""The device's statement that a PDF-signing key is its own, signed with its Ed25519
device key (the identity HQ registered by fingerprint).

A summary PDF carries it as an associated file (``nam-device-key.json``), so that even a
summary signed with a self-signed certificate (before HQ certified the device) can be
tied to a device fingerprint: verify the Ed25519 signature, check that the PDF was signed
with the P-256 key it names, and compare the fingerprint with the one HQ registered.
Format (docs/summary-signature.md, "Device key statement")::

    {"format": "nam-pdf-key-binding", "version": 1,
     "payload": {"device_public_key": <64 hex>, "pdf_public_key": <130 hex>},
     "signature": <128 hex>}

    signature = Ed25519(device key, b"nam-desktop pdf key binding v1\\x00"
                                    + canonical_json(payload))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nam_desktop.core.canonical import CanonicalError, canonical_json, loads
from nam_desktop.core.crypto.device import DeviceIdentity, fingerprint_of, verify_signature
from nam_desktop.core.pades.keys import POINT_BYTES

FORMAT = "nam-pdf-key-binding"
VERSION = 1
CONTEXT = b"nam-desktop pdf key binding v1\x00"
MAX_SIZE = 4096
_HEX = re.compile(r"[0-9a-f]*")


class BindingError(ValueError):
    """A statement that cannot be read or does not verify."""


@dataclass(frozen=True)
class KeyBinding:
    device_public_key: bytes
    pdf_public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.device_public_key)


def _payload(device_public_key: bytes, pdf_point: bytes) -> dict[str, str]:
    return {"device_public_key": device_public_key.hex(), "pdf_public_key": pdf_point.hex()}


def make(device: DeviceIdentity, pdf_point: bytes) -> bytes:
    """The statement as canonical JSON bytes (Ed25519 is deterministic: the same keys
    always give the same bytes)."""
    payload = _payload(device.public_key, pdf_point)
    doc = {"format": FORMAT, "version": VERSION, "payload": payload,
           "signature": device.sign(CONTEXT + canonical_json(payload)).hex()}
    return canonical_json(doc)


def _hex(value: object, size: int, name: str) -> bytes:
    if not isinstance(value, str) or len(value) != 2 * size or not _HEX.fullmatch(value):
        raise BindingError(f"{name} is not {size} bytes in lower-case hex")
    return bytes.fromhex(value)


def read(data: bytes) -> KeyBinding:
    """Parse and verify a statement (raises :class:`BindingError`)."""
    if len(data) > MAX_SIZE:
        raise BindingError("too large")
    try:
        doc = loads(data)
    except CanonicalError as exc:
        raise BindingError("not strict JSON") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise BindingError("not a device key statement")
    if doc.get("version") != VERSION or isinstance(doc.get("version"), bool):
        raise BindingError(f"version {doc.get('version')!r} is not {VERSION}")
    payload = doc.get("payload")
    if set(doc) != {"format", "version", "payload", "signature"} or \
            not isinstance(payload, dict) or set(payload) != {"device_public_key",
                                                              "pdf_public_key"}:
        raise BindingError("unexpected or missing fields")
    device_key = _hex(payload["device_public_key"], 32, "device_public_key")
    pdf_key = _hex(payload["pdf_public_key"], POINT_BYTES, "pdf_public_key")
    signature = _hex(doc["signature"], 64, "signature")
    if not verify_signature(device_key, signature, CONTEXT + canonical_json(payload)):
        raise BindingError("the device's signature does not verify")
    return KeyBinding(device_key, pdf_key)
