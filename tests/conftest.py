"""Shared fixtures: vaults on real SQLCipher files, the media corpus, strict logging."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT.parent / "shared" / "corpus"
PASSPHRASE = "correct horse battery"


#: CI runs with CI=true (.ci/run sets it): there a test that would skip because an
#: oracle tool (exiftool, age, pdftotext...), a decoder or the media corpus is missing
#: FAILS instead, or a CI image without them would turn the strongest checks into
#: silent skips. Local runs still skip. Skips that depend on the machine, not on what
#: is installed, are marked ``may_skip_in_ci`` with the reason.
IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "allow_log_warnings: the test expects warnings from nam_desktop loggers"
    )
    config.addinivalue_line(
        "markers", "may_skip_in_ci(reason): the test may skip in CI (CI=true) for this "
        "machine-dependent reason; every other skip fails in CI"
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]
                              ) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if IN_CI and report.skipped and not hasattr(report, "wasxfail") \
            and item.get_closest_marker("may_skip_in_ci") is None:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = (f"would be skipped, but CI=true requires every oracle, decoder "
                           f"and the media corpus: {reason}")


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"media corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    v = Vault.create(vault_dir, PASSPHRASE, kdf=MINIMUM_PARAMS)
    try:
        yield v
    finally:
        v.close()


@pytest.fixture
def repo(vault: Vault) -> TestimonyRepository:
    return TestimonyRepository(vault)


@pytest.fixture(autouse=True)
def _fail_on_unexpected_log_warnings(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """A warning logged by our code is a failure unless the test says it expects one."""
    caplog.set_level(logging.WARNING, logger="nam_desktop")
    yield
    if request.node.get_closest_marker("allow_log_warnings"):
        return
    bad = [
        r for r in caplog.get_records("call")
        if r.levelno >= logging.WARNING and r.name.startswith("nam_desktop")
    ]
    if bad:
        pytest.fail("unexpected log warnings: " + "; ".join(r.getMessage() for r in bad))


class BinaryOpenSpy:
    """Every ``os.open`` under a folder, with a fake ``O_BINARY`` bit (see the fixture)."""

    BIT = 1 << 29  # no Linux open flag uses this bit

    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self.calls: list[tuple[str, int]] = []

    def paths(self) -> list[str]:
        return [p for p, _ in self.calls if p.startswith(self.root)]

    def without_bit(self) -> list[str]:
        return [p for p, flags in self.calls if p.startswith(self.root) and not flags & self.BIT]

    def reset(self) -> None:
        self.calls.clear()


@pytest.fixture
def o_binary_spy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> BinaryOpenSpy:
    """Linux has no ``O_BINARY``: give it a fake one (a sentinel bit) and record every
    ``os.open`` under ``tmp_path``, stripping the bit before the real call. A writer that
    forgets ``O_BINARY`` (text mode on Windows: ``\\n`` becomes ``\\r\\n``) shows up in
    :meth:`BinaryOpenSpy.without_bit`."""
    spy = BinaryOpenSpy(tmp_path)
    real_open = os.open
    real_binary = getattr(os, "O_BINARY", 0)  # Windows: the real bit goes where ours was

    def fake_open(path: object, flags: int, mode: int = 0o777, *, dir_fd: int | None = None
                  ) -> int:
        spy.calls.append((os.fsdecode(path), flags))  # type: ignore[arg-type]
        real = flags & ~spy.BIT | (real_binary if flags & spy.BIT else 0)
        return real_open(path, real, mode, dir_fd=dir_fd)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "O_BINARY", spy.BIT, raising=False)
    monkeypatch.setattr(os, "open", fake_open)
    return spy
