"""Recorder states with a fake audio source, offscreen."""

from __future__ import annotations

import io
import wave
from typing import Any

import pytest
from PySide6.QtCore import QIODevice, QObject
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.recorder_widget import (
    EncryptedMediaDevice,
    RecorderWidget,
    format_ms,
    peak_percent,
    qt_input_devices,
)

FAKE_DEVICES = [("Fake microphone", "fake-handle")]


def make(qtbot: QtBot, vault: Vault, tid: str, source: Any = None,
         devices: list[tuple[str, Any]] | None = None) -> RecorderWidget:
    made: list[Any] = []

    def factory(handle: Any, parent: QObject) -> Any:
        made.append(handle)
        return source

    widget = RecorderWidget(vault, tid, devices=lambda: list(
        FAKE_DEVICES if devices is None else devices), source_factory=factory)
    qtbot.addWidget(widget)
    widget.made = made  # type: ignore[attr-defined]  # lets tests see the device handle
    return widget


def test_no_input_device_is_said_clearly(qtbot: QtBot, vault: Vault, consenting: str) -> None:
    widget = make(qtbot, vault, consenting, devices=[])
    assert widget.state == "no_device"
    assert "No microphone" in widget.status.text()
    assert not widget.record_button.isEnabled()
    widget.record_button.click()  # nothing happens
    assert AttachmentService(vault).list(consenting) == []


@pytest.mark.may_skip_in_ci("the CI machine may have an audio input")
def test_the_real_device_list_on_a_machine_without_input(qtbot: QtBot, vault: Vault,
                                                         consenting: str) -> None:
    if qt_input_devices():
        pytest.skip("this machine has an audio input")
    widget = RecorderWidget(vault, consenting)
    qtbot.addWidget(widget)
    assert widget.state == "no_device"
    assert widget.device_box.count() == 0


def test_refused_without_consent(qtbot: QtBot, vault: Vault, refusing: str,
                                 fake_source: Any) -> None:
    widget = make(qtbot, vault, refusing, fake_source)
    assert widget.state == "no_consent"
    assert "consented" in widget.status.text()
    assert not widget.record_button.isEnabled()


def test_consent_withdrawn_after_the_widget_opened(qtbot: QtBot, vault: Vault,
                                                   consenting: str, fake_source: Any) -> None:
    widget = make(qtbot, vault, consenting, fake_source)
    assert widget.state == "ready"
    with vault.transaction() as c:
        c.execute("UPDATE consent SET audio_recording = 0 WHERE testimony_id = ?",
                  (consenting,))
    widget.record_button.click()
    assert widget.state == "no_consent"
    assert fake_source.calls == []
    assert not list((vault.folder / "media").iterdir())


def test_record_pause_marker_stop_and_play_back(qtbot: QtBot, vault: Vault, consenting: str,
                                               fake_source: Any, tone: bytes) -> None:
    widget = make(qtbot, vault, consenting, fake_source)
    with qtbot.waitSignal(widget.recording_started):
        widget.record_button.click()
    assert widget.made == ["fake-handle"]  # type: ignore[attr-defined]
    assert widget.state == "recording" and not widget.record_button.isEnabled()
    fake_source.push(tone)
    assert widget.elapsed.text() == "0:00:01"
    assert widget.level.value() > 50
    widget.note_edit.setText("describes the detention centre")
    widget.marker_button.click()
    assert widget.markers.count() == 1 and widget.note_edit.text() == ""
    widget.pause_button.click()
    assert widget.state == "paused" and widget.pause_button.text() == "Resume"
    fake_source.push(tone)  # dropped while paused
    widget.pause_button.click()
    assert widget.state == "recording"
    fake_source.push(tone[: len(tone) // 2], last_block_unread=True)  # read at stop
    with qtbot.waitSignal(widget.recording_finished) as finished:
        widget.stop_button.click()
    att_id = finished.args[0]
    assert fake_source.calls == ["start", "suspend", "resume", "stop"]
    assert widget.state == "ready"
    att = AttachmentService(vault).get(att_id)
    assert att.kind == "recording"
    with AttachmentService(vault).open(att_id) as reader, \
            wave.open(io.BytesIO(reader.read()), "rb") as w:
        assert w.getnframes() == 72_000
    assert widget.markers.count() == 1
    assert widget.markers.item(0).text() == "0:00:01  describes the detention centre"
    assert widget.play_button.isEnabled()
    with qtbot.waitSignal(widget.marker_activated) as seek:
        widget.markers.itemClicked.emit(widget.markers.item(0))
    assert seek.args == [1000]
    widget.close()


def test_close_while_recording_finishes_the_recording(qtbot: QtBot, vault: Vault,
                                                      consenting: str, fake_source: Any,
                                                      tone: bytes) -> None:
    widget = make(qtbot, vault, consenting, fake_source)
    widget.record_button.click()
    fake_source.push(tone)
    widget.close()
    assert [a.kind for a in AttachmentService(vault).list(consenting)] == ["recording"]


def test_encrypted_device_reads_and_seeks(qtbot: QtBot, vault: Vault, consenting: str,
                                          fake_source: Any, tone: bytes) -> None:
    widget = make(qtbot, vault, consenting, fake_source)
    widget.record_button.click()
    fake_source.push(tone)
    att_id = widget.stop()
    assert att_id is not None
    service = AttachmentService(vault)
    with service.open(att_id) as reader:
        plain = reader.read()
    device = EncryptedMediaDevice(service.open(att_id), widget)
    assert device.open(QIODevice.OpenModeFlag.ReadOnly)
    assert device.size() == len(plain) and not device.isSequential()
    assert bytes(device.read(100).data()) == plain[:100]
    assert device.seek(len(plain) - 1000)
    assert bytes(device.readAll().data()) == plain[-1000:]
    assert device.atEnd()
    assert device.seek(300_000) and bytes(device.read(10).data()) == plain[300_000:300_010]
    assert not device.seek(len(plain) + 1)
    device.close()


def test_helpers() -> None:
    assert format_ms(3_723_000) == "1:02:03"
    assert peak_percent(b"") == 0
    assert peak_percent(b"\xff\x7f\x00\x00") == 100
