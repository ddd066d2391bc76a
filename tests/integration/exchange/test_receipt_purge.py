"""Receipts that name what HQ holds, and a purge that destroys only those exact files.

Real vaults on both sides: the interviewer exports, HQ imports and signs a receipt, the
interviewer applies it. Originals that never left the device are kept and counted; a
v1 receipt (no entry list) never enables a purge; destroying what HQ does not have is a
separate call; every destroyed file is audited with its hash."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.exchange import export, hq_import, keycard, purge, receipt, signed_doc
from nam_desktop.core.exchange.bundle_verify import verify_bundle
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.hq_identity import load_hq
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.vault.vault import Vault

from .conftest import Station, jpeg_with_gps, legacy_receipt


def deliver(station: Station, usb: Path, **options: object) -> bytes:
    result = export.export_bundle(station.iv, usb, export.ExportOptions(**options))  # type: ignore[arg-type]
    hq_import.import_bundle(station.hq, result.paths)
    data = receipt.issue_receipt(station.hq, station.iv.device.fingerprint)
    receipt.apply_receipt(station.iv, data)
    return data


def original_bytes_hash(vault: Vault, attachment_id: str) -> str:
    with AttachmentService(vault).open(attachment_id, original=True) as reader:
        return hashlib.sha256(reader.read()).hexdigest()


def test_receipt_lists_every_entry_hq_holds_and_the_key_that_signed_it(
        station: Station, usb: Path) -> None:
    tid = station.ids[0]
    bundle = export.export_bundle(station.iv, usb)
    sent = verify_bundle(bundle.paths, list(load_hq(station.hq).identities))
    hq_import.import_bundle(station.hq, bundle.paths)
    data = receipt.issue_receipt(station.hq, station.iv.device.fingerprint)
    att = AttachmentService(station.iv).list(tid)[0]
    doc = json.loads(data)
    assert (doc["format"], doc["version"]) == ("nam-desktop-receipt", 2)
    payload = doc["payload"]
    card = keycard.current_keycard(station.iv)
    assert card is not None
    assert payload["signer"] == {"key_id": card.receipt_fingerprint, "card_serial": card.serial}
    # Exactly the entries of the signed bundle header: ids, kinds and hashes.
    assert sorted((e["id"], e["kind"], e["sha256"]) for e in payload["entries"]) == sorted(
        (e.id, e.kind, e.sha256) for e in sent.entries)
    assert {(e["id"], e["sha256"]) for e in payload["entries"]} >= {
        (f"media/{att.id}/cleaned", att.sha256_cleaned)}
    assert {e["id"] for e in payload["entries"]} >= {f"testimony/{tid}/1", f"attachment/{att.id}"}
    assert "testimonies" not in payload  # v2 derives them from the testimony entries
    result = receipt.apply_receipt(station.iv, data)
    assert (result.version, result.key_id, result.entries) == (2, card.receipt_fingerprint, 3)
    assert result.delivered == [tid]


def test_purge_keeps_the_originals_hq_does_not_have(station: Station, usb: Path) -> None:
    tid = station.ids[0]
    deliver(station, usb)  # the default export sends cleaned copies only
    att = AttachmentService(station.iv).list(tid)[0]
    plan = purge.plan(station.iv)
    assert [(f.variant, f.sha256) for f in plan.destroy] == [("cleaned", att.sha256_cleaned)]
    assert [(f.variant, f.sha256) for f in plan.keep] == [("original", att.sha256_original)]
    assert (plan.kept("original"), plan.kept("cleaned")) == (1, 0)

    destroyed = purge.purge(station.iv, plan)
    assert [f.variant for f in destroyed] == ["cleaned"]
    after = AttachmentService(station.iv).get(att.id)
    assert after.cleaned_media_id is None and after.original_media_id is not None
    assert original_bytes_hash(station.iv, att.id) == att.sha256_original  # intact
    [entry] = [e for e in station.iv.audit.entries(tid) if e.action == "exchange.purge_file"]
    assert entry.details == {"attachment": att.id, "variant": "cleaned",
                             "sha256": att.sha256_cleaned, "at_hq": True}
    assert station.iv.check().ok
    # Nothing more to purge; the original is still kept, and counted.
    again = purge.plan(station.iv)
    assert again.destroy == [] and again.kept("original") == 1
    assert purge.purge(station.iv, again) == []

    # Destroying it anyway is a separate call, audited as "HQ does not have it".
    [gone] = purge.destroy_unsent(station.iv, again)
    assert (gone.variant, gone.sha256, gone.at_hq) == ("original", att.sha256_original, False)
    assert AttachmentService(station.iv).get(att.id).original_media_id is None
    assert list(station.iv.media.folder.iterdir()) == []
    actions = [e.action for e in station.iv.audit.entries(tid)]
    assert "exchange.destroy_unsent_file" in actions
    assert station.iv.check().ok


def test_with_originals_sent_both_copies_are_destroyed(station: Station, usb: Path) -> None:
    deliver(station, usb, include_originals=True)
    plan = purge.plan(station.iv)
    assert sorted(f.variant for f in plan.destroy) == ["cleaned", "original"]
    assert plan.keep == []
    assert len(purge.purge(station.iv, plan)) == 2
    assert list(station.iv.media.folder.iterdir()) == []


def test_the_count_is_files_not_testimonies(station: Station, usb: Path) -> None:
    tid = station.ids[0]
    service = AttachmentService(station.iv)
    draft = station.repo.get(tid)
    station.repo.update(tid, draft)  # reopen, attach two more photos, finalise again
    for name in ("b.jpg", "c.jpg"):
        service.attach(tid, io.BytesIO(jpeg_with_gps() + name.encode()), name)
    station.repo.finalize(tid)
    deliver(station, usb)
    plan = purge.plan(station.iv)
    assert (len(plan.destroy), plan.kept("original")) == (3, 3)


def test_a_v1_receipt_marks_delivery_but_never_enables_a_purge(station: Station,
                                                              usb: Path) -> None:
    tid = station.ids[0]
    hq_import.import_bundle(station.hq, export.export_bundle(station.iv, usb,
                            export.ExportOptions(include_originals=True)).paths)
    old = legacy_receipt(station.hq, station.iv.device.fingerprint, [[tid, 1]])
    result = receipt.apply_receipt(station.iv, old)
    assert result.delivered == [tid] and not result.lists_entries and result.version == 1
    assert station.repo.get(tid).status == "delivered"
    plan = purge.plan(station.iv)
    assert plan.destroy == [] and len(plan.keep) == 2  # HQ has both, but never said so
    assert purge.purge(station.iv, plan) == []
    assert len(list(station.iv.media.folder.iterdir())) == 2


def test_a_forged_entry_list_is_refused_and_enables_nothing(station: Station,
                                                           usb: Path) -> None:
    result = export.export_bundle(station.iv, usb)
    hq_import.import_bundle(station.hq, result.paths)
    doc = json.loads(receipt.issue_receipt(station.hq, station.iv.device.fingerprint))
    att = AttachmentService(station.iv).list(station.ids[0])[0]
    doc["payload"]["entries"].append({"id": f"media/{att.id}/original", "kind": "media",
                                      "sha256": att.sha256_original})
    with pytest.raises(ExchangeError) as exc:
        receipt.apply_receipt(station.iv, json.dumps(doc).encode())
    assert exc.value.reason is Reason.RECEIPT_INVALID and "does not verify" in str(exc.value)
    assert purge.plan(station.iv).files == ()  # nothing delivered, nothing to destroy


def test_a_receipt_signed_by_another_key_names_it(station: Station, usb: Path) -> None:
    hq_import.import_bundle(station.hq, export.export_bundle(station.iv, usb).paths)
    doc = json.loads(receipt.issue_receipt(station.hq, station.iv.device.fingerprint))
    thief = DeviceIdentity(DeviceIdentity.generate_raw())
    payload = dict(doc["payload"], signer={"key_id": thief.fingerprint, "card_serial": 1})
    forged = signed_doc.make(receipt.FORMAT, 2, receipt.CONTEXT, payload, thief.sign)
    with pytest.raises(ExchangeError) as exc:
        receipt.apply_receipt(station.iv, forged)
    assert exc.value.reason is Reason.RECEIPT_INVALID
    assert f"signed by receipt key {thief.fingerprint}" in str(exc.value)
    # Claiming the right key id does not help without the key.
    payload["signer"] = doc["payload"]["signer"]
    forged = signed_doc.make(receipt.FORMAT, 2, receipt.CONTEXT, payload, thief.sign)
    with pytest.raises(ExchangeError) as exc:
        receipt.apply_receipt(station.iv, forged)
    assert "does not verify" in str(exc.value)


@pytest.mark.parametrize(("version", "reason", "why"), [
    (3, Reason.UNSUPPORTED_VERSION, "made by a newer NAM Desktop"),
    (0, Reason.RECEIPT_INVALID, "bad version")])
def test_an_unknown_receipt_version_is_refused_clearly(station: Station, version: int,
                                                      reason: Reason, why: str) -> None:
    doc = {"format": "nam-desktop-receipt", "version": version, "payload": {},
           "signature": "00" * 64}
    with pytest.raises(ExchangeError) as exc:
        receipt.apply_receipt(station.iv, json.dumps(doc).encode())
    assert exc.value.reason is reason and why in str(exc.value)


def test_a_receipt_omits_media_hq_no_longer_holds(station: Station, usb: Path) -> None:
    hq_import.import_bundle(station.hq, export.export_bundle(station.iv, usb).paths)
    att = AttachmentService(station.iv).list(station.ids[0])[0]
    AttachmentService(station.hq).delete(att.id)  # HQ lost or removed its copy
    data = receipt.issue_receipt(station.hq, station.iv.device.fingerprint)
    assert [e["kind"] for e in json.loads(data)["payload"]["entries"]] == [
        "attachment", "testimony"]
    receipt.apply_receipt(station.iv, data)
    plan = purge.plan(station.iv)
    assert plan.destroy == [] and plan.kept("cleaned") == 1 and plan.kept("original") == 1


def test_the_purge_checks_again_inside_its_transaction(station: Station, usb: Path) -> None:
    tid = station.ids[0]
    deliver(station, usb)
    plan = purge.plan(station.iv)
    assert len(plan.destroy) == 1
    station.repo.update(tid, station.repo.get(tid))  # reopened: no longer delivered
    assert purge.purge(station.iv, plan) == []
    assert AttachmentService(station.iv).list(tid)[0].cleaned_media_id is not None


def test_attachment_report_says_what_is_held_and_delivered(station: Station,
                                                          usb: Path) -> None:
    tid = station.ids[0]
    att = AttachmentService(station.iv).list(tid)[0]
    [before] = purge.attachment_report(station.iv, tid)
    assert before["original"] == {"sha256": att.sha256_original, "size": att.size_original,
                                  "held": True, "delivered": False}
    assert before["cleaned"]["delivered"] is False
    deliver(station, usb)
    purge.purge(station.iv, purge.plan(station.iv))
    [after] = purge.attachment_report(station.iv, tid)
    assert (after["id"], after["filename"], after["clean_status"]) == (att.id, "photo.jpg",
                                                                       "clean")
    assert after["original"]["held"] is True and after["original"]["delivered"] is False
    assert after["cleaned"] == {"sha256": att.sha256_cleaned, "size": att.size_cleaned,
                                "held": False, "delivered": True}
