"""Audio tags removed at byte level; audio data untouched."""

from __future__ import annotations

import io
import struct
import wave

import pytest
from media_samples import (
    AUTHOR,
    FLAC_FRAME,
    MP3_FRAME,
    PCM,
    PLACE,
    SERIAL,
    make_flac,
    make_mp3,
    make_wav,
)
from mutagen.id3 import ID3, TPE1

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media import CleanStatus, clean, inspect


def test_wav_info_and_bext_removed() -> None:
    data = make_wav()
    report = inspect(io.BytesIO(data))
    assert {(i.group, i.name) for i in report.items} >= {("RIFF-INFO", "IART"), ("RIFF", "bext")}
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    for secret in (AUTHOR, PLACE, SERIAL):
        assert secret.encode() not in out
    with wave.open(io.BytesIO(out)) as w:
        assert w.readframes(w.getnframes()) == PCM


def test_mp3_id3v2_and_v1_removed() -> None:
    data = make_mp3()
    report = inspect(io.BytesIO(data))
    assert {(i.group, i.name) for i in report.items} >= {("ID3v2", "TPE1"), ("ID3v1", "Title")}
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN
    assert result.data.read() == MP3_FRAME * 3


def test_mp3_garbage_after_tag_refused() -> None:
    tags = ID3()
    tags.add(TPE1(encoding=3, text=[AUTHOR]))
    buf = io.BytesIO()
    tags.save(buf)
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(buf.getvalue() + b"not an mpeg frame"))


def test_flac_blocks_removed() -> None:
    streaminfo = bytes(34)
    data = make_flac()
    report = inspect(io.BytesIO(data))
    assert any(i.name == "ARTIST" and i.value_short == AUTHOR for i in report.items)
    out = clean(io.BytesIO(data)).data.read()
    assert out == b"fLaC\x80" + struct.pack(">L", 34)[1:] + streaminfo + FLAC_FRAME


def test_flac_truncated_refused() -> None:
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(b"fLaC\x00\x00\x00\x22" + bytes(10)))
