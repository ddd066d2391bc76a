"""Test helper, run as a child process: ``nam-desktop`` with a kill point.

Usage: ``python crash_child.py POINT nam-desktop-arguments...``

It runs the real command line (``nam_desktop.app.main``) with the export's test seam
(``checkpoint``) set: at the step named POINT it prints ``KILLPOINT POINT`` and waits,
and the test kills it there with ``Popen.kill()`` (SIGKILL; TerminateProcess on
Windows). The application itself has no switch that could do this: the seam is a
parameter only this wrapper passes, so nothing in a shipped program can trigger it.
"""

from __future__ import annotations

import functools
import sys
import time

from nam_desktop.app import main
from nam_desktop.core.exchange import export


def _hold(point: str, name: str) -> None:
    if name == point:
        print(f"KILLPOINT {name}", flush=True)
        time.sleep(600)  # the test kills the process long before this ends


if __name__ == "__main__":
    export.export_bundle = functools.partial(  # type: ignore[assignment]
        export.export_bundle, checkpoint=functools.partial(_hold, sys.argv[1]))
    sys.exit(main(sys.argv[2:]))
