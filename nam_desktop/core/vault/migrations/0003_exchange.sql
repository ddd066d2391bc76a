-- 0003: exchange with HQ (docs/bundle-format.md). Interviewer side: the pinned HQ key
-- card and the bundles exported; HQ side: its private identities, registered devices,
-- imported bundles and entries, and alarms for review. Private keys stay inside the
-- encrypted database.

-- Interviewer: the current HQ key card, its root key pinned at first import.
CREATE TABLE exchange_keycard (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    root_public_key BLOB NOT NULL,
    serial          INTEGER NOT NULL,
    card            TEXT NOT NULL,
    imported_at     TEXT NOT NULL
) STRICT;

-- Interviewer: one row per bundle written; seq and digest chain the device's bundles.
CREATE TABLE exchange_exports (
    bundle_id       TEXT PRIMARY KEY,
    seq             INTEGER NOT NULL UNIQUE,
    digest          TEXT NOT NULL UNIQUE,
    file_sha256     TEXT NOT NULL,
    size            INTEGER NOT NULL,
    parts           INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'awaiting_receipt'
                    CHECK (status IN ('awaiting_receipt', 'acknowledged')),
    acknowledged_at TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE exchange_export_items (
    bundle_id    TEXT NOT NULL REFERENCES exchange_exports(bundle_id),
    testimony_id TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    PRIMARY KEY (bundle_id, testimony_id)
) STRICT;
CREATE INDEX exchange_export_items_testimony ON exchange_export_items(testimony_id);

-- HQ: root and receipt Ed25519 keys (raw private bytes) and the key card serial.
CREATE TABLE hq_identity (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    root_private  BLOB NOT NULL,
    receipt_private BLOB NOT NULL,
    card_serial   INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
) STRICT;

-- HQ: age X25519 identities; retired ones still decrypt older bundles.
CREATE TABLE hq_age_identities (
    recipient  TEXT PRIMARY KEY,
    identity   TEXT NOT NULL,
    created_at TEXT NOT NULL,
    retired    INTEGER NOT NULL DEFAULT 0
) STRICT;

-- HQ: interviewer devices; the public key is learned from the first bundle when only
-- the fingerprint was registered.
CREATE TABLE hq_devices (
    fingerprint   TEXT PRIMARY KEY,
    public_key    BLOB,
    name          TEXT NOT NULL,
    registered_at TEXT NOT NULL
) STRICT;

CREATE TABLE hq_bundles (
    bundle_id          TEXT PRIMARY KEY,
    device_fingerprint TEXT NOT NULL REFERENCES hq_devices(fingerprint),
    seq                INTEGER NOT NULL,
    digest             TEXT NOT NULL UNIQUE,
    prev_digest        TEXT NOT NULL,
    audit_entries      INTEGER NOT NULL,
    audit_head         TEXT NOT NULL,
    entries            INTEGER NOT NULL,
    imported_at        TEXT NOT NULL,
    UNIQUE (device_fingerprint, seq)
) STRICT;

CREATE TABLE hq_entries (
    entry_id  TEXT PRIMARY KEY,
    bundle_id TEXT NOT NULL REFERENCES hq_bundles(bundle_id),
    kind      TEXT NOT NULL,
    size      INTEGER NOT NULL,
    sha256    TEXT NOT NULL,
    media_id  TEXT REFERENCES media_files(id) ON DELETE SET NULL
) STRICT;

-- HQ: gaps (lost stick?), forks (copied key?) and conflicts, for a person to review.
CREATE TABLE hq_alarms (
    id                 INTEGER PRIMARY KEY,
    ts                 TEXT NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('gap', 'fork', 'conflict')),
    device_fingerprint TEXT NOT NULL,
    bundle_id          TEXT NOT NULL,
    detail             TEXT NOT NULL DEFAULT ''
) STRICT;
