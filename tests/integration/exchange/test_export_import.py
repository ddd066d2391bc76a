"""Interviewer vault -> bundle on a "USB" folder -> stock `age` decrypts it -> HQ imports it;
split exports reassemble; a failing drive leaves nothing behind."""

from __future__ import annotations

import errno
import hashlib
import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest

from nam_desktop.core.exchange import export, hq_identity, hq_import, purge, receipt
from nam_desktop.core.exchange.bundle_format import BundleParser
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.repository import TestimonyRepository

from .conftest import SECRET_NAME, SECRET_NARRATIVE, Station, assert_failed_attempt, hq_counts

AGE = shutil.which("age")
needs_age = pytest.mark.skipif(AGE is None, reason="the stock `age` CLI is not installed")


def identity_file(station: Station) -> Path:
    path = station.tmp / "hq-identity.txt"
    path.write_text("\n".join(hq_identity.load_hq(station.hq).identities) + "\n")
    return path


class Collect:
    def __init__(self) -> None:
        self.bodies: dict[str, bytes] = {}

    def begin(self, entry: object) -> None:
        self._cur = b""

    def data(self, chunk: memoryview) -> None:
        self._cur += bytes(chunk)

    def end(self, entry: object) -> None:
        self.bodies[entry.id] = self._cur  # type: ignore[attr-defined]


@needs_age
def test_round_trip_with_the_stock_age_cli_as_oracle(
        station: Station, usb: Path, no_plaintext: Callable[[], None]) -> None:
    result = export.export_bundle(station.iv, usb)
    assert [p.parent for p in result.paths] == [usb]
    assert sorted(usb.iterdir()) == result.paths  # nothing else on the stick
    assert result.paths[0].name.endswith(".age") and len(result.paths[0].stem) == 16
    on_disk = result.paths[0].read_bytes()
    assert on_disk.startswith(b"age-encryption.org/v1\n")
    assert hashlib.sha256(on_disk).hexdigest() == result.file_sha256
    no_plaintext()

    # Oracle: the stock age CLI strips the outer layer; the output parses and verifies.
    plain = subprocess.run([AGE, "-d", "-i", str(identity_file(station)), str(result.paths[0])],
                           capture_output=True, check=True).stdout
    sink = Collect()
    parser = BundleParser(sink)
    parser.write(plain)
    header = parser.finish()
    assert parser.digest == result.digest
    assert header.device_public_key == station.iv.device.public_key
    assert {e.kind for e in header.entries} == {"testimony", "attachment", "media"}
    tid = station.ids[0]
    record = sink.bodies[f"testimony/{tid}/1"]
    assert SECRET_NARRATIVE.encode() in record and SECRET_NAME.encode() not in record
    att = AttachmentService(station.iv).list(tid)[0]
    cleaned = sink.bodies[f"media/{att.id}/cleaned"]
    assert hashlib.sha256(cleaned).hexdigest() == att.sha256_cleaned
    assert b"SecretCameraMaker" not in cleaned
    assert not any(k.endswith("/original") for k in sink.bodies)  # cleaned only by default

    # HQ imports it: the testimony is listed, its attachment readable, identity absent.
    imported = hq_import.import_bundle(station.hq, result.paths)
    assert imported.status is hq_import.ImportStatus.IMPORTED
    assert imported.testimonies == [tid] and imported.device_name == "Interviewer A"
    hq_repo = TestimonyRepository(station.hq)
    [summary] = hq_repo.list()
    assert (summary.id, summary.status, summary.attachment_count) == (tid, "final", 1)
    t = hq_repo.get(tid, include_identity=True)
    assert t.narrative == SECRET_NARRATIVE and t.identity.name == ""
    hq_att = AttachmentService(station.hq).get(att.id)
    with AttachmentService(station.hq).open(att.id) as reader:
        assert reader.read() == cleaned
    assert hq_att.original_media_id is None
    # The media record's hash (taken from the verified entry) matches what is stored.
    assert station.hq.media.record(hq_att.cleaned_media_id).sha256 == att.sha256_cleaned
    assert station.hq.media.verify_all() == []
    assert station.hq.check().ok
    assert export.export_states(station.iv)[tid] is export.ExportState.AWAITING_RECEIPT
    # Newest first: the number was committed ("started") before the bundle existed.
    event, started = station.iv.audit.entries(result.bundle_id)
    assert event.action == "exchange.export" and event.details["digest"] == result.digest
    assert started.action == "exchange.export_started" and started.seq < event.seq
    assert (started.details["seq"], started.details["digest"]) == (1, result.digest)
    assert station.hq.audit.entries(result.bundle_id)[0].action == "hq.import"
    no_plaintext()


def test_identity_and_originals_only_when_asked(station: Station, usb: Path) -> None:
    opts = export.ExportOptions(include_identity=True, include_originals=True)
    result = export.export_bundle(station.iv, usb, opts)
    hq_import.import_bundle(station.hq, result.paths)
    tid = station.ids[0]
    assert TestimonyRepository(station.hq).get(tid, include_identity=True).identity.name \
        == SECRET_NAME
    att = AttachmentService(station.iv).list(tid)[0]
    with AttachmentService(station.hq).open(att.id, original=True) as reader:
        assert hashlib.sha256(reader.read()).hexdigest() == att.sha256_original


@needs_age
def test_fat32_sized_split_export_reassembles(station: Station, usb: Path) -> None:
    result = export.export_bundle(station.iv, usb, export.ExportOptions(part_size=100_000))
    assert len(result.paths) > 2
    assert [p.name[-3:] for p in result.paths] == [f"{i:03d}" for i in
                                                   range(1, len(result.paths) + 1)]
    assert all(p.stat().st_size == 100_000 for p in result.paths[:-1])
    joined = b"".join(p.read_bytes() for p in result.paths)
    assert hashlib.sha256(joined).hexdigest() == result.file_sha256
    plain = subprocess.run([AGE, "-d", "-i", str(identity_file(station))], input=joined,
                           capture_output=True, check=True).stdout
    assert plain.startswith(b"NAMBUNDL")
    from nam_desktop.commands.exchange import expand_bundles

    assert expand_bundles([str(result.paths[0])]) == result.paths
    imported = hq_import.import_bundle(station.hq, result.paths)
    assert imported.testimonies == station.ids


class DyingDrive(io.RawIOBase):
    """A file on a stick that is pulled out once ``budget[0]`` bytes were written to it
    and the files before it."""

    def __init__(self, path: Path, budget: list[int]) -> None:
        self._fh = path.open("xb")
        self._budget = budget

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if len(data) > self._budget[0]:
            raise OSError(errno.EIO, "Input/output error")
        self._budget[0] -= len(data)
        return self._fh.write(data)

    def fileno(self) -> int:
        return self._fh.fileno()

    def flush(self) -> None:
        if not self._fh.closed:
            self._fh.flush()

    def close(self) -> None:
        self._fh.close()
        super().close()


@pytest.mark.parametrize(("limit", "part_size"), [(0, None), (500, None), (1500, 600),
                                                 (3000, None)])
def test_drive_removed_mid_write_leaves_no_file_and_vault_unchanged(
        station: Station, usb: Path, limit: int, part_size: int | None) -> None:
    head = station.iv.audit.head()
    budget = [limit]

    def opener(path: Path) -> BinaryIO:
        return DyingDrive(path, budget)  # type: ignore[return-value]

    with pytest.raises(ExchangeError) as exc:
        export.export_bundle(station.iv, usb, export.ExportOptions(part_size=part_size),
                             opener=opener)
    assert exc.value.reason is Reason.WRITE_FAILED
    assert list(usb.iterdir()) == []
    assert_failed_attempt(station.iv, head, 1)
    # The number is never used twice: the next bundle is no. 2 and tells HQ about no. 1.
    again = export.export_bundle(station.iv, usb)
    assert (again.seq, again.unfinished_reported) == (2, [1])
    imported = hq_import.import_bundle(station.hq, again.paths)
    assert imported.missing == (1, 1) and imported.unfinished == {1: "failed"}
    assert "the device reports unfinished exports: 1 failed" in imported.flags[0]


def test_cancel_leaves_nothing(station: Station, usb: Path) -> None:
    head = station.iv.audit.head()
    with pytest.raises(ExchangeError) as exc:
        export.export_bundle(station.iv, usb, cancelled=lambda: True)
    assert exc.value.reason is Reason.CANCELLED
    assert list(usb.iterdir()) == []
    assert_failed_attempt(station.iv, head, 1, "cancelled", "cancelled")


def test_progress_reaches_the_total(station: Station, usb: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = export.export_bundle(station.iv, usb,
                                  progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    seen.clear()
    hq_import.import_bundle(station.hq, result.paths, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (result.size, result.size)


def test_receipt_marks_delivered_and_purge_shreds_only_what_hq_holds(
        station: Station, usb: Path) -> None:
    tid = station.ids[0]
    hq_import.import_bundle(station.hq, export.export_bundle(station.iv, usb).paths)
    data = receipt.issue_receipt(station.hq, station.iv.device.fingerprint)
    result = receipt.apply_receipt(station.iv, data)
    assert result.delivered == [tid] and len(result.acknowledged_bundles) == 1
    assert station.repo.get(tid).status == "delivered"
    assert export.export_states(station.iv)[tid] is export.ExportState.DELIVERED
    assert receipt.apply_receipt(station.iv, data).delivered == []  # idempotent
    att = AttachmentService(station.iv).list(tid)[0]
    # The default export sent the cleaned copy only: HQ holds it, not the original.
    destroyed = purge.purge(station.iv, purge.plan(station.iv))
    assert [(f.variant, f.sha256) for f in destroyed] == [("cleaned", att.sha256_cleaned)]
    after = AttachmentService(station.iv).get(att.id)
    assert after.cleaned_media_id is None
    assert after.original_media_id == att.original_media_id
    assert [p.name for p in station.iv.media.folder.iterdir()] == [
        f"{att.original_media_id}.nam"]
    assert station.iv.check().ok


def test_forged_or_foreign_receipt_is_refused(station: Station, usb: Path,
                                              tmp_path: Path) -> None:
    hq_import.import_bundle(station.hq, export.export_bundle(station.iv, usb).paths)
    data = bytearray(receipt.issue_receipt(station.hq, station.iv.device.fingerprint))
    forged = bytes(data).replace(b'"seq": 1', b'"seq": 2')
    with pytest.raises(ExchangeError) as exc:
        receipt.apply_receipt(station.iv, forged)
    assert exc.value.reason is Reason.RECEIPT_INVALID
    assert station.repo.get(station.ids[0]).status == "final"


@needs_age
def test_the_documented_minimal_reader_reads_a_real_bundle(station: Station, usb: Path) -> None:
    """docs/bundle-format.md section 4: the ten-years-from-now reader works as written."""
    doc = (Path(__file__).resolve().parents[3] / "docs" / "bundle-format.md").read_text()
    code = doc.split("A minimal reader")[1].split("```python\n")[1].split("```")[0]
    assert 'open("inner.bin", "rb").read()' in code
    [path] = export.export_bundle(station.iv, usb).paths
    plain = subprocess.run([AGE, "-d", "-i", str(identity_file(station)), str(path)],
                           capture_output=True, check=True).stdout
    code = code.replace('open("inner.bin", "rb").read()', "PLAIN")
    exec(compile(code, "bundle-format.md", "exec"), {"PLAIN": plain})  # noqa: S102  # our doc
    with pytest.raises(AssertionError):
        tampered = bytearray(plain)
        tampered[-20] ^= 1
        exec(compile(code, "bundle-format.md", "exec"), {"PLAIN": bytes(tampered)})  # noqa: S102


def test_rotation_old_recipient_still_imports(station: Station, usb: Path) -> None:
    """A bundle made with the old key card still imports after HQ rotated (and retired)."""
    old = export.export_bundle(station.iv, usb)
    hq_identity.rotate_recipient(station.hq, retire_old=True)
    from nam_desktop.core.exchange import keycard

    card = keycard.pin_keycard(station.iv, keycard.issue_keycard(station.hq))
    assert len(card.recipients) == 1  # the retired recipient is no longer offered
    assert hq_import.import_bundle(station.hq, old.paths).testimonies == station.ids
    new = export.export_bundle(station.iv, usb)
    assert hq_import.import_bundle(station.hq, new.paths).seq == 2


def test_cancelled_import_keeps_nothing(station: Station, usb: Path) -> None:
    paths = export.export_bundle(station.iv, usb).paths
    before = hq_counts(station.hq)
    with pytest.raises(ExchangeError) as exc:
        hq_import.import_bundle(station.hq, paths, cancelled=lambda: True)
    assert exc.value.reason is Reason.CANCELLED
    assert hq_counts(station.hq) == before
    assert list(station.hq.media.folder.iterdir()) == []
