"""Fixtures of the HQ GUI tests: an interviewer and an HQ vault (``station``) and the HQ
window over the HQ vault, torn down with its players and workers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from nam_desktop.gui.hq.hq_window import HqWindow
from nam_desktop.gui.widgets.context import AppContext

from .test_hq_window import Station


@pytest.fixture
def hq_window(qtbot: QtBot, ctx: AppContext, station: Station) -> Iterator[HqWindow]:
    w = HqWindow(ctx, station.hq)
    qtbot.addWidget(w)
    w.show()
    yield w
    ctx.runner.wait()
    w.wipe()  # stops playback and drops decrypted bytes
    w.close()
    shiboken6.delete(w)
