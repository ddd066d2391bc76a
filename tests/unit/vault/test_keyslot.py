"""Key-slot parsing with hostile input, wrong passphrases, and the two-copy recovery."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nam_desktop.core.crypto import keyslot
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS, KdfParams
from nam_desktop.core.errors import KeySlotDamagedError, ValidationError, WrongPassphraseError

MASTER = bytes(range(32))
PASS = "зялёная бульба 42"


def _slot() -> keyslot.KeySlot:
    return keyslot.KeySlot.wrap(MASTER, PASS, "vault-1", MINIMUM_PARAMS)


def _body() -> dict[str, Any]:
    return json.loads(_slot().to_bytes())


def _resign(body: dict[str, Any]) -> bytes:
    """Recompute the checksum so only the semantic checks can catch the change."""
    body = dict(body)
    body.pop("checksum", None)
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    body["checksum"] = hashlib.sha256(canonical.encode()).hexdigest()
    return json.dumps(body).encode()


def test_roundtrip_unwraps_master_key() -> None:
    slot = keyslot.KeySlot.parse(_slot().to_bytes())
    assert slot.unwrap(PASS) == MASTER


def test_passphrase_is_unicode_normalised() -> None:
    slot = keyslot.KeySlot.wrap(MASTER, "е\u0308лка-пароль", "v", MINIMUM_PARAMS)  # e + diaeresis
    assert slot.unwrap("ёлка-пароль") == MASTER  # precomposed ё


def test_wrong_passphrase_is_its_own_error() -> None:
    with pytest.raises(WrongPassphraseError):
        _slot().unwrap("not the passphrase")


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("kdf", "memory_kib"), 2**40),  # a hostile slot asking for a petabyte
        (("kdf", "memory_kib"), 8),  # below the floor: refuse weak parameters on read
        (("kdf", "iterations"), 0),
        (("kdf", "iterations"), 10**9),
        (("kdf", "parallelism"), 0),
        (("kdf", "parallelism"), 1024),
        (("kdf", "memory_kib"), "65536"),
        (("kdf", "iterations"), True),
        (("kdf", "salt"), base64.b64encode(b"short").decode()),
        (("kdf", "salt"), "@@not base64@@"),
        (("kdf", "name"), "pbkdf2"),
        (("wrap", "nonce"), base64.b64encode(b"x" * 8).decode()),
        (("wrap", "ciphertext"), base64.b64encode(b"x" * 10).decode()),
        (("wrap", "aead"), "aes-ecb"),
        (("version",), 2),
        (("version",), "1"),
        (("format",), "something-else"),
        (("vault_id",), ""),
    ],
)
def test_hostile_parameters_are_refused_as_damaged(path: tuple[str, ...], value: object) -> None:
    body = _body()
    target = body
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(KeySlotDamagedError):
        keyslot.KeySlot.parse(_resign(body))


def test_checksum_mismatch_is_damage_not_wrong_passphrase() -> None:
    body = _body()
    body["kdf"]["iterations"] = 3  # edited without fixing the checksum
    with pytest.raises(KeySlotDamagedError, match="checksum"):
        keyslot.KeySlot.parse(json.dumps(body).encode())


def test_swapped_parameters_do_not_unwrap() -> None:
    """The parameters are associated data: a re-checksummed edit cannot unwrap."""
    body = _body()
    body["kdf"]["iterations"] = 3
    slot = keyslot.KeySlot.parse(_resign(body))
    with pytest.raises(WrongPassphraseError):
        slot.unwrap(PASS)


@pytest.mark.parametrize(
    "data",
    [b"", b"{", b"[]", b"null", b"\xff\xfe", b"{}" + b" " * (70 * 1024), b"[" * 100_000],
)
def test_garbage_is_damaged(data: bytes) -> None:
    with pytest.raises(KeySlotDamagedError):
        keyslot.KeySlot.parse(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_fuzz_parse_only_raises_damaged(data: bytes) -> None:
    with contextlib.suppress(KeySlotDamagedError):
        keyslot.KeySlot.parse(data)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=-5, max_value=10**6))
def test_fuzz_kdf_bounds(memory: int, iterations: int) -> None:
    params = KdfParams(memory, iterations, 1)
    inside = 19 * 1024 <= memory <= 4 * 1024 * 1024 and 2 <= iterations <= 64
    if inside:
        params.validate(reading=True)
    else:
        with pytest.raises(KeySlotDamagedError):
            params.validate(reading=True)
        with pytest.raises(ValidationError):
            params.validate()


def test_backup_copy_used_and_primary_repaired(tmp_path: Path) -> None:
    keyslot.write_both(tmp_path, _slot())
    (tmp_path / keyslot.PRIMARY_NAME).write_bytes(b"{ damaged")
    _, master, warnings = keyslot.load_and_unwrap(tmp_path, PASS)
    assert master == MASTER
    assert any("repaired" in w for w in warnings)
    keyslot.KeySlot.parse((tmp_path / keyslot.PRIMARY_NAME).read_bytes())  # healed


def test_both_copies_damaged(tmp_path: Path) -> None:
    for name in (keyslot.PRIMARY_NAME, keyslot.BACKUP_NAME):
        (tmp_path / name).write_bytes(b"\x00" * 40)
    with pytest.raises(KeySlotDamagedError):
        keyslot.load_and_unwrap(tmp_path, PASS)


def test_wrong_passphrase_with_one_damaged_copy(tmp_path: Path) -> None:
    keyslot.write_both(tmp_path, _slot())
    (tmp_path / keyslot.BACKUP_NAME).unlink()
    with pytest.raises(WrongPassphraseError):
        keyslot.load_and_unwrap(tmp_path, "wrong passphrase")


def test_interrupted_passphrase_change_keeps_one_working_copy(tmp_path: Path) -> None:
    """passwd writes the backup first: a crash before the primary leaves old + new."""
    keyslot.write_both(tmp_path, _slot())
    new = keyslot.KeySlot.wrap(MASTER, "новы пароль 2026", "vault-1", MINIMUM_PARAMS)
    (tmp_path / keyslot.BACKUP_NAME).write_bytes(new.to_bytes())  # crash after first write
    assert keyslot.load_and_unwrap(tmp_path, "новы пароль 2026")[1] == MASTER


class _CountingKdf:
    """Seam: wraps the module's Argon2id call and counts the runs (the slow part)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = keyslot.derive_kek

        def counted(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
            self.calls += 1
            return real(passphrase, salt, params)

        monkeypatch.setattr(keyslot, "derive_kek", counted)


def test_wrong_passphrase_costs_one_argon2_run_when_copies_match(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keyslot.write_both(tmp_path, _slot())  # both copies: same salt, same parameters
    kdf = _CountingKdf(monkeypatch)
    with pytest.raises(WrongPassphraseError):
        keyslot.load_and_unwrap(tmp_path, "wrong passphrase")
    assert kdf.calls == 1
    kdf.calls = 0
    assert keyslot.load_and_unwrap(tmp_path, PASS)[1] == MASTER
    assert kdf.calls == 1


def test_copies_with_different_salts_each_cost_a_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After an interrupted passphrase change the copies differ: both must be tried."""
    keyslot.write_both(tmp_path, _slot())
    new = keyslot.KeySlot.wrap(MASTER, "новы пароль 2026", "vault-1", MINIMUM_PARAMS)
    (tmp_path / keyslot.BACKUP_NAME).write_bytes(new.to_bytes())
    kdf = _CountingKdf(monkeypatch)
    with pytest.raises(WrongPassphraseError):
        keyslot.load_and_unwrap(tmp_path, "neither of them")
    assert kdf.calls == 2
    kdf.calls = 0
    _, master, warnings = keyslot.load_and_unwrap(tmp_path, "новы пароль 2026")
    assert master == MASTER and kdf.calls == 2  # primary (old) tried first, then backup
    assert any("repaired from keyslot.bak.json" in w for w in warnings)


def test_same_salt_other_parameters_is_not_shared(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    slot = _slot()
    stronger = keyslot.KeySlot(slot.vault_id, KdfParams(MINIMUM_PARAMS.memory_kib, 3, 1),
                               slot.salt, slot.nonce, slot.ciphertext)
    assert not slot.same_kek_as(stronger)
    keyslot.write_both(tmp_path, slot)
    (tmp_path / keyslot.BACKUP_NAME).write_bytes(stronger.to_bytes())
    kdf = _CountingKdf(monkeypatch)
    with pytest.raises(WrongPassphraseError):
        keyslot.load_and_unwrap(tmp_path, "wrong passphrase")
    assert kdf.calls == 2


def test_a_wrong_passphrase_through_vault_open_is_one_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nam_desktop.core.vault.vault import Vault

    Vault.create(tmp_path / "v", PASS, kdf=MINIMUM_PARAMS).close()
    kdf = _CountingKdf(monkeypatch)
    with pytest.raises(WrongPassphraseError):
        Vault.open(tmp_path / "v", "wrong passphrase")
    assert kdf.calls == 1


def test_repair_that_cannot_be_written_does_not_stop_the_unlock(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keyslot.write_both(tmp_path, _slot())
    (tmp_path / keyslot.PRIMARY_NAME).write_bytes(b"{ damaged")

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(keyslot, "atomic_write", full)
    _, master, warnings = keyslot.load_and_unwrap(tmp_path, PASS)
    assert master == MASTER
    assert "key slot copies could not be repaired: No space left on device" in warnings
