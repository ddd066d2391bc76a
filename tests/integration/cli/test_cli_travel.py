"""The travel, recovery and backup commands end to end through the CLI, with their
documented exit codes (docs/cli.md): the interviewer's side never needs the old
passphrase to ask for access, HQ answers once and only after a confirmation, a vault in
travel mode says it waits for HQ, and a backup restores into a vault that passes
`vault check`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from nam_desktop.cli import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_NOT_READY,
    EXIT_OK,
    EXIT_WRONG_PASSPHRASE,
)

Cli = Callable[..., tuple[int, str, str]]
NEW = "the new passphrase after travel"


@pytest.fixture
def stations(tmp_path: Path, cli: Cli) -> tuple[Path, Path]:
    hq, iv = tmp_path / "hq", tmp_path / "iv"
    assert cli("hq", "init", hq, "--fast-kdf")[0] == 0
    assert cli("vault", "init", iv, "--fast-kdf")[0] == 0
    assert cli("hq", "keycard", hq, "--out", tmp_path / "card.json")[0] == 0
    assert cli("keycard", "import", iv, tmp_path / "card.json", "--yes")[0] == 0
    code, out, _ = cli("vault", "fingerprint", iv)
    assert code == 0
    assert cli("hq", "register", hq, out.strip(), "--name", "A")[0] == 0
    return hq, iv


def test_travel_and_recovery_through_the_cli(tmp_path: Path, cli: Cli,
                                             stations: tuple[Path, Path],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    hq, iv = stations
    code, _, err = cli("vault", "travel", iv, "--yes")
    assert code == EXIT_NOT_READY and "no_recovery_slot" in err
    code, _, err = cli("vault", "recovery", iv, "--enable")  # no terminal, no --yes
    assert code == EXIT_NOT_READY and "not_confirmed" in err
    assert cli("vault", "recovery", iv, "--enable", "--yes")[0] == EXIT_OK
    code, out, _ = cli("vault", "travel", iv, "--yes")
    assert code == EXIT_OK and "2 key slot files destroyed" in out
    code, _, err = cli("vault", "check", iv)
    assert code == EXIT_NOT_READY and "waiting for access from HQ" in err

    monkeypatch.delenv("NAM_PASSPHRASE")  # the interviewer has no passphrase now
    code, out, _ = cli("vault", "recovery", iv)
    assert code == EXIT_OK and "none (waiting for access from HQ)" in out
    request = tmp_path / "request.json"
    code, out, _ = cli("vault", "recovery", iv, "--request", request)
    assert code == EXIT_OK
    request_code = out.split("request code (read it to HQ by another channel): ")[1][:19]
    assert cli("vault", "recovery", iv, "--request", request)[0] == EXIT_BAD_INPUT  # exists

    monkeypatch.setenv("NAM_PASSPHRASE", "correct horse battery")  # HQ's passphrase
    response = tmp_path / "response.json"
    code, out, err = cli("hq", "recover", hq, request, "--out", response)
    assert code == EXIT_NOT_READY and "not_confirmed" in err and request_code in out
    assert not response.exists()
    code, out, _ = cli("hq", "recover", hq, request, "--out", response, "--yes")
    assert code == EXIT_OK and response.exists()
    code, _, err = cli("hq", "recover", hq, request, "--out", tmp_path / "again.json",
                       "--yes")
    assert code == EXIT_FAILED and "replayed" in err

    monkeypatch.setenv("NAM_NEW_PASSPHRASE", NEW)
    code, out, _ = cli("vault", "restore-access", iv, response, "--fast-kdf")
    assert code == EXIT_OK and "Access restored" in out
    code, _, err = cli("vault", "restore-access", iv, response, "--fast-kdf")
    assert code == EXIT_NOT_READY and "no_pending_request" in err
    code, _, _ = cli("vault", "check", iv)
    assert code == EXIT_WRONG_PASSPHRASE  # the old passphrase no longer opens it
    monkeypatch.setenv("NAM_PASSPHRASE", NEW)
    code, out, _ = cli("vault", "check", iv)
    assert code == EXIT_OK and "vault is OK" in out


def test_backup_and_restore_through_the_cli(tmp_path: Path, cli: Cli,
                                            stations: tuple[Path, Path],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    hq, iv = stations
    drive = tmp_path / "drive"
    drive.mkdir()
    monkeypatch.setenv("NAM_BACKUP_PASSPHRASE", "a backup passphrase")
    code, out, _ = cli("vault", "backup", iv, "--to", drive, "--with-passphrase", "--json")
    assert code == EXIT_OK
    made = json.loads(out)
    assert made["hq_recipients"] == 1 and made["key_path"]
    code, out, _ = cli("vault", "restore", made["paths"][0], "--to", tmp_path / "r1",
                       "--json")
    assert code == EXIT_OK and json.loads(out)["awaiting_recovery"] is False
    assert cli("vault", "check", tmp_path / "r1")[0] == EXIT_OK
    identity = tmp_path / "hq-identity.txt"  # protected by a passphrase, the default
    monkeypatch.setenv("NAM_IDENTITY_PASSPHRASE", "identity file passphrase 7 owls")
    assert cli("hq", "export-identity", hq, "--out", identity)[0] == EXIT_OK
    assert identity.read_bytes().startswith(b"age-encryption.org/v1\n")
    code, out, _ = cli("vault", "restore", made["paths"][0], "--to", tmp_path / "r2",
                       "--identity", identity)
    assert code == EXIT_OK and "vault restored" in out
    assert cli("vault", "check", tmp_path / "r2")[0] == EXIT_OK
    code, _, err = cli("vault", "restore", made["paths"][0], "--to", tmp_path / "r2",
                       "--identity", identity)
    assert code == EXIT_BAD_INPUT and "target_not_empty" in err
    monkeypatch.setenv("NAM_BACKUP_PASSPHRASE", "not the backup passphrase")
    code, _, _ = cli("vault", "restore", made["paths"][0], "--to", tmp_path / "r3")
    assert code == EXIT_WRONG_PASSPHRASE and not (tmp_path / "r3").exists()
    code, _, err = cli("vault", "backup", iv, "--to", iv / "media")
    assert code == EXIT_BAD_INPUT and "dest_inside_vault" in err


def test_travel_without_the_vault_through_the_cli(tmp_path: Path, cli: Cli,
                                                  stations: tuple[Path, Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _, iv = stations
    drive = tmp_path / "drive"
    drive.mkdir()
    code, _, err = cli("vault", "travel", iv, "--without-vault", "--yes")
    assert code == EXIT_BAD_INPUT and "--backup-to" in err
    monkeypatch.setenv("NAM_BACKUP_PASSPHRASE", "a backup passphrase")
    code, out, _ = cli("vault", "travel", iv, "--without-vault", "--backup-to", drive,
                       "--with-passphrase", "--yes")
    assert code == EXIT_OK and not iv.exists() and "keys destroyed first" in out
    backup = next(p for p in drive.iterdir() if p.name.endswith(".age")
                  and ".key." not in p.name)
    assert cli("vault", "restore", backup, "--to", iv)[0] == EXIT_OK
    assert cli("vault", "check", iv)[0] == EXIT_OK
