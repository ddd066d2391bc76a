"""The HQ recovery slot and a recovery through HQ, on real vault files.

Round trip: interviewer vault -> slot -> request (no passphrase) -> HQ answer -> new
passphrase -> every testimony and media file readable, `vault check` passes. Refusals:
the response on another device, for an older request, a second time; a request replayed
to HQ, from an unregistered device, altered, or sealed to another HQ. The slot follows a
new key card; a retired HQ key still opens an old slot. Both sides audit each step.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from travel_fixtures import NEW_PASS, PASS, Field, contents, make_field

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.errors import (
    AwaitingRecoveryError,
    ValidationError,
    WrongPassphraseError,
)
from nam_desktop.core.exchange import hq_identity, hq_recovery, keycard
from nam_desktop.core.vault import recovery
from nam_desktop.core.vault.recovery_format import RecoveryError, RecoveryReason
from nam_desktop.core.vault.vault import Vault

VECTORS = json.loads((Path(__file__).resolve().parents[3] / "docs" / "test-vectors"
                      / "recovery" / "recovery.json").read_text("utf-8"))


def _enable(folder: Path) -> None:
    with Vault.open(folder, PASS) as v:
        recovery.enable(v)


def _answer(hq_dir: Path, request: bytes) -> bytes:
    with Vault.open(hq_dir, PASS) as hq:
        return hq_recovery.answer_request(hq, request, confirmed=True)


def _reason(exc: pytest.ExceptionInfo[RecoveryError]) -> RecoveryReason:
    return exc.value.reason


def _actions(vault: Vault) -> list[str]:
    return [e.action for e in reversed(vault.audit.entries())]


def test_the_slot_is_off_until_chosen_and_needs_a_key_card(field: Field, tmp_path: Path
                                                            ) -> None:
    with Vault.open(field.iv_dir, PASS) as v:
        assert not recovery.status(v).enabled
    assert not recovery.has_slot(field.iv_dir)
    bare = Vault.create(tmp_path / "bare", PASS, kdf=MINIMUM_PARAMS)
    with bare, pytest.raises(RecoveryError) as caught:
        recovery.enable(bare)
    assert _reason(caught) is RecoveryReason.NO_KEYCARD
    assert not recovery.has_slot(tmp_path / "bare")


def test_forgotten_passphrase_round_trip(field: Field) -> None:
    with Vault.open(field.iv_dir, PASS) as v:
        before = contents(v)
        recovery.enable(v)
        assert recovery.status(v).ready_for_travel
    assert len(before) >= 3  # testimonies and decrypted media
    made = recovery.make_request(field.iv_dir)  # no passphrase anywhere
    with Vault.open(field.hq_dir, PASS) as hq:
        check = hq_recovery.check_request(hq, made.data)
        assert check.device.name == "Interviewer A"
        assert check.code == made.code
        response = hq_recovery.answer_request(hq, made.data, confirmed=True)
        hq_log = _actions(hq)
    assert hq_log[-1] == hq_recovery.ANSWERED
    vault = recovery.restore_access(field.iv_dir, response, NEW_PASS, kdf=MINIMUM_PARAMS)
    try:
        assert contents(vault) == before
        assert vault.check().ok
        assert _actions(vault)[-3:] == ["vault.recovery_requested", "vault.access_restored",
                                        "vault.passphrase_set"]
    finally:
        vault.close()
    with Vault.open(field.iv_dir, NEW_PASS) as v:
        assert v.check().ok
    with pytest.raises(WrongPassphraseError):
        Vault.open(field.iv_dir, PASS)
    assert not (field.iv_dir / recovery.PENDING_NAME).exists()


def test_hq_needs_a_confirmation_and_answers_a_request_once(field: Field) -> None:
    _enable(field.iv_dir)
    made = recovery.make_request(field.iv_dir)
    with Vault.open(field.hq_dir, PASS) as hq:
        with pytest.raises(RecoveryError) as caught:
            hq_recovery.answer_request(hq, made.data, confirmed=False)
        assert _reason(caught) is RecoveryReason.NOT_CONFIRMED
        hq_recovery.answer_request(hq, made.data, confirmed=True)
        for attempt in (hq_recovery.check_request, lambda v, d: hq_recovery.answer_request(
                v, d, confirmed=True)):
            with pytest.raises(RecoveryError) as caught:
                attempt(hq, made.data)
            assert _reason(caught) is RecoveryReason.REPLAYED
        refused = [e for e in hq.audit.entries() if e.action == hq_recovery.REFUSED]
        assert {e.details["reason"] for e in refused} == {"replayed"}
        assert [a.request_id for a in hq_recovery.answered(hq)] == [made.request_id]


def test_a_response_is_useless_on_another_device(field: Field, tmp_path: Path) -> None:
    """Device B (another vault, registered too) cannot use A's response: it has no
    pending request for it, and even with its own pending request the ids differ and
    the sealed key is not for its key."""
    _enable(field.iv_dir)
    other = make_field(tmp_path / "b", recovery_on=True)
    with Vault.open(other.iv_dir, PASS) as b, Vault.open(field.hq_dir, PASS) as hq:
        hq_identity.register_device(hq, b.device.fingerprint, "Interviewer B")
    response_for_a = _answer(field.hq_dir, recovery.make_request(field.iv_dir).data)
    with pytest.raises(RecoveryError) as caught:
        recovery.restore_access(other.iv_dir, response_for_a, NEW_PASS, kdf=MINIMUM_PARAMS)
    assert _reason(caught) is RecoveryReason.NO_PENDING_REQUEST
    recovery.make_request(other.iv_dir)
    with pytest.raises(RecoveryError) as caught:
        recovery.restore_access(other.iv_dir, response_for_a, NEW_PASS, kdf=MINIMUM_PARAMS)
    assert _reason(caught) is RecoveryReason.NOT_FOR_THIS_REQUEST
    # Even a copy of A's pending file on B (same ids) is refused: the response names A's
    # vault and device, not the ones of B's recovery slot; nothing of B changes.
    shutil.copyfile(field.iv_dir / recovery.PENDING_NAME, other.iv_dir / recovery.PENDING_NAME)
    slot_before = (other.iv_dir / "keyslot.json").read_bytes()
    with pytest.raises(RecoveryError) as caught:
        recovery.restore_access(other.iv_dir, response_for_a, NEW_PASS, kdf=MINIMUM_PARAMS)
    assert _reason(caught) is RecoveryReason.NOT_FOR_THIS_REQUEST
    assert (other.iv_dir / "keyslot.json").read_bytes() == slot_before
    with Vault.open(other.iv_dir, PASS) as b:
        assert b.check().ok


def test_a_response_to_an_older_request_or_used_twice_is_refused(field: Field) -> None:
    _enable(field.iv_dir)
    first = recovery.make_request(field.iv_dir)
    old_response = _answer(field.hq_dir, first.data)
    second = recovery.make_request(field.iv_dir)  # replaces the pending request
    with pytest.raises(RecoveryError) as caught:
        recovery.restore_access(field.iv_dir, old_response, NEW_PASS, kdf=MINIMUM_PARAMS)
    assert _reason(caught) is RecoveryReason.NOT_FOR_THIS_REQUEST
    response = _answer(field.hq_dir, second.data)
    recovery.restore_access(field.iv_dir, response, NEW_PASS, kdf=MINIMUM_PARAMS).close()
    with pytest.raises(RecoveryError) as caught:
        recovery.restore_access(field.iv_dir, response, "yet another passphrase",
                                kdf=MINIMUM_PARAMS)
    assert _reason(caught) is RecoveryReason.NO_PENDING_REQUEST
    with Vault.open(field.iv_dir, NEW_PASS) as v:
        assert v.check().ok


def test_a_weak_new_passphrase_is_refused_before_anything_changes(field: Field) -> None:
    _enable(field.iv_dir)
    made = recovery.make_request(field.iv_dir)
    response = _answer(field.hq_dir, made.data)
    with pytest.raises(ValidationError):
        recovery.restore_access(field.iv_dir, response, "short", kdf=MINIMUM_PARAMS)
    assert (field.iv_dir / recovery.PENDING_NAME).exists()
    recovery.restore_access(field.iv_dir, response, NEW_PASS, kdf=MINIMUM_PARAMS).close()


def test_hq_refuses_unknown_devices_and_altered_requests(tmp_path: Path) -> None:
    field = make_field(tmp_path, register=False, recovery_on=True)
    made = recovery.make_request(field.iv_dir)
    with Vault.open(field.hq_dir, PASS) as hq:
        with pytest.raises(RecoveryError) as caught:
            hq_recovery.check_request(hq, made.data)
        assert _reason(caught) is RecoveryReason.UNKNOWN_DEVICE
        with Vault.open(field.iv_dir, PASS) as iv:
            fingerprint = iv.device.fingerprint
        hq_identity.register_device(hq, fingerprint, "A")
        doc = json.loads(made.data)
        doc["payload"]["response_recipient"] = VECTORS["response_recipient"]  # attacker's
        with pytest.raises(RecoveryError) as caught:
            hq_recovery.check_request(hq, json.dumps(doc).encode())
        assert _reason(caught) is RecoveryReason.BAD_SIGNATURE
        assert hq_recovery.check_request(hq, made.data).device.name == "A"


def test_a_slot_sealed_to_another_hq_is_not_opened(field: Field, tmp_path: Path) -> None:
    _enable(field.iv_dir)
    other_hq = Vault.create(tmp_path / "hq2", PASS, kdf=MINIMUM_PARAMS, role="hq")
    with other_hq:
        hq_identity.init_hq(other_hq)
        with Vault.open(field.iv_dir, PASS) as iv:
            hq_identity.register_device(other_hq, iv.device.fingerprint, "A")
        with pytest.raises(RecoveryError) as caught:
            hq_recovery.check_request(other_hq, recovery.make_request(field.iv_dir).data)
    assert _reason(caught) is RecoveryReason.NOT_FOR_THIS_HQ


def test_hq_refuses_a_sealed_key_of_another_vault(tmp_path: Path) -> None:
    """The fixed vector: signed by the device, but the sealed payload names another
    vault than the request (HQ would otherwise decrypt for a stranger)."""
    hq = Vault.create(tmp_path / "hq", PASS, kdf=MINIMUM_PARAMS, role="hq")
    with hq:
        hq_identity.init_hq(hq)
        with hq.transaction() as c:
            c.execute("INSERT INTO hq_age_identities (recipient, identity, created_at) "
                      "VALUES (?, ?, ?)", (VECTORS["hq_recipient"], VECTORS["hq_identity"],
                                           "2026-01-01T00:00:00Z"))
        hq_identity.register_device(hq, VECTORS["device_public_key"], "vector device")
        assert hq_recovery.check_request(hq, VECTORS["request"]["file"].encode()).code == \
            VECTORS["request"]["code"]
        for vector in VECTORS["hq_refused_requests"]:
            with pytest.raises(RecoveryError) as caught:
                hq_recovery.check_request(hq, vector["file"].encode())
            assert _reason(caught).value == vector["reason"]


def test_the_slot_follows_a_new_key_card_and_a_retired_key_still_opens(field: Field) -> None:
    _enable(field.iv_dir)
    old_slot = (field.iv_dir / "recovery.json").read_bytes()
    with Vault.open(field.hq_dir, PASS) as hq:
        hq_identity.rotate_recipient(hq, retire_old=True)
        card = keycard.issue_keycard(hq, hq_name="HQ")
    with Vault.open(field.iv_dir, PASS) as iv:
        assert recovery.status(iv).card_serial == 1
        keycard.pin_keycard(iv, card)
        state = recovery.status(iv)
        assert state.card_serial == 2 and state.ready_for_travel
        assert "vault.recovery_rewrapped" in _actions(iv)
        keycard.pin_keycard(iv, card)  # the same card again: nothing to do
        assert _actions(iv).count("vault.recovery_rewrapped") == 1
    new_slot = (field.iv_dir / "recovery.json").read_bytes()
    assert new_slot != old_slot
    with Vault.open(field.hq_dir, PASS) as hq:
        hq_new = hq_identity.load_hq(hq)
        new_only = [i for i in hq_new.identities][:1]  # the newest identity
    # The new slot opens with the new HQ key alone.
    from nam_desktop.core.crypto import age_reader
    from nam_desktop.core.vault.recovery_format import RecoverySlot, open_slot

    slot = RecoverySlot.parse(new_slot)
    assert open_slot(slot.sealed, [age_reader.parse_identity(i) for i in new_only])[0] == \
        slot.vault_id
    # An old slot (e.g. in an old backup) still opens at HQ: retired keys keep decrypting.
    (field.iv_dir / "recovery.json").write_bytes(old_slot)
    (field.iv_dir / "recovery.bak.json").write_bytes(old_slot)
    response = _answer(field.hq_dir, recovery.make_request(field.iv_dir).data)
    recovery.restore_access(field.iv_dir, response, NEW_PASS, kdf=MINIMUM_PARAMS).close()


def test_disable_destroys_the_slot(field: Field) -> None:
    _enable(field.iv_dir)
    recovery.make_request(field.iv_dir)
    with Vault.open(field.iv_dir, PASS) as v:
        recovery.disable(v)
        assert not recovery.status(v).enabled
        assert _actions(v)[-1] == "vault.recovery_disabled"
    assert not recovery.has_slot(field.iv_dir)
    assert not (field.iv_dir / recovery.PENDING_NAME).exists()
    with pytest.raises(RecoveryError) as caught:
        recovery.make_request(field.iv_dir)
    assert _reason(caught) is RecoveryReason.NO_RECOVERY_SLOT


def test_a_damaged_slot_copy_is_replaced_by_the_other(field: Field) -> None:
    _enable(field.iv_dir)
    primary = field.iv_dir / "recovery.json"
    primary.write_bytes(primary.read_bytes().replace(b'"created_at"', b'"created_xx"'))
    made = recovery.make_request(field.iv_dir)  # from the backup copy
    response = _answer(field.hq_dir, made.data)
    recovery.restore_access(field.iv_dir, response, NEW_PASS, kdf=MINIMUM_PARAMS).close()


def test_the_request_is_possible_in_travel_state(field: Field) -> None:
    _enable(field.iv_dir)
    for name in ("keyslot.json", "keyslot.bak.json"):
        (field.iv_dir / name).unlink()
    with pytest.raises(AwaitingRecoveryError):
        Vault.open(field.iv_dir, PASS)
    response = _answer(field.hq_dir, recovery.make_request(field.iv_dir).data)
    recovery.restore_access(field.iv_dir, response, NEW_PASS, kdf=MINIMUM_PARAMS).close()
    with Vault.open(field.iv_dir, NEW_PASS) as v:
        assert v.check().ok
