"""Write the recovery known-answer vectors (recovery.json) from docs/recovery-format.md,
WITHOUT importing nam_desktop.

    python docs/test-vectors/recovery/make_vectors.py   # rewrites recovery.json here

Only `cryptography` is used (X25519, Ed25519, HKDF, HMAC, ChaCha20-Poly1305); the age v1
files are written here from the age specification (https://age-encryption.org/v1) with
fixed ephemeral keys, file keys and nonces, so every byte is reproducible. The test suite
(tests/unit/vault/test_recovery_vectors.py) checks the program's readers and writers
against these files, and the stock `age` CLI against the age files in them.
Regenerating must give the same bytes; a change in recovery.json is a change of format.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
import uuid
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

HERE = Path(__file__).resolve().parent

VAULT_ID = "5c1d3b8e-7f2a-4e6b-9c0d-1a2b3c4d5e6f"
MASTER = bytes(range(0x40, 0x60))
DEVICE_SEED = bytes(range(0x01, 0x21))
OTHER_DEVICE_SEED = bytes(range(0x21, 0x41))
REQUEST_SEED = bytes(range(0x61, 0x81))
HQ_ROOT_SEED = bytes(range(0x81, 0xA1))
HQ_AGE_SECRET = bytes(range(0xA1, 0xC1))
RESPONSE_AGE_SECRET = bytes(range(0xC1, 0xE1))
SLOT_CREATED = "2026-11-20T08:00:00Z"
REQUEST_ID = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f0"
REQUEST_CREATED = "2026-12-01T09:30:00Z"
ISSUED = "2026-12-01T11:00:00Z"
# age's randomness, fixed: (ephemeral secret, file key, payload nonce) per age file
SLOT_AGE = (bytes([0x11] * 32), bytes([0x22] * 16), bytes([0x33] * 16))
RESPONSE_AGE = (bytes([0x44] * 32), bytes([0x55] * 16), bytes([0x66] * 16))
OTHER_AGE = (bytes([0x77] * 32), bytes([0x88] * 16), bytes([0x99] * 16))

# ---- bech32 (BIP 173), as age encodes its keys ---------------------------------------------
CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def bech32(hrp: str, data: bytes) -> str:
    acc, bits, five = 0, 0, []
    for byte in data:
        acc = acc << 8 | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            five.append(acc >> bits & 31)
    if bits:
        five.append(acc << (5 - bits) & 31)
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    poly = _polymod([*expanded, *five, 0, 0, 0, 0, 0, 0]) ^ 1
    check = [poly >> 5 * (5 - i) & 31 for i in range(6)]
    return hrp + "1" + "".join(CHARSET[v] for v in five + check)


def x25519_public(secret: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(secret).public_key().public_bytes_raw()


def recipient(secret: bytes) -> str:
    return bech32("age", x25519_public(secret))


def identity(secret: bytes) -> str:
    return bech32("age-secret-key-", secret).upper()


def ed_public(seed: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()


def ed_sign(seed: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(seed).sign(message)


# ---- age v1 with fixed randomness ---------------------------------------------------------
def hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt, info).derive(ikm)


def b64raw(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def age_encrypt(plaintext: bytes, recipient_public: bytes,
                rnd: tuple[bytes, bytes, bytes]) -> bytes:
    eph_secret, file_key, nonce = rnd
    eph = X25519PrivateKey.from_private_bytes(eph_secret)
    share = eph.public_key().public_bytes_raw()
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    wrap_key = hkdf(shared, share + recipient_public, b"age-encryption.org/v1/X25519")
    body = ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None)
    head = (b"age-encryption.org/v1\n-> X25519 " + b64raw(share) + b"\n" + b64raw(body)
            + b"\n---")
    mac = hmac.new(hkdf(file_key, b"", b"header"), head, hashlib.sha256).digest()
    # One chunk (the plaintext is 90 bytes): counter 0, last-chunk flag 1.
    payload = ChaCha20Poly1305(hkdf(file_key, nonce, b"payload")).encrypt(
        bytes(11) + b"\x01", plaintext, None)
    return head + b" " + b64raw(mac) + b"\n" + nonce + payload


# ---- the documents ------------------------------------------------------------------------
def canonical(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def signed_doc(fmt: str, payload: dict[str, object], signature: bytes) -> str:
    return json.dumps({"format": fmt, "version": 1, "payload": payload,
                       "signature": signature.hex()}, sort_keys=True, ensure_ascii=True,
                      indent=1) + "\n"


def checksummed(body: dict[str, object]) -> str:
    body = dict(body, checksum=hashlib.sha256(canonical(body)).hexdigest())
    return json.dumps(body, sort_keys=True, ensure_ascii=True, indent=1) + "\n"


def plain(magic: bytes, middle: bytes, vault_id: str = VAULT_ID) -> bytes:
    return magic + struct.pack(">H", 1) + uuid.UUID(vault_id).bytes + middle + MASTER


def authorization(device_seed: bytes, sealed: bytes) -> bytes:
    a = {"vault_id": VAULT_ID, "device_public_key": ed_public(DEVICE_SEED).hex(),
         "request_public_key": ed_public(REQUEST_SEED).hex(),
         "sealed_sha256": hashlib.sha256(sealed).hexdigest(), "created_at": SLOT_CREATED}
    return ed_sign(device_seed, b"nam-desktop recovery authorization v1\x00" + canonical(a))


def slot_body(sealed: bytes, auth: bytes) -> dict[str, object]:
    return {"format": "nam-recovery-slot", "version": 1, "vault_id": VAULT_ID,
            "created_at": SLOT_CREATED, "device_public_key": ed_public(DEVICE_SEED).hex(),
            "request_key": REQUEST_SEED.hex(), "authorization": auth.hex(),
            "sealed": base64.b64encode(sealed).decode()}


def request_payload(sealed: bytes, auth: bytes) -> dict[str, object]:
    return {"request_id": REQUEST_ID, "created_at": REQUEST_CREATED, "vault_id": VAULT_ID,
            "device_public_key": ed_public(DEVICE_SEED).hex(),
            "request_public_key": ed_public(REQUEST_SEED).hex(),
            "slot_created_at": SLOT_CREATED, "authorization": auth.hex(),
            "sealed": base64.b64encode(sealed).decode(),
            "response_recipient": recipient(RESPONSE_AGE_SECRET)}


def request_doc(payload: dict[str, object], seed: bytes = REQUEST_SEED) -> str:
    return signed_doc("nam-desktop-recovery-request", payload,
                      ed_sign(seed, b"nam-desktop recovery request v1\x00" + canonical(payload)))


def response_doc(payload: dict[str, object], seed: bytes = HQ_ROOT_SEED) -> str:
    return signed_doc("nam-desktop-recovery-response", payload,
                      ed_sign(seed, b"nam-desktop recovery response v1\x00"
                              + canonical(payload)))


def code_of(digest: bytes) -> str:
    text = base64.b32encode(digest[:10]).decode()
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


def vectors() -> dict[str, object]:
    hq_pub = x25519_public(HQ_AGE_SECRET)
    slot_plain = plain(b"NAMRSLOT", ed_public(DEVICE_SEED))
    sealed = age_encrypt(slot_plain, hq_pub, SLOT_AGE)
    auth = authorization(DEVICE_SEED, sealed)
    payload = request_payload(sealed, auth)
    digest = hashlib.sha256(canonical(payload)).digest()
    response_plain = plain(b"NAMRRESP", digest)
    response_sealed = age_encrypt(response_plain, x25519_public(RESPONSE_AGE_SECRET),
                                  RESPONSE_AGE)
    response_payload = {"request_id": REQUEST_ID, "request_sha256": digest.hex(),
                        "vault_id": VAULT_ID, "device_public_key": ed_public(DEVICE_SEED).hex(),
                        "hq_root_public_key": ed_public(HQ_ROOT_SEED).hex(),
                        "issued_at": ISSUED,
                        "sealed": base64.b64encode(response_sealed).decode()}
    pending = checksummed({"format": "nam-recovery-pending", "version": 1,
                           "request_id": REQUEST_ID, "request_sha256": digest.hex(),
                           "vault_id": VAULT_ID, "created_at": REQUEST_CREATED,
                           "identity": identity(RESPONSE_AGE_SECRET)})

    # Invalid documents, each with the reason a reader must give.
    other_sealed = age_encrypt(slot_plain, hq_pub, OTHER_AGE)
    swapped = dict(payload, sealed=base64.b64encode(other_sealed).decode())
    bad_slot_sig = dict(slot_body(sealed, authorization(OTHER_DEVICE_SEED, sealed)))
    good = request_doc(payload)
    sig_at = good.index('"signature": "') + len('"signature": "') + 10  # a hex digit
    flipped = good[:sig_at] + ("1" if good[sig_at] != "1" else "2") + good[sig_at + 1:]
    unpadded = dict(payload, sealed=str(payload["sealed"]).rstrip("="))
    upper = dict(payload, device_public_key=str(payload["device_public_key"]).upper())
    damaged_slot = checksummed(slot_body(sealed, auth)).replace(
        '"created_at": "2026-11-20T08:00:00Z"', '"created_at": "2026-11-20T08:00:01Z"')
    wrong_magic_sealed = age_encrypt(plain(b"NAMRSLOT", digest),
                                     x25519_public(RESPONSE_AGE_SECRET), RESPONSE_AGE)
    other_vault_plain = plain(b"NAMRSLOT", ed_public(DEVICE_SEED),
                              "11111111-2222-4333-8444-555555555555")
    other_vault_sealed = age_encrypt(other_vault_plain, hq_pub, OTHER_AGE)
    other_vault_payload = request_payload(other_vault_sealed,
                                          authorization(DEVICE_SEED, other_vault_sealed))
    return {
        "format": "recovery slot, request, response and pending request v1, "
                  "docs/recovery-format.md",
        "vault_id": VAULT_ID,
        "master_key": MASTER.hex(),
        "device_private_seed": DEVICE_SEED.hex(),
        "device_public_key": ed_public(DEVICE_SEED).hex(),
        "request_key_seed": REQUEST_SEED.hex(),
        "request_public_key": ed_public(REQUEST_SEED).hex(),
        "hq_root_seed": HQ_ROOT_SEED.hex(),
        "hq_root_public_key": ed_public(HQ_ROOT_SEED).hex(),
        "hq_identity": identity(HQ_AGE_SECRET),
        "hq_recipient": recipient(HQ_AGE_SECRET),
        "response_identity": identity(RESPONSE_AGE_SECRET),
        "response_recipient": recipient(RESPONSE_AGE_SECRET),
        "slot": {"created_at": SLOT_CREATED, "sealed_plaintext": slot_plain.hex(),
                 "sealed": base64.b64encode(sealed).decode(),
                 "authorization_message": (b"nam-desktop recovery authorization v1\x00"
                                           + canonical({
                                               "vault_id": VAULT_ID,
                                               "device_public_key":
                                                   ed_public(DEVICE_SEED).hex(),
                                               "request_public_key":
                                                   ed_public(REQUEST_SEED).hex(),
                                               "sealed_sha256":
                                                   hashlib.sha256(sealed).hexdigest(),
                                               "created_at": SLOT_CREATED})).hex(),
                 "file": checksummed(slot_body(sealed, auth))},
        "request": {"request_id": REQUEST_ID, "created_at": REQUEST_CREATED,
                    "sha256": digest.hex(), "code": code_of(digest),
                    "file": request_doc(payload)},
        "response": {"issued_at": ISSUED, "sealed_plaintext": response_plain.hex(),
                     "file": response_doc(response_payload)},
        "pending": {"file": pending},
        "invalid_slots": [
            {"name": "a field changed after the checksum", "file": damaged_slot,
             "reason": "recovery_invalid"},
            {"name": "authorization signed by another device key",
             "file": checksummed(bad_slot_sig), "reason": "bad_signature"},
        ],
        "invalid_requests": [
            {"name": "request signature altered", "file": flipped,
             "reason": "bad_signature"},
            {"name": "sealed key swapped and re-signed with the request key (the device "
                     "key's authorization covers the old one)",
             "file": request_doc(swapped), "reason": "bad_signature"},
            {"name": "signed by another key than request_public_key",
             "file": request_doc(payload, OTHER_DEVICE_SEED), "reason": "bad_signature"},
            {"name": "an unknown field", "file": request_doc(dict(payload, note="x")),
             "reason": "recovery_invalid"},
            {"name": "version 2", "file": request_doc(payload).replace(
                '"version": 1', '"version": 2'), "reason": "recovery_invalid"},
            {"name": "response recipient is not an age recipient",
             "file": request_doc(dict(payload, response_recipient="age1notakey")),
             "reason": "recovery_invalid"},
            {"name": "base64 without padding", "file": request_doc(unpadded),
             "reason": "recovery_invalid"},
            {"name": "upper-case hex key", "file": request_doc(upper),
             "reason": "recovery_invalid"},
        ],
        "hq_refused_requests": [
            {"name": "the sealed key names another vault than the request",
             "file": request_doc(other_vault_payload), "reason": "recovery_invalid"},
        ],
        "invalid_responses": [
            {"name": "signed by another root key",
             "file": response_doc(response_payload, OTHER_DEVICE_SEED),
             "reason": "bad_signature"},
            {"name": "the sealed payload is a slot, not a response",
             "file": response_doc(dict(response_payload, sealed=base64.b64encode(
                 wrong_magic_sealed).decode())), "reason": "recovery_invalid"},
        ],
    }


def main() -> None:
    path = HERE / "recovery.json"
    path.write_text(json.dumps(vectors(), indent=1, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
