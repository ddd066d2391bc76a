-- 0002: full-text search inside the encrypted database. The FTS rowid is the rowid of
-- the testimony in `testimonies`.
-- unicode61 folds case for Cyrillic and Latin; remove_diacritics 2 folds diacritics, so
-- "ё" matches "е", "й" matches "и" and Belarusian "ў" matches "у": spellings that vary in
-- practice (ё is often typed as е) find each other. Identity fields are never indexed.
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
