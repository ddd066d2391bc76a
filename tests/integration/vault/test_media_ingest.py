"""Media ingest into a real vault: hash thread, encryption, block writer with direct I/O.

Every path must leave no ``.part`` file behind on failure and no thread running.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import struct
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from nam_desktop.core import fileio, io_direct
from nam_desktop.core.crypto import media_stream
from nam_desktop.core.crypto.media_stream import (
    DEFAULT_CHUNK,
    HEADER_LEN,
    TAG_LEN,
    MediaReader,
)
from nam_desktop.core.vault.vault import Vault

SMALL = 1024
WORKER_NAMES = ("block-writer", "media-hash")


@pytest.fixture(autouse=True)
def _no_threads_left() -> Iterator[None]:
    yield
    left = [t.name for t in threading.enumerate() if t.name.startswith(WORKER_NAMES)]
    assert left == []


def _media_files(vault_dir: Path) -> list[str]:
    return sorted(p.name for p in (vault_dir / "media").iterdir())


def _expected_length(size: int, chunk: int) -> int:
    chunks = max(1, -(-size // chunk))
    return HEADER_LEN + size + chunks * TAG_LEN


def _reference(data: bytes, key: bytes, file_id: bytes, chunk: int) -> bytes:
    """The NAMMEDIA v1 bytes written out from docs/architecture.md, without the module's
    own helpers (a changed magic or reserved byte in the module must fail this test)."""
    aead = ChaCha20Poly1305(key)
    header = b"NAMMEDIA" + bytes([1, 0, 0, 0]) + struct.pack(">I", chunk) + file_id
    pieces = [data[i:i + chunk] for i in range(0, len(data), chunk)] or [b""]
    out = [header]
    for index, piece in enumerate(pieces):
        last = index == len(pieces) - 1
        nonce = index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")
        out.append(aead.encrypt(nonce, piece, header))
    return b"".join(out)


@pytest.mark.parametrize(("size", "chunk"), [
    (0, SMALL), (1, SMALL), (SMALL - 1, SMALL), (SMALL, SMALL), (SMALL + 1, SMALL),
    (5 * SMALL + 7, SMALL),
    # default chunks: several 4 MiB blocks written with direct I/O, then an odd tail
    (9 * DEFAULT_CHUNK + 12345, DEFAULT_CHUNK), (4 * DEFAULT_CHUNK, DEFAULT_CHUNK),
])
def test_ingest_round_trip_is_the_documented_format(vault: Vault, vault_dir: Path,
                                                    size: int, chunk: int) -> None:
    data = os.urandom(size)
    seen: list[int] = []
    stored, key = vault.media.write_file(io.BytesIO(data), chunk_size=chunk,
                                         progress=seen.append)
    assert stored.size == size
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert seen == sorted(seen) and (not data or seen[-1] == size)
    path = vault.media.path_of(stored.id)
    assert _media_files(vault_dir) == [path.name]
    raw = path.read_bytes()
    assert len(raw) == _expected_length(size, chunk)
    # Deterministic given key and file id: byte for byte what the format prescribes.
    assert raw == _reference(data, key, bytes.fromhex(stored.id), chunk)
    with MediaReader(path, key, bytes.fromhex(stored.id)) as reader:
        assert reader.verify_all() == stored.sha256
        assert reader.read() == data
    with vault.transaction():
        vault.media.insert_row(stored, key, chunk)
    with vault.media.open(stored.id) as reader:
        assert hashlib.sha256(reader.read()).hexdigest() == stored.sha256


class ShortReads(io.RawIOBase):
    """A source that returns odd-sized reads into a reused buffer (not ``bytes``)."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data
        self._pos = 0
        self._scratch = bytearray(DEFAULT_CHUNK)

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytearray:  # type: ignore[override]
        take = min(n, 777_777, len(self._data) - self._pos)
        self._scratch[:take] = self._data[self._pos:self._pos + take]
        self._pos += take
        return self._scratch[:take]


def test_ingest_from_a_source_with_short_reads(vault: Vault) -> None:
    data = os.urandom(3 * DEFAULT_CHUNK + 5)
    stored, key = vault.media.write_file(ShortReads(data))
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    with MediaReader(vault.media.path_of(stored.id), key, bytes.fromhex(stored.id)) as r:
        assert r.read() == data


def _fail_in_writer(monkeypatch: pytest.MonkeyPatch, error: OSError, after: int) -> None:
    real = os.write
    calls = {"n": 0}

    def write(fd: int, data: bytes | memoryview) -> int:
        if threading.current_thread().name == "block-writer":
            calls["n"] += 1
            if calls["n"] > after:
                raise error
        return real(fd, data)

    monkeypatch.setattr(io_direct.os, "write", write)


def test_a_full_drive_mid_stream_raises_and_leaves_no_part(
        vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fail_in_writer(monkeypatch, OSError(errno.ENOSPC, "No space left on device"), after=1)
    with pytest.raises(OSError) as caught:
        vault.media.write_file(io.BytesIO(os.urandom(24 * DEFAULT_CHUNK)))
    assert caught.value.errno == errno.ENOSPC
    assert _media_files(vault_dir) == []


def test_a_failing_first_write_raises_even_for_a_small_file(
        vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fail_in_writer(monkeypatch, OSError(errno.EIO, "Input/output error"), after=0)
    with pytest.raises(OSError) as caught:
        vault.media.write_file(io.BytesIO(b"short"))
    assert caught.value.errno == errno.EIO
    assert _media_files(vault_dir) == []


def test_a_failing_hash_raises_its_error_and_leaves_no_part(
        vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def __init__(self) -> None:
            self.calls = 0

        def update(self, data: bytes) -> None:
            self.calls += 1
            if self.calls == 3:
                raise MemoryError("hash")

        def hexdigest(self) -> str:
            return ""

    monkeypatch.setattr(media_stream.hashlib, "sha256", Broken)
    with pytest.raises(MemoryError, match="hash"):
        vault.media.write_file(io.BytesIO(os.urandom(8 * SMALL)), chunk_size=SMALL)
    assert _media_files(vault_dir) == []


def test_cancelling_mid_stream_removes_the_part(vault: Vault, vault_dir: Path) -> None:
    done: list[int] = []
    cancelled: Callable[[], bool] = lambda: bool(done) and done[-1] >= 6 * DEFAULT_CHUNK  # noqa: E731
    with pytest.raises(InterruptedError):
        vault.media.write_file(io.BytesIO(os.urandom(20 * DEFAULT_CHUNK)),
                               progress=done.append, cancelled=cancelled)
    assert done[-1] == 6 * DEFAULT_CHUNK
    assert _media_files(vault_dir) == []


def test_direct_io_refused_by_the_file_system_falls_back(
        vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system that accepts O_DIRECT at fcntl() but refuses the write (EINVAL)."""
    state = {"direct": False, "refused": 0}
    real = os.write

    def set_direct(fd: int, on: bool) -> bool:
        state["direct"] = on
        return on

    def write(fd: int, data: bytes | memoryview) -> int:
        if threading.current_thread().name == "block-writer" and state["direct"]:
            state["refused"] += 1
            raise OSError(errno.EINVAL, "Invalid argument")
        return real(fd, data)

    monkeypatch.setattr(io_direct.Direct, "set", set_direct)
    monkeypatch.setattr(io_direct.os, "write", write)
    data = os.urandom(10 * DEFAULT_CHUNK + 3)
    stored, key = vault.media.write_file(io.BytesIO(data))
    assert state["refused"] == 1  # once, then written normally
    with MediaReader(vault.media.path_of(stored.id), key, bytes.fromhex(stored.id)) as r:
        assert r.read() == data


def test_block_writer_without_direct_io(tmp_path: Path) -> None:
    fd = fileio.create(tmp_path / "f")  # O_BINARY: Windows would add CRs otherwise
    try:
        with io_direct.BlockWriter(fd, block=8192, depth=2, direct_io=False) as out:
            assert out.direct is False
            pieces = [os.urandom(n) for n in (1, 8191, 8192, 20_000, 0, 5)]
            for piece in pieces:
                out.write(piece)
            out.finish()
            with pytest.raises(ValueError):
                out.write(b"late")
    finally:
        os.close(fd)
    assert (tmp_path / "f").read_bytes() == b"".join(pieces)


def test_block_writer_rejects_unaligned_blocks() -> None:
    with pytest.raises(ValueError):
        io_direct.BlockWriter(0, block=1000)


def test_block_writer_reserve_and_commit_keep_the_order_with_writes(tmp_path: Path) -> None:
    fd = fileio.create(tmp_path / "f")
    expected = bytearray()
    try:
        with io_direct.BlockWriter(fd, block=8192, depth=2, direct_io=False) as out:
            for n in (100, 5000, 3000, 8192, 7):
                room = out.reserve(n)  # filled in place, as encrypt_into does
                if room is None:  # not enough room left in this block: a plain write
                    piece = os.urandom(n)
                    out.write(piece)
                else:
                    piece = os.urandom(n)
                    room[:] = piece
                    out.commit(n)
                expected += piece
                extra = os.urandom(n % 97 + 1)
                out.write(extra)
                expected += extra
            assert out.reserve(8193) is None  # never more than a block
            out.finish()
    finally:
        os.close(fd)
    assert (tmp_path / "f").read_bytes() == bytes(expected)
