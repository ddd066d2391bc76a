"""Words for the recovery through HQ, travel mode and backups (and where their files go).

The core reports :class:`~nam_desktop.core.vault.recovery_format.RecoveryReason` and
:class:`~nam_desktop.core.vault.backup.BackupReason`; only here do they become sentences.
Every enum value has an entry (``tests/gui/startup/test_travel_gui.py`` checks it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from nam_desktop.core.vault.backup import BackupError, BackupReason
from nam_desktop.core.vault.recovery_format import RecoveryError, RecoveryReason
from nam_desktop.core.vault.travel import TravelProblem
from nam_desktop.gui.widgets.messages import message_for

CTX = "Recovery"

RECOVERY_TEXT: dict[RecoveryReason, str] = {
    RecoveryReason.INVALID: QT_TRANSLATE_NOOP(
        "Recovery", "This file is not a valid recovery file: it is damaged or not what its "
        "name says."),
    RecoveryReason.NO_KEYCARD: QT_TRANSLATE_NOOP(
        "Recovery", "HQ's key card has not been imported yet. Import it first (HQ menu → "
        "Import HQ key card…)."),
    RecoveryReason.NO_RECOVERY_SLOT: QT_TRANSLATE_NOOP(
        "Recovery", "This vault has no HQ recovery slot. Turn it on first (Settings → Travel "
        "and backup)."),
    RecoveryReason.SLOT_OUTDATED: QT_TRANSLATE_NOOP(
        "Recovery", "The HQ recovery slot was made for an older key card. Turn it on again "
        "so that it is made for the current one."),
    RecoveryReason.BAD_SIGNATURE: QT_TRANSLATE_NOOP(
        "Recovery", "The signature of this file is not correct: it was altered or is not "
        "from who it claims. Nothing was changed."),
    RecoveryReason.UNKNOWN_DEVICE: QT_TRANSLATE_NOOP(
        "Recovery", "The request comes from a device that is not registered at this HQ."),
    RecoveryReason.NOT_FOR_THIS_HQ: QT_TRANSLATE_NOOP(
        "Recovery", "None of this HQ's keys opens this request: it was made for another HQ."),
    RecoveryReason.REPLAYED: QT_TRANSLATE_NOOP(
        "Recovery", "This request was answered before. Each request is answered once: ask "
        "the interviewer for a new one."),
    RecoveryReason.NOT_FOR_THIS_REQUEST: QT_TRANSLATE_NOOP(
        "Recovery", "This answer is for another request or another device. Use the answer "
        "to the newest request made on this computer."),
    RecoveryReason.NO_PENDING_REQUEST: QT_TRANSLATE_NOOP(
        "Recovery", "No recovery request was made on this computer for this vault, or its "
        "answer was already used. Make a new request."),
    RecoveryReason.NOT_CONFIRMED: QT_TRANSLATE_NOOP(
        "Recovery", "Not confirmed: nothing was done."),
}

BACKUP_TEXT: dict[BackupReason, str] = {
    BackupReason.NO_RECIPIENT: QT_TRANSLATE_NOOP(
        "Recovery", "Nobody could open this backup: import HQ's key card, or give the backup "
        "a passphrase."),
    BackupReason.DEST_MISSING: QT_TRANSLATE_NOOP(
        "Recovery", "The chosen folder is not there any more. Was the drive removed?"),
    BackupReason.DEST_READ_ONLY: QT_TRANSLATE_NOOP(
        "Recovery", "The chosen drive is read-only. Choose another place."),
    BackupReason.DEST_INSIDE_VAULT: QT_TRANSLATE_NOOP(
        "Recovery", "The backup cannot be written inside the vault folder. Choose a second "
        "drive."),
    BackupReason.SOURCE_CHANGED: QT_TRANSLATE_NOOP(
        "Recovery", "A file of the vault is missing. Run the vault check; nothing was "
        "written."),
    BackupReason.WRITE_FAILED: QT_TRANSLATE_NOOP(
        "Recovery", "Writing to the drive failed (removed or faulty?). Nothing was left on "
        "it."),
    BackupReason.READBACK_MISMATCH: QT_TRANSLATE_NOOP(
        "Recovery", "The drive gave back other bytes than were written (faulty?). The backup "
        "was removed; try another drive."),
    BackupReason.CANCELLED: QT_TRANSLATE_NOOP("Recovery", "Cancelled. Nothing was written."),
    BackupReason.NOT_A_BACKUP: QT_TRANSLATE_NOOP(
        "Recovery", "This is not a backup of a NAM vault, or it was altered."),
    BackupReason.DAMAGED: QT_TRANSLATE_NOOP(
        "Recovery", "The backup is damaged. Nothing was restored."),
    BackupReason.TRUNCATED: QT_TRANSLATE_NOOP(
        "Recovery", "The backup is cut short: is a part missing? Nothing was restored."),
    BackupReason.NO_IDENTITY: QT_TRANSLATE_NOOP(
        "Recovery", "Neither HQ's key nor the backup passphrase opens this backup."),
    BackupReason.TARGET_NOT_EMPTY: QT_TRANSLATE_NOOP(
        "Recovery", "The folder is not empty. Choose a new or empty folder."),
}

TRAVEL_TEXT: dict[TravelProblem, str] = {
    TravelProblem.NO_KEYCARD: RECOVERY_TEXT[RecoveryReason.NO_KEYCARD],
    TravelProblem.NO_RECOVERY_SLOT: RECOVERY_TEXT[RecoveryReason.NO_RECOVERY_SLOT],
    TravelProblem.SLOT_OUTDATED: RECOVERY_TEXT[RecoveryReason.SLOT_OUTDATED],
    TravelProblem.SLOT_DAMAGED: QT_TRANSLATE_NOOP(
        "Recovery", "The HQ recovery slot file is missing or damaged. Turn it on again."),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def recovery_error_text(exc: BaseException) -> str:
    """The user's words for a failure of a recovery, travel or backup step."""
    if isinstance(exc, RecoveryError):
        return tr(RECOVERY_TEXT[exc.reason])
    if isinstance(exc, BackupError):
        return tr(BACKUP_TEXT[exc.reason])
    return message_for(exc)


def free_name(folder: Path, stem: str, suffix: str = ".json") -> Path:
    """Where a request or an answer is saved: ``stem.json`` in ``folder``, or
    ``stem-2.json``, ... when taken (an existing file is never replaced)."""
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate
