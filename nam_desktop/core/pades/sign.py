"""Sign a summary PDF inside the PDF: PAdES baseline B-B (ETSI EN 319 142-1), a detached
CMS signature (``ETSI.CAdES.detached``) over the byte ranges, made with pyHanko.

What one signing adds, in one incremental update after reportlab's PDF:

* two associated files (PDF 2.0 ``/AF`` on the catalogue, also in the ``EmbeddedFiles``
  name tree): ``nam-summary-content.json``, the canonical content JSON that
  ``content_sha256`` is computed over (``/AFRelationship /Data``), and
  ``nam-device-key.json``, the device's Ed25519-signed statement that the PDF key is its
  own (``/Supplement``, :mod:`.binding`);
* a signature field on the last page whose rectangle covers the signature block the
  renderer drew (the words on the page are ordinary page content, in the embedded font);
* the signature: a certification signature with DocMDP permission 1, "no changes
  allowed" (any later change, even a form fill or a comment, invalidates it), SHA-256,
  ECDSA P-256, the signer's certificate and the chain to HQ's CA in the CMS, the signing
  time in the signature dictionary (``/M``), as PAdES requires.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from dataclasses import dataclass

from nam_desktop.core.pades import hanko
from nam_desktop.core.pades.device_store import SigningIdentity

FIELD_NAME = "NAM-Summary-Signature"
CONTENT_FILE = "nam-summary-content.json"
BINDING_FILE = "nam-device-key.json"
REASON = "NAM Desktop interview summary: content certified, no changes allowed"


@dataclass(frozen=True)
class FieldBox:
    """Where the signature block is: page index (0-based) and rectangle in PDF points."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float


def _attach(writer: hanko.IncrementalPdfFileWriter, name: str, data: bytes, description: str,
            relationship: str) -> None:
    spec = hanko.embed.FileSpec(
        file_spec_string=name, file_name=name, description=description,
        embedded_data=hanko.embed.EmbeddedFileObject.from_file_data(
            writer, data=data, mime_type="application/json"),
        af_relationship=hanko.generic.NameObject(relationship))
    hanko.embed.embed_file(writer, spec)


def sign_summary(pdf: bytes, identity: SigningIdentity, box: FieldBox, *,
                 content_json: bytes, binding_json: bytes, signing_time: dt.datetime) -> bytes:
    """The signed PDF (bytes in, bytes out; nothing touches the disk)."""
    writer = hanko.IncrementalPdfFileWriter(io.BytesIO(pdf))
    _attach(writer, CONTENT_FILE, content_json,
            "Canonical content of this summary: SHA-256 of these bytes is content_sha256",
            "/Data")
    _attach(writer, BINDING_FILE, binding_json,
            "The device's Ed25519-signed statement that the PDF-signing key is its own",
            "/Supplement")
    chain = [hanko.asn1_x509.Certificate.load(der) for der in identity.chain]
    signer = hanko.signers.SimpleSigner(
        signing_cert=hanko.asn1_x509.Certificate.load(identity.certificate),
        signing_key=hanko.asn1_keys.PrivateKeyInfo.load(identity.key.pkcs8),
        cert_registry=hanko.SimpleCertificateStore.from_certs(chain))  # type: ignore[no-untyped-call]  # pyHanko leaves it unannotated
    meta = hanko.signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm="sha256",
        subfilter=hanko.SigSeedSubFilter.PADES, certify=True,
        docmdp_permissions=hanko.MDPPerm.NO_CHANGES, reason=REASON)
    pdf_signer = hanko.signers.PdfSigner(
        meta, signer, stamp_style=hanko.NoOpStampStyle(),
        new_field_spec=hanko.SigFieldSpec(FIELD_NAME, on_page=box.page,
                                          box=(int(box.x1), int(box.y1),
                                               int(box.x2 + 0.999), int(box.y2 + 0.999))))
    out = asyncio.run(_sign(pdf_signer, writer, signing_time.astimezone(dt.UTC)))
    return out.getvalue()


async def _sign(pdf_signer: hanko.signers.PdfSigner,
                writer: hanko.IncrementalPdfFileWriter, when: dt.datetime) -> io.BytesIO:
    """pyHanko's own signing steps (``PdfSigner.async_sign_pdf``), with the signing time
    set to the summary's creation time instead of pyHanko reading the clock itself."""
    session = pdf_signer.init_signing_session(writer)
    session.system_time = when
    info = await session.perform_presign_validation(writer)
    reserved = await session.estimate_signature_container_size(info, tight=False)
    tbs = session.prepare_tbs_document(validation_info=info, bytes_reserved=reserved)
    digest, output = tbs.digest_tbs_document(in_place=False, output=io.BytesIO())
    post = await tbs.perform_signature(
        document_digest=digest.document_digest,
        pdf_cms_signed_attrs=hanko.PdfCMSSignedAttributes(signing_time=when))
    await post.post_signature_processing(output)
    if not isinstance(output, io.BytesIO):  # pyHanko returns the stream we gave it
        raise TypeError("pyHanko did not write into the given buffer")
    return output
