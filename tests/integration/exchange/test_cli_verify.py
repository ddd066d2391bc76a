"""`nam-desktop verify` means what it prints: one exit code per verdict (pinned here for
every reason and checked against docs/cli.md), no OK without a known signer, --json also
for rejections; and the HQ identity file is passphrase-protected by default."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import struct
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest

from nam_desktop.cli import run
from nam_desktop.commands.exchange import VERIFY_EXIT
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import export, hq_identity, keycard
from nam_desktop.core.exchange.bundle_format import recipient_fingerprint
from nam_desktop.core.exchange.errors import Reason
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

from ... import bundle_kit as kit
from .conftest import PASS, add_final

ROOT = Path(__file__).resolve().parents[3]
ID_PASS = "identity file passphrase"
Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    monkeypatch.setenv("NAM_PASSPHRASE", PASS)
    monkeypatch.setenv("NAM_IDENTITY_PASSPHRASE", ID_PASS)

    def call(*argv: object) -> tuple[int, str, str]:
        code = run([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return call


@dataclass
class Setup:
    hq: Path
    bundle: Path
    identity: Path  # plain text
    recipient: str
    fingerprint: str
    public_key: str
    tmp: Path


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[Setup]:
    """An HQ vault (device registered), one real bundle and a plain identity file; both
    vaults closed so the CLI can open them."""
    usb = tmp_path / "usb"
    usb.mkdir()
    with Vault.create(tmp_path / "hq", PASS, kdf=MINIMUM_PARAMS, role="hq") as hq, \
            Vault.create(tmp_path / "iv", PASS, kdf=MINIMUM_PARAMS) as iv:
        ident = hq_identity.init_hq(hq)
        keycard.pin_keycard(iv, keycard.issue_keycard(hq, hq_name="HQ"))
        hq_identity.register_device(hq, iv.device.fingerprint, "Interviewer A")
        add_final(iv, TestimonyRepository(iv), "Detention")
        [bundle] = export.export_bundle(iv, usb).paths
        identity = tmp_path / "id.txt"
        identity.write_text("".join(f"{i}\n" for i in ident.identities))
        made = Setup(tmp_path / "hq", bundle, identity, ident.recipients[0],
                     iv.device.fingerprint, iv.device.public_key.hex(), tmp_path)
    yield made  # both vaults closed: the CLI opens them


def test_ok_only_with_a_known_signer(cli: Cli, setup: Setup) -> None:
    code, out, _ = cli("verify", setup.bundle, "--identity", setup.identity)
    assert code == 9 and "signature valid, signer not known" in out
    assert "verdict: OK" not in out and setup.fingerprint in out
    for who in (setup.fingerprint, setup.fingerprint.lower(), setup.public_key):
        code, out, _ = cli("verify", setup.bundle, "--identity", setup.identity,
                           "--device-key", who)
        assert code == 0 and "verdict: OK" in out, out
    code, out, _ = cli("verify", setup.bundle, "--hq", setup.hq)  # HQ's identities too
    assert code == 0 and "signed by Interviewer A" in out


def test_a_bundle_signed_by_an_attackers_own_device_is_not_ok(cli: Cli, setup: Setup) -> None:
    """Issue 13: an attacker's valid bundle printed `verdict: OK`, exit 0."""
    attacker = kit.Bundle(recipients=(recipient_fingerprint(setup.recipient),))
    path = _encrypt(setup, "attacker.age", attacker.inner())
    code, out, _ = cli("verify", path, "--identity", setup.identity)
    assert code == 9 and "OK" not in out
    code, out, _ = cli("verify", path, "--identity", setup.identity, "--device-key",
                       setup.fingerprint)
    assert code == 1 and "REJECTED (unknown_signer)" in out
    code, out, _ = cli("verify", path, "--hq", setup.hq, "--json")
    data = json.loads(out)
    assert code == 1 and data["verdict"] == "rejected" and data["reason"] == "unknown_signer"
    assert data["signer"]["fingerprint"] == KIT_DEVICE


def _encrypt(setup: Setup, name: str, inner: bytes, recipient: str | None = None) -> Path:
    out = io.BytesIO()
    pyrage.encrypt_io(io.BytesIO(inner), out,
                      [pyrage.x25519.Recipient.from_str(recipient or setup.recipient)])
    path = setup.tmp / name
    path.write_bytes(out.getvalue())
    return path


def _to_hq(setup: Setup, **kw: object) -> kit.Bundle:
    return kit.Bundle(recipients=(recipient_fingerprint(setup.recipient),), **kw)  # type: ignore[arg-type]


def _case(reason: Reason, setup: Setup) -> Path:
    """A bundle that `verify` must refuse with ``reason``, made as an attacker who knows
    only HQ's public key would make it (re-encrypted to the HQ recipient)."""
    if reason is Reason.MALFORMED:
        return _encrypt(setup, "m.age", b"NAMBUNDL\0\2\0\0\0\2{}" + bytes(64))
    if reason is Reason.OVERSIZE:
        return _encrypt(setup, "o.age", struct.pack(">8sHI", b"NAMBUNDL", 2, 2**30))
    if reason is Reason.DAMAGED:
        data = bytearray(setup.bundle.read_bytes())
        data[len(data) // 2] ^= 1
        path = setup.tmp / "d.age"
        path.write_bytes(bytes(data))
        return path
    if reason is Reason.TRUNCATED:
        return _encrypt(setup, "t.age", _to_hq(setup).inner()[:-30])
    if reason is Reason.BAD_SIGNATURE:
        return _encrypt(setup, "s.age", _to_hq(setup, signer=kit.device_key(9)).inner())
    if reason is Reason.HASH_MISMATCH:
        b = _to_hq(setup)
        b.entries[-1].sha256 = kit.hashlib.sha256(b.entries[-1].body).hexdigest()
        b.entries[-1].body = b"original bytez"
        return _encrypt(setup, "h.age", b.inner())
    if reason is Reason.INCONSISTENT:
        b = _to_hq(setup)
        b.entries[2] = kit.Entry(b.entries[2].id, "media", b"not the cleaned file")
        return _encrypt(setup, "i.age", b.inner())
    if reason is Reason.UNKNOWN_SIGNER:
        return _encrypt(setup, "u.age", _to_hq(setup).inner())  # a valid stranger's bundle
    if reason is Reason.WRONG_RECIPIENT:
        other = str(pyrage.x25519.Identity.generate().to_public())
        return _encrypt(setup, "w.age", _to_hq(setup).inner(), other)
    if reason is Reason.UNSUPPORTED_VERSION:
        return _encrypt(setup, "v.age", _to_hq(setup, prefix_version=3,
                                              header_over={"version": 3}).inner())
    raise AssertionError(reason)


KIT_DEVICE = kit.fingerprint(kit.public_bytes(kit.device_key()))


@pytest.mark.parametrize("reason", sorted(VERIFY_EXIT, key=lambda r: r.value))
def test_every_verdict_has_its_exit_code(cli: Cli, setup: Setup, reason: Reason) -> None:
    path = _case(reason, setup)
    # The expected signer is the crafted bundles' own key, so each case fails on its flaw
    # (the stranger's bundle, for unknown_signer, and the real bundle damaged after its
    # header, for damaged, are checked against the real device).
    signer = setup.fingerprint if reason in (Reason.UNKNOWN_SIGNER, Reason.DAMAGED) \
        else KIT_DEVICE
    code, out, err = cli("verify", path, "--identity", setup.identity, "--device-key", signer)
    assert "Traceback" not in err
    assert f"({reason.value})" in out, out
    assert code == VERIFY_EXIT[reason] == (3 if reason is Reason.UNSUPPORTED_VERSION else 1)
    code, out, _ = cli("verify", path, "--identity", setup.identity,
                       "--device-key", signer, "--json")
    data = json.loads(out)
    assert (data["reason"], data["exit_code"], code) == (reason.value, VERIFY_EXIT[reason],
                                                         VERIFY_EXIT[reason])
    assert data["verdict"] == ("unsupported" if code == 3 else "rejected")


def test_cli_docs_list_every_verify_exit_code() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = text.split("### `verify`")[1].split("\n## ")[0]
    rows = dict(re.findall(r"^\| `([a-z_]+)` \| (\d+) \|", section, re.MULTILINE))
    assert {r.value: str(c) for r, c in VERIFY_EXIT.items()} == rows


def test_usage_and_input_errors(cli: Cli, setup: Setup) -> None:
    code, _, err = cli("verify", setup.bundle)
    assert code == 2 and "--identity" in err
    code, _, _ = cli("verify", setup.tmp / "missing.age", "--identity", setup.identity)
    assert code == 2
    code, _, err = cli("verify", setup.bundle, "--identity", setup.identity,
                       "--device-key", "not-a-key")
    assert code == 2 and "fingerprint" in err


# ---- the identity file ------------------------------------------------------------------
def test_export_identity_is_passphrase_protected_by_default(cli: Cli, setup: Setup) -> None:
    out_file = setup.tmp / "hq-identity.age"
    code, _, err = cli("hq", "export-identity", setup.hq, "--out", out_file)
    assert code == 0 and "protected by its passphrase" in err
    data = out_file.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert b"AGE-SECRET-KEY" not in data
    if os.name == "posix":  # Windows has no such mode bits
        assert oct(out_file.stat().st_mode)[-3:] == "600"
    plain = pyrage.passphrase.decrypt(data, ID_PASS).decode()  # pyrage as the oracle
    assert plain == setup.identity.read_text()
    code, out, _ = cli("verify", setup.bundle, "--identity", out_file, "--device-key",
                       setup.fingerprint)
    assert code == 0 and "verdict: OK" in out


def test_wrong_identity_passphrase_is_exit_4(cli: Cli, setup: Setup,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out_file = setup.tmp / "hq-identity.age"
    assert cli("hq", "export-identity", setup.hq, "--out", out_file)[0] == 0
    monkeypatch.setenv("NAM_IDENTITY_PASSPHRASE", "not the passphrase")
    code, out, err = cli("verify", setup.bundle, "--identity", out_file)
    assert code == 4 and "wrong passphrase" in err and "verdict" not in out


def test_plaintext_only_when_asked(cli: Cli, setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NAM_IDENTITY_PASSPHRASE")
    target = setup.tmp / "id-plain.txt"
    code, _, err = cli("hq", "export-identity", setup.hq, "--out", target)  # no tty to ask
    assert code == 2 and not target.exists()
    monkeypatch.setenv("NAM_IDENTITY_PASSPHRASE", "short")
    assert cli("hq", "export-identity", setup.hq, "--out", target)[0] == 2
    assert not target.exists()
    code, _, err = cli("hq", "export-identity", setup.hq, "--out", target, "--plaintext")
    assert code == 0 and "UNPROTECTED" in err
    assert target.read_text() == setup.identity.read_text()


@pytest.mark.skipif(shutil.which("age") is None, reason="the stock `age` CLI is not installed")
@pytest.mark.skipif(sys.platform == "win32", reason="age reads the passphrase from a terminal: "
                    "a pseudo-terminal is POSIX-only (pyrage opens the file on every OS)")
def test_the_age_cli_opens_the_protected_identity_file(cli: Cli, setup: Setup) -> None:
    out_file = setup.tmp / "hq-identity.age"
    assert cli("hq", "export-identity", setup.hq, "--out", out_file)[0] == 0
    decrypted = setup.tmp / "decrypted.txt"
    _age_with_tty(["age", "-d", "-o", str(decrypted), str(out_file)], ID_PASS)
    assert decrypted.read_text() == setup.identity.read_text()


def _age_with_tty(argv: list[str], passphrase: str) -> None:
    """Run the age CLI on a pseudo-terminal (it reads passphrases from /dev/tty only)."""
    import pty  # POSIX only

    pid, fd = pty.fork()
    if pid == 0:  # the child: exec age, never return into pytest
        try:
            os.execvp(argv[0], argv)  # noqa: S606  # the stock age CLI, fixed arguments
        finally:
            os._exit(127)
    seen = b""
    try:
        while b"assphrase" not in seen:
            seen += os.read(fd, 1024)
        os.write(fd, passphrase.encode() + b"\n")
        while True:  # drain until age exits (EIO on Linux when the child side closes)
            try:
                if not os.read(fd, 1024):
                    break
            except OSError:
                break
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, seen


# ---- the HQ root (R2) from a key card ----------------------------------------------------
def test_keycard_gives_the_hq_root(cli: Cli, setup: Setup) -> None:
    """Without --hq nothing knew HQ's root: a bundle naming another HQ's root was OK under
    --identity. --keycard FILE makes its root the expected one (R2: wrong_recipient)."""
    with Vault.open(setup.hq, PASS) as hq:
        card = setup.tmp / "card.json"
        card.write_bytes(keycard.issue_keycard(hq, hq_name="HQ"))
        root = hq_identity.load_hq(hq).root_fingerprint
    with Vault.create(setup.tmp / "other-hq", PASS, kdf=MINIMUM_PARAMS, role="hq") as other:
        other_root = hq_identity.init_hq(other).root_fingerprint
    for hq_root, verdict in (("", 0), (root, 0), (other_root, 1)):
        b = _to_hq(setup, header_over={"hq_root": hq_root})
        path = _encrypt(setup, f"root-{verdict}-{len(hq_root)}.age", b.inner())
        code, out, _ = cli("verify", path, "--identity", setup.identity,
                           "--device-key", KIT_DEVICE, "--keycard", card)
        assert code == verdict, out
        if verdict:
            assert "REJECTED (wrong_recipient)" in out
        else:
            assert f"HQ root: {root}" in out
        code, _, _ = cli("verify", path, "--identity", setup.identity,
                         "--device-key", KIT_DEVICE)
        assert code == 0  # without a root nothing can say which HQ (documented)
    code, out, _ = cli("verify", setup.bundle, "--identity", setup.identity, "--device-key",
                       setup.fingerprint, "--keycard", card, "--json")
    assert code == 0 and json.loads(out)["hq_root_checked"] == root


def test_keycard_input_errors(cli: Cli, setup: Setup) -> None:
    bad = setup.tmp / "bad-card.json"
    bad.write_text('{"format": "nam-desktop-keycard", "version": 2}', encoding="utf-8")
    code, _, err = cli("verify", setup.bundle, "--identity", setup.identity, "--keycard", bad)
    assert code == 1 and "keycard_invalid" in err and "Traceback" not in err
    code, _, err = cli("verify", setup.bundle, "--hq", setup.hq, "--keycard", bad)
    assert code == 2 and "--keycard" in err


@pytest.mark.parametrize("change", ["prev_digest", "size_cleaned"])
def test_verify_enforces_the_record_and_chain_rules(cli: Cli, setup: Setup,
                                                    change: str) -> None:
    """The rules `hq import` enforces, `verify` enforces too (one reader): seq 1 with a
    prev_digest other than 64 zeros, and a record with no cleaned copy but a size."""
    if change == "prev_digest":
        b = _to_hq(setup, header_over={"prev_digest": "ab" * 32})
    else:
        b = _to_hq(setup)
        b.entries[1] = kit.Entry(b.entries[1].id, "attachment", kit.canonical(
            kit.attachment_body(cleaned=None, size_cleaned=5)))
        del b.entries[2]
    path = _encrypt(setup, f"{change}.age", b.inner())
    code, out, _ = cli("verify", path, "--identity", setup.identity, "--device-key",
                       KIT_DEVICE, "--json")
    data = json.loads(out)
    assert (code, data["reason"]) == (1, "malformed") and change in data["detail"]
