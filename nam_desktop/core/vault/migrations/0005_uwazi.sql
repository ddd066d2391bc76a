-- 0005: HQ -> Uwazi (docs/uwazi.md). The target snapshot (what the Uwazi instance's API
-- returned for templates, dictionaries and settings), versioned; and every export of
-- import packages with the testimony revisions it carried, so the next export holds only
-- what is new or changed. The audit log records each snapshot and export with hashes.

CREATE TABLE uwazi_snapshots (
    version      INTEGER PRIMARY KEY,
    stored_at    TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    templates    TEXT NOT NULL,
    dictionaries TEXT NOT NULL,
    settings     TEXT NOT NULL
) STRICT;

CREATE TABLE uwazi_exports (
    export_id        TEXT PRIMARY KEY,
    seq              INTEGER NOT NULL UNIQUE,
    created_at       TEXT NOT NULL,
    snapshot_version INTEGER NOT NULL REFERENCES uwazi_snapshots(version),
    mapping_sha256   TEXT NOT NULL,
    since_export     TEXT NOT NULL DEFAULT '',
    packages         TEXT NOT NULL DEFAULT '[]'
) STRICT;

-- One row per testimony an export carried; ``digest`` covers the revision and the
-- cleaned attachments sent, so a new revision or a new file makes it "changed".
CREATE TABLE uwazi_export_items (
    export_id    TEXT NOT NULL REFERENCES uwazi_exports(export_id),
    testimony_id TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    digest       TEXT NOT NULL,
    PRIMARY KEY (export_id, testimony_id)
) STRICT;
CREATE INDEX uwazi_export_items_testimony ON uwazi_export_items(testimony_id);
