"""The device's PDF-signing key in the vault (table ``pdf_signing_key``, migration 0008)
and the certificates HQ issued for it.

A vault made by this version gets the key with the vault (:func:`create`, called by
``Vault.create``). A vault made before has none: :func:`ensure` creates it at the first
need (a summary, an export), in one transaction with the audit entry
``device.pdf_key_created`` (``reason=first_need``), so the moment is on record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nam_desktop.core.clock import Clock, iso, utc_now
from nam_desktop.core.errors import DatabaseDamagedError
from nam_desktop.core.pades import certs
from nam_desktop.core.pades.keys import PdfKeyError, PdfSigningKey

if TYPE_CHECKING:
    from nam_desktop.core.vault.vault import Vault

AUDIT_CREATED = "device.pdf_key_created"
AUDIT_CERTIFIED = "device.pdf_certificate_installed"
AUDIT_CA = "device.hq_ca_installed"


@dataclass(frozen=True)
class DevicePdfKey:
    key: PdfSigningKey
    created_at: str
    certificate: bytes | None  # issued by HQ's CA (DER), None until a key card brings it
    ca_certificate: bytes | None  # HQ's CA (DER), from the key card
    certified_at: str = ""

    @property
    def certified(self) -> bool:
        return self.certificate is not None and self.ca_certificate is not None


def create(vault: Vault, *, reason: str = "vault_created", clock: Clock = utc_now) -> \
        DevicePdfKey:
    """Make the key (inside the caller's transaction when there is one)."""
    key = PdfSigningKey.generate()
    now = iso(clock())
    with vault.transaction() as c:
        c.execute("INSERT INTO pdf_signing_key (id, private_key, public_key, created_at) "
                  "VALUES (1, ?, ?, ?)", (key.pkcs8, key.point, now))
        vault.audit.append(AUDIT_CREATED, key.key_id, reason=reason)
    return DevicePdfKey(key, now, None, None)


def load(vault: Vault) -> DevicePdfKey | None:
    with vault.reading() as c:
        row = c.execute("SELECT private_key, created_at, certificate, ca_certificate, "
                        "certified_at FROM pdf_signing_key WHERE id = 1").fetchone()
    if row is None:
        return None
    try:
        key = PdfSigningKey(bytes(row[0]))
    except PdfKeyError as exc:
        raise DatabaseDamagedError("the PDF-signing key is damaged") from exc
    return DevicePdfKey(key, str(row[1]), bytes(row[2]) if row[2] is not None else None,
                        bytes(row[3]) if row[3] is not None else None, str(row[4]))


def ensure(vault: Vault, *, clock: Clock = utc_now) -> DevicePdfKey:
    """The device's PDF key, created now (and audited) if this vault predates it."""
    with vault.transaction():
        found = load(vault)
        return found if found is not None else create(vault, reason="first_need",
                                                      clock=clock)


def install_ca(vault: Vault, ca_der: bytes, *, clock: Clock = utc_now) -> bool:
    """Keep HQ's CA certificate (already checked by the caller). True when it changed."""
    with vault.transaction() as c:
        current = ensure(vault, clock=clock)
        if current.ca_certificate == ca_der:
            return False
        # A new CA voids a certificate issued by the old one.
        c.execute("UPDATE pdf_signing_key SET ca_certificate = ?, certificate = NULL, "
                  "certified_at = '' WHERE id = 1", (ca_der,))
        vault.audit.append(AUDIT_CA, current.key.key_id,
                           ca_sha256=_sha256(ca_der))
    return True


def install_certificate(vault: Vault, ca_der: bytes, cert_der: bytes, *,
                        clock: Clock = utc_now) -> bool:
    """Keep the device certificate HQ issued (checked here against the key and ``ca_der``).
    True when it changed. Raises :class:`certs.CertificateError`."""
    now = clock()
    with vault.transaction() as c:
        current = ensure(vault, clock=clock)
        ca = certs.check_ca(ca_der, now)
        certs.check_device(cert_der, ca, current.key.point, vault.device.fingerprint, now)
        if current.certificate == cert_der and current.ca_certificate == ca_der:
            return False
        c.execute("UPDATE pdf_signing_key SET certificate = ?, ca_certificate = ?, "
                  "certified_at = ? WHERE id = 1", (cert_der, ca_der, iso(now)))
        vault.audit.append(AUDIT_CERTIFIED, current.key.key_id,
                           certificate_sha256=_sha256(cert_der), ca_sha256=_sha256(ca_der))
    return True


@dataclass(frozen=True)
class SigningIdentity:
    """What a summary is signed with: the key, its certificate and the chain to HQ's CA
    (empty for a self-signed certificate)."""

    key: PdfSigningKey
    certificate: bytes
    chain: tuple[bytes, ...]
    certified: bool


def signing_identity(vault: Vault, now: dt.datetime, *, clock: Clock = utc_now) -> \
        SigningIdentity:
    """HQ's certificate when it is in force at ``now``, else a self-signed one."""
    pdf = ensure(vault, clock=clock)
    if pdf.certificate is not None and pdf.ca_certificate is not None:
        try:
            ca = certs.check_ca(pdf.ca_certificate, now)
            certs.check_device(pdf.certificate, ca, pdf.key.point, vault.device.fingerprint,
                               now)
        except certs.CertificateError:
            pass  # expired (or the device key changed): sign, but say "not certified"
        else:
            return SigningIdentity(pdf.key, pdf.certificate, (pdf.ca_certificate,), True)
    fingerprint = vault.device.fingerprint
    return SigningIdentity(pdf.key, certs.self_signed(pdf.key, fingerprint, now), (), False)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
