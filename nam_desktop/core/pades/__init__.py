"""PDF signatures of summaries (PAdES baseline B-B) and the X.509 certificates behind
them: the device's ECDSA P-256 PDF-signing key, HQ's offline CA, signing and verifying
(docs/summary-signature.md)."""
