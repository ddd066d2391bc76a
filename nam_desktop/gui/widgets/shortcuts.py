"""Key combinations shared by several windows (the toolbars name them in tooltips)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

#: The panic lock (gui/startup/panic.py): works anywhere in the app, also over a dialog.
PANIC_SHORTCUT = QKeySequence("Ctrl+Shift+L")


def native(sequence: QKeySequence) -> str:
    """As the platform writes it (``Ctrl+Shift+L``, ``⇧⌘L`` on macOS)."""
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)
