"""Panic lock: one key combination anywhere in the app (also over a dialog) locks at once.

The controller connects :attr:`PanicKeys.pressed` to its panic lock: the ordinary lock
(drafts saved, widgets wiped, vault closed), the clipboard cleared when it holds what
this app copied, and, if chosen in Settings, the unlock window shown under a neutral
title and minimised. Nothing destructive is ever bound to a key.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence

from nam_desktop.gui.widgets.shortcuts import PANIC_SHORTCUT


class PanicKeys(QObject):
    """The panic combination, wherever the focus is: the app-wide input filter
    (:class:`~nam_desktop.gui.startup.idle_watcher.IdleWatcher`) shows it every key press."""

    pressed = Signal()

    def take(self, event: QEvent) -> bool:
        """Emit :attr:`pressed` and take the event when it is the panic combination."""
        if isinstance(event, QKeyEvent) and not event.isAutoRepeat():
            combo = event.keyCombination().toCombined()
            if QKeySequence(combo) == PANIC_SHORTCUT:
                self.pressed.emit()
                return True
        return False


def _digest(clipboard: QClipboard, mode: QClipboard.Mode) -> str:
    data = clipboard.mimeData(mode)
    if data is None:
        return ""
    sha = hashlib.sha256()
    for fmt in sorted(data.formats()):
        sha.update(fmt.encode() + b"\0" + bytes(data.data(fmt).data()) + b"\0")
    return sha.hexdigest()


class ClipboardWatch(QObject):
    """Remembers (as a digest, never the content) what the clipboard held after it
    changed while a window of this app had the focus: that is what the app copied.
    Some platforms also say so themselves (``ownsClipboard``), others do not (macOS,
    offscreen); this works on all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: dict[QClipboard.Mode, str] = {}
        QGuiApplication.clipboard().changed.connect(self._on_changed)

    def stop(self) -> None:
        """No longer follow the clipboard (the controller shuts down)."""
        QGuiApplication.clipboard().changed.disconnect(self._on_changed)

    def _on_changed(self, mode: QClipboard.Mode) -> None:
        if QGuiApplication.focusWindow() is not None:
            self._ours[mode] = _digest(QGuiApplication.clipboard(), mode)
        else:
            self._ours.pop(mode, None)

    def holds_ours(self, mode: QClipboard.Mode) -> bool:
        clipboard = QGuiApplication.clipboard()
        owns = clipboard.ownsClipboard() if mode == QClipboard.Mode.Clipboard \
            else clipboard.ownsSelection()
        digest = self._ours.get(mode)
        return owns or (digest is not None and digest == _digest(clipboard, mode))

    def clear_ours(self) -> bool:
        """Clear the clipboard (and the selection) only where it holds what this app put
        there; what another program copied is left alone. True when one was cleared."""
        clipboard = QGuiApplication.clipboard()
        cleared = False
        for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
            if mode == QClipboard.Mode.Selection and not clipboard.supportsSelection():
                continue
            if self.holds_ours(mode):
                clipboard.clear(mode)
                self._ours.pop(mode, None)
                cleared = True
        return cleared
