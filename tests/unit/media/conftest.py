"""Fixtures of the media unit tests.

The sample builders live in ``media_samples.py`` beside this file; the directory is put
on ``sys.path`` here so the test modules can import it whatever pytest's import mode.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from media_samples import make_jpeg, make_png  # needs the path set above


@pytest.fixture
def jpeg_bytes() -> bytes:
    return make_jpeg()


@pytest.fixture
def png_bytes() -> bytes:
    return make_png()
