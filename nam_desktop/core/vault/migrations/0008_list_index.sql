-- 0008: the testimony list (`TestimonyRepository.list`, newest change first) read from
-- one covering index: without it the list reads every testimony's whole row (narrative
-- included, several pages each) and sorts them; at HQ's 100,000 testimonies, seconds.
CREATE INDEX testimonies_list ON testimonies(updated_at DESC, id, title, status, revision,
                                             interview_date);
