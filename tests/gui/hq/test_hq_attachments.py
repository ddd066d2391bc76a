"""HQ sees the files that came with an imported testimony: listed with the metadata result
and hashes, previewed from the cleaned version in memory, never added to or removed, and
gone from the widgets when the vault locks."""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import Consent, Interview, TestimonyDraft, Witness
from nam_desktop.gui.hq.hq_window import TESTIMONIES_TAB, HqWindow
from nam_desktop.gui.interviewer.attachments_panel import AttachmentsPanel
from nam_desktop.gui.widgets.context import AppContext

from . import test_hq_window
from .test_hq_window import Station, register, run_import, shown_text

station = test_hq_window.station  # the shared fixture: an interviewer vault and an HQ vault


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, station: Station) -> Iterator[HqWindow]:
    w = HqWindow(ctx, station.hq)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.import_panel.cancel()
    ctx.runner.wait()
    w.wipe()  # stops playback and drops decrypted bytes
    w.close()
    shiboken6.delete(w)  # destroy a media player now, not in some later test's GC


def png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (20, 10), (30, 90, 160)).save(buf, "PNG")
    return buf.getvalue()


def add_second(station: Station) -> str:
    draft = TestimonyDraft(
        title="Searched at the border", interview=Interview(date="2025-04-02"),
        consent=Consent(hq_documentation=True, method="oral", given_date="2025-04-02"),
        witness=Witness(pseudonym="Heron"), narrative="Phone taken at the crossing")
    tid = station.repo.add(draft)
    AttachmentService(station.iv).attach(tid, io.BytesIO(png()), "map.png")
    station.repo.finalize(tid)
    return tid


def imported(qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station) -> None:
    register(station)
    run_import(qtbot, ctx, window, station.export())
    window.tabs.setCurrentIndex(TESTIMONIES_TAB)


def open_at(qtbot: QtBot, window: HqWindow, tid: str) -> AttachmentsPanel:
    panel = window.viewer.attachments
    with qtbot.waitSignal(panel.preview_shown, timeout=10000):
        window.open_testimony(tid)  # the first file is selected and previewed
    return panel


def file_mime(path: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def test_hq_lists_and_previews_the_cleaned_photo_in_memory(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    spool = tmp_path / "tmpdir"
    spool.mkdir()
    monkeypatch.setenv("TMPDIR", str(spool))
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    opened: list[bool] = []
    real_open = AttachmentService.open

    def spy(self: AttachmentService, attachment_id: str, *, original: bool = False) -> Any:
        opened.append(original)
        return real_open(self, attachment_id, original=original)

    monkeypatch.setattr(AttachmentService, "open", spy)
    imported(qtbot, ctx, window, station)
    [att] = AttachmentService(station.hq).list(station.tid)
    assert att.cleaned_media_id is not None and att.clean_status == "clean"

    panel = open_at(qtbot, window, station.tid)
    viewer = window.viewer
    assert viewer.tabs.tabText(0) == "Testimony"
    assert viewer.tabs.tabText(1) == "Attachments (1)"
    assert panel.table.rowCount() == 1
    assert [panel.table.item(0, c).text() for c in (0, 1)] == ["photo.jpg",
                                                               "removed, verified"]
    viewer.tabs.setCurrentWidget(panel)
    panel.details.setCurrentIndex(1)
    pixmap = panel.preview.pixmap()
    assert pixmap is not None and not pixmap.isNull()
    assert (pixmap.width(), pixmap.height()) == (480, 360)  # the 16×12 photo, scaled
    assert opened == [False]  # the cleaned version, never the original
    # the metadata result and the hashes; the item-by-item report was not sent
    assert panel.status_label.text().startswith("Metadata: removed, verified")
    assert "report stayed on the interviewer's device" in panel.status_label.text()
    assert att.sha256_cleaned in panel.hashes.text()
    assert att.sha256_original in panel.hashes.text()
    titles = [panel.report.topLevelItem(i).text(0)
              for i in range(panel.report.topLevelItemCount())]
    assert "Notes" in titles
    assert list(spool.iterdir()) == []  # decoded in memory: no temporary file


def test_hq_cannot_add_or_remove_files(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station,
        tmp_path: Path) -> None:
    imported(qtbot, ctx, window, station)
    panel = open_at(qtbot, window, station.tid)
    window.viewer.tabs.setCurrentWidget(panel)
    assert panel.read_only and not panel.acceptDrops()
    visible = [b.text() for b in panel.findChildren(QPushButton) if b.isVisibleTo(window)]
    assert "Add files…" not in visible and "Remove" not in visible
    assert not panel.add_button.isVisibleTo(window)
    assert not panel.remove_button.isEnabled()

    outside = tmp_path / "outside.png"
    outside.write_bytes(png())
    mime = file_mime(outside)  # kept alive: the event only points to it
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.assertNotEmitted(panel.attach_finished, wait=200):
        panel.dropEvent(event)
        panel.attach_paths([outside])
        panel.remove_button.click()
    assert not event.isAccepted()
    ctx.runner.wait()
    assert [a.filename for a in AttachmentService(station.hq).list(station.tid)] == \
        ["photo.jpg"]
    assert panel.table.rowCount() == 1


def test_switching_testimonies_loads_their_files(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station) -> None:
    other = add_second(station)
    imported(qtbot, ctx, window, station)
    panel = open_at(qtbot, window, station.tid)
    assert panel.table.item(0, 0).text() == "photo.jpg"
    panel = open_at(qtbot, window, other)
    assert panel.table.rowCount() == 1 and panel.table.item(0, 0).text() == "map.png"
    [att] = AttachmentService(station.hq).list(other)
    assert att.sha256_original in panel.hashes.text()
    assert (panel.preview.pixmap().width(), panel.preview.pixmap().height()) == (480, 240)
    # the same testimony opened again (a refresh after an import): the preview stays
    window.refresh()
    assert panel.table.rowCount() == 1 and not panel.preview.pixmap().isNull()


def test_wipe_empties_the_attachments_panel(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station) -> None:
    imported(qtbot, ctx, window, station)
    panel = open_at(qtbot, window, station.tid)
    [att] = AttachmentService(station.hq).list(station.tid)
    assert att.sha256_cleaned in shown_text(window)
    window.wipe()  # what the controller does before closing the vault
    assert panel.table.rowCount() == 0 and panel.count == 0
    assert panel.preview.pixmap().isNull() and panel.preview.text() == ""
    assert panel.report.topLevelItemCount() == 0
    assert panel.hashes.text() == "" and panel.status_label.text() == ""
    assert window.viewer.tabs.tabText(1) == "Attachments"
    text = shown_text(window)
    assert att.sha256_cleaned not in text and "photo.jpg" not in text


@pytest.mark.corpus
def test_hq_plays_an_attached_recording_from_memory(
        qtbot: QtBot, ctx: AppContext, window: HqWindow, station: Station,
        corpus: Path, tmp_path: Path) -> None:
    src = corpus / "mat2-tests-data" / "dirty.mp3"
    if not src.exists():
        pytest.skip("corpus file missing: dirty.mp3")
    mp3 = tmp_path / "voice.mp3"
    shutil.copy(src, mp3)
    AttachmentService(station.iv).attach_file(station.tid, mp3)
    imported(qtbot, ctx, window, station)
    panel = open_at(qtbot, window, station.tid)
    names = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    if panel.table.currentRow() != names.index("voice.mp3"):  # same second: any order
        with qtbot.waitSignal(panel.preview_shown, timeout=10000):
            panel.select(names.index("voice.mp3"))
    assert panel.player is not None
    assert panel.preview_stack.currentWidget() is panel.player
    assert panel.player.player.sourceDevice() is not None
    from PySide6.QtMultimedia import QMediaPlayer

    # Clearing while the decoder still opens the media can hang (the same for the
    # interviewer's panel): let it finish loading first.
    qtbot.waitUntil(lambda: panel.player is not None and panel.player.player.mediaStatus()
                    == QMediaPlayer.MediaStatus.LoadedMedia, timeout=10000)
    window.wipe()
    assert panel.player.player.sourceDevice() is None
