"""Typed failures of the exchange with HQ (export, import, key cards, receipts).

Each carries a :class:`Reason`; front ends turn the reason into words. ``detail`` is a
short technical note and never contains testimony content.
"""

from __future__ import annotations

from enum import Enum

from nam_desktop.core.errors import NamError, Status


class Reason(Enum):
    """Why an exchange operation was refused. The values are a wire contract: they are
    printed by the CLI (``verdict: REJECTED (<value>)``, ``--json``), stored in audit
    entries and documented in docs/bundle-format.md; change them only with the docs and a
    new format version."""

    MALFORMED = "malformed"  # the inner stream breaks the format
    UNSUPPORTED_VERSION = "unsupported_version"  # a format version this program cannot read
    INCONSISTENT = "inconsistent"  # the bundle's records contradict its entries
    OVERSIZE = "oversize"  # a header, record or count exceeds a hard limit
    DAMAGED = "damaged"  # the age layer failed: flipped bit or altered file
    TRUNCATED = "truncated"
    WRONG_RECIPIENT = "wrong_recipient"  # not encrypted to, or not addressed to, this HQ
    UNKNOWN_SIGNER = "unknown_signer"  # the device is not registered at this HQ
    BAD_SIGNATURE = "bad_signature"
    HASH_MISMATCH = "hash_mismatch"  # an entry differs from the hash in the signed header
    FORK = "fork"  # same device and sequence, different bundle: copied key?
    CONFLICT = "conflict"  # a known entry id arrives with a different hash
    KEYCARD_INVALID = "keycard_invalid"
    KEYCARD_ROOT_MISMATCH = "keycard_root_mismatch"
    KEYCARD_OUTDATED = "keycard_outdated"
    RECEIPT_INVALID = "receipt_invalid"
    WRONG_ROLE = "wrong_role"  # an HQ operation on an interviewer vault, or the reverse
    NO_HQ_IDENTITY = "no_hq_identity"
    WRITE_FAILED = "write_failed"  # destination failed (drive removed, full, read-only)
    READBACK_MISMATCH = "readback_mismatch"
    SOURCE_CHANGED = "source_changed"  # an entry changed while it left the vault
    CANCELLED = "cancelled"


_STATUS = {
    Reason.UNSUPPORTED_VERSION: Status.UNSUPPORTED_FORMAT,
    Reason.WRONG_ROLE: Status.INVALID_INPUT,
    Reason.NO_HQ_IDENTITY: Status.NOT_READY,
    # A failed write is a drive problem (removed, faulty, full), not a refusal; a full
    # destination is raised as NoSpaceError by the operation that knows how much it needs.
    Reason.WRITE_FAILED: Status.IO_ERROR,
    Reason.READBACK_MISMATCH: Status.MEDIA_DAMAGED,
    Reason.SOURCE_CHANGED: Status.MEDIA_DAMAGED,
    Reason.CANCELLED: Status.NOT_READY,
}
# Every other reason is a document that failed its checks (one exit code, docs/cli.md).


class ExchangeError(NamError):
    """An exchange operation refused or failed; nothing was imported or kept."""

    def __init__(self, reason: Reason, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value,
                         status=_STATUS.get(reason, Status.REJECTED))
        self.reason = reason
        self.note = detail  # the technical note alone (``detail`` starts with the reason)
