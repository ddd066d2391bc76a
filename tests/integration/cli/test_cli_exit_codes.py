"""Every documented exit code, through the real command line (docs/cli.md, "Exit codes").

Real second processes hold the vault (5), a real SIGINT stops a running attach (130), a
reader closes the pipe early (broken pipe), a lying stick makes the read-back differ.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from nam_desktop.cli import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_IN_USE,
    EXIT_INTERRUPTED,
    EXIT_NO_SPACE,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_WRONG_PASSPHRASE,
)
from nam_desktop.core.exchange import destination
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"
Cli = Callable[..., tuple[int, str, str]]
FP = re.compile(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){5}")
TIMEOUT = 120


def nam(*args: object, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NAM_PASSPHRASE": PASS}
    return subprocess.run([sys.executable, "-m", "nam_desktop", *map(str, args)], env=env,
                          capture_output=True, text=True, check=False, timeout=TIMEOUT,
                          **kwargs)


def popen(*args: object, **kwargs: Any) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NAM_PASSPHRASE": PASS}
    return subprocess.Popen([sys.executable, "-m", "nam_desktop", *map(str, args)], env=env,
                            **kwargs)


def add_testimony(cli: Cli, vault: Path, write_json: Callable[..., Path], **doc: object
                  ) -> str:
    body = {"title": "Detention", "interview": {"date": "2025-01-02"},
            "witness": {"pseudonym": "W"}, "consent": {"hq_documentation": True},
            "narrative": "an account", **doc}
    code, out, err = cli("testimony", "add", vault, "--json", write_json(body))
    assert code == EXIT_OK, err
    return out.split()[-1]


# ---- 5: the vault is open in another process -------------------------------------------

HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from nam_desktop.core.vault.vault import Vault
    vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
    print("open", flush=True)
    sys.stdin.readline()
    vault.close()
""")


def test_exit_5_while_another_process_has_the_vault_open(cli_vault: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(cli_vault), PASS],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "open"
        result = nam("testimony", "list", cli_vault)
        assert result.returncode == EXIT_IN_USE
        assert result.stderr == "nam-desktop: error: the vault is open in another program: " \
                                "another program has this vault open\n"
    finally:
        holder.stdin.close()
        holder.wait(timeout=TIMEOUT)
        holder.stdout.close()
    assert nam("testimony", "list", cli_vault).returncode == EXIT_OK  # released


# ---- 130: Ctrl-C during a long operation -------------------------------------------------

def test_exit_130_when_interrupted_during_attach(cli: Cli, cli_vault: Path, tmp_path: Path,
                                                 write_json: Callable[..., Path]) -> None:
    """The attach reads its file from a FIFO: the test knows the command is in the middle
    of storing (the FIFO is open and 3 MB went through) when SIGINT arrives."""
    tid = add_testimony(cli, cli_vault, write_json)
    fifo = tmp_path / "slow-source"
    os.mkfifo(fifo)
    proc = popen("attach", cli_vault, tid, fifo, stdout=subprocess.PIPE,
                 stderr=subprocess.PIPE)
    writer = os.open(fifo, os.O_WRONLY)  # returns once the command opened the FIFO
    try:
        chunk = os.urandom(1 << 20)
        for _ in range(3):
            os.write(writer, chunk)  # blocks until the command read it: it is storing
        assert any(p.name.endswith(".part") for p in (cli_vault / "media").iterdir())
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=TIMEOUT)
    finally:
        os.close(writer)
    assert proc.returncode == EXIT_INTERRUPTED
    assert err.decode() == "nam-desktop: interrupted\n"
    assert list((cli_vault / "media").iterdir()) == []  # the .part file is gone
    code, out_json, _ = cli("testimony", "show", cli_vault, tid, "--json")
    assert code == EXIT_OK and json.loads(out_json)["title"] == "Detention"
    assert cli("vault", "check", cli_vault)[0] == EXIT_OK


# ---- 6 and 1: missing vault, damaged key slot, damaged database ---------------------------

def test_exit_6_for_a_missing_vault(cli: Cli, tmp_path: Path) -> None:
    code, out, err = cli("testimony", "list", tmp_path / "no such vault")
    assert (code, out) == (EXIT_NOT_FOUND, "")
    assert err == f"nam-desktop: error: no vault found: {tmp_path / 'no such vault'}\n"


def test_exit_1_for_a_damaged_key_slot(cli: Cli, cli_vault: Path) -> None:
    for name in ("keyslot.json", "keyslot.bak.json"):
        (cli_vault / name).write_text('{"format": "nam-keyslot", "checksum": "00"}')
    code, _, err = cli("testimony", "list", cli_vault)
    assert code == EXIT_FAILED
    assert err.startswith("nam-desktop: error: the vault's key slot is damaged: ")
    assert "checksum mismatch" in err


def test_exit_1_for_a_damaged_database(cli: Cli, cli_vault: Path) -> None:
    db = cli_vault / "vault.db"
    raw = bytearray(db.read_bytes())
    for i in range(0, len(raw), 997):
        raw[i] ^= 0xFF
    db.write_bytes(bytes(raw))
    code, _, err = cli("testimony", "list", cli_vault)
    assert code == EXIT_FAILED
    assert err.startswith("nam-desktop: error: the vault database is damaged: ")


def test_exit_4_wrong_passphrase_is_not_damage(cli: Cli, cli_vault: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAM_PASSPHRASE", "not the passphrase")
    assert cli("testimony", "list", cli_vault) == (
        EXIT_WRONG_PASSPHRASE, "", "nam-desktop: error: wrong passphrase\n")


# ---- a broken pipe ------------------------------------------------------------------------

def test_a_reader_that_closes_early_ends_the_command_quietly(
        cli: Cli, cli_vault: Path, write_json: Callable[..., Path]) -> None:
    """`nam-desktop testimony show ... | head -1`: the reader has what it wanted; the
    command exits 0 (documented) and prints no traceback or 'Exception ignored'."""
    tid = add_testimony(cli, cli_vault, write_json, narrative="Сведчанне. " * 40_000)
    proc = popen("testimony", "show", cli_vault, tid, stdout=subprocess.PIPE,
                 stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # like `head -1`: far more than a pipe buffer is still to come
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=TIMEOUT) == EXIT_OK
    assert first.decode().strip() == "Detention"
    assert err == b""


# ---- attach and vault check --quick --------------------------------------------------------

def test_attach_through_the_cli(cli: Cli, cli_vault: Path, tmp_path: Path,
                                write_json: Callable[..., Path]) -> None:
    tid = add_testimony(cli, cli_vault, write_json)
    note = tmp_path / "note.txt"
    note.write_text("a witness statement\n", "utf-8")
    code, out, err = cli("attach", cli_vault, tid, note, "--json")
    assert code == EXIT_OK, err
    [att] = json.loads(out)
    assert att["filename"] == "note.txt" and att["testimony_id"] == tid
    code, out, err = cli("attach", cli_vault, tid, note)
    assert code == EXIT_OK and out.startswith("note.txt: ") and "original sha256" in out

    # A missing file: the same behaviour as `media clean` (stderr, exit 6), and the other
    # files are still attached.
    missing = tmp_path / "gone.jpg"
    code, out, err = cli("attach", cli_vault, tid, missing, note)
    assert code == EXIT_NOT_FOUND
    assert err == f"nam-desktop: error: not found: {missing} (nothing stored)\n"
    assert out.startswith("note.txt: ")
    media_code, _, media_err = cli("media", "clean", missing, tmp_path / "out.jpg")
    assert media_code == code
    assert media_err == f"nam-desktop: error: not found: {missing}\n"

    code, _, err = cli("attach", cli_vault, "no-such-testimony", note)
    assert code == EXIT_NOT_FOUND and "testimony no-such-testimony" in err
    folder = tmp_path / "a folder"
    folder.mkdir()
    code, _, err = cli("attach", cli_vault, tid, folder)
    assert code == EXIT_BAD_INPUT and "is a folder" in err
    code, out, _ = cli("testimony", "show", cli_vault, tid, "--json")
    assert code == EXIT_OK


def test_vault_check_quick_checks_presence_not_content(
        cli: Cli, cli_vault: Path, tmp_path: Path, write_json: Callable[..., Path]) -> None:
    tid = add_testimony(cli, cli_vault, write_json)
    note = tmp_path / "note.txt"
    note.write_text("a witness statement\n" * 100, "utf-8")
    assert cli("attach", cli_vault, tid, note)[0] == EXIT_OK
    code, out, _ = cli("vault", "check", cli_vault, "--quick")
    assert code == EXIT_OK and out.endswith("vault is OK\n")
    [stored, *_] = sorted((cli_vault / "media").iterdir())
    raw = bytearray(stored.read_bytes())
    raw[-5] ^= 0x01
    stored.write_bytes(bytes(raw))
    code, out, _ = cli("vault", "check", cli_vault, "--quick")
    assert code == EXIT_OK  # --quick: every file is there; content is not decrypted
    code, out, _ = cli("vault", "check", cli_vault, "--json")
    assert code == EXIT_FAILED
    assert any(stored.stem in p for p in json.loads(out)["media_problems"])
    stored.unlink()
    code, out, _ = cli("vault", "check", cli_vault, "--quick", "--json")
    assert code == EXIT_FAILED
    assert json.loads(out)["media_problems"] == [f"{stored.stem}: file missing"]


# ---- the exchange: key card, HQ commands, read-back, wrong role -----------------------------

class Stations:
    def __init__(self, cli: Cli, tmp_path: Path) -> None:
        self.cli = cli
        self.hq, self.iv, self.usb = tmp_path / "hq", tmp_path / "iv", tmp_path / "usb"
        self.usb.mkdir()
        assert cli("hq", "init", self.hq, "--fast-kdf")[0] == EXIT_OK
        assert cli("vault", "init", self.iv, "--fast-kdf")[0] == EXIT_OK
        self.card = tmp_path / "card.json"
        assert cli("hq", "keycard", self.hq, "--out", self.card, "--name", "HQ")[0] == EXIT_OK
        self.fingerprint = FP.search(cli("vault", "fingerprint", self.iv)[1]).group(0)  # type: ignore[union-attr]


@pytest.fixture
def stations(cli: Cli, tmp_path: Path) -> Stations:
    return Stations(cli, tmp_path)


def _final(cli: Cli, vault: Path, write_json: Callable[..., Path], title: str) -> str:
    tid = add_testimony(cli, vault, write_json, title=title)
    assert cli("testimony", "finalize", vault, tid)[0] == EXIT_OK
    return tid


def test_keycard_show_with_and_without_a_card(cli: Cli, stations: Stations) -> None:
    code, out, err = cli("keycard", "show", stations.iv)
    assert (code, out) == (EXIT_NOT_FOUND, "")
    assert err.startswith("nam-desktop: error: not found: no key card")
    code, out, _ = cli("keycard", "import", stations.iv, stations.card, "--yes")
    assert code == EXIT_OK
    code, out, _ = cli("keycard", "show", stations.iv)
    assert code == EXIT_OK
    root = FP.search(cli("hq", "keycard", stations.hq, "--out",
                         stations.card.with_name("c2.json"))[1]).group(0)  # type: ignore[union-attr]
    assert f"HQ root fingerprint: {root}\nserial: 1\n" in out
    assert re.search(r"^recipient: age1[0-9a-z]+$", out, re.M)


def test_hq_devices_alarms_rotate(cli: Cli, stations: Stations,
                                  write_json: Callable[..., Path]) -> None:
    s = stations
    assert cli("hq", "devices", s.hq) == (EXIT_OK, "", "")
    assert cli("hq", "register", s.hq, s.fingerprint, "--name", "Interviewer A")[0] == 0
    code, out, _ = cli("hq", "devices", s.hq)
    assert code == EXIT_OK and out == (f"{s.fingerprint}  fingerprint only  not certified  "
                                       "Interviewer A\n")  # no PDF key seen yet

    assert cli("keycard", "import", s.iv, s.card, "--yes")[0] == EXIT_OK
    bundles = []
    for title in ("first", "second"):
        _final(cli, s.iv, write_json, title)
        code, out, err = cli("export", s.iv, "--to", s.usb, "--json")
        assert code == EXIT_OK, err
        bundles.append(json.loads(out)["paths"][0])
    code, out, err = cli("hq", "import", s.hq, bundles[1])  # the first one never arrived
    assert code == EXIT_OK, err
    assert "ALARM gap: bundles 1..1 not received" in out
    code, out, _ = cli("hq", "alarms", s.hq, "--json")
    [alarm] = json.loads(out)
    assert code == EXIT_OK and alarm["kind"] == "gap" and alarm["device"] == s.fingerprint
    code, out, _ = cli("hq", "alarms", s.hq)
    assert code == EXIT_OK and "gap" in out and s.fingerprint in out

    code, out, _ = cli("hq", "rotate", s.hq)
    new = re.search(r"new age recipient: (age1[0-9a-z]+)", out)
    assert code == EXIT_OK and new is not None
    card2 = s.card.with_name("card2.json")
    assert cli("hq", "keycard", s.hq, "--out", card2)[0] == EXIT_OK
    assert json.loads(card2.read_text())["payload"]["recipients"][0] == new.group(1)
    code, out, _ = cli("hq", "rotate", s.hq, "--retire-old")
    assert code == EXIT_OK


def test_wrong_vault_role_is_bad_input(cli: Cli, stations: Stations,
                                       write_json: Callable[..., Path]) -> None:
    s = stations
    assert cli("keycard", "import", s.iv, s.card, "--yes")[0] == EXIT_OK
    _final(cli, s.iv, write_json, "one")
    code, out, _ = cli("export", s.iv, "--to", s.usb, "--json")
    bundle = json.loads(out)["paths"][0]
    code, out, err = cli("hq", "import", s.iv, bundle)  # an interviewer vault
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert err == ("nam-desktop: error: wrong kind of vault: wrong_role: this needs an hq "
                   "vault, not interviewer\n")
    code, out, err = cli("export", s.hq, "--to", s.usb)  # an HQ vault does not export
    assert code == 7 and "wrong_role" in err


@pytest.fixture
def lying_stick(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The production writer, on a stick that stores one bit wrong (a failing or fake
    flash drive): what is read back differs from what was written."""
    real = destination._open_new
    flipped: list[int] = []

    class Lying:
        def __init__(self, path: Path) -> None:
            self._raw = real(path)

        def write(self, data: bytes | memoryview) -> int:
            data = bytearray(data)
            flip = not flipped and len(data) > 100
            if flip:
                data[100] ^= 0x01
            written = int(self._raw.write(data) or 0)  # a refused (direct I/O) write
            if flip:  # is retried by the writer: only a stored flip counts
                flipped.append(100)
            return written

        def __getattr__(self, name: str) -> Any:
            return getattr(self._raw, name)

    monkeypatch.setattr(destination, "_open_new", Lying)
    yield flipped


def test_readback_mismatch_after_an_export(cli: Cli, stations: Stations,
                                           write_json: Callable[..., Path],
                                           lying_stick: list[int]) -> None:
    s = stations
    assert cli("keycard", "import", s.iv, s.card, "--yes")[0] == EXIT_OK
    _final(cli, s.iv, write_json, "one")
    with Vault.open(s.iv, PASS) as v:
        head = v.audit.head()
    code, out, err = cli("export", s.iv, "--to", s.usb)
    assert lying_stick == [100]
    assert code == EXIT_FAILED
    assert err.startswith("nam-desktop: error: the bundle read back from the destination "
                          "differs from what was written (faulty stick?); it was removed, "
                          "nothing was lost: readback_mismatch: ")
    assert "safe to remove" not in out
    assert list(s.usb.iterdir()) == []  # the bad bundle is not left for HQ
    with Vault.open(s.iv, PASS) as v:  # nothing recorded as exported; the number stays used
        failed, started, before = v.audit.entries(limit=3)
        assert before.hash == head
        assert (started.action, failed.action) == ("exchange.export_started",
                                                   "exchange.export_failed")
        assert failed.details["reason"] == "readback_mismatch"
        with v.reading() as c:
            assert c.execute("SELECT count(*) FROM exchange_exports").fetchone()[0] == 0


def test_export_check_and_no_key_card(cli: Cli, stations: Stations) -> None:
    code, _, err = cli("export", stations.iv, "--to", stations.usb)
    assert code == 7 and "no_keycard" in err


def test_export_to_a_full_stick_is_exit_8_with_the_size(
        cli: Cli, stations: Stations, write_json: Callable[..., Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    s = stations
    assert cli("keycard", "import", s.iv, s.card, "--yes")[0] == EXIT_OK
    _final(cli, s.iv, write_json, "one")
    real = shutil.disk_usage(s.usb)
    monkeypatch.setattr(destination.shutil, "disk_usage",
                        lambda _p: real._replace(free=300_000))
    code, out, err = cli("export", s.iv, "--to", s.usb)
    assert (code, out) == (EXIT_NO_SPACE, "")
    assert re.fullmatch(rf"problem: not_enough_space: \d+ bytes needed, 300000 free\n"
                        rf"nam-desktop: error: not enough space on {re.escape(str(s.usb))}, "
                        rf"\d+ MB needed \(1 MB free\)\n", err), err
    assert list(s.usb.iterdir()) == []

