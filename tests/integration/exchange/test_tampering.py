"""Every tampered, misaddressed, forged, replayed or forked bundle is refused with a typed
reason, nothing is imported, and no plaintext is left on disk."""

from __future__ import annotations

import hashlib
import io
import struct
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest
from PIL import Image

from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import export, hq_identity, hq_import, keycard
from nam_desktop.core.exchange.bundle_format import (
    MAGIC,
    PREFIX,
    ZERO_DIGEST,
    BundleHeader,
    EntryMeta,
    recipient_fingerprint,
    sign_header,
    signed_message,
)
from nam_desktop.core.exchange.bundle_writer import EntrySource, InnerStream
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

from .conftest import PASS, Station, add_final, hq_counts, media_files_on_disk


def hq_recipient(station: Station) -> str:
    return hq_identity.load_hq(station.hq).recipients[0]


def encrypt_to(path: Path, inner: bytes, recipient: str) -> Path:
    out = io.BytesIO()
    pyrage.encrypt_io(io.BytesIO(inner), out,
                      [pyrage.x25519.Recipient.from_str(recipient)])
    path.write_bytes(out.getvalue())
    return path


def craft(station: Station, entries: dict[str, tuple[str, bytes]], *, seq: int = 1,
          prev: str = ZERO_DIGEST, signer: DeviceIdentity | None = None) -> bytes:
    """A correctly formed inner stream signed by ``signer`` (default: the interviewer)."""
    signer = signer or station.iv.device
    sources = [EntrySource(EntryMeta(i, k, len(b), hashlib.sha256(b).hexdigest()),
                           lambda b=b: [b]) for i, (k, b) in entries.items()]
    header = BundleHeader(
        bundle_id=f"crafted-{seq}", created_at="2026-01-01T00:00:00Z",
        device_public_key=signer.public_key, vault_id="v", seq=seq, prev_digest=prev,
        recipients=(recipient_fingerprint(hq_recipient(station)),), hq_root="",
        audit_entries=0, audit_head=ZERO_DIGEST, entries=tuple(s.meta for s in sources))
    head, _ = sign_header(header, signer.sign)
    return InnerStream(head, sources).read()


def assert_refused(station: Station, paths: list[Path], reason: Reason,
                   no_plaintext: Callable[[], None]) -> ExchangeError:
    before = hq_counts(station.hq)
    files = media_files_on_disk(station.hq)
    head = station.hq.audit.head()
    with pytest.raises(ExchangeError) as exc:
        hq_import.import_bundle(station.hq, paths)
    assert exc.value.reason is reason, exc.value
    assert hq_counts(station.hq) == before
    assert media_files_on_disk(station.hq) == files
    if reason not in (Reason.FORK, Reason.CONFLICT):  # those leave an alarm in the audit
        assert station.hq.audit.head() == head
    no_plaintext()
    return exc.value


@pytest.fixture
def big_station(station: Station) -> Station:
    """Add a ~1 MiB cleaned photo so pyrage hands out plaintext before failing."""
    img = Image.effect_noise((900, 900), 90).convert("RGB")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=98)
    tid = add_final(station.iv, station.repo, "Second", attach=False, finalize=False)
    AttachmentService(station.iv).attach(tid, io.BytesIO(buf.getvalue()), "big.jpg")
    station.repo.finalize(tid)
    station.ids.append(tid)
    return station


@pytest.mark.parametrize("where", [0.02, 0.5, 0.97])
def test_flipped_bit(big_station: Station, usb: Path, where: float,
                     no_plaintext: Callable[[], None]) -> None:
    [path] = export.export_bundle(big_station.iv, usb).paths
    data = bytearray(path.read_bytes())
    data[int(len(data) * where)] ^= 0x10
    path.write_bytes(bytes(data))
    assert_refused(big_station, [path], Reason.DAMAGED, no_plaintext)


@pytest.mark.parametrize("keep", [0.1, 0.6, 0.999])
def test_truncated(big_station: Station, usb: Path, keep: float,
                   no_plaintext: Callable[[], None]) -> None:
    [path] = export.export_bundle(big_station.iv, usb).paths
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    assert_refused(big_station, [path], Reason.DAMAGED, no_plaintext)


def test_wrong_recipient(station: Station, usb: Path, no_plaintext: Callable[[], None]) -> None:
    other = str(pyrage.x25519.Identity.generate().to_public())
    opts = export.ExportOptions(recipients=(other,))
    paths = export.export_bundle(station.iv, usb, opts).paths
    assert_refused(station, paths, Reason.WRONG_RECIPIENT, no_plaintext)


def test_encrypted_to_hq_but_addressed_elsewhere(station: Station, usb: Path,
                                                 no_plaintext: Callable[[], None]) -> None:
    inner = bytearray(craft(station, {"attachment/x": ("attachment", b"{}")}))
    # Re-sign a header naming another recipient fingerprint, then encrypt to HQ anyway.
    header = BundleHeader(
        bundle_id="b", created_at="t", device_public_key=station.iv.device.public_key,
        vault_id="v", seq=1, prev_digest=ZERO_DIGEST, recipients=("ab" * 32,), hq_root="",
        audit_entries=0, audit_head=ZERO_DIGEST, entries=())
    head, _ = sign_header(header, station.iv.device.sign)
    path = encrypt_to(usb / "b.age", head + struct.pack(">8sI", b"NAMB-END", 0),
                      hq_recipient(station))
    assert inner
    assert_refused(station, [path], Reason.WRONG_RECIPIENT, no_plaintext)


def test_unknown_signer(station: Station, usb: Path, tmp_path: Path,
                        no_plaintext: Callable[[], None]) -> None:
    stranger = Vault.create(tmp_path / "stranger", PASS, kdf=MINIMUM_PARAMS)
    try:
        keycard.pin_keycard(stranger, keycard.issue_keycard(station.hq))
        add_final(stranger, TestimonyRepository(stranger), "Forged")
        paths = export.export_bundle(stranger, usb).paths
    finally:
        stranger.close()
    assert_refused(station, paths, Reason.UNKNOWN_SIGNER, no_plaintext)


def test_registered_fingerprint_with_another_key_is_a_bad_signature(
        station: Station, usb: Path, no_plaintext: Callable[[], None]) -> None:
    inner = bytearray(craft(station, {"attachment/x": ("attachment", b"{}")}))
    inner[PREFIX.size + 20] ^= 1  # header byte changed after signing
    path = encrypt_to(usb / "x.age", bytes(inner), hq_recipient(station))
    exc = assert_refused(station, [path], Reason.BAD_SIGNATURE, no_plaintext)
    assert exc.reason is Reason.BAD_SIGNATURE


def test_replayed_bundle_is_idempotent(station: Station, usb: Path) -> None:
    paths = export.export_bundle(station.iv, usb).paths
    first = hq_import.import_bundle(station.hq, paths)
    counts = hq_counts(station.hq)
    again = hq_import.import_bundle(station.hq, paths)
    assert again.status is hq_import.ImportStatus.ALREADY_IMPORTED
    assert again.digest == first.digest
    assert hq_counts(station.hq) == counts


def test_oversize_header(station: Station, usb: Path, no_plaintext: Callable[[], None]) -> None:
    inner = PREFIX.pack(MAGIC, 1, 64 * 1024 * 1024) + b"{" * 1000
    path = encrypt_to(usb / "o.age", inner, hq_recipient(station))
    assert_refused(station, [path], Reason.OVERSIZE, no_plaintext)


def test_malformed_signed_header(station: Station, usb: Path,
                                 no_plaintext: Callable[[], None]) -> None:
    body = b'{"format":"nam-desktop-bundle","version":1}'
    prefix = PREFIX.pack(MAGIC, 1, len(body))
    sig = station.iv.device.sign(signed_message(prefix, body))
    path = encrypt_to(usb / "m.age", prefix + body + sig, hq_recipient(station))
    assert_refused(station, [path], Reason.MALFORMED, no_plaintext)


def test_malformed_record_inside_a_valid_signature(station: Station, usb: Path,
                                                   no_plaintext: Callable[[], None]) -> None:
    inner = craft(station, {"testimony/x/1": ("testimony", b'{"testimony": 5}')})
    path = encrypt_to(usb / "r.age", inner, hq_recipient(station))
    assert_refused(station, [path], Reason.MALFORMED, no_plaintext)


def test_fork_same_seq_different_bundle(station: Station, usb: Path,
                                        no_plaintext: Callable[[], None]) -> None:
    hq_import.import_bundle(station.hq, export.export_bundle(station.iv, usb).paths)
    with station.iv.transaction() as c:  # a copy of the device key starts its own chain
        c.execute("DELETE FROM exchange_export_items")
        c.execute("DELETE FROM exchange_exports")
        c.execute("DELETE FROM exchange_export_starts")
    forked = export.export_bundle(station.iv, usb)
    assert forked.seq == 1
    assert_refused(station, forked.paths, Reason.FORK, no_plaintext)
    assert [a["kind"] for a in hq_import.alarms(station.hq)] == ["fork"]


def test_gap_is_flagged_and_filled(station: Station, usb: Path) -> None:
    bundles = [export.export_bundle(station.iv, usb).paths for _ in range(3)]
    hq_import.import_bundle(station.hq, bundles[0])
    third = hq_import.import_bundle(station.hq, bundles[2])
    assert third.flags and third.flags[0].startswith("gap")
    assert third.known_entries > 0 and third.new_entries == 0
    assert [a["kind"] for a in hq_import.alarms(station.hq)] == ["gap"]
    second = hq_import.import_bundle(station.hq, bundles[1])
    assert second.status is hq_import.ImportStatus.IMPORTED and not second.flags


def test_conflict_known_entry_with_other_hash(station: Station, usb: Path,
                                              no_plaintext: Callable[[], None]) -> None:
    first = export.export_bundle(station.iv, usb)
    hq_import.import_bundle(station.hq, first.paths)
    tid = station.ids[0]
    inner = craft(station, {f"testimony/{tid}/1": ("testimony", b'{"other": true}')},
                  seq=2, prev=first.digest)
    path = encrypt_to(usb / "c.age", inner, hq_recipient(station))
    assert_refused(station, [path], Reason.CONFLICT, no_plaintext)
    assert [a["kind"] for a in hq_import.alarms(station.hq)] == ["conflict"]
    assert TestimonyRepository(station.hq).get(tid).title == "Detention at Okrestina"


def test_attachment_of_an_unknown_testimony(station: Station, usb: Path,
                                            no_plaintext: Callable[[], None]) -> None:
    body = (b'{"attachment_id":"aaaa","testimony_id":"bbbb","filename":"x","media_type":"",'
            b'"kind":"file","clean_status":"clean","created_at":"t","sha256_original":"",'
            b'"sha256_cleaned":"","size_original":0,"size_cleaned":0}')
    inner = craft(station, {"attachment/aaaa": ("attachment", body)})
    path = encrypt_to(usb / "u.age", inner, hq_recipient(station))
    assert_refused(station, [path], Reason.MALFORMED, no_plaintext)


@pytest.mark.parametrize("entry_id", ["testimony/other/1", "testimony/x", "media/x"])
def test_entry_ids_must_match_their_content(station: Station, usb: Path, entry_id: str,
                                            no_plaintext: Callable[[], None]) -> None:
    tid = station.ids[0]
    body = station.repo.revision_content(tid, 1)
    body.pop("identity")
    import json

    record = json.dumps({"testimony": body, "revision": 1, "identity_included": False,
                         "attachments": []}).encode()
    kind = entry_id.split("/")[0]
    inner = craft(station, {entry_id: (kind, record)})
    path = encrypt_to(usb / "i.age", inner, hq_recipient(station))
    assert_refused(station, [path], Reason.MALFORMED, no_plaintext)
