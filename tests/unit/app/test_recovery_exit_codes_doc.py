"""docs/cli.md documents the exit code of every recovery, travel and backup reason, and
the CLI has words for those whose status alone would mislead."""

from __future__ import annotations

import re
from pathlib import Path

from nam_desktop.cli import REASON_MESSAGES
from nam_desktop.commands.exit_codes import exit_code
from nam_desktop.core.vault.backup import BackupError, BackupReason
from nam_desktop.core.vault.recovery_format import RecoveryError, RecoveryReason

DOC = (Path(__file__).resolve().parents[3] / "docs" / "cli.md").read_text("utf-8")


def _table() -> dict[str, int]:
    start = DOC.index("### Recovery, travel and backup failures")
    end = DOC.find("\n#", start + 10)
    documented: dict[str, int] = {}
    for names, code in re.findall(r"^\| (`.+`) \| (\d+) \|$", DOC[start:end], re.M):
        for name in re.findall(r"`([a-z_]+)`", names):
            documented[name] = int(code)
    return documented


def test_every_reason_has_the_documented_code_and_words() -> None:
    documented = _table()
    errors = [*(RecoveryError(r) for r in RecoveryReason), *(BackupError(r) for r in BackupReason)]
    assert set(documented) == {e.reason.value for e in errors}
    for error in errors:
        assert exit_code(error.status) == documented[error.reason.value], error.reason



def test_reasons_whose_status_words_would_mislead_have_their_own() -> None:
    for reason in ("replayed", "not_for_this_request", "no_pending_request", "unknown_device",
                   "not_for_this_hq", "no_recovery_slot", "recovery_slot_outdated",
                   "no_recipient", "target_not_empty", "no_identity", "dest_inside_vault"):
        assert reason in REASON_MESSAGES, reason
