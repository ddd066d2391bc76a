"""kill -9 at every step of a real ``nam-desktop export`` never breaks the chain to HQ.

A child process runs the real command line (``crash_child.py``) and stops at one named
step of the export: before and after each part's fsync and rename, after the folder's
fsync, after the read-back and after the commit. The test kills it there with
``Popen.kill()`` (SIGKILL here, TerminateProcess on Windows) and then checks, through
the command line and the core:

* ``vault check`` exits 0 and tells about the interrupted export;
* the destination holds what that step implies;
* HQ imports everything that is left: a complete bundle is accepted, a partial one is
  refused as truncated, and nothing raises a fork or conflict alarm;
* the next export to the same stick removes the leftovers (and says so), takes the next
  number, tells HQ about the interrupted one, and HQ imports it with no alarm, naming
  the gap (if any) as an interrupted export.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import export_journal, hq_identity, hq_import, keycard
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

from .conftest import PASS, Cli, add_final

CHILD = Path(__file__).with_name("crash_child.py")
PART = 400_000  # the test bundle (padded to 1 MiB, section 3.7) is written as three parts
TEMP = re.compile(r"^\.([0-9a-f]{16})\.([0-9]+)\.[0-9a-f]{8}\.tmp$")
FINAL = re.compile(r"^([0-9a-f]{16})\.age\.([0-9]{3})$")

BEFORE_ANY_FILE = ["leftovers.checked", "reserved"]
WRITING = ["part1.opened", "part1.written", "part1.before_fsync", "part1.after_fsync",
           "part2.opened", "part2.written", "part2.before_fsync", "part2.after_fsync",
           "part3.opened"]
LAST_PART_WRITTEN = ["part3.before_fsync", "part3.after_fsync"]
RENAMING = ["part1.before_rename", "part1.after_rename", "part2.before_rename",
            "part2.after_rename", "part3.before_rename"]
ALL_RENAMED = ["part3.after_rename", "folder.after_fsync", "read_back", "committed"]
POINTS = BEFORE_ANY_FILE + WRITING + LAST_PART_WRITTEN + RENAMING + ALL_RENAMED
COMPLETE_ON_STICK = LAST_PART_WRITTEN + RENAMING + ALL_RENAMED

@dataclass
class Folders:
    iv: Path
    hq: Path
    usb: Path


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Folders:
    """An HQ vault and an interviewer vault (key card pinned, device registered, two
    final testimonies with a photo each), closed, to be copied by every test."""
    root = tmp_path_factory.mktemp("crash-template")
    with Vault.create(root / "hq", PASS, kdf=MINIMUM_PARAMS, role="hq") as hq:
        hq_identity.init_hq(hq)
        with Vault.create(root / "iv", PASS, kdf=MINIMUM_PARAMS) as iv:
            keycard.pin_keycard(iv, keycard.issue_keycard(hq, hq_name="HQ"))
            hq_identity.register_device(hq, iv.device.fingerprint, "Interviewer A")
            repo = TestimonyRepository(iv)
            for title in ("Detention at Okrestina", "Search at home"):
                add_final(iv, repo, title)
    return Folders(root / "iv", root / "hq", root / "usb")


@pytest.fixture
def folders(template: Folders, tmp_path: Path) -> Folders:
    copy = Folders(tmp_path / "iv", tmp_path / "hq", tmp_path / "usb")
    shutil.copytree(template.iv, copy.iv)
    shutil.copytree(template.hq, copy.hq)
    copy.usb.mkdir()
    return copy


def kill_export_at(point: str, f: Folders) -> None:
    env = {**os.environ, "NAM_PASSPHRASE": PASS}
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), point, "export", str(f.iv), "--to", str(f.usb),
         "--part-size", str(PART)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != f"KILLPOINT {point}":
        out, err = proc.communicate(timeout=60)
        pytest.fail(f"the export never reached {point}: {line}{out}{err}")
    proc.kill()
    proc.communicate(timeout=60)
    assert proc.returncode != 0


def groups(usb: Path) -> dict[str, list[Path]]:
    """Every file left on the stick, by bundle stem, parts in order (temporary or not)."""
    parts: dict[str, dict[int, Path]] = {}
    for path in usb.iterdir():
        m = TEMP.fullmatch(path.name) or FINAL.fullmatch(path.name)
        assert m is not None, f"unexpected file {path.name}"
        parts.setdefault(m.group(1), {})[int(m.group(2))] = path
    return {stem: [p[i] for i in sorted(p)] for stem, p in parts.items()}


def import_leftovers(hq_dir: Path, usb: Path) -> list[str]:
    """HQ imports everything left on the stick; returns the outcome per bundle."""
    outcomes = []
    with Vault.open(hq_dir, PASS) as hq:
        for paths in groups(usb).values():
            try:
                result = hq_import.import_bundle(hq, paths)
                outcomes.append(result.status.value)
            except ExchangeError as exc:
                outcomes.append(exc.reason.value)
        assert [a for a in hq_import.alarms(hq) if a["kind"] != "gap"] == []
    return outcomes


@pytest.mark.slow
@pytest.mark.parametrize("point", POINTS)
def test_kill_during_export_never_breaks_the_chain(point: str, folders: Folders,
                                                   cli: Cli) -> None:
    f = folders
    kill_export_at(point, f)
    interrupted = point not in ("leftovers.checked", "committed")

    # The interviewer's vault is sound and tells about the interrupted export.
    code, out, err = cli("vault", "check", f.iv, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["ok"] and report["audit_chain"]["ok"]
    assert [e["seq"] for e in report["interrupted_exports"]] == ([1] if interrupted else [])
    if interrupted:
        code, out, _ = cli("vault", "check", f.iv, "--quick")
        assert code == 0 and "interrupted export: no. 1" in out

    # The stick holds what this step implies.
    left = groups(f.usb)
    if point in BEFORE_ANY_FILE:
        assert left == {}
    else:
        [(stem, paths)] = left.items()
        temps = [p.name for p in paths if TEMP.fullmatch(p.name)]
        if point in ALL_RENAMED:
            assert temps == [] and [p.name for p in paths] == [
                f"{stem}.age.{i:03d}" for i in (1, 2, 3)]
        else:
            assert temps, "an unfinished export leaves temporary parts"
        with Vault.open(f.iv, PASS) as iv:  # the stem the vault committed before writing
            attempts = export_journal.unfinished_attempts(iv)
            assert [a.stem for a in attempts] == ([stem] if interrupted else [])

    # HQ imports everything left: never a fork or conflict alarm.
    empty = bool(left) and next(iter(left.values()))[0].stat().st_size == 0
    outcomes = import_leftovers(f.hq, f.usb)
    if point in COMPLETE_ON_STICK:
        assert outcomes == ["imported"]
    elif empty:  # killed before its first byte: not even an age file
        assert outcomes == [Reason.MALFORMED.value]
    elif point not in BEFORE_ANY_FILE:  # cut at a chunk boundary, or inside a chunk
        assert len(outcomes) == 1
        assert outcomes[0] in (Reason.TRUNCATED.value, Reason.DAMAGED.value)
    first_at_hq = point in COMPLETE_ON_STICK

    # The next export to the same stick cleans up, takes the next number, tells HQ.
    temps_before = sorted(p.name for p in f.usb.iterdir() if TEMP.fullmatch(p.name))
    code, out, err = cli("export", f.iv, "--to", f.usb, "--json")
    assert code == 0, err
    second = json.loads(out)
    assert second["seq"] == (1 if point == "leftovers.checked" else 2)
    assert second["unfinished_reported"] == ([1] if interrupted else [])
    assert set(temps_before) <= set(second["leftovers_removed"])
    if temps_before:
        assert "unfinished file(s) left by an earlier interrupted export" in err
    assert not [p for p in f.usb.iterdir() if TEMP.fullmatch(p.name)]
    if interrupted and point in ALL_RENAMED:  # a whole bundle: kept, and said so
        assert len(second["interrupted_bundles_kept"]) == 3 and "may be complete" in err

    code, out, err = cli("hq", "import", f.hq, second["paths"][0], "--json")
    assert code == 0, err
    [imported] = json.loads(out)
    assert imported["status"] == "imported" and imported["seq"] == second["seq"]
    if interrupted and not first_at_hq:
        assert imported["flags"] == ["gap: bundles 1..1 not received; the device reports "
                                     "unfinished exports: 1 interrupted (nothing else is "
                                     "missing)"]
    else:
        assert imported["flags"] == []
    code, out, _ = cli("hq", "alarms", f.hq, "--json")
    assert code == 0 and {a["kind"] for a in json.loads(out)} <= {"gap"}
    code, out, _ = cli("hq", "gaps", f.hq)
    assert code == 0
    if interrupted and not first_at_hq:
        assert "no. 1: interrupted export on the device" in out
    else:
        assert "no gaps" in out

    code, out, err = cli("vault", "check", f.iv)
    assert code == 0 and "vault is OK" in out, err

    # HQ's receipt covers both; a bundle of the interrupted export that reached HQ is
    # recognised; the purge destroys only the cleaned copies HQ holds.
    receipt_file = f.hq.parent / "receipt.json"
    fingerprint = cli("vault", "fingerprint", f.iv)[1].strip()
    assert cli("hq", "receipt", f.hq, "--device", fingerprint, "--out", receipt_file)[0] == 0
    code, out, err = cli("receipt", "import", f.iv, receipt_file, "--purge")
    assert code == 0, err
    reached = "bundle no. 1 (an interrupted export) reached HQ after all" in out
    assert reached == (interrupted and first_at_hq)
    assert "delivered testimonies: 2" in out
    assert "purged: 2 files crypto-shredded (HQ holds exact copies)" in out
    assert "2 originals kept: HQ does not have them" in out
