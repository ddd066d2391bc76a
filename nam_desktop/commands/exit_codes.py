"""The CLI's exit codes (documented in docs/cli.md, section "Exit codes").

Kept apart from ``cli.py`` so command modules can name them without an import cycle.
Scripts at HQ depend on these numbers: never renumber one.
"""

from __future__ import annotations

from nam_desktop.core.errors import Status

EXIT_OK = 0
EXIT_FAILED = 1  # a check failed: damaged, altered or forged (vault, key slot, database,
# file, bundle); I/O error
EXIT_BAD_INPUT = 2  # bad arguments, malformed JSON or file, invalid field
EXIT_UNSUPPORTED = 3  # unsupported file format, or a format version this program cannot read
EXIT_WRONG_PASSPHRASE = 4
EXIT_IN_USE = 5  # vault locked by another process
EXIT_NOT_FOUND = 6  # vault, testimony, attachment, input file, key card
EXIT_NOT_READY = 7  # e.g. finalize refused: something required is missing
EXIT_NO_SPACE = 8  # not enough free space on the vault's disk or the destination
EXIT_SIGNER_NOT_KNOWN = 9  # verify: the signature is valid, but nothing said who had to sign
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)

EXIT_CODES: dict[Status, int] = {
    Status.WRONG_PASSPHRASE: EXIT_WRONG_PASSPHRASE,
    Status.KEYSLOT_DAMAGED: EXIT_FAILED,
    Status.DATABASE_DAMAGED: EXIT_FAILED,
    Status.MEDIA_MISSING: EXIT_FAILED,
    Status.MEDIA_DAMAGED: EXIT_FAILED,
    Status.VAULT_LOCKED: EXIT_FAILED,
    Status.VAULT_IN_USE: EXIT_IN_USE,
    Status.VAULT_NOT_FOUND: EXIT_NOT_FOUND,
    Status.VAULT_EXISTS: EXIT_BAD_INPUT,
    Status.INVALID_INPUT: EXIT_BAD_INPUT,
    Status.NOT_FOUND: EXIT_NOT_FOUND,
    Status.NOT_READY: EXIT_NOT_READY,
    Status.UNSUPPORTED_FORMAT: EXIT_UNSUPPORTED,
    Status.MALFORMED_FILE: EXIT_BAD_INPUT,
    Status.PERMISSION_DENIED: EXIT_FAILED,
    Status.NO_SPACE: EXIT_NO_SPACE,
    Status.IO_ERROR: EXIT_FAILED,
    Status.REJECTED: EXIT_FAILED,
    Status.AWAITING_RECOVERY: EXIT_NOT_READY,
}


def exit_code(status: Status) -> int:
    return EXIT_CODES.get(status, EXIT_FAILED)
