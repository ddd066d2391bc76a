"""Verifying a summary signed inside the PDF (PAdES), from the PDF alone
(docs/summary-signature.md, "Verifying").

The checks, each reported as a :class:`Problem` when it fails:

1. the PDF has exactly one signature, and it covers the whole file (nothing was added
   after signing: an incremental update, a second signature) — ``changed_after_signing``;
2. the CMS signature is intact and valid over its byte ranges — ``bad_signature``;
3. it is a certification signature with DocMDP "no changes allowed" — ``not_locked``;
4. the certificate chains to the HQ CA given (``--ca``, or the one the vault knows) —
   ``untrusted_certificate``; without a CA nothing says who signed (``signer_known``
   false), unless an expected device fingerprint is given;
5. the attached content JSON, read from the signed revision, is canonical JSON, and its
   SHA-256 is the ``content_sha256`` the signed PDF names — ``content_missing``,
   ``content_mismatch``; the verification code is recomputed from it;
6. the device's key statement (Ed25519) names the key that signed, and the device
   fingerprint it proves is the one in the content and in the certificate —
   ``key_statement_invalid``, ``fingerprint_mismatch``; and the one expected —
   ``unexpected_device``.

Validation is offline (no revocation look-ups). Certificates are checked at the signing
time the signature states (PAdES B-B has no trusted time stamp; see the threat model).
"""

from __future__ import annotations

import hashlib
import io
from typing import Any

from nam_desktop.core.canonical import CanonicalError, canonical_json, loads
from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.pades import binding, certs, hanko
from nam_desktop.core.pades.sign import BINDING_FILE, CONTENT_FILE
from nam_desktop.core.summary.canonical import verification_code
from nam_desktop.core.summary.content import CONTENT_FORMAT
from nam_desktop.core.summary.signature import Problem, Verification

KEYWORD_PREFIX = "nam-summary-content-sha256:"
MAX_ATTACHED = 32 * 2**20


def _reader(pdf: bytes) -> hanko.PdfFileReader:
    try:
        return hanko.PdfFileReader(io.BytesIO(pdf), strict=False)
    except Exception as exc:  # pyHanko raises many kinds on a damaged file
        raise MalformedFileError("not a readable PDF") from exc


def signature_count(pdf: bytes) -> int:
    """How many PDF signatures the file holds (0: not signed inside; an old summary has
    a detached .sig instead). Raises ``MalformedFileError`` for a file that is not a PDF."""
    try:
        return len(_reader(pdf).embedded_signatures)
    except MalformedFileError:
        raise
    except Exception as exc:
        raise MalformedFileError("not a readable PDF") from exc


def _attachments(pdf: bytes) -> dict[str, bytes]:
    """The associated files (``/AF`` of the catalogue) of this revision, by name."""
    out: dict[str, bytes] = {}
    try:
        reader = _reader(pdf)
        listed = reader.root.get("/AF")
        for item in listed.get_object() if listed is not None else []:
            spec = item.get_object()
            name = str(spec.get("/UF", spec.get("/F", "")))
            data = spec["/EF"]["/F"].get_object().data
            if len(data) <= MAX_ATTACHED and name not in out:
                out[name] = bytes(data)
    except Exception:  # noqa: S110  # a missing or odd attachment is reported by the caller
        pass
    return out


def _keywords(pdf: bytes) -> str:
    try:
        info = _reader(pdf).trailer["/Info"].get_object()
        return str(info.get("/Keywords", ""))
    except Exception:
        return ""


def _content(files: dict[str, bytes], signed: bytes,
             problems: list[Problem]) -> tuple[dict[str, Any], str]:
    raw = files.get(CONTENT_FILE)
    content: Any = None
    if raw is not None:
        try:
            content = loads(raw)
            if canonical_json(content) != raw:
                content = None
        except CanonicalError:
            content = None
    if not isinstance(content, dict) or content.get("format") != CONTENT_FORMAT:
        problems.append(Problem.CONTENT_MISSING)
        return {}, ""
    digest = hashlib.sha256(raw or b"").hexdigest()
    if _keywords(signed) != KEYWORD_PREFIX + digest:
        problems.append(Problem.CONTENT_MISMATCH)
    return content, digest


def _validate(sig: Any, ca_der: bytes | None) -> Any:
    roots = [hanko.asn1_x509.Certificate.load(ca_der)] if ca_der is not None else []
    context = hanko.ValidationContext(trust_roots=roots, allow_fetching=False,
                                      revocation_mode="soft-fail",
                                      moment=sig.self_reported_timestamp)
    return hanko.validate_pdf_signature(sig, signer_validation_context=context)


def verify_signed_pdf(pdf: bytes, *, ca: bytes | None = None,
                      expected_fingerprint: str | None = None) -> Verification:
    """Check a summary signed inside the PDF. ``ca``: HQ's CA certificate (DER or PEM).
    Raises ``MalformedFileError`` for a file that is not a PDF or a CA that is not a
    certificate; returns the problems found otherwise."""
    ca_der = None
    if ca is not None:
        try:
            ca_der = certs.load_der_or_pem(ca)
        except certs.CertificateError as exc:
            raise MalformedFileError(f"CA certificate: {exc}") from exc
    try:
        signatures = _reader(pdf).embedded_signatures
    except MalformedFileError:
        raise
    except Exception as exc:
        raise MalformedFileError("not a readable PDF") from exc
    if not signatures:
        return Verification(ok=False, problems=[Problem.NOT_SIGNED], kind="pades")
    problems: list[Problem] = []
    if len(signatures) != 1:
        problems.append(Problem.CHANGED_AFTER_SIGNING)
    sig = signatures[0]
    try:
        status = _validate(sig, ca_der)
    except Exception:  # a broken CMS structure or byte range
        status = None
    if status is None or not (status.intact and status.valid):
        problems.append(Problem.BAD_SIGNATURE)
    elif (status.coverage != hanko.SignatureCoverageLevel.ENTIRE_FILE
          or status.modification_level != hanko.ModificationLevel.NONE
          or not status.docmdp_ok) and Problem.CHANGED_AFTER_SIGNING not in problems:
        problems.append(Problem.CHANGED_AFTER_SIGNING)
    if sig.docmdp_level != hanko.MDPPerm.NO_CHANGES:
        problems.append(Problem.NOT_LOCKED)
    trusted = bool(status is not None and ca_der is not None and status.trusted)
    if ca_der is not None and not trusted:
        problems.append(Problem.UNTRUSTED_CERTIFICATE)

    # What the signature covers: the file up to the end of its second byte range.
    start, _first, second, length = (int(x) for x in sig.byte_range)
    signed = pdf[:second + length] if start == 0 and second + length <= len(pdf) else b""
    files = _attachments(signed)
    content, digest = _content(files, signed, problems)

    cert = certs.load(sig.signer_cert.dump())
    subject = certs.subject_of(cert)
    fingerprint = ""
    try:
        statement = binding.read(files.get(BINDING_FILE, b""))
        if statement.pdf_public_key != certs.public_point(cert):
            raise binding.BindingError("the statement names another key")
        fingerprint = statement.fingerprint
    except (binding.BindingError, certs.CertificateError):
        problems.append(Problem.KEY_STATEMENT_INVALID)
    if fingerprint and (subject.serial_number != fingerprint or
                        (content and content.get("device_fingerprint") != fingerprint)):
        problems.append(Problem.FINGERPRINT_MISMATCH)
    if expected_fingerprint is not None and \
            expected_fingerprint.strip().upper() != fingerprint:
        problems.append(Problem.UNEXPECTED_DEVICE)
    ca_name = certs.subject_of(certs.load(ca_der)).common_name if trusted and ca_der else ""
    return Verification(
        ok=not problems,
        problems=problems,
        fingerprint=fingerprint or subject.serial_number,
        verification_code=verification_code(digest) if digest else "",
        content_sha256=digest,
        record_id=str(content.get("record_id", "")),
        revision=int(content.get("revision", 0) or 0),
        redaction=str(content.get("redaction", "")),
        created_at=str(content.get("created_at", "")),
        kind="pades",
        signer_known=ca_der is not None or expected_fingerprint is not None,
        certified=trusted,
        signer_name=subject.common_name,
        ca_name=ca_name,
    )


def verify_summary(pdf: bytes, sig: bytes | None = None, *, ca: bytes | None = None,
                   expected_fingerprint: str | None = None) -> Verification:
    """A summary of either kind: signed inside the PDF, or (made before issue 17) with a
    detached signature file ``sig``."""
    from nam_desktop.core.summary.signature import verify_pdf

    if signature_count(pdf) or sig is None:
        return verify_signed_pdf(pdf, ca=ca, expected_fingerprint=expected_fingerprint)
    return verify_pdf(pdf, sig, expected_fingerprint=expected_fingerprint)
