"""Known-answer vectors pin the recovery formats (docs/recovery-format.md): the slot, the
request, the response and the pending request.

docs/test-vectors/recovery/recovery.json was written from the document by make_vectors.py
beside it, which has its own age writer and does not import nam_desktop. Here the
program's writers must produce those bytes (Ed25519 signatures are deterministic; the age
files, whose randomness is fixed in the vectors, are taken as inputs), its readers must
accept them and refuse the invalid ones with the documented reason, and the stock `age`
CLI must decrypt the vectors' age files to the documented 90-byte payloads.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nam_desktop.core.crypto import age_reader
from nam_desktop.core.crypto.device import verify_signature
from nam_desktop.core.vault import recovery_format as fmt

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[3] / "docs" / "test-vectors" / "recovery"
     / "recovery.json").read_text("utf-8"))
MASTER = bytes.fromhex(VECTORS["master_key"])


def _ids(items: list[dict[str, Any]]) -> list[str]:
    return [i["name"] for i in items]


def _slot() -> fmt.RecoverySlot:
    return fmt.RecoverySlot.parse(VECTORS["slot"]["file"].encode())


def test_the_slot_is_read_and_written_byte_for_byte() -> None:
    slot = _slot()
    assert slot.vault_id == VECTORS["vault_id"]
    assert slot.device_public_key.hex() == VECTORS["device_public_key"]
    assert slot.request_public_key.hex() == VECTORS["request_public_key"]
    assert base64.b64encode(slot.sealed).decode() == VECTORS["slot"]["sealed"]
    assert slot.to_bytes().decode() == VECTORS["slot"]["file"]
    # The authorization is the device key's signature over the documented message.
    assert verify_signature(slot.device_public_key, slot.authorization,
                            bytes.fromhex(VECTORS["slot"]["authorization_message"]))


def test_hq_opens_the_sealed_slot_to_the_documented_payload() -> None:
    hq = age_reader.parse_identity(VECTORS["hq_identity"])
    vault_id, device, master = fmt.open_slot(_slot().sealed, [hq])
    assert (vault_id, device.hex(), master) == (VECTORS["vault_id"],
                                                VECTORS["device_public_key"], MASTER)
    plain = bytes.fromhex(VECTORS["slot"]["sealed_plaintext"])
    assert plain[:10] == b"NAMRSLOT\x00\x01" and len(plain) == 90 and plain[58:] == MASTER


def test_the_request_writer_produces_the_vector() -> None:
    data, digest = fmt.make_request(_slot(), VECTORS["request"]["request_id"],
                                    VECTORS["request"]["created_at"],
                                    VECTORS["response_recipient"])
    assert data.decode() == VECTORS["request"]["file"]
    assert digest == VECTORS["request"]["sha256"]
    assert fmt.request_code(digest) == VECTORS["request"]["code"]


def test_the_request_reader_reads_the_vector() -> None:
    req = fmt.parse_request(VECTORS["request"]["file"].encode())
    assert req.request_id == VECTORS["request"]["request_id"]
    assert req.sha256 == VECTORS["request"]["sha256"]
    assert req.code == VECTORS["request"]["code"]
    assert req.response_recipient == VECTORS["response_recipient"]
    # The digest is SHA-256 of the canonical payload (independent of our reader).
    payload = json.loads(VECTORS["request"]["file"])["payload"]
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"),
                           ensure_ascii=True).encode()
    assert hashlib.sha256(canonical).hexdigest() == req.sha256


def test_the_response_writer_produces_the_vector() -> None:
    req = fmt.parse_request(VECTORS["request"]["file"].encode())
    doc = json.loads(VECTORS["response"]["file"])
    sealed = base64.b64decode(doc["payload"]["sealed"])
    root = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(VECTORS["hq_root_seed"]))
    data = fmt.make_response(req, bytes.fromhex(VECTORS["hq_root_public_key"]),
                             VECTORS["response"]["issued_at"], sealed, root.sign)
    assert data.decode() == VECTORS["response"]["file"]


def test_the_response_reader_reads_the_vector() -> None:
    resp = fmt.parse_response(VECTORS["response"]["file"].encode())
    assert resp.request_sha256 == VECTORS["request"]["sha256"]
    assert resp.signed_by(bytes.fromhex(VECTORS["hq_root_public_key"]))
    assert not resp.signed_by(bytes.fromhex(VECTORS["device_public_key"]))
    identity = age_reader.parse_identity(VECTORS["response_identity"])
    vault_id, digest, master = fmt.open_response(resp.sealed, identity)
    assert (vault_id, digest.hex(), master) == (VECTORS["vault_id"],
                                                VECTORS["request"]["sha256"], MASTER)
    # HQ's identity does not open what was sealed for the device's fresh key.
    with pytest.raises(fmt.RecoveryError) as caught:
        fmt.open_response(resp.sealed, age_reader.parse_identity(VECTORS["hq_identity"]))
    assert caught.value.reason is fmt.RecoveryReason.NOT_FOR_THIS_REQUEST


def test_the_pending_request_is_read_and_written_byte_for_byte() -> None:
    pending = fmt.PendingRequest.parse(VECTORS["pending"]["file"].encode())
    assert pending.request_sha256 == VECTORS["request"]["sha256"]
    assert pending.identity == VECTORS["response_identity"]
    assert pending.to_bytes().decode() == VECTORS["pending"]["file"]


@pytest.mark.parametrize("vector", VECTORS["invalid_slots"], ids=_ids(VECTORS["invalid_slots"]))
def test_invalid_slots_are_refused(vector: dict[str, Any]) -> None:
    with pytest.raises(fmt.RecoveryError) as caught:
        fmt.RecoverySlot.parse(vector["file"].encode())
    assert caught.value.reason.value == vector["reason"]


@pytest.mark.parametrize("vector", VECTORS["invalid_requests"],
                         ids=_ids(VECTORS["invalid_requests"]))
def test_invalid_requests_are_refused(vector: dict[str, Any]) -> None:
    with pytest.raises(fmt.RecoveryError) as caught:
        fmt.parse_request(vector["file"].encode())
    assert caught.value.reason.value == vector["reason"]


@pytest.mark.parametrize("vector", VECTORS["invalid_responses"],
                         ids=_ids(VECTORS["invalid_responses"]))
def test_invalid_responses_are_refused(vector: dict[str, Any]) -> None:
    resp = fmt.parse_response(vector["file"].encode())  # the shape is fine
    identity = age_reader.parse_identity(VECTORS["response_identity"])
    if vector["reason"] == "bad_signature":
        assert not resp.signed_by(bytes.fromhex(VECTORS["hq_root_public_key"]))
        return
    with pytest.raises(fmt.RecoveryError) as caught:
        fmt.open_response(resp.sealed, identity)
    assert caught.value.reason.value == vector["reason"]


@pytest.mark.parametrize("which", ["slot", "response"])
def test_the_age_cli_decrypts_the_vectors(which: str, tmp_path: Path) -> None:
    if shutil.which("age") is None:
        pytest.skip("the age CLI is not installed")
    if which == "slot":
        ident, sealed = VECTORS["hq_identity"], VECTORS["slot"]["sealed"]
    else:
        ident = VECTORS["response_identity"]
        sealed = json.loads(VECTORS["response"]["file"])["payload"]["sealed"]
    (tmp_path / "id").write_text(ident + "\n", "ascii")
    (tmp_path / "x.age").write_bytes(base64.b64decode(sealed))
    out = subprocess.run(["age", "-d", "-i", str(tmp_path / "id"), str(tmp_path / "x.age")],
                         capture_output=True, check=True)
    assert out.stdout.hex() == VECTORS[which]["sealed_plaintext"]
