"""Composition helpers: paths, the logging redaction filter, resource lookup."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from nam_desktop import paths
from nam_desktop.core.errors import Status
from nam_desktop.core.resources import resource_path
from nam_desktop.logging_setup import REDACTED, RedactionFilter, setup_logging


def test_nam_home_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAM_HOME", str(tmp_path))
    p = paths.resolve_paths()
    assert p.data == tmp_path / "data" and not p.portable
    p.ensure()
    for folder in (p.data, p.config, p.logs):
        assert folder.is_dir()
        if os.name == "posix":  # no permission bits on Windows
            assert folder.stat().st_mode & 0o777 == 0o700


def test_portable_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NAM_HOME", raising=False)
    monkeypatch.setattr(paths, "executable_dir", lambda: tmp_path)
    assert not paths.resolve_paths().portable
    (tmp_path / paths.PORTABLE_MARKER).touch()
    p = paths.resolve_paths()
    assert p.portable
    assert all(tmp_path in f.parents for f in (p.data, p.config, p.logs))


def test_frozen_macos_app_looks_for_the_marker_beside_the_app(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stick = tmp_path / "STICK"
    exe = stick / "NAM Desktop.app" / "Contents" / "MacOS" / "nam-desktop"
    exe.parent.mkdir(parents=True)
    exe.touch()
    monkeypatch.delenv("NAM_HOME", raising=False)
    monkeypatch.setattr(paths.sys, "frozen", True, raising=False)
    monkeypatch.setattr(paths.sys, "executable", str(exe))
    assert paths.executable_dir() == stick
    (stick / paths.PORTABLE_MARKER).touch()
    p = paths.resolve_paths()
    assert p.portable and p.data == stick / "nam-data" / "vaults"


def test_frozen_folder_build_looks_beside_the_executable(tmp_path: Path) -> None:
    assert paths.bundle_root(tmp_path / "nam-desktop" / "nam-desktop") == tmp_path / "nam-desktop"
    # a folder merely named MacOS is not an app bundle
    assert paths.bundle_root(tmp_path / "x" / "MacOS" / "nam") == tmp_path / "x" / "MacOS"


def _record(msg: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("nam_desktop.x", logging.WARNING, __file__, 1, msg, args, None)


def test_redaction_keeps_numbers_and_enums_drops_text() -> None:
    record = _record("saved %s with %d acts, status %s, ok %s", "Мяне білі", 3,
                     Status.NOT_READY, True)
    RedactionFilter().filter(record)
    text = record.getMessage()
    assert "Мяне" not in text and REDACTED in text
    assert "3 acts" in text and "NOT_READY" in text and "True" in text


def test_redaction_drops_exception_text() -> None:
    try:
        raise ValueError("секрэтнае імя сведкі")
    except ValueError:
        import sys

        record = logging.LogRecord("nam_desktop.x", logging.ERROR, __file__, 1, "failed",
                                   (), sys.exc_info())
    RedactionFilter().filter(record)
    formatted = logging.Formatter().format(record)
    assert "секрэтнае" not in formatted and "ValueError" in formatted


def test_log_file_is_private_and_content_free(tmp_path: Path) -> None:
    setup_logging(tmp_path)
    log = logging.getLogger("nam_desktop.test")
    log.info("opened testimony %s", "Сведка Іваноў")
    for h in logging.getLogger("nam_desktop").handlers:
        h.flush()
    path = tmp_path / "nam-desktop.log"
    assert os.name != "posix" or path.stat().st_mode & 0o077 == 0
    text = path.read_text("utf-8")
    assert "opened testimony" in text and "Іваноў" not in text
    for h in list(logging.getLogger("nam_desktop").handlers):
        h.close()
        logging.getLogger("nam_desktop").removeHandler(h)
    logging.getLogger("nam_desktop").propagate = True


@pytest.mark.parametrize("bad", ["/etc/passwd", "../secret", "fonts/../../x", "", "a\\b"])
def test_resource_path_refuses_escapes(bad: str) -> None:
    with pytest.raises(ValueError):
        resource_path(bad)


def test_resource_path_finds_vocabulary() -> None:
    assert resource_path("vocabulary/violations.json").is_file()


def test_app_hardening_sets_umask() -> None:
    from nam_desktop.app import harden_process

    old = os.umask(0o022)
    try:
        harden_process()
        assert os.umask(0o022) == 0o077
    finally:
        os.umask(old)
