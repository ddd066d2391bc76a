-- 0007: the violation vocabulary carries its definitions in Russian and Belarusian (shown
-- as the tooltip of the act type picker in the user's language; English stays in
-- description_en) and the labels a term had in earlier versions (a JSON list of strings),
-- so thesauri made with an older vocabulary are still recognised. Filled in by
-- core/model/vocabulary.py:install when the shipped vocabulary is newer than the vault's.

ALTER TABLE vocabulary ADD COLUMN description_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE vocabulary ADD COLUMN description_be TEXT NOT NULL DEFAULT '';
ALTER TABLE vocabulary ADD COLUMN former_labels TEXT NOT NULL DEFAULT '[]';
