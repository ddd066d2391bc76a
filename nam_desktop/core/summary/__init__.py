"""Signed interview summaries: content at a redaction level, PDF rendering, the PDF
signature (PAdES) and verification, including summaries made before issue 17 with a
detached signature (``docs/summary.md``, ``docs/summary-signature.md``)."""

from nam_desktop.core.summary.content import Redaction, SummaryOptions, build_content
from nam_desktop.core.summary.pdf_verify import verify_signed_pdf, verify_summary
from nam_desktop.core.summary.service import (
    Summary,
    build_summary_pdf,
    make_summary,
    record,
    save_summary,
    signature_path,
    write_summary,
)
from nam_desktop.core.summary.signature import Problem, Verification, verify_pdf

__all__ = [
    "Problem",
    "Redaction",
    "Summary",
    "SummaryOptions",
    "Verification",
    "build_content",
    "build_summary_pdf",
    "make_summary",
    "record",
    "save_summary",
    "signature_path",
    "verify_pdf",
    "verify_signed_pdf",
    "verify_summary",
    "write_summary",
]
