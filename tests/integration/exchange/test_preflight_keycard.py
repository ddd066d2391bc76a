"""Preflight refuses with typed reasons; key cards pin the root, rotate, and refuse forgeries."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import export, hq_identity, keycard
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.export import Problem
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

from .conftest import PASS, Station, add_final


def codes(pre: export.Preflight) -> set[Problem]:
    return {p.code for p in pre.problems}


def test_ready(station: Station, usb: Path) -> None:
    pre = export.preflight(station.iv, usb)
    assert pre.ok and pre.problems == []
    assert [s.testimony_id for s in pre.selection] == station.ids
    assert pre.estimated_size > 0 and pre.free > pre.estimated_size


def test_no_keycard(tmp_path: Path, usb: Path) -> None:
    with Vault.create(tmp_path / "bare", PASS, kdf=MINIMUM_PARAMS) as v:
        add_final(v, TestimonyRepository(v), "T", attach=False)
        pre = export.preflight(v, usb)
        assert Problem.NO_KEYCARD in codes(pre) and not pre.ok
        with pytest.raises(export.ExportRefusedError) as exc:
            export.export_bundle(v, usb)
        assert [p.code for p in exc.value.problems] == [Problem.NO_KEYCARD]
    assert list(usb.iterdir()) == []


def test_consent_withdrawn_and_not_final(station: Station, usb: Path) -> None:
    withdrawn = station.ids[0]
    station.repo.withdraw_consent(withdrawn)
    draft = add_final(station.iv, station.repo, "Draft", attach=False, finalize=False)
    pre = export.preflight(station.iv, usb, export.ExportOptions(
        testimony_ids=(withdrawn, draft, "no-such-id")))
    found = {(p.code, p.testimony_id) for p in pre.problems}
    assert (Problem.CONSENT_WITHDRAWN, withdrawn) in found
    assert (Problem.NOT_FINAL, draft) in found
    assert (Problem.NOT_FOUND, "no-such-id") in found
    assert pre.selection == [] and not pre.ok
    with pytest.raises(export.ExportRefusedError):
        export.export_bundle(station.iv, usb, export.ExportOptions(testimony_ids=(draft,)))
    assert list(usb.iterdir()) == []
    # The default selection leaves the withdrawn one out with a warning and goes ahead.
    other = add_final(station.iv, station.repo, "Other", attach=False)
    pre = export.preflight(station.iv, usb)
    assert pre.ok and [s.testimony_id for s in pre.selection] == [other]
    assert [(p.code, p.blocking) for p in pre.problems] == [(Problem.CONSENT_WITHDRAWN, False)]
    result = export.export_bundle(station.iv, usb)
    assert [s.testimony_id for s in result.testimonies] == [other]


@pytest.mark.may_skip_in_ci("as root, a read-only destination needs a read-only mount")
def test_destination_problems(station: Station, tmp_path: Path) -> None:
    assert Problem.DEST_MISSING in codes(export.preflight(station.iv, tmp_path / "gone"))
    ro = tmp_path / "ro"
    ro.mkdir(mode=0o500)
    mounted = False
    if os.geteuid() == 0:  # root writes to a 0o500 folder: use a read-only file system
        made = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(ro)],
                              capture_output=True, text=True, check=False)
        if made.returncode != 0:
            pytest.skip(f"root, and no read-only mount possible here: {made.stderr.strip()}")
        mounted = True
    try:
        assert Problem.DEST_READ_ONLY in codes(export.preflight(station.iv, ro))
    finally:
        if mounted:
            subprocess.run(["umount", str(ro)], check=False)


def test_originals_refused_when_the_keycard_says_so(station: Station, usb: Path) -> None:
    keycard.pin_keycard(station.iv, keycard.issue_keycard(station.hq, accept_originals=False))
    pre = export.preflight(station.iv, usb, export.ExportOptions(include_originals=True))
    assert Problem.ORIGINALS_NOT_ALLOWED in codes(pre)
    assert export.preflight(station.iv, usb).ok


def test_hq_vault_cannot_export(station: Station, usb: Path) -> None:
    assert Problem.WRONG_ROLE in codes(export.preflight(station.hq, usb))


# ---- key cards ----------------------------------------------------------------------------
def test_first_import_shows_root_then_pins(tmp_path: Path, hq_vault: Vault) -> None:
    card = keycard.issue_keycard(hq_vault)
    with Vault.create(tmp_path / "iv2", PASS, kdf=MINIMUM_PARAMS) as v:
        checked = keycard.check_keycard(v, card)
        assert checked.first_time
        assert checked.card.root_fingerprint == hq_identity.load_hq(hq_vault).root_fingerprint
        assert keycard.current_keycard(v) is None  # checking changes nothing
        keycard.pin_keycard(v, card)
        assert keycard.check_keycard(v, card).unchanged
        # Rotation: a new recipient, next serial, same root: accepted; both recipients listed.
        new = hq_identity.rotate_recipient(hq_vault)
        rotated = keycard.pin_keycard(v, keycard.issue_keycard(hq_vault))
        assert rotated.serial == 2 and rotated.recipients[0] == new
        assert len(rotated.recipients) == 2
        with pytest.raises(ExchangeError) as exc:  # an older card is refused
            keycard.pin_keycard(v, card)
        assert exc.value.reason is Reason.KEYCARD_OUTDATED


def test_card_from_another_root_is_refused(station: Station, tmp_path: Path) -> None:
    with Vault.create(tmp_path / "hq2", PASS, kdf=MINIMUM_PARAMS, role="hq") as other:
        hq_identity.init_hq(other)
        keycard.issue_keycard(other)
        foreign = keycard.issue_keycard(other)
    with pytest.raises(ExchangeError) as exc:
        keycard.pin_keycard(station.iv, foreign)
    assert exc.value.reason is Reason.KEYCARD_ROOT_MISMATCH


def test_tampered_or_unsigned_card_is_refused(hq_vault: Vault, tmp_path: Path) -> None:
    doc = json.loads(keycard.issue_keycard(hq_vault))
    evil = DeviceIdentity(DeviceIdentity.generate_raw())
    cases = []
    swapped = json.loads(json.dumps(doc))
    swapped["payload"]["recipients"] = ["age1" + "q" * 58]
    cases.append(swapped)
    unsigned = json.loads(json.dumps(doc))
    unsigned["signature"] = ""
    cases.append(unsigned)
    resigned = json.loads(json.dumps(doc))  # signed by a key other than the named root
    from nam_desktop.core.exchange import signed_doc

    resigned["signature"] = evil.sign(signed_doc.message(keycard.CONTEXT,
                                                         resigned["payload"])).hex()
    cases.append(resigned)
    with Vault.create(tmp_path / "iv3", PASS, kdf=MINIMUM_PARAMS) as v:
        for case in cases:
            with pytest.raises(ExchangeError) as exc:
                keycard.check_keycard(v, json.dumps(case).encode())
            assert exc.value.reason is Reason.KEYCARD_INVALID
        for junk in (b"", b"\xff\xfe", b"[]", b"{" * 100_000, b"x" * 300_000):
            with pytest.raises(ExchangeError):
                keycard.check_keycard(v, junk)
        assert keycard.current_keycard(v) is None


@pytest.mark.parametrize("name", ["x" * 201, "HQ\u202e", "HQ\n"])
def test_hq_names_a_card_cannot_carry_are_refused_before_a_serial_is_used(
        hq_vault: Vault, name: str) -> None:
    from nam_desktop.core.errors import ValidationError

    before = hq_identity.load_hq(hq_vault).card_serial
    with pytest.raises(ValidationError) as exc:
        keycard.issue_keycard(hq_vault, hq_name=name)
    assert exc.value.field == "name"
    assert hq_identity.load_hq(hq_vault).card_serial == before
    card = keycard.parse_keycard(keycard.issue_keycard(hq_vault, hq_name="x" * 200))
    assert card.hq_name == "x" * 200 and card.serial == before + 1


def test_a_value_the_bundle_spec_refuses_stops_the_export_before_anything_is_written(
        station: Station, usb: Path) -> None:
    """E.g. a date typed in a form that only checked its shape: HQ would refuse the bundle
    (docs/bundle-format.md 3.5), so preflight refuses it, naming the testimony."""
    from nam_desktop.core.model.records import Act

    tid = add_final(station.iv, station.repo, "Bad date", attach=False, finalize=False)
    t = station.repo.get(tid, include_identity=True)
    t.acts = [Act(type="arbitrary_detention", date="2020-13-45", date_precision="exact")]
    station.repo.update(tid, t)
    station.repo.finalize(tid)
    pre = export.preflight(station.iv, usb)
    [problem] = [p for p in pre.problems if p.code is Problem.INVALID_RECORD]
    assert problem.testimony_id == tid and "acts[0]" in problem.detail and not pre.ok
    with pytest.raises(export.ExportRefusedError):
        export.export_bundle(station.iv, usb)
    assert list(usb.iterdir()) == []
