"""Hypothesis profiles of the fuzz tests, and the import path of their helpers.

``ci`` (the default) is bounded so that this whole folder adds about a minute to
``make test`` on two cores, and is derandomised: ``make test`` never fails on an input
it did not try before. ``long`` (``NAM_FUZZ=long``, what ``make fuzz`` sets) runs
thousands of random examples per target and keeps Hypothesis's example database, so a
failure found once is tried first next time. Either way a failing input is also kept
under ``regressions/<target>/`` and replayed by every run (see ``README.md``).

The profiles are registered, not loaded: tests elsewhere keep Hypothesis's defaults.
Fuzz tests use ``fuzzkit.fuzz_settings()``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "unit" / "media"))  # media_samples.py

_QUIET = [
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.filter_too_much,
    HealthCheck.function_scoped_fixture,
    HealthCheck.large_base_example,
]
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=_QUIET,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    print_blob=True,
)
settings.register_profile(
    "long",
    max_examples=2000,
    deadline=None,
    suppress_health_check=_QUIET,
    print_blob=True,
)
