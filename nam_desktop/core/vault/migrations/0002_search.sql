-- 0002: full-text search inside the encrypted database. The FTS rowid is the rowid of
-- the testimony in `testimonies`.
-- unicode61 folds case for Cyrillic and Latin and, with remove_diacritics 2, Latin
-- diacritics. It keeps Cyrillic letters apart (Belarusian ў and і stay distinct); the
-- application folds Russian ё to е on both sides, since ё is mostly typed as е.
-- Identity fields are never indexed.
CREATE VIRTUAL TABLE testimony_fts USING fts5(
    title,
    pseudonym,
    narrative,
    notes,
    acts,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Overwrite deleted index entries instead of leaving them in free pages.
INSERT INTO testimony_fts(testimony_fts, rank) VALUES ('secure-delete', 1);
