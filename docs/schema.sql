-- The declared schema of vault.db (schema version 5), one object per line,
-- whitespace normalised. tests/integration/vault/test_migrations.py checks that the
-- numbered migrations build exactly this. Regenerate with `make schema`.

CREATE INDEX acts_testimony ON acts(testimony_id, position);
CREATE INDEX acts_type ON acts(type_code);
CREATE INDEX attachments_testimony ON attachments(testimony_id);
CREATE INDEX exchange_export_items_testimony ON exchange_export_items(testimony_id);
CREATE INDEX perpetrators_act ON perpetrators(act_id);
CREATE INDEX recording_markers_recording ON recording_markers(recording_id, offset_ms);
CREATE INDEX recordings_state ON recordings(state);
CREATE INDEX recordings_testimony ON recordings(testimony_id);
CREATE INDEX testimonies_list ON testimonies(updated_at DESC, id, title, status, revision, interview_date);
CREATE INDEX testimonies_status ON testimonies(status);
CREATE TABLE acts ( id TEXT PRIMARY KEY, testimony_id TEXT NOT NULL REFERENCES testimonies(id) ON DELETE CASCADE, position INTEGER NOT NULL, type_code TEXT NOT NULL REFERENCES vocabulary(code), date_start TEXT NOT NULL DEFAULT '', date_end TEXT NOT NULL DEFAULT '', date_precision TEXT NOT NULL DEFAULT 'unknown' CHECK (date_precision IN ('exact', 'month', 'year', 'range', 'unknown')), place TEXT NOT NULL DEFAULT '', victims TEXT NOT NULL DEFAULT '', status_after TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '' ) STRICT;
CREATE TABLE attachments ( id TEXT PRIMARY KEY, testimony_id TEXT NOT NULL REFERENCES testimonies(id) ON DELETE CASCADE, filename TEXT NOT NULL, media_type TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT 'file' CHECK (kind IN ('file', 'recording')), original_media_id TEXT REFERENCES media_files(id) ON DELETE SET NULL, cleaned_media_id TEXT REFERENCES media_files(id) ON DELETE SET NULL, sha256_original TEXT NOT NULL, sha256_cleaned TEXT NOT NULL DEFAULT '', size_original INTEGER NOT NULL, size_cleaned INTEGER NOT NULL DEFAULT 0, clean_status TEXT NOT NULL DEFAULT 'not_checked', report TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL ) STRICT;
CREATE TABLE audit_log ( seq INTEGER PRIMARY KEY, ts TEXT NOT NULL, action TEXT NOT NULL, object_id TEXT NOT NULL DEFAULT '', details TEXT NOT NULL DEFAULT '{}', prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE ) STRICT;
CREATE TABLE consent ( testimony_id TEXT PRIMARY KEY REFERENCES testimonies(id) ON DELETE CASCADE, hq_documentation INTEGER NOT NULL DEFAULT 0, anonymous_publication INTEGER NOT NULL DEFAULT 0, legal_proceedings INTEGER NOT NULL DEFAULT 0, audio_recording INTEGER NOT NULL DEFAULT 0, anonymity_requested INTEGER NOT NULL DEFAULT 1, may_recontact INTEGER NOT NULL DEFAULT 0, given_date TEXT NOT NULL DEFAULT '', method TEXT NOT NULL DEFAULT '' CHECK (method IN ('', 'oral', 'written', 'recorded')), withdrawn_at TEXT NOT NULL DEFAULT '' ) STRICT;
CREATE TABLE consent_events ( id INTEGER PRIMARY KEY, testimony_id TEXT NOT NULL REFERENCES testimonies(id) ON DELETE CASCADE, ts TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('given', 'renewed', 'changed', 'withdrawn')), note TEXT NOT NULL DEFAULT '' ) STRICT;
CREATE TABLE device_identity ( id INTEGER PRIMARY KEY CHECK (id = 1), private_key BLOB NOT NULL, public_key BLOB NOT NULL, created_at TEXT NOT NULL ) STRICT;
CREATE TABLE exchange_export_items ( bundle_id TEXT NOT NULL REFERENCES exchange_exports(bundle_id), testimony_id TEXT NOT NULL, revision INTEGER NOT NULL, PRIMARY KEY (bundle_id, testimony_id) ) STRICT;
CREATE TABLE exchange_exports ( bundle_id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, digest TEXT NOT NULL UNIQUE, file_sha256 TEXT NOT NULL, size INTEGER NOT NULL, parts INTEGER NOT NULL, created_at TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'awaiting_receipt' CHECK (status IN ('awaiting_receipt', 'acknowledged')), acknowledged_at TEXT NOT NULL DEFAULT '' ) STRICT;
CREATE TABLE exchange_keycard ( id INTEGER PRIMARY KEY CHECK (id = 1), root_public_key BLOB NOT NULL, serial INTEGER NOT NULL, card TEXT NOT NULL, imported_at TEXT NOT NULL ) STRICT;
CREATE TABLE hq_age_identities ( recipient TEXT PRIMARY KEY, identity TEXT NOT NULL, created_at TEXT NOT NULL, retired INTEGER NOT NULL DEFAULT 0 ) STRICT;
CREATE TABLE hq_alarms ( id INTEGER PRIMARY KEY, ts TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('gap', 'fork', 'conflict')), device_fingerprint TEXT NOT NULL, bundle_id TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '' ) STRICT;
CREATE TABLE hq_bundles ( bundle_id TEXT PRIMARY KEY, device_fingerprint TEXT NOT NULL REFERENCES hq_devices(fingerprint), seq INTEGER NOT NULL, digest TEXT NOT NULL UNIQUE, prev_digest TEXT NOT NULL, audit_entries INTEGER NOT NULL, audit_head TEXT NOT NULL, entries INTEGER NOT NULL, imported_at TEXT NOT NULL, UNIQUE (device_fingerprint, seq) ) STRICT;
CREATE TABLE hq_devices ( fingerprint TEXT PRIMARY KEY, public_key BLOB, name TEXT NOT NULL, registered_at TEXT NOT NULL ) STRICT;
CREATE TABLE hq_entries ( entry_id TEXT PRIMARY KEY, bundle_id TEXT NOT NULL REFERENCES hq_bundles(bundle_id), kind TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, media_id TEXT REFERENCES media_files(id) ON DELETE SET NULL ) STRICT;
CREATE TABLE hq_identity ( id INTEGER PRIMARY KEY CHECK (id = 1), root_private BLOB NOT NULL, receipt_private BLOB NOT NULL, card_serial INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL ) STRICT;
CREATE TABLE media_files ( id TEXT PRIMARY KEY, file_key BLOB NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, chunk_size INTEGER NOT NULL, created_at TEXT NOT NULL ) STRICT;
CREATE TABLE meta ( key TEXT PRIMARY KEY, value TEXT NOT NULL ) STRICT;
CREATE TABLE perpetrators ( id INTEGER PRIMARY KEY, act_id TEXT NOT NULL REFERENCES acts(id) ON DELETE CASCADE, unit TEXT NOT NULL DEFAULT '', rank TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '' ) STRICT;
CREATE TABLE recording_markers ( id INTEGER PRIMARY KEY, recording_id TEXT NOT NULL REFERENCES recordings(id) ON DELETE CASCADE, offset_ms INTEGER NOT NULL CHECK (offset_ms >= 0), note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL ) STRICT;
CREATE TABLE recordings ( id TEXT PRIMARY KEY, testimony_id TEXT NOT NULL REFERENCES testimonies(id) ON DELETE CASCADE, media_id TEXT NOT NULL REFERENCES media_files(id) ON DELETE CASCADE, attachment_id TEXT REFERENCES attachments(id) ON DELETE CASCADE, state TEXT NOT NULL DEFAULT 'recording' CHECK (state IN ('recording', 'finished', 'recovered')), sample_rate INTEGER NOT NULL, channels INTEGER NOT NULL, sample_width INTEGER NOT NULL, chunk_size INTEGER NOT NULL, started_at TEXT NOT NULL, finished_at TEXT ) STRICT;
CREATE TABLE revisions ( testimony_id TEXT NOT NULL REFERENCES testimonies(id) ON DELETE CASCADE, revision INTEGER NOT NULL, created_at TEXT NOT NULL, content TEXT NOT NULL, content_hash TEXT NOT NULL, PRIMARY KEY (testimony_id, revision) ) STRICT;
CREATE TABLE testimonies ( id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final', 'delivered')), revision INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, interviewer TEXT NOT NULL DEFAULT '', interview_date TEXT NOT NULL DEFAULT '', interview_date_end TEXT NOT NULL DEFAULT '', interview_place TEXT NOT NULL DEFAULT '', interview_mode TEXT NOT NULL DEFAULT '' CHECK (interview_mode IN ('', 'in_person', 'remote')), languages TEXT NOT NULL DEFAULT '[]', interpreter TEXT NOT NULL DEFAULT '', others_present TEXT NOT NULL DEFAULT '', narrative TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '', reliability TEXT NOT NULL DEFAULT '', follow_up TEXT NOT NULL DEFAULT '', referrals TEXT NOT NULL DEFAULT '' ) STRICT;
CREATE VIRTUAL TABLE testimony_fts USING fts5( title, pseudonym, narrative, notes, acts, tokenize = 'unicode61 remove_diacritics 2' );
CREATE TABLE 'testimony_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'testimony_fts_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4);
CREATE TABLE 'testimony_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'testimony_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'testimony_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE vocabulary ( code TEXT PRIMARY KEY, category TEXT NOT NULL, label_en TEXT NOT NULL, label_ru TEXT NOT NULL, label_be TEXT NOT NULL, description_en TEXT NOT NULL DEFAULT '', version TEXT NOT NULL, retired INTEGER NOT NULL DEFAULT 0 ) STRICT;
CREATE TABLE witness_identity ( testimony_id TEXT PRIMARY KEY REFERENCES testimonies(id) ON DELETE CASCADE, name TEXT NOT NULL DEFAULT '', birth_date TEXT NOT NULL DEFAULT '', contact TEXT NOT NULL DEFAULT '', documents TEXT NOT NULL DEFAULT '' ) STRICT;
CREATE TABLE witnesses ( testimony_id TEXT PRIMARY KEY REFERENCES testimonies(id) ON DELETE CASCADE, pseudonym TEXT NOT NULL DEFAULT '', gender TEXT NOT NULL DEFAULT '', age_group TEXT NOT NULL DEFAULT '', role TEXT NOT NULL DEFAULT 'victim' CHECK (role IN ('victim', 'witness', 'relative', 'other')) ) STRICT;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;
