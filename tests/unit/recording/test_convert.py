"""The microphone converter (any device format -> 48 kHz mono 16-bit) and the silence
watch: fixed vectors, a tone measured after conversion, block-boundary independence."""

from __future__ import annotations

import math
import struct
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nam_desktop.core.errors import ValidationError
from nam_desktop.core.recording.convert import (
    STORED,
    InputFormat,
    PcmConverter,
    SampleFormat,
    SilenceWatch,
)

F = SampleFormat


def pcm16(*samples: int) -> bytes:
    return struct.pack(f"<{len(samples)}h", *samples)


def samples(data: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(data) // 2}h", data))


def floats(*values: float) -> bytes:
    return array("f", values).tobytes()


def test_the_stored_format_passes_through_unchanged() -> None:
    conv = PcmConverter(STORED)
    assert conv.passthrough
    assert conv.convert(pcm16(1, -2, 3)) == pcm16(1, -2, 3)
    assert conv.convert(b"\x05") == b"" and conv.convert(b"\x00") == pcm16(5)  # cut frame


def test_16_khz_bluetooth_is_interpolated_to_48_khz() -> None:
    conv = PcmConverter(InputFormat(16_000, 1, F.INT16))
    assert samples(conv.convert(pcm16(0, 300, -300))) == [0, 100, 200, 300, 100, -100, -300]
    assert samples(conv.convert(pcm16(0))) == [-200, -100, 0]  # continues across blocks


def test_44_1_khz_steps_are_exact_fractions() -> None:
    conv = PcmConverter(InputFormat(44_100, 1, F.INT16))
    ramp = [-20000 + 50 * i for i in range(441)]  # a straight line: interpolation is exact
    out = samples(conv.convert(pcm16(*ramp)))
    assert len(out) == 480 - 1  # the 480th lies after the last input sample
    assert out == [-20000 + 50 * n * 441 // 480 for n in range(479)]


def test_stereo_is_averaged_to_mono() -> None:
    conv = PcmConverter(InputFormat(48_000, 2, F.INT16))
    assert samples(conv.convert(pcm16(10000, -10000, 20000, 0, -7, -8))) == [0, 10000, -8]


def test_sample_formats() -> None:
    assert samples(PcmConverter(InputFormat(48_000, 1, F.UINT8)).convert(
        bytes([128, 255, 0]))) == [0, 127 << 8, -32768]
    assert samples(PcmConverter(InputFormat(48_000, 1, F.INT32)).convert(
        array("i", [1 << 30, -(1 << 31), 65535]).tobytes())) == [16384, -32768, 0]
    assert samples(PcmConverter(InputFormat(48_000, 1, F.FLOAT)).convert(
        floats(0.5, -1.0, 1.5, -2.0, 0.0))) == [16384, -32767, 32767, -32767, 0]


def tone_float_stereo(rate: int, hz: float, seconds: float) -> bytes:
    values = []
    for i in range(int(rate * seconds)):
        v = 0.5 * math.sin(2 * math.pi * hz * i / rate)
        values += [v, v]
    return array("f", values).tobytes()


def test_a_44_1_khz_stereo_float_tone_arrives_as_the_same_tone() -> None:
    conv = PcmConverter(InputFormat(44_100, 2, F.FLOAT))
    out = samples(conv.convert(tone_float_stereo(44_100, 1000.0, 0.5)))
    assert abs(len(out) - 24_000) <= 1
    worst = max(abs(v - 16383.5 * math.sin(2 * math.pi * 1000 * n / 48_000))
                for n, v in enumerate(out))
    assert worst < 0.02 * 32767  # linear interpolation of a 1 kHz tone: within 2 %


def test_going_down_averages_first_so_ultrasound_does_not_fold_back() -> None:
    rate = 96_000
    ultrasound = pcm16(*(int(20000 * math.sin(2 * math.pi * 40_000 * i / rate))
                         for i in range(rate // 10)))
    out = samples(PcmConverter(InputFormat(rate, 1, F.INT16)).convert(ultrasound))
    assert abs(len(out) - 4800) <= 1
    assert max(abs(v) for v in out[10:]) < 0.3 * 20000  # folded to 8 kHz, but damped


@settings(max_examples=40, deadline=None)
@given(rate=st.sampled_from([8000, 16_000, 22_050, 44_100, 48_000, 96_000]),
       channels=st.integers(1, 3), cuts=st.lists(st.integers(0, 4000), max_size=8))
def test_block_boundaries_do_not_change_the_output(rate: int, channels: int,
                                                   cuts: list[int]) -> None:
    data = pcm16(*(int(12000 * math.sin(i / 5.0)) for i in range(3000 * channels)))
    whole = PcmConverter(InputFormat(rate, channels, F.INT16)).convert(data)
    conv = PcmConverter(InputFormat(rate, channels, F.INT16))
    pieces, start = [], 0
    for cut in sorted(cuts):
        pieces.append(conv.convert(data[start:cut]) if cut > start else b"")
        start = max(start, cut)
    pieces.append(conv.convert(data[start:]))
    if rate > 48_000:  # the averaging's first outputs have less history: skip them
        assert b"".join(pieces)[4:] == whole[4:]
    else:
        assert b"".join(pieces) == whole


def test_unusable_formats_are_refused() -> None:
    with pytest.raises(ValidationError):
        InputFormat(0, 1, F.INT16)
    with pytest.raises(ValidationError):
        InputFormat(48_000, 0, F.INT16)
    assert InputFormat(44_100, 2, F.FLOAT).describe() == "44100 Hz, 2 ch, float"


def test_silence_watch_needs_a_long_run_of_exact_zeros() -> None:
    watch = SilenceWatch(seconds=1.0, rate=1000)
    assert not watch.feed(bytes(1000))  # half a second
    assert watch.feed(bytes(1000))  # a whole second of zeros
    assert not watch.feed(pcm16(0, 1, 0))  # a sound: the run starts again after it
    assert not watch.feed(bytes(1996))
    assert watch.feed(bytes(2))
    quiet_room = pcm16(*([0, 1, -1, 0] * 500))
    watch.reset()
    assert not any(watch.feed(quiet_room) for _ in range(5))  # noise is not silence
