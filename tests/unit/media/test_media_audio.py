"""Audio tags removed at byte level; audio data untouched."""

from __future__ import annotations

import io
import struct
import wave

import pytest
from media_samples import AUTHOR, FLAC_FRAME, PLACE, SERIAL
from mutagen.id3 import ID3, TIT2, TPE1

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media import CleanStatus, clean, inspect

# One MPEG-1 Layer III frame header (128 kbps, 44.1 kHz) followed by silence.
FRAME = b"\xff\xfb\x90\x64" + b"\x00" * 413


def _pcm() -> bytes:
    return bytes((i * 7) % 256 for i in range(4000))


def _wav() -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(_pcm())
    data = buf.getvalue()
    info = b"INFO"
    for key, value in ((b"IART", AUTHOR.encode()), (b"ICMT", PLACE.encode() + b"\x00")):
        value += b"\x00" * (len(value) & 1)
        info += key + struct.pack("<L", len(value)) + value
    extra = b"LIST" + struct.pack("<L", len(info)) + info
    bext = b"bext" + struct.pack("<L", 20) + SERIAL.encode().ljust(20, b"\x00")
    body = data[12:] + extra + bext
    return b"RIFF" + struct.pack("<L", len(body) + 4) + b"WAVE" + body


def _mp3() -> bytes:
    tags = ID3()
    tags.add(TPE1(encoding=3, text=[AUTHOR]))
    tags.add(TIT2(encoding=3, text=[PLACE]))
    buf = io.BytesIO()
    tags.save(buf)
    v1 = b"TAG" + SERIAL.encode().ljust(30, b"\x00") + b"\x00" * 94 + b"\xff"
    return buf.getvalue() + FRAME * 3 + v1


def test_wav_info_and_bext_removed() -> None:
    data = _wav()
    report = inspect(io.BytesIO(data))
    assert {(i.group, i.name) for i in report.items} >= {("RIFF-INFO", "IART"), ("RIFF", "bext")}
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    for secret in (AUTHOR, PLACE, SERIAL):
        assert secret.encode() not in out
    with wave.open(io.BytesIO(out)) as w:
        assert w.readframes(w.getnframes()) == _pcm()


def test_mp3_id3v2_and_v1_removed() -> None:
    data = _mp3()
    report = inspect(io.BytesIO(data))
    assert {(i.group, i.name) for i in report.items} >= {("ID3v2", "TPE1"), ("ID3v1", "Title")}
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN
    assert result.data.read() == FRAME * 3


def test_mp3_garbage_after_tag_refused() -> None:
    tags = ID3()
    tags.add(TPE1(encoding=3, text=[AUTHOR]))
    buf = io.BytesIO()
    tags.save(buf)
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(buf.getvalue() + b"not an mpeg frame"))


def test_flac_blocks_removed() -> None:
    streaminfo = bytes(34)
    comment = struct.pack("<L", 3) + b"enc" + struct.pack("<L", 1)
    entry = b"ARTIST=" + AUTHOR.encode()
    comment += struct.pack("<L", len(entry)) + entry
    picture = b"\x00\x00\x00\x03" + SERIAL.encode() * 4
    data = (
        b"fLaC"
        + b"\x00"
        + struct.pack(">L", 34)[1:]
        + streaminfo
        + b"\x04"
        + struct.pack(">L", len(comment))[1:]
        + comment
        + b"\x86"
        + struct.pack(">L", len(picture))[1:]
        + picture
        + FLAC_FRAME
    )
    report = inspect(io.BytesIO(data))
    assert any(i.name == "ARTIST" and i.value_short == AUTHOR for i in report.items)
    out = clean(io.BytesIO(data)).data.read()
    assert out == b"fLaC\x80" + struct.pack(">L", 34)[1:] + streaminfo + FLAC_FRAME


def test_flac_truncated_refused() -> None:
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(b"fLaC\x00\x00\x00\x22" + bytes(10)))
