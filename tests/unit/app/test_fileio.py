"""core/fileio: O_BINARY on every writer (a fake bit on Linux), Windows sharing-violation
retries, macOS F_FULLFSYNC, fsync on a writable descriptor, atomic replacement."""

from __future__ import annotations

import errno
import io
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from nam_desktop.core import fileio
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.crypto.media_stream import MediaReader
from nam_desktop.core.exchange.destination import PartWriter, read_back_sha256
from nam_desktop.core.media.batch import FileStatus, clean_files
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.recording import wav
from nam_desktop.core.recording.writer import EncryptedWavWriter, recover_file
from nam_desktop.core.summary.service import write_summary
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"
NEWLINES = bytes(range(256)) * 64  # every byte value, 0x0A and 0x1A included


def jpeg() -> bytes:
    buf = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"
    Image.new("RGB", (16, 16), (10, 200, 30)).save(buf, "JPEG", exif=exif.tobytes())
    return buf.getvalue()


def _vault_and_media(tmp: Path) -> list[str]:
    vault = Vault.create(tmp / "v", PASS, kdf=MINIMUM_PARAMS)
    try:
        tid = TestimonyRepository(vault).add(TestimonyDraft(title="spy"))
        att = AttachmentService(vault).attach(tid, io.BytesIO(jpeg()), "p.jpg")
        with AttachmentService(vault).open(att.id, original=True) as reader:
            assert reader.read() == jpeg()
        write_summary(vault, tid, tmp / "summary.pdf", thumbnails=False)
        assert (tmp / "summary.pdf").read_bytes().startswith(b"%PDF-")
    finally:
        vault.close()
    return ["v/vault.db", "v/vault.lock", "v/keyslot.json", "v/media/", "summary.pdf"]


def _recording(tmp: Path) -> list[str]:
    fmt = wav.PcmFormat(48_000, 1, 2)
    key, fid = secrets.token_bytes(32), secrets.token_bytes(16)
    done, cut = tmp / "done.nam", tmp / "cut.nam"
    writer = EncryptedWavWriter(done, key, fid, fmt, 64 * 1024)
    writer.append(NEWLINES * 8)
    writer.finish()
    with MediaReader(done, key, fid) as reader:
        assert reader.read().endswith(NEWLINES * 8)
    writer = EncryptedWavWriter(cut, key, fid, fmt, 64 * 1024)
    writer.append(NEWLINES * 8)
    writer._out.close()  # type: ignore[union-attr]  # the process died here
    assert recover_file(cut, key, fid, fmt, 64 * 1024) == len(NEWLINES) * 8
    return ["done.nam", "cut.nam"]


def _batch_and_single_clean(tmp: Path) -> list[str]:
    from nam_desktop.cli import run

    src = tmp / "in.jpg"
    fileio.atomic_write(src, jpeg())
    [result] = clean_files([str(src)], tmp / "out", workers=1)
    assert result.status is FileStatus.WRITTEN
    assert run(["media", "clean", str(src), str(tmp / "single.jpg")]) == 0
    assert (tmp / "single.jpg").read_bytes() == (tmp / "out" / "in.jpg").read_bytes()
    return ["in.jpg", "out/", "single.jpg"]


def _bundle_parts(tmp: Path) -> list[str]:
    usb = tmp / "usb"
    usb.mkdir()
    writer = PartWriter(usb, part_size=5000)
    writer.write(NEWLINES)
    paths = writer.complete()
    assert read_back_sha256(paths) == (writer.sha256, len(NEWLINES))
    return ["usb/"]


def _settings_and_log(tmp: Path) -> list[str]:
    from nam_desktop.gui.widgets.settings_store import Settings, SettingsStore
    from nam_desktop.logging_setup import setup_logging

    SettingsStore(tmp / "cfg").save(Settings(language="be"))
    assert SettingsStore(tmp / "cfg").load().language == "be"
    (tmp / "logs").mkdir()
    setup_logging(tmp / "logs")
    setup_logging(None)
    return ["cfg/settings.json", "logs/nam-desktop.log"]


WRITERS: dict[str, Callable[[Path], list[str]]] = {
    "vault, key slot, media store, summary": _vault_and_media,
    "recording writer and recovery": _recording,
    "media clean --out-dir and IN OUT": _batch_and_single_clean,
    "bundle parts and read-back": _bundle_parts,
    "settings and log file": _settings_and_log,
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_every_writer_opens_files_with_o_binary(name: str, tmp_path: Path,
                                                o_binary_spy: object) -> None:
    spy = o_binary_spy
    expected = WRITERS[name](tmp_path)
    opened = [os.path.relpath(p, tmp_path) for p in spy.paths()]  # type: ignore[attr-defined]
    for want in expected:  # the writer really went through os.open (the test can fail)
        prefix = want.rstrip("/")
        assert any(p == prefix or p.startswith(prefix + os.sep) or
                   (want.endswith("/") and p.startswith(prefix)) or
                   os.path.basename(p).startswith(f".{os.path.basename(prefix)}.")
                   for p in opened), (want, opened)
    assert spy.without_bit() == []  # type: ignore[attr-defined]


def test_the_spy_sees_a_writer_that_forgets_o_binary(tmp_path: Path,
                                                     o_binary_spy: object) -> None:
    os.close(os.open(tmp_path / "careless", os.O_WRONLY | os.O_CREAT, 0o600))
    fileio.reserve(tmp_path / "careful")
    assert o_binary_spy.without_bit() == [str(tmp_path / "careless")]  # type: ignore[attr-defined]


# ---- Windows sharing violations -------------------------------------------------------------
class Flaky:
    """``os.replace``/``os.unlink`` refused ``fails`` times (a scanner holds the file)."""

    def __init__(self, real: Callable[..., None], fails: int) -> None:
        self.real, self.fails, self.calls = real, fails, 0

    def __call__(self, *args: object) -> None:
        self.calls += 1
        if self.calls <= self.fails:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        self.real(*args)


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fileio.Platform, "windows", True)


def test_replace_waits_for_a_file_held_briefly_on_windows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, windows: None) -> None:
    (tmp_path / "a").write_bytes(b"new")
    (tmp_path / "b").write_bytes(b"old")
    flaky = Flaky(os.replace, 2)
    monkeypatch.setattr(os, "replace", flaky)
    slept: list[float] = []
    fileio.replace(tmp_path / "a", tmp_path / "b", sleep=slept.append)
    assert (tmp_path / "b").read_bytes() == b"new" and slept == list(fileio.RETRY_DELAYS[:2])


def test_replace_gives_up_after_a_bounded_wait(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, windows: None) -> None:
    monkeypatch.setattr(os, "replace", Flaky(os.replace, 1000))
    slept: list[float] = []
    with pytest.raises(PermissionError):
        fileio.replace(tmp_path / "a", tmp_path / "b", sleep=slept.append)
    assert slept == list(fileio.RETRY_DELAYS) and sum(slept) < 2


def test_no_retry_where_permission_denied_is_real(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fileio.Platform, "windows", False)
    monkeypatch.setattr(os, "unlink", Flaky(os.unlink, 1))
    slept: list[float] = []
    with pytest.raises(PermissionError):
        fileio.remove(tmp_path / "x", sleep=slept.append)
    assert slept == []


def test_remove_retries_and_accepts_a_file_already_gone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, windows: None) -> None:
    (tmp_path / "x").write_bytes(b"")
    monkeypatch.setattr(os, "unlink", Flaky(os.unlink, 3))
    slept: list[float] = []
    fileio.remove(tmp_path / "x", sleep=slept.append)
    assert not (tmp_path / "x").exists() and len(slept) == 3
    fileio.remove(tmp_path / "x", sleep=slept.append)  # gone: fine


# ---- syncing ----------------------------------------------------------------------------------
class FakeFcntl:
    F_FULLFSYNC = 51

    def __init__(self, refuse: bool = False) -> None:
        self.calls: list[tuple[int, int]] = []
        self.refuse = refuse

    def fcntl(self, fd: int, cmd: int, arg: int = 0) -> int:
        self.calls.append((fd, cmd))
        if self.refuse:
            raise OSError(errno.ENOTSUP, "not supported")
        return 0


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(fd), real(fd))[1])
    return calls


def test_macos_sync_is_a_full_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    fsyncs: list[int]) -> None:
    fake = FakeFcntl()
    monkeypatch.setattr(fileio.Platform, "darwin", True)
    monkeypatch.setattr(fileio, "fcntl", fake)
    fileio.atomic_write(tmp_path / "f", b"data")
    assert [cmd for _, cmd in fake.calls] == [51, 51]  # the file, then its folder
    assert fsyncs == []


def test_macos_falls_back_to_fsync_where_full_fsync_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fsyncs: list[int]) -> None:
    monkeypatch.setattr(fileio.Platform, "darwin", True)
    monkeypatch.setattr(fileio, "fcntl", FakeFcntl(refuse=True))
    fileio.atomic_write(tmp_path / "f", b"data")
    assert len(fsyncs) == 2


def test_linux_sync_is_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             fsyncs: list[int]) -> None:
    fake = FakeFcntl()
    monkeypatch.setattr(fileio.Platform, "darwin", False)
    monkeypatch.setattr(fileio, "fcntl", fake)
    fileio.atomic_write(tmp_path / "f", b"data")
    assert fake.calls == [] and len(fsyncs) == 2


def test_sync_path_opens_writable_because_windows_needs_it(
        tmp_path: Path, o_binary_spy: object, fsyncs: list[int]) -> None:
    (tmp_path / "f").write_bytes(b"x")
    fileio.sync_path(tmp_path / "f")
    [(_, flags)] = o_binary_spy.calls  # type: ignore[attr-defined]
    assert flags & os.O_ACCMODE == os.O_RDWR and len(fsyncs) == 1


def test_folders_are_not_synced_where_the_os_cannot(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fsyncs: list[int]) -> None:
    monkeypatch.setattr(fileio.Platform, "posix", False)
    fileio.sync_dir(tmp_path)
    assert fsyncs == []


# ---- atomic replacement -------------------------------------------------------------------
def test_atomic_write_is_byte_exact_private_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    fileio.atomic_write(target, NEWLINES)
    assert target.read_bytes() == NEWLINES
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
    if os.name == "posix":
        target.unlink()
        fileio.atomic_write(target, b"x")
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_atomic_write_failing_keeps_the_old_file_and_no_temp(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio, "write_all", full)
    with pytest.raises(OSError, match="No space"):
        fileio.atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_create_never_opens_an_existing_file(tmp_path: Path) -> None:
    fileio.reserve(tmp_path / "taken")
    with pytest.raises(FileExistsError):
        fileio.open_new(tmp_path / "taken")


def test_write_new_never_replaces_a_file_and_gives_the_name_back_on_failure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = tmp_path / "made.bin"
    fileio.write_new(made, b"new bytes")
    assert made.read_bytes() == b"new bytes"
    with pytest.raises(FileExistsError):
        fileio.write_new(made, b"other bytes")
    assert made.read_bytes() == b"new bytes"  # the file that had the name is kept

    def full(fd: int, data: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio, "write_all", full)
    with pytest.raises(OSError, match="No space"):
        fileio.write_new(tmp_path / "full.bin", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["made.bin"]  # no reservation,
    # no temp file left behind
