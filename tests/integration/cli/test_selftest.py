"""``nam-desktop selftest DIR``: passes on a sound machine, and fails (exit 1, naming
the steps) where writes are not byte-exact, as in Windows text mode."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from nam_desktop.core import fileio


def test_selftest_passes_and_names_every_step(
        tmp_path: Path, cli: Callable[..., tuple[int, str, str]]) -> None:
    code, out, err = cli("selftest", tmp_path / "st")
    assert code == 0, out + err
    assert [line.split(":")[0].split("  ")[-1].strip() for line in out.splitlines()[:-1]] == [
        "atomic file write", "attachment", "recording", "recording recovery", "vault check"]
    assert out.splitlines()[-1] == "selftest: all passed"


def test_selftest_catches_text_mode_writes(
        tmp_path: Path, cli: Callable[..., tuple[int, str, str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = fileio.write_all

    def text_mode(fd: int, data: bytes | bytearray | memoryview) -> None:
        real(fd, bytes(data).replace(b"\n", b"\r\n"))  # what Windows' CRT does

    monkeypatch.setattr(fileio, "write_all", text_mode)
    code, out, _ = cli("selftest", tmp_path / "st")
    assert code == 1
    assert "FAIL  atomic file write" in out and "FAIL  recording:" in out
    assert out.splitlines()[-1].startswith("selftest: ") and "failed" in out.splitlines()[-1]


def test_selftest_refuses_a_folder_in_use(
        tmp_path: Path, cli: Callable[..., tuple[int, str, str]]) -> None:
    (tmp_path / "mine.txt").write_text("x", "utf-8")
    code, _, err = cli("selftest", tmp_path)
    assert code == 2 and "empty" in err
