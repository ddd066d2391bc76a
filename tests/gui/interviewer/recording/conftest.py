"""Fixtures for the recorder GUI tests: a fake audio source and consenting testimonies."""

from __future__ import annotations

import math
import struct

import pytest
from PySide6.QtCore import QIODevice

from nam_desktop.core.model.records import Consent, TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository


class FakeInput(QIODevice):
    """The device a pull-mode QAudioSource returns: PCM waits here until read."""

    def __init__(self) -> None:
        super().__init__()
        self.queue = bytearray()
        self.open(QIODevice.OpenModeFlag.ReadOnly)

    def readData(self, maxlen: int) -> bytes:  # Qt override
        out = bytes(self.queue[:maxlen])
        del self.queue[:maxlen]
        return out

    def writeData(self, data: object, length: int = -1) -> int:  # Qt override
        return -1

    def bytesAvailable(self) -> int:  # Qt override
        return len(self.queue) + super().bytesAvailable()

    def isSequential(self) -> bool:  # Qt override
        return True


class FakeSource:
    """Stands in for QAudioSource in pull mode: the test pushes PCM into its device."""

    def __init__(self) -> None:
        self.device = FakeInput()
        self.calls: list[str] = []

    def start(self) -> QIODevice:
        self.calls.append("start")
        return self.device

    def stop(self) -> None:
        self.calls.append("stop")

    def suspend(self) -> None:
        self.calls.append("suspend")

    def resume(self) -> None:
        self.calls.append("resume")

    def push(self, pcm: bytes, *, last_block_unread: bool = False) -> None:
        """Deliver 100 ms blocks, like QAudioSource; optionally leave the last one unread."""
        for i in range(0, len(pcm), 9600):
            self.device.queue += pcm[i:i + 9600]
            if not (last_block_unread and i + 9600 >= len(pcm)):
                self.device.readyRead.emit()


@pytest.fixture
def fake_source() -> FakeSource:
    return FakeSource()


@pytest.fixture
def tone() -> bytes:
    """One second of 48 kHz mono 16-bit tone."""
    return b"".join(struct.pack("<h", int(20000 * math.sin(i / 11.0))) for i in range(48_000))


@pytest.fixture
def consenting(repo: TestimonyRepository) -> str:
    return repo.add(TestimonyDraft(title="recorded", consent=Consent(
        audio_recording=True, given_date="2026-11-01", method="oral")))


@pytest.fixture
def refusing(repo: TestimonyRepository) -> str:
    return repo.add(TestimonyDraft(title="not recorded", consent=Consent(
        hq_documentation=True, given_date="2026-11-01", method="oral")))
