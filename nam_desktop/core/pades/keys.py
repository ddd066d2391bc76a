"""The device's PDF-signing key: ECDSA on NIST P-256, a second key beside the Ed25519
device identity (which stays for bundles).

Why a second key: PDF readers validate ECDSA P-256 and RSA signatures, not Ed25519
(poppler's ``pdfsig`` with NSS reports an Ed25519 PDF signature as "Document isn't signed
or corrupted data"). The private key is kept as PKCS#8 DER inside the encrypted vault
database; the public key travels as its 65-byte uncompressed point (SEC 1, ``04 || X ||
Y``), written as 130 lower-case hex digits.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_der_private_key,
)

POINT_BYTES = 65  # 0x04 || X (32) || Y (32)


class PdfKeyError(ValueError):
    """Bytes that are not a P-256 key."""


def generate_pkcs8() -> bytes:
    """A new P-256 private key as PKCS#8 DER (unencrypted: it lives in the vault)."""
    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())


def point_of(public: ec.EllipticCurvePublicKey) -> bytes:
    return public.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)


def public_from_point(point: bytes) -> ec.EllipticCurvePublicKey:
    """The public key of a 65-byte uncompressed P-256 point (checked to be on the curve)."""
    if len(point) != POINT_BYTES or point[0] != 4:
        raise PdfKeyError("not a 65-byte uncompressed P-256 point")
    try:
        return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except ValueError as exc:
        raise PdfKeyError("not a point on P-256") from exc


def key_id(point: bytes) -> str:
    """Short hex name of a PDF key (SHA-256 of the point, first 16 bytes) for logs and
    audit entries."""
    return hashlib.sha256(point).hexdigest()[:32]


class PdfSigningKey:
    """A P-256 private key loaded from its PKCS#8 DER."""

    def __init__(self, pkcs8: bytes) -> None:
        try:
            key = load_der_private_key(pkcs8, password=None)
        except (ValueError, TypeError) as exc:
            raise PdfKeyError("not a PKCS#8 private key") from exc
        if not isinstance(key, ec.EllipticCurvePrivateKey) or \
                not isinstance(key.curve, ec.SECP256R1):
            raise PdfKeyError("not a P-256 private key")
        self.pkcs8 = pkcs8
        self.private = key
        self.public = key.public_key()
        self.point: bytes = point_of(self.public)

    @classmethod
    def generate(cls) -> PdfSigningKey:
        return cls(generate_pkcs8())

    @property
    def key_id(self) -> str:
        return key_id(self.point)
