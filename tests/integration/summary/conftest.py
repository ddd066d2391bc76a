"""Fixtures of the summary integration tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from summary_fixtures import Sample, make_sample  # helper beside this file

from nam_desktop.core.vault.vault import Vault


@pytest.fixture
def sample(vault: Vault) -> Sample:
    return make_sample(vault)
