"""HQ answers a recovery request in its window: the request is checked before anything is
shown, the answer needs the analyst's tick that the interviewer read the code through
another channel, a request is answered once, and the answer gives the interviewer access."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import hq_identity, hq_recovery, keycard
from nam_desktop.core.vault import recovery, travel
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.hq.hq_recovery_dialog import HqRecoveryDialog
from nam_desktop.gui.hq.hq_window import HqWindow
from nam_desktop.gui.widgets.context import AppContext

from ..conftest import PASSPHRASE


@pytest.fixture
def hq(tmp_path: Path) -> Vault:
    vault = Vault.create(tmp_path / "hq", PASSPHRASE, kdf=MINIMUM_PARAMS, role="hq")
    hq_identity.init_hq(vault)
    return vault


def _travelling_vault(tmp_path: Path, hq: Vault, *, register: bool = True) -> Path:
    folder = tmp_path / "iv"
    with Vault.create(folder, PASSPHRASE, kdf=MINIMUM_PARAMS) as iv:
        keycard.pin_keycard(iv, keycard.issue_keycard(hq, hq_name="HQ"))
        if register:
            hq_identity.register_device(hq, iv.device.fingerprint, "Interviewer A")
        recovery.enable(iv)
        travel.prepare_travel(iv)
    return folder


def test_the_hq_window_answers_a_request_once(qtbot: QtBot, ctx: AppContext, hq: Vault,
                                              tmp_path: Path) -> None:
    folder = _travelling_vault(tmp_path, hq)
    request = tmp_path / "request.json"
    made = recovery.make_request(folder)
    request.write_bytes(made.data)
    window = HqWindow(ctx, hq)
    qtbot.addWidget(window)
    assert window.recovery_action.isEnabled()
    dialog = window.open_recovery_dialog()
    assert isinstance(dialog, HqRecoveryDialog)
    assert dialog.answer_button.isHidden()
    ctx.dialogs.script([request])
    dialog.open_button.click()
    assert "Interviewer A" in dialog.details.text()
    assert dialog.code.text() == made.code
    assert not dialog.answer_button.isEnabled()  # not confirmed yet
    assert dialog.write_answer(tmp_path) is None
    dialog.confirmed.setChecked(True)
    with qtbot.waitSignal(dialog.answered):
        answer = dialog.write_answer(tmp_path)
    assert answer is not None and answer.name == "recovery-answer.json"
    assert "recovery-answer.json" in dialog.done.text()
    with recovery.restore_access(folder, answer.read_bytes(), "a new passphrase here",
                                 kdf=MINIMUM_PARAMS) as v:
        assert v.check().ok
    dialog.load(request)  # the same request again
    assert "answered before" in dialog.error.text()
    assert dialog.answer_button.isHidden()
    assert [a.request_id for a in hq_recovery.answered(hq)] == [made.request_id]
    hq.close()


def test_an_unregistered_device_is_refused_in_words(qtbot: QtBot, ctx: AppContext,
                                                    hq: Vault, tmp_path: Path) -> None:
    folder = _travelling_vault(tmp_path, hq, register=False)
    request = tmp_path / "request.json"
    request.write_bytes(recovery.make_request(folder).data)
    dialog = HqRecoveryDialog(ctx, hq)
    qtbot.addWidget(dialog)
    dialog.load(request)
    assert "not registered" in dialog.error.text()
    assert dialog.check is None and dialog.answer_button.isHidden()
    hq.close()
