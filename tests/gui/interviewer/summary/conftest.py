"""Fixtures of the summary dialog tests: the integration tests' sample testimony, and a
fresh, empty temporary folder that every library in the process uses."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "integration" / "summary"))

from summary_fixtures import Sample, make_sample  # shared with integration

from nam_desktop.core.vault.vault import Vault


@pytest.fixture
def sample(vault: Vault) -> Sample:
    return make_sample(vault)


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """TMPDIR for Python (tempfile) and Qt (QDir::tempPath) alike, empty at the start."""
    folder = tmp_path / "tmpdir"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
