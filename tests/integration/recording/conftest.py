"""Fixtures for the recording tests: a testimony with audio consent, a synthetic tone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nam_desktop.core.model.records import Consent, TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository

# Shared with the subprocess that gets killed: a 440-ish Hz tone plus a 97-step ramp, so
# any 32 bytes of it are distinctive.
TONE_SRC = """
import math, struct
def tone(frames, start=0):
    return b"".join(struct.pack("<h", int(9000 * math.sin((start + i) / 17.3)) + (start + i) % 97)
                    for i in range(frames))
"""


@pytest.fixture
def tone() -> Callable[..., bytes]:
    space: dict[str, object] = {}
    exec(TONE_SRC, space)  # noqa: S102  # our own constant source, shared with a subprocess
    fn = space["tone"]
    assert callable(fn)
    return fn  # type: ignore[no-any-return]


@pytest.fixture
def tone_src() -> str:
    return TONE_SRC


@pytest.fixture
def consenting(repo: TestimonyRepository) -> str:
    return repo.add(TestimonyDraft(title="recorded", consent=Consent(
        audio_recording=True, given_date="2026-11-01", method="oral")))


@pytest.fixture
def refusing(repo: TestimonyRepository) -> str:
    return repo.add(TestimonyDraft(title="not recorded", consent=Consent(
        hq_documentation=True, given_date="2026-11-01", method="oral")))
