""""Record interview": the recorder of one testimony in its own window.

Opened from the testimony's Attachments section and the main toolbar, only when the
witness agreed to audio recording (the editor disables both and says why otherwise).
Not modal: the interviewer can keep notes in the editor while recording. Closing the
window, locking or quitting finishes the recording into the vault.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.recorder_widget import (
    DeviceLister,
    RecorderWidget,
    SourceFactory,
    qt_audio_source,
    qt_input_devices,
)
from nam_desktop.gui.widgets.window_size import fit_to_screen


class RecorderDialog(QDialog):
    recording_finished = Signal(str)  # attachment id

    def __init__(self, vault: Vault, testimony_id: str, title: str,
                 parent: QWidget | None = None, *, devices: DeviceLister = qt_input_devices,
                 source_factory: SourceFactory = qt_audio_source) -> None:
        super().__init__(parent)
        self.setObjectName("recorderDialog")
        self.testimony_id = testimony_id
        self.heading = QLabel()
        self.heading.setProperty("role", "hint")
        self.heading.setWordWrap(True)
        self._title = title  # the testimony's short title (never the witness's name)
        self.recorder = RecorderWidget(vault, testimony_id, self, devices=devices,
                                       source_factory=source_factory)
        self.recorder.recording_finished.connect(self.recording_finished)
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.recorder, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 640, 460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Record interview"))
        self.heading.setText(self.tr("Recording for \u201c%1\u201d. Closing this window "
                                     "finishes the recording and keeps it with the "
                                     "testimony's files.").replace("%1", self._title or "—"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def recording(self) -> bool:
        return self.recorder.state in ("recording", "paused")

    def finish(self) -> str | None:
        """Stop a running recording (kept in the vault); its attachment id."""
        return self.recorder.stop()

    def reject(self) -> None:  # Escape
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.recorder.close()  # stops and keeps the recording, releases playback
        super().closeEvent(event)
