"""The GUI thread stays responsive while a large file is imported in a worker."""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.records import TestimonyDraft
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.widgets.context import AppContext

MAX_GAP_S = 0.1  # the limit for the GUI thread


@pytest.mark.slow
def test_gui_thread_never_blocks_during_a_large_import(qtbot: QtBot, ctx: AppContext,
                                                       gui_vault: Vault, tmp_path: Path) -> None:
    big = tmp_path / "recording.bin"
    with big.open("wb") as fh:
        for _ in range(128):  # ingest runs near 1 GB/s: enough for several progress steps
            fh.write(os.urandom(1 << 20))
    window = MainWindow(ctx, gui_vault)
    qtbot.addWidget(window)
    window.show()
    tid = window.repo.add(TestimonyDraft(title="Big file"))
    window.refresh()
    window.open_testimony(tid)
    panel = window.editor.attachments
    gc.collect()  # earlier tests' widgets: a collection pause is not what we measure
    gaps: list[float] = []
    last = [time.monotonic()]

    def tick() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    watchdog = QTimer()
    watchdog.setInterval(10)
    watchdog.timeout.connect(tick)
    watchdog.start()
    progress: list[int] = []
    panel.progress.valueChanged.connect(progress.append)
    marks: dict[str, int] = {}
    panel.attach_finished.connect(lambda *_: marks.setdefault("finished", len(gaps)))
    panel.progress.valueChanged.connect(lambda v: marks.setdefault(f"p{v // 100}", len(gaps)))
    with qtbot.waitSignal(panel.attach_finished, timeout=60000) as done:
        last[0] = time.monotonic()
        panel.attach_paths([big])
    watchdog.stop()
    assert done.args == [1, 0]
    assert len(gaps) > 10
    worst = max(range(len(gaps)), key=gaps.__getitem__)
    ranked = sorted(gaps)
    where = f"tick {worst} of {len(gaps)}, marks {marks}"
    # One outlier is tolerated (the test machine is shared); a real block repeats or is long.
    assert ranked[-2] < MAX_GAP_S, f"GUI thread blocked twice over 100 ms: {where}"
    assert ranked[-1] < 3 * MAX_GAP_S, f"GUI thread blocked {ranked[-1] * 1000:.0f} ms: {where}"
    # Progress reached the bar more than once, growing (at most 20 signals a second, so a
    # fast ingest shows a few steps, not necessarily past the middle).
    steps = [v for v in progress if v > 0]
    assert len(steps) >= 2 and steps == sorted(steps), progress
