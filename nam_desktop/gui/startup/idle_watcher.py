"""The one app-wide input filter: any key, mouse or touch event restarts the countdown to
auto-lock, and a key press is shown to the panic keys (``gui/startup/panic.py``).

Every event to every object in the app crosses into Python through an app-wide filter
(about 17,000 while the interviewer's window is built), so there is one filter, not one per
concern. Its first test is ``isinstance(event, QInputEvent)``: PySide hands every event over
as its own class, and asking ``event.type()`` of all of them (a Python enum made per call)
cost more than the rest of the filter.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QInputEvent

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
})


class KeyTaker(Protocol):
    def take(self, event: QEvent) -> bool:
        """True when the key press was handled and must go no further."""


class IdleWatcher(QObject):
    """Install on the QApplication; emits ``idle_elapsed`` after ``seconds`` without input.

    ``keys`` (the panic keys) sees every key press first and may take it.
    """

    idle_elapsed = Signal()

    def __init__(self, seconds: int, parent: QObject | None = None,
                 keys: KeyTaker | None = None) -> None:
        super().__init__(parent)
        self._keys = keys
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle_elapsed)
        self.set_seconds(seconds)

    def set_seconds(self, seconds: float) -> None:
        self.timer.setInterval(int(max(0.05, seconds) * 1000))
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if not isinstance(event, QInputEvent):  # cheap: most events are not input
            return False
        kind = event.type()
        if kind not in INPUT_EVENTS:
            return False
        if kind == QEvent.Type.KeyPress and self._keys is not None \
                and self._keys.take(event):
            return True
        if self.timer.isActive():
            self.timer.start()
        return False
