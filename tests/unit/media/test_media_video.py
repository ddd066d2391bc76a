"""MP4/MOV atom-level cleaning on a hand-built file."""

from __future__ import annotations

import io
import struct

import pytest
from media_samples import SERIAL
from media_samples_isobmff import FACE_SAMPLE, VIDEO_SAMPLES, make_mp4

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media import CleanStatus, RiskClass, clean, inspect


def test_mp4_metadata_reported() -> None:
    report = inspect(io.BytesIO(make_mp4()))
    assert report.format == "mp4"
    items = {(i.group, i.name): i for i in report.items}
    assert items[("QuickTime-UserData", "©xyz")].value_short == "+53.9045+027.5615/"
    assert items[("QuickTime-UserData", "©xyz")].risk is RiskClass.IDENTIFYING
    assert items[("QuickTime-Meta", "com.apple.quicktime.author")].value_short == SERIAL
    assert items[("QuickTime-Track", "TimedMetadataTrack")].risk is RiskClass.IDENTIFYING
    assert ("QuickTime", "mvhd.CreateModifyTime") in items


def test_mp4_clean_in_place() -> None:
    data = make_mp4()
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    assert len(out) == len(data)
    for secret in (b"+53.9045", SERIAL.encode(), FACE_SAMPLE, b"mebx", b"Lavf58"):
        assert secret not in out
    for sample in VIDEO_SAMPLES:
        assert data.index(sample) == out.index(sample)
    # Rotation matrix of the video track kept; timestamps zeroed.
    matrix = struct.pack(">9L", 0, 0x10000, 0, 0xFFFF0000, 0, 0, 0, 0, 0x40000000)
    assert matrix in out
    assert struct.pack(">LL", 111, 222) not in out and struct.pack(">LL", 555, 666) not in out
    assert clean(io.BytesIO(out)).data.read() == out


@pytest.mark.parametrize("cut", [20, 60, -30])
def test_mp4_truncated_refused(cut: int) -> None:
    data = make_mp4()
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(data[:cut]))


def test_mp4_sample_outside_file_refused() -> None:
    data = make_mp4()
    stco = data.index(b"stco", data.index(b"mebx"))
    bad = data[: stco + 12] + struct.pack(">L", 10**8) + data[stco + 16 :]
    with pytest.raises(MalformedFileError):
        inspect(io.BytesIO(bad))


def test_only_video_and_sound_tracks_are_kept() -> None:
    from media_samples_isobmff import SUBTITLE_SAMPLE, TIMECODE_SAMPLE

    data = make_mp4(extra_tracks=True)
    report = inspect(io.BytesIO(data))
    kinds = {i.name for i in report.items if i.group == "QuickTime-Track"}
    assert {"SubtitleTrack", "TimecodeTrack", "HintTrack", "TrackReference"} <= kinds
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN, result.notes
    out = result.data.read()
    assert len(out) == len(data)
    for secret in (SUBTITLE_SAMPLE, TIMECODE_SAMPLE, SERIAL.encode(), b"tx3g", b"tref"):
        assert secret not in out
    for sample in VIDEO_SAMPLES:
        assert data.index(sample) == out.index(sample)
    kept = [i.value_short for i in result.after.items if i.name == "KeptTrack"]
    assert kept == ["vide"]
    assert any("text" in n and "tmcd" in n and "hint" in n for n in result.notes)


def test_verify_flags_a_data_track_left() -> None:
    from nam_desktop.core.media import verify

    data = make_mp4(extra_tracks=True)
    result = clean(io.BytesIO(data))
    out = bytearray(result.data.read())
    # Put the subtitle track back (in place: same offsets) into the cleaned file.
    start = data.rindex(b"trak", 0, data.index(b"tx3g"))  # the subtitle track's atom
    size = struct.unpack(">L", data[start - 4 : start])[0]
    out[start - 4 : start - 4 + size] = data[start - 4 : start - 4 + size]
    check = verify(result.before, io.BytesIO(bytes(out)), original=data)
    assert not check.ok
    assert any("data tracks left (text)" in p for p in check.problems)
