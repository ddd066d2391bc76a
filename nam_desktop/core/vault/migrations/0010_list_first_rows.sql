-- 0010: the testimony list at HQ's 100,000 testimonies (issue 19).
-- The whole list (`TestimonyRepository.list`) reads each of these from a narrow covering
-- index instead of scanning the tables (witness, consent and act rows are wide): measured
-- 0.71 + 0.61 + 1.6 s of scans on the bench vault, 0.16 + 0.00 + 0.16 s with them.
CREATE INDEX witnesses_list ON witnesses(testimony_id, pseudonym);
CREATE INDEX consent_withdrawn ON consent(testimony_id, withdrawn_at) WHERE withdrawn_at != '';
CREATE INDEX acts_list ON acts(testimony_id, type_code);
-- The first rows a person sees (`TestimonyRepository.list_first`): the list's default
-- order, newest interview first and, among equal dates, in the order the whole list
-- shows them (oldest change first, then the id from last to first), read with LIMIT.
CREATE INDEX testimonies_first ON testimonies(interview_date DESC, updated_at, id DESC);
