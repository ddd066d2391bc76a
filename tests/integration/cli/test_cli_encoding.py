"""The command line writes UTF-8 whatever the console's code page (Windows redirects to
cp1251/cp1252), and passphrase files saved "with BOM" by Windows editors work."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from nam_desktop.cli import run
from nam_desktop.console import force_utf8_output

from .conftest import PASS

TITLE = "Затрыманне ў Мінску — Łukašenka"  # Cyrillic and Łacinka: neither is in cp1252


def cp1252_stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="cp1252", errors="strict",
                            write_through=True)


def test_a_cp1252_stdout_cannot_carry_the_title_without_the_fix() -> None:
    with pytest.raises(UnicodeEncodeError):
        cp1252_stream().write(TITLE)


def test_cli_output_is_utf8_on_a_cp1252_console(
        cli_vault: Path, cli: Callable[..., tuple[int, str, str]],
        write_json: Callable[[object], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = cli("testimony", "add", cli_vault, "--json", write_json({"title": TITLE}))
    assert code == 0, err
    out_stream, err_stream = cp1252_stream(), cp1252_stream()
    monkeypatch.setattr(sys, "stdout", out_stream)
    monkeypatch.setattr(sys, "stderr", err_stream)
    assert run(["testimony", "list", str(cli_vault), "--json"]) == 0
    assert run(["testimony", "show", str(cli_vault), "ЙЙЙ-нет"]) == 6  # error names the id
    monkeypatch.undo()
    listed = json.loads(out_stream.buffer.getvalue().decode("utf-8"))  # type: ignore[attr-defined]
    assert [t["title"] for t in listed] == [TITLE]
    err = err_stream.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    assert err == "nam-desktop: error: not found: testimony ЙЙЙ-нет\n"


def test_already_utf8_streams_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdout", stream)
    force_utf8_output()
    assert sys.stdout is stream and stream.errors == "strict"


def test_a_passphrase_file_with_a_bom_opens_the_vault(
        cli_vault: Path, cli: Callable[..., tuple[int, str, str]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NAM_PASSPHRASE")
    bom_file = tmp_path / "pass.txt"
    bom_file.write_bytes(b"\xef\xbb\xbf" + PASS.encode() + b"\r\n")  # Notepad, "UTF-8 with BOM"
    code, _, err = cli("testimony", "list", cli_vault, "--passphrase-file", bom_file)
    assert code == 0, err
