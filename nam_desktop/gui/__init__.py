"""The PySide6 desktop front end. The only package that imports Qt."""

from nam_desktop.gui.widgets.refcount_guard import pin_singletons

pin_singletons()  # before any Qt call: see refcount_guard (PySide6 6.12 on Python 3.11)
