"""Export to a "USB" folder and HQ import open every file with O_BINARY (a fake bit on
Linux): on Windows a text-mode descriptor would turn each 0x0A of the ciphertext into
0x0D 0x0A, and the imported media would no longer decrypt (review B2)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from nam_desktop.core.exchange import export, hq_import
from nam_desktop.core.model.attachments import AttachmentService

from .conftest import Station


def test_export_and_hq_import_open_every_file_in_binary_mode(
        station: Station, usb: Path, o_binary_spy: object) -> None:
    spy = o_binary_spy
    result = export.export_bundle(station.iv, usb, export.ExportOptions())
    written = {Path(p).parent for p in spy.paths()}  # type: ignore[attr-defined]
    assert usb in written
    spy.reset()  # type: ignore[attr-defined]
    hq_import.import_bundle(station.hq, result.paths)
    media = station.hq.media.folder
    assert any(Path(p).parent == media for p in spy.paths())  # type: ignore[attr-defined]
    assert spy.without_bit() == []  # type: ignore[attr-defined]
    att = AttachmentService(station.iv).list(station.ids[0])[0]
    with AttachmentService(station.hq).open(att.id) as reader:  # decrypts, authenticated
        assert hashlib.sha256(reader.read()).hexdigest() == att.sha256_cleaned
