"""Append-only encrypted WAV file in the NAMMEDIA v1 format, durable chunk by chunk.

Layout while recording: ``header(32) | placeholder for chunk 0 (zeros) | chunk 1 | ...``.
Every full chunk of audio is encrypted as "not last", written and fsynced at once, so a
crash loses at most the chunk being filled. :meth:`EncryptedWavWriter.finish` seals the
remaining audio as the last chunk, then encrypts chunk 0 (the WAV header with the real
sizes) into its placeholder. :func:`recover_file` does the same for a file whose writer
died: it keeps every authenticated chunk and seals the last one again with the "last"
flag (a different nonce, so no nonce is ever reused with a different plaintext).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from nam_desktop.core import fileio
from nam_desktop.core.crypto.media_stream import (
    HEADER_LEN,
    TAG_LEN,
    _nonce,
    make_header,
)
from nam_desktop.core.errors import MediaDamagedError, ValidationError
from nam_desktop.core.recording import wav


class EncryptedWavWriter:
    """Streams whole PCM frames into a new encrypted WAV file at ``path``."""

    def __init__(self, path: Path, key: bytes, file_id: bytes, fmt: wav.PcmFormat,
                 chunk_size: int) -> None:
        self._fmt = fmt
        self._chunk = chunk_size
        self._aead = ChaCha20Poly1305(key)
        self._header = make_header(file_id, chunk_size)
        self._buf = bytearray()
        self._index = 1  # chunk 0 is written last
        self._data_len = 0
        self._limit = wav.max_data_len(chunk_size)
        self._path = path
        self._out: BinaryIO | None = fileio.open_new(path, readable=True, buffering=0)
        try:
            fileio.write_all(self._out.fileno(), self._header + bytes(chunk_size + TAG_LEN))
            fileio.sync(self._out)
            fileio.sync_dir(path.parent)
        except BaseException:
            self.abort()
            raise

    @property
    def data_len(self) -> int:
        return self._data_len

    @property
    def pending(self) -> int:
        """Plaintext bytes held in memory, not yet on disk."""
        return len(self._buf)

    def append(self, frames: bytes | bytearray | memoryview) -> None:
        if self._out is None:
            raise ValueError("writer is closed")
        if len(frames) % self._fmt.block_align:
            raise ValueError("partial frame")
        if self._data_len + len(frames) > self._limit:
            raise ValidationError("recording", "longer than a WAV file can hold")
        self._buf += frames
        self._data_len += len(frames)
        while len(self._buf) >= self._chunk:
            self._emit(bytes(self._buf[: self._chunk]), last=False)
            del self._buf[: self._chunk]

    def _emit(self, plain: bytes, *, last: bool) -> None:
        assert self._out is not None  # noqa: S101  # guarded by callers
        fileio.write_all(self._out.fileno(),
                         self._aead.encrypt(_nonce(self._index, last), plain, self._header))
        fileio.sync(self._out)
        self._index += 1

    def finish(self) -> int:
        """Seal the file; returns the length of the audio data in bytes."""
        if self._out is None:
            raise ValueError("writer is closed")
        has_data = self._index > 1 or bool(self._buf)
        if has_data:
            self._emit(bytes(self._buf), last=True)
            self._buf.clear()
        _write_chunk0(self._out, self._aead, self._header, self._fmt, self._data_len,
                      self._chunk, last=not has_data)
        self._out.close()
        self._out = None
        return self._data_len

    def abort(self) -> None:
        """Close and remove the file (nothing of it is kept)."""
        self._buf.clear()
        if self._out is not None:
            self._out.close()
            self._out = None
        with contextlib.suppress(OSError):  # a scanner may hold it: the next scan removes it
            fileio.remove(self._path)


def _write_chunk0(out: BinaryIO, aead: ChaCha20Poly1305, header: bytes, fmt: wav.PcmFormat,
                  data_len: int, chunk_size: int, *, last: bool) -> None:
    plain = wav.header(fmt, data_len, chunk_size)
    out.seek(HEADER_LEN)
    fileio.write_all(out.fileno(), aead.encrypt(_nonce(0, last), plain, header))
    fileio.sync(out)


def recover_file(path: Path, key: bytes, file_id: bytes, fmt: wav.PcmFormat,
                 chunk_size: int) -> int:
    """Finalise an interrupted recording in place; returns the audio data length kept.

    Idempotent: running it again on its own result changes nothing.
    """
    aead = ChaCha20Poly1305(key)
    header = make_header(file_id, chunk_size)
    stride = chunk_size + TAG_LEN
    with fileio.open_update(path) as fh:
        if fh.read(HEADER_LEN) != header:
            raise MediaDamagedError(f"{path.name}: header does not match its record")
        size = os.fstat(fh.fileno()).st_size
        total = 0
        last: tuple[int, bytes, bool] | None = None
        index, pos = 1, HEADER_LEN + stride
        while pos + TAG_LEN <= size:
            fh.seek(pos)
            blob = fh.read(stride)
            plain, sealed = _open_chunk(aead, header, index, blob)
            if plain is None:
                break
            total += len(plain)
            last = (index, plain, sealed)
            if sealed:
                break
            index, pos = index + 1, pos + stride
        data_len = min(fmt.aligned(total), wav.max_data_len(chunk_size))
        end = HEADER_LEN + stride
        if last is not None:
            i, plain, sealed = last
            keep = len(plain) - (total - data_len)
            if sealed and keep != len(plain):
                raise MediaDamagedError(f"{path.name}: sealed chunk is not whole frames")
            end = HEADER_LEN + i * stride + keep + TAG_LEN
            if not sealed:  # seal it again as the last chunk (a nonce never used)
                fh.seek(HEADER_LEN + i * stride)
                fileio.write_all(fh.fileno(), aead.encrypt(_nonce(i, True), plain[:keep], header))
        fh.truncate(end)
        fileio.sync(fh)
        _write_chunk0(fh, aead, header, fmt, data_len, chunk_size, last=last is None)
    return data_len


def _open_chunk(aead: ChaCha20Poly1305, header: bytes, index: int,
                blob: bytes) -> tuple[bytes | None, bool]:
    """Decrypt as a middle chunk, else as the last one; (None, False) if neither."""
    for sealed in (False, True):
        with contextlib.suppress(InvalidTag):
            return aead.decrypt(_nonce(index, sealed), blob, header), sealed
    return None, False
