"""X.509 certificates of PDF-signing keys (RFC 5280), made and checked with
``cryptography``.

* HQ's CA: self-signed, P-256, ``CN=NAM Desktop HQ CA``, ``serialNumber`` = HQ's root
  fingerprint, basic constraints CA (path length 0), key usage certificate and CRL
  signing, 20 years.
* A device certificate, issued by HQ's CA: ``CN`` = the interviewer's display name as HQ
  registered it (at most 64 characters, RFC 5280's bound; longer names are cut with
  "…"), ``serialNumber`` = the device's Ed25519 fingerprint, key usage digital signature
  and non-repudiation (critical), not a CA, :data:`DEVICE_DAYS` days.
* Until HQ has certified it, the device signs with a self-signed certificate of the same
  key: ``CN=NAM Desktop device, not certified by HQ``, the same ``serialNumber`` and key
  usage. Readers show it as an unknown signer, which it is.

No extended key usage is set: NSS (poppler, Firefox) then accepts the certificate for
document signing, and Acrobat does too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from nam_desktop.core.pades.keys import PdfSigningKey, point_of

CA_DAYS = 20 * 365
DEVICE_DAYS = 3 * 365
SELF_SIGNED_DAYS = 10 * 365
MAX_CN = 64  # ub-common-name (RFC 5280)
CA_COMMON_NAME = "NAM Desktop HQ CA"
SELF_SIGNED_COMMON_NAME = "NAM Desktop device, not certified by HQ"
BACKDATE = dt.timedelta(days=1)  # a device clock a little behind still accepts it


class CertificateError(ValueError):
    """A certificate that is not what it must be (the message says what)."""


@dataclass(frozen=True)
class Subject:
    common_name: str
    serial_number: str  # the device fingerprint (or HQ's root fingerprint for the CA)


def short_name(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= MAX_CN else name[: MAX_CN - 1] + "…"


def _name(common_name: str, serial_number: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, short_name(common_name)),
                      x509.NameAttribute(NameOID.SERIAL_NUMBER, serial_number)])


def _signing_usage() -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=True, content_commitment=True,
                         key_encipherment=False, data_encipherment=False,
                         key_agreement=False, key_cert_sign=False, crl_sign=False,
                         encipher_only=False, decipher_only=False)


def make_ca(key: PdfSigningKey, root_fingerprint: str, now: dt.datetime) -> bytes:
    """HQ's self-signed CA certificate (DER)."""
    name = _name(CA_COMMON_NAME, root_fingerprint)
    cert = (x509.CertificateBuilder()
            .subject_name(name).issuer_name(name).public_key(key.public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - BACKDATE).not_valid_after(now + dt.timedelta(days=CA_DAYS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True,
                crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public),
                           critical=False)
            .sign(key.private, hashes.SHA256()))
    return cert.public_bytes(Encoding.DER)


def issue_device(ca_key: PdfSigningKey, ca_der: bytes, device_public: ec.EllipticCurvePublicKey,
                 fingerprint: str, display_name: str, now: dt.datetime,
                 days: int = DEVICE_DAYS) -> bytes:
    """A device's PDF-signing certificate issued by HQ's CA (DER)."""
    ca = x509.load_der_x509_certificate(ca_der)
    cert = (x509.CertificateBuilder()
            .subject_name(_name(display_name or fingerprint, fingerprint))
            .issuer_name(ca.subject).public_key(device_public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - BACKDATE).not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_signing_usage(), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(device_public),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public),
                           critical=False)
            .sign(ca_key.private, hashes.SHA256()))
    return cert.public_bytes(Encoding.DER)


def self_signed(key: PdfSigningKey, fingerprint: str, now: dt.datetime) -> bytes:
    """A self-signed certificate of the device's key, used until HQ certifies it."""
    name = _name(SELF_SIGNED_COMMON_NAME, fingerprint)
    cert = (x509.CertificateBuilder()
            .subject_name(name).issuer_name(name).public_key(key.public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - BACKDATE)
            .not_valid_after(now + dt.timedelta(days=SELF_SIGNED_DAYS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_signing_usage(), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public),
                           critical=False)
            .sign(key.private, hashes.SHA256()))
    return cert.public_bytes(Encoding.DER)


def load(der: bytes) -> x509.Certificate:
    try:
        return x509.load_der_x509_certificate(der)
    except ValueError as exc:
        raise CertificateError("not a DER X.509 certificate") from exc


def subject_of(cert: x509.Certificate) -> Subject:
    def one(oid: x509.ObjectIdentifier) -> str:
        values = cert.subject.get_attributes_for_oid(oid)
        return str(values[0].value) if len(values) == 1 else ""
    return Subject(one(NameOID.COMMON_NAME), one(NameOID.SERIAL_NUMBER))


def public_point(cert: x509.Certificate) -> bytes:
    key = cert.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SECP256R1):
        raise CertificateError("the certificate's key is not a P-256 key")
    return point_of(key)


def check_ca(der: bytes, now: dt.datetime) -> x509.Certificate:
    """HQ's CA certificate as a key card brings it: self-signed P-256 CA, in force."""
    cert = load(der)
    public_point(cert)
    try:
        constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound as exc:
        raise CertificateError("the CA certificate lacks basic constraints or key usage") \
            from exc
    if not constraints.ca or not usage.key_cert_sign:
        raise CertificateError("the CA certificate is not a certificate authority")
    if cert.issuer != cert.subject:
        raise CertificateError("the CA certificate is not self-signed")
    _check_signed_by(cert, cert)
    _check_in_force(cert, now)
    return cert


def check_device(der: bytes, ca: x509.Certificate, point: bytes, fingerprint: str,
                 now: dt.datetime) -> x509.Certificate:
    """A device certificate from a key card: issued by ``ca``, for exactly this key and
    this device, for signing, in force."""
    cert = load(der)
    if public_point(cert) != point:
        raise CertificateError("the certificate is for another PDF-signing key")
    if subject_of(cert).serial_number != fingerprint:
        raise CertificateError("the certificate names another device")
    if cert.issuer != ca.subject:
        raise CertificateError("the certificate was not issued by HQ's CA")
    _check_signed_by(cert, ca)
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound as exc:
        raise CertificateError("the certificate lacks key usage or basic constraints") from exc
    if constraints.ca or not (usage.digital_signature and usage.content_commitment):
        raise CertificateError("the certificate is not for document signing")
    _check_in_force(cert, now)
    return cert


def _check_signed_by(cert: x509.Certificate, issuer: x509.Certificate) -> None:
    key = issuer.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey) or cert.signature_hash_algorithm is None:
        raise CertificateError("unexpected signature algorithm")
    try:
        key.verify(cert.signature, cert.tbs_certificate_bytes,
                   ec.ECDSA(cert.signature_hash_algorithm))
    except InvalidSignature as exc:
        raise CertificateError("the certificate's signature does not verify") from exc


def _check_in_force(cert: x509.Certificate, now: dt.datetime) -> None:
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise CertificateError("the certificate is not valid at this date "
                               f"({cert.not_valid_before_utc:%Y-%m-%d} to "
                               f"{cert.not_valid_after_utc:%Y-%m-%d})")


def pem(der: bytes) -> bytes:
    return load(der).public_bytes(Encoding.PEM)


def load_der_or_pem(data: bytes) -> bytes:
    """A certificate file as given by a person (PEM, as `hq ca-cert` writes it, or DER)
    -> DER. Raises :class:`CertificateError`."""
    text = data.lstrip()
    if text.startswith(b"-----BEGIN"):
        try:
            return x509.load_pem_x509_certificate(text).public_bytes(Encoding.DER)
        except ValueError as exc:
            raise CertificateError("not a PEM X.509 certificate") from exc
    load(data)
    return data
