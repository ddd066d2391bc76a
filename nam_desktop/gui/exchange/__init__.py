"""Between the interviewer and HQ, on the interviewer's side: the export wizard, importing
HQ's key card and HQ's receipt, and the words for exchange statuses."""
