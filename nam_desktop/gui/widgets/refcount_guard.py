"""Keep ``None``, ``True`` and ``False`` alive through PySide6's lost references.

PySide6 6.12.0 on Python 3.11 gives back these singletons without a reference of their
own in common calls (measured: every ``Signal.emit`` loses one reference to ``True``,
``QTimer.start``/``stop`` and ``QLocale.setDefault`` lose references to ``None``). Their
counts are not large (a few thousand), so a long session emitting progress signals —
one per MiB of a 10 GB export — would end in "Fatal Python error: bool_dealloc" and take
unsaved work with it; the GUI test run hit it. Python 3.12 made these objects immortal
(PEP 683), where nothing is lost; on 3.11 :func:`pin_singletons` adds 2**40 references
to each, so no realistic session can wear them down. It runs once, when
:mod:`nam_desktop.gui` is first imported (before any Qt call), on the importing thread.
"""

from __future__ import annotations

import ctypes
import sys

PIN = 1 << 40
_pinned = False


def pin_singletons() -> bool:
    """Pin the singletons on Python < 3.12 (idempotent). False where nothing is needed
    (immortal objects) or possible (a debug build, whose objects start differently)."""
    global _pinned
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return False
    if not _pinned:
        for obj in (None, True, False, Ellipsis, NotImplemented):
            # ob_refcnt is the first field of every object in a release build.
            ctypes.c_ssize_t.from_address(id(obj)).value += PIN
        _pinned = True
    return True
