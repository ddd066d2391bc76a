{
  "algorithm": "ed25519",
  "device_fingerprint": "Y4G2-ZSSE-KEJI-5UWQ-BMUY-SRHZ",
  "format": "nam-summary-signature",
  "signature": "a07b6703ebb3a984215430e21649502847bfa17b0fcfd39b0c1ec188309930e475dbb227629589c7a428845ff668be7c08d9c6de3846a76fe89025befb1dcf00",
  "signed": {
    "content_sha256": "78953aff0be262bf088d1f706d1c56811fa3afc3ab4936d4bf55dc649c2b638d",
    "created_at": "2026-12-01T10:00:00Z",
    "device_public_key": "73f827697de966a69b5d95b132e7f019b3c3632555d29801e8e5c9b593a6a3e3",
    "format": "nam-summary-signature",
    "lang": "be",
    "pdf_sha256": "85c4fda0ca2a631eddcf77f5377925d9f4504911560bfbc7bc0b9741fbadb9bb",
    "record_id": "84872d2d-1ffc-47f5-8049-033e44e69c91",
    "redaction": "pseudonymised",
    "revision": 1,
    "version": 2
  },
  "verification_code": "PCKT-V7YL-4JRL-6CEN",
  "version": 2
}
