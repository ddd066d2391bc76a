"""``nam-desktop hq uwazi-setup|uwazi-snapshot|uwazi-export``: output, exit codes, and
problems listed one per line (row, column, rule) without testimony content."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from nam_desktop.cli import run

from .conftest import EXAMPLE, NARRATIVE, PASS, SECRET_NAME

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    monkeypatch.setenv("NAM_PASSPHRASE", PASS)

    def call(*argv: object) -> tuple[int, str, str]:
        code = run([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def test_setup(cli: Cli, tmp_path: Path) -> None:
    code, out, _ = cli("hq", "uwazi-setup", "--out", tmp_path / "setup")
    assert code == 0 and "thesaurus-violation-types.csv" in out
    code, _, err = cli("hq", "uwazi-setup", "--out", tmp_path / "setup")
    assert code == 2 and "already exists" in err


def test_snapshot_versions_and_changes(cli: Cli, hq_dir: Path, tmp_path: Path) -> None:
    snap = tmp_path / "snap"
    shutil.copytree(EXAMPLE, snap)
    code, out, _ = cli("hq", "uwazi-snapshot", hq_dir, snap)
    assert code == 0 and "snapshot version 1 stored" in out and "first" in out
    code, out, _ = cli("hq", "uwazi-snapshot", hq_dir, snap)
    assert code == 0 and "unchanged: same as snapshot version 1" in out
    settings = json.loads((snap / "settings.json").read_text("utf-8"))
    settings["languages"] = settings["languages"][:2]
    (snap / "settings.json").write_text(json.dumps(settings), "utf-8")
    code, out, _ = cli("hq", "uwazi-snapshot", hq_dir, snap, "--json")
    doc = json.loads(out)
    assert code == 0 and doc["version"] == 2 and doc["new"]
    assert doc["changes"] == [{"kind": "language_removed", "where": "settings", "old": "en",
                               "new": ""}]
    (snap / "templates.json").write_text("[]", "utf-8")
    code, _, err = cli("hq", "uwazi-snapshot", hq_dir, snap)
    assert code == 2 and "templates.json" in err


def test_export_check_and_repeat(cli: Cli, hq_dir: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, _ = cli("hq", "uwazi-export", hq_dir, "--snapshot", EXAMPLE, "--out", out_dir,
                       "--check")
    assert code == 0 and "check passed: 2 testimonies in 2 package(s)" in out
    assert list(out_dir.iterdir()) == []
    code, out, err = cli("hq", "uwazi-export", hq_dir, "--snapshot", EXAMPLE, "--out", out_dir)
    assert code == 0 and "export 1 written" in out and "01-act.zip" in out
    assert "left out:" in out and "consent_withdrawn" in out and "plaintext" in err
    assert NARRATIVE not in out + err and SECRET_NAME not in out + err
    code, out, _ = cli("hq", "uwazi-export", hq_dir, "--out", out_dir)  # stored snapshot
    assert code == 0 and out.startswith("nothing new or changed (2 testimonies")
    code, _, err = cli("hq", "uwazi-export", hq_dir, "--out", out_dir, "--since", "9")
    assert code == 6
    code, out, _ = cli("hq", "uwazi-export", hq_dir, "--out", out_dir, "--since", "all",
                       "--json")
    assert code == 0 and json.loads(out)["seq"] == 2


def test_problems_are_listed_and_refuse_with_exit_7(cli: Cli, hq_dir: Path,
                                                   tmp_path: Path) -> None:
    snap = tmp_path / "snap"
    shutil.copytree(EXAMPLE, snap)
    templates = json.loads((snap / "templates.json").read_text("utf-8"))
    act = next(t for t in templates["rows"] if t["name"] == "NAM Act")
    act["properties"] = [p for p in act["properties"] if p["name"] != "status_after"]
    (snap / "templates.json").write_text(json.dumps(templates), "utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = cli("hq", "uwazi-export", hq_dir, "--snapshot", snap, "--out", out_dir)
    assert code == 7 and out == ""
    assert "  act, header, column status_after: unknown_header: NAM Act" in err
    assert err.rstrip().endswith("validation_failed: 1 problem(s)")
    assert list(out_dir.iterdir()) == []
    bad = tmp_path / "mapping.json"
    bad.write_text('{"format": "nam-uwazi-mapping", "version": 1, "redaction": "full"}')
    code, _, err = cli("hq", "uwazi-export", hq_dir, "--snapshot", EXAMPLE, "--out", out_dir,
                       "--mapping", bad)
    assert code == 2 and "identity never" in err
