"""What the export wizard's pages read from the wizard that hosts them.

``export_pages`` types its pages against :class:`ExportHost` instead of importing
``export_wizard`` (which imports the pages): no import cycle. ``ExportWizard`` is the
one implementation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from nam_desktop.core.exchange import destination
from nam_desktop.core.exchange.export import ExportState
from nam_desktop.gui.widgets.context import AppContext

DriveLister = Callable[[], list[destination.Drive]]
SpaceProbe = Callable[[Path], destination.SpaceInfo]


class ExportHost(Protocol):
    ctx: AppContext
    list_drives: DriveLister
    space: SpaceProbe
    states: dict[str, ExportState]
