"""Exit codes of ``nam-desktop`` (docs/cli.md, "Exit codes"): one meaning each, shared by
every command. Kept apart from :mod:`nam_desktop.cli` so command modules can use them."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1  # a check failed: damaged, altered or forged (vault, file, bundle)
EXIT_BAD_INPUT = 2  # bad arguments, malformed JSON or file given as input
EXIT_UNSUPPORTED = 3  # unsupported file format, or a format version this program cannot read
EXIT_WRONG_PASSPHRASE = 4
EXIT_IN_USE = 5  # vault locked by another process
EXIT_NOT_FOUND = 6
EXIT_NOT_READY = 7  # e.g. finalize refused: something required is missing
EXIT_SIGNER_NOT_KNOWN = 9  # verify: valid, but nothing said who had to sign it (8: see the
# robustness branch, which uses it for "not enough space")
EXIT_INTERRUPTED = 130
