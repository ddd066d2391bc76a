"""A synthetic tone through the recording pipeline into the vault and back."""

from __future__ import annotations

import io
import os
import tempfile
import time
import wave
from collections.abc import Callable
from pathlib import Path

import pytest

from nam_desktop.core.errors import NotReadyError
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.recording import (
    RecordingSession,
    RecordingState,
    list_markers,
    recording_for_attachment,
    recover_interrupted,
)
from nam_desktop.core.vault.vault import Vault

RATE = 48_000


def read_wav(data: bytes) -> tuple[wave._wave_params, bytes]:
    with wave.open(io.BytesIO(data), "rb") as w:
        return w.getparams(), w.readframes(w.getnframes())


def test_tone_becomes_a_clean_recording_attachment(
        vault: Vault, consenting: str, tone: Callable[..., bytes]) -> None:
    session = RecordingSession(vault)
    info = session.start(consenting, RATE, 1, 2)
    assert info.chunk_size == 256 * 1024
    pcm = tone(RATE * 7 + 123)  # 7 s: two full chunks and a part
    for i in range(0, len(pcm), 4801):  # odd sizes: partial frames are carried over
        session.write_pcm(pcm[i:i + 4801])
    assert session.pending_bytes < info.chunk_size
    assert session.elapsed_ms == 7002
    att = session.finish()
    assert session.state is RecordingState.FINISHED
    assert (att.kind, att.clean_status, att.media_type) == ("recording", "clean", "wav")
    assert att.filename.startswith("recording-") and att.filename.endswith(".wav")
    assert att.sha256_cleaned == att.sha256_original
    service = AttachmentService(vault)
    assert [a.id for a in service.list(consenting)] == [att.id]
    with service.open(att.id) as reader:
        data = reader.read()
        assert reader.verify_all() == att.sha256_cleaned
    params, frames = read_wav(data)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, RATE)
    assert params.nframes == RATE * 7 + 123
    assert frames == pcm
    assert len(data) == att.size_cleaned
    actions = [e.action for e in vault.audit.entries(limit=2)]
    assert actions == ["recording.finish", "recording.start"]
    assert vault.check().ok
    assert recover_interrupted(vault).recovered == []


def test_pause_drops_audio_and_markers_keep_the_audio_time(
        vault: Vault, consenting: str, tone: Callable[..., bytes]) -> None:
    session = RecordingSession(vault)
    session.start(consenting, RATE, 1, 2)
    session.write_pcm(tone(RATE))
    first = session.add_marker("describes the\n detention centre\u202e")
    session.pause()
    assert session.write_pcm(tone(RATE)) == 0
    session.add_marker()
    session.resume()
    session.write_pcm(tone(RATE // 2))
    att = session.finish()
    assert first.offset_ms == 1000
    assert first.note == "describes the detention centre"
    info = recording_for_attachment(vault, att.id)
    assert info is not None and info.state == "finished"
    markers = list_markers(vault, info.id)
    assert [(m.offset_ms, m.note) for m in markers] == [
        (1000, "describes the detention centre"), (1000, "")]
    with AttachmentService(vault).open(att.id) as reader:
        assert read_wav(reader.read())[0].nframes == RATE + RATE // 2
    with pytest.raises(NotReadyError):
        session.add_marker("too late")


def test_refused_without_audio_consent(vault: Vault, refusing: str) -> None:
    with pytest.raises(NotReadyError) as err:
        RecordingSession(vault).start(refusing, RATE, 1, 2)
    assert err.value.missing == ["consent.audio_recording"]
    assert not list((vault.folder / "media").iterdir())


def test_discard_leaves_nothing(vault: Vault, consenting: str,
                                tone: Callable[..., bytes]) -> None:
    session = RecordingSession(vault)
    session.start(consenting, RATE, 1, 2)
    session.write_pcm(tone(RATE * 3))
    session.discard()
    assert session.state is RecordingState.DISCARDED
    assert not list((vault.folder / "media").iterdir())
    assert AttachmentService(vault).list(consenting) == []
    assert vault.check().ok


def test_deleting_the_attachment_removes_recording_and_markers(
        vault: Vault, consenting: str, tone: Callable[..., bytes]) -> None:
    session = RecordingSession(vault)
    info = session.start(consenting, RATE, 2, 2)
    session.write_pcm(tone(RATE))
    session.add_marker("x")
    att = session.finish()
    AttachmentService(vault).delete(att.id)
    assert recording_for_attachment(vault, att.id) is None
    assert list_markers(vault, info.id) == []
    assert not list((vault.folder / "media").iterdir())


def test_no_plaintext_audio_on_disk(vault: Vault, consenting: str,
                                    tone: Callable[..., bytes]) -> None:
    since = time.time() - 1
    pcm = tone(RATE * 4)
    probes = [pcm[o:o + 32] for o in range(1000, len(pcm) - 32, len(pcm) // 9)]
    session = RecordingSession(vault)
    session.start(consenting, RATE, 1, 2)
    session.write_pcm(pcm[: len(pcm) // 2])
    session.add_marker("halfway")
    scanned_mid = _scan(vault.folder, probes, since)
    session.write_pcm(pcm[len(pcm) // 2:])
    session.finish()
    vault.close()
    scanned = _scan(vault.folder, probes, since) + _scan(Path(tempfile.gettempdir()), probes,
                                                        since)
    assert scanned_mid > 0 and scanned > scanned_mid


def _scan(root: Path, probes: list[bytes], since: float) -> int:
    """Fail on a probe found in any file written since the test started."""
    count = 0
    # os.walk, not rglob: other programs' folders in the shared temporary folder may
    # vanish while it is walked (rglob raised FileNotFoundError for an xvfb-run folder).
    paths = [Path(d) / f for d, _, files in os.walk(root) for f in files]
    for path in paths:
        try:
            if not path.is_file() or path.is_symlink() or path.stat().st_mtime < since:
                continue
            data = path.read_bytes()
        except OSError:
            continue  # other users' files, or gone meanwhile
        count += 1
        for probe in probes:
            assert probe not in data, f"plaintext audio in {path}"
    return count
