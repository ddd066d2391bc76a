"""The HQ recovery slot, on the interviewer's side (docs/recovery-format.md).

* :func:`enable` (vault open): the master key sealed with age to the recipients of the
  pinned HQ key card, authorized by the device key, written as ``recovery.json`` and
  ``recovery.bak.json``; the vault records which card it was made for.
  :func:`follow_keycard` makes it again when a newer card is pinned.
* :func:`make_request` (**no passphrase**: works in travel mode and after a forgotten
  passphrase): a request signed with the slot's request key, carrying a fresh age
  recipient whose identity stays in ``recovery-pending.json`` until the response is used.
* :func:`restore_access`: HQ's response opened with that identity, the vault opened with
  the master key, the response checked against the HQ root pinned inside the vault, a
  new passphrase set, everything audited, the pending identity destroyed.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

import pyrage

from nam_desktop.core import fileio, storage_errors
from nam_desktop.core.clock import Clock, iso, utc_now
from nam_desktop.core.crypto import age_reader
from nam_desktop.core.crypto.device import fingerprint_of
from nam_desktop.core.crypto.kdf import DEFAULT_PARAMS, KdfParams, check_new_passphrase
from nam_desktop.core.errors import VaultNotFoundError
from nam_desktop.core.exchange.keycard import KeyCard, current_keycard
from nam_desktop.core.vault import recovery_format as fmt
from nam_desktop.core.vault.lockfile import VaultLock
from nam_desktop.core.vault.recovery_format import RecoveryError, RecoveryReason, RecoverySlot
from nam_desktop.core.vault.shred import shred_all
from nam_desktop.core.vault.vault import RECOVERY_NAMES, Vault, is_vault

PRIMARY_NAME, BACKUP_NAME = RECOVERY_NAMES
PENDING_NAME = "recovery-pending.json"
MAX_FILE = fmt.MAX_DOC
# What the vault records about its slot (meta table, inside the encrypted database).
META_SERIAL = "recovery.card_serial"
META_SEALED = "recovery.sealed_sha256"
META_ROOT = "recovery.hq_root"


@dataclass(frozen=True)
class RecoveryStatus:
    enabled: bool  # the vault records a slot
    intact: bool  # a copy on disk parses, verifies and is the one recorded
    current: bool  # made for the key card pinned now
    card_serial: int | None  # the card it was made for
    created_at: str = ""

    @property
    def ready_for_travel(self) -> bool:
        return self.enabled and self.intact and self.current


@dataclass(frozen=True)
class MadeRequest:
    data: bytes  # the request file's content
    request_id: str
    code: str  # read aloud to HQ: ABCD-EFGH-IJKL-MNOP
    device_fingerprint: str


def _read(path: Path) -> bytes | None:
    try:
        with fileio.open_read(path) as fh:
            return fh.read(MAX_FILE + 1)
    except FileNotFoundError:
        return None


def read_slot(folder: Path) -> RecoverySlot | None:
    """The slot from the primary copy, else the backup copy; None when neither exists.
    Both present and damaged: :class:`RecoveryError` (``recovery_invalid``)."""
    damage: RecoveryError | None = None
    for name in RECOVERY_NAMES:
        data = _read(Path(folder) / name)
        if data is None:
            continue
        try:
            return RecoverySlot.parse(data)
        except RecoveryError as exc:
            damage = exc
    if damage is not None:
        raise damage
    return None


def has_slot(folder: Path) -> bool:
    return any((Path(folder) / name).exists() for name in RECOVERY_NAMES)


def _write_slot(folder: Path, slot: RecoverySlot) -> None:
    """The backup copy first, then the primary: a crash leaves one whole copy."""
    data = slot.to_bytes()
    try:
        fileio.atomic_write(folder / BACKUP_NAME, data)
        fileio.atomic_write(folder / PRIMARY_NAME, data)
    except OSError as exc:
        raise storage_errors.os_error(exc, folder, needed=2 * len(data)) from exc


def status(vault: Vault) -> RecoveryStatus:
    serial_text = vault.meta(META_SERIAL)
    if not serial_text:
        return RecoveryStatus(False, False, False, None)
    serial = int(serial_text)
    try:
        slot = read_slot(vault.folder)
    except RecoveryError:
        slot = None
    intact = (slot is not None and slot.sealed_sha256 == vault.meta(META_SEALED)
              and slot.vault_id == vault.vault_id
              and slot.device_public_key == vault.device.public_key)
    card = current_keycard(vault)
    current = card is not None and card.serial == serial \
        and card.root_fingerprint == vault.meta(META_ROOT)
    return RecoveryStatus(True, intact, current, serial, slot.created_at if slot else "")


def enable(vault: Vault, *, clock: Clock = utc_now) -> RecoverySlot:
    """Seal the master key to the pinned key card's recipients (the interviewer chose
    this: HQ can then open this vault if it gets its files). Makes the slot again when
    one exists. Refused without a key card."""
    card = current_keycard(vault)
    if card is None:
        raise RecoveryError(RecoveryReason.NO_KEYCARD, "import HQ's key card first")
    return _make_slot(vault, card, clock, "vault.recovery_enabled")


def _make_slot(vault: Vault, card: KeyCard, clock: Clock, action: str) -> RecoverySlot:
    device = vault.device
    sealed = fmt.seal_slot(vault.vault_id, device.public_key, vault.master_key(),
                           card.recipients)
    request_key = secrets.token_bytes(32)
    created_at = iso(clock())
    authorization = device.sign(fmt.AUTHORIZATION_CONTEXT + fmt.canonical(
        fmt.authorization_payload(vault.vault_id, device.public_key,
                                  fmt.public_key_of(request_key), sealed, created_at)))
    slot = RecoverySlot(vault.vault_id, created_at, device.public_key, request_key,
                        authorization, sealed)
    # Files first: a crash before the record leaves a slot the vault does not count on
    # (travel mode then refuses), never a record of a slot that is not there.
    _write_slot(vault.folder, slot)
    with vault.transaction() as c:
        for key, value in ((META_SERIAL, str(card.serial)), (META_SEALED, slot.sealed_sha256),
                           (META_ROOT, card.root_fingerprint)):
            c.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) "
                      "DO UPDATE SET value = excluded.value", (key, value))
        vault.audit.append(action, vault.vault_id, card_serial=card.serial,
                           hq_root=card.root_fingerprint, recipients=len(card.recipients),
                           sealed_sha256=slot.sealed_sha256)
    return slot


def follow_keycard(vault: Vault, card: KeyCard, *, clock: Clock = utc_now) -> bool:
    """After a key card was pinned: if the interviewer turned the recovery slot on and it
    was made for another card, seal the master key again to the new card's recipients.
    Idempotent (importing the same card again repairs a re-wrap a crash interrupted).
    Returns whether the slot was made again."""
    state = status(vault)
    if not state.enabled or (state.current and state.intact):
        return False
    _make_slot(vault, card, clock, "vault.recovery_rewrapped")
    return True


def disable(vault: Vault) -> None:
    """Destroy the slot (both copies overwritten and removed) and any pending request."""
    shred_all(vault.folder, [*RECOVERY_NAMES, PENDING_NAME])
    with vault.transaction() as c:
        c.execute("DELETE FROM meta WHERE key IN (?, ?, ?)", (META_SERIAL, META_SEALED,
                                                              META_ROOT))
        vault.audit.append("vault.recovery_disabled", vault.vault_id)


# ---- without the passphrase ---------------------------------------------------------------
def make_request(folder: Path, *, clock: Clock = utc_now) -> MadeRequest:
    """A recovery request for the vault in ``folder``, without its passphrase. The new
    age identity that will open HQ's response is kept in ``recovery-pending.json``
    (replacing an earlier one: only the newest request can be answered)."""
    folder = Path(folder)
    if not is_vault(folder):
        raise VaultNotFoundError(str(folder))
    lock = VaultLock(folder)
    lock.acquire()  # not while another program has the vault open
    try:
        slot = read_slot(folder)
        if slot is None:
            raise RecoveryError(RecoveryReason.NO_RECOVERY_SLOT,
                                "this vault has no HQ recovery slot")
        identity = pyrage.x25519.Identity.generate()
        request_id = str(uuid.uuid4())
        created_at = iso(clock())
        data, digest = fmt.make_request(slot, request_id, created_at,
                                        str(identity.to_public()))
        pending = fmt.PendingRequest(request_id, digest, slot.vault_id, created_at,
                                     str(identity))
        try:
            fileio.atomic_write(folder / PENDING_NAME, pending.to_bytes())
        except OSError as exc:
            raise storage_errors.os_error(exc, folder) from exc
    finally:
        lock.release()
    return MadeRequest(data, request_id, fmt.request_code(digest),
                       fingerprint_of(slot.device_public_key))


def pending_request(folder: Path) -> fmt.PendingRequest | None:
    data = _read(Path(folder) / PENDING_NAME)
    return fmt.PendingRequest.parse(data) if data is not None else None


def restore_access(folder: Path, response_data: bytes, new_passphrase: str, *,
                   kdf: KdfParams = DEFAULT_PARAMS, clock: Clock = utc_now) -> Vault:
    """Open the vault with HQ's response to the request made here, and protect it with
    ``new_passphrase``. Returns the open vault. A response for another request or
    another device, a replayed response, or one not signed by the HQ root pinned in the
    vault is refused; then nothing was changed."""
    check_new_passphrase(new_passphrase)
    folder = Path(folder)
    response = fmt.parse_response(response_data)
    pending = pending_request(folder)
    if pending is None:
        raise RecoveryError(RecoveryReason.NO_PENDING_REQUEST,
                            "no recovery request was made from this vault folder (or its "
                            "response was already used)")
    if (response.request_id, response.request_sha256, response.vault_id) != (
            pending.request_id, pending.request_sha256, pending.vault_id):
        raise RecoveryError(RecoveryReason.NOT_FOR_THIS_REQUEST,
                            "this response answers another request")
    slot = read_slot(folder)
    if slot is not None and (slot.vault_id, slot.device_public_key) != (
            response.vault_id, response.device_public_key):
        raise RecoveryError(RecoveryReason.NOT_FOR_THIS_REQUEST,
                            "the response names another vault or device than this folder's")
    identity = age_reader.parse_identity(pending.identity)
    vault_id, digest, master = fmt.open_response(response.sealed, identity)
    if vault_id != pending.vault_id or digest.hex() != pending.request_sha256:
        raise RecoveryError(RecoveryReason.NOT_FOR_THIS_REQUEST,
                            "the sealed key names another request")
    vault = Vault.open_with_master_key(folder, master, clock=clock)
    try:
        card = current_keycard(vault)
        if card is None or not response.signed_by(card.root_public_key):
            raise RecoveryError(RecoveryReason.BAD_SIGNATURE,
                                "the response is not signed by the HQ root pinned here")
        if response.device_public_key != vault.device.public_key:
            raise RecoveryError(RecoveryReason.NOT_FOR_THIS_REQUEST,
                                "the response names another device")
        with vault.transaction():
            vault.audit.append("vault.recovery_requested", pending.request_id,
                               created_at=pending.created_at,
                               request_sha256=pending.request_sha256)
            vault.audit.append("vault.access_restored", pending.request_id,
                               hq_root=card.root_fingerprint, issued_at=response.issued_at)
        vault.set_new_passphrase(new_passphrase, kdf=kdf, reason="recovery")
        # Only now: until the new passphrase is written, the same response works again.
        shred_all(folder, [PENDING_NAME])
    except BaseException:
        vault.close()
        raise
    return vault
