"""docs/cli.md and the code agree on every exit code, including each exchange reason."""

from __future__ import annotations

import re
from pathlib import Path

from nam_desktop.cli import EXIT_INTERRUPTED, EXIT_OK, MESSAGES
from nam_desktop.commands.exit_codes import EXIT_CODES, EXIT_SIGNER_NOT_KNOWN, exit_code
from nam_desktop.core.errors import Status
from nam_desktop.core.exchange.errors import ExchangeError, Reason

DOC = (Path(__file__).resolve().parents[3] / "docs" / "cli.md").read_text("utf-8")


def _section(title: str) -> str:
    start = DOC.index(title)
    end = DOC.find("\n#", start + len(title))
    return DOC[start:end if end != -1 else None]


def test_every_exit_code_is_documented_and_nothing_else() -> None:
    rows = re.findall(r"^\| (\d+) \| (.+) \|$", _section("## Exit codes"), re.M)
    documented = {int(code) for code, _ in rows}
    assert documented == {EXIT_OK, EXIT_INTERRUPTED, EXIT_SIGNER_NOT_KNOWN, *EXIT_CODES.values()}


def test_every_status_has_a_code_and_words() -> None:
    assert set(EXIT_CODES) == set(Status) == set(MESSAGES)


def test_each_exchange_reason_has_the_documented_code() -> None:
    table = _section("### Exchange failures")
    documented: dict[str, int] = {}
    for names, code in re.findall(r"^\| (`.+`) \| (\d+) \|$", table, re.M):
        for name in re.findall(r"`([a-z_]+)`", names):
            documented[name] = int(code)
    assert set(documented) == {r.value for r in Reason}
    for reason in Reason:
        assert exit_code(ExchangeError(reason).status) == documented[reason.value], reason


def test_a_full_stick_is_not_permission_denied() -> None:
    assert ExchangeError(Reason.WRITE_FAILED).status is Status.IO_ERROR
