"""A killed ingest leaves an openable vault; no plaintext reaches the disk."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.json_io import draft_from_dict
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"

INGEST_SCRIPT = textwrap.dedent("""
    import sys, os
    from pathlib import Path
    from nam_desktop.core.vault.vault import Vault

    class Endless:
        def __init__(self):
            self.sent = 0
        def read(self, n):
            if self.sent > 4 * 1024 * 1024:
                print("streaming", flush=True)
            self.sent += n
            return os.urandom(n)

    vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
    vault.media.write_file(Endless())
""")


@pytest.mark.slow
def test_kill_during_ingest_leaves_an_openable_vault(vault: Vault, vault_dir: Path) -> None:
    repo = TestimonyRepository(vault)
    tid = repo.add(draft_from_dict({"title": "before the crash"}, repo.vocabulary_codes()))
    vault.close()
    proc = subprocess.Popen([sys.executable, "-c", INGEST_SCRIPT, str(vault_dir), PASS],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "streaming"
    assert any(p.name.endswith(".part") for p in (vault_dir / "media").iterdir())
    proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
    proc.wait(timeout=10)
    proc.stdout.close()
    with Vault.open(vault_dir, PASS) as again:
        assert len(again.open_scan.orphans_removed) == 1
        assert not list((vault_dir / "media").iterdir())
        assert again.check().ok
        assert TestimonyRepository(again).get(tid).title == "before the crash"


def test_crash_between_file_and_row(vault: Vault, vault_dir: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is durable but its row never committed: an orphan, removed at open."""
    repo = TestimonyRepository(vault)
    tid = repo.add(draft_from_dict({"title": "t"}, repo.vocabulary_codes()))
    service = AttachmentService(vault)

    def power_cut(*_: object, **__: object) -> None:
        raise SystemExit("power cut")

    monkeypatch.setattr(vault.media, "insert_row", power_cut)
    src = vault_dir.parent / "note.txt"
    src.write_bytes(b"some evidence")
    with pytest.raises(SystemExit):
        service.attach_file(tid, src)
    vault.close()
    with Vault.open(vault_dir, PASS) as again:
        assert again.check().ok
        assert AttachmentService(again).list(tid) == []
        assert not list((vault_dir / "media").iterdir())


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_no_plaintext_marker_anywhere(tmp_path: Path, corpus: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    marker = "МАРКЕР-сведкі-7F3A9C"  # unique text that must never appear on disk
    # A temporary folder of this test's own (Python's tempfile and SQLite's TMPDIR), so
    # the whole tree can be searched without other programs' files getting in the way.
    private_tmp = tmp_path / "tmpdir"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    assert tempfile.gettempdir() == str(private_tmp)
    folder = tmp_path / "vault"
    from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS

    vault = Vault.create(folder, PASS, kdf=MINIMUM_PARAMS)
    repo = TestimonyRepository(vault)
    tid = repo.add(draft_from_dict({
        "title": f"Title {marker}",
        "interview": {"date": "2025-01-02"},
        "consent": {"hq_documentation": True, "method": "oral", "given_date": "2025-01-02"},
        "witness": {"pseudonym": "P-1", "name": f"Name {marker}"},
        "narrative": f"Narrative {marker} " * 200,
        "notes": f"Notes {marker}",
    }, repo.vocabulary_codes()))
    outside = tmp_path / "outside"
    outside.mkdir()
    text_file = outside / "statement.txt"
    text_file.write_text(f"statement {marker}\n" * 1000, "utf-8")
    photo = outside / "photo.jpg"
    photo.write_bytes((corpus / "exif-samples/jpg/gps/DSCN0010.jpg").read_bytes())
    service = AttachmentService(vault)
    service.attach_file(tid, text_file)
    service.attach_file(tid, photo)
    assert repo.missing_for_finalize(tid) == []
    assert repo.finalize(tid) == 1  # the revision snapshot is written too
    with vault.reading() as c:  # exercise search too (FTS lives inside the database)
        from nam_desktop.core.model.search import search

        assert search(c, "МАРКЕР")
    needles = [marker.encode("utf-8"), marker.encode("utf-16-le"),
               photo.read_bytes()[2000:2064]]  # a slice of the photo's compressed data

    def scan() -> None:
        for path in _files_under(folder):
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, f"plaintext found in {path.name}"

    scan()  # while open (WAL and shared-memory files included)
    vault.close()
    scan()
    leaked = [p for p in private_tmp.rglob("*") if p.is_file() and any(
        needle in p.read_bytes() for needle in needles)]  # every level, not only the top
    assert leaked == []
