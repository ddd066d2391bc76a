"""Signed interview summaries: content at a redaction level, PDF rendering, the PDF
signature (PAdES) and verification, including summaries made before issue 17 with a
detached signature (``docs/summary.md``, ``docs/summary-signature.md``).

The names below are imported from their modules when first used: importing
``nam_desktop.core.summary.content`` (the HQ testimony view does, to show a testimony)
must not load the PDF signing stack (pyHanko, aiohttp: about a second).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_MODULE_OF = {
    "Redaction": "content", "SummaryOptions": "content", "build_content": "content",
    "verify_signed_pdf": "pdf_verify", "verify_summary": "pdf_verify",
    "Summary": "service", "build_summary_pdf": "service", "make_summary": "service",
    "record": "service", "save_summary": "service", "signature_path": "service",
    "write_summary": "service",
    "Problem": "signature", "Verification": "signature", "verify_pdf": "signature",
}

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


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
