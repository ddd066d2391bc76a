"""Encrypted backup and restore on real vault files, with the stock `age` CLI, `tar` and
pyrage as independent oracles.

Round trip: the restored vault passes `vault check`, every media file is byte-identical,
the device key, the export sequence and the audit chain continue. The archive opens with
HQ's identity or with the backup passphrase (through its key file), and with nothing
else; a flipped bit, a missing part, a hostile archive are refused with nothing left.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

import pyrage
import pytest
from travel_fixtures import PASS, Field, contents

from nam_desktop.core.crypto.age_writer import AgeWriter
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.errors import NoSpaceError, WrongPassphraseError
from nam_desktop.core.exchange import export, hq_identity
from nam_desktop.core.exchange.destination import SpaceInfo
from nam_desktop.core.model.json_io import draft_from_dict
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault import backup_restore
from nam_desktop.core.vault.backup import BackupError, BackupReason, backup_vault
from nam_desktop.core.vault.vault import Vault

BACKUP_PASS = "the backup passphrase"


def _hq_identities(field: Field) -> list[str]:
    with Vault.open(field.hq_dir, PASS) as hq:
        return list(hq_identity.load_hq(hq).identities)


def _drive(tmp_path: Path, name: str = "drive") -> Path:
    drive = tmp_path / name
    drive.mkdir()
    return drive


def _reason(caught: pytest.ExceptionInfo[BackupError]) -> BackupReason:
    return caught.value.reason


def test_round_trip_with_hq_identity(field: Field, tmp_path: Path) -> None:
    drive = _drive(tmp_path)
    with Vault.open(field.iv_dir, PASS) as v:
        repo = TestimonyRepository(v)
        for tid in field.testimonies:  # an export: sequence 1 is used
            repo.update(tid, draft_from_dict({
                "title": "final", "interview": {"date": "2025-01-02"},
                "witness": {"pseudonym": "W"}, "narrative": "x",
                "consent": {"hq_documentation": True, "method": "oral",
                            "given_date": "2025-01-02"}}, repo.vocabulary_codes()))
            repo.finalize(tid)
        usb = _drive(tmp_path, "usb")
        assert export.export_bundle(v, usb).seq == 1
        before = contents(v)
        fingerprint = v.device.fingerprint
        entries = len(v.audit.entries(limit=100_000))
        head = v.audit.head()
        result = backup_vault(v, drive)
        assert result.key_path is None and result.hq_recipients == 1
        assert v.audit.entries()[0].action == "vault.backup"
    assert [p.parent for p in result.paths] == [drive]
    restored = backup_restore.restore_backup(result.paths[0], tmp_path / "restored",
                                             identities=_hq_identities(field))
    assert (restored.device_fingerprint, restored.audit_entries, restored.audit_head) == (
        fingerprint, entries, head)
    original_media = sorted((field.iv_dir / "media").iterdir())
    assert original_media
    for path in original_media:  # the stored (encrypted) files, byte for byte
        assert (tmp_path / "restored" / "media" / path.name).read_bytes() == path.read_bytes()
    with Vault.open(tmp_path / "restored", PASS) as v:
        assert v.check().ok
        assert contents(v) == before
        assert v.device.fingerprint == fingerprint
        assert v.audit.head() == head and v.audit.verify().entries == entries
        TestimonyRepository(v).finalize(TestimonyRepository(v).add(draft_from_dict({
            "title": "after", "interview": {"date": "2025-01-02"},
            "witness": {"pseudonym": "W"}, "narrative": "y",
            "consent": {"hq_documentation": True, "method": "oral",
                        "given_date": "2025-01-02"}}, TestimonyRepository(v)
            .vocabulary_codes())))
        assert export.export_bundle(v, _drive(tmp_path, "usb2")).seq == 2  # continues


def test_the_age_cli_tar_and_pyrage_read_a_passphrase_backup(field: Field, tmp_path: Path
                                                             ) -> None:
    if shutil.which("age") is None or shutil.which("tar") is None:
        pytest.skip("the age CLI or tar is not installed")
    drive = _drive(tmp_path)
    with Vault.open(field.iv_dir, PASS) as v:
        result = backup_vault(v, drive, passphrase=BACKUP_PASS)
    assert result.key_path is not None and result.hq_recipients == 1
    identity = pyrage.passphrase.decrypt(result.key_path.read_bytes(), BACKUP_PASS).decode()
    (tmp_path / "id.txt").write_text(identity, "ascii")
    out = tmp_path / "out"
    out.mkdir()
    age = subprocess.run(["age", "-d", "-i", str(tmp_path / "id.txt"), str(result.paths[0])],
                         capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(out)], input=age.stdout, check=True)
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    media = sorted(f"media/{p.name}" for p in (field.iv_dir / "media").iterdir())
    assert names == sorted(["keyslot.json", "keyslot.bak.json", "vault.db",
                            "nam-backup.json", *media])
    manifest = json.loads((out / "nam-backup.json").read_text("utf-8"))
    assert [m["name"] for m in manifest["members"]][-1].startswith("media/")
    for name in media:
        assert (out / name).read_bytes() == (field.iv_dir / name).read_bytes()
    # HQ's identity opens it too (the stock tool again).
    (tmp_path / "hq.txt").write_text("\n".join(_hq_identities(field)) + "\n", "ascii")
    subprocess.run(["age", "-d", "-i", str(tmp_path / "hq.txt"), "-o", "/dev/null",
                    str(result.paths[0])], check=True)
    # And the app's restore with the passphrase gives a vault that passes its check.
    ids = backup_restore.identities_from_passphrase(result.key_path, BACKUP_PASS)
    backup_restore.restore_backup(result.key_path, tmp_path / "r", identities=ids)
    with Vault.open(tmp_path / "r", PASS) as v:
        assert v.check().ok


def test_split_into_parts_and_restored_from_any_part(field: Field, tmp_path: Path) -> None:
    drive = _drive(tmp_path)
    with Vault.open(field.iv_dir, PASS) as v:
        before = contents(v)
        result = backup_vault(v, drive, part_size=256 * 1024)
    assert len(result.paths) > 2
    assert all(p.stat().st_size == 256 * 1024 for p in result.paths[:-1])
    backup_restore.restore_backup(result.paths[-1], tmp_path / "r",
                                  identities=_hq_identities(field))
    with Vault.open(tmp_path / "r", PASS) as v:
        assert contents(v) == before and v.check().ok
    result.paths[-1].unlink()  # a part left behind: cut inside an age chunk
    with pytest.raises(BackupError) as caught:
        backup_restore.restore_backup(result.paths[0], tmp_path / "r2",
                                      identities=_hq_identities(field))
    assert _reason(caught) in (BackupReason.TRUNCATED, BackupReason.DAMAGED)
    assert not (tmp_path / "r2").exists()


def test_a_write_just_committed_is_in_the_backup(field: Field, tmp_path: Path) -> None:
    """The database is copied through SQLCipher's backup API: commits still in the
    write-ahead log are in the copy (a copy of vault.db alone would miss them)."""
    with Vault.open(field.iv_dir, PASS) as v:
        repo = TestimonyRepository(v)
        tid = repo.add(draft_from_dict({"title": "just now"}, repo.vocabulary_codes()))
        assert (field.iv_dir / "vault.db-wal").stat().st_size > 0
        result = backup_vault(v, _drive(tmp_path), passphrase=BACKUP_PASS)
        ids = backup_restore.identities_from_passphrase(result.key_path, BACKUP_PASS)
        backup_restore.restore_backup(result.paths[0], tmp_path / "r", identities=ids)
    with Vault.open(tmp_path / "r", PASS) as v:
        assert TestimonyRepository(v).get(tid).title == "just now"


def test_backup_refusals_leave_nothing(field: Field, tmp_path: Path) -> None:
    drive = _drive(tmp_path)
    bare = Vault.create(tmp_path / "bare", PASS, kdf=MINIMUM_PARAMS)
    with bare:
        with pytest.raises(BackupError) as caught:
            backup_vault(bare, drive)
        assert _reason(caught) is BackupReason.NO_RECIPIENT
    with Vault.open(field.iv_dir, PASS) as v:
        with pytest.raises(BackupError) as caught:
            backup_vault(v, field.iv_dir / "media")
        assert _reason(caught) is BackupReason.DEST_INSIDE_VAULT
        with pytest.raises(BackupError) as caught:
            backup_vault(v, tmp_path / "missing")
        assert _reason(caught) is BackupReason.DEST_MISSING
        with pytest.raises(NoSpaceError) as full:
            backup_vault(v, drive, space=lambda _p: SpaceInfo(1000, False, "vfat"))
        assert full.value.needed is not None and full.value.needed > 1000
        with pytest.raises(BackupError) as caught:
            backup_vault(v, drive, cancelled=lambda: True)
        assert _reason(caught) is BackupReason.CANCELLED
        assert not [e for e in v.audit.entries() if e.action == "vault.backup"]
    assert list(drive.iterdir()) == []
    assert not list(field.iv_dir.glob(".nam-backup-*"))


def test_restore_refusals_leave_nothing(field: Field, tmp_path: Path) -> None:
    with Vault.open(field.iv_dir, PASS) as v:
        result = backup_vault(v, _drive(tmp_path), passphrase=BACKUP_PASS)
    assert result.key_path is not None
    with pytest.raises(WrongPassphraseError):
        backup_restore.identities_from_passphrase(result.key_path, "not the passphrase")
    other = pyrage.x25519.Identity.generate()
    target = tmp_path / "r"
    with pytest.raises(BackupError) as caught:
        backup_restore.restore_backup(result.paths[0], target, identities=[str(other)])
    assert _reason(caught) is BackupReason.NO_IDENTITY
    assert not target.exists()
    ids = backup_restore.identities_from_passphrase(result.key_path, BACKUP_PASS)
    data = bytearray(result.paths[0].read_bytes())
    data[len(data) // 2] ^= 0x10
    flipped = tmp_path / "flipped.age"
    flipped.write_bytes(bytes(data))
    with pytest.raises(BackupError) as caught:
        backup_restore.restore_backup(flipped, target, identities=ids)
    assert _reason(caught) is BackupReason.DAMAGED
    assert not target.exists()
    target.mkdir()
    (target / "something").write_text("x", "utf-8")
    with pytest.raises(BackupError) as caught:
        backup_restore.restore_backup(result.paths[0], target, identities=ids)
    assert _reason(caught) is BackupReason.TARGET_NOT_EMPTY
    assert [p.name for p in target.iterdir()] == ["something"]


def _hostile(tmp_path: Path, members: list[tuple[str, bytes]], recipient: str) -> Path:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    out = io.BytesIO()
    writer = AgeWriter(out, [recipient])
    writer.write(raw.getvalue())
    writer.finish()
    path = tmp_path / "hostile.age"
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize("members", [
    [("../outside.txt", b"escape")],
    [("/etc/passwd-copy", b"escape")],
    [("media/../../outside.txt", b"escape")],
    [("keyslot.json", b"{}"), ("nam-backup.json", b'{"format": "nam-backup", '
                               b'"version": 1, "members": []}')],
    [("vault.db", b"x" * 10), ("vault.db", b"y" * 10)],
], ids=["parent", "absolute", "media-parent", "manifest-lies", "twice"])
def test_a_hostile_archive_is_refused_and_nothing_escapes(tmp_path: Path,
                                                          members: list[tuple[str, bytes]]
                                                          ) -> None:
    ident = pyrage.x25519.Identity.generate()
    path = _hostile(tmp_path, members, str(ident.to_public()))
    with pytest.raises(BackupError) as caught:
        backup_restore.restore_backup(path, tmp_path / "t" / "r", identities=[str(ident)])
    assert _reason(caught) is BackupReason.NOT_A_BACKUP
    assert not (tmp_path / "t" / "r").exists()
    assert not (tmp_path / "t" / "outside.txt").exists()
    assert not (tmp_path / "outside.txt").exists()


def test_a_stale_database_copy_of_a_killed_backup_is_removed(field: Field, tmp_path: Path
                                                            ) -> None:
    stale = field.iv_dir / ".nam-backup-deadbeef.db.tmp"
    stale.write_bytes(b"left by a killed backup")
    with Vault.open(field.iv_dir, PASS) as v:
        backup_vault(v, _drive(tmp_path))
    assert not stale.exists()
