"""Receipts, purge and the proof of what was kept, through the command line: real vaults,
the commands a person types, their output and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from nam_desktop.core.exchange import export, hq_import, receipt
from nam_desktop.core.model.attachments import AttachmentService

from .conftest import Cli, Station, jpeg_with_gps, legacy_receipt


def three_photos_delivered(station: Station, usb: Path) -> tuple[str, Path]:
    """A testimony with three photos, exported (cleaned copies only), imported at HQ;
    returns its id and HQ's receipt file. The vaults are closed for the CLI."""
    tid = station.ids[0]
    station.repo.update(tid, station.repo.get(tid))
    for name in ("b.jpg", "c.jpg"):
        AttachmentService(station.iv).attach(tid, io.BytesIO(jpeg_with_gps() + name.encode()),
                                             name)
    station.repo.finalize(tid)
    hq_import.import_bundle(station.hq, export.export_bundle(station.iv, usb).paths)
    path = station.tmp / "receipt.json"
    path.write_bytes(receipt.issue_receipt(station.hq, station.iv.device.fingerprint))
    station.iv.close()
    station.hq.close()
    return tid, path


def show(cli: Cli, folder: Path, tid: str) -> list[dict[str, Any]]:
    code, out, err = cli("testimony", "show", folder, tid, "--json")
    assert code == 0, err
    attachments: list[dict[str, Any]] = json.loads(out)["attachments"]
    return attachments


def test_purge_says_how_many_originals_were_kept_and_why(cli: Cli, station: Station,
                                                         usb: Path) -> None:
    tid, path = three_photos_delivered(station, usb)
    before = show(cli, station.tmp / "iv", tid)
    assert sorted(a["filename"] for a in before) == ["b.jpg", "c.jpg", "photo.jpg"]
    assert all(a["cleaned"]["held"] and a["cleaned"]["delivered"] is False for a in before)

    code, out, err = cli("receipt", "import", station.tmp / "iv", path, "--purge")
    assert code == 0, err
    assert f"delivered: {tid}" in out
    assert "HQ holds 7 entries from this device" in out  # 1 testimony + 3 records + 3 media
    assert "purged: 3 files crypto-shredded (HQ holds exact copies)" in out
    assert "3 originals kept: HQ does not have them" in out
    assert "nam-desktop receipt destroy-unsent DIR" in out

    after = show(cli, station.tmp / "iv", tid)
    for a in after:
        assert a["clean_status"] == "clean" and len(a["id"]) == 36
        assert a["cleaned"]["held"] is False and a["cleaned"]["delivered"] is True
        assert a["original"]["held"] is True and a["original"]["delivered"] is False
        assert a["original"]["sha256"] != a["cleaned"]["sha256"]
    code, out, _ = cli("testimony", "show", station.tmp / "iv", tid)
    assert out.count("destroyed here; HQ holds it") == 3
    assert out.count("in the vault; not confirmed by HQ") == 3

    # Purging again finds nothing; the kept originals are still counted.
    code, out, _ = cli("receipt", "purge", station.tmp / "iv", "--yes")
    assert code == 0 and "nothing to purge" in out
    assert "3 originals kept: HQ does not have them" in out


def test_destroying_what_hq_lacks_needs_its_own_confirmation(cli: Cli, station: Station,
                                                             usb: Path) -> None:
    tid, path = three_photos_delivered(station, usb)
    assert cli("receipt", "import", station.tmp / "iv", path, "--purge")[0] == 0
    # Without a terminal and without --yes: refused, nothing destroyed.
    code, out, err = cli("receipt", "destroy-unsent", station.tmp / "iv")
    assert code == 7 and "nothing destroyed: confirm with --yes (3 files kept)" in err
    assert out.count("original ") == 3
    assert all(a["original"]["held"] for a in show(cli, station.tmp / "iv", tid))
    code, out, err = cli("receipt", "destroy-unsent", station.tmp / "iv", "--yes")
    assert code == 0 and "destroyed: 3 files HQ does not have" in out, err
    assert not any(a["original"]["held"] for a in show(cli, station.tmp / "iv", tid))
    assert not list((station.tmp / "iv" / "media").iterdir())
    code, out, _ = cli("receipt", "destroy-unsent", station.tmp / "iv", "--yes")
    assert code == 0 and "nothing to destroy" in out
    code, out, _ = cli("vault", "check", station.tmp / "iv")
    assert code == 0 and "vault is OK" in out


def test_without_purge_and_without_a_terminal_nothing_is_destroyed(cli: Cli, station: Station,
                                                                    usb: Path) -> None:
    tid, path = three_photos_delivered(station, usb)
    code, out, _ = cli("receipt", "import", station.tmp / "iv", path)
    assert code == 0 and "nothing destroyed (3 files could be" in out
    assert all(a["cleaned"]["held"] for a in show(cli, station.tmp / "iv", tid))
    code, out, _ = cli("receipt", "purge", station.tmp / "iv", "--yes")
    assert code == 0 and "purged: 3 files crypto-shredded" in out


def test_an_old_receipt_refuses_to_purge(cli: Cli, station: Station, usb: Path) -> None:
    tid = station.ids[0]
    hq_import.import_bundle(station.hq, export.export_bundle(station.iv, usb).paths)
    path = station.tmp / "old-receipt.json"
    path.write_bytes(legacy_receipt(station.hq, station.iv.device.fingerprint, [[tid, 1]]))
    station.iv.close()
    station.hq.close()
    code, out, err = cli("receipt", "import", station.tmp / "iv", path, "--purge")
    assert code == 7
    assert f"delivered: {tid}" in out and "old format (v1)" in err and "nothing purged" in err
    [a] = show(cli, station.tmp / "iv", tid)
    assert a["cleaned"]["held"] and a["original"]["held"]
    assert a["cleaned"]["delivered"] is False


def test_hq_gaps_and_export_notes(cli: Cli, station: Station, usb: Path) -> None:
    fp = station.iv.device.fingerprint
    station.iv.close()
    station.hq.close()
    iv, hq = station.tmp / "iv", station.tmp / "hq"
    junk = usb / f".{'ab' * 8}.1.{'cd' * 4}.tmp"  # an earlier interrupted export's part
    junk.write_bytes(b"age-encryption.org/v1\n-> X25519 x\n")
    code, out, err = cli("export", iv, "--to", usb, "--json")
    assert code == 0 and json.loads(out)["leftovers_removed"] == [junk.name]
    assert f"removed 1 unfinished file(s) left by an earlier interrupted export: {junk.name}" \
        in err
    assert not junk.exists()
    first = json.loads(out)["paths"][0]
    code, out, err = cli("export", iv, "--to", usb, "--json")  # no. 2: never reaches HQ
    assert code == 0, err
    code, out, err = cli("export", iv, "--to", usb, "--json")
    assert code == 0, err
    third = json.loads(out)["paths"][0]
    assert cli("hq", "import", hq, first, third)[0] == 0
    code, out, _ = cli("hq", "gaps", hq)
    assert code == 0 and f"{fp} (Interviewer A)  no. 2: NOT RECEIVED" in out
    code, out, _ = cli("hq", "gaps", hq, "--json")
    assert json.loads(out) == [{"device": fp, "first": 2, "last": 2, "state": "missing",
                                "bundle_id": "", "reported_by": ""}]


def test_a_part_size_below_one_byte_is_bad_input(cli: Cli, station: Station, usb: Path) -> None:
    station.iv.close()
    code, _, err = cli("export", station.tmp / "iv", "--to", usb, "--part-size", "0")
    assert code == 2 and "part size" in err and "Traceback" not in err
    assert list(usb.iterdir()) == []


def test_a_receipt_or_key_card_over_its_size_limit_is_rejected(cli: Cli, station: Station,
                                                                tmp_path: Path) -> None:
    """Size is the first check of a signed document (docs/bundle-format.md, section 5): a
    rejected receipt or key card, exit 1 with the reason, like any other."""
    station.iv.close()
    big = tmp_path / "big.json"
    big.write_bytes(b" " * receipt.MAX_RECEIPT + b"{}")
    code, _, err = cli("receipt", "import", station.tmp / "iv", big)
    assert code == 1 and "receipt_invalid:" in err and "larger than 33554432 bytes" in err
    card = tmp_path / "card.json"
    card.write_bytes(b" " * 256 * 1024 + b"{}")
    code, _, err = cli("keycard", "import", station.tmp / "iv", card, "--yes")
    assert code == 1 and "keycard_invalid:" in err
    code, _, err = cli("hq", "print-keycard", card, "--out", tmp_path / "card.pdf")
    assert code == 1 and "keycard_invalid:" in err and not (tmp_path / "card.pdf").exists()
