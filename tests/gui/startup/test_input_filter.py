"""The one app-wide input filter: input restarts the idle countdown, other events do not,
and the panic combination is taken before any widget sees it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from nam_desktop.gui.startup.idle_watcher import IdleWatcher
from nam_desktop.gui.startup.panic import PanicKeys


@pytest.fixture
def watcher(qapp: QApplication) -> Iterator[IdleWatcher]:
    keys = PanicKeys()
    w = IdleWatcher(600, keys=keys)
    # remainingTime() of a coarse timer moves in steps of up to 5 % of 600 s
    w.timer.setTimerType(Qt.TimerType.PreciseTimer)
    qapp.installEventFilter(w)
    w.start()
    yield w
    w.stop()
    qapp.removeEventFilter(w)


@pytest.fixture
def field(qtbot: QtBot) -> QLineEdit:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    return edit


def _restarted_by(qtbot: QtBot, watcher: IdleWatcher, action: object) -> bool:
    qtbot.wait(30)  # the countdown has run a little
    before = watcher.timer.remainingTime()
    assert 0 <= before < 600_000
    action()  # type: ignore[operator]
    return watcher.timer.remainingTime() > before


def test_input_restarts_the_countdown(qtbot: QtBot, watcher: IdleWatcher,
                                      field: QLineEdit) -> None:
    assert _restarted_by(qtbot, watcher, lambda: qtbot.keyClick(field, Qt.Key.Key_A))
    assert _restarted_by(qtbot, watcher, lambda: qtbot.mouseMove(field, field.rect().center()))
    assert _restarted_by(qtbot, watcher, lambda: qtbot.mouseClick(
        field, Qt.MouseButton.LeftButton))
    assert field.text() == "a"  # the key went on to the widget


def test_other_events_do_not(qtbot: QtBot, watcher: IdleWatcher, field: QLineEdit) -> None:
    assert not _restarted_by(qtbot, watcher, lambda: (
        field.update(), field.setText("changed"), field.resize(300, 40),
        QCoreApplication.sendEvent(field, QEvent(QEvent.Type.User)),
        QCoreApplication.processEvents()))


def test_the_panic_combination_is_taken(qtbot: QtBot, watcher: IdleWatcher,
                                        field: QLineEdit) -> None:
    keys = watcher._keys
    assert isinstance(keys, PanicKeys)
    with qtbot.waitSignal(keys.pressed, timeout=1000):
        qtbot.keyClick(field, Qt.Key.Key_L,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert field.text() == ""  # no widget saw it
    with qtbot.assertNotEmitted(keys.pressed):
        qtbot.keyClick(field, Qt.Key.Key_L)
    assert field.text() == "l"
