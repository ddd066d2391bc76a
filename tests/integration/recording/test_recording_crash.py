"""A recorder killed mid-recording loses at most the chunk it was filling."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import wave
from collections.abc import Callable
from pathlib import Path

import pytest

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.recording import (
    RecordingSession,
    list_markers,
    recording_for_attachment,
    recover_interrupted,
)
from nam_desktop.core.recording import session as session_mod
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"
CHUNK = 64 * 1024
RECORDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from nam_desktop.core.vault.vault import Vault
    from nam_desktop.core.recording import RecordingSession
    vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
    session = RecordingSession(vault, chunk_seconds=0.5)
    session.start(sys.argv[3], 48000, 1, 2)
    pcm = tone(int(sys.argv[4]))
    for i in range(0, len(pcm), 9600):
        session.write_pcm(pcm[i:i + 9600])
    session.add_marker("before the crash")
    print("written", flush=True)
    time.sleep(120)
""")


def frames_of(reader: io.RawIOBase) -> tuple[int, bytes]:
    with wave.open(io.BytesIO(reader.read()), "rb") as w:
        return w.getnframes(), w.readframes(w.getnframes())


@pytest.mark.slow
def test_sigkill_mid_recording_is_recovered_at_next_unlock(
        vault: Vault, vault_dir: Path, consenting: str, tone: Callable[..., bytes],
        tone_src: str) -> None:
    vault.close()
    frames = 3 * CHUNK // 2 + CHUNK // 4  # 3.5 chunks of 16-bit mono
    proc = subprocess.Popen(
        [sys.executable, "-c", tone_src + RECORDER, str(vault_dir), PASS, consenting,
         str(frames)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "written"
    proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
    proc.wait(timeout=10)
    proc.stdout.close()
    with Vault.open(vault_dir, PASS) as again:
        assert again.open_scan.orphans_removed == []  # the file has its row: kept
        report = recover_interrupted(again)
        assert len(report.recovered) == 1 and not report.failed
        service = AttachmentService(again)
        att = service.get(report.recovered[0])
        assert att.kind == "recording" and att.clean_status == "clean"
        assert att.report["notes"] == ["recovered (interrupted)"]
        assert att.report["recording"]["state"] == "recovered_interrupted"
        with service.open(att.id) as reader:
            n, got = frames_of(reader)
        assert n == 3 * CHUNK // 2  # three whole chunks kept, the half chunk lost
        assert got == tone(frames)[: 3 * CHUNK]
        info = recording_for_attachment(again, att.id)
        assert info is not None and info.state == "recovered"
        assert [m.note for m in list_markers(again, info.id)] == ["before the crash"]
        assert again.audit.entries(limit=1)[0].action == "recording.recover"
        assert again.check().ok
        assert recover_interrupted(again).recovered == []


def test_crash_between_sealing_and_commit(vault: Vault, vault_dir: Path, consenting: str,
                                          tone: Callable[..., bytes],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def power_cut(*_: object, **__: object) -> None:
        raise SystemExit("power cut")

    session = RecordingSession(vault)
    session.start(consenting, 48_000, 1, 2)
    pcm = tone(100_000)
    session.write_pcm(pcm)
    with monkeypatch.context() as m:
        m.setattr(session_mod, "_finalise", power_cut)
        with pytest.raises(SystemExit):
            session.finish()
    vault.close()
    with Vault.open(vault_dir, PASS) as again:
        report = recover_interrupted(again)
        with AttachmentService(again).open(report.recovered[0]) as reader:
            assert frames_of(reader) == (100_000, pcm)  # nothing lost: it was sealed
        assert again.check().ok


def test_a_recording_whose_file_vanished_is_reported_lost(
        vault: Vault, consenting: str, tone: Callable[..., bytes]) -> None:
    session = RecordingSession(vault)
    info = session.start(consenting, 48_000, 1, 2)
    session.write_pcm(tone(1000))
    vault.media.path_of(info.media_id).unlink()
    report = recover_interrupted(vault)
    assert report.lost == [info.id] and report.recovered == []
    assert vault.audit.entries(limit=1)[0].action == "recording.lost"
    assert vault.check().ok
    session.discard()  # closes the writer of the vanished file
