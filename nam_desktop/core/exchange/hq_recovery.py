"""HQ answers a recovery request (docs/recovery-format.md, sections 4 and 5).

:func:`check_request` verifies everything without answering: the request's signatures
(the device key's authorization of the sealed key, the request key over the payload),
that the device is registered here, that the request was not answered before, and that
one of HQ's age identities (retired ones too) opens the sealed key, which must name the
same vault and device. :func:`answer_request` then seals the master key to the fresh
recipient in the request only, signs the response with HQ's root key, and records the
answer in the audit log (append-only: a request is answered once). Refusals are audited
too. The master key is never written anywhere at HQ.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from nam_desktop.core.clock import Clock, iso, utc_now
from nam_desktop.core.crypto import age_reader
from nam_desktop.core.crypto.device import fingerprint_of
from nam_desktop.core.exchange.hq_identity import Device, HqIdentity, devices, load_hq
from nam_desktop.core.vault import recovery_format as fmt
from nam_desktop.core.vault.recovery_format import (
    RecoveryError,
    RecoveryReason,
    RecoveryRequest,
)
from nam_desktop.core.vault.vault import Vault

ANSWERED = "hq.recovery_answered"
REFUSED = "hq.recovery_refused"


@dataclass(frozen=True)
class RecoveryCheck:
    request: RecoveryRequest
    device: Device

    @property
    def code(self) -> str:
        return self.request.code


@dataclass(frozen=True)
class AnsweredRecovery:
    answered_at: str
    request_id: str
    device_fingerprint: str
    vault_id: str


def answered_before(vault: Vault, request_id: str) -> str | None:
    """When HQ answered this request (ISO time), or None."""
    with vault.reading() as c:
        row = c.execute("SELECT ts FROM audit_log WHERE action = ? AND object_id = ? "
                        "ORDER BY seq LIMIT 1", (ANSWERED, request_id)).fetchone()
    return str(row[0]) if row else None


def answered(vault: Vault) -> list[AnsweredRecovery]:
    with vault.reading() as c:
        rows = c.execute("SELECT ts, object_id, details FROM audit_log WHERE action = ? "
                         "ORDER BY seq", (ANSWERED,)).fetchall()
    out = []
    for ts, request_id, details in rows:
        info = json.loads(details)
        out.append(AnsweredRecovery(str(ts), str(request_id), str(info.get("device", "")),
                                    str(info.get("vault_id", ""))))
    return out


def _verify(vault: Vault, hq: HqIdentity, data: bytes
            ) -> tuple[RecoveryRequest, Device, bytes]:
    request = fmt.parse_request(data)
    fingerprint = fingerprint_of(request.device_public_key)
    device = next((d for d in devices(vault) if d.fingerprint == fingerprint), None)
    if device is None or (device.public_key is not None
                          and device.public_key != request.device_public_key):
        raise RecoveryError(RecoveryReason.UNKNOWN_DEVICE,
                            f"device {fingerprint} is not registered at this HQ")
    when = answered_before(vault, request.request_id)
    if when is not None:
        raise RecoveryError(RecoveryReason.REPLAYED, f"this request was answered at {when}")
    identities = [age_reader.parse_identity(i) for i in hq.identities]
    vault_id, device_key, master = fmt.open_slot(request.sealed, identities)
    if vault_id != request.vault_id or device_key != request.device_public_key:
        raise RecoveryError(RecoveryReason.INVALID,
                            "the sealed key names another vault or device")
    return request, device, master


def _refused(vault: Vault, data: bytes, exc: RecoveryError) -> None:
    try:
        request_id = fmt.parse_request(data).request_id
    except RecoveryError:
        request_id = ""
    with vault.transaction():
        vault.audit.append(REFUSED, request_id, reason=exc.reason.value)


def check_request(vault: Vault, data: bytes) -> RecoveryCheck:
    """Everything HQ checks, without answering (the analyst reads the result, then
    confirms with the interviewer through another channel). Refusals are audited."""
    hq = load_hq(vault)
    try:
        request, device, _master = _verify(vault, hq, data)
    except RecoveryError as exc:
        _refused(vault, data, exc)
        raise
    return RecoveryCheck(request, device)


def answer_request(vault: Vault, data: bytes, *, confirmed: bool,
                   clock: Clock = utc_now) -> bytes:
    """The response to ``data``: only after the analyst ``confirmed`` with the
    interviewer, through another channel than the one that brought the request, that
    the interviewer made it (and is free to). The answer is recorded before the response
    is returned: a request is answered once, even if writing the response fails."""
    hq = load_hq(vault)
    if not confirmed:
        raise RecoveryError(RecoveryReason.NOT_CONFIRMED,
                            "confirm with the interviewer that they made this request")
    try:
        request, device, master = _verify(vault, hq, data)
    except RecoveryError as exc:
        _refused(vault, data, exc)
        raise
    issued_at = iso(clock())
    sealed = fmt.seal_response(request.vault_id, request.sha256, master,
                               request.response_recipient)
    response = fmt.make_response(request, hq.root.public_key, issued_at, sealed,
                                 hq.root.sign)
    with vault.transaction():
        if answered_before(vault, request.request_id) is not None:  # a second window
            raise RecoveryError(RecoveryReason.REPLAYED, "answered meanwhile")
        vault.audit.append(ANSWERED, request.request_id, device=device.fingerprint,
                           vault_id=request.vault_id, request_sha256=request.sha256,
                           request_created_at=request.created_at)
    return response
