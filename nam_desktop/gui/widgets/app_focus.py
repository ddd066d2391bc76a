"""Follow the application's focus changes from a widget that may be destroyed first.

``QApplication.focusChanged`` outlives every window: connected to a bound method, a
destroyed widget stays its receiver ("Slot not found" while a later window is torn down).
:func:`follow_focus` connects through a weak reference and disconnects when the widget is
destroyed.
"""

from __future__ import annotations

import contextlib
import functools
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QApplication, QWidget

FocusSlot = Callable[[QWidget | None, QWidget | None], None]


def _disconnect(signal: Any, slot: Callable[..., None], *_: object) -> None:
    with contextlib.suppress(RuntimeError, TypeError):  # already gone with the app
        signal.disconnect(slot)


def follow_focus(widget: QWidget, method_name: str) -> None:
    """Call ``widget.<method_name>(old, new)`` on every focus change while it lives."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    ref = weakref.ref(widget)

    def on_focus_changed(old: QWidget | None, new: QWidget | None) -> None:
        target = ref()
        if target is not None and shiboken6.isValid(target):
            getattr(target, method_name)(old, new)

    app.focusChanged.connect(on_focus_changed)
    widget.destroyed.connect(functools.partial(_disconnect, app.focusChanged,
                                               on_focus_changed))
