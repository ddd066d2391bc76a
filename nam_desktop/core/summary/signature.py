"""Detached signatures of summary PDFs (``FILE.pdf.sig``), made before issue 17 and
still verified (no longer written: summaries are now signed inside the PDF,
:mod:`nam_desktop.core.summary.pdf_verify`); format in ``docs/summary-signature.md``.

The signature file is UTF-8 JSON. Its ``signed`` object binds the content hash (what the
verification code and QR code on the paper carry) to the exact PDF bytes; the Ed25519
signature is made with the vault's device key over::

    b"nam-desktop summary signature v1\\x00" + canonical_json(signed)

Version 2 (written now) gives the key and the signature in lower-case hex, like every
other format of the project; version 1 (still read) gave them in base64.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from nam_desktop.core.canonical import CanonicalError, canonical_json, loads
from nam_desktop.core.crypto.device import fingerprint_of, verify_signature
from nam_desktop.core.errors import MalformedFileError, UnsupportedFormatError
from nam_desktop.core.summary.canonical import verification_code

SIGNATURE_FORMAT = "nam-summary-signature"
SIGNATURE_VERSION = 2  # the last version written (before issue 17)
SIGNATURE_VERSIONS = (1, 2)  # what it reads
SIGNATURE_SUFFIX = ".sig"
DOMAIN = b"nam-desktop summary signature v1\x00"
MAX_SIGNATURE_FILE = 64 * 1024
_SIGNED_KEYS = ("format", "version", "record_id", "revision", "redaction", "lang",
                "created_at", "content_sha256", "pdf_sha256", "device_public_key")
_DOC_KEYS = {"format", "version", "algorithm", "signed", "device_fingerprint",
             "verification_code", "signature"}
_HEX64 = re.compile(r"[0-9a-f]{64}")


class Problem(Enum):
    """Why a verification failed (front ends turn these into words)."""

    PDF_CHANGED = "pdf_changed"
    BAD_SIGNATURE = "bad_signature"
    FINGERPRINT_MISMATCH = "fingerprint_mismatch"
    UNEXPECTED_DEVICE = "unexpected_device"
    # PDF signatures (issue 17, pdf_verify.py)
    NOT_SIGNED = "not_signed"  # no PDF signature and no .sig file
    CHANGED_AFTER_SIGNING = "changed_after_signing"  # bytes added or altered after signing
    NOT_LOCKED = "not_locked"  # not a certification signature with "no changes allowed"
    UNTRUSTED_CERTIFICATE = "untrusted_certificate"  # does not chain to the HQ CA given
    CONTENT_MISSING = "content_missing"  # no (readable, canonical) content JSON attached
    CONTENT_MISMATCH = "content_mismatch"  # the attached content is not what the PDF names
    KEY_STATEMENT_INVALID = "key_statement_invalid"  # the device's key statement is bad


@dataclass(frozen=True)
class Verification:
    ok: bool
    problems: list[Problem] = field(default_factory=list)
    fingerprint: str = ""
    verification_code: str = ""
    content_sha256: str = ""
    record_id: str = ""
    revision: int = 0
    redaction: str = ""
    created_at: str = ""
    kind: str = "detached"  # "pades": signed inside the PDF; "detached": a .sig file
    signer_known: bool = True  # False: intact, but no HQ CA or fingerprint was checked
    certified: bool = False  # the certificate chains to the HQ CA checked against
    signer_name: str = ""  # the certificate's common name (PAdES)
    ca_name: str = ""  # the CA it chains to, when certified

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "signer_known": self.signer_known,
            "certified": self.certified,
            "signer_name": self.signer_name,
            "ca_name": self.ca_name,
            "ok": self.ok,
            "problems": [p.value for p in self.problems],
            "fingerprint": self.fingerprint,
            "verification_code": self.verification_code,
            "content_sha256": self.content_sha256,
            "record_id": self.record_id,
            "revision": self.revision,
            "redaction": self.redaction,
            "created_at": self.created_at,
        }


def _decode_bytes(text: object, version: int, size: int) -> bytes:
    """A key or signature: base64 in version 1, lower-case hex from version 2."""
    if not isinstance(text, str):
        raise ValueError("not text")
    if version == 1:
        raw = base64.b64decode(text, validate=True)
    elif re.fullmatch(r"[0-9a-f]*", text):
        raw = bytes.fromhex(text)
    else:
        raise ValueError("not lower-case hex")
    if len(raw) != size:
        raise ValueError("wrong length")
    return raw


def _parse(sig: bytes) -> tuple[dict[str, Any], bytes, bytes]:
    if len(sig) > MAX_SIGNATURE_FILE:
        raise MalformedFileError("signature file too large")
    try:
        doc = loads(sig[3:] if sig.startswith(b"\xef\xbb\xbf") else sig)
    except CanonicalError as exc:
        raise MalformedFileError(f"signature file is not strict JSON ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != SIGNATURE_FORMAT:
        raise MalformedFileError("not a NAM summary signature")
    version = doc.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and \
            version not in SIGNATURE_VERSIONS and version > 0:
        raise UnsupportedFormatError(
            f"summary signature version {version}; this program reads version "
            + ", ".join(str(v) for v in SIGNATURE_VERSIONS) + ": made by a newer NAM Desktop?")
    if version not in SIGNATURE_VERSIONS or doc.get("algorithm") != "ed25519":
        raise MalformedFileError("bad signature version or algorithm")
    if set(doc) != _DOC_KEYS:
        raise MalformedFileError("signature file: unexpected or missing fields")
    signed = doc.get("signed")
    if not isinstance(signed, dict) or set(signed) != set(_SIGNED_KEYS):
        raise MalformedFileError("signature file: bad 'signed' object")
    if signed.get("format") != SIGNATURE_FORMAT or signed.get("version") != version:
        raise MalformedFileError("signature file: bad 'signed' format")
    try:
        public_key = _decode_bytes(signed["device_public_key"], version, 32)
        signature = _decode_bytes(doc.get("signature"), version, 64)
    except (ValueError, binascii.Error) as exc:
        raise MalformedFileError("signature file: bad key or signature encoding") from exc
    for key in ("content_sha256", "pdf_sha256"):
        if not isinstance(signed[key], str) or not _HEX64.fullmatch(signed[key]):
            raise MalformedFileError(f"signature file: {key} is not 64 lower-case hex digits")
    if not isinstance(signed["revision"], int) or isinstance(signed["revision"], bool):
        raise MalformedFileError("signature file: bad revision")
    return doc, public_key, signature


def verify_pdf(pdf: bytes, sig: bytes, *, expected_fingerprint: str | None = None) -> Verification:
    """Check ``pdf`` against its detached signature. Raises ``MalformedFileError`` when
    the signature file cannot be read; returns the problems found otherwise."""
    doc, public_key, signature = _parse(sig)
    signed: dict[str, Any] = doc["signed"]
    problems: list[Problem] = []
    if not verify_signature(public_key, signature, DOMAIN + canonical_json(signed)):
        problems.append(Problem.BAD_SIGNATURE)
    if hashlib.sha256(pdf).hexdigest() != signed["pdf_sha256"]:
        problems.append(Problem.PDF_CHANGED)
    fingerprint = fingerprint_of(public_key)
    if doc.get("device_fingerprint") != fingerprint:
        problems.append(Problem.FINGERPRINT_MISMATCH)
    if expected_fingerprint is not None and \
            expected_fingerprint.strip().upper() != fingerprint:
        problems.append(Problem.UNEXPECTED_DEVICE)
    content_hash = str(signed["content_sha256"])
    return Verification(
        ok=not problems,
        problems=problems,
        fingerprint=fingerprint,
        verification_code=verification_code(content_hash),
        content_sha256=content_hash,
        record_id=str(signed["record_id"]),
        revision=int(signed["revision"]),
        redaction=str(signed["redaction"]),
        created_at=str(signed["created_at"]),
    )
