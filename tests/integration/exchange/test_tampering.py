"""Every tampered, misaddressed, forged, replayed or forked bundle is refused with a typed
reason, nothing is imported, and no plaintext is left on disk."""

from __future__ import annotations

import io
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
    recipient_fingerprint,
    signed_message,
)
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

from ... import bundle_kit as kit
from .conftest import PASS, Station, add_final, hq_counts, media_files_on_disk


def hq_recipient(station: Station) -> str:
    return hq_identity.load_hq(station.hq).recipients[0]


def encrypt_to(path: Path, inner: bytes, recipient: str) -> Path:
    out = io.BytesIO()
    pyrage.encrypt_io(io.BytesIO(inner), out,
                      [pyrage.x25519.Recipient.from_str(recipient)])
    path.write_bytes(out.getvalue())
    return path


class _Key:
    """A DeviceIdentity seen as the kit's Ed25519 key (public_key().public_bytes_raw())."""

    def __init__(self, device: DeviceIdentity) -> None:
        self._device = device

    def public_key(self) -> _Key:
        return self

    def public_bytes_raw(self) -> bytes:
        return self._device.public_key

    def sign(self, message: bytes) -> bytes:
        return self._device.sign(message)


def craft(station: Station, entries: list[kit.Entry] | None = None, *, seq: int = 1,
          prev: str = ZERO_DIGEST, signer: DeviceIdentity | None = None,
          padding: int = 0, padding_bytes: bytes | None = None, **over: object) -> bytes:
    """A correctly formed inner stream (written from the spec, tests/bundle_kit.py) signed
    by ``signer`` (default: the interviewer) and addressed to this HQ."""
    signer = signer or station.iv.device
    b = kit.Bundle(entries=kit.entries() if entries is None else entries,
                   key=_Key(signer),  # type: ignore[arg-type]
                   recipients=(recipient_fingerprint(hq_recipient(station)),),
                   header_over={"seq": seq, "prev_digest": prev, **over},
                   padding=padding, padding_bytes=padding_bytes)
    return b.inner()


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
    # A signed header naming another recipient fingerprint, encrypted to HQ anyway.
    path = encrypt_to(usb / "b.age", craft(station, recipients=["ab" * 32]),
                      hq_recipient(station))
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


def test_header_changed_after_signing_is_a_bad_signature(
        station: Station, usb: Path, no_plaintext: Callable[[], None]) -> None:
    inner = bytearray(craft(station))
    at = inner.index(b'"seq":1') + 6
    inner[at] = ord("2")  # header byte changed after signing
    path = encrypt_to(usb / "x.age", bytes(inner), hq_recipient(station))
    assert_refused(station, [path], Reason.BAD_SIGNATURE, no_plaintext)


def test_registered_key_signed_by_another_key_is_a_bad_signature(
        station: Station, usb: Path, no_plaintext: Callable[[], None]) -> None:
    """A forger names the registered device's key (so its fingerprint) in the header but
    can only sign with a key of their own."""
    forger = DeviceIdentity(DeviceIdentity.generate_raw())
    registered = station.iv.device
    inner = craft(station, signer=forger,
                  device={"public_key": registered.public_key.hex(),
                          "fingerprint": registered.fingerprint})
    path = encrypt_to(usb / "forged.age", inner, hq_recipient(station))
    assert_refused(station, [path], Reason.BAD_SIGNATURE, no_plaintext)


def test_registered_fingerprint_claimed_by_another_key(
        station: Station, usb: Path, no_plaintext: Callable[[], None]) -> None:
    """An attacker signs with their own key but writes the registered device's fingerprint
    into the header: readers recompute the fingerprint from the key, so it is malformed."""
    attacker = DeviceIdentity(DeviceIdentity.generate_raw())
    inner = craft(station, signer=attacker,
                  device={"public_key": attacker.public_key.hex(),
                          "fingerprint": station.iv.device.fingerprint})
    path = encrypt_to(usb / "f.age", inner, hq_recipient(station))
    assert_refused(station, [path], Reason.MALFORMED, no_plaintext)


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
    inner = craft(station, [kit.Entry(f"testimony/{kit.TID}/1", "testimony",
                                      b'{"testimony":5}')])
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
    other = kit.testimony(tid, title="Another text under a known id")
    inner = craft(station, [kit.Entry(f"testimony/{tid}/1", "testimony",
                                      kit.canonical(kit.testimony_body(other, attachments=())))],
                  seq=2, prev=first.digest)
    path = encrypt_to(usb / "c.age", inner, hq_recipient(station))
    assert_refused(station, [path], Reason.CONFLICT, no_plaintext)
    assert [a["kind"] for a in hq_import.alarms(station.hq)] == ["conflict"]
    assert TestimonyRepository(station.hq).get(tid).title == "Detention at Okrestina"


def test_attachment_of_a_testimony_not_in_the_bundle(station: Station, usb: Path,
                                                    no_plaintext: Callable[[], None]) -> None:
    body = kit.canonical(kit.attachment_body(tid="bbbb"))
    inner = craft(station, [kit.Entry(f"attachment/{kit.AID}", "attachment", body)])
    path = encrypt_to(usb / "u.age", inner, hq_recipient(station))
    assert_refused(station, [path], Reason.INCONSISTENT, no_plaintext)


@pytest.mark.parametrize(("entry_id", "reason"), [
    ("testimony/other/1", Reason.MALFORMED), ("testimony/x", Reason.MALFORMED),
    ("media/x", Reason.MALFORMED), (f"testimony/{kit.TID}/2", Reason.INCONSISTENT),
    ("testimony/abcd/1", Reason.INCONSISTENT)])
def test_entry_ids_must_match_their_content(station: Station, usb: Path, entry_id: str,
                                            reason: Reason,
                                            no_plaintext: Callable[[], None]) -> None:
    record = kit.canonical(kit.testimony_body(attachments=()))
    inner = craft(station, [kit.Entry(entry_id, entry_id.split("/")[0], record)])
    path = encrypt_to(usb / "i.age", inner, hq_recipient(station))
    assert_refused(station, [path], reason, no_plaintext)


@pytest.mark.parametrize("what", ["cleaned", "original"])
def test_media_whose_hash_differs_from_its_attachment_record(
        station: Station, usb: Path, what: str, no_plaintext: Callable[[], None]) -> None:
    """An attacker who knows only HQ's public key re-encrypts a bundle in which the media
    entry (correctly hashed in the header) is not the file the attachment record names."""
    entries = kit.entries()
    i = 2 if what == "cleaned" else 3
    entries[i] = kit.Entry(entries[i].id, "media", b"a different file")
    inner = craft(station, entries)
    path = encrypt_to(usb / "h.age", inner, hq_recipient(station))
    exc = assert_refused(station, [path], Reason.INCONSISTENT, no_plaintext)
    assert f"media/{kit.AID}/{what}" in exc.detail


def test_media_without_an_attachment_record(station: Station, usb: Path,
                                            no_plaintext: Callable[[], None]) -> None:
    entries = [*kit.entries(), kit.Entry("media/abcdef/cleaned", "media", b"stray file")]
    path = encrypt_to(usb / "o.age", craft(station, entries), hq_recipient(station))
    exc = assert_refused(station, [path], Reason.INCONSISTENT, no_plaintext)
    assert "no attachment record" in exc.detail


def test_a_consistent_crafted_bundle_is_imported(station: Station, usb: Path) -> None:
    """The control for the tests above: the same crafted bundle, unaltered, imports."""
    path = encrypt_to(usb / "ok.age", craft(station), hq_recipient(station))
    result = hq_import.import_bundle(station.hq, [path])
    assert result.testimonies == [kit.TID] and result.new_entries == 4


def test_first_bundle_with_a_previous_digest_is_malformed(
        station: Station, usb: Path, no_plaintext: Callable[[], None]) -> None:
    """seq 1 names no earlier bundle: a prev_digest other than 64 zeros is refused (H1),
    by the reader ``verify`` and ``hq import`` share."""
    path = encrypt_to(usb / "p.age", craft(station, prev="ab" * 32), hq_recipient(station))
    exc = assert_refused(station, [path], Reason.MALFORMED, no_plaintext)
    assert "prev_digest" in exc.detail


def test_attachment_record_with_an_empty_hash_but_a_size(
        station: Station, usb: Path, no_plaintext: Callable[[], None]) -> None:
    """No cleaned copy is "" and 0 (3.5); "" with a size is malformed, with or without a
    media entry after it."""
    record = kit.canonical(kit.attachment_body(cleaned=None, size_cleaned=5))
    entries = kit.entries()
    entries[1] = kit.Entry(f"attachment/{kit.AID}", "attachment", record)
    del entries[2]  # no cleaned copy sent
    path = encrypt_to(usb / "a.age", craft(station, entries), hq_recipient(station))
    exc = assert_refused(station, [path], Reason.MALFORMED, no_plaintext)
    assert "size_cleaned" in exc.detail


def _altered_photo() -> list[kit.Entry]:
    entries = kit.entries()  # the header keeps the real photo's size and hash
    real = entries[2]
    entries[2] = kit.Entry(real.id, "media", b"cleaneD", sha256=real.meta()["sha256"])
    return entries


@pytest.mark.parametrize(("altered", "reason"), [
    (lambda s: craft(s, _altered_photo(), padding=64), Reason.HASH_MISMATCH),
    (lambda s: craft(s, padding=64, padding_bytes=bytes(64) + b"\0"), Reason.MALFORMED),
    (lambda s: craft(s, padding=64, padding_bytes=bytes(63) + b"\1"), Reason.MALFORMED),
    (lambda s: craft(s, padding=64, padding_bytes=bytes(10)), Reason.TRUNCATED),
])
def test_an_altered_copy_of_an_imported_bundle_is_not_a_replay(
        station: Station, usb: Path, altered: Callable[[Station], bytes], reason: Reason,
        no_plaintext: Callable[[], None]) -> None:
    """The digest covers the prefix and the header only: a copy with the same header but
    another photo byte, bytes after the padding or the padding cut must be refused with
    its real reason, not reported as "already imported" (section 4, replay)."""
    recipient = hq_recipient(station)
    first = hq_import.import_bundle(station.hq, [encrypt_to(usb / "ok.age",
                                                             craft(station, padding=64),
                                                             recipient)])
    copy = encrypt_to(usb / "copy.age", altered(station), recipient)
    exc = assert_refused(station, [copy], reason, no_plaintext)
    assert "imported before" in exc.detail
    assert isinstance(exc, hq_import.ImportRefusedError) and exc.bundle_id == first.bundle_id
    exact = encrypt_to(usb / "again.age", craft(station, padding=64), recipient)
    again = hq_import.import_bundle(station.hq, [exact])  # the exact copy still is one
    assert again.status is hq_import.ImportStatus.ALREADY_IMPORTED
    assert again.digest == first.digest
