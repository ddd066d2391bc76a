"""The translation build finds the Qt tools inside the venv on every OS (Windows:
``Scripts\\pyside6-lupdate.exe``, venv not activated) and on PATH."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nam_desktop.gui.i18n_build import script_dirs, tool


def make_tool(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"")
    path.chmod(0o755)
    return path


def test_windows_venv_scripts_exe(tmp_path: Path) -> None:
    scripts = tmp_path / ".venv-win" / "Scripts"
    exe = make_tool(scripts, "pyside6-lupdate.exe")
    make_tool(scripts, "pyside6-lupdate")  # a stray file without .exe is not the tool
    assert tool("pyside6-lupdate", windows=True, dirs=[scripts]) == str(exe)
    assert tool("pyside6-lupdate", windows=False, dirs=[scripts]) == str(scripts /
                                                                         "pyside6-lupdate")


def test_falls_back_to_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on_path = make_tool(tmp_path / "bin", "pyside6-lrelease")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert tool("pyside6-lrelease", windows=False, dirs=[tmp_path / "empty"]) == str(on_path)
    with pytest.raises(FileNotFoundError, match=r"pyside6-lrelease\.exe"):
        tool("pyside6-lrelease", windows=True, dirs=[tmp_path / "empty"])


def test_the_real_venv_has_the_tools() -> None:
    assert any(folder.is_dir() for folder in script_dirs())
    assert os.path.isfile(tool("pyside6-lupdate"))
