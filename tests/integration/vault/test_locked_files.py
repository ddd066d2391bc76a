"""A file held by another program (Windows: an antivirus scanner, the indexer, a preview)
never stops the vault from opening or an attachment from being deleted: removal is best
effort, retried briefly, reported, and finished at a later opening."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from nam_desktop.core import fileio
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"


class HeldFiles:
    """``os.unlink`` refuses the names in :attr:`held` (WinError 32 in real life)."""

    def __init__(self) -> None:
        self.held: set[str] = set()
        self.refused = 0
        self._real: Callable[..., None] = os.unlink

    def __call__(self, path: object, *args: object, **kw: object) -> None:
        if os.path.basename(os.fsdecode(path)) in self.held:  # type: ignore[arg-type]
            self.refused += 1
            raise PermissionError(13, "The process cannot access the file because it is "
                                      "being used by another process")
        self._real(path, *args, **kw)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> HeldFiles:
    fake = HeldFiles()
    monkeypatch.setattr(os, "unlink", fake)
    monkeypatch.setattr(fileio.Platform, "windows", True)
    monkeypatch.setattr(fileio, "RETRY_DELAYS", (0.0, 0.0))
    return fake


@pytest.mark.allow_log_warnings
def test_a_part_file_held_by_a_scanner_does_not_stop_the_vault_opening(
        vault: Vault, vault_dir: Path, held: HeldFiles) -> None:
    vault.close()
    part = vault_dir / "media" / ("ab" * 16 + ".nam.part")
    part.write_bytes(os.urandom(100))
    held.held.add(part.name)
    with Vault.open(vault_dir, PASS) as again:
        assert again.open_scan.orphans_removed == [part.name]
        assert again.open_scan.kept == [part.name]
        assert held.refused == 3  # tried, then retried twice (RETRY_DELAYS)
        assert part.exists()
    held.held.clear()  # the scanner let go: the next opening removes it
    with Vault.open(vault_dir, PASS) as again:
        assert again.open_scan.kept == [] and not part.exists()


def test_deleting_an_attachment_whose_file_is_held_still_shreds_it(
        vault: Vault, vault_dir: Path, held: HeldFiles) -> None:
    tid = TestimonyRepository(vault).add(TestimonyDraft(title="t"))
    service = AttachmentService(vault)
    att = service.attach(tid, io.BytesIO(b"plain text note"), "note.txt")
    files = {p.name for p in (vault_dir / "media").iterdir()}
    held.held.update(files)
    service.delete(att.id)  # no error for the user: the key is gone, the file is noise
    assert service.list(tid) == []
    with vault.reading() as c:
        assert c.execute("SELECT count(*) FROM media_files").fetchone()[0] == 0
    assert {p.name for p in (vault_dir / "media").iterdir()} == files
    vault.close()
    held.held.clear()
    with Vault.open(vault_dir, PASS) as again:
        assert sorted(again.open_scan.orphans_removed) == sorted(files)
        assert list((vault_dir / "media").iterdir()) == []


@pytest.mark.allow_log_warnings
def test_the_cli_reports_a_held_file_and_still_works(
        vault: Vault, vault_dir: Path, held: HeldFiles, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from nam_desktop.cli import run

    vault.close()
    part = vault_dir / "media" / ("cd" * 16 + ".nam.part")
    part.write_bytes(b"x")
    held.held.add(part.name)
    monkeypatch.setenv("NAM_PASSPHRASE", PASS)
    assert run(["testimony", "list", str(vault_dir)]) == 0
    err = capsys.readouterr().err
    assert part.name in err and "held by another program" in err
