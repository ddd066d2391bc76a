"""Record an interview into the vault; play it back with its markers.

Capture: ``QAudioSource`` in pull mode; on ``readyRead`` each block goes straight to the
core's :class:`RecordingSession`, which encrypts it into the vault (nothing on disk in
plaintext, at most one chunk in memory). Pull mode because PySide6 6.12 hands a Python
``QIODevice.writeData`` override a ``str`` cut at the first NUL byte: a push-mode sink
written in Python would lose audio.
Playback: :class:`EncryptedMediaDevice` is a seekable read-only QIODevice over the core's
decrypting ``MediaReader``; QMediaPlayer reads the WAV through it (no temp file).
Both the list of input devices and the audio source are injectable for tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QIODevice, QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.crypto.media_stream import MediaReader
from nam_desktop.core.errors import NamError, NotReadyError
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.recording import (
    Marker,
    RecordingSession,
    RecordingState,
    list_markers,
    recording_for_attachment,
)
from nam_desktop.core.recording.convert import PcmConverter, SilenceWatch
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.microphone import (
    DENIED,
    GRANTED,
    QtMicPermission,
    qt_audio_source,
    source_format,
)
from nam_desktop.gui.widgets.messages import message_for

RATE, CHANNELS, WIDTH = 48_000, 1, 2


class AudioSourceLike(Protocol):
    def start(self) -> QIODevice: ...  # pull mode: read the device on readyRead
    def stop(self) -> None: ...
    def suspend(self) -> None: ...
    def resume(self) -> None: ...


# (device handle or None, parent) -> a source; its ``pcm_format`` (default: 48 kHz mono
# 16-bit) says what it delivers, converted by the core before it is stored.
SourceFactory = Callable[[Any, QObject], AudioSourceLike]
# () -> [(description, device handle)]
DeviceLister = Callable[[], list[tuple[str, Any]]]


def qt_input_devices() -> list[tuple[str, Any]]:
    from PySide6.QtMultimedia import QMediaDevices

    return [(d.description(), d) for d in QMediaDevices.audioInputs()]


def format_ms(ms: int) -> str:
    s = ms // 1000
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


def peak_percent(pcm: bytes) -> int:
    """Peak level of 16-bit little-endian PCM, 0-100."""
    even = len(pcm) - len(pcm) % 2
    if not even:
        return 0
    samples = memoryview(pcm[:even]).cast("h")
    return min(100, max(abs(max(samples)), abs(min(samples))) * 100 // 32767)


class EncryptedMediaDevice(QIODevice):
    """Seekable read-only view of a vault media file, decrypted chunk by chunk in memory."""

    def __init__(self, reader: MediaReader, parent: QObject) -> None:
        super().__init__(parent)
        self._reader = reader

    def isSequential(self) -> bool:  # Qt override
        return False

    def size(self) -> int:
        return self._reader.size

    def seek(self, pos: int) -> bool:
        if not 0 <= pos <= self._reader.size:
            return False
        self._reader.seek(pos)
        return bool(super().seek(pos))

    def readData(self, maxlen: int) -> bytes:  # Qt override
        self._reader.seek(self.pos())
        return self._reader.read(maxlen) or b""

    def writeData(self, data: bytes | bytearray | memoryview, length: int = -1) -> int:  # Qt
        return -1

    def close(self) -> None:
        super().close()
        self._reader.close()


class MicPermission(Protocol):
    def status(self) -> str: ...  # "granted", "denied" or "undetermined"
    def request(self, context: QObject, done: Callable[[str], None]) -> None: ...


SILENCE_SECONDS = 8.0  # this long of exact zeros: warn (denied or muted microphone)


class RecorderWidget(QWidget):
    """Recorder for one testimony, then playback of what was recorded."""

    recording_started = Signal()
    recording_finished = Signal(str)  # attachment id
    marker_activated = Signal(int)  # offset in ms

    def __init__(self, vault: Vault, testimony_id: str, parent: QWidget | None = None, *,
                 devices: DeviceLister = qt_input_devices,
                 source_factory: SourceFactory = qt_audio_source,
                 permission: MicPermission | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._permission: MicPermission = permission or QtMicPermission()
        self._converter: PcmConverter | None = None
        self._silence = SilenceWatch(SILENCE_SECONDS)
        self._silent_warned = False
        self._tid = testimony_id
        self._devices = devices
        self._make_source = source_factory
        self._session: RecordingSession | None = None
        self._source: AudioSourceLike | None = None
        self._input: QIODevice | None = None
        self._player: Any = None
        self._media: EncryptedMediaDevice | None = None
        self._start_at: int | None = None  # marker chosen before the player existed
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.device_box = QComboBox()
        self.record_button = QPushButton()
        self.pause_button = QPushButton()
        self.stop_button = QPushButton()
        self.level = QProgressBar()
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.elapsed = QLabel(format_ms(0))
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(200)
        self.marker_button = QPushButton()
        self.markers = QListWidget()
        self.play_button = QPushButton()
        self.record_button.clicked.connect(self._on_record_clicked)
        self.pause_button.clicked.connect(self._on_pause_clicked)
        self.stop_button.clicked.connect(self.stop)
        self.marker_button.clicked.connect(self._on_marker_clicked)
        self.note_edit.returnPressed.connect(self._on_marker_clicked)
        self.markers.itemActivated.connect(self._on_marker_item)
        self.markers.itemClicked.connect(self._on_marker_item)
        self.play_button.clicked.connect(self._on_play_clicked)
        top = QHBoxLayout()
        for w in (self.device_box, self.record_button, self.pause_button, self.stop_button):
            top.addWidget(w)
        meter = QHBoxLayout()
        meter.addWidget(self.level, 1)
        meter.addWidget(self.elapsed)
        marks = QHBoxLayout()
        marks.addWidget(self.note_edit, 1)
        marks.addWidget(self.marker_button)
        marks.addWidget(self.play_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(top)
        layout.addLayout(meter)
        layout.addLayout(marks)
        layout.addWidget(self.markers, 1)
        self._state_text = ""
        self.retranslate()
        self.refresh()

    # ---- state ---------------------------------------------------------------------------
    @property
    def state(self) -> str:
        """``no_device``, ``no_consent``, ``ready``, ``recording``, ``paused`` or ``error``."""
        return self._state_text

    def _set_state(self, state: str, message: str = "") -> None:
        self._state_text = state
        recording = state in ("recording", "paused")
        self.device_box.setEnabled(state == "ready")
        self.record_button.setEnabled(state == "ready")
        self.pause_button.setEnabled(recording)
        self.stop_button.setEnabled(recording)
        self.marker_button.setEnabled(recording)
        self.note_edit.setEnabled(recording)
        self.play_button.setEnabled(self._media is not None and not recording)
        self.pause_button.setText(self.tr("Resume") if state == "paused" else self.tr("Pause"))
        self.status.setText(message or self._default_message(state))

    def _default_message(self, state: str) -> str:
        return {
            "no_device": self.tr("No microphone found. Connect one to record; everything else "
                                 "works as usual."),
            "no_consent": self.tr("Recording is not allowed: the witness has not consented to "
                                  "audio recording. Tick it in the consent section first."),
            "ready": self.tr("Ready. The recording goes straight into the encrypted vault."),
            "recording": self.tr("Recording…"),
            "paused": self.tr("Paused."),
        }.get(state, "")

    def refresh(self) -> None:
        """Re-read devices and consent (call after the consent section was saved)."""
        if self._session is not None and self._session.state in (
                RecordingState.RECORDING, RecordingState.PAUSED):
            return
        consent = TestimonyRepository(self._vault).get(self._tid).consent
        self.device_box.clear()
        for name, handle in self._devices():
            self.device_box.addItem(name, handle)
        if not consent.audio_recording or consent.withdrawn:
            self._set_state("no_consent")
        elif self.device_box.count() == 0:
            self._set_state("no_device")
        else:
            self._set_state("ready")

    def retranslate(self) -> None:
        self.record_button.setText(self.tr("Record"))
        self.stop_button.setText(self.tr("Stop"))
        self.marker_button.setText(self.tr("Add marker"))
        self.note_edit.setPlaceholderText(self.tr("Optional note for the marker"))
        self.play_button.setText(self.tr("Play / pause"))
        self.device_box.setAccessibleName(self.tr("Microphone"))
        self.level.setAccessibleName(self.tr("Input level"))
        self.markers.setAccessibleName(self.tr("Markers"))
        if self._state_text:
            self._set_state(self._state_text)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- recording -----------------------------------------------------------------------
    def _on_record_clicked(self) -> None:
        """Ask the OS for the microphone first (macOS asks the user once), then record."""
        if self._state_text != "ready":
            return
        status = self._permission.status()
        if status == GRANTED:
            self._start_recording()
        elif status == DENIED:
            self._on_permission_answer(DENIED)
        else:
            self.record_button.setEnabled(False)
            self.status.setText(self.tr("Waiting for permission to use the microphone…"))
            self._permission.request(self, self._on_permission_answer)

    def _on_permission_answer(self, status: str) -> None:
        if self._state_text != "ready":
            return
        if status == GRANTED:
            self._start_recording()
            return
        self._set_state("ready", self.tr(
            "NAM Desktop may not use the microphone, so nothing would be recorded. Allow it "
            "in the system settings, then restart NAM Desktop: on macOS in System Settings "
            "→ Privacy & Security → Microphone; on Windows in Settings → Privacy & "
            "security → Microphone (also \"Let desktop apps access your microphone\")."))

    def _start_recording(self) -> None:
        self._unload_playback()
        session = RecordingSession(self._vault)
        try:
            source = self._make_source(self.device_box.currentData(), self)
            converter = PcmConverter(source_format(source))
            session.start(self._tid, RATE, CHANNELS, WIDTH, source="" if converter.passthrough
                          else converter.format.describe())
        except NotReadyError as exc:
            if "consent.audio_recording" in exc.missing:
                self._set_state("no_consent")
            else:
                self._set_state("error", message_for(exc))
            return
        except NamError as exc:
            self._set_state("error", self.tr("The microphone could not be started.")
                            + " " + message_for(exc))
            return
        self._session, self._source, self._converter = session, source, converter
        self._silence.reset()
        self._silent_warned = False
        self.markers.clear()
        self._input = source.start()
        self._input.readyRead.connect(self._on_ready_read)
        self._set_state("recording")
        self.recording_started.emit()

    def _on_ready_read(self) -> None:
        if self._input is not None:
            self._on_pcm(bytes(self._input.readAll().data()))

    def _on_pcm(self, block: bytes) -> None:
        session = self._session
        if not block or session is None or session.state is not RecordingState.RECORDING:
            return
        if self._converter is not None:
            block = self._converter.convert(block)  # the device's format -> 48 kHz mono
        try:
            self._session.write_pcm(block)
        except (NamError, OSError) as exc:
            self.stop()
            self._set_state("error", message_for(exc))
            return
        self.level.setValue(peak_percent(block))
        self.elapsed.setText(format_ms(self._session.elapsed_ms))
        self._check_silence(block)

    def _check_silence(self, block: bytes) -> None:
        silent = self._silence.feed(block)
        if silent and not self._silent_warned:
            self._silent_warned = True
            self.status.setText(self.tr(
                "The microphone sends only silence. Check that it is connected and not "
                "muted, and that NAM Desktop may use it (Windows: Settings → Privacy & "
                "security → Microphone; macOS: System Settings → Privacy & Security → "
                "Microphone). The recording goes on."))
        elif not silent and self._silent_warned:
            self._silent_warned = False
            self._set_state(self._state_text)

    def _on_pause_clicked(self) -> None:
        if self._session is None or self._source is None:
            return
        if self._session.state is RecordingState.RECORDING:
            self._source.suspend()
            self._session.pause()
            self.level.setValue(0)
            self._set_state("paused")
        elif self._session.state is RecordingState.PAUSED:
            self._session.resume()
            self._source.resume()
            self._set_state("recording")

    def _on_marker_clicked(self) -> None:
        if self._session is None or self._state_text not in ("recording", "paused"):
            return
        marker = self._session.add_marker(self.note_edit.text())
        self.note_edit.clear()
        self._add_marker_item(marker)

    def _add_marker_item(self, marker: Marker) -> None:
        item = QListWidgetItem(f"{format_ms(marker.offset_ms)}  {marker.note}".rstrip())
        item.setData(Qt.ItemDataRole.UserRole, marker.offset_ms)
        self.markers.addItem(item)

    def stop(self) -> str | None:
        """Finish the recording (also call before the vault is locked); the attachment id."""
        session, source = self._session, self._source
        if session is None or session.state not in (RecordingState.RECORDING,
                                                    RecordingState.PAUSED):
            return None
        self._on_ready_read()  # what the device still holds
        if self._input is not None:
            self._input.readyRead.disconnect(self._on_ready_read)
        if source is not None:
            source.stop()
        self._source, self._input, self._converter = None, None, None
        try:
            att = session.finish()
        except (NamError, OSError) as exc:
            self._set_state("error", message_for(exc))
            return None
        self._session = None
        self.level.setValue(0)
        self.refresh()
        self.load_recording(att.id)
        self.recording_finished.emit(att.id)
        return att.id

    # ---- playback ------------------------------------------------------------------------
    def load_recording(self, attachment_id: str) -> None:
        """Show the markers of a recorded attachment and make it playable."""
        self._unload_playback()
        self.markers.clear()
        info = recording_for_attachment(self._vault, attachment_id)
        if info is not None:
            for marker in list_markers(self._vault, info.id):
                self._add_marker_item(marker)
        self._media = EncryptedMediaDevice(AttachmentService(self._vault).open(attachment_id),
                                           self)
        self._media.open(QIODevice.OpenModeFlag.ReadOnly)
        self._set_state(self._state_text)

    def _ensure_player(self) -> Any:
        if self._player is None:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            self._player = QMediaPlayer(self)
            self._player.setAudioOutput(QAudioOutput(self))
        if self._media is not None and self._player.sourceDevice() is not self._media:
            # The URL is only a format hint; nothing is read from it.
            self._player.setSourceDevice(self._media, QUrl("memory:recording.wav"))
        return self._player

    def _on_play_clicked(self) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        player = self._ensure_player()
        if player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            player.pause()
        else:
            if self._start_at is not None:
                player.setPosition(self._start_at)
                self._start_at = None
            player.play()

    def _on_marker_item(self, item: QListWidgetItem) -> None:
        offset = int(item.data(Qt.ItemDataRole.UserRole))
        self._start_at = offset
        if self._player is not None and self._media is not None:
            self._player.setPosition(offset)
        self.marker_activated.emit(offset)

    def _unload_playback(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player.setSourceDevice(None)
        if self._media is not None:
            self._media.close()
            self._media.deleteLater()
            self._media = None

    def closeEvent(self, event: Any) -> None:  # Qt override
        self.stop()
        self._unload_playback()
        super().closeEvent(event)
