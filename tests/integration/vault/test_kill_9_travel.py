"""kill -9 during travel preparation, a backup, and travel without the vault.

Each command runs as a real CLI process, once to the end, then again from the same
starting copy and is killed (SIGKILL: no cleanup runs) at points spread over its working
time. After every kill the vault opens, with the passphrase or through HQ (a real request,
answer and new passphrase), or a complete backup on the drive restores it: never a vault
that neither the passphrase nor HQ can open. `vault check` passes and nothing readable
is left on disk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from kill_helpers import cmd, kill_points, kill_when, restore
from travel_fixtures import MARKER, NEW_PASS, PASS, contents

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS, KdfParams
from nam_desktop.core.errors import AwaitingRecoveryError, NamError
from nam_desktop.core.exchange import hq_identity, hq_recovery, keycard
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.json_io import draft_from_dict
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault import backup_restore, recovery
from nam_desktop.core.vault.vault import Vault

BACKUP_PASS = "the backup passphrase"
pytestmark = pytest.mark.slow


@dataclass
class Setup:
    template: Path
    folder: Path
    hq_dir: Path
    dest: Path
    tmpdir: Path
    env: dict[str, str]
    expected: dict[str, object]
    body: bytes


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    """An interviewer vault (Argon2id at 32 MiB: a wide window while it opens) with a
    12 MB attachment, HQ's key card, the recovery slot on, registered at HQ."""
    template, hq_dir = tmp_path / "template", tmp_path / "hq"
    hq = Vault.create(hq_dir, PASS, kdf=MINIMUM_PARAMS, role="hq")
    iv = Vault.create(template, PASS, kdf=KdfParams(32 * 1024, 3, 1))
    body = os.urandom(12 * 1024 * 1024)
    try:
        hq_identity.init_hq(hq)
        keycard.pin_keycard(iv, keycard.issue_keycard(hq, hq_name="HQ"))
        hq_identity.register_device(hq, iv.device.fingerprint, "A")
        repo = TestimonyRepository(iv)
        tid = repo.add(draft_from_dict({"title": "t", "narrative": MARKER},
                                       repo.vocabulary_codes()))
        marked = body[:1000] + MARKER.encode() + body[1000:]
        import io

        AttachmentService(iv).attach(tid, io.BytesIO(marked), "evidence.bin")
        recovery.enable(iv)
        expected = contents(iv)
    finally:
        iv.close()
        hq.close()
    tmpdir, dest = tmp_path / "proc-tmp", tmp_path / "drive"
    tmpdir.mkdir()
    dest.mkdir()
    env = {**os.environ, "NAM_PASSPHRASE": PASS, "NAM_BACKUP_PASSPHRASE": BACKUP_PASS,
           "TMPDIR": str(tmpdir)}
    return Setup(template, tmp_path / "vault", hq_dir, dest, tmpdir, env, expected,
                 body[5000:5064])


def _no_plaintext(s: Setup) -> None:
    needles = [MARKER.encode(), MARKER.encode("utf-16-le"), s.body]
    for folder in (s.folder, s.dest, s.tmpdir):
        for path in folder.rglob("*") if folder.exists() else []:
            if path.is_file():
                data = path.read_bytes()
                assert not any(n in data for n in needles), f"plaintext in {path}"


def _opens_with_passphrase(s: Setup) -> bool:
    try:
        vault = Vault.open(s.folder, PASS)
    except AwaitingRecoveryError:
        return False
    with vault:
        assert vault.check().ok
        assert contents(vault) == s.expected
    return True


def _opens_through_hq(s: Setup) -> None:
    made = recovery.make_request(s.folder)
    with Vault.open(s.hq_dir, PASS) as hq:
        response = hq_recovery.answer_request(hq, made.data, confirmed=True)
    with recovery.restore_access(s.folder, response, NEW_PASS, kdf=MINIMUM_PARAMS) as v:
        assert v.check().ok
        assert contents(v) == s.expected


def _hq_identities(s: Setup) -> list[str]:
    with Vault.open(s.hq_dir, PASS) as hq:
        return list(hq_identity.load_hq(hq).identities)


def _backups(s: Setup) -> list[Path]:
    return sorted(p for p in s.dest.iterdir() if p.name.endswith(".age")
                  and not p.name.startswith(".") and ".key." not in p.name)


def _restores(s: Setup, backup: Path, target: Path) -> None:
    backup_restore.restore_backup(backup, target, identities=_hq_identities(s))
    with Vault.open(target, PASS) as v:
        assert v.check().ok
        assert contents(v) == s.expected


def _check_travel_state(s: Setup, outcomes: set[str]) -> None:
    _no_plaintext(s)
    if _opens_with_passphrase(s):
        outcomes.add("passphrase")
    else:
        _opens_through_hq(s)  # raises if HQ cannot give it back either
        outcomes.add("hq")


def test_kill_during_travel_preparation(setup: Setup) -> None:
    s = setup
    args = cmd("vault", "travel", s.folder, "--yes")
    codes, outcomes = [], set()
    for code in kill_points(args, s.env, restore(s.template, s.folder),
                            fractions=(0.05, 0.3, 0.6, 0.9)):
        codes.append(code)
        _check_travel_state(s, outcomes)
    # Between the two key slot copies, and right after the last one went.
    for name, code in kill_when(args, s.env, restore(s.template, s.folder), {
            "backup copy gone": lambda: not (s.folder / "keyslot.bak.json").exists(),
            "both gone": lambda: not (s.folder / "keyslot.json").exists()}):
        codes.append(code)
        _check_travel_state(s, outcomes)
        if code == -9 and name == "both gone":
            assert "hq" in outcomes
    assert -9 in codes


def _check_backup_state(s: Setup, target: Path) -> int:
    """The vault is untouched; whatever backup is visible on the drive is whole."""
    _no_plaintext(s)
    assert _opens_with_passphrase(s)  # the vault itself is never at risk
    visible = _backups(s)
    for i, backup in enumerate(visible):
        _restores(s, backup, target / str(i))
    return len(visible)


def test_kill_during_backup(setup: Setup, tmp_path: Path) -> None:
    s = setup
    args = cmd("vault", "backup", s.folder, "--to", s.dest, "--with-passphrase")
    fresh = restore(s.template, s.folder, s.dest)
    codes = []
    for code in kill_points(args, s.env, fresh):
        codes.append(code)
        _check_backup_state(s, tmp_path / f"t{len(codes)}")
    for name, code in kill_when(args, s.env, fresh, {
            "copying the database": lambda: any(s.folder.glob(".nam-backup-*.tmp")),
            "writing the archive": lambda: any(s.dest.glob(".*.tmp")),
            "archive renamed": lambda: bool(_backups(s))}):
        codes.append(code)
        visible = _check_backup_state(s, tmp_path / f"t{len(codes)}")
        if code == -9 and name != "archive renamed":
            assert visible == 0 or name == "writing the archive"
    assert -9 in codes


def _check_left_state(s: Setup, target: Path, outcomes: set[str]) -> None:
    _no_plaintext(s)
    try:
        if _opens_with_passphrase(s):
            outcomes.add("passphrase")
            return
        _opens_through_hq(s)
        outcomes.add("hq")
        return
    except (NamError, FileNotFoundError):
        pass  # the vault is (partly) gone: the backup must hold it, whole
    backups = _backups(s)
    assert backups, "neither the vault nor a backup is left"
    ids = backup_restore.identities_from_passphrase(
        backup_restore.backup_files(backups[0])[1], BACKUP_PASS)
    backup_restore.restore_backup(backups[0], target, identities=ids)
    with Vault.open(target, PASS) as v:
        assert v.check().ok and contents(v) == s.expected
    outcomes.add("backup")


def test_kill_during_travel_without_the_vault(setup: Setup, tmp_path: Path) -> None:
    s = setup
    args = cmd("vault", "travel", s.folder, "--without-vault", "--backup-to", s.dest,
               "--with-passphrase", "--yes")
    fresh = restore(s.template, s.folder, s.dest)
    codes, outcomes = [], set()
    for code in kill_points(args, s.env, fresh, fractions=(0.1, 0.4, 0.7, 0.95)):
        codes.append(code)
        _check_left_state(s, tmp_path / f"r{len(codes)}", outcomes)
    for _name, code in kill_when(args, s.env, fresh, {
            "backup written": lambda: bool(_backups(s)),
            "key slots going": lambda: not (s.folder / "keyslot.bak.json").exists(),
            "database going": lambda: not (s.folder / "vault.db").exists()}):
        codes.append(code)
        _check_left_state(s, tmp_path / f"r{len(codes)}", outcomes)
    assert -9 in codes
