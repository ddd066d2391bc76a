"""The microphone: the OS permission (Qt's permission API) and an input in its own format.

* Permission: on macOS (TCC) a microphone that was never allowed, or was refused, records
  silence; Qt 6.5+ asks the OS through ``QMicrophonePermission``. The recorder asks
  before it starts and says clearly when the answer is no. (Windows' "Let desktop apps
  access your microphone" switch is not visible to Qt: silence is noticed instead, see
  :class:`~nam_desktop.core.recording.convert.SilenceWatch`.) :class:`QtMicPermission`
  is the production seam; tests give the recorder a fake with a scripted answer.
* Format: the device is asked for what the vault stores (48 kHz, mono, 16-bit); if it
  says no (Bluetooth headsets at 16 kHz, 44.1 kHz stereo microphones, float-only
  drivers), it is opened in its preferred format and the core converts
  (:class:`~nam_desktop.core.recording.convert.PcmConverter`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QIODevice, QObject, Qt

from nam_desktop.core.errors import NamError, Status, ValidationError
from nam_desktop.core.recording.convert import STORED, InputFormat, SampleFormat

GRANTED, DENIED, UNDETERMINED = "granted", "denied", "undetermined"
_STATUS = {Qt.PermissionStatus.Granted: GRANTED, Qt.PermissionStatus.Denied: DENIED,
           Qt.PermissionStatus.Undetermined: UNDETERMINED}


class QtMicPermission:
    """``status()`` and ``request(context, done)`` through Qt's permission API."""

    def status(self) -> str:
        from PySide6.QtCore import QMicrophonePermission

        app = QCoreApplication.instance()
        if app is None:
            return UNDETERMINED
        return _STATUS.get(app.checkPermission(QMicrophonePermission()), UNDETERMINED)

    def request(self, context: QObject, done: Callable[[str], None]) -> None:
        from PySide6.QtCore import QMicrophonePermission

        app = QCoreApplication.instance()
        if app is None:
            done(DENIED)
            return
        app.requestPermission(QMicrophonePermission(), context,
                              lambda permission: done(_STATUS.get(permission.status(),
                                                                  DENIED)))


def pcm_format_of(fmt: Any) -> InputFormat:
    """The core's description of a ``QAudioFormat``; unusable formats are refused."""
    from PySide6.QtMultimedia import QAudioFormat

    kinds = {QAudioFormat.SampleFormat.UInt8: SampleFormat.UINT8,
             QAudioFormat.SampleFormat.Int16: SampleFormat.INT16,
             QAudioFormat.SampleFormat.Int32: SampleFormat.INT32,
             QAudioFormat.SampleFormat.Float: SampleFormat.FLOAT}
    kind = kinds.get(fmt.sampleFormat())
    if kind is None:
        raise NamError("the microphone offers no usable sample format",
                       status=Status.UNSUPPORTED_FORMAT)
    try:
        return InputFormat(fmt.sampleRate(), fmt.channelCount(), kind)
    except ValidationError as exc:
        raise NamError("the microphone's format is not usable",
                       status=Status.UNSUPPORTED_FORMAT) from exc


class QtAudioInput:
    """A ``QAudioSource`` in pull mode and the format its bytes come in."""

    def __init__(self, source: Any, pcm_format: InputFormat) -> None:
        self._source = source
        self.pcm_format = pcm_format

    def start(self) -> QIODevice:
        device: QIODevice = self._source.start()
        return device

    def stop(self) -> None:
        self._source.stop()

    def suspend(self) -> None:
        self._source.suspend()

    def resume(self) -> None:
        self._source.resume()


def qt_audio_source(device: Any, parent: QObject) -> QtAudioInput:
    """Open ``device`` in the stored format if it takes it, else in its preferred one."""
    from PySide6.QtMultimedia import QAudioFormat, QAudioSource

    fmt = QAudioFormat()
    fmt.setSampleRate(STORED.sample_rate)
    fmt.setChannelCount(STORED.channels)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    if not device.isFormatSupported(fmt):
        fmt = device.preferredFormat()
    return QtAudioInput(QAudioSource(device, fmt, parent), pcm_format_of(fmt))


def source_format(source: object) -> InputFormat:
    """The format a source delivers (sources without one deliver the stored format)."""
    fmt = getattr(source, "pcm_format", None)
    return fmt if isinstance(fmt, InputFormat) else STORED
