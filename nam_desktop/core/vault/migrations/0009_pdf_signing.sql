-- 0008: PDF signatures (PAdES) of summaries (docs/summary-signature.md). Interviewer and
-- HQ vaults: the device's ECDSA P-256 PDF-signing key, beside the Ed25519 device key,
-- with the certificate HQ issued for it and HQ's CA certificate (both arrive on a key
-- card). HQ: its offline X.509 CA, and per registered device the P-256 key its bundles
-- carried and the certificate HQ issued. Private keys stay inside the encrypted database.

-- The device's PDF-signing key. Vaults made before 0008 get it at first need (audited
-- `device.pdf_key_created`): SQL cannot make a key.
CREATE TABLE pdf_signing_key (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    private_key       BLOB NOT NULL,     -- PKCS#8 DER, P-256
    public_key        BLOB NOT NULL,     -- 65-byte uncompressed point
    created_at        TEXT NOT NULL,
    certificate       BLOB,              -- DER, issued by HQ's CA; NULL until a key card brings it
    ca_certificate    BLOB,              -- DER, HQ's CA certificate from the key card
    certified_at      TEXT NOT NULL DEFAULT ''
) STRICT;

-- HQ: the offline certificate authority that certifies interviewers' PDF keys.
CREATE TABLE hq_ca (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    private_key BLOB NOT NULL,           -- PKCS#8 DER, P-256
    certificate BLOB NOT NULL,           -- DER, self-signed
    created_at  TEXT NOT NULL
) STRICT;

-- HQ: the PDF key each device sent (signed with its Ed25519 key, in a bundle) and the
-- certificate HQ issued for it.
ALTER TABLE hq_devices ADD COLUMN pdf_public_key BLOB;
ALTER TABLE hq_devices ADD COLUMN pdf_certificate BLOB;
ALTER TABLE hq_devices ADD COLUMN pdf_certified_at TEXT NOT NULL DEFAULT '';
