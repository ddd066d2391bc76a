"""Python's cyclic garbage collector runs on the GUI thread only.

Python starts a collection on whichever thread happens to allocate when a generation's
count crosses its threshold. In this app that is often a pool thread: ``Vault.open`` and
``Vault.create``, an import, an export allocate a lot. Qt objects owned by their Python
wrappers (windows, dialogs, tasks) are often part of reference cycles (a widget holds a
child, the child's wrapper holds its parent, a bound method holds the widget...), so
the collector is what destroys them, and Qt objects may only be destroyed on the thread
they live on. Measured before this module existed: a main window left to the collector
was destroyed from a pool thread (``QWidget::~QWidget`` -> ``QWindow::close`` on that
thread: a crash or a hang while the GUI thread handled events); the GUI tests segfaulted
now and then while a pool thread ran ``Vault.open``.

:class:`GuiGarbageCollector` turns automatic collection off and collects from a timer on
the GUI thread instead, with the same thresholds and generations Python would use, so
memory behaves as before and the destructors run where Qt needs them. (The pattern is
old: pyqtgraph and others do the same for the same reason.) Code below ``gui/`` never
calls ``gc.collect()`` on a pool thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Slot

CHECK_INTERVAL_MS = 100


class GuiGarbageCollector(QObject):
    """Install on the GUI thread once the QApplication exists; uninstall at exit."""

    def __init__(self, parent: QObject | None = None,
                 interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._restore = False  # automatic collection was on at install
        self.installed = False

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            raise RuntimeError("the garbage collector must be installed on the GUI thread")
        self._threshold = gc.get_threshold()
        self._restore = gc.isenabled()  # nested installs (tests) undo in reverse order
        gc.disable()
        self._timer.start()
        self.installed = True

    def uninstall(self) -> None:
        self._timer.stop()
        if self.installed and self._restore:
            gc.enable()
        self.installed = False

    @Slot()
    def check(self) -> int:
        """Collect the generation Python would have collected by now; returns it, or -1."""
        count0, count1, count2 = gc.get_count()
        limit0, limit1, limit2 = self._threshold
        if limit0 <= 0 or count0 <= limit0:
            return -1
        generation = 0
        if count1 > limit1:
            generation = 2 if count2 > limit2 else 1
        gc.collect(generation)
        return generation
