"""Recording sessions: consent check, streaming into the vault, markers, finish, recovery.

A recording gets its ``media_files`` row (with its key) and a ``recordings`` row in state
``recording`` as soon as its file exists, so the vault's scan keeps the file if the app
dies. :meth:`RecordingSession.finish` (or :func:`recover_interrupted` at the next unlock)
turns it into an attachment of kind ``recording``. Not thread-safe: one thread drives a
session (the vault's own lock serialises the database).
"""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass
from enum import Enum
from typing import Any

from nam_desktop.core.clock import Clock, iso, utc_now
from nam_desktop.core.errors import NamError, NotReadyError
from nam_desktop.core.model.attachments import Attachment, AttachmentService
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.recording import wav
from nam_desktop.core.recording.writer import EncryptedWavWriter, recover_file
from nam_desktop.core.vault.media_store import StoredMedia
from nam_desktop.core.vault.vault import Vault

MAX_NOTE = 200
RECOVERED_NOTE = "recovered (interrupted)"


class RecordingState(Enum):
    IDLE = "idle"
    RECORDING = "recording"
    PAUSED = "paused"
    FINISHED = "finished"
    DISCARDED = "discarded"


@dataclass(frozen=True)
class Marker:
    id: int
    recording_id: str
    offset_ms: int
    note: str


@dataclass(frozen=True)
class RecordingInfo:
    id: str
    testimony_id: str
    media_id: str
    attachment_id: str | None
    state: str
    format: wav.PcmFormat
    chunk_size: int
    started_at: str


@dataclass(frozen=True)
class RecoveryReport:
    recovered: list[str]  # attachment ids
    failed: list[str]  # recording ids that could not be recovered (kept for a retry)
    lost: list[str]  # recording ids whose file was gone


_REC_COLUMNS = ("id, testimony_id, media_id, attachment_id, state, sample_rate, channels, "
                "sample_width, chunk_size, started_at")


def _info(r: tuple[Any, ...]) -> RecordingInfo:
    return RecordingInfo(r[0], r[1], r[2], r[3], r[4], wav.PcmFormat(r[5], r[6], r[7]),
                         r[8], r[9])


def clean_note(note: str) -> str:
    kept = "".join(ch if ch.isprintable() else " " for ch in note)
    return " ".join(kept.split())[:MAX_NOTE]


class RecordingSession:
    def __init__(self, vault: Vault, clock: Clock = utc_now, chunk_seconds: float = 2.5) -> None:
        self._vault = vault
        self._clock = clock
        self._chunk_seconds = chunk_seconds
        self._state = RecordingState.IDLE
        self._writer: EncryptedWavWriter | None = None
        self._info: RecordingInfo | None = None
        self._carry = b""

    # ---- state ---------------------------------------------------------------------------
    @property
    def state(self) -> RecordingState:
        return self._state

    @property
    def info(self) -> RecordingInfo | None:
        return self._info

    @property
    def data_len(self) -> int:
        return self._writer.data_len if self._writer is not None else 0

    @property
    def elapsed_ms(self) -> int:
        if self._info is None:
            return 0
        return self._info.format.ms_of(self.data_len)

    @property
    def pending_bytes(self) -> int:
        """Plaintext held in memory (at most about one chunk)."""
        return (self._writer.pending if self._writer is not None else 0) + len(self._carry)

    # ---- recording -----------------------------------------------------------------------
    def start(self, testimony_id: str, sample_rate: int, channels: int,
              sample_width: int, *, source: str = "") -> RecordingInfo:
        """Create the recording. ``source``: the device's own format when the audio was
        converted (``16000 Hz, 1 ch, int16``), kept in the audit trail."""
        if self._state is not RecordingState.IDLE:
            raise NotReadyError(["session.idle"])
        consent = TestimonyRepository(self._vault, self._clock).get(testimony_id).consent
        if not consent.audio_recording or consent.withdrawn:
            raise NotReadyError(["consent.audio_recording"])
        fmt = wav.PcmFormat(sample_rate, channels, sample_width)
        chunk = wav.chunk_size_for(fmt, self._chunk_seconds)
        file_id, key = secrets.token_bytes(16), secrets.token_bytes(32)
        media_id = file_id.hex()
        writer = EncryptedWavWriter(self._vault.media.path_of(media_id), key, file_id, fmt,
                                    chunk)
        info = RecordingInfo(str(uuid.uuid4()), testimony_id, media_id, None, "recording",
                             fmt, chunk, iso(self._clock()))
        try:
            with self._vault.transaction() as c:
                self._vault.media.insert_row(StoredMedia(media_id, 0, ""), key, chunk)
                c.execute(
                    f"INSERT INTO recordings ({_REC_COLUMNS}) "  # noqa: S608  # constant
                    "VALUES (?, ?, ?, NULL, 'recording', ?, ?, ?, ?, ?)",
                    (info.id, testimony_id, media_id, sample_rate, channels, sample_width,
                     chunk, info.started_at))
                self._vault.audit.append("recording.start", testimony_id, recording=info.id,
                                         sample_rate=sample_rate, channels=channels,
                                         sample_width=sample_width,
                                         **({"converted_from": source} if source else {}))
        except BaseException:
            writer.abort()
            raise
        self._writer, self._info, self._state = writer, info, RecordingState.RECORDING
        return info

    def write_pcm(self, data: bytes | bytearray | memoryview) -> int:
        """Append PCM (any length); returns bytes accepted (0 while paused: dropped)."""
        if self._state is RecordingState.PAUSED:
            return 0
        if self._state is not RecordingState.RECORDING or self._writer is None \
                or self._info is None:
            raise NotReadyError(["session.recording"])
        buf = self._carry + bytes(data)
        whole = len(buf) - len(buf) % self._info.format.block_align
        self._writer.append(buf[:whole])
        self._carry = buf[whole:]
        return len(data)

    def pause(self) -> None:
        if self._state is RecordingState.RECORDING:
            self._state = RecordingState.PAUSED
            self._carry = b""

    def resume(self) -> None:
        if self._state is RecordingState.PAUSED:
            self._state = RecordingState.RECORDING

    def add_marker(self, note: str = "") -> Marker:
        if self._state not in (RecordingState.RECORDING, RecordingState.PAUSED) \
                or self._info is None:
            raise NotReadyError(["session.recording"])
        offset, text = self.elapsed_ms, clean_note(note)
        with self._vault.transaction() as c:
            cur = c.execute(
                "INSERT INTO recording_markers (recording_id, offset_ms, note, created_at) "
                "VALUES (?, ?, ?, ?)", (self._info.id, offset, text, iso(self._clock())))
            marker_id = int(cur.lastrowid or 0)
        return Marker(marker_id, self._info.id, offset, text)

    def finish(self) -> Attachment:
        if self._state not in (RecordingState.RECORDING, RecordingState.PAUSED) \
                or self._writer is None or self._info is None:
            raise NotReadyError(["session.recording"])
        self._carry = b""
        data_len = self._writer.finish()
        self._state = RecordingState.FINISHED
        return _finalise(self._vault, self._info, data_len, self._clock, recovered=False)

    def discard(self) -> None:
        """Stop and crypto-shred the recording (nothing is kept)."""
        if self._writer is None or self._info is None or self._state in (
                RecordingState.FINISHED, RecordingState.DISCARDED):
            return
        self._writer.abort()
        self._carry = b""
        with self._vault.transaction():
            self._vault.media.delete(self._info.media_id)  # cascades to the recording
            self._vault.audit.append("recording.discard", self._info.testimony_id,
                                     recording=self._info.id)
        self._state = RecordingState.DISCARDED


def _finalise(vault: Vault, info: RecordingInfo, data_len: int, clock: Clock, *,
              recovered: bool) -> Attachment:
    """Hash the sealed file, then add the attachment and audit entry in one transaction."""
    with vault.reading():
        reader = vault.media.open(info.media_id)
    with reader:
        size, digest = reader.size, reader.verify_all()
    att_id = str(uuid.uuid4())
    now = iso(clock())
    stamp = info.started_at.replace("-", "").replace(":", "").replace("T", "-")[:15]
    notes = [RECOVERED_NOTE] if recovered else []
    report = {"notes": notes, "recording": {
        "recording_id": info.id, "state": "recovered_interrupted" if recovered else "finished",
        "sample_rate": info.format.sample_rate, "channels": info.format.channels,
        "sample_width": info.format.sample_width, "data_bytes": data_len,
        "duration_ms": info.format.ms_of(data_len)}}
    with vault.transaction() as c:
        c.execute("UPDATE media_files SET size = ?, sha256 = ? WHERE id = ?",
                  (size, digest, info.media_id))
        c.execute(
            "INSERT INTO attachments (id, testimony_id, filename, media_type, kind, "
            "original_media_id, cleaned_media_id, sha256_original, sha256_cleaned, "
            "size_original, size_cleaned, clean_status, report, created_at) "
            "VALUES (?, ?, ?, 'wav', 'recording', NULL, ?, ?, ?, ?, ?, 'clean', ?, ?)",
            (att_id, info.testimony_id, f"recording-{stamp}.wav", info.media_id, digest,
             digest, size, size, json.dumps(report), now))
        c.execute("UPDATE recordings SET state = ?, attachment_id = ?, finished_at = ? "
                  "WHERE id = ?", ("recovered" if recovered else "finished", att_id, now,
                                   info.id))
        vault.audit.append("recording.recover" if recovered else "recording.finish",
                           info.testimony_id, recording=info.id, attachment=att_id,
                           sha256=digest, size=size, duration_ms=info.format.ms_of(data_len))
    return AttachmentService(vault, clock).get(att_id)


def recover_interrupted(vault: Vault, clock: Clock = utc_now) -> RecoveryReport:
    """Run once after unlock, before any recording starts: seal recordings left open."""
    with vault.reading() as c:
        rows = c.execute(f"SELECT {_REC_COLUMNS} FROM recordings "  # noqa: S608  # constant
                         "WHERE state = 'recording' ORDER BY started_at").fetchall()
    report = RecoveryReport([], [], [])
    for row in rows:
        info = _info(row)
        path = vault.media.path_of(info.media_id)
        if not path.exists():
            with vault.transaction():
                vault.media.delete(info.media_id)
                vault.audit.append("recording.lost", info.testimony_id, recording=info.id)
            report.lost.append(info.id)
            continue
        with vault.reading() as c:
            key = bytes(c.execute("SELECT file_key FROM media_files WHERE id = ?",
                                  (info.media_id,)).fetchone()[0])
        try:
            data_len = recover_file(path, key, bytes.fromhex(info.media_id), info.format,
                                    info.chunk_size)
            att = _finalise(vault, info, data_len, clock, recovered=True)
        except (NamError, OSError, ValueError):
            report.failed.append(info.id)
            continue
        report.recovered.append(att.id)
    return report


def recording_for_attachment(vault: Vault, attachment_id: str) -> RecordingInfo | None:
    with vault.reading() as c:
        row = c.execute(f"SELECT {_REC_COLUMNS} FROM recordings "  # noqa: S608  # constant
                        "WHERE attachment_id = ?", (attachment_id,)).fetchone()
    return _info(row) if row else None


def list_markers(vault: Vault, recording_id: str) -> list[Marker]:
    with vault.reading() as c:
        rows = c.execute("SELECT id, recording_id, offset_ms, note FROM recording_markers "
                         "WHERE recording_id = ? ORDER BY offset_ms, id",
                         (recording_id,)).fetchall()
    return [Marker(int(r[0]), r[1], int(r[2]), r[3]) for r in rows]


