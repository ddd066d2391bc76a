"""Creating, opening, locking and checking real SQLCipher vaults."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
import sqlcipher3

from nam_desktop.core.crypto import keyslot
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.errors import (
    DatabaseDamagedError,
    KeySlotDamagedError,
    ValidationError,
    VaultExistsError,
    VaultInUseError,
    VaultLockedError,
    VaultNotFoundError,
    WrongPassphraseError,
)
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"


def test_create_then_open(vault_dir: Path) -> None:
    v = Vault.create(vault_dir, PASS, kdf=MINIMUM_PARAMS, interviewer="I-07")
    fingerprint = v.device.fingerprint
    vault_id = v.vault_id
    v.close()
    with Vault.open(vault_dir, PASS) as again:
        assert again.device.fingerprint == fingerprint
        assert again.vault_id == vault_id
        assert again.meta("interviewer") == "I-07"
        assert again.check().ok


def test_folder_layout_and_permissions(vault: Vault, vault_dir: Path) -> None:
    names = {p.name for p in vault_dir.iterdir()}
    assert {"vault.db", "keyslot.json", "keyslot.bak.json", "media", "vault.lock"} <= names
    if os.name == "posix":  # Windows has no permission bits (ACLs of the profile instead)
        assert vault_dir.stat().st_mode & 0o077 == 0
        assert (vault_dir / "vault.db").stat().st_mode & 0o077 == 0
        assert (vault_dir / "keyslot.json").stat().st_mode & 0o077 == 0


def test_database_is_encrypted_on_disk(vault: Vault, vault_dir: Path) -> None:
    head = (vault_dir / "vault.db").read_bytes()[:16]
    assert head != b"SQLite format 3\x00"
    plain = sqlcipher3.connect(str(vault_dir / "vault.db"))
    with pytest.raises(sqlcipher3.DatabaseError):
        plain.execute("SELECT * FROM sqlite_master").fetchall()
    plain.close()


def test_hardening_pragmas_are_in_force(vault: Vault) -> None:
    c = vault.conn
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert c.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert c.execute("PRAGMA temp_store").fetchone()[0] == 2
    assert c.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    assert c.execute("PRAGMA cipher_memory_security").fetchone()[0] == "1"


def test_wrong_passphrase(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, "this is not it")
    Vault.open(vault_dir, PASS).close()  # the failed attempt released the lock


def test_vault_in_use_by_another_opener(vault: Vault, vault_dir: Path) -> None:
    with pytest.raises(VaultInUseError):
        Vault.open(vault_dir, PASS)


def test_locked_vault_refuses_access(vault: Vault) -> None:
    vault.close()
    with pytest.raises(VaultLockedError):
        vault.meta("role")


def test_missing_and_existing(tmp_path: Path, vault: Vault, vault_dir: Path) -> None:
    with pytest.raises(VaultNotFoundError):
        Vault.open(tmp_path / "nothing", PASS)
    with pytest.raises(VaultExistsError):
        Vault.create(vault_dir, PASS, kdf=MINIMUM_PARAMS)


def test_short_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        Vault.create(tmp_path / "v", "short", kdf=MINIMUM_PARAMS)
    assert not (tmp_path / "v").exists()


def test_both_key_slots_damaged(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    (vault_dir / "keyslot.json").write_bytes(b"garbage")
    (vault_dir / "keyslot.bak.json").unlink()
    with pytest.raises(KeySlotDamagedError):
        Vault.open(vault_dir, PASS)


def test_damaged_database(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    db = vault_dir / "vault.db"
    raw = bytearray(db.read_bytes())
    for i in range(0, len(raw), 997):  # scribble over every page, header included
        raw[i] ^= 0xFF
    db.write_bytes(bytes(raw))
    with pytest.raises(DatabaseDamagedError):
        Vault.open(vault_dir, PASS)


def test_key_slot_from_another_vault(tmp_path: Path) -> None:
    a = Vault.create(tmp_path / "a", PASS, kdf=MINIMUM_PARAMS)
    b = Vault.create(tmp_path / "b", PASS, kdf=MINIMUM_PARAMS)
    a.close()
    b.close()
    for name in ("keyslot.json", "keyslot.bak.json"):
        (tmp_path / "a" / name).write_bytes((tmp_path / "b" / name).read_bytes())
    with pytest.raises(DatabaseDamagedError):
        Vault.open(tmp_path / "a", PASS)


def test_change_passphrase_rewraps_without_reencrypting(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    _, master_before, _ = keyslot.load_and_unwrap(vault_dir, PASS)
    salt_before = (vault_dir / "vault.db").read_bytes()[:16]
    with Vault.open(vault_dir, PASS) as v:
        v.change_passphrase(PASS, "новы доўгі пароль")
    _, master_after, _ = keyslot.load_and_unwrap(vault_dir, "новы доўгі пароль")
    assert master_after == master_before  # same master key: the data was not re-encrypted
    assert (vault_dir / "vault.db").read_bytes()[:16] == salt_before
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASS)
    with Vault.open(vault_dir, "новы доўгі пароль") as again:
        assert again.audit.entries()[0].action == "vault.passphrase_changed"
        assert again.check().ok


def test_change_passphrase_requires_old_one(vault: Vault) -> None:
    with pytest.raises(WrongPassphraseError):
        vault.change_passphrase("not the old one", "brand new passphrase")


def test_media_roundtrip_and_crypto_shred(vault: Vault, vault_dir: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 5)
    stored, key = vault.media.write_file(io.BytesIO(data))
    with vault.transaction():
        vault.media.insert_row(stored, key)
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    with vault.media.open(stored.id) as reader:
        assert reader.read() == data
    with vault.transaction():
        vault.media.delete(stored.id)
    assert not list((vault_dir / "media").iterdir())
    row = vault.conn.execute("SELECT count(*) FROM media_files").fetchone()[0]
    assert row == 0


def test_open_removes_orphans_and_reports_missing(vault: Vault, vault_dir: Path) -> None:
    kept, key = vault.media.write_file(io.BytesIO(b"kept"))
    lost, lost_key = vault.media.write_file(io.BytesIO(b"lost"))
    orphan, _ = vault.media.write_file(io.BytesIO(b"never recorded"))
    with vault.transaction():
        vault.media.insert_row(kept, key)
        vault.media.insert_row(lost, lost_key)
    (vault_dir / "media" / f"{lost.id}.nam").unlink()
    (vault_dir / "media" / "abandoned.nam.part").write_bytes(b"x")
    vault.close()
    with Vault.open(vault_dir, PASS) as again:
        assert again.open_scan.missing == [lost.id]
        assert sorted(again.open_scan.orphans_removed) == sorted(
            [f"{orphan.id}.nam", "abandoned.nam.part"]
        )
        assert not (vault_dir / "media" / f"{orphan.id}.nam").exists()
        report = again.check()
        assert not report.ok
        assert any(lost.id in p for p in report.media_problems)


def test_check_finds_tampered_media(vault: Vault, vault_dir: Path) -> None:
    stored, key = vault.media.write_file(io.BytesIO(os.urandom(5000)))
    with vault.transaction():
        vault.media.insert_row(stored, key)
    path = vault_dir / "media" / f"{stored.id}.nam"
    raw = bytearray(path.read_bytes())
    raw[100] ^= 0x40
    path.write_bytes(bytes(raw))
    report = vault.check()
    assert not report.ok
    assert report.media_problems and stored.id in report.media_problems[0]


def test_damage_past_the_first_page_is_a_typed_error(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    db = vault_dir / "vault.db"
    raw = bytearray(db.read_bytes())
    for i in range(4096 * 3, len(raw), 501):  # the header and first pages stay intact
        raw[i] ^= 0x5A
    db.write_bytes(bytes(raw))
    with pytest.raises(DatabaseDamagedError):
        Vault.open(vault_dir, PASS)
