"""The chunked AEAD media format: round trips, random access, tamper detection."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from nam_desktop.core.crypto.media_stream import (
    HEADER_LEN,
    TAG_LEN,
    ChunkWriter,
    MediaReader,
    encrypt_stream,
)
from nam_desktop.core.errors import MediaDamagedError, MediaMissingError

CHUNK = 1024  # small chunks so tests cover many of them quickly
KEY = bytes(range(32))
FILE_ID = bytes(range(100, 116))


def _write(path: Path, data: bytes, chunk: int = CHUNK) -> None:
    with path.open("wb") as out:
        size, digest = encrypt_stream(io.BytesIO(data), out, KEY, FILE_ID, chunk_size=chunk)
    assert size == len(data)
    import hashlib

    assert digest == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK, 5 * CHUNK + 7])
def test_roundtrip(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    path = tmp_path / "m.nam"
    _write(path, data)
    with MediaReader(path, KEY, FILE_ID) as reader:
        assert reader.size == size
        assert reader.read() == data


def test_random_access_reads_only_what_is_asked(tmp_path: Path) -> None:
    data = os.urandom(10 * CHUNK + 123)
    path = tmp_path / "m.nam"
    _write(path, data)
    with MediaReader(path, KEY, FILE_ID) as reader:
        for offset in (0, CHUNK - 3, 4 * CHUNK, 10 * CHUNK + 100):
            reader.seek(offset)
            assert reader.read(50) == data[offset : offset + 50]
        reader.seek(-10, io.SEEK_END)
        assert reader.read() == data[-10:]


def _damage(path: Path, fn: object) -> None:
    raw = bytearray(path.read_bytes())
    path.write_bytes(bytes(fn(raw)))  # type: ignore[operator]


def _read_all(path: Path) -> bytes:
    with MediaReader(path, KEY, FILE_ID) as reader:
        return reader.read()


def test_bit_flip_detected(tmp_path: Path) -> None:
    path = tmp_path / "m.nam"
    _write(path, os.urandom(3 * CHUNK))

    def flip(raw: bytearray) -> bytearray:
        raw[HEADER_LEN + CHUNK + 40] ^= 0x01
        return raw

    _damage(path, flip)
    with pytest.raises(MediaDamagedError):
        _read_all(path)


def test_truncation_at_chunk_boundary_detected(tmp_path: Path) -> None:
    path = tmp_path / "m.nam"
    _write(path, os.urandom(3 * CHUNK))
    stride = CHUNK + TAG_LEN
    _damage(path, lambda raw: raw[: HEADER_LEN + 2 * stride])  # drop the last chunk whole
    with pytest.raises(MediaDamagedError):
        _read_all(path)


def test_truncation_inside_chunk_detected(tmp_path: Path) -> None:
    path = tmp_path / "m.nam"
    _write(path, os.urandom(3 * CHUNK))
    _damage(path, lambda raw: raw[:-5])
    with pytest.raises(MediaDamagedError):
        _read_all(path)


def test_reordered_chunks_detected(tmp_path: Path) -> None:
    path = tmp_path / "m.nam"
    _write(path, os.urandom(4 * CHUNK))
    stride = CHUNK + TAG_LEN

    def swap(raw: bytearray) -> bytearray:
        a = HEADER_LEN
        b = HEADER_LEN + stride
        first, second = raw[a : a + stride], raw[b : b + stride]
        raw[a : a + stride], raw[b : b + stride] = second, first
        return raw

    _damage(path, swap)
    with pytest.raises(MediaDamagedError):
        _read_all(path)


def test_file_swapped_between_records_detected(tmp_path: Path) -> None:
    path = tmp_path / "m.nam"
    _write(path, b"hello")
    with pytest.raises(MediaDamagedError):
        MediaReader(path, KEY, bytes(16))  # another record's id


def test_wrong_key_detected(tmp_path: Path) -> None:
    path = tmp_path / "m.nam"
    _write(path, b"hello world")
    with pytest.raises(MediaDamagedError), MediaReader(path, bytes(32), FILE_ID) as r:
        r.read()


def test_appended_chunk_detected(tmp_path: Path) -> None:
    path = tmp_path / "m.nam"
    _write(path, os.urandom(2 * CHUNK))
    stride = CHUNK + TAG_LEN
    _damage(path, lambda raw: raw + raw[HEADER_LEN : HEADER_LEN + stride])
    with pytest.raises(MediaDamagedError):
        _read_all(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MediaMissingError):
        MediaReader(tmp_path / "absent.nam", KEY, FILE_ID)


def _chunk_writer_bytes(pieces: Sequence[bytes | bytearray | memoryview]) -> bytes:
    out = io.BytesIO()
    writer = ChunkWriter(out, KEY, FILE_ID, CHUNK)
    for piece in pieces:
        writer.write(piece)
    writer.finish()
    return out.getvalue()


@pytest.mark.parametrize("size", [0, CHUNK, 2 * CHUNK, 3 * CHUNK + 5])
def test_whole_chunks_as_bytes_give_the_same_file_as_any_other_split(size: int) -> None:
    """The no-copy path (whole chunks as ``bytes``) and the buffered path agree byte for
    byte, also when the caller reuses one mutable buffer (the HQ import's memoryviews)."""
    data = os.urandom(size)
    whole = [data[i : i + CHUNK] for i in range(0, size, CHUNK)]
    expected = _chunk_writer_bytes([data[i : i + 100] for i in range(0, size, 100)])
    assert _chunk_writer_bytes(whole) == expected
    assert _chunk_writer_bytes([*whole, b""]) == expected
    assert _chunk_writer_bytes([b"", *whole]) == expected
    scratch = bytearray(CHUNK)
    out = io.BytesIO()
    writer = ChunkWriter(out, KEY, FILE_ID, CHUNK)
    for piece in whole:
        scratch[: len(piece)] = piece
        writer.write(memoryview(scratch)[: len(piece)])  # overwritten after each call
    writer.finish()
    assert out.getvalue() == expected
