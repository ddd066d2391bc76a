"""Typed errors of the core.

Every expected failure carries a :class:`Status`. Front ends turn the status into
words (the GUI through Qt Linguist, the CLI into a message and an exit code); the
core never formats user-facing sentences beyond a short technical ``detail``.
"""

from __future__ import annotations

from enum import Enum


class Status(Enum):
    WRONG_PASSPHRASE = "wrong_passphrase"  # noqa: S105  # a status name, not a secret
    KEYSLOT_DAMAGED = "keyslot_damaged"
    DATABASE_DAMAGED = "database_damaged"
    MEDIA_MISSING = "media_missing"
    MEDIA_DAMAGED = "media_damaged"
    VAULT_LOCKED = "vault_locked"
    VAULT_IN_USE = "vault_in_use"
    VAULT_NOT_FOUND = "vault_not_found"
    VAULT_EXISTS = "vault_exists"
    INVALID_INPUT = "invalid_input"
    NOT_FOUND = "not_found"
    NOT_READY = "not_ready"
    UNSUPPORTED_FORMAT = "unsupported_format"
    MALFORMED_FILE = "malformed_file"
    PERMISSION_DENIED = "permission_denied"
    NO_SPACE = "no_space"  # the disk or stick is full: nothing was changed
    IO_ERROR = "io_error"  # the drive failed or went away while reading or writing
    REJECTED = "rejected"  # a bundle, key card or receipt failed its checks: damaged,
    # altered, forged or not meant for this vault
    AWAITING_RECOVERY = "awaiting_recovery"  # no passphrase opens it: waiting for HQ


class NamError(Exception):
    """Base of every expected failure. ``detail`` never contains testimony content."""

    status: Status = Status.INVALID_INPUT

    def __init__(self, detail: str = "", *, status: Status | None = None) -> None:
        super().__init__(detail or self.__class__.__name__)
        self.detail = detail
        if status is not None:
            self.status = status


class WrongPassphraseError(NamError):
    status = Status.WRONG_PASSPHRASE


class KeySlotDamagedError(NamError):
    status = Status.KEYSLOT_DAMAGED


class AwaitingRecoveryError(NamError):
    """No passphrase key slot is left (travel mode): only access given back by HQ through
    the recovery slot opens the vault (docs/recovery-format.md)."""

    status = Status.AWAITING_RECOVERY


class DatabaseDamagedError(NamError):
    status = Status.DATABASE_DAMAGED


class MediaMissingError(NamError):
    status = Status.MEDIA_MISSING


class MediaDamagedError(NamError):
    """A media file failed authentication: truncated, reordered or altered."""

    status = Status.MEDIA_DAMAGED


class VaultLockedError(NamError):
    """The vault object was locked (closed); decrypted state is gone."""

    status = Status.VAULT_LOCKED


class VaultInUseError(NamError):
    """Another process holds the vault's lock file."""

    status = Status.VAULT_IN_USE


class VaultNotFoundError(NamError):
    status = Status.VAULT_NOT_FOUND


class VaultExistsError(NamError):
    status = Status.VAULT_EXISTS


class ValidationError(NamError):
    """Bad input. ``field`` names the offending field (e.g. ``acts[0].type``)."""

    status = Status.INVALID_INPUT

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class NotFoundError(NamError):
    status = Status.NOT_FOUND


class NotReadyError(NamError):
    """An operation's preconditions are not met; ``missing`` lists what is missing."""

    status = Status.NOT_READY

    def __init__(self, missing: list[str]) -> None:
        super().__init__("missing: " + ", ".join(missing))
        self.missing = list(missing)


class UnsupportedFormatError(NamError):
    status = Status.UNSUPPORTED_FORMAT


class MalformedFileError(NamError):
    status = Status.MALFORMED_FILE


class NoSpaceError(NamError):
    """Not enough free space where something had to be written; nothing was changed.

    ``where`` names the folder (vault or destination); ``needed`` is how many bytes the
    operation needs when that is known, ``free`` how many were free (None: unknown).
    Front ends format the words ("not enough space on <where>, N MB needed").
    """

    status = Status.NO_SPACE

    def __init__(self, where: str, *, needed: int | None = None,
                 free: int | None = None) -> None:
        parts = [f"on {where}"]
        if needed is not None:
            parts.append(f"{needed} bytes needed")
        if free is not None:
            parts.append(f"{free} bytes free")
        super().__init__(", ".join(parts))
        self.where = where
        self.needed = needed
        self.free = free


class StorageIOError(NamError):
    """A read or write failed for another reason than space (drive removed, faulty)."""

    status = Status.IO_ERROR
