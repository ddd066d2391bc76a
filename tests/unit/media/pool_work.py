"""Work for spawned batch workers in tests: a spawned worker imports its function by
module name, so it cannot be a test's local function or a monkeypatch."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from nam_desktop.core.media.batch_naming import write_temp


def write_then_die_on(name: str, chunk: Sequence[tuple[str, str]]
                      ) -> list[tuple[None, Path]]:
    """Write each output's temp copy as a worker does and return them as staged; die
    (as a kill would: no clean-up) at the output called ``name``, after its copy."""
    staged = []
    for _src, dst in chunk:
        staged.append((None, write_temp(Path(dst), [b"copy of " + dst.encode()])))
        if Path(dst).name == name:
            os._exit(9)
    return staged
