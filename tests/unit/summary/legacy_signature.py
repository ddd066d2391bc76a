"""The writer of detached summary signatures (``FILE.pdf.sig``, version 2), as the
program had it before issue 17. The program no longer writes them (summaries are signed
inside the PDF) but still reads them: the tests use this writer to make files for the
reader's rules. Frozen real files are in docs/test-vectors/."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from nam_desktop.core.canonical import canonical_json
from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.summary.canonical import verification_code
from nam_desktop.core.summary.signature import DOMAIN, SIGNATURE_FORMAT, SIGNATURE_VERSION


def make_signature(device: DeviceIdentity, content: dict[str, Any], content_sha256: str,
                   pdf: bytes) -> bytes:
    """The bytes of the detached signature file for ``pdf``."""
    signed: dict[str, Any] = {
        "format": SIGNATURE_FORMAT,
        "version": SIGNATURE_VERSION,
        "record_id": content["record_id"],
        "revision": content["revision"],
        "redaction": content["redaction"],
        "lang": content["lang"],
        "created_at": content["created_at"],
        "content_sha256": content_sha256,
        "pdf_sha256": hashlib.sha256(pdf).hexdigest(),
        "device_public_key": device.public_key.hex(),
    }
    doc = {
        "format": SIGNATURE_FORMAT,
        "version": SIGNATURE_VERSION,
        "signed": signed,
        "device_fingerprint": device.fingerprint,
        "verification_code": verification_code(content_sha256),
        "algorithm": "ed25519",
        "signature": device.sign(DOMAIN + canonical_json(signed)).hex(),
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
