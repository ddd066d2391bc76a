"""Making, writing and recording summaries: the entry points for the CLI, the GUI and
the HQ exporter.

Nothing here writes plaintext anywhere but the path the user chose: the PDF is built in
memory, then written atomically (temporary name in the same folder, fsync, rename) with
its detached signature ``FILE.pdf.sig`` beside it. Every summary written, printed or
exported is an audit event naming the record, level and hashes, never the place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nam_desktop.core import storage_errors
from nam_desktop.core.clock import Clock, utc_now
from nam_desktop.core.crypto.fsutil import atomic_write
from nam_desktop.core.errors import NamError, NoSpaceError, Status, ValidationError
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.summary.canonical import content_hash, verification_code
from nam_desktop.core.summary.content import (
    SummaryOptions,
    build_content,
    image_attachment_ids,
    warning_codes,
)
from nam_desktop.core.summary.render import page_size, render_pdf
from nam_desktop.core.summary.signature import SIGNATURE_SUFFIX, make_signature
from nam_desktop.core.summary.thumbnails import IMAGE_TYPES, load_thumbnails
from nam_desktop.core.vault.vault import Vault

AUDIT_ACTIONS = ("summary.write", "summary.print", "summary.export")


@dataclass(frozen=True)
class Summary:
    """A rendered, signed summary (in memory)."""

    content: dict[str, Any]
    content_sha256: str
    pdf: bytes
    signature: bytes
    paper: str

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


def make_summary(vault: Vault, testimony_id: str, options: SummaryOptions | None = None,
                 paper: str = "a4", *, thumbnails: bool = True,
                 clock: Clock = utc_now) -> Summary:
    """Build, render and sign a summary. Records no audit event (see :func:`record`)."""
    opts = options or SummaryOptions()
    page_size(paper)  # refuse a bad paper name before any work
    content = build_content(vault, testimony_id, opts, clock=clock)
    digest = content_hash(content)
    thumbs = {}
    if thumbnails and opts.redaction.value != "public":
        service = AttachmentService(vault, clock)
        ids = image_attachment_ids(content, IMAGE_TYPES)
        thumbs = load_thumbnails(ids, lambda att_id: service.open(att_id))
    pdf = render_pdf(content, digest, paper, thumbs)
    signature = make_signature(vault.device, content, digest, pdf)
    return Summary(content, digest, pdf, signature, paper)


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
        )


def signature_path(pdf_path: Path) -> Path:
    return pdf_path.with_name(pdf_path.name + SIGNATURE_SUFFIX)


def save_summary(vault: Vault, summary: Summary, out: Path) -> Path:
    """Write the PDF and its signature atomically and record the event. Returns the
    signature's path."""
    out = Path(out)
    if not out.parent.is_dir():
        raise ValidationError("out", "the folder does not exist")
    sig = signature_path(out)
    try:
        atomic_write(out, summary.pdf)
        atomic_write(sig, summary.signature)
    except PermissionError as exc:
        raise NamError("cannot write there", status=Status.PERMISSION_DENIED) from exc
    except OSError as exc:
        if storage_errors.is_no_space(exc):
            raise NoSpaceError(str(out.parent), needed=len(summary.pdf) + len(
                summary.signature), free=storage_errors.free_bytes(out.parent)) from exc
        raise ValidationError("out", f"cannot write: {exc.strerror}") from exc
    record(vault, summary, "summary.write")
    return sig


def write_summary(vault: Vault, testimony_id: str, out: Path,
                  options: SummaryOptions | None = None, paper: str = "a4", *,
                  thumbnails: bool = True, clock: Clock = utc_now) -> Summary:
    summary = make_summary(vault, testimony_id, options, paper, thumbnails=thumbnails,
                           clock=clock)
    save_summary(vault, summary, out)
    return summary


def build_summary_pdf(vault: Vault, testimony_id: str, redaction: str = "pseudonymised",
                      lang: str = "en", paper: str = "a4") -> tuple[bytes, bytes]:
    """``(pdf_bytes, signature_bytes)`` in memory, for a caller that hands them on itself
    (bundles do not carry summaries: docs/summary-signature.md); records a
    ``summary.export`` audit event. Store the signature beside the PDF as ``NAME.pdf.sig``."""
    summary = make_summary(vault, testimony_id, SummaryOptions.make(redaction, lang), paper)
    record(vault, summary, "summary.export")
    return summary.pdf, summary.signature
