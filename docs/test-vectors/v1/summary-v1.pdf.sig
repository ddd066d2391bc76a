{
  "algorithm": "ed25519",
  "device_fingerprint": "HQ4A-LN5S-BSFD-3LGN-OG3V-B6KG",
  "format": "nam-summary-signature",
  "signature": "vR6MEluvq+Dx+pvsJT3EEsS8hhhwN1TdrXrv1yWgpnV07EdD5unJv6mpRJIlne0rtgPGvIW07QKCg+o+nRfjAQ==",
  "signed": {
    "content_sha256": "daaee50a9f6de7b337195e005977e428099781320f7b1404cef5a7d116f55e29",
    "created_at": "2026-11-27T18:58:28Z",
    "device_public_key": "lkK0xSMVNepFMkx0LcaH4RfyeIqIZm4HBkh6akav6Eo=",
    "format": "nam-summary-signature",
    "lang": "be",
    "pdf_sha256": "a58fa5eba3ac95da37eae50bdd9e5168bf0cb0df709cae01e64e62d49328ef91",
    "record_id": "d9d81e5b-c29a-41aa-8534-09913cec8012",
    "redaction": "pseudonymised",
    "revision": 1,
    "version": 1
  },
  "verification_code": "3KXO-KCU7-NXT3-GNYZ",
  "version": 1
}
