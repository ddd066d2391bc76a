from __future__ import annotations
from collections.abc import Callable
from nam_desktop.core.media.base import FormatHandler
OFFICE_HANDLERS: dict[str, Callable[[], FormatHandler]] = {}
