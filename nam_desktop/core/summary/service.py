"""Making, writing and recording summaries: the entry points for the CLI, the GUI and
the HQ exporter.

A summary is signed **inside the PDF** (PAdES, :mod:`nam_desktop.core.pades.sign`) with
the device's P-256 PDF-signing key: HQ's certificate when the device has one, a
self-signed one until then. New summaries get no detached ``FILE.pdf.sig``: the PDF
carries the signature, the signed content and the device's key statement, so it is one
file to keep, send and check (docs/summary-signature.md). Old summaries with a ``.sig``
still verify (:mod:`.signature`).

Nothing here writes plaintext anywhere but the path the user chose: the PDF is built and
signed in memory, then written atomically (temporary name in the same folder, fsync,
rename). Every summary written, printed or exported is an audit event naming the record,
level and hashes, never the place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from nam_desktop.core import storage_errors
from nam_desktop.core.canonical import canonical_json
from nam_desktop.core.clock import Clock, utc_now
from nam_desktop.core.crypto.fsutil import atomic_write
from nam_desktop.core.errors import NamError, NoSpaceError, Status, ValidationError
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.pades import binding, certs, device_store
from nam_desktop.core.pades.sign import FieldBox, sign_summary
from nam_desktop.core.summary.canonical import content_hash, verification_code
from nam_desktop.core.summary.content import (
    SummaryOptions,
    build_content,
    image_attachment_ids,
    warning_codes,
)
from nam_desktop.core.summary.render import Seal, page_size, render_for_signing
from nam_desktop.core.summary.signature import SIGNATURE_SUFFIX
from nam_desktop.core.summary.thumbnails import IMAGE_TYPES, load_thumbnails
from nam_desktop.core.vault.vault import Vault

AUDIT_ACTIONS = ("summary.write", "summary.print", "summary.export")


@dataclass(frozen=True)
class Summary:
    """A rendered summary, signed inside the PDF (in memory)."""

    content: dict[str, Any]
    content_sha256: str
    pdf: bytes
    paper: str
    certified: bool = False  # signed with HQ's certificate (else self-signed)

    @property
    def verification_code(self) -> str:
        return verification_code(self.content_sha256)

    @property
    def warnings(self) -> list[str]:
        return warning_codes(self.content)

    @property
    def record_id(self) -> str:
        return str(self.content["record_id"])

    @property
    def redaction(self) -> str:
        return str(self.content["redaction"])


def _when(timestamp: str) -> datetime:
    return datetime.fromisoformat(timestamp.replace("Z", "+00:00"))


def make_summary(vault: Vault, testimony_id: str, options: SummaryOptions | None = None,
                 paper: str = "a4", *, thumbnails: bool = True,
                 clock: Clock = utc_now) -> Summary:
    """Build, render and sign a summary. Records no audit event (see :func:`record`),
    except ``device.pdf_key_created`` when a vault made before issue 17 gets its PDF key."""
    opts = options or SummaryOptions()
    page_size(paper)  # refuse a bad paper name before any work
    content = build_content(vault, testimony_id, opts, clock=clock)
    digest = content_hash(content)
    thumbs = {}
    if thumbnails and opts.redaction.value != "public":
        service = AttachmentService(vault, clock)
        ids = image_attachment_ids(content, IMAGE_TYPES)
        thumbs = load_thumbnails(ids, lambda att_id: service.open(att_id))
    signed_at = _when(str(content["created_at"]))
    identity = device_store.signing_identity(vault, signed_at, clock=clock)
    name = certs.subject_of(certs.load(identity.certificate)).common_name
    seal = Seal(str(content["device_fingerprint"]), identity.certified, name,
                str(content["created_at"]))
    layout, box = render_for_signing(content, digest, paper, thumbs, seal)
    pdf = sign_summary(layout, identity, FieldBox(-1, box.x, box.y, box.x + box.width,
                                                  box.y + box.height),
                       content_json=canonical_json(content),
                       binding_json=binding.make(vault.device, identity.key.point),
                       signing_time=signed_at)
    return Summary(content, digest, pdf, paper, identity.certified)


def record(vault: Vault, summary: Summary, action: str) -> None:
    """Append the audit event for a summary written, printed or exported."""
    if action not in AUDIT_ACTIONS:
        raise ValueError(f"unknown summary action {action!r}")
    with vault.transaction():
        vault.audit.append(
            action, summary.record_id,
            redaction=summary.redaction,
            lang=summary.content["lang"],
            paper=summary.paper,
            revision=summary.content["revision"],
            content_sha256=summary.content_sha256,
            pdf_sha256=hashlib.sha256(summary.pdf).hexdigest(),
            certified=summary.certified,
        )


def signature_path(pdf_path: Path) -> Path:
    """Where a summary made before issue 17 has its detached signature."""
    return pdf_path.with_name(pdf_path.name + SIGNATURE_SUFFIX)


def save_summary(vault: Vault, summary: Summary, out: Path) -> Path:
    """Write the signed PDF atomically and record the event. Returns its path."""
    out = Path(out)
    if not out.parent.is_dir():
        raise ValidationError("out", "the folder does not exist")
    try:
        atomic_write(out, summary.pdf)
    except PermissionError as exc:
        raise NamError("cannot write there", status=Status.PERMISSION_DENIED) from exc
    except OSError as exc:
        if storage_errors.is_no_space(exc):
            raise NoSpaceError(str(out.parent), needed=len(summary.pdf),
                               free=storage_errors.free_bytes(out.parent)) from exc
        raise ValidationError("out", f"cannot write: {exc.strerror}") from exc
    record(vault, summary, "summary.write")
    return out


def write_summary(vault: Vault, testimony_id: str, out: Path,
                  options: SummaryOptions | None = None, paper: str = "a4", *,
                  thumbnails: bool = True, clock: Clock = utc_now) -> Summary:
    summary = make_summary(vault, testimony_id, options, paper, thumbnails=thumbnails,
                           clock=clock)
    save_summary(vault, summary, out)
    return summary


def build_summary_pdf(vault: Vault, testimony_id: str, redaction: str = "pseudonymised",
                      lang: str = "en", paper: str = "a4") -> bytes:
    """The signed PDF in memory, for a caller that hands it on itself (bundles do not
    carry summaries: docs/summary-signature.md); records a ``summary.export`` audit
    event."""
    summary = make_summary(vault, testimony_id, SummaryOptions.make(redaction, lang), paper)
    record(vault, summary, "summary.export")
    return summary.pdf
