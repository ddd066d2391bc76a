"""Locking on screen lock and sleep on Windows and macOS (fakes of the OS libraries), and
the clock-gap fallback; the controller locks when any of them fires."""

from __future__ import annotations

import ctypes
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from nam_desktop.gui.startup import session_native as sn
from nam_desktop.gui.startup.session_events import SessionEvents


class Counter:
    def __init__(self) -> None:
        self.locks = 0

    def __call__(self) -> None:
        self.locks += 1


def deliver(event_filter: sn.WindowsSessionFilter, message: int, wparam: int,
            kind: bytes = b"windows_generic_MSG") -> object:
    msg = sn.MSG(hwnd=1234, message=message, wParam=wparam, lParam=0)
    return event_filter.nativeEventFilter(kind, ctypes.addressof(msg))


@pytest.mark.parametrize(("message", "wparam", "locks"), [
    (sn.WM_WTSSESSION_CHANGE, sn.WTS_SESSION_LOCK, 1),
    (sn.WM_WTSSESSION_CHANGE, sn.WTS_CONSOLE_DISCONNECT, 1),  # fast user switching
    (sn.WM_WTSSESSION_CHANGE, 0x8, 0),  # WTS_SESSION_UNLOCK
    (sn.WM_POWERBROADCAST, sn.PBT_APMSUSPEND, 1),
    (sn.WM_POWERBROADCAST, 0x12, 0),  # PBT_APMRESUMEAUTOMATIC
    (0x0010, sn.WTS_SESSION_LOCK, 0),  # WM_CLOSE with the same number: not ours
])
def test_windows_messages_that_lock(message: int, wparam: int, locks: int) -> None:
    counter = Counter()
    event_filter = sn.WindowsSessionFilter(counter)
    assert deliver(event_filter, message, wparam) == (False, 0)  # never swallowed
    assert counter.locks == locks


def test_windows_filter_ignores_other_platforms_events() -> None:
    counter = Counter()
    event_filter = sn.WindowsSessionFilter(counter)
    deliver(event_filter, sn.WM_WTSSESSION_CHANGE, sn.WTS_SESSION_LOCK, b"xcb_generic_event_t")
    assert counter.locks == 0


class FakeWts:
    def __init__(self) -> None:
        self.hwnds: list[int] = []

    def register_session_notifications(self, hwnd: int) -> bool:
        self.hwnds.append(hwnd)
        return True


def test_windows_connection_registers_a_native_window(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    events = SessionEvents()
    api = FakeWts()
    app = QApplication.instance()
    try:
        assert events.connect_platform(app, "win32", native=api) == 2
        assert len(api.hwnds) == 1 and api.hwnds[0] != 0
        assert events.gap_watcher.timer.isActive()
    finally:
        for kept in events._keep:
            if isinstance(kept, sn.WindowsSessionFilter):
                app.removeNativeEventFilter(kept)  # type: ignore[union-attr]


class FakeCoreFoundation:
    common_modes = 77

    def __init__(self) -> None:
        self.observers: list[tuple[Any, bytes]] = []
        self.sources: list[tuple[int, int, int]] = []

    def CFNotificationCenterGetDistributedCenter(self) -> int:  # CF names
        return 1

    def CFStringCreateWithCString(self, alloc: object, text: bytes, enc: int) -> bytes:
        assert enc == sn.K_CF_STRING_ENCODING_UTF8
        return text

    def CFNotificationCenterAddObserver(self, center: int, observer: object, callback: Any,
                                        name: bytes, obj: object, behaviour: int) -> None:
        assert behaviour == sn.DELIVER_IMMEDIATELY
        self.observers.append((callback, name))

    def CFRunLoopGetMain(self) -> int:
        return 5

    def CFRunLoopAddSource(self, loop: int, source: int, modes: int) -> None:
        self.sources.append((loop, source, modes))


class FakeIOKit:
    def __init__(self) -> None:
        self.callback: Any = None
        self.allowed: list[tuple[int, int]] = []

    def IORegisterForSystemPower(self, refcon: object, port: Any, callback: Any,
                                 notifier: Any) -> int:
        self.callback = callback
        return 42  # the root port

    def IONotificationPortGetRunLoopSource(self, port: Any) -> int:
        return 9

    def IOAllowPowerChange(self, root: int, argument: int) -> int:
        self.allowed.append((root, argument))
        return 0


def test_macos_screen_lock_and_sleep(qtbot: QtBot) -> None:
    events = SessionEvents()
    cf, iokit = FakeCoreFoundation(), FakeIOKit()
    assert events.connect_platform(None, "darwin", native=(cf, iokit)) == 2
    [(screen_callback, name)] = cf.observers
    assert name == b"com.apple.screenIsLocked" and cf.sources == [(5, 9, 77)]
    with qtbot.waitSignal(events.lock_requested, timeout=1000):
        screen_callback(1, None, name, None, None)  # as CoreFoundation calls it
    iokit.callback(None, 0, sn.K_IO_MESSAGE_CAN_SYSTEM_SLEEP, 7)  # idle sleep: just allow
    assert iokit.allowed == [(42, 7)]
    with qtbot.waitSignal(events.lock_requested, timeout=1000):
        iokit.callback(None, 0, sn.K_IO_MESSAGE_SYSTEM_WILL_SLEEP, 8)
    assert iokit.allowed == [(42, 7), (42, 8)]  # locked first, then sleep allowed


@pytest.mark.allow_log_warnings
def test_missing_native_libraries_leave_the_fallback(qtbot: QtBot) -> None:
    events = SessionEvents()

    class Broken:
        def __getattr__(self, name: str) -> Any:
            raise AttributeError(name)

    assert events.connect_platform(None, "darwin", native=(Broken(), Broken())) == 0
    assert events.gap_watcher.timer.isActive()


def test_clock_gap_after_sleep_locks() -> None:
    wall, mono = [1000.0], [50.0]
    counter = Counter()
    watcher = sn.SleepGapWatcher(counter, wall=lambda: wall[0], monotonic=lambda: mono[0])
    watcher.start()
    wall[0] += 5
    mono[0] += 5
    watcher.check()
    assert counter.locks == 0
    wall[0] += 3600  # an hour asleep: the monotonic clock stood still
    mono[0] += 5
    watcher.check()
    assert counter.locks == 1
    wall[0] -= 600  # the clock set back: never a lock
    mono[0] += 5
    watcher.check()
    assert counter.locks == 1
    watcher.timer.stop()
