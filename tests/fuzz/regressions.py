"""Keep every input a fuzzer ever failed on, and replay them.

A property that fails records its input in ``regressions/<target>/found-<test>.bin``
(overwritten by smaller failing inputs, so what stays after Hypothesis shrinks is the
smallest). Commit that file, renamed to say what it caught; ``replay`` hands every
``*.bin`` of a target to the same property on every run, forever. Hypothesis settings
(examples, deadline) come from the profiles in tests/fuzz/conftest.py (``ci`` by default,
``long`` under NAM_FUZZ=long); nothing here fixes a number of examples.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent / "regressions"


def files(target: str) -> list[Path]:
    return sorted((HERE / target).glob("*.bin"))


def check(target: str, name: str, data: bytes, prop: Callable[[bytes], None]) -> None:
    """Run ``prop(data)``; on failure keep ``data`` (the smallest one seen) and re-raise."""
    try:
        prop(data)
    except BaseException:
        if os.environ.get("NAM_FUZZ_KEEP", "1") != "0":
            path = HERE / target / f"found-{name}.bin"
            with contextlib.suppress(OSError):  # a read-only checkout: the failure stands
                if not path.exists() or len(data) <= path.stat().st_size:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(data)
        raise
