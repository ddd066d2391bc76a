"""PySide6 6.12 loses references to True/None (Signal.emit, QTimer, QLocale.setDefault);
on Python 3.11 the GUI package pins them, so a long session cannot crash on it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from nam_desktop.gui.widgets.refcount_guard import PIN, pin_singletons

SESSION = textwrap.dedent("""
    import nam_desktop.gui  # pins, as the app does
    from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal
    app = QCoreApplication([])
    class Worker(QObject):
        progress = Signal(int)
    worker = Worker()
    seen = []
    worker.progress.connect(seen.append)
    for i in range(200_000):  # a 200 GB export's progress, one signal per MiB
        worker.progress.emit(i)
    timer = QTimer()
    for _ in range(50_000):
        timer.start(1000)
        timer.stop()
    for _ in range(20_000):
        QLocale.setDefault(QLocale("be_BY"))
    assert len(seen) == 200_000
    print("survived")
""")


def test_a_long_session_of_signals_and_timers_does_not_crash_the_interpreter() -> None:
    done = subprocess.run([sys.executable, "-c", SESSION], capture_output=True, text=True,
                          timeout=300, check=False,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "",
                               # Windows: Python cannot start without SYSTEMROOT
                               **{k: os.environ[k] for k in ("SYSTEMROOT",)
                                  if k in os.environ}})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"  # and not "Fatal Python error: bool_dealloc"


IMMORTAL = pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="Python 3.12+ makes None/True/False immortal (PEP 683): nothing to pin or lose")


@IMMORTAL
@pytest.mark.may_skip_in_ci("depends on the Python version of the CI image")
def test_the_singletons_are_pinned_where_python_does_not_make_them_immortal() -> None:
    assert pin_singletons() is True  # idempotent: already pinned by the import
    for obj in (None, True, False):
        assert PIN < sys.getrefcount(obj) < 2 * PIN  # pinned once, not twice
