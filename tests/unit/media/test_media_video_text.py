"""MP4/MOV free text in the boxes that are kept: handler names, compressor names, data
references, vendor boxes inside a kept track. Reported, emptied in place; samples and
sample tables unchanged. exiftool is the independent oracle."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from media_samples import AUTHOR, PHONE_MODEL, SERIAL
from media_samples_isobmff import VIDEO_SAMPLES, make_phone_mp4

from nam_desktop.core.media import CleanStatus, RiskClass, clean, inspect


def _exiftool(path: Path) -> str:
    if shutil.which("exiftool") is None:
        if os.environ.get("CI"):
            pytest.fail("exiftool missing in CI")
        pytest.skip("exiftool not installed")
    return subprocess.run(
        ["exiftool", "-a", "-G1", "-u", str(path)], capture_output=True, text=True, check=True
    ).stdout


def test_free_text_of_kept_track_reported() -> None:
    report = inspect(io.BytesIO(make_phone_mp4()))
    items = {(i.group, i.name, i.value_short): i for i in report.items}
    handler = items[("QuickTime-Track", "HandlerName", "SM-G991B VideoHandle")]
    assert handler.risk is RiskClass.IDENTIFYING
    assert ("QuickTime-Track", "HandlerName", "SM-G991B Data") in items
    assert ("QuickTime-Track", "CompressorName", "SM-G991B AVC") in items
    assert ("QuickTime-Track", "DataReference", "/sdcard/SM-G991B") in items
    assert ("QuickTime", "sefd") in {(i.group, i.name) for i in report.items}
    assert ("QuickTime", "udta") in {(i.group, i.name) for i in report.items} or any(
        i.group == "QuickTime-UserData" for i in report.items
    )


def test_free_text_emptied_samples_identical(tmp_path: Path) -> None:
    data = make_phone_mp4()
    src = tmp_path / "phone.mp4"
    src.write_bytes(data)
    assert "SM-G991B VideoHandle" in _exiftool(src)  # the oracle sees the model first
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN, result.notes
    out = result.data.read()
    assert len(out) == len(data)
    for secret in (PHONE_MODEL, AUTHOR.encode(), SERIAL.encode()):
        assert secret not in out
    for sample in VIDEO_SAMPLES:  # in place: same bytes at the same offsets
        assert out.index(sample) == data.index(sample)
    avcc = data[data.index(b"avcC") - 4 :][:25]
    assert avcc in out  # the decoder configuration is kept byte for byte
    dst = tmp_path / "clean.mp4"
    dst.write_bytes(out)
    seen = _exiftool(dst)
    assert "SM-G991B" not in seen
    assert "Video Track" in seen  # still a video file with its track
    removed = {(i.group, i.name) for i in result.removed}
    assert ("QuickTime-Track", "HandlerName") in removed
    assert ("QuickTime-Track", "CompressorName") in removed


def test_reference_to_media_in_another_file_not_checked() -> None:
    result = clean(io.BytesIO(make_phone_mp4(self_contained=False)))
    assert result.status is CleanStatus.NOT_CHECKED
    assert any("another file" in n for n in result.notes)


def test_media_data_no_kept_track_uses_is_zeroed() -> None:
    """Bytes in mdat outside every kept sample (here: a name after the samples, and a
    removed track whose sample table was lost) are reported and zeroed."""
    import struct

    from media_samples_isobmff import make_mp4

    data = make_mp4()
    mdat = data.index(b"mdat") - 4
    (size,) = struct.unpack(">L", data[mdat : mdat + 4])
    hidden = b"hidden note: " + AUTHOR.encode()
    bigger = (
        data[:mdat]
        + struct.pack(">L", size + len(hidden))
        + data[mdat + 4 : mdat + size]
        + hidden
        + data[mdat + size :]
    )
    report = inspect(io.BytesIO(bigger))
    assert "UnusedMediaData" in {i.name for i in report.items}
    result = clean(io.BytesIO(bigger))
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    assert AUTHOR.encode() not in out and len(out) == len(bigger)
    for sample in VIDEO_SAMPLES:
        assert out.index(sample) == bigger.index(sample)
