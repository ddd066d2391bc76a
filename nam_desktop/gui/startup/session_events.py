"""Lock when the platform says the screen locks or the machine suspends.

:meth:`SessionEvents.connect_platform` connects what the OS offers:

* Linux: D-Bus, logind's ``PrepareForSleep`` and session ``Lock``, and the
  freedesktop/GNOME screensaver ``ActiveChanged`` (:meth:`SessionEvents.connect_bus`);
* Windows: session lock/switch and suspend messages (``session_native.py``);
* macOS: the screen-lock notification and IOKit's will-sleep (``session_native.py``);
* everywhere: a wall-clock/monotonic gap after sleep, when the above were missed.

Best effort: what cannot be connected is logged, and the idle timer and Ctrl+L remain.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from nam_desktop.gui.startup.session_native import (
    MacSessionWatcher,
    SleepGapWatcher,
    connect_windows,
)

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
        self._keep: list[object] = []  # native filters and watchers stay alive with us
        self.gap_watcher = SleepGapWatcher(self._request_lock, self)

    def connect_platform(self, app: Any, platform: str = sys.platform, *,
                         native: Any = None) -> int:
        """Connect this OS's lock and sleep notifications and the clock-gap fallback;
        returns how many native subscriptions succeeded. ``native``: the OS library
        objects (tests give fakes)."""
        try:
            if platform == "win32":
                count, keep = connect_windows(app, self._request_lock, native)
                self.connected += count
                self._keep += keep
            elif platform == "darwin":
                cf, iokit = native if native is not None else (None, None)
                watcher = MacSessionWatcher(self._request_lock, cf, iokit)
                self.connected += watcher.connect()
                self._keep.append(watcher)
            else:
                self.connect_bus()
        except (OSError, AttributeError, ValueError):  # a library or symbol missing
            log.warning("screen-lock and sleep notifications unavailable on this system")
        self.gap_watcher.start()
        return self.connected

    def _request_lock(self) -> None:
        self.lock_requested.emit()

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
