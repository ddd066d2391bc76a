""""Record interview" is reachable: a button in the testimony's Attachments section and
on the toolbar, both disabled with the reason while the witness has not agreed to audio
recording; the recording lands in the testimony's files, also when locking cuts it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import Consent, TestimonyDraft
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.interviewer.recorder_dialog import RecorderDialog
from nam_desktop.gui.widgets.context import AppContext

from .conftest import FakeSource


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, gui_vault: Vault,
           fake_source: FakeSource) -> Iterator[MainWindow]:
    w = MainWindow(ctx, gui_vault)
    qtbot.addWidget(w)
    w.editor.recorder_devices = lambda: [("Fake microphone", "fake-handle")]

    def factory(_handle: Any, _parent: QObject) -> Any:
        return fake_source

    w.editor.recorder_source = factory
    w.show()
    yield w
    w.editor.close_recorder()
    w.save_all()


def _open(window: MainWindow, consent: Consent) -> str:
    tid = window.repo.add(TestimonyDraft(title="Border", consent=consent))
    window.refresh()
    window.open_testimony(tid)
    return tid


def test_without_consent_record_is_disabled_and_says_why(window: MainWindow) -> None:
    assert not window.record_action.isEnabled()  # nothing open yet
    assert "Open a testimony first" in window.record_action.toolTip()
    _open(window, Consent(hq_documentation=True))
    panel = window.editor.attachments
    window.editor.set_section(6)
    assert not window.record_action.isEnabled()
    assert "audio recording" in window.record_action.toolTip()
    assert not panel.record_button.isEnabled()
    assert panel.record_hint.isVisibleTo(window) and "Consent section" in panel.record_hint.text()
    assert window.editor.open_recorder() is None
    # Ticking the consent enables both at once (before any save).
    window.editor.set_section(1)
    window.editor.consent.flags["audio_recording"].click()
    assert window.record_action.isEnabled() and panel.record_button.isEnabled()
    assert not panel.record_hint.isVisibleTo(window)


def test_withdrawn_consent_disables_recording(ctx: AppContext, window: MainWindow) -> None:
    tid = _open(window, Consent(audio_recording=True, method="oral"))
    assert window.record_action.isEnabled()
    ctx.prompter.script([True])  # "Record that the witness withdrew consent?"
    window.editor.consent.withdraw.click()
    assert window.repo.get(tid).consent.withdrawn
    assert not window.record_action.isEnabled()
    assert "withdrawn" in window.record_action.toolTip()


def test_record_from_the_attachments_section_into_the_testimony(
        qtbot: QtBot, window: MainWindow, fake_source: FakeSource, tone: bytes) -> None:
    tid = _open(window, Consent(audio_recording=True, method="oral"))
    window.editor.set_section(6)
    panel = window.editor.attachments
    panel.record_button.click()
    dialog = window.editor.recorder
    assert isinstance(dialog, RecorderDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Record interview" and "Border" in dialog.heading.text()
    assert window.editor.open_recorder() is dialog  # one recorder per testimony
    with qtbot.waitSignal(dialog.recorder.recording_started):
        dialog.recorder.record_button.click()
    fake_source.push(tone)
    with qtbot.waitSignal(dialog.recording_finished):
        dialog.close_button.click()
    assert [a.kind for a in AttachmentService(window.vault).list(tid)] == ["recording"]
    assert panel.count == 1  # the section shows it at once


def test_the_toolbar_button_and_locking_mid_recording(
        qtbot: QtBot, window: MainWindow, fake_source: FakeSource, tone: bytes) -> None:
    tid = _open(window, Consent(audio_recording=True, method="oral"))
    assert window.record_action in window.toolbar.actions()
    window.record_action.trigger()
    dialog = window.editor.recorder
    assert dialog is not None
    dialog.recorder.record_button.click()
    fake_source.push(tone)
    assert dialog.recording
    window.wipe()  # what locking does before the vault closes
    assert window.editor.recorder is None
    assert [a.kind for a in AttachmentService(window.vault).list(tid)] == ["recording"]
