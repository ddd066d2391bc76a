"""The formats of a recovery through HQ (normative text: docs/recovery-format.md).

Four small JSON documents and two sealed payloads, as pure functions on bytes (no files,
no database):

* the **recovery slot** (``nam-recovery-slot`` v1, ``recovery.json`` in the vault folder,
  in clear): the master key sealed with age to HQ's recipients, the device key's
  *authorization* of that sealed key, and the request key that signs requests;
* the **request** (``nam-desktop-recovery-request`` v1) the device gives HQ: the slot's
  public parts plus a fresh age recipient, signed with the request key;
* the **response** (``nam-desktop-recovery-response`` v1) HQ gives back: the master key
  sealed to that fresh recipient only, signed with HQ's root key;
* the **pending request** (``nam-recovery-pending`` v1, device-local): the fresh age
  identity, kept until the response is used.

Every parser takes untrusted bytes and raises :class:`RecoveryError` (with a
:class:`RecoveryReason`) for anything but the documented shape.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import struct
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from nam_desktop.core.crypto import age_reader
from nam_desktop.core.crypto.age_writer import AgeWriter, RecipientError, parse_recipient
from nam_desktop.core.crypto.device import verify_signature
from nam_desktop.core.errors import NamError, Status

VERSION = 1
SLOT_FORMAT = "nam-recovery-slot"
REQUEST_FORMAT = "nam-desktop-recovery-request"
RESPONSE_FORMAT = "nam-desktop-recovery-response"
PENDING_FORMAT = "nam-recovery-pending"
AUTHORIZATION_CONTEXT = b"nam-desktop recovery authorization v1\x00"
REQUEST_CONTEXT = b"nam-desktop recovery request v1\x00"
RESPONSE_CONTEXT = b"nam-desktop recovery response v1\x00"
SLOT_MAGIC = b"NAMRSLOT"
RESPONSE_MAGIC = b"NAMRRESP"
SEALED_PLAIN_LEN = 8 + 2 + 16 + 32 + 32  # magic, version, vault id, key/digest, master key
MAX_SEALED = 8 * 1024  # an age file of 90 bytes to at most 16 recipients is ~2.5 KiB
MAX_DOC = 64 * 1024
MASTER_KEY_LEN = 32


class RecoveryReason(Enum):
    INVALID = "recovery_invalid"  # not the documented shape, damaged, bad checksum
    NO_KEYCARD = "no_keycard"  # no HQ key card in the vault: nobody to wrap to
    NO_RECOVERY_SLOT = "no_recovery_slot"
    SLOT_OUTDATED = "recovery_slot_outdated"  # wrapped for an older key card
    BAD_SIGNATURE = "bad_signature"  # request, authorization or response does not verify
    UNKNOWN_DEVICE = "unknown_device"  # HQ: the device is not registered
    NOT_FOR_THIS_HQ = "not_for_this_hq"  # HQ's identities do not open the sealed key
    REPLAYED = "replayed"  # HQ: this request was answered before
    NOT_FOR_THIS_REQUEST = "not_for_this_request"  # a response for another request/device
    NO_PENDING_REQUEST = "no_pending_request"  # restore-access without a request made here
    NOT_CONFIRMED = "not_confirmed"  # HQ did not confirm with the interviewer


_STATUS = {
    RecoveryReason.INVALID: Status.REJECTED,  # a check failed: exit 1, like bundles
    RecoveryReason.NO_KEYCARD: Status.NOT_READY,
    RecoveryReason.NO_RECOVERY_SLOT: Status.NOT_READY,
    RecoveryReason.SLOT_OUTDATED: Status.NOT_READY,
    RecoveryReason.BAD_SIGNATURE: Status.REJECTED,
    RecoveryReason.UNKNOWN_DEVICE: Status.PERMISSION_DENIED,
    RecoveryReason.NOT_FOR_THIS_HQ: Status.PERMISSION_DENIED,
    RecoveryReason.REPLAYED: Status.PERMISSION_DENIED,
    RecoveryReason.NOT_FOR_THIS_REQUEST: Status.PERMISSION_DENIED,
    RecoveryReason.NO_PENDING_REQUEST: Status.NOT_READY,
    RecoveryReason.NOT_CONFIRMED: Status.NOT_READY,
}


class RecoveryError(NamError):
    """A recovery step refused; nothing was changed. ``reason`` says why (front ends
    choose the words); ``detail`` is a short technical note."""

    def __init__(self, reason: RecoveryReason, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value,
                         status=_STATUS[reason])
        self.reason = reason


_R = RecoveryReason.INVALID


def canonical(payload: dict[str, Any]) -> bytes:
    """Keys sorted, separators ``,`` and ``:``, every non-ASCII character escaped (the
    canonical JSON of key cards and receipts, docs/bundle-format.md section 5)."""
    return json.dumps(payload, sort_keys=True, ensure_ascii=True,
                      separators=(",", ":")).encode("ascii")


def public_key_of(private_seed: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_seed).public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)


def request_code(request_sha256: str) -> str:
    """What the interviewer reads to HQ over the phone: the first 10 bytes of the
    request digest in base32, four groups of four (``ABCD-EFGH-IJKL-MNOP``)."""
    text = base64.b32encode(bytes.fromhex(request_sha256)[:10]).decode()
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


# ---- field checks -----------------------------------------------------------------------
def _loads(data: bytes, what: str) -> dict[str, Any]:
    if len(data) > MAX_DOC:
        raise RecoveryError(_R, f"{what} too large")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise RecoveryError(_R, f"{what} is not JSON") from exc
    if not isinstance(doc, dict):
        raise RecoveryError(_R, f"{what} is not a JSON object")
    return doc


def _str(doc: dict[str, Any], name: str, *, limit: int = 200) -> str:
    value = doc.get(name)
    if not isinstance(value, str) or not value or len(value) > limit:
        raise RecoveryError(_R, f"{name} missing or not a short text")
    return value


def _hex(doc: dict[str, Any], name: str, size: int) -> bytes:
    text = _str(doc, name, limit=2 * size)
    try:
        raw = bytes.fromhex(text)
    except ValueError as exc:
        raise RecoveryError(_R, f"{name} is not hex") from exc
    if len(raw) != size or text != raw.hex():
        raise RecoveryError(_R, f"{name} is not {size} bytes of lowercase hex")
    return raw


def _b64(doc: dict[str, Any], name: str) -> bytes:
    text = _str(doc, name, limit=MAX_SEALED * 2)
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise RecoveryError(_R, f"{name} is not base64") from exc
    if base64.b64encode(raw).decode() != text or len(raw) > MAX_SEALED:
        raise RecoveryError(_R, f"{name} is not canonical base64 or too large")
    return raw


def _uuid(doc: dict[str, Any], name: str) -> str:
    text = _str(doc, name, limit=36)
    try:
        if str(uuid.UUID(text)) != text:
            raise ValueError(text)
    except ValueError as exc:
        raise RecoveryError(_R, f"{name} is not a lowercase UUID") from exc
    return text


def _exact(doc: dict[str, Any], keys: set[str], what: str) -> None:
    if set(doc) != keys:
        raise RecoveryError(_R, f"{what}: unexpected or missing fields")


def _envelope(data: bytes, fmt: str) -> tuple[dict[str, Any], bytes]:
    doc = _loads(data, fmt)
    _exact(doc, {"format", "version", "payload", "signature"}, fmt)
    if doc["format"] != fmt or doc["version"] != VERSION or type(doc["version"]) is not int:
        raise RecoveryError(_R, f"not a {fmt} v{VERSION} document")
    if not isinstance(doc["payload"], dict):
        raise RecoveryError(_R, "payload is not an object")
    return doc["payload"], _hex(doc, "signature", 64)


def _signed(fmt: str, payload: dict[str, Any], signature: bytes) -> bytes:
    doc = {"format": fmt, "version": VERSION, "payload": payload, "signature": signature.hex()}
    return (json.dumps(doc, sort_keys=True, ensure_ascii=True, indent=1) + "\n").encode("ascii")


def _with_checksum(body: dict[str, Any]) -> bytes:
    body = dict(body, checksum=hashlib.sha256(canonical(body)).hexdigest())
    return (json.dumps(body, sort_keys=True, ensure_ascii=True, indent=1) + "\n").encode("ascii")


def _checked(data: bytes, fmt: str, keys: set[str]) -> dict[str, Any]:
    body = _loads(data, fmt)
    checksum = body.pop("checksum", None)
    if not isinstance(checksum, str) or checksum != hashlib.sha256(canonical(body)).hexdigest():
        raise RecoveryError(_R, f"{fmt}: checksum mismatch (damaged file)")
    if body.get("format") != fmt or body.get("version") != VERSION \
            or type(body.get("version")) is not int:
        raise RecoveryError(_R, f"not a {fmt} v{VERSION} file")
    _exact(body, keys | {"format", "version"}, fmt)
    return body


# ---- sealed payloads (age) ---------------------------------------------------------------
def _plain(magic: bytes, vault_id: str, middle: bytes, master: bytes) -> bytes:
    if len(master) != MASTER_KEY_LEN or len(middle) != 32:
        raise ValueError("keys are 32 bytes")
    return magic + struct.pack(">H", VERSION) + uuid.UUID(vault_id).bytes + middle + master


def seal(plaintext: bytes, recipients: list[str] | tuple[str, ...]) -> bytes:
    """An age v1 file of ``plaintext`` to the X25519 ``recipients``."""
    out = io.BytesIO()
    writer = AgeWriter(out, recipients)
    writer.write(plaintext)
    writer.finish()
    return out.getvalue()


def _unseal(sealed: bytes, identities: list[bytes], magic: bytes
            ) -> tuple[str, bytes, bytes]:
    out = io.BytesIO()
    try:
        age_reader.decrypt(io.BytesIO(sealed), out, identities)
    except age_reader.AgeError as exc:
        if exc.kind == "no_identity":
            raise RecoveryError(RecoveryReason.NOT_FOR_THIS_HQ if magic == SLOT_MAGIC
                                else RecoveryReason.NOT_FOR_THIS_REQUEST, exc.kind) from exc
        raise RecoveryError(_R, f"sealed key: {exc.kind}") from exc
    plain = out.getvalue()
    if len(plain) != SEALED_PLAIN_LEN or plain[:8] != magic \
            or struct.unpack(">H", plain[8:10])[0] != VERSION:
        raise RecoveryError(_R, "the sealed key is not a NAM recovery key of version 1")
    return str(uuid.UUID(bytes=plain[10:26])), plain[26:58], plain[58:90]


def seal_slot(vault_id: str, device_public_key: bytes, master: bytes,
              recipients: list[str] | tuple[str, ...]) -> bytes:
    return seal(_plain(SLOT_MAGIC, vault_id, device_public_key, master), recipients)


def open_slot(sealed: bytes, identities: list[bytes]) -> tuple[str, bytes, bytes]:
    """HQ: (vault id, device public key, master key) from a sealed slot."""
    return _unseal(sealed, identities, SLOT_MAGIC)


def seal_response(vault_id: str, request_sha256: str, master: bytes, recipient: str) -> bytes:
    return seal(_plain(RESPONSE_MAGIC, vault_id, bytes.fromhex(request_sha256), master),
                [recipient])


def open_response(sealed: bytes, identity: bytes) -> tuple[str, bytes, bytes]:
    """Device: (vault id, request digest, master key) from a sealed response."""
    return _unseal(sealed, [identity], RESPONSE_MAGIC)


# ---- the recovery slot -------------------------------------------------------------------
def authorization_payload(vault_id: str, device_public_key: bytes, request_public_key: bytes,
                          sealed: bytes, created_at: str) -> dict[str, Any]:
    return {"vault_id": vault_id, "device_public_key": device_public_key.hex(),
            "request_public_key": request_public_key.hex(),
            "sealed_sha256": hashlib.sha256(sealed).hexdigest(), "created_at": created_at}


def _check_authorization(vault_id: str, device: bytes, request_public: bytes, sealed: bytes,
                         created_at: str, signature: bytes) -> None:
    message = AUTHORIZATION_CONTEXT + canonical(authorization_payload(
        vault_id, device, request_public, sealed, created_at))
    if not verify_signature(device, signature, message):
        raise RecoveryError(RecoveryReason.BAD_SIGNATURE,
                            "the device key did not authorize this recovery slot")


@dataclass(frozen=True)
class RecoverySlot:
    vault_id: str
    created_at: str
    device_public_key: bytes
    request_key: bytes  # Ed25519 private seed, in clear by design (docs/recovery-format.md)
    authorization: bytes  # the device key's signature
    sealed: bytes  # age file: the master key to HQ's recipients

    @property
    def request_public_key(self) -> bytes:
        return public_key_of(self.request_key)

    @property
    def sealed_sha256(self) -> str:
        return hashlib.sha256(self.sealed).hexdigest()

    def to_bytes(self) -> bytes:
        return _with_checksum({
            "format": SLOT_FORMAT, "version": VERSION, "vault_id": self.vault_id,
            "created_at": self.created_at, "device_public_key": self.device_public_key.hex(),
            "request_key": self.request_key.hex(), "authorization": self.authorization.hex(),
            "sealed": base64.b64encode(self.sealed).decode()})

    @classmethod
    def parse(cls, data: bytes) -> RecoverySlot:
        """Untrusted bytes -> a slot whose authorization verifies, else RecoveryError."""
        body = _checked(data, SLOT_FORMAT, {"vault_id", "created_at", "device_public_key",
                                            "request_key", "authorization", "sealed"})
        slot = cls(_uuid(body, "vault_id"), _str(body, "created_at"),
                   _hex(body, "device_public_key", 32), _hex(body, "request_key", 32),
                   _hex(body, "authorization", 64), _b64(body, "sealed"))
        _check_authorization(slot.vault_id, slot.device_public_key, slot.request_public_key,
                             slot.sealed, slot.created_at, slot.authorization)
        return slot


# ---- request -----------------------------------------------------------------------------
REQUEST_KEYS = {"request_id", "created_at", "vault_id", "device_public_key",
                "request_public_key", "slot_created_at", "authorization", "sealed",
                "response_recipient"}


@dataclass(frozen=True)
class RecoveryRequest:
    request_id: str
    created_at: str
    vault_id: str
    device_public_key: bytes
    request_public_key: bytes
    slot_created_at: str
    authorization: bytes
    sealed: bytes
    response_recipient: str
    sha256: str  # of the canonical payload: what the response names
    raw: bytes

    @property
    def code(self) -> str:
        return request_code(self.sha256)


def make_request(slot: RecoverySlot, request_id: str, created_at: str,
                 response_recipient: str) -> tuple[bytes, str]:
    """The signed request document and its digest."""
    payload: dict[str, Any] = {
        "request_id": request_id, "created_at": created_at, "vault_id": slot.vault_id,
        "device_public_key": slot.device_public_key.hex(),
        "request_public_key": slot.request_public_key.hex(),
        "slot_created_at": slot.created_at, "authorization": slot.authorization.hex(),
        "sealed": base64.b64encode(slot.sealed).decode(),
        "response_recipient": response_recipient}
    body = canonical(payload)
    signature = Ed25519PrivateKey.from_private_bytes(slot.request_key).sign(
        REQUEST_CONTEXT + body)
    return _signed(REQUEST_FORMAT, payload, signature), hashlib.sha256(body).hexdigest()


def parse_request(data: bytes) -> RecoveryRequest:
    """Untrusted bytes -> a request whose two signatures verify: the device key's
    authorization of the sealed key, and the request key's signature over the payload.
    Whether the device is registered is the HQ's check (core/exchange/hq_recovery.py)."""
    payload, signature = _envelope(data, REQUEST_FORMAT)
    _exact(payload, REQUEST_KEYS, "request")
    recipient = _str(payload, "response_recipient", limit=90)
    try:
        parse_recipient(recipient)
    except RecipientError as exc:
        raise RecoveryError(_R, "response_recipient is not an age X25519 recipient") from exc
    req = RecoveryRequest(
        _uuid(payload, "request_id"), _str(payload, "created_at"), _uuid(payload, "vault_id"),
        _hex(payload, "device_public_key", 32), _hex(payload, "request_public_key", 32),
        _str(payload, "slot_created_at"), _hex(payload, "authorization", 64),
        _b64(payload, "sealed"), recipient, hashlib.sha256(canonical(payload)).hexdigest(),
        data)
    _check_authorization(req.vault_id, req.device_public_key, req.request_public_key,
                         req.sealed, req.slot_created_at, req.authorization)
    if not verify_signature(req.request_public_key, signature,
                            REQUEST_CONTEXT + canonical(payload)):
        raise RecoveryError(RecoveryReason.BAD_SIGNATURE, "the request signature is wrong")
    return req


# ---- response ----------------------------------------------------------------------------
RESPONSE_KEYS = {"request_id", "request_sha256", "vault_id", "device_public_key",
                 "hq_root_public_key", "issued_at", "sealed"}


@dataclass(frozen=True)
class RecoveryResponse:
    request_id: str
    request_sha256: str
    vault_id: str
    device_public_key: bytes
    hq_root_public_key: bytes
    issued_at: str
    sealed: bytes
    signature: bytes
    payload: dict[str, Any]

    def signed_by(self, root_public_key: bytes) -> bool:
        return self.hq_root_public_key == root_public_key and verify_signature(
            root_public_key, self.signature, RESPONSE_CONTEXT + canonical(self.payload))


def make_response(request: RecoveryRequest, hq_root_public_key: bytes, issued_at: str,
                  sealed: bytes, sign: Callable[[bytes], bytes]) -> bytes:
    payload: dict[str, Any] = {
        "request_id": request.request_id, "request_sha256": request.sha256,
        "vault_id": request.vault_id, "device_public_key": request.device_public_key.hex(),
        "hq_root_public_key": hq_root_public_key.hex(), "issued_at": issued_at,
        "sealed": base64.b64encode(sealed).decode()}
    return _signed(RESPONSE_FORMAT, payload, sign(RESPONSE_CONTEXT + canonical(payload)))


def parse_response(data: bytes) -> RecoveryResponse:
    """Untrusted bytes -> a response of the documented shape. Its signature is checked
    against the HQ root pinned in the vault once the vault is open (the pin is inside
    the encrypted database)."""
    payload, signature = _envelope(data, RESPONSE_FORMAT)
    _exact(payload, RESPONSE_KEYS, "response")
    digest = _hex(payload, "request_sha256", 32).hex()
    return RecoveryResponse(
        _uuid(payload, "request_id"), digest, _uuid(payload, "vault_id"),
        _hex(payload, "device_public_key", 32), _hex(payload, "hq_root_public_key", 32),
        _str(payload, "issued_at"), _b64(payload, "sealed"), signature, payload)


# ---- pending request (device-local) ------------------------------------------------------
@dataclass(frozen=True)
class PendingRequest:
    request_id: str
    request_sha256: str
    vault_id: str
    created_at: str
    identity: str  # AGE-SECRET-KEY-1...: opens the response, nothing else

    def to_bytes(self) -> bytes:
        return _with_checksum({
            "format": PENDING_FORMAT, "version": VERSION, "request_id": self.request_id,
            "request_sha256": self.request_sha256, "vault_id": self.vault_id,
            "created_at": self.created_at, "identity": self.identity})

    @classmethod
    def parse(cls, data: bytes) -> PendingRequest:
        body = _checked(data, PENDING_FORMAT, {"request_id", "request_sha256", "vault_id",
                                               "created_at", "identity"})
        identity = _str(body, "identity", limit=90)
        try:
            age_reader.parse_identity(identity)
        except age_reader.AgeError as exc:
            raise RecoveryError(_R, "identity is not an age X25519 identity") from exc
        return cls(_uuid(body, "request_id"), _hex(body, "request_sha256", 32).hex(),
                   _uuid(body, "vault_id"), _str(body, "created_at"), identity)
