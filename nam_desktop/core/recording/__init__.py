"""Audio recorded straight into the vault: PCM in, encrypted WAV out (no Qt here)."""

from nam_desktop.core.recording.session import (
    Marker,
    RecordingInfo,
    RecordingSession,
    RecordingState,
    RecoveryReport,
    list_markers,
    recording_for_attachment,
    recover_interrupted,
)

__all__ = [
    "Marker",
    "RecordingInfo",
    "RecordingSession",
    "RecordingState",
    "RecoveryReport",
    "list_markers",
    "recording_for_attachment",
    "recover_interrupted",
]
