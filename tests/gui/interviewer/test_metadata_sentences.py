"""The metadata report leads with a plain sentence per risk, in the user's language; the
technical table (tag names, raw values) is one click away."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PIL import Image
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import TestimonyDraft
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.attachments_panel import AttachmentsPanel
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.widgets.context import AppContext


def photo() -> bytes:
    """A JPEG with a position near Minsk, a camera serial number, an author and a turn."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "PhoneMaker", "Model X"  # Make, Model
    exif[0x013B] = "Ivan Petrou"  # Artist
    exif[0x0112] = 6  # Orientation: turned
    exif.get_ifd(0x8769)[0xA431] = "ABC123"  # BodySerialNumber
    exif[0x8825] = {1: "N", 2: (53.0, 53.0, 0.0), 3: "E", 4: (27.0, 33.6, 0.0)}
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 90, 90)).save(out, "JPEG", exif=exif)
    return out.getvalue()


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, gui_vault: Vault) -> Iterator[MainWindow]:
    w = MainWindow(ctx, gui_vault)
    qtbot.addWidget(w)
    w.show()
    tid = w.repo.add(TestimonyDraft(title="With files"))
    w.refresh()
    w.open_testimony(tid)
    w.editor.set_section(6)
    yield w
    ctx.runner.wait()
    w.wipe()
    w.close()
    shiboken6.delete(w)


def _attach(window: MainWindow, data: bytes, name: str) -> AttachmentsPanel:
    AttachmentService(window.vault).attach(window.editor.testimony_id, io.BytesIO(data), name)
    panel = window.editor.attachments
    panel.load(window.editor.testimony_id)
    panel.select(panel.count - 1)
    return panel


def test_a_plain_sentence_per_risk_then_what_was_kept(window: MainWindow) -> None:
    panel = _attach(window, photo(), "photo.jpg")
    text = panel.plain.text()
    for sentence in ("Location 53.8833° N, 27.5600° E — removed",
                     "Camera serial number ABC123 — removed",
                     "Author &#x201c;Ivan Petrou&#x201d; — removed",
                     "Camera PhoneMaker Model X — removed",
                     "Kept: the picture, its orientation",
                     "The content itself was not changed"):
        assert sentence in text.replace("“", "&#x201c;").replace("”", "&#x201d;"), sentence
    assert "GPSIFD" not in text and "Tag0x" not in text and "bytes&gt;" not in text
    assert text.index("Location") < text.index("Kept:")
    # The technical table is one click away, with every note whole.
    assert not panel.report.isVisibleTo(window)
    panel.details_button.click()
    assert panel.report.isVisibleTo(window)
    names = {panel.report.topLevelItem(2).child(i).text(0)
             for i in range(panel.report.topLevelItem(2).childCount())}
    assert {"GPSLatitude", "Artist"} <= names
    notes = panel.report.topLevelItem(3)
    assert notes.child(0).isFirstColumnSpanned()
    assert panel.table.item(panel.count - 1, 2).text() == "JPEG"


def test_the_sentences_follow_the_language(ctx: AppContext, window: MainWindow) -> None:
    panel = _attach(window, photo(), "photo.jpg")
    assert ctx.translations.switch("be")
    panel.select(0)
    panel._on_current_cell_changed(0)
    text = panel.plain.text()
    assert "53.8833° N, 27.5600° E" in text and "ABC123" in text
    assert "Location" not in text and "removed" not in text
    assert "выдалена" in text or "выдалены" in text  # removed, in Belarusian
    assert ctx.translations.switch("ru")
    panel._on_current_cell_changed(0)
    assert "удален" in panel.plain.text() and "Location" not in panel.plain.text()


def test_a_file_that_is_not_checked_says_so_in_words(window: MainWindow, corpus: Path) -> None:
    panel = _attach(window, (corpus / "exiftool-t-images/Photoshop.psd").read_bytes(),
                    "layers.psd")
    text = panel.plain.text()
    assert "This type of file is not checked" in text
    assert "format not ch" not in text  # the cleaner's own words stay in the table
    panel = _attach(window, b"\x00\x01 not a known format \xff" * 20, "blob.bin")
    types = {panel.table.item(r, 0).text(): panel.table.item(r, 2).text()
             for r in range(panel.count)}
    assert types == {"layers.psd": "PSD", "blob.bin": "unknown type"}
