from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from nam_desktop.cli import run

PASS = "correct horse battery"


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> Callable[..., tuple[int, str, str]]:
    monkeypatch.setenv("NAM_PASSPHRASE", PASS)

    def call(*argv: str) -> tuple[int, str, str]:
        code = run([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return call


@pytest.fixture
def cli_vault(tmp_path: Path, cli: Callable[..., tuple[int, str, str]]) -> Path:
    folder = tmp_path / "vault"
    code, _, err = cli("vault", "init", folder, "--fast-kdf")
    assert code == 0, err
    return folder


@pytest.fixture
def write_json(tmp_path: Path) -> Callable[[object], Path]:
    def write(doc: object, name: str = "t.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
        return path

    return write
