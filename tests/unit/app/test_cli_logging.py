"""The command line sets up logging when something first imports ``logging`` (start-up,
issue 19): a command that never logs never loads it, and a record written later still
goes through the redaction filter and the console format, never Python's bare
last-resort handler."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)


@pytest.mark.parametrize("loaded_before", [False, True])
def test_a_record_written_after_setup_is_redacted_and_formatted(loaded_before: bool) -> None:
    code = (
        "import sys\n"
        + ("import logging\n" if loaded_before else "")
        + "from nam_desktop.app import _cli_logging\n"
        "_cli_logging()\n"
        "print('loaded', 'logging' in sys.modules)\n"
        "import logging\n"
        "logging.getLogger('nam_desktop.media').warning('opened %s, %d items', 'Сведка', 3)\n"
        "logging.getLogger('nam_desktop.media').info('not shown on the console')\n"
        "print('loader', type(logging.__loader__).__name__,\n"
        "      logging.__spec__.loader is logging.__loader__)\n"
        "hooks = [f for f in sys.meta_path if type(f).__module__ == 'nam_desktop.app']\n"
        "print('inert', all(f.find_spec('logging') is None for f in hooks))\n"
        "print('handlers', len(logging.getLogger('nam_desktop').handlers))\n"
    )
    out = _run(code)
    assert f"loaded {loaded_before}" in out.stdout  # not imported by the set-up itself
    # the module looks imported as usual, and the hook finds nothing any more
    assert "loader SourceFileLoader True" in out.stdout
    assert "inert True" in out.stdout
    assert "handlers 1" in out.stdout  # set up once
    lines = out.stderr.splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].endswith(" WARNING nam_desktop.media: opened <redacted>, 3 items")
    assert "Сведка" not in out.stderr


def test_a_parser_slip_is_logged_through_the_redaction_filter() -> None:
    code = (
        "from nam_desktop.app import _cli_logging\n"
        "_cli_logging()\n"
        "from nam_desktop.core.media.base import ParserFault, parser_guard\n"
        "try:\n"
        "    with parser_guard('jpeg'):\n"
        "        raise IndexError('Сведка')\n"
        "except ParserFault as exc:\n"
        "    print('fault', exc.detail)\n"
    )
    out = _run(code)
    assert "fault jpeg: unreadable structure" in out.stdout
    assert out.stderr.rstrip().endswith(
        " WARNING nam_desktop.media: media: the <redacted> parser raised <redacted> "
        "(reported as malformed)")
    assert "Сведка" not in out.stderr
