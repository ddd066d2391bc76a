"""A full disk: a typed "not enough space" error (exit 8) saying where and how much, never
a traceback or "damaged", and the vault stays intact.

Two ways to fill a disk: fault injection through seams (runs everywhere: SQLite's own
``max_page_count`` gives a real ``SQLITE_FULL``, the media writer thread gets ENOSPC, the
free-space probe is faked), and, where the tests run as root and may mount, a real
3 MB tmpfs holding the vault.
"""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from nam_desktop.cli import EXIT_NO_SPACE, error_line, run
from nam_desktop.core import io_direct, storage_errors
from nam_desktop.core.crypto import keyslot
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.errors import NoSpaceError, Status, StorageIOError
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.json_io import draft_from_dict
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault import db
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[tuple[Vault, str]]:
    v = Vault.create(tmp_path / "vault", PASS, kdf=MINIMUM_PARAMS)
    repo = TestimonyRepository(v)
    tid = repo.add(draft_from_dict({"title": "kept", "narrative": "before the disk filled"},
                                   repo.vocabulary_codes()))
    try:
        yield v, tid
    finally:
        v.close()


def _media(vault: Vault) -> list[str]:
    return sorted(p.name for p in vault.media.folder.iterdir())


def _state(vault: Vault) -> tuple[str, int, int]:
    with vault.reading() as c:
        rows = int(c.execute("SELECT count(*) FROM testimonies").fetchone()[0])
        atts = int(c.execute("SELECT count(*) FROM attachments").fetchone()[0])
    return vault.audit.head(), rows, atts


def _cap_database(vault: Vault, extra_pages: int = 2) -> None:
    """SQLite's own limit: past it every write fails with SQLITE_FULL, as on a full disk."""
    pages = vault.conn.execute("PRAGMA page_count").fetchone()[0]
    vault.conn.execute(f"PRAGMA max_page_count = {pages + extra_pages}")


# ---- the core, through seams -----------------------------------------------------------

def test_attach_checks_the_space_first_and_writes_nothing(
        filled: tuple[Vault, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault, tid = filled
    src = tmp_path / "video.bin"
    src.write_bytes(os.urandom(3_000_000))
    before = _state(vault)
    monkeypatch.setattr(storage_errors, "free_bytes", lambda _folder: 1_500_000)
    with pytest.raises(NoSpaceError) as info:
        AttachmentService(vault).attach_file(tid, src)
    err = info.value
    assert err.where == str(vault.folder) and err.free == 1_500_000
    assert err.needed is not None and 6_000_000 < err.needed < 8_000_000  # two copies
    assert error_line(err) == (f"nam-desktop: error: not enough space on {vault.folder}, "
                               f"{-(-err.needed // 1_000_000)} MB needed (2 MB free)")
    assert _media(vault) == [] and _state(vault) == before


def test_attach_that_fills_the_disk_mid_write_leaves_no_file(
        filled: tuple[Vault, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault, tid = filled
    real = os.write

    def write(fd: int, data: bytes | memoryview) -> int:
        if threading.current_thread().name == "block-writer":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)

    monkeypatch.setattr(io_direct.os, "write", write)
    before = _state(vault)
    with pytest.raises(NoSpaceError) as info:
        AttachmentService(vault).attach(tid, io.BytesIO(os.urandom(5_000_000)), "a.bin")
    assert info.value.where == str(vault.folder)
    assert isinstance(info.value.__cause__, OSError)
    assert _media(vault) == [] and _state(vault) == before


def test_database_full_during_attach_removes_the_stored_files(
        filled: tuple[Vault, str]) -> None:
    """Attach until the database cannot grow: the failing attachment leaves neither its
    encrypted files nor a row behind; the earlier ones are intact."""
    vault, tid = filled
    service = AttachmentService(vault)
    _cap_database(vault, extra_pages=0)  # free pages inside the file are still used
    for n in range(500):
        before, files = _state(vault), _media(vault)
        try:
            service.attach(tid, io.BytesIO(os.urandom(2000)), f"note{n}.bin")
        except NoSpaceError as exc:
            assert exc.where == str(vault.folder)
            break
    else:
        pytest.fail("the capped database never filled up")
    assert n > 0 and _media(vault) == files and _state(vault) == before
    vault.conn.execute("PRAGMA max_page_count = 1073741823")
    assert len(service.list(tid)) == n
    assert vault.check().ok


def test_testimony_import_into_a_full_database_is_all_or_nothing(
        filled: tuple[Vault, str]) -> None:
    vault, _ = filled
    repo = TestimonyRepository(vault)
    before = _state(vault)
    drafts = [draft_from_dict({"title": f"t{i}", "narrative": "x" * 20_000},
                              repo.vocabulary_codes()) for i in range(50)]
    _cap_database(vault)
    with pytest.raises(NoSpaceError) as info:
        repo.add_many(drafts)
    assert info.value.status is Status.NO_SPACE and info.value.where == str(vault.folder)
    assert not vault.conn.in_transaction  # rolled back once, no "cannot rollback" error
    assert _state(vault) == before
    vault.conn.execute("PRAGMA max_page_count = 1073741823")
    assert len(repo.add_many(drafts)) == 50  # nothing was left half-done
    assert vault.check().ok


class _FirstReadFails:
    """A connection whose first read fails with SQLite's "disk I/O error": what SQLite
    says when it cannot create its shared-memory file on a disk with 0 bytes free."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, *args: object) -> Any:
        if sql.startswith("SELECT count(*) FROM sqlite_master"):
            import sqlcipher3

            raise sqlcipher3.OperationalError("disk I/O error")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


@pytest.mark.parametrize(("free", "expected"), [(0, NoSpaceError), (10**10, StorageIOError)])
def test_open_on_a_full_disk_is_no_space_not_damage(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, free: int,
        expected: type[Exception]) -> None:
    Vault.create(tmp_path / "v", PASS, kdf=MINIMUM_PARAMS).close()
    real_connect = db.sqlcipher3.connect
    monkeypatch.setattr(db.sqlcipher3, "connect",
                        lambda *a, **k: _FirstReadFails(real_connect(*a, **k)))
    monkeypatch.setattr(storage_errors, "free_bytes", lambda _folder: free)
    with pytest.raises(expected):
        Vault.open(tmp_path / "v", PASS)
    monkeypatch.undo()
    assert sorted(p.name for p in (tmp_path / "v").iterdir()) == [
        "keyslot.bak.json", "keyslot.json", "media", "vault.db", "vault.lock"]
    with Vault.open(tmp_path / "v", PASS) as again:
        assert again.check().ok


def test_passphrase_change_on_a_full_disk_keeps_the_old_passphrase(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "v"
    Vault.create(folder, PASS, kdf=MINIMUM_PARAMS).close()
    slots = {n: (folder / n).read_bytes() for n in ("keyslot.json", "keyslot.bak.json")}

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with Vault.open(folder, PASS) as v:
        monkeypatch.setattr(keyslot, "atomic_write", full)
        with pytest.raises(NoSpaceError) as info:
            v.change_passphrase(PASS, "a brand new passphrase")
        monkeypatch.undo()
        assert info.value.needed and info.value.needed < 2000
    assert {n: (folder / n).read_bytes() for n in slots} == slots
    Vault.open(folder, PASS).close()


# ---- the command line, in process, with a database capped by SQLite ---------------------

@pytest.fixture
def capped_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
               ) -> Callable[..., tuple[int, str, str]]:
    """Run the CLI; every database it opens refuses to grow (SQLITE_FULL)."""
    monkeypatch.setenv("NAM_PASSPHRASE", PASS)
    real_open = db.open_database

    def capped(*args: Any, **kwargs: Any) -> Any:
        conn = real_open(*args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 1}")
        return conn

    def call(*argv: object) -> tuple[int, str, str]:
        with monkeypatch.context() as m:
            m.setattr(db, "open_database", capped)
            code = run([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def test_cli_import_and_add_on_a_full_disk(tmp_path: Path,
                                           capped_cli: Callable[..., tuple[int, str, str]],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "vault"
    assert run(["vault", "init", str(folder), "--fast-kdf"]) == 0
    capsys.readouterr()
    lines = tmp_path / "many.jsonl"
    lines.write_text("\n".join(json.dumps({"title": f"T{i}", "narrative": "n" * 30_000})
                               for i in range(40)), "utf-8")
    code, out, err = capped_cli("testimony", "import", folder, lines)
    assert code == EXIT_NO_SPACE
    assert err.startswith(f"nam-desktop: error: not enough space on {folder} (")
    assert err.rstrip().endswith("MB free)") and "Traceback" not in err and out == ""
    doc = tmp_path / "one.json"
    doc.write_text(json.dumps({"title": "x", "narrative": "n" * 30_000}), "utf-8")
    code, _, err = capped_cli("testimony", "add", folder, "--json", doc)
    assert code == EXIT_NO_SPACE and "not enough space on" in err
    with Vault.open(folder, PASS) as v:
        assert TestimonyRepository(v).list() == [] and v.check().ok


# ---- a real small tmpfs (root only) ------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs, when this process may mount one (root, outside a locked container)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root; the seams above cover the logic")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs",
                           str(mount)], capture_output=True, text=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def _nam(*args: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NAM_PASSPHRASE": PASS}
    return subprocess.run([sys.executable, "-m", "nam_desktop", *map(str, args)], env=env,
                          capture_output=True, text=True, check=False, timeout=120)


def _fill(disk: Path, name: str) -> None:
    with (disk / name).open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


@pytest.mark.may_skip_in_ci("mounting a tmpfs needs root and a container that allows it")
def test_a_real_full_disk(small_disk: Path, tmp_path: Path) -> None:
    folder = small_disk / "vault"
    assert _nam("vault", "init", folder, "--fast-kdf").returncode == 0
    doc = tmp_path / "t.json"
    doc.write_text(json.dumps({"title": "before", "narrative": "written before"}), "utf-8")
    tid = _nam("testimony", "add", folder, "--json", doc).stdout.split()[-1]

    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(2_500_000))
    result = _nam("attach", folder, tid, big)
    assert result.returncode == EXIT_NO_SPACE, result.stderr
    assert result.stderr.startswith(f"nam-desktop: error: not enough space on {folder}, ")
    assert " MB needed (" in result.stderr and "Traceback" not in result.stderr

    lines = tmp_path / "many.jsonl"
    lines.write_text("\n".join(json.dumps({"title": f"T{i}", "narrative": os.urandom(
        15_000).hex()}) for i in range(200)), "utf-8")
    result = _nam("testimony", "import", folder, lines)
    assert result.returncode == EXIT_NO_SPACE, result.stderr
    assert "not enough space on" in result.stderr and "Traceback" not in result.stderr

    _fill(small_disk, "filler")  # 0 bytes free
    for args in (("testimony", "list", folder), ("vault", "check", folder)):
        result = _nam(*args)
        assert result.returncode == EXIT_NO_SPACE, result.stderr
        assert "not enough space on" in result.stderr
        assert "damaged" not in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "keyslot.bak.json", "keyslot.json", "media", "vault.db", "vault.lock"]

    (small_disk / "filler").unlink()
    result = _nam("vault", "check", folder)
    assert result.returncode == 0 and "vault is OK" in result.stdout
    listed = _nam("testimony", "list", folder, "--json")
    assert [row["title"] for row in json.loads(listed.stdout)] == ["before"]
    assert list((folder / "media").iterdir()) == []
