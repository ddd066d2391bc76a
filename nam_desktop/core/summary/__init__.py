"""Signed interview summaries: content at a redaction level, PDF rendering, detached
signature and verification (``docs/summary.md``, ``docs/summary-signature.md``)."""

from nam_desktop.core.summary.content import Redaction, SummaryOptions, build_content
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
    "write_summary",
]
