-- 0004: audio recorded inside the app (docs/recording.md). A recording gets its media
-- file row (with its key) when it starts, so the vault scan keeps the file if the app
-- dies; the attachment row is added when it is finished or recovered.
CREATE TABLE recordings (
    id            TEXT PRIMARY KEY,
    testimony_id  TEXT NOT NULL REFERENCES testimonies(id) ON DELETE CASCADE,
    media_id      TEXT NOT NULL REFERENCES media_files(id) ON DELETE CASCADE,
    attachment_id TEXT REFERENCES attachments(id) ON DELETE CASCADE,
    state         TEXT NOT NULL DEFAULT 'recording'
                  CHECK (state IN ('recording', 'finished', 'recovered')),
    sample_rate   INTEGER NOT NULL,
    channels      INTEGER NOT NULL,
    sample_width  INTEGER NOT NULL,
    chunk_size    INTEGER NOT NULL,
    started_at    TEXT NOT NULL,
    finished_at   TEXT
) STRICT;
CREATE INDEX recordings_testimony ON recordings(testimony_id);
CREATE INDEX recordings_state ON recordings(state);

-- Timestamped markers; the note is the interviewer's words (encrypted with the database).
CREATE TABLE recording_markers (
    id            INTEGER PRIMARY KEY,
    recording_id  TEXT NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
    offset_ms     INTEGER NOT NULL CHECK (offset_ms >= 0),
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX recording_markers_recording ON recording_markers(recording_id, offset_ms);
