"""The key card's ``pdf_signing`` section (key card version 3): HQ's CA certificate and,
on a card made for one device, that device's PDF-signing certificate
(docs/bundle-format.md, section 6.2).

Kept apart from :mod:`.keycard` (which calls :func:`make_section`, :func:`parse_section`,
:func:`check_for_vault` and :func:`install`) so other additions to the card stay in
their own fields. The card is signed by HQ's root key, which the interviewer pinned after
comparing its fingerprint: the certificates are as trustworthy as the card.

    "pdf_signing": {"ca_certificate": <base64 DER>,
                    "device": {"fingerprint": <device fingerprint>,
                               "certificate": <base64 DER>}}      (optional)
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from nam_desktop.core.clock import Clock, utc_now
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.exchange import hq_ca
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.signed_doc import FINGERPRINT
from nam_desktop.core.pades import certs, device_store
from nam_desktop.core.vault.vault import Vault

FIELD = "pdf_signing"
MAX_CERT = 4096  # bytes of DER
_R = Reason.KEYCARD_INVALID


@dataclass(frozen=True)
class PdfSigningSection:
    ca_certificate: bytes  # DER
    device_fingerprint: str = ""  # "" on a card for every device
    device_certificate: bytes | None = None  # DER


def _b64(der: bytes) -> str:
    return base64.b64encode(der).decode("ascii")


def make_section(vault: Vault, device: str | None, *, clock: Clock = utc_now) -> \
        dict[str, Any]:
    """HQ: the section for a new card: HQ's CA and, with ``device``, its certificate."""
    ca = hq_ca.ensure_ca(vault, clock=clock)
    section: dict[str, Any] = {"ca_certificate": _b64(ca.certificate)}
    if device is not None:
        fingerprint = device.strip().upper()
        if hq_ca.device_certificate(vault, fingerprint) is None:
            raise ValidationError("device", f"{fingerprint} is not registered")
        cert = hq_ca.certify_device(vault, fingerprint, clock=clock)
        if cert is None:
            raise ValidationError("device", f"{fingerprint} has no PDF-signing certificate "
                                  "yet: HQ learns its PDF key from its next bundle")
        section["device"] = {"fingerprint": fingerprint, "certificate": _b64(cert)}
    return section


def _der(value: object, name: str) -> bytes:
    if not isinstance(value, str):
        raise ExchangeError(_R, f"{name} is not base64 text")
    try:
        der = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ExchangeError(_R, f"{name} is not base64") from exc
    if len(der) > MAX_CERT:
        raise ExchangeError(_R, f"{name} is too large")
    return der


def parse_section(value: object, *, clock: Clock = utc_now) -> PdfSigningSection:
    """Check the section's form, that the CA is a CA and that the device certificate was
    issued by it for signing (the card's signature was checked before)."""
    if not isinstance(value, dict) or not {"ca_certificate"} <= set(value) <= \
            {"ca_certificate", "device"}:
        raise ExchangeError(_R, f"{FIELD}: unexpected or missing fields")
    ca_der = _der(value["ca_certificate"], f"{FIELD}.ca_certificate")
    now = clock()
    try:
        ca = certs.check_ca(ca_der, now)
    except certs.CertificateError as exc:
        raise ExchangeError(_R, f"{FIELD}.ca_certificate: {exc}") from exc
    if "device" not in value:
        return PdfSigningSection(ca_der)
    dev = value["device"]
    if not isinstance(dev, dict) or set(dev) != {"fingerprint", "certificate"} or \
            not isinstance(dev["fingerprint"], str) or \
            not FINGERPRINT.fullmatch(dev["fingerprint"]):
        raise ExchangeError(_R, f"{FIELD}.device: a fingerprint and a certificate are needed")
    cert_der = _der(dev["certificate"], f"{FIELD}.device.certificate")
    try:
        cert = certs.load(cert_der)
        certs.check_device(cert_der, ca, certs.public_point(cert), dev["fingerprint"], now)
    except certs.CertificateError as exc:
        raise ExchangeError(_R, f"{FIELD}.device.certificate: {exc}") from exc
    return PdfSigningSection(ca_der, dev["fingerprint"], cert_der)


def check_for_vault(vault: Vault, section: PdfSigningSection) -> None:
    """Interviewer: a card made for another device, or a certificate for another PDF key,
    is refused before anything changes."""
    if not section.device_fingerprint:
        return
    mine = vault.device.fingerprint
    if section.device_fingerprint != mine:
        raise ExchangeError(_R, f"this card was made for device {section.device_fingerprint}, "
                            f"not this one ({mine}): ask HQ for the card made for this device")
    pdf = device_store.load(vault)
    if pdf is None or section.device_certificate is None or \
            certs.public_point(certs.load(section.device_certificate)) != pdf.key.point:
        raise ExchangeError(_R, "the card's PDF-signing certificate is for another key of "
                            "this device (made before a reinstall?): ask HQ for a new card "
                            "after the next bundle")


def install(vault: Vault, section: PdfSigningSection, *, clock: Clock = utc_now) -> bool:
    """Interviewer: keep HQ's CA certificate and this device's certificate (audited).
    True when something changed."""
    check_for_vault(vault, section)
    if section.device_certificate is not None:
        try:
            return device_store.install_certificate(vault, section.ca_certificate,
                                                    section.device_certificate, clock=clock)
        except certs.CertificateError as exc:
            raise ExchangeError(_R, f"{FIELD}: {exc}") from exc
    return device_store.install_ca(vault, section.ca_certificate, clock=clock)
