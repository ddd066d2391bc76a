"""The export's read-back comes from the drive on every OS (fakes of the platform layer):
macOS ``F_NOCACHE`` on the descriptor, Windows an unbuffered handle of its own (with a
fallback when Windows refuses an unaligned read), Linux ``O_DIRECT`` or fadvise. And macOS
durability: SQLite's ``fullfsync`` pragmas."""

from __future__ import annotations

import errno
import hashlib
import io
import os
from pathlib import Path

import pytest

from nam_desktop.core import fileio, io_direct
from nam_desktop.core.exchange.stream_io import read_back_sha256
from nam_desktop.core.vault import db

DATA = os.urandom(3 * 4096 + 123)


class FakeFcntl:
    F_GETFL, F_SETFL, F_NOCACHE = 3, 4, 48

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def fcntl(self, fd: int, cmd: int, arg: int = 0) -> int:
        self.calls.append((cmd, arg))
        return 0


def parts(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "b.age.001", tmp_path / "b.age.002"]
    paths[0].write_bytes(DATA[:5000])
    paths[1].write_bytes(DATA[5000:])
    return paths


def test_macos_read_back_turns_the_cache_off(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeFcntl()
    monkeypatch.setattr(io_direct, "fcntl", fake)
    monkeypatch.setattr(io_direct.Direct, "NOCACHE", True)
    assert read_back_sha256(parts(tmp_path)) == (hashlib.sha256(DATA).hexdigest(), len(DATA))
    assert fake.calls.count((48, 1)) == 2  # F_NOCACHE on, once per part
    assert all(cmd == 48 for cmd, _ in fake.calls)  # no O_DIRECT flag games on macOS


class FakeWindows:
    """open_unbuffered + fd_from_handle: records what the read-back asked for."""

    def __init__(self, refuse: bool = False) -> None:
        self.opened: list[str] = []
        self.flags: list[int] = []
        self.closed: list[int] = []
        self.refuse = refuse
        self.crt_refuses = False

    def open_unbuffered(self, path: str) -> int | None:
        if self.refuse:
            return None
        self.opened.append(path)
        return len(self.opened)

    def fd_from_handle(self, handle: int, flags: int) -> int:
        self.flags.append(flags)
        if self.crt_refuses:
            raise OSError(errno.EINVAL, "Invalid argument")
        return os.open(self.opened[handle - 1], os.O_RDONLY)

    def close_handle(self, handle: int) -> None:
        self.closed.append(handle)


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> FakeWindows:
    fake = FakeWindows()
    monkeypatch.setattr(fileio.Platform, "windows", True)
    monkeypatch.setattr(fileio.Platform, "windows_api", fake)
    monkeypatch.setattr(io_direct.Direct, "FLAG", 0)  # no O_DIRECT on Windows
    return fake


def test_windows_read_back_uses_unbuffered_handles(tmp_path: Path, windows: FakeWindows,
                                                   o_binary_spy: object) -> None:
    paths = parts(tmp_path)
    assert read_back_sha256(paths) == (hashlib.sha256(DATA).hexdigest(), len(DATA))
    assert windows.opened == [str(p) for p in paths]
    assert all(f & o_binary_spy.BIT for f in windows.flags)  # type: ignore[attr-defined]


def test_windows_refusing_an_unbuffered_read_falls_back_mid_file(
        tmp_path: Path, windows: FakeWindows, monkeypatch: pytest.MonkeyPatch) -> None:
    class Refusing(io.FileIO):
        def readinto(self, buf: object) -> int:  # type: ignore[override]
            if self.tell():  # the first block was read, then Windows says no
                raise OSError(errno.EINVAL, "The parameter is incorrect")
            return super().readinto(memoryview(buf)[:4096])  # type: ignore[arg-type]

    monkeypatch.setattr(fileio, "open_read_uncached", lambda p: Refusing(p, "rb"))
    paths = parts(tmp_path)
    assert read_back_sha256(paths) == (hashlib.sha256(DATA).hexdigest(), len(DATA))


def test_windows_refusing_the_handle_reads_normally(tmp_path: Path,
                                                   windows: FakeWindows) -> None:
    windows.refuse = True
    assert read_back_sha256(parts(tmp_path))[1] == len(DATA)


def test_a_c_runtime_refusing_the_handle_closes_it_and_reads_normally(
        tmp_path: Path, windows: FakeWindows) -> None:
    windows.crt_refuses = True
    assert read_back_sha256(parts(tmp_path))[1] == len(DATA)
    assert windows.closed == [1, 2]  # no handle leaked


def test_other_reads_never_take_the_unbuffered_path(windows: FakeWindows,
                                                    tmp_path: Path) -> None:
    from nam_desktop.core.exchange.stream_io import ReadAhead

    reader = ReadAhead(parts(tmp_path))  # HQ import reading a bundle: cached is fine
    try:
        while reader.next() is not None:
            pass
    finally:
        reader.close()
    assert windows.opened == []


@pytest.mark.parametrize(("full", "expected"), [(True, 1), (False, 0), (None, 0)])
def test_sqlite_full_fsync_pragmas(tmp_path: Path, full: bool | None, expected: int) -> None:
    conn = db.open_database(tmp_path / "x.db", bytes(32), full_fsync=full)
    try:
        assert conn.execute("PRAGMA fullfsync").fetchone()[0] == expected
        assert conn.execute("PRAGMA checkpoint_fullfsync").fetchone()[0] == expected
    finally:
        conn.close()


def test_sqlite_full_fsync_is_the_default_on_macos(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "FULL_FSYNC", True)
    conn = db.open_database(tmp_path / "x.db", bytes(32))
    try:
        assert conn.execute("PRAGMA fullfsync").fetchone()[0] == 1
    finally:
        conn.close()
