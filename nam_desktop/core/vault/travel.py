"""Travel mode: a vault on the laptop that no passphrase opens (docs/threat-model.md,
"Crossing a border").

:func:`prepare_travel` checks that the HQ recovery slot exists, is intact and was made
for the key card pinned now, records the step in the audit log, then destroys both
passphrase key slots (overwritten, synced, removed; the backup copy first). From then on
only HQ's answer to a recovery request opens the vault (core/vault/recovery.py). At no
moment is there neither a passphrase slot nor a verified recovery slot.

:func:`leave_without_vault` ("travel without the vault") follows a backup that was
written and read back (core/vault/backup.py): keys first (passphrase slots, recovery
slot, pending request), then the database and the media files are removed.
"""

from __future__ import annotations

import contextlib
from enum import Enum
from pathlib import Path

from nam_desktop.core import fileio
from nam_desktop.core.clock import iso, utc_now
from nam_desktop.core.exchange.keycard import current_keycard
from nam_desktop.core.vault import recovery
from nam_desktop.core.vault.backup import BackupResult, remove_stale_copies
from nam_desktop.core.vault.lockfile import LOCK_NAME, VaultLock
from nam_desktop.core.vault.recovery_format import RecoveryError, RecoveryReason
from nam_desktop.core.vault.shred import shred_all
from nam_desktop.core.vault.vault import (
    DB_NAME,
    KEYSLOT_NAMES,
    MEDIA_DIR,
    RECOVERY_NAMES,
    Vault,
)

META_TRAVEL = "travel.prepared_at"


class TravelProblem(Enum):
    NO_KEYCARD = "no_keycard"
    NO_RECOVERY_SLOT = "no_recovery_slot"
    SLOT_OUTDATED = "recovery_slot_outdated"  # made for an older key card
    SLOT_DAMAGED = "recovery_slot_damaged"  # the file is missing or not the one recorded


_REASONS = {
    TravelProblem.NO_KEYCARD: (RecoveryReason.NO_KEYCARD, "import HQ's key card first"),
    TravelProblem.NO_RECOVERY_SLOT: (RecoveryReason.NO_RECOVERY_SLOT,
                                     "turn on the HQ recovery slot first"),
    TravelProblem.SLOT_OUTDATED: (RecoveryReason.SLOT_OUTDATED,
                                  "it was made for another key card than the one pinned"),
    TravelProblem.SLOT_DAMAGED: (RecoveryReason.NO_RECOVERY_SLOT,
                                 "the recovery slot file is missing or not the one this "
                                 "vault made; turn it on again"),
}


def travel_problem(vault: Vault) -> TravelProblem | None:
    """What stops travel mode, or None when the vault is ready for it."""
    if vault.role != "interviewer" or current_keycard(vault) is None:
        return TravelProblem.NO_KEYCARD
    state = recovery.status(vault)
    if not state.enabled:
        return TravelProblem.NO_RECOVERY_SLOT
    if not state.current:
        return TravelProblem.SLOT_OUTDATED
    if not state.intact:
        return TravelProblem.SLOT_DAMAGED
    return None


def require_ready(vault: Vault) -> None:
    """Raise :class:`RecoveryError` with the reason when travel mode would be refused."""
    problem = travel_problem(vault)
    if problem is not None:
        raise RecoveryError(*_REASONS[problem])


def prepare_travel(vault: Vault) -> int:
    """Destroy every passphrase key slot of the open vault; the caller closes it after.
    Refused (:class:`RecoveryError`, nothing changed) unless the HQ recovery slot for the
    current key card is there. Returns how many key slot files were destroyed."""
    require_ready(vault)
    with vault.transaction() as c:
        now = iso(utc_now())
        c.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                  "SET value = excluded.value", (META_TRAVEL, now))
        vault.audit.append("vault.travel_prepared", vault.vault_id,
                           card_serial=recovery.status(vault).card_serial)
    # The backup copy first, as the key slot is written: the primary is the last to go.
    destroyed = shred_all(vault.folder, [KEYSLOT_NAMES[1], KEYSLOT_NAMES[0]])
    vault.forget_passphrase_slot()
    return destroyed


def leave_without_vault(vault: Vault, backup: BackupResult) -> int:
    """After ``backup`` was written and read back: close the vault and remove it from
    this computer, keys first (so an interrupted removal leaves nothing that opens),
    then the database and the media files. Returns how many files were removed."""
    if not backup.paths or not all(p.exists() for p in backup.paths):
        raise RecoveryError(RecoveryReason.INVALID, "the backup is not there")
    folder = vault.folder
    with vault.transaction():
        vault.audit.append("vault.left_behind", vault.vault_id, backup_id=backup.backup_id)
    vault.close()
    lock = VaultLock(folder)
    lock.acquire()  # nobody opens it while it goes
    try:
        count = shred_all(folder, [KEYSLOT_NAMES[1], KEYSLOT_NAMES[0], *RECOVERY_NAMES,
                                   recovery.PENDING_NAME])
        remove_stale_copies(folder)
        # Crypto-shredded: without the keys these are noise; removed, not overwritten.
        for name in (f"{DB_NAME}-wal", f"{DB_NAME}-shm", DB_NAME):
            path = folder / name
            if path.exists():
                fileio.remove(path)
                count += 1
        media = folder / MEDIA_DIR
        for path in sorted(media.glob("*")) if media.is_dir() else []:
            fileio.remove(path)
            count += 1
        with contextlib.suppress(OSError):
            media.rmdir()
    finally:
        lock.release()
    with contextlib.suppress(OSError):
        fileio.remove(folder / LOCK_NAME)
    with contextlib.suppress(OSError):
        folder.rmdir()
    return count


def is_awaiting_access(folder: Path) -> bool:
    """The folder holds a vault that only HQ can open now (no passphrase key slot)."""
    folder = Path(folder)
    return (folder / DB_NAME).exists() and recovery.has_slot(folder) and not any(
        (folder / name).exists() for name in KEYSLOT_NAMES)
