"""Travel mode on real vault files: refused without a recovery slot for the current key
card; afterwards no key slot that any passphrase opens is left (the old passphrase is
tried, and every file is scanned for the old slot's bytes), and a recovery through HQ
still gives everything back. "Travel without the vault": backup first, then nothing of
the vault stays on the laptop, and the backup restores it."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from travel_fixtures import NEW_PASS, PASS, Field, contents, file_bytes

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.errors import AwaitingRecoveryError
from nam_desktop.core.exchange import hq_recovery
from nam_desktop.core.vault import backup_restore, recovery, travel
from nam_desktop.core.vault.backup import backup_vault
from nam_desktop.core.vault.recovery_format import RecoveryError, RecoveryReason
from nam_desktop.core.vault.vault import Vault


def _refused(folder: Path) -> RecoveryReason:
    with Vault.open(folder, PASS) as v, pytest.raises(RecoveryError) as caught:
        travel.prepare_travel(v)
    assert (folder / "keyslot.json").exists() and (folder / "keyslot.bak.json").exists()
    return caught.value.reason


def test_travel_is_refused_without_a_current_recovery_slot(field: Field) -> None:
    assert _refused(field.iv_dir) is RecoveryReason.NO_RECOVERY_SLOT
    with Vault.open(field.iv_dir, PASS) as v:
        recovery.enable(v)
        # As a crash between pinning a newer card and sealing again would leave it:
        v.set_meta(recovery.META_SERIAL, "0")
        assert travel.travel_problem(v) is travel.TravelProblem.SLOT_OUTDATED
    assert _refused(field.iv_dir) is RecoveryReason.SLOT_OUTDATED
    with Vault.open(field.iv_dir, PASS) as v:
        recovery.enable(v)
    for name in ("recovery.json", "recovery.bak.json"):
        (field.iv_dir / name).unlink()
    assert _refused(field.iv_dir) is RecoveryReason.NO_RECOVERY_SLOT
    with Vault.open(field.iv_dir, PASS) as v:
        assert travel.travel_problem(v) is travel.TravelProblem.SLOT_DAMAGED


def test_travel_without_a_key_card_is_refused(vault: Vault) -> None:
    with pytest.raises(RecoveryError) as caught:
        travel.prepare_travel(vault)
    assert caught.value.reason is RecoveryReason.NO_KEYCARD


def _slot_needles(folder: Path) -> list[bytes]:
    """The old key slot as it could be found: the file, its salt, nonce and wrapped key
    raw and in base64."""
    needles = [(folder / "keyslot.json").read_bytes()]
    body = json.loads(needles[0])
    for text in (body["kdf"]["salt"], body["wrap"]["nonce"], body["wrap"]["ciphertext"]):
        needles += [text.encode(), base64.b64decode(text)]
    return needles


def test_travel_leaves_nothing_a_passphrase_opens_and_hq_gives_it_back(field: Field) -> None:
    with Vault.open(field.iv_dir, PASS) as v:
        recovery.enable(v)
        before = contents(v)
    needles = _slot_needles(field.iv_dir)
    with Vault.open(field.iv_dir, PASS) as v:
        assert travel.prepare_travel(v) == 2
        assert not v.has_passphrase_slot
        assert "vault.travel_prepared" in [e.action for e in v.audit.entries()]
    assert travel.is_awaiting_access(field.iv_dir)
    assert not list(field.iv_dir.glob("keyslot*")) and not list(field.iv_dir.glob(".keyslot*"))
    for passphrase in (PASS, NEW_PASS, ""):
        with pytest.raises(AwaitingRecoveryError):
            Vault.open(field.iv_dir, passphrase)
    for path, data in file_bytes(field.iv_dir):
        for needle in needles:
            assert needle not in data, f"old key slot bytes in {path.name}"
    made = recovery.make_request(field.iv_dir)
    with Vault.open(field.hq_dir, PASS) as hq:
        response = hq_recovery.answer_request(hq, made.data, confirmed=True)
    with recovery.restore_access(field.iv_dir, response, NEW_PASS, kdf=MINIMUM_PARAMS) as v:
        assert contents(v) == before
        assert v.check().ok
    assert not travel.is_awaiting_access(field.iv_dir)


def test_travel_without_the_vault(field: Field, tmp_path: Path) -> None:
    drive = tmp_path / "second-drive"
    drive.mkdir()
    with Vault.open(field.iv_dir, PASS) as v:
        before = contents(v)
        head = v.audit.head()  # the backup holds the chain up to here
        result = backup_vault(v, drive, passphrase="the backup passphrase")
        removed = travel.leave_without_vault(v, result)
    assert removed >= 5
    assert not field.iv_dir.exists()
    identities = backup_restore.identities_from_passphrase(result.key_path,
                                                           "the backup passphrase")
    backup_restore.restore_backup(result.paths[0], tmp_path / "back", identities=identities)
    with Vault.open(tmp_path / "back", PASS) as v:
        assert contents(v) == before
        assert v.check().ok
        assert v.audit.head() == head


def test_leaving_without_a_backup_on_the_drive_is_refused(field: Field, tmp_path: Path
                                                          ) -> None:
    drive = tmp_path / "d"
    drive.mkdir()
    with Vault.open(field.iv_dir, PASS) as v:
        result = backup_vault(v, drive, passphrase="the backup passphrase")
        result.paths[0].unlink()
        with pytest.raises(RecoveryError):
            travel.leave_without_vault(v, result)
        assert v.is_open
    assert (field.iv_dir / "vault.db").exists()
