"""pyHanko, imported in one place.

pyHanko 0.38 imports ``cryptography``'s DSA module, which warns that DSA is deprecated
(a ``CryptographyDeprecationWarning`` at import). Nothing here uses DSA; the warning is
silenced for that import only, so users never see it and the test suite (warnings are
errors) does not trip on it.

Everything pyHanko does here is offline: validation contexts never fetch (no OCSP, CRL or
certificate downloads).
"""

from __future__ import annotations

import logging
import warnings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*DSA.*deprecated", category=Warning)
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils import embed, generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.fields import MDPPerm, SigFieldSpec, SigSeedSubFilter
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko.stamp.noop import NoOpStampStyle
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.registry import SimpleCertificateStore

# pyHanko logs each failed path building with a traceback and the certificate's subject
# (an interviewer's name). Verification results are reported as values
# (nam_desktop.core.summary.pdf_verify), so its loggers stay quiet.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.CRITICAL + 1)

__all__ = [
    "IncrementalPdfFileWriter",
    "MDPPerm",
    "ModificationLevel",
    "NoOpStampStyle",
    "PdfCMSSignedAttributes",
    "PdfFileReader",
    "SigFieldSpec",
    "SigSeedSubFilter",
    "SignatureCoverageLevel",
    "SignatureValidationError",
    "SimpleCertificateStore",
    "ValidationContext",
    "asn1_keys",
    "asn1_x509",
    "embed",
    "generic",
    "signers",
    "validate_pdf_signature",
]
