"""HQ's offline certificate authority for interviewers' PDF-signing keys (table
``hq_ca``, migration 0008), kept in the HQ vault beside the root key.

HQ learns a device's P-256 PDF key from the device's bundles (header version 4, signed
with the device's Ed25519 key that HQ registered by fingerprint: docs/bundle-format.md)
and issues its certificate when the device is registered and its key known
(:func:`certify_device`, called by registration and by import). The next key card made
for that device (``hq keycard --device``) carries the certificate and HQ's CA
certificate to the interviewer. HQ vaults made before issue 17 get their CA at the first
need, audited ``hq.ca_created``.
"""

from __future__ import annotations

from dataclasses import dataclass

from nam_desktop.core.clock import Clock, iso, utc_now
from nam_desktop.core.errors import DatabaseDamagedError
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.pades import certs
from nam_desktop.core.pades.keys import PdfKeyError, PdfSigningKey, key_id, public_from_point
from nam_desktop.core.vault.vault import Vault


@dataclass(frozen=True)
class HqCa:
    key: PdfSigningKey
    certificate: bytes  # DER

    @property
    def pem(self) -> bytes:
        return certs.pem(self.certificate)


def _require_hq(vault: Vault) -> None:
    if vault.role != "hq":
        raise ExchangeError(Reason.WRONG_ROLE, f"this needs an hq vault, not {vault.role}")


def load_ca(vault: Vault) -> HqCa | None:
    with vault.reading() as c:
        row = c.execute("SELECT private_key, certificate FROM hq_ca WHERE id = 1").fetchone()
    if row is None:
        return None
    try:
        return HqCa(PdfSigningKey(bytes(row[0])), bytes(row[1]))
    except PdfKeyError as exc:
        raise DatabaseDamagedError("HQ's CA key is damaged") from exc


def create_ca(vault: Vault, root_fingerprint: str, *, reason: str = "hq_init",
              clock: Clock = utc_now) -> HqCa:
    """Make HQ's CA (inside the caller's transaction when there is one)."""
    _require_hq(vault)
    key = PdfSigningKey.generate()
    der = certs.make_ca(key, root_fingerprint, clock())
    with vault.transaction() as c:
        c.execute("INSERT INTO hq_ca (id, private_key, certificate, created_at) "
                  "VALUES (1, ?, ?, ?)", (key.pkcs8, der, iso(clock())))
        vault.audit.append("hq.ca_created", key.key_id, reason=reason)
    return HqCa(key, der)


def ensure_ca(vault: Vault, *, clock: Clock = utc_now) -> HqCa:
    """HQ's CA, created now (audited) in an HQ vault made before issue 17."""
    from nam_desktop.core.exchange.hq_identity import load_hq  # hq_identity calls create_ca

    with vault.transaction():
        found = load_ca(vault)
        if found is not None:
            return found
        return create_ca(vault, load_hq(vault).root_fingerprint, reason="first_need",
                         clock=clock)


@dataclass(frozen=True)
class DeviceCertificate:
    fingerprint: str
    name: str
    certificate: bytes | None  # DER; None while HQ has not seen the device's PDF key
    pdf_public_key: bytes | None
    certified_at: str


def device_certificate(vault: Vault, fingerprint: str) -> DeviceCertificate | None:
    with vault.reading() as c:
        row = c.execute("SELECT name, pdf_certificate, pdf_public_key, pdf_certified_at "
                        "FROM hq_devices WHERE fingerprint = ?", (fingerprint,)).fetchone()
    if row is None:
        return None
    return DeviceCertificate(fingerprint, str(row[0]),
                             bytes(row[1]) if row[1] is not None else None,
                             bytes(row[2]) if row[2] is not None else None, str(row[3]))


def certify_device(vault: Vault, fingerprint: str, *, clock: Clock = utc_now) -> bytes | None:
    """Issue (or re-issue, after a change of name or key) the device's certificate when
    HQ knows its PDF key. Returns the certificate (DER), or None when the key is not
    known yet (the device's next bundle brings it)."""
    with vault.transaction() as c:
        dev = device_certificate(vault, fingerprint)
        if dev is None or dev.pdf_public_key is None:
            return None
        ca = ensure_ca(vault, clock=clock)
        if dev.certificate is not None:
            current = certs.load(dev.certificate)
            if certs.subject_of(current).common_name == certs.short_name(dev.name) and \
                    certs.public_point(current) == dev.pdf_public_key and \
                    current.issuer == certs.load(ca.certificate).subject and \
                    current.not_valid_after_utc > clock():
                return dev.certificate
        der = certs.issue_device(ca.key, ca.certificate, public_from_point(dev.pdf_public_key),
                                 fingerprint, dev.name, clock())
        c.execute("UPDATE hq_devices SET pdf_certificate = ?, pdf_certified_at = ? "
                  "WHERE fingerprint = ?", (der, iso(clock()), fingerprint))
        vault.audit.append("hq.device_certified", fingerprint,
                           pdf_key=key_id(dev.pdf_public_key),
                           serial=format(certs.load(der).serial_number, "x"))
    return der


def learn_pdf_key(vault: Vault, fingerprint: str, point: bytes, *,
                  clock: Clock = utc_now) -> bytes | None:
    """Import: keep the PDF key a registered device's verified bundle carried, and
    certify it. Returns the certificate when one was issued or is current."""
    public_from_point(point)  # a point on the curve (the header parser checked it too)
    with vault.transaction() as c:
        dev = device_certificate(vault, fingerprint)
        if dev is None:
            return None
        if dev.pdf_public_key != point:
            c.execute("UPDATE hq_devices SET pdf_public_key = ?, pdf_certificate = NULL, "
                      "pdf_certified_at = '' WHERE fingerprint = ?", (point, fingerprint))
            vault.audit.append("hq.device_pdf_key", fingerprint, pdf_key=key_id(point),
                               replaced=dev.pdf_public_key is not None)
        return certify_device(vault, fingerprint, clock=clock)
