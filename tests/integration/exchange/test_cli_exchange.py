"""The exchange through the command line, as an interviewer and HQ would type it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from nam_desktop.cli import run

from .conftest import PASS

Cli = Callable[..., tuple[int, str, str]]
FP = re.compile(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){5}")


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    monkeypatch.setenv("NAM_PASSPHRASE", PASS)

    def call(*argv: object) -> tuple[int, str, str]:
        code = run([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def test_full_flow(cli: Cli, tmp_path: Path) -> None:
    hq, iv, usb = tmp_path / "hq", tmp_path / "iv", tmp_path / "usb"
    usb.mkdir()
    code, out, err = cli("hq", "init", hq, "--fast-kdf")
    assert code == 0, err
    root = FP.search(out.split("root fingerprint")[1]).group(0)  # type: ignore[union-attr]
    assert cli("vault", "init", iv, "--fast-kdf")[0] == 0
    fingerprint = FP.search(cli("vault", "fingerprint", iv)[1]).group(0)  # type: ignore[union-attr]
    card = tmp_path / "card.json"
    assert cli("hq", "keycard", hq, "--out", card)[0] == 0

    code, out, _ = cli("export", iv, "--to", usb)
    assert code == 7 and list(usb.iterdir()) == []  # no key card yet
    code, out, _ = cli("keycard", "import", iv, card)  # no terminal to confirm
    assert code == 7 and root in out
    code, out, _ = cli("keycard", "import", iv, card, "--yes")
    assert code == 0 and "pinned" in out

    doc = tmp_path / "t.json"
    doc.write_text(json.dumps({
        "title": "Detention", "interview": {"date": "2025-01-02"},
        "witness": {"pseudonym": "W"}, "consent": {"hq_documentation": True},
        "narrative": "secret text"}))
    tid = cli("testimony", "add", iv, "--json", doc)[1].split()[-1]
    assert cli("testimony", "finalize", iv, tid)[0] == 0
    assert cli("export", iv, "--to", usb, "--check")[0] == 0
    code, out, err = cli("export", iv, "--to", usb, "--json")
    assert code == 0, err
    exported = json.loads(out)
    [bundle] = exported["paths"]

    ident = tmp_path / "id.txt"
    assert cli("hq", "export-identity", hq, "--out", ident, "--plaintext")[0] == 0
    code, out, _ = cli("verify", bundle, "--identity", ident, "--device-key", fingerprint)
    assert code == 0 and fingerprint in out and "verdict: OK" in out
    assert exported["digest"] in out
    assert shutil.which("age"), "the stock age CLI is part of the test oracles"
    plain = subprocess.run(["age", "-d", "-i", str(ident), bundle], capture_output=True,
                           check=True).stdout
    assert plain.startswith(b"NAMBUNDL")

    code, _, err = cli("hq", "import", hq, bundle)
    assert code == 1 and "unknown_signer" in err  # not registered yet
    assert cli("hq", "register", hq, fingerprint, "--name", "Interviewer A")[0] == 0
    code, out, err = cli("hq", "import", hq, bundle)
    assert code == 0 and "imported" in out, err
    code, out, _ = cli("hq", "import", hq, bundle)
    assert code == 0 and "already_imported" in out
    code, out, _ = cli("testimony", "list", hq, "--json")
    assert [t["id"] for t in json.loads(out)] == [tid]

    receipt = tmp_path / "receipt.json"
    assert cli("hq", "receipt", hq, "--device", fingerprint, "--out", receipt)[0] == 0
    code, out, _ = cli("receipt", "import", iv, receipt)
    assert code == 0 and f"delivered: {tid}" in out
    code, out, _ = cli("testimony", "list", iv, "--json")
    assert json.loads(out)[0]["status"] == "delivered"


def test_verify_rejects_with_a_verdict(cli: Cli, tmp_path: Path) -> None:
    ident = tmp_path / "id.txt"
    import pyrage

    ident.write_text(str(pyrage.x25519.Identity.generate()) + "\n")
    junk = tmp_path / "junk.age"
    junk.write_bytes(b"age-encryption.org/v1\n-> X25519 AAAA\nAAAA\n--- AAAA\n" + b"\0" * 64)
    code, out, err = cli("verify", junk, "--identity", ident)
    assert code == 1 and "REJECTED (damaged)" in out and "Traceback" not in err


def test_verify_with_a_damaged_identity_file_is_bad_input(cli: Cli, tmp_path: Path) -> None:
    ident = tmp_path / "id.txt"
    ident.write_text("AGE-SECRET-KEY-1QQQQ\n")  # cut short: checksum and length wrong
    junk = tmp_path / "junk.age"
    junk.write_bytes(b"age-encryption.org/v1\n")
    code, out, err = cli("verify", junk, "--identity", ident)
    assert code == 2 and "not a valid identity" in err
    assert "REJECTED" not in out and "Traceback" not in err


def test_keycard_resaved_with_unescaped_cyrillic_imports(cli: Cli, tmp_path: Path) -> None:
    """Issue 13: a key card re-saved as UTF-8 (valid JSON, valid signature) crashed
    `keycard import` with a UnicodeDecodeError."""
    hq, iv = tmp_path / "hq", tmp_path / "iv"
    assert cli("hq", "init", hq, "--fast-kdf")[0] == 0
    assert cli("vault", "init", iv, "--fast-kdf")[0] == 0
    card = tmp_path / "card.json"
    assert cli("hq", "keycard", hq, "--out", card, "--name", "Штаб НАМ")[0] == 0
    resaved = tmp_path / "card-utf8.json"
    resaved.write_text(json.dumps(json.loads(card.read_bytes()), ensure_ascii=False, indent=4),
                       encoding="utf-8")
    assert "Штаб" in resaved.read_text(encoding="utf-8")
    code, out, err = cli("keycard", "import", iv, resaved, "--yes")
    assert code == 0 and "pinned" in out and "Traceback" not in err
    code, out, _ = cli("keycard", "import", iv, card, "--yes")  # the same card, spelled apart
    assert code == 0 and "already in place" in out
    code, out, _ = cli("keycard", "show", iv)
    assert code == 0 and "HQ root fingerprint" in out


def test_version_1_keycard_resaved_imports(cli: Cli, tmp_path: Path) -> None:
    v1 = Path(__file__).resolve().parents[3] / "docs" / "test-vectors" / "v1"
    iv = tmp_path / "iv"
    assert cli("vault", "init", iv, "--fast-kdf")[0] == 0
    resaved = tmp_path / "card.json"
    resaved.write_bytes(b"\xef\xbb\xbf" + json.dumps(json.loads(
        (v1 / "keycard-v1.json").read_bytes()), ensure_ascii=False).encode())
    code, out, err = cli("keycard", "import", iv, resaved, "--yes")
    facts = json.loads((v1 / "facts-v1.json").read_text())
    assert code == 0 and facts["hq_root_fingerprint"] in out, err


def test_keycard_of_an_unknown_version_is_refused_clearly(cli: Cli, tmp_path: Path) -> None:
    iv = tmp_path / "iv"
    assert cli("vault", "init", iv, "--fast-kdf")[0] == 0
    card = tmp_path / "card.json"
    card.write_text('{"format":"nam-desktop-keycard","version":7,"payload":{},"signature":""}')
    code, _, err = cli("keycard", "import", iv, card, "--yes")
    assert code == 3 and "version 7" in err and "Traceback" not in err
