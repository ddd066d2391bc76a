"""Attachments panel: many files in a worker, reports with identifying items, previews."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import TestimonyDraft
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.widgets.context import AppContext

pytestmark = pytest.mark.corpus


@pytest.fixture
def files(corpus: Path, tmp_path: Path) -> list[Path]:
    out = []
    for rel in ("exif-samples/jpg/gps/DSCN0010.jpg", "mat2-tests-data/dirty.pdf",
                "mat2-tests-data/dirty.png", "mat2-tests-data/dirty.mp3"):
        src = corpus / rel
        if not src.exists():
            pytest.skip(f"corpus file missing: {rel}")
        dst = tmp_path / "in" / src.name
        dst.parent.mkdir(exist_ok=True)
        shutil.copy(src, dst)
        out.append(dst)
    return out


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
    w.wipe()  # stops playback and drops decrypted bytes
    w.close()
    shiboken6.delete(w)  # destroy the media player now, not in some later test's GC


def test_attach_many_files_shows_reports_hashes_and_preview(
        qtbot: QtBot, ctx: AppContext, window: MainWindow, files: list[Path]) -> None:
    panel = window.editor.attachments
    ctx.dialogs.script(files)
    with qtbot.waitSignal(panel.attach_finished, timeout=60000) as done:
        panel.add_button.click()
        assert panel.progress.isVisible() and panel.cancel_button.isVisible()
    assert done.args == [4, 0]
    assert panel.table.rowCount() == 4
    assert not panel.progress.isVisible()
    names = [panel.table.item(r, 0).text() for r in range(4)]
    assert sorted(names) == ["DSCN0010.jpg", "dirty.mp3", "dirty.pdf", "dirty.png"]
    with qtbot.waitSignal(panel.preview_shown, timeout=10000):
        panel.select(names.index("DSCN0010.jpg"))  # the GPS photo
    before = panel.report.topLevelItem(0)
    flagged = [before.child(i) for i in range(before.childCount())
               if before.child(i).data(0, Qt.ItemDataRole.UserRole) == "identifying"]
    assert any("GPS" in item.text(0) or "GPS" in item.text(3) for item in flagged)
    assert flagged[0].font(0).bold()
    after = panel.report.topLevelItem(1)
    assert all(after.child(i).data(0, Qt.ItemDataRole.UserRole) != "identifying"
               for i in range(after.childCount()))
    att = next(a for a in window.attachment_service.list(window.editor.testimony_id)
               if a.filename == "DSCN0010.jpg")
    assert att.sha256_original in panel.hashes.text()
    assert panel.preview.pixmap() is not None and not panel.preview.pixmap().isNull()
    with qtbot.waitSignal(panel.preview_shown, timeout=10000):
        panel.select(names.index("dirty.pdf"))  # the PDF: first page rendered in memory
    assert not panel.preview.pixmap().isNull()
    assert panel.preview_stack.currentWidget() is panel.preview
    with qtbot.waitSignal(panel.preview_shown, timeout=10000):
        panel.select(names.index("dirty.mp3"))  # audio: played from memory
    assert panel.player is not None
    assert panel.preview_stack.currentWidget() is panel.player
    assert panel.player.player.sourceDevice() is not None
    assert window.model.summary(0).attachment_count == 4


def test_drop_adds_files_and_cancel_stops(qtbot: QtBot, ctx: AppContext, window: MainWindow,
                                          gui_vault: Vault, files: list[Path],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    panel = window.editor.attachments
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files[:1]])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.attach_finished, timeout=60000) as done:
        panel.dropEvent(event)
    assert done.args == [1, 0]
    stored = sorted(p.name for p in (gui_vault.folder / "media").iterdir())
    attach = AttachmentService.attach
    calls: list[str] = []

    def held_until_cancelled(self: AttachmentService, testimony_id: str, src: object,
                             filename: str, **kwargs: Any) -> Any:
        # The first file is held until Cancel has been pressed, and Cancel is pressed once
        # the first file is under way: no race between the worker and the click.
        calls.append(filename)
        cancelled = kwargs["cancelled"]
        for _ in range(1000):
            if cancelled():
                break
            time.sleep(0.01)
        return attach(self, testimony_id, src, filename, **kwargs)

    monkeypatch.setattr(AttachmentService, "attach", held_until_cancelled)
    with qtbot.waitSignal(panel.attach_finished, timeout=60000) as done:
        panel.attach_paths(files)
        qtbot.waitUntil(lambda: calls != [], timeout=10000)
        panel.cancel()
    assert calls == [files[0].name]  # the other three were never started
    assert done.args == [0, 1]  # the one under way was stopped, not stored
    assert panel.table.rowCount() == 1
    assert sorted(p.name for p in (gui_vault.folder / "media").iterdir()) == stored
    assert ctx.prompter.shown[-1].kind == "warn"  # "Some files were not added"


def test_previews_and_playback_leave_no_temp_files(
        qtbot: QtBot, ctx: AppContext, window: MainWindow, files: list[Path],
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spool = tmp_path / "tmpdir"
    spool.mkdir()
    monkeypatch.setenv("TMPDIR", str(spool))
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    assert tempfile.gettempdir() == str(spool)
    panel = window.editor.attachments
    with qtbot.waitSignal(panel.attach_finished, timeout=60000):
        panel.attach_paths(files)
    names = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    shown = []
    # The MP3 last: the list follows the order in which the files were stored, which the
    # worker pool decides (a JPEG chosen after it cleared the player: it stayed unloaded).
    for name in sorted(names, key=lambda n: n.endswith(".mp3")):  # each previewed or loaded
        with qtbot.waitSignal(panel.preview_shown, timeout=10000) as preview:
            panel.select(names.index(name))
        shown.append(preview.args[0])
    assert len(set(shown)) == len(names) == 4
    player = panel.player
    assert player is not None  # the MP3 was the last one selected
    loaded = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia)

    def decoded() -> None:  # the decoder runs on its own thread: slow on a loaded machine
        assert player.player.mediaStatus() in loaded, player.player.mediaStatus()
    qtbot.waitUntil(decoded, timeout=60000)
    player.player.play()
    qtbot.waitUntil(
        lambda: player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState,
        timeout=60000)
    player.clear()
    assert list(spool.iterdir()) == []
