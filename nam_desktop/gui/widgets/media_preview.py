"""Audio and video playback from decrypted bytes held in memory (a QBuffer, no file)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, Qt, QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

PLAYABLE = {"mp3", "flac", "ogg", "oga", "opus", "wav", "m4a", "aac", "mp4", "m4v", "mov",
            "avi", "webm", "mkv"}
VIDEO = {"mp4", "m4v", "mov", "avi", "webm", "mkv"}


def extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def is_playable(media_type: str, filename: str) -> bool:
    return media_type.lower() in PLAYABLE or extension(filename) in PLAYABLE


class MediaPlayerWidget(QWidget):
    """Play/pause and a position slider; QtMultimedia is imported on first use."""

    media_loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget()
        self.video.setMinimumHeight(160)
        self.player.setVideoOutput(self.video)
        self._buffer: QBuffer | None = None
        self.play_button = QPushButton()
        self.play_button.clicked.connect(self._on_play_clicked)
        self.position = QSlider(Qt.Orientation.Horizontal)
        self.position.sliderMoved.connect(self.player.setPosition)
        self.time_label = QLabel("0:00")
        self.player.durationChanged.connect(self.position.setMaximum)
        self.player.positionChanged.connect(self._on_position_changed)
        self.player.mediaStatusChanged.connect(self._on_media_status_changed)
        self.player.playbackStateChanged.connect(self.retranslate)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.position, 1)
        controls.addWidget(self.time_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.video, 1)
        layout.addLayout(controls)
        self.retranslate()

    def retranslate(self) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        playing = self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.position.setAccessibleName(self.tr("Playback position"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self, data: bytes, filename: str) -> None:
        self.clear()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.video.setVisible(extension(filename) in VIDEO)
        # The URL is only a format hint for the decoder; nothing is read from it.
        self.player.setSourceDevice(buffer, QUrl(f"memory:preview.{extension(filename)}"))

    def clear(self) -> None:
        self.player.stop()
        # Not setSourceDevice(None): with Qt 6.12's FFmpeg backend it blocks for good
        # while the media is still loading (a lock right after choosing a recording hung
        # the app). An empty URL drops the device as well and returns at once.
        self.player.setSource(QUrl())
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer.deleteLater()
            self._buffer = None

    def _on_play_clicked(self) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def _on_position_changed(self, ms: int) -> None:
        self.position.setValue(ms)
        self.time_label.setText(f"{ms // 60000}:{ms // 1000 % 60:02d}")

    def _on_media_status_changed(self) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if self.player.mediaStatus() == QMediaPlayer.MediaStatus.LoadedMedia:
            self.media_loaded.emit()
