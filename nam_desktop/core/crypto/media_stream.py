"""Chunked authenticated encryption for media files (format ``NAMMEDIA`` v1).

Layout::

    header (32 bytes) = b"NAMMEDIA" | version u8 (1) | 3 zero bytes | chunk_size u32 BE
                        | file_id (16 bytes)
    chunk i            = ChaCha20-Poly1305(key, nonce_i, plaintext_i, aad=header)
    nonce_i (12 bytes) = i as 11-byte big-endian | 0x01 if last chunk else 0x00

Every chunk is ``chunk_size`` bytes of plaintext except the last, which may be shorter
(or empty for an empty file). The counter in the nonce detects reordering, the last-chunk
flag detects truncation at a chunk boundary, the tag detects bit flips, and the file id in
the associated data ties the file to its database row. Each file has its own random key
kept in the database: deleting the row makes the file unreadable (crypto-shredding).
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from nam_desktop.core import fileio
from nam_desktop.core.errors import MediaDamagedError, MediaMissingError

MAGIC = b"NAMMEDIA"
VERSION = 1
RESERVED = b"\x00\x00\x00"  # must be zero: a reader of v1 refuses anything else
HEADER_LEN = 32
TAG_LEN = 16
DEFAULT_CHUNK = 1024 * 1024
MAX_CHUNK = 16 * 1024 * 1024
_COUNTER_MAX = 2**88 - 1

Progress = Callable[[int], None]


class Sink(Protocol):
    """Where :class:`ChunkWriter` puts the ciphertext: a binary file or a block writer."""

    def write(self, data: bytes, /) -> int | None: ...


def _nonce(index: int, last: bool) -> bytes:
    if index > _COUNTER_MAX:
        raise OverflowError("too many chunks")
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def make_header(file_id: bytes, chunk_size: int = DEFAULT_CHUNK) -> bytes:
    if len(file_id) != 16:
        raise ValueError("file_id must be 16 bytes")
    return MAGIC + bytes([VERSION]) + RESERVED + struct.pack(">I", chunk_size) + file_id


class SealedChunks:
    """The STREAM construction shared by the vault's media files and age's payload:
    ChaCha20-Poly1305 over fixed-size chunks, nonce = 11-byte counter | last-chunk flag.

    Writes ``prefix`` to ``out`` first, then each sealed chunk (``aad`` as associated
    data). Holds at most one chunk of plaintext: ``write`` may be called with any sizes;
    whole chunks are sealed straight from the caller's buffer, and the final (possibly
    full) chunk is kept back until more follows or :meth:`finish` seals it as the last.
    A write of exactly one chunk as ``bytes`` (immutable: safe to keep) while nothing is
    buffered is held as it is, with no copy. The SHA-256 of the plaintext is computed on
    the way unless ``hash_plaintext`` is False (``finish`` then returns "").
    """

    def __init__(self, out: Sink, key: bytes, *, chunk_size: int, prefix: bytes,
                 aad: bytes | None, hash_plaintext: bool = True) -> None:
        if not 1 <= chunk_size <= MAX_CHUNK:
            raise ValueError("bad chunk size")
        self._out = out
        self._aead = ChaCha20Poly1305(key)
        self._aad = aad
        self._chunk = chunk_size
        self._buf = bytearray(chunk_size)  # reused: never resized (no realloc per chunk)
        self._fill = 0
        self._held: bytes | None = None  # a whole chunk kept back, never with _buf filled
        self._index = 0
        self._size = 0
        self._sha = hashlib.sha256() if hash_plaintext else None
        self._finished = False
        # A block writer (io_direct.BlockPump) lends room in its block for the sealed
        # chunk (cryptography >= 45 has encrypt_into); anything else gets bytes.
        self._reserve: Callable[[int], memoryview | None] | None = (
            getattr(out, "reserve", None) if hasattr(self._aead, "encrypt_into") else None)
        out.write(prefix)

    @property
    def size(self) -> int:
        return self._size

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self._finished:
            raise ValueError("writer is finished")
        n = len(data)
        if not n:
            return
        if self._sha is not None:
            self._sha.update(data)
        self._size += n
        chunk = self._chunk
        if self._held is not None:  # more data follows: the held chunk is not the last
            held, self._held = self._held, None
            self._emit(held, last=False)
        with memoryview(data) as whole, whole.cast("B") as view:
            pos = 0
            fill = self._fill
            if fill:  # top up the buffered chunk first
                pos = min(chunk - fill, n)
                self._buf[fill:fill + pos] = view[:pos]
                self._fill = fill + pos
                if pos == n:
                    return  # a full buffer stays: it may be the last chunk
                with memoryview(self._buf) as buffered:
                    self._emit(buffered, last=False)
                self._fill = 0
            while n - pos > chunk:  # a whole chunk with more after it: not the last
                self._emit(view[pos:pos + chunk], last=False)
                pos += chunk
            if pos == 0 and n == chunk and type(data) is bytes:
                self._held = data
            else:
                self._buf[:n - pos] = view[pos:]
                self._fill = n - pos

    def _emit(self, plain: bytes | bytearray | memoryview, *, last: bool) -> None:
        nonce = _nonce(self._index, last)
        self._index += 1
        if self._reserve is not None:  # seal straight into the writer's block: no copy
            sealed = len(plain) + TAG_LEN
            room = self._reserve(sealed)
            if room is not None:
                with room:
                    self._aead.encrypt_into(nonce, plain, self._aad, room)
                self._out.commit(sealed)  # type: ignore[attr-defined]
                return
        self._out.write(self._aead.encrypt(nonce, plain, self._aad))

    def finish(self) -> str:
        """Seal the last chunk; returns the plaintext SHA-256 (hex), or "" if not hashed."""
        if not self._finished:
            if self._held is not None:
                held, self._held = self._held, None
                self._emit(held, last=True)
            else:
                with memoryview(self._buf) as buffered:
                    self._emit(buffered[:self._fill], last=True)
                self._fill = 0
            self._buf = bytearray()  # let the chunk buffer go now
            self._finished = True
        return self._sha.hexdigest() if self._sha is not None else ""


class ChunkWriter(SealedChunks):
    """Encrypts a stream chunk by chunk into an open binary file (format ``NAMMEDIA``:
    the header first, and as associated data of every chunk)."""

    def __init__(
        self, out: Sink, key: bytes, file_id: bytes, chunk_size: int = DEFAULT_CHUNK,
        *, hash_plaintext: bool = True,
    ) -> None:
        if not 1 <= chunk_size <= MAX_CHUNK:
            raise ValueError("bad chunk size")
        header = make_header(file_id, chunk_size)
        super().__init__(out, key, chunk_size=chunk_size, prefix=header, aad=header,
                         hash_plaintext=hash_plaintext)


def encrypt_stream(
    src: BinaryIO,
    out: Sink,
    key: bytes,
    file_id: bytes,
    *,
    chunk_size: int = DEFAULT_CHUNK,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[int, str]:
    """Encrypt all of ``src`` into ``out``; returns (plaintext size, SHA-256 hex).

    The SHA-256 of a whole chunk is computed on a worker thread ("media-hash") while the
    caller's thread encrypts the same chunk (both release the GIL); each hash update waits
    for the one before, so the order is kept. A short read (the last one) is hashed here.
    The worker is joined before this returns or raises.
    """
    writer = ChunkWriter(out, key, file_id, chunk_size, hash_plaintext=False)
    sha = hashlib.sha256()
    pending: Future[None] | None = None
    with ThreadPoolExecutor(1, thread_name_prefix="media-hash") as pool:  # joined at exit
        while True:
            if cancelled is not None and cancelled():
                raise InterruptedError("cancelled")
            block = src.read(chunk_size)
            if not block:
                break
            if type(block) is not bytes:  # the source may reuse a mutable buffer
                block = bytes(block)
            if pending is not None:
                pending.result()  # raises the worker's error as it is
            if len(block) == chunk_size:
                pending = pool.submit(sha.update, block)
            else:
                pending = None
                sha.update(block)
            writer.write(block)
            if progress is not None:
                progress(writer.size)
        if pending is not None:
            pending.result()
    writer.finish()
    return writer.size, sha.hexdigest()


class MediaReader(io.RawIOBase):
    """Seekable, read-only plaintext view of an encrypted media file.

    Decrypts one chunk at a time, in memory; nothing is written anywhere. Usable by
    Pillow, mutagen, hashlib or a Qt device adapter.
    """

    def __init__(self, path: Path, key: bytes, file_id: bytes) -> None:
        super().__init__()
        try:
            self._fh: BinaryIO = fileio.open_read(path)
        except FileNotFoundError as exc:
            raise MediaMissingError(path.name) from exc
        try:
            header = self._fh.read(HEADER_LEN)
            if len(header) != HEADER_LEN or header[:8] != MAGIC or header[8] != VERSION \
                    or header[9:12] != RESERVED:
                raise MediaDamagedError(f"{path.name}: bad header")
            chunk: int = struct.unpack(">I", header[12:16])[0]
            if not 1 <= chunk <= MAX_CHUNK or header[16:32] != file_id:
                raise MediaDamagedError(f"{path.name}: header does not match its record")
            total = os.fstat(self._fh.fileno()).st_size - HEADER_LEN
            stride = chunk + TAG_LEN
            n_chunks = max(1, -(-total // stride))
            size = total - n_chunks * TAG_LEN
            if size < 0 or (total % stride and total % stride < TAG_LEN):
                raise MediaDamagedError(f"{path.name}: truncated")
        except BaseException:
            self._fh.close()
            raise
        self._name = path.name
        self._aead = ChaCha20Poly1305(key)
        self._header = header
        self._chunk: int = chunk
        self._stride: int = stride
        self._n_chunks: int = n_chunks
        self._size: int = size
        self._pos: int = 0
        self._cached: tuple[int, bytes] | None = None

    @property
    def size(self) -> int:
        return self._size

    @property
    def chunk_count(self) -> int:
        return self._n_chunks

    def read_chunk(self, index: int) -> bytes:
        """Decrypt and authenticate chunk ``index``."""
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        if not 0 <= index < self._n_chunks:
            raise IndexError(index)
        self._fh.seek(HEADER_LEN + index * self._stride)
        blob = self._fh.read(self._stride)
        last = index == self._n_chunks - 1
        try:
            plain = self._aead.decrypt(_nonce(index, last), blob, self._header)
        except InvalidTag as exc:
            raise MediaDamagedError(f"{self._name}: chunk {index} failed authentication") from exc
        self._cached = (index, plain)
        return plain

    # io.RawIOBase interface
    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        new = base + offset
        if new < 0:
            raise ValueError("negative seek position")
        self._pos = new
        return new

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        want = min(len(view), self._size - self._pos)
        done = 0
        while done < want:
            index, offset = divmod(self._pos, self._chunk)
            chunk = self.read_chunk(index)
            take = min(want - done, len(chunk) - offset)
            view[done : done + take] = chunk[offset : offset + take]
            done += take
            self._pos += take
        return done

    def close(self) -> None:
        self._cached = None
        self._fh.close()
        super().close()

    def verify_all(self) -> str:
        """Authenticate every chunk; returns the plaintext SHA-256 (hex)."""
        sha = hashlib.sha256()
        for plain in self.iter_chunks():
            sha.update(plain)
        return sha.hexdigest()

    def iter_chunks(self) -> Iterator[bytes]:
        """Decrypt and authenticate every chunk in order, for streaming the whole file.

        The same checks as :meth:`read_chunk` (counter, last-chunk flag, tag, header as
        associated data), but one sequential pass that reads each sealed chunk into a
        reused buffer: no seek and no fresh ciphertext buffer per chunk. Each plaintext
        chunk is a new ``bytes`` the caller may keep. Moves the read position of the
        underlying file, not :meth:`tell`.
        """
        sealed = bytearray(self._stride)
        view = memoryview(sealed)
        self._fh.seek(HEADER_LEN)
        last_index = self._n_chunks - 1
        for index in range(self._n_chunks):
            want = self._stride if index < last_index else \
                self._size - index * self._chunk + TAG_LEN
            got = self._fh.readinto(view[:want])  # type: ignore[attr-defined]
            if got != want:
                raise MediaDamagedError(f"{self._name}: truncated at chunk {index}")
            try:
                plain = self._aead.decrypt(_nonce(index, index == last_index), view[:want],
                                           self._header)
            except InvalidTag as exc:
                raise MediaDamagedError(
                    f"{self._name}: chunk {index} failed authentication") from exc
            yield plain
