"""A damaged vault folder is refused with the true reason and left exactly as it was.

Every test hashes every file of the folder (content, size, mode, mtime) and the folder's
own listing and mtime before and after the failed open: a person may still recover the
damaged file from a backup, so opening must not create, replace or "repair" anything.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.errors import (
    DatabaseDamagedError,
    KeySlotDamagedError,
    VaultExistsError,
    VaultNotFoundError,
)
from nam_desktop.core.model.json_io import draft_from_dict
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"
PAGE = 4096


def snapshot(folder: Path, *, dir_mtimes: bool = True) -> dict[str, tuple[object, ...]]:
    """Everything a failed open could change: names, bytes, sizes, modes, mtimes."""
    state: dict[str, tuple[object, ...]] = {}
    for path in sorted([folder, *folder.rglob("*")]):
        st = path.lstat()
        if path.is_file():
            state[str(path.relative_to(folder))] = (
                hashlib.sha256(path.read_bytes()).hexdigest(), st.st_size, st.st_mode,
                st.st_mtime_ns)
        else:
            state[str(path.relative_to(folder))] = (
                "dir", st.st_mode, st.st_mtime_ns if dir_mtimes else None)
    return state


@pytest.fixture
def closed_vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    with Vault.create(folder, PASS, kdf=MINIMUM_PARAMS) as v:
        repo = TestimonyRepository(v)
        repo.add(draft_from_dict({"title": "before the damage", "narrative": "n" * 5000},
                                 repo.vocabulary_codes()))
    return folder


def _refused(folder: Path, error: type[Exception], words: str, *,
             dir_mtimes: bool = True) -> None:
    before = snapshot(folder, dir_mtimes=dir_mtimes)
    with pytest.raises(error) as info:
        Vault.open(folder, PASS)
    assert words in str(info.value)
    assert snapshot(folder, dir_mtimes=dir_mtimes) == before


def test_empty_database_is_refused_and_nothing_is_written(closed_vault: Path) -> None:
    (closed_vault / "vault.db").write_bytes(b"")
    _refused(closed_vault, DatabaseDamagedError, "vault.db is empty (0 bytes)")
    assert (closed_vault / "vault.db").stat().st_size == 0  # no new database made in it


def test_empty_database_without_a_lock_file_creates_no_lock_file(closed_vault: Path) -> None:
    (closed_vault / "vault.db").write_bytes(b"")
    (closed_vault / "vault.lock").unlink()
    _refused(closed_vault, DatabaseDamagedError, "empty")
    assert not (closed_vault / "vault.lock").exists()


def test_missing_database_with_a_key_slot_is_damage_not_absence(closed_vault: Path) -> None:
    (closed_vault / "vault.db").unlink()
    _refused(closed_vault, DatabaseDamagedError, "vault.db is missing")


def test_missing_key_slots_with_a_database(closed_vault: Path) -> None:
    (closed_vault / "keyslot.json").unlink()
    (closed_vault / "keyslot.bak.json").unlink()
    _refused(closed_vault, KeySlotDamagedError, "keyslot.json and keyslot.bak.json are missing")


def test_truncated_database(closed_vault: Path) -> None:
    db = closed_vault / "vault.db"
    db.write_bytes(db.read_bytes()[:100_000])  # not a whole number of pages
    _refused(closed_vault, DatabaseDamagedError, "truncated (100000 bytes")


def test_database_cut_at_a_page_boundary(closed_vault: Path) -> None:
    db = closed_vault / "vault.db"
    db.write_bytes(db.read_bytes()[:PAGE * 3])
    with pytest.raises(DatabaseDamagedError):
        Vault.open(closed_vault, PASS)


def test_no_vault_in_an_empty_folder_changes_nothing(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFoundError):
        Vault.open(tmp_path / "nothing here", PASS)
    (tmp_path / "nothing here").mkdir()
    before = snapshot(tmp_path / "nothing here")
    with pytest.raises(VaultNotFoundError):
        Vault.open(tmp_path / "nothing here", PASS)
    assert snapshot(tmp_path / "nothing here") == before


def test_database_without_tables_is_refused_before_migrations_run(closed_vault: Path) -> None:
    """A database that decrypts but holds nothing (e.g. replaced by an emptied copy) is
    refused, not filled with a fresh schema."""
    from nam_desktop.core.crypto import keyslot
    from nam_desktop.core.vault import db
    from nam_desktop.core.vault.vault import derive_db_key

    _, master, _ = keyslot.load_and_unwrap(closed_vault, PASS)
    (closed_vault / "vault.db").unlink()
    (closed_vault / "vault.db").touch(mode=0o600)
    conn = db.open_database(closed_vault / "vault.db", derive_db_key(master))  # create
    conn.execute("CREATE TABLE t (x)")  # one page written, then emptied again
    conn.execute("DROP TABLE t")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    # The folder's own mtime is not compared: reading a WAL-mode database at all makes
    # SQLite create and remove its -wal and -shm files. Every file is compared.
    _refused(closed_vault, DatabaseDamagedError, "the vault database is empty (no tables)",
             dir_mtimes=False)


# ---- the write-ahead log ---------------------------------------------------------------

@pytest.fixture
def vault_with_wal(tmp_path: Path) -> Path:
    """A copy of a vault taken while it was open: five commits live only in the WAL, as
    after a crash (kill -9, power cut)."""
    live = tmp_path / "live"
    copy = tmp_path / "copy"
    v = Vault.create(live, PASS, kdf=MINIMUM_PARAMS)
    try:
        repo = TestimonyRepository(v)
        v.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for i in range(5):
            repo.add(draft_from_dict({"title": f"in the log {i}", "narrative": "w" * 3000},
                                     repo.vocabulary_codes()))
        shutil.copytree(live, copy)
    finally:
        v.close()
    (copy / "vault.db-shm").unlink(missing_ok=True)
    assert (copy / "vault.db-wal").stat().st_size > 32
    return copy


def _flip(path: Path, offset: int) -> None:
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0x01
    path.write_bytes(bytes(raw))


def test_intact_wal_replays_every_commit(vault_with_wal: Path) -> None:
    with Vault.open(vault_with_wal, PASS) as v:
        titles = {t.title for t in TestimonyRepository(v).list()}
        assert {f"in the log {i}" for i in range(5)} <= titles
        assert v.check().ok


@pytest.mark.parametrize("offset", [
    1,  # the magic number
    17,  # a salt in the header
    26,  # the header checksum
    32 + 2 * (PAGE + 24) + 24 + 100,  # inside the page of frame 2
])
def test_damaged_wal_is_refused_instead_of_silently_dropping_commits(
        vault_with_wal: Path, offset: int) -> None:
    _flip(vault_with_wal / "vault.db-wal", offset)
    before = snapshot(vault_with_wal)
    with pytest.raises(DatabaseDamagedError) as info:
        Vault.open(vault_with_wal, PASS)
    assert "write-ahead log (vault.db-wal) is damaged" in info.value.detail
    assert "committed change" in info.value.detail
    assert snapshot(vault_with_wal) == before


def test_torn_last_frame_is_an_interrupted_write_not_damage(vault_with_wal: Path) -> None:
    wal = vault_with_wal / "vault.db-wal"
    _flip(wal, wal.stat().st_size - 10)  # the last frame: what a crash mid-write leaves
    with Vault.open(vault_with_wal, PASS) as v:
        titles = {t.title for t in TestimonyRepository(v).list()}
        assert "in the log 0" in titles  # everything before the torn frame is there


# ---- vault check on damaged pages, through the real command line ----------------------

def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NAM_PASSPHRASE": PASS}
    return subprocess.run([sys.executable, "-m", "nam_desktop", *args], env=env,
                          capture_output=True, text=True, check=False, timeout=120)


def _last_page_in_use(folder: Path) -> int:
    return (folder / "vault.db").stat().st_size // PAGE - 1


@pytest.mark.parametrize("quick", [False, True])
def test_flipped_bit_in_the_database_is_reported_by_check(closed_vault: Path,
                                                          quick: bool) -> None:
    page = _last_page_in_use(closed_vault)
    _flip(closed_vault / "vault.db", page * PAGE + 200)
    result = _cli("vault", "check", str(closed_vault), *(["--quick"] if quick else []))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "vault is DAMAGED" in result.stdout
    assert f"HMAC verification failed for page {page + 1}" in result.stdout


@pytest.mark.parametrize("damage", ["truncated", "empty", "wal"])
def test_other_damage_is_a_message_and_exit_1(closed_vault: Path, vault_with_wal: Path,
                                              damage: str) -> None:
    folder = closed_vault
    if damage == "truncated":
        db = folder / "vault.db"
        db.write_bytes(db.read_bytes()[:50_000])
    elif damage == "empty":
        (folder / "vault.db").write_bytes(b"")
    else:
        folder = vault_with_wal
        _flip(folder / "vault.db-wal", 32 + 24 + 7)
    for quick in ([], ["--quick"]):
        result = _cli("vault", "check", str(folder), *quick)
        assert result.returncode == 1
        assert result.stderr.startswith("nam-desktop: error: the vault database is damaged: ")
        assert "restore" in result.stderr and "Traceback" not in result.stderr


# ---- a failed create leaves nothing behind ---------------------------------------------

def test_failed_create_removes_its_partial_files(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from nam_desktop.core.crypto import keyslot

    def power_cut(*_: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(keyslot, "write_both", power_cut)  # the last step of create
    folder = tmp_path / "new"
    with pytest.raises(Exception, match="Input/output error"):
        Vault.create(folder, PASS, kdf=MINIMUM_PARAMS)
    assert not folder.exists()
    monkeypatch.undo()
    Vault.create(folder, PASS, kdf=MINIMUM_PARAMS).close()  # a retry works


def test_failed_create_in_an_existing_empty_folder_keeps_the_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nam_desktop.core.vault import db

    folder = tmp_path / "chosen"
    folder.mkdir()

    def broken(*_: object, **__: object) -> int:
        raise RuntimeError("migration failed")

    monkeypatch.setattr(db, "migrate", broken)
    with pytest.raises(RuntimeError):
        Vault.create(folder, PASS, kdf=MINIMUM_PARAMS)
    assert folder.is_dir() and list(folder.iterdir()) == []
    monkeypatch.undo()
    made = Vault.create(folder, PASS, kdf=MINIMUM_PARAMS)  # the retry is not refused
    made.close()
    with pytest.raises(VaultExistsError):  # only a real vault blocks a new one
        Vault.create(folder, PASS, kdf=MINIMUM_PARAMS)
