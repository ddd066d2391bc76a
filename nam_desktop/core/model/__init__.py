"""The testimony data model: vocabulary, records, validation, repository, search."""
