"""Clearing the player while it is still opening a recording must not block (lock right
after choosing an audio file hung the app with setSourceDevice(None))."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.corpus

SCRIPT = textwrap.dedent("""
    import sys
    import nam_desktop.gui
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from nam_desktop.gui.widgets.media_preview import MediaPlayerWidget
    player = MediaPlayerWidget()
    data = open(sys.argv[1], "rb").read()
    for i in range(10):
        player.load(data, "recording.mp3")
        if i % 2:
            app.processEvents()
        player.clear()  # at once: the media is still loading
    assert player.player.sourceDevice() is None
    print("cleared")
""")


def test_clearing_while_the_media_loads_returns(corpus: Path) -> None:
    mp3 = corpus / "mat2-tests-data" / "dirty.mp3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        done = subprocess.run([sys.executable, "-c", SCRIPT, str(mp3)], env=env, text=True,
                              capture_output=True, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("clearing the player blocked (setSourceDevice(None) while loading?)")
    assert done.returncode == 0, done.stderr[-1500:]
    assert done.stdout.strip() == "cleared"
