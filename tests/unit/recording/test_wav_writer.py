"""The encrypted WAV writer and its recovery, on plain files (no vault, no Qt)."""

from __future__ import annotations

import io
import math
import os
import secrets
import struct
import wave
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nam_desktop.core.crypto.media_stream import HEADER_LEN, TAG_LEN, MediaReader
from nam_desktop.core.errors import MediaDamagedError, ValidationError
from nam_desktop.core.recording import wav
from nam_desktop.core.recording.writer import EncryptedWavWriter, recover_file

CHUNK = 64 * 1024
FMT = wav.PcmFormat(48_000, 1, 2)


def tone(frames: int, channels: int = 1) -> bytes:
    return b"".join(
        struct.pack("<h", int(9000 * math.sin(i / 7.3)) + i % 97) * channels
        for i in range(frames))


def make(tmp_path: Path, fmt: wav.PcmFormat = FMT) -> tuple[EncryptedWavWriter, Path, bytes, bytes]:
    key, fid = secrets.token_bytes(32), secrets.token_bytes(16)
    path = tmp_path / f"{fid.hex()}.nam"
    return EncryptedWavWriter(path, key, fid, fmt, CHUNK), path, key, fid


def crash(writer: EncryptedWavWriter) -> None:
    """The process dies: the file is left as it is on disk."""
    writer._out.close()  # type: ignore[union-attr]  # test reaches into the writer


def decrypt(path: Path, key: bytes, fid: bytes) -> bytes:
    with MediaReader(path, key, fid) as r:
        r.verify_all()
        return r.read()


def parse(data: bytes) -> tuple[wave._wave_params, bytes]:
    with wave.open(io.BytesIO(data), "rb") as w:
        return w.getparams(), w.readframes(w.getnframes())


def test_header_fills_exactly_one_chunk_and_parses() -> None:
    head = wav.header(FMT, 0, CHUNK)
    assert len(head) == CHUNK
    params, frames = parse(head)
    assert (params.nchannels, params.sampwidth, params.framerate, params.nframes) == (
        1, 2, 48_000, 0)
    assert frames == b""


def test_format_is_validated() -> None:
    with pytest.raises(ValidationError):
        wav.PcmFormat(48_000, 1, 3)
    with pytest.raises(ValidationError):
        wav.PcmFormat(10, 1, 2)


def test_chunk_size_is_a_few_seconds() -> None:
    assert wav.chunk_size_for(FMT) == 256 * 1024  # 2.7 s at 96 kB/s
    assert wav.chunk_size_for(wav.PcmFormat(8_000, 1, 2)) == 64 * 1024
    assert wav.chunk_size_for(wav.PcmFormat(192_000, 8, 4)) == 1024 * 1024


@pytest.mark.parametrize("frames", [0, 1, CHUNK // 2, CHUNK // 2 - 1, 3 * CHUNK // 2 + 5])
def test_roundtrip(tmp_path: Path, frames: int) -> None:
    writer, path, key, fid = make(tmp_path)
    pcm = tone(frames)
    for i in range(0, len(pcm), 1000):
        writer.append(pcm[i:i + 1000])
    assert writer.pending < CHUNK
    assert writer.finish() == len(pcm)
    params, got = parse(decrypt(path, key, fid))
    assert params.nframes == frames
    assert got == pcm
    assert os.name != "posix" or path.stat().st_mode & 0o777 == 0o600


def test_partial_frames_are_refused(tmp_path: Path) -> None:
    writer, *_ = make(tmp_path)
    with pytest.raises(ValueError, match="partial frame"):
        writer.append(b"\x01")
    writer.abort()
    assert not list(tmp_path.iterdir())


def test_full_chunks_are_on_disk_before_finish(tmp_path: Path) -> None:
    writer, path, *_ = make(tmp_path)
    writer.append(tone(CHUNK))  # two chunks of audio (2 bytes a frame)
    assert path.stat().st_size == HEADER_LEN + 3 * (CHUNK + TAG_LEN)
    assert writer.pending == 0
    writer.abort()


@pytest.mark.parametrize("cut", [0, 10, CHUNK // 2, CHUNK + TAG_LEN - 1])
def test_recover_keeps_every_whole_chunk(tmp_path: Path, cut: int) -> None:
    writer, path, key, fid = make(tmp_path)
    pcm = tone(CHUNK + CHUNK // 4)  # 2.5 chunks
    writer.append(pcm)
    crash(writer)  # the process died: chunk 0 is still a placeholder
    stride = CHUNK + TAG_LEN
    with path.open("r+b") as fh:  # a torn write of the third chunk
        fh.truncate(HEADER_LEN + 3 * stride + cut)
    assert recover_file(path, key, fid, FMT, CHUNK) == 2 * CHUNK
    _params, got = parse(decrypt(path, key, fid))
    assert got == pcm[: 2 * CHUNK]
    size = path.stat().st_size
    assert recover_file(path, key, fid, FMT, CHUNK) == 2 * CHUNK  # idempotent
    assert path.stat().st_size == size
    assert parse(decrypt(path, key, fid))[1] == got


def test_recover_a_file_that_was_already_finished(tmp_path: Path) -> None:
    writer, path, key, fid = make(tmp_path)
    pcm = tone(40_000)
    writer.append(pcm)
    writer.finish()
    before = path.read_bytes()
    assert recover_file(path, key, fid, FMT, CHUNK) == len(pcm)
    assert path.read_bytes() == before


def test_recover_with_no_audio(tmp_path: Path) -> None:
    writer, path, key, fid = make(tmp_path)
    writer.append(tone(100))  # still in memory when the process died
    crash(writer)
    assert recover_file(path, key, fid, FMT, CHUNK) == 0
    assert parse(decrypt(path, key, fid))[0].nframes == 0


def test_recover_trims_to_whole_frames(tmp_path: Path) -> None:
    fmt = wav.PcmFormat(8_000, 3, 2)  # 6-byte frames do not divide the chunk
    writer, path, key, fid = make(tmp_path, fmt)
    pcm = tone(CHUNK // 3 + 1000, channels=3)
    writer.append(pcm)
    crash(writer)
    kept = recover_file(path, key, fid, fmt, CHUNK)
    assert kept == 2 * CHUNK - (2 * CHUNK) % 6  # two whole chunks, cut to whole frames
    params, got = parse(decrypt(path, key, fid))
    assert params.nchannels == 3 and got == pcm[:kept]


def test_recover_refuses_a_foreign_header(tmp_path: Path) -> None:
    writer, path, key, _ = make(tmp_path)
    writer.append(tone(10))
    writer.finish()
    with pytest.raises(MediaDamagedError):
        recover_file(path, key, secrets.token_bytes(16), FMT, CHUNK)


def test_a_flipped_bit_ends_recovery_there(tmp_path: Path) -> None:
    writer, path, key, fid = make(tmp_path)
    pcm = tone(2 * CHUNK)  # four chunks of audio
    writer.append(pcm)
    crash(writer)
    with path.open("r+b") as fh:
        fh.seek(HEADER_LEN + 3 * (CHUNK + TAG_LEN) + 5)
        b = fh.read(1)
        fh.seek(-1, os.SEEK_CUR)
        fh.write(bytes([b[0] ^ 1]))
    assert recover_file(path, key, fid, FMT, CHUNK) == 2 * CHUNK
    assert parse(decrypt(path, key, fid))[1] == pcm[: 2 * CHUNK]


@settings(max_examples=25, deadline=None)
@given(sizes=st.lists(st.integers(0, 40_000), max_size=8))
def test_any_write_pattern_roundtrips(tmp_path_factory: pytest.TempPathFactory,
                                      sizes: list[int]) -> None:
    tmp = tmp_path_factory.mktemp("w")
    writer, path, key, fid = make(tmp)
    pcm = b"".join(tone(n % 3000) for n in sizes)
    step = max(2, (sum(sizes) // 7) & ~1)
    for i in range(0, len(pcm), step):
        writer.append(pcm[i:i + step])
    writer.finish()
    assert parse(decrypt(path, key, fid))[1] == pcm
