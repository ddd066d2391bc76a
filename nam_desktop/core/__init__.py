"""All application logic. Nothing here imports Qt (enforced by import-linter)."""
