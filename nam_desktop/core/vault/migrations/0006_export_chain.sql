-- 0006: a crash during an export never breaks the chain to HQ, and receipts name what HQ
-- holds (docs/bundle-format.md sections 1, 3.1 and 7; docs/threat-model.md).

-- Interviewer: every export attempt, committed with its sequence number and digest
-- BEFORE any byte reaches the destination. A sequence number is never used twice; an
-- attempt that never reached 'completed' is reported to HQ in the next bundle's header.
-- outcome 'started' with no export running means the program died (interrupted).
CREATE TABLE exchange_export_starts (
    seq             INTEGER PRIMARY KEY,
    bundle_id       TEXT NOT NULL UNIQUE,
    digest          TEXT NOT NULL UNIQUE,
    stem            TEXT NOT NULL,
    started_at      TEXT NOT NULL,
    outcome         TEXT NOT NULL DEFAULT 'started'
                    CHECK (outcome IN ('started', 'completed', 'failed', 'cancelled')),
    ended_at        TEXT NOT NULL DEFAULT '',
    acknowledged_at TEXT NOT NULL DEFAULT ''
) STRICT;

-- Interviewer: every entry a verified receipt (v2) says HQ holds. Purging local media is
-- allowed only for a file whose exact SHA-256 is listed here as a media entry.
CREATE TABLE exchange_received (
    entry_id        TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('testimony', 'attachment', 'media')),
    sha256          TEXT NOT NULL,
    receipt_sha256  TEXT NOT NULL,
    issued_at       TEXT NOT NULL,
    signer          TEXT NOT NULL,
    PRIMARY KEY (entry_id, sha256)
) STRICT;
CREATE INDEX exchange_received_sha256 ON exchange_received(kind, sha256);

-- HQ: export attempts a device reported as not completed (header audit.unfinished), so
-- the gap report can name a missing sequence number as an interrupted export.
CREATE TABLE hq_unfinished_exports (
    device_fingerprint TEXT NOT NULL REFERENCES hq_devices(fingerprint),
    seq                INTEGER NOT NULL,
    bundle_id          TEXT NOT NULL,
    digest             TEXT NOT NULL,
    state              TEXT NOT NULL CHECK (state IN ('interrupted', 'failed', 'cancelled')),
    reported_by        TEXT NOT NULL,
    PRIMARY KEY (device_fingerprint, seq)
) STRICT;
