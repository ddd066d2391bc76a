"""The device identity: an Ed25519 signing key created with the vault."""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

FINGERPRINT_BYTES = 15  # 120 bits: 24 base32 characters, six groups of four


def fingerprint_of(public_key: bytes) -> str:
    """Short fingerprint to read aloud: SHA-256 of the raw key, base32, grouped by 4."""
    digest = hashlib.sha256(b"nam-desktop device key v1\x00" + public_key).digest()
    text = base64.b32encode(digest[:FINGERPRINT_BYTES]).decode()
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


class DeviceIdentity:
    def __init__(self, private_raw: bytes) -> None:
        self._key = Ed25519PrivateKey.from_private_bytes(private_raw)
        self.public_key: bytes = self._key.public_key().public_bytes(
            Encoding.Raw, PublicFormat.Raw
        )

    @staticmethod
    def generate_raw() -> bytes:
        from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

        return Ed25519PrivateKey.generate().private_bytes(
            Encoding.Raw, PrivateFormat.Raw, NoEncryption()
        )

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.public_key)

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)


def verify_signature(public_key: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
