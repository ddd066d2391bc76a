"""Fixtures of the vault integration tests (recovery, travel and backup share a field)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from travel_fixtures import Field, make_field  # helper beside this file


@pytest.fixture
def field(tmp_path: Path) -> Field:
    """HQ and interviewer vaults (closed), key card pinned, device registered, two
    testimonies with corpus media, the HQ recovery slot not yet on."""
    return make_field(tmp_path)
