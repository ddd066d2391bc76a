"""Lock when the platform says the screen locks or the machine suspends (Linux, D-Bus).

Best effort: with no D-Bus (Windows, macOS, a container) nothing is connected and the idle
timer and Ctrl+L remain. Listens to logind's ``PrepareForSleep`` and session ``Lock``, and
to the freedesktop/GNOME screensaver ``ActiveChanged``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger("nam_desktop.gui")

_SYSTEM = (
    ("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
     "PrepareForSleep", "_on_bool_signal(bool)"),
    ("org.freedesktop.login1", "/org/freedesktop/login1/session/auto",
     "org.freedesktop.login1.Session", "Lock", "_on_lock_signal()"),
)
_SESSION = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
     "org.freedesktop.ScreenSaver", "ActiveChanged", "_on_bool_signal(bool)"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
     "ActiveChanged", "_on_bool_signal(bool)"),
)


class SessionEvents(QObject):
    lock_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connected = 0

    def connect_bus(self) -> int:
        """Subscribe to the signals; returns how many subscriptions succeeded."""
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # QtDBus not built for this platform
            return 0
        for bus, specs in ((QDBusConnection.systemBus(), _SYSTEM),
                           (QDBusConnection.sessionBus(), _SESSION)):
            if not bus.isConnected():
                continue
            for service, path, interface, name, slot in specs:
                if bus.connect(service, path, interface, name, self, f"1{slot}"):
                    self.connected += 1
        log.info("listening to %d screen-lock/suspend signals", self.connected)
        return self.connected

    @Slot(bool)
    def _on_bool_signal(self, active: bool) -> None:
        if active:
            self.lock_requested.emit()

    @Slot()
    def _on_lock_signal(self) -> None:
        self.lock_requested.emit()
