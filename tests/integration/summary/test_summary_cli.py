"""``nam-desktop summary`` and ``nam-desktop summary verify`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from summary_fixtures import (  # helper beside this file (path set by conftest.py)
    BE_TEXT,
    Sample,
    pdftotext,
)

from nam_desktop.cli import run
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"


@pytest.fixture
def closed(sample: Sample, vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """The sample vault, closed so the CLI can open it."""
    sample.vault.close()
    monkeypatch.setenv("NAM_PASSPHRASE", PASS)
    return vault_dir, sample.testimony_id


def _fingerprint(vault_dir: Path) -> str:
    with Vault.open(vault_dir, PASS) as vault:
        return vault.device.fingerprint


def test_write_then_verify(closed: tuple[Path, str], tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    vault_dir, tid = closed
    out = tmp_path / "s.pdf"
    assert run(["summary", str(vault_dir), tid, "--out", str(out), "--lang", "be",
                "--paper", "letter", "--redaction", "pseudonymised"]) == 0
    written = capsys.readouterr().out
    code = written.split("verification code ")[1].strip()
    assert "not yet certified by HQ" in written  # no key card with a certificate yet
    assert not (tmp_path / "s.pdf.sig").exists()  # the PDF carries its signature
    assert BE_TEXT in pdftotext(out) and code in pdftotext(out)
    # Intact, but nothing said who had to sign: exit 9, as `verify` of a bundle.
    assert run(["summary", "verify", str(out)]) == 9
    assert code in capsys.readouterr().out
    fingerprint = _fingerprint(vault_dir)
    assert run(["summary", "verify", str(out), "--expect-fingerprint", fingerprint,
                "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["ok"], result["kind"], result["certified"]) == (True, "pades", False)
    assert result["verification_code"] == code and result["fingerprint"] == fingerprint
    with Vault.open(vault_dir, PASS) as vault:
        assert vault.audit.entries(tid)[0].action == "summary.write"


def test_a_changed_byte_fails_verification(closed: tuple[Path, str], tmp_path: Path) -> None:
    vault_dir, tid = closed
    out = tmp_path / "s.pdf"
    assert run(["summary", str(vault_dir), tid, "--out", str(out)]) == 0
    fingerprint = _fingerprint(vault_dir)
    verify = ["summary", "verify", str(out), "--expect-fingerprint", fingerprint]
    good = out.read_bytes()
    for offset in (0, len(good) // 3, len(good) // 2, len(good) - 1):
        changed = bytearray(good)
        changed[offset] ^= 0x01
        out.write_bytes(bytes(changed))
        assert run(verify) == 1, offset
    out.write_bytes(good)
    assert run(verify) == 0


def test_expected_fingerprint(closed: tuple[Path, str], tmp_path: Path) -> None:
    vault_dir, tid = closed
    out = tmp_path / "s.pdf"
    assert run(["summary", str(vault_dir), tid, "--out", str(out)]) == 0
    fingerprint = _fingerprint(vault_dir)
    assert run(["summary", "verify", str(out), "--expect-fingerprint", fingerprint]) == 0
    assert run(["summary", "verify", str(out), "--expect-fingerprint", "AAAA-BBBB"]) == 1


def test_usage_errors(closed: tuple[Path, str], tmp_path: Path) -> None:
    vault_dir, tid = closed
    out = tmp_path / "s.pdf"
    assert run(["summary", str(vault_dir), tid]) == 2  # --out missing
    assert run(["summary", str(vault_dir), "no-such-id", "--out", str(out)]) == 6
    assert not out.exists()
    assert run(["summary", "verify", str(tmp_path / "missing.pdf")]) == 2
    assert run(["summary", str(vault_dir), tid, "--out", str(out)]) == 0
    assert run(["summary", str(vault_dir), tid, "--out", str(out)]) == 2  # exists
    assert run(["summary", str(vault_dir), tid, "--out", str(out), "--force"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.pdf", "vault"]


def test_bad_choice_is_a_usage_error(closed: tuple[Path, str], tmp_path: Path) -> None:
    vault_dir, tid = closed
    with pytest.raises(SystemExit) as exc:
        run(["summary", str(vault_dir), tid, "--out", str(tmp_path / "s.pdf"), "--lang", "de"])
    assert exc.value.code == 2


def test_unwritable_destination_is_an_error_not_a_traceback(closed: tuple[Path, str],
                                                            tmp_path: Path) -> None:
    vault_dir, tid = closed
    folder = tmp_path / "a-folder.pdf"
    folder.mkdir()
    assert run(["summary", str(vault_dir), tid, "--out", str(folder), "--force"]) == 2
    assert run(["summary", str(vault_dir), tid, "--out", str(tmp_path / "no" / "s.pdf")]) == 2
    assert [p.name for p in folder.iterdir()] == []


def _damage_first_image(vault_dir: Path, tid: str, *, remove: bool = False) -> str:
    """Flip a byte in the stored (encrypted) cleaned copy of the first attachment."""
    from nam_desktop.core.model.attachments import AttachmentService

    with Vault.open(vault_dir, PASS) as vault:
        first = AttachmentService(vault).list(tid)[0]
        assert first.cleaned_media_id is not None
        path = vault.media.path_of(first.cleaned_media_id)
    if remove:
        path.unlink()
    else:
        raw = bytearray(path.read_bytes())
        raw[len(raw) // 2] ^= 0x01
        path.write_bytes(bytes(raw))
    return first.id


@pytest.mark.parametrize("remove", [False, True])
def test_damaged_media_is_marked_in_the_pdf_and_the_exit_code(
        closed: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        remove: bool) -> None:
    """Chosen behaviour (docs/summary.md): the summary is written, signed and marked, and
    the command exits 1, so neither a reader nor a script takes it for a clean one."""
    vault_dir, tid = closed
    _damage_first_image(vault_dir, tid, remove=remove)
    out = tmp_path / "s.pdf"
    assert run(["summary", str(vault_dir), tid, "--out", str(out), "--json"]) == 1
    captured = capsys.readouterr()
    assert "an attached file failed its integrity check" in captured.err
    assert "Traceback" not in captured.err
    assert json.loads(captured.out)["warnings"][-1] == "media_damaged"
    text = " ".join(pdftotext(out).split())
    assert "failed its integrity check in the vault (attachments[0])" in text
    assert "INTEGRITY CHECK FAILED" in text
    assert text.count("INTEGRITY CHECK FAILED") == 1  # the second image is intact
    # The marked PDF is what was signed.
    assert run(["summary", "verify", str(out), "--expect-fingerprint",
                _fingerprint(vault_dir)]) == 0


def test_intact_media_gives_no_damage_warning(closed: tuple[Path, str], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    vault_dir, tid = closed
    out = tmp_path / "s.pdf"
    assert run(["summary", str(vault_dir), tid, "--out", str(out), "--json"]) == 0
    assert "media_damaged" not in json.loads(capsys.readouterr().out)["warnings"]
    assert "INTEGRITY CHECK FAILED" not in pdftotext(out)
