"""Screen lock and sleep on Windows and macOS, and a clock-gap fallback everywhere.

Used by :class:`~nam_desktop.gui.startup.session_events.SessionEvents` (Linux listens on D-Bus):

* **Windows**: a ``QAbstractNativeEventFilter`` sees ``WM_WTSSESSION_CHANGE`` (the session
  is locked or switched away; asked for with ``WTSRegisterSessionNotification`` on a
  hidden native window) and ``WM_POWERBROADCAST`` / ``PBT_APMSUSPEND`` (sleep, hibernate).
* **macOS** (no Objective-C bridge needed): the distributed notification
  ``com.apple.screenIsLocked`` through CoreFoundation, and IOKit's system power
  notifications (``kIOMessageSystemWillSleep``: the vault is locked, then sleep is
  allowed), both on the main run loop, which Qt's event loop runs.
* **Everywhere**: :class:`SleepGapWatcher` compares the wall clock with the monotonic
  clock every few seconds; macOS and Linux stop the monotonic clock while asleep, so a
  gap means the machine slept and the vault is locked on wake (the fallback when the
  native hooks are missing).

The OS libraries come in as arguments, so the tests drive everything on Linux with fakes.
"""

from __future__ import annotations

import ctypes
import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QObject, QTimer
from PySide6.QtGui import QWindow

log = logging.getLogger("nam_desktop.gui")

WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
LOCKING_SESSION_CHANGES = frozenset({WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT,
                                     WTS_SESSION_LOCK})
WINDOWS_EVENT_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")


class MSG(ctypes.Structure):
    """The start of Win32's ``MSG`` (what Qt passes to a native event filter)."""

    _fields_ = [  # ctypes wants a plain list
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
    ]


def windows_message_locks(message: int, wparam: int) -> bool:
    """Whether a window message means: lock now."""
    if message == WM_WTSSESSION_CHANGE:
        return wparam in LOCKING_SESSION_CHANGES
    return message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND


class WindowsSessionFilter(QAbstractNativeEventFilter):
    def __init__(self, on_lock: Callable[[], None]) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(self, eventType: Any, message: Any) -> tuple[bool, int]:  # Qt override
        if bytes(eventType) in WINDOWS_EVENT_TYPES and message:
            msg = MSG.from_address(int(message))
            if windows_message_locks(msg.message, msg.wParam):
                self._on_lock()
        return False, 0  # never swallow the message


def connect_windows(app: Any, on_lock: Callable[[], None], api: Any = None
                    ) -> tuple[int, list[object]]:
    """Install the filter and ask for session notifications; (subscriptions, objects to
    keep alive)."""
    from nam_desktop.core.host.windows import WindowsApi

    api = api or WindowsApi()
    event_filter = WindowsSessionFilter(on_lock)
    app.installNativeEventFilter(event_filter)
    window = QWindow()  # hidden, never shown: a native window for the notifications
    window.create()
    count = 1  # WM_POWERBROADCAST reaches every top-level window without asking
    try:
        if api.register_session_notifications(int(window.winId())):
            count += 1
    except OSError:
        log.warning("session notifications unavailable")
    return count, [event_filter, window]


# ---- macOS ---------------------------------------------------------------------------------
SCREEN_LOCKED = b"com.apple.screenIsLocked"
K_CF_STRING_ENCODING_UTF8 = 0x08000100
DELIVER_IMMEDIATELY = 4  # CFNotificationSuspensionBehaviorDeliverImmediately
K_IO_MESSAGE_CAN_SYSTEM_SLEEP = 0xE0000270
K_IO_MESSAGE_SYSTEM_WILL_SLEEP = 0xE0000280

CF_NOTIFICATION_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p,
                                            ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
IO_POWER_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_uint32,
                                     ctypes.c_void_p)


def _load_macos() -> tuple[Any, Any]:
    frameworks = "/System/Library/Frameworks/"
    cf = ctypes.CDLL(frameworks + "CoreFoundation.framework/CoreFoundation")
    iokit = ctypes.CDLL(frameworks + "IOKit.framework/IOKit")
    vp, u32 = ctypes.c_void_p, ctypes.c_uint32
    for name, args, res in (
            ("CFNotificationCenterGetDistributedCenter", [], vp),
            ("CFStringCreateWithCString", [vp, ctypes.c_char_p, u32], vp),
            ("CFNotificationCenterAddObserver",
             [vp, vp, CF_NOTIFICATION_CALLBACK, vp, vp, ctypes.c_long], None),
            ("CFRunLoopGetMain", [], vp),
            ("CFRunLoopAddSource", [vp, vp, vp], None)):
        func = getattr(cf, name)
        func.argtypes, func.restype = args, res
    for name, args, res in (
            ("IORegisterForSystemPower",
             [vp, ctypes.POINTER(vp), IO_POWER_CALLBACK, ctypes.POINTER(u32)], u32),
            ("IONotificationPortGetRunLoopSource", [vp], vp),
            ("IOAllowPowerChange", [u32, ctypes.c_long], ctypes.c_int)):
        func = getattr(iokit, name)
        func.argtypes, func.restype = args, res
    return cf, iokit


class MacSessionWatcher:
    """Screen lock (distributed notification) and sleep (IOKit power) on macOS."""

    def __init__(self, on_lock: Callable[[], None], cf: Any = None, iokit: Any = None) -> None:
        self._on_lock = on_lock
        if cf is None or iokit is None:
            cf, iokit = _load_macos()
        self._cf, self._iokit = cf, iokit
        self._root_port = 0
        # ctypes callbacks must outlive the registration: kept here.
        self._screen_cb = CF_NOTIFICATION_CALLBACK(self._on_screen_locked)
        self._power_cb = IO_POWER_CALLBACK(self._on_power)

    def connect(self) -> int:
        count = 0
        cf = self._cf
        center = cf.CFNotificationCenterGetDistributedCenter()
        name = cf.CFStringCreateWithCString(None, SCREEN_LOCKED, K_CF_STRING_ENCODING_UTF8)
        if center and name:
            cf.CFNotificationCenterAddObserver(center, ctypes.c_void_p(id(self)),
                                               self._screen_cb, name, None,
                                               DELIVER_IMMEDIATELY)
            count += 1
        port = ctypes.c_void_p()
        notifier = ctypes.c_uint32()
        self._root_port = self._iokit.IORegisterForSystemPower(
            None, ctypes.byref(port), self._power_cb, ctypes.byref(notifier))
        if self._root_port:
            source = self._iokit.IONotificationPortGetRunLoopSource(port)
            modes = getattr(cf, "common_modes", None)  # a fake's; the real one is data:
            if modes is None:
                modes = ctypes.c_void_p.in_dll(cf, "kCFRunLoopCommonModes")
            cf.CFRunLoopAddSource(cf.CFRunLoopGetMain(), source, modes)
            count += 1
        return count

    def _on_screen_locked(self, *_: object) -> None:
        self._on_lock()

    def _on_power(self, _refcon: object, _service: int, message: int, argument: Any) -> None:
        if message == K_IO_MESSAGE_SYSTEM_WILL_SLEEP:
            self._on_lock()  # the vault is closed before the machine sleeps
        if message in (K_IO_MESSAGE_SYSTEM_WILL_SLEEP, K_IO_MESSAGE_CAN_SYSTEM_SLEEP):
            self._iokit.IOAllowPowerChange(self._root_port, argument or 0)


# ---- every OS -------------------------------------------------------------------------------
class SleepGapWatcher(QObject):
    """Locks after the machine slept, seen as a wall-clock jump the monotonic clock did
    not make (it stops during sleep on macOS and Linux)."""

    INTERVAL_MS = 5000
    GAP_SECONDS = 30.0

    def __init__(self, on_lock: Callable[[], None], parent: QObject | None = None, *,
                 wall: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._on_lock = on_lock
        self._wall, self._mono = wall, monotonic
        self._last = (wall(), monotonic())
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self._last = (self._wall(), self._mono())
        self.timer.start()

    def check(self) -> None:
        now = (self._wall(), self._mono())
        slept = (now[0] - self._last[0]) - (now[1] - self._last[1])
        self._last = now
        if slept > self.GAP_SECONDS:
            self._on_lock()
