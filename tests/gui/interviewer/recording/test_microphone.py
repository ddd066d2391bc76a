"""Microphone permission asked before recording (a faked OS answer), devices that are not
48 kHz mono 16-bit converted instead of refused, and a warning for pure digital silence."""

from __future__ import annotations

import io
import json
import math
import struct
import wave
from array import array
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from nam_desktop.core.errors import NamError
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.recording.convert import InputFormat, SampleFormat
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.microphone import DENIED, GRANTED, UNDETERMINED, pcm_format_of
from nam_desktop.gui.interviewer.recorder_widget import RecorderWidget

from .conftest import FakeSource


class FakePermission:
    """The OS's answer, scripted: ``status`` now; ``answer`` when asked."""

    def __init__(self, status: str, answer: str | None = None) -> None:
        self.current, self.answer = status, answer
        self.asked = 0
        self.pending: Callable[[str], None] | None = None

    def status(self) -> str:
        return self.current

    def request(self, context: QObject, done: Callable[[str], None]) -> None:
        self.asked += 1
        self.pending = done  # the OS dialog is open until the test answers

    def reply(self) -> None:
        assert self.pending is not None and self.answer is not None
        self.current = self.answer
        self.pending(self.answer)


def make(qtbot: QtBot, vault: Vault, tid: str, source: Any,
         permission: FakePermission) -> RecorderWidget:
    widget = RecorderWidget(vault, tid, devices=lambda: [("Mic", "h")],
                            source_factory=lambda _h, _p: source, permission=permission)
    qtbot.addWidget(widget)
    return widget


def test_denied_microphone_says_so_and_records_nothing(
        qtbot: QtBot, vault: Vault, consenting: str, fake_source: FakeSource) -> None:
    widget = make(qtbot, vault, consenting, fake_source, FakePermission(DENIED))
    widget.record_button.click()
    assert fake_source.calls == []
    assert "may not use the microphone" in widget.status.text()
    assert "Privacy & Security" in widget.status.text()
    assert widget.state == "ready" and widget.record_button.isEnabled()  # can try again
    assert AttachmentService(vault).list(consenting) == []
    assert not list((vault.folder / "media").iterdir())


@pytest.mark.parametrize("answer", [GRANTED, DENIED])
def test_the_os_is_asked_once_before_the_first_recording(
        qtbot: QtBot, vault: Vault, consenting: str, fake_source: FakeSource,
        answer: str) -> None:
    permission = FakePermission(UNDETERMINED, answer)
    widget = make(qtbot, vault, consenting, fake_source, permission)
    widget.record_button.click()
    assert permission.asked == 1 and fake_source.calls == []
    assert not widget.record_button.isEnabled()  # no second click while the OS asks
    assert "Waiting for permission" in widget.status.text()
    permission.reply()
    if answer == GRANTED:
        assert widget.state == "recording" and fake_source.calls == ["start"]
        widget.stop()
    else:
        assert widget.state == "ready" and fake_source.calls == []
        assert "may not use the microphone" in widget.status.text()


class ConvertingSource(FakeSource):
    def __init__(self, fmt: InputFormat) -> None:
        super().__init__()
        self.pcm_format = fmt


def test_a_44_1_khz_stereo_float_microphone_is_recorded_as_48_khz_mono(
        qtbot: QtBot, vault: Vault, consenting: str) -> None:
    source = ConvertingSource(InputFormat(44_100, 2, SampleFormat.FLOAT))
    widget = make(qtbot, vault, consenting, source, FakePermission(GRANTED))
    widget.record_button.click()
    values = []
    for i in range(44_141):  # one second (and a bit) of a 440 Hz tone, both channels
        v = 0.4 * math.sin(2 * math.pi * 440 * i / 44_100)
        values += [v, v]
    source.push(array("f", values).tobytes())
    assert widget.elapsed.text() == "0:00:01" and widget.level.value() >= 39
    att_id = widget.stop()
    assert att_id is not None
    with AttachmentService(vault).open(att_id) as reader, \
            wave.open(io.BytesIO(reader.read()), "rb") as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (48_000, 1, 2)
        assert abs(w.getnframes() - 48_044) <= 2
        frames = struct.unpack(f"<{w.getnframes()}h", w.readframes(w.getnframes()))
    assert max(frames) == pytest.approx(0.4 * 32767, rel=0.01)
    with vault.reading() as c:
        details = c.execute("SELECT details FROM audit_log WHERE action = 'recording.start'"
                            ).fetchone()[0]
    assert json.loads(details)["converted_from"] == "44100 Hz, 2 ch, float"


def test_pure_silence_warns_and_sound_clears_the_warning(
        qtbot: QtBot, vault: Vault, consenting: str, fake_source: FakeSource,
        tone: bytes) -> None:
    widget = make(qtbot, vault, consenting, fake_source, FakePermission(GRANTED))
    widget.record_button.click()
    fake_source.push(bytes(2 * 48_000 * 7))  # 7 s of zeros: not yet
    assert "only silence" not in widget.status.text()
    fake_source.push(bytes(2 * 48_000 * 2))
    assert "only silence" in widget.status.text() and widget.state == "recording"
    fake_source.push(tone)
    assert widget.status.text() == "Recording…"
    assert widget.stop() is not None  # the silent part is kept, nothing is lost


def test_qt_audio_formats_map_to_the_core() -> None:
    from PySide6.QtMultimedia import QAudioFormat

    fmt = QAudioFormat()
    fmt.setSampleRate(16_000)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Float)
    assert pcm_format_of(fmt) == InputFormat(16_000, 1, SampleFormat.FLOAT)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Unknown)
    with pytest.raises(NamError):
        pcm_format_of(fmt)
