"""Whatever the microphone delivers -> what the vault stores (48 kHz, mono, signed 16-bit).

Microphones do not all offer 48 kHz mono 16-bit: a Bluetooth headset gives 16 kHz
(sometimes 8 kHz), a USB microphone 44.1 kHz stereo, Windows' shared mode and macOS often
32-bit float. :class:`PcmConverter` takes the device's own format and converts block by
block, keeping its state between blocks (a frame cut in two, the resampler's position):

* samples to integers: unsigned 8-bit, signed 16/32-bit or float (clipped to -1..1);
* channels averaged to mono;
* sample rate changed by linear interpolation (exact integer arithmetic, so the output
  does not depend on block boundaries); going down (96 kHz -> 48 kHz) averages the
  samples of each output step first, so high frequencies do not fold back as noise.

Pure Python on the standard library (``array``; ``audioop`` is gone from Python 3.13).
Input is in the machine's byte order (what Qt delivers); output is little-endian (WAV).
:class:`SilenceWatch` notices a microphone that delivers only zeros (permission denied,
muted by a hardware switch): the recorder then warns.
"""

from __future__ import annotations

import sys
from array import array
from dataclasses import dataclass
from enum import Enum
from typing import Any

from nam_desktop.core.errors import ValidationError

TARGET_RATE = 48_000
MAX_CHANNELS = 32


class SampleFormat(Enum):
    UINT8 = "uint8"
    INT16 = "int16"
    INT32 = "int32"
    FLOAT = "float"


_TYPECODE = {SampleFormat.UINT8: "B", SampleFormat.INT16: "h", SampleFormat.INT32: "i",
             SampleFormat.FLOAT: "f"}


@dataclass(frozen=True)
class InputFormat:
    sample_rate: int
    channels: int
    sample: SampleFormat

    def __post_init__(self) -> None:
        if not 1000 <= self.sample_rate <= 384_000:
            raise ValidationError("sample_rate", "out of range")
        if not 1 <= self.channels <= MAX_CHANNELS:
            raise ValidationError("channels", "out of range")

    @property
    def frame_bytes(self) -> int:
        return array(_TYPECODE[self.sample]).itemsize * self.channels

    def describe(self) -> str:
        """For the audit trail: ``44100 Hz, 2 ch, float``."""
        return f"{self.sample_rate} Hz, {self.channels} ch, {self.sample.value}"


STORED = InputFormat(TARGET_RATE, 1, SampleFormat.INT16)


class PcmConverter:
    """Device PCM blocks -> 48 kHz mono signed 16-bit little-endian, block by block."""

    def __init__(self, fmt: InputFormat, out_rate: int = TARGET_RATE) -> None:
        self.format = fmt
        self._out_rate = out_rate
        self._carry = b""  # a frame cut between two blocks
        self._tail: int | None = None  # the last input sample (for interpolation)
        self._pos = 0  # next output position, in 1/out_rate input samples from the tail
        self._window = max(1, fmt.sample_rate // out_rate)  # averaging before going down
        self._history: list[int] = []  # the last window-1 samples, across blocks
        self.passthrough = fmt == InputFormat(out_rate, 1, SampleFormat.INT16)

    def convert(self, block: bytes | bytearray | memoryview) -> bytes:
        data = self._carry + bytes(block)
        whole = len(data) - len(data) % self.format.frame_bytes
        self._carry = data[whole:]
        if not whole:
            return b""
        if self.passthrough and sys.byteorder == "little":
            return data[:whole]
        mono = self._mono(data[:whole])
        if self._window > 1:
            mono = self._average(mono)
        out = mono if self.format.sample_rate == self._out_rate else self._resample(mono)
        samples = array("h", out)
        if sys.byteorder != "little":
            samples.byteswap()
        return samples.tobytes()

    def _mono(self, data: bytes) -> list[int]:
        fmt = self.format
        samples = array(_TYPECODE[fmt.sample])
        samples.frombytes(data)
        n = fmt.channels
        if fmt.sample is SampleFormat.FLOAT:
            sums = _channel_sums(samples, n)
            scale = 32767.0 / n
            return [32767 if v >= n else -32767 if v <= -n else round(v * scale)
                    for v in sums]
        if fmt.sample is SampleFormat.UINT8:
            ints: list[int] | array[int] = [(v - 128) << 8 for v in samples]
        elif fmt.sample is SampleFormat.INT32:
            ints = [v >> 16 for v in samples]
        else:
            ints = samples
        if n == 1:
            return list(ints)
        return [v // n for v in _channel_sums(ints, n)]

    def _average(self, mono: list[int]) -> list[int]:
        k = self._window
        seq = self._history + mono
        out = []
        run = sum(seq[:k - 1])
        for j in range(k - 1, len(seq)):
            run += seq[j]
            out.append(run // k)
            run -= seq[j - k + 1]
        # Before enough history exists the first samples are averaged over what there is.
        missing = len(mono) - len(out)
        if missing > 0:
            out = [sum(mono[:i + 1]) // (i + 1) for i in range(missing)] + out
        self._history = seq[-(k - 1):] if k > 1 else []
        return out

    def _resample(self, mono: list[int]) -> list[int]:
        step, scale = self.format.sample_rate, self._out_rate
        seq = mono if self._tail is None else [self._tail, *mono]
        last = len(seq) - 1
        i, frac = divmod(self._pos, scale)
        out: list[int] = []
        append = out.append
        while i < last:
            a = seq[i]
            append(a + (seq[i + 1] - a) * frac // scale)
            frac += step
            while frac >= scale:
                frac -= scale
                i += 1
        if i == last and frac == 0:  # exactly on the last sample
            append(seq[i])
            frac += step
            while frac >= scale:
                frac -= scale
                i += 1
        self._tail = seq[-1]
        self._pos = (i - last) * scale + frac
        return out


def _channel_sums(samples: array[int] | array[float] | list[int], n: int) -> list[Any]:
    """The sum of each frame's ``n`` channels."""
    if n == 1:
        return list(samples)
    if n == 2:
        return [a + b for a, b in zip(samples[0::2], samples[1::2], strict=True)]
    return [sum(f) for f in zip(*(samples[k::n] for k in range(n)), strict=True)]


class SilenceWatch:
    """Notices ``seconds`` of exact digital silence (every sample 0) in stored PCM.

    A real room is never exactly 0: a run of zeros means the OS delivers no sound (the
    microphone permission is denied, the microphone is muted or disconnected).
    :meth:`feed` returns True while such a run lasts."""

    def __init__(self, seconds: float = 8.0, rate: int = TARGET_RATE) -> None:
        self._limit = int(seconds * rate)
        self._run = 0

    @property
    def silent(self) -> bool:
        return self._run >= self._limit

    def feed(self, pcm16: bytes) -> bool:
        if not pcm16:
            return self.silent
        trimmed = len(pcm16.rstrip(b"\0"))
        if trimmed == 0:
            self._run += len(pcm16) // 2
        else:
            self._run = (len(pcm16) - trimmed) // 2  # zeros after the last sound
        return self.silent

    def reset(self) -> None:
        self._run = 0
