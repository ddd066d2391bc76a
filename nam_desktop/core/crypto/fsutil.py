"""Durable file writes (kept for existing imports): see :mod:`nam_desktop.core.fileio`."""

from __future__ import annotations

from nam_desktop.core.fileio import atomic_write as atomic_write
from nam_desktop.core.fileio import sync_dir as fsync_dir

__all__ = ["atomic_write", "fsync_dir"]
