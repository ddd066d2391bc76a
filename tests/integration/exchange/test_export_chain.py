"""The chain of a device's bundles when exports fail: numbers are committed first and
never reused; later bundles report the attempts that did not complete; HQ's gap report
tells an interrupted or cancelled export from a bundle that is really missing."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from nam_desktop.core.exchange import export, export_journal, hq_chain, hq_import, receipt
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.hq_identity import load_hq

from .conftest import Station

AGE = shutil.which("age")


def header_via_age(station: Station, bundle: Path) -> dict[str, object]:
    """Decrypt with the stock `age` CLI and read the header as the spec describes it."""
    ident = station.tmp / "hq-identity.txt"
    ident.write_text("\n".join(load_hq(station.hq).identities) + "\n")
    plain = subprocess.run([str(AGE), "-d", "-i", str(ident), str(bundle)],
                           capture_output=True, check=True).stdout
    magic, version, length = struct.unpack(">8sHI", plain[:14])
    assert (magic, version) == (b"NAMBUNDL", 4)  # padded, audited, with the PDF key
    header: dict[str, object] = json.loads(plain[14:14 + length])
    return header


def test_the_number_is_committed_before_anything_is_written(station: Station,
                                                            usb: Path) -> None:
    seen: list[tuple[str, list[str], list[int]]] = []

    def step(name: str) -> None:
        with station.iv.reading() as c:
            seqs = [r[0] for r in c.execute("SELECT seq FROM exchange_export_starts")]
        seen.append((name, sorted(p.name for p in usb.iterdir()), seqs))

    export.export_bundle(station.iv, usb, checkpoint=step)
    by_name = {name: (files, seqs) for name, files, seqs in seen}
    assert by_name["leftovers.checked"] == ([], [])
    assert by_name["reserved"] == ([], [1])  # committed, and nothing on the stick yet
    assert by_name["part1.opened"][1] == [1] and len(by_name["part1.opened"][0]) == 1
    assert [name for name, _, _ in seen][-2:] == ["read_back", "committed"]


@pytest.mark.skipif(AGE is None, reason="the stock `age` CLI is not installed")
def test_a_failed_export_is_reported_in_the_next_header(station: Station, usb: Path) -> None:
    with pytest.raises(ExchangeError) as exc:
        export.export_bundle(station.iv, usb, cancelled=lambda: True)
    assert exc.value.reason is Reason.CANCELLED
    [attempt] = export_journal.unfinished_attempts(station.iv)
    second = export.export_bundle(station.iv, usb)
    assert second.seq == 2 and second.unfinished_reported == [1]
    header = header_via_age(station, second.paths[0])
    assert header["seq"] == 2 and header["prev_digest"] == attempt.digest
    assert header["audit"]["unfinished"] == [  # type: ignore[index]
        {"seq": 1, "bundle_id": attempt.bundle_id, "digest": attempt.digest,
         "state": "cancelled"}]
    third = export.export_bundle(station.iv, usb)  # reported again: HQ may miss no. 2
    assert third.unfinished_reported == [1]


def test_gap_report_tells_unfinished_exports_from_missing_bundles(station: Station,
                                                                  usb: Path) -> None:
    first = export.export_bundle(station.iv, usb)
    hq_import.import_bundle(station.hq, first.paths)
    with pytest.raises(ExchangeError):  # no. 2: cancelled
        export.export_bundle(station.iv, usb, cancelled=lambda: True)
    lost = export.export_bundle(station.iv, usb)  # no. 3: written, the stick is lost
    fourth = export.export_bundle(station.iv, usb)  # no. 4 reaches HQ
    assert (lost.seq, fourth.seq, fourth.unfinished_reported) == (3, 4, [2])

    result = hq_import.import_bundle(station.hq, fourth.paths)
    assert result.missing == (2, 3) and result.unfinished == {2: "cancelled"}
    assert result.flags == ["gap: bundles 2..3 not received; the device reports unfinished "
                            "exports: 2 cancelled"]
    fp = station.iv.device.fingerprint
    assert [(g.first, g.last, g.state, g.reported_by) for g in hq_chain.gap_report(
        station.hq)] == [(2, 2, "cancelled", fourth.bundle_id), (3, 3, "missing", "")]
    assert all(g.device_fingerprint == fp for g in hq_chain.gap_report(station.hq))

    # The lost stick turns up: no. 3 imports late, no alarm; only no. 2 stays open.
    late = hq_import.import_bundle(station.hq, lost.paths)
    assert late.status is hq_import.ImportStatus.IMPORTED and late.flags == []
    assert [(g.first, g.state) for g in hq_chain.gap_report(station.hq)] == [(2, "cancelled")]
    assert {a["kind"] for a in hq_import.alarms(station.hq)} == {"gap"}


def test_long_gaps_are_reported_as_ranges(station: Station, usb: Path) -> None:
    for _ in range(3):
        with pytest.raises(ExchangeError):
            export.export_bundle(station.iv, usb, cancelled=lambda: True)
    for _ in range(2):
        export.export_bundle(station.iv, usb)  # nos. 4 and 5, both lost
    sixth = export.export_bundle(station.iv, usb)
    assert sixth.unfinished_reported == [1, 2, 3]
    hq_import.import_bundle(station.hq, sixth.paths)
    assert [(g.first, g.last, g.state) for g in hq_chain.gap_report(station.hq)] == [
        (1, 1, "cancelled"), (2, 2, "cancelled"), (3, 3, "cancelled"), (4, 5, "missing")]


def test_attempts_hq_confirmed_hearing_about_are_not_repeated(station: Station,
                                                              usb: Path) -> None:
    with pytest.raises(ExchangeError):
        export.export_bundle(station.iv, usb, cancelled=lambda: True)
    second = export.export_bundle(station.iv, usb)
    assert second.unfinished_reported == [1]
    assert export.export_bundle(station.iv, usb).unfinished_reported == [1]  # not yet confirmed
    hq_import.import_bundle(station.hq, second.paths)
    receipt.apply_receipt(station.iv, receipt.issue_receipt(station.hq,
                                                            station.iv.device.fingerprint))
    station.add_final("A later testimony")
    assert export.export_bundle(station.iv, usb).unfinished_reported == []
