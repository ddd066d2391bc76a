"""The export pipeline's moving parts: the prefetching inner stream, the part writer's
aligned blocks and direct I/O (with its fallbacks), the threaded read-back, and the
sequential media decryption the export streams from."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from nam_desktop.core.crypto.media_stream import MediaReader, encrypt_stream
from nam_desktop.core.errors import MediaDamagedError
from nam_desktop.core.exchange import destination as d
from nam_desktop.core.exchange import stream_io
from nam_desktop.core.exchange.bundle_format import END, END_MAGIC, EntryMeta
from nam_desktop.core.exchange.bundle_writer import EntrySource, InnerStream
from nam_desktop.core.exchange.errors import ExchangeError, Reason

KEY = bytes(range(32))
FILE_ID = bytes(range(100, 116))


def source(entry_id: str, body: bytes, pieces: int = 3) -> EntrySource:
    meta = EntryMeta(entry_id, "media", len(body), hashlib.sha256(body).hexdigest())
    step = max(1, -(-len(body) // pieces))
    return EntrySource(meta, lambda: [body[i:i + step] for i in range(0, len(body), step)])


# ---- InnerStream ---------------------------------------------------------------------------
def test_stream_in_8k_reads_matches_the_layout() -> None:
    bodies = [os.urandom(n) for n in (0, 1, 70_000, 3 * 8192)]
    stream = InnerStream(b"HEAD", [source(f"m{i}", b) for i, b in enumerate(bodies)])
    out = bytearray()
    while chunk := stream.read(8192):
        assert 0 < len(chunk) <= 8192 and isinstance(chunk, bytes)
        out += chunk
    stream.close()
    assert bytes(out) == b"HEAD" + b"".join(bodies) + END.pack(END_MAGIC, 4)
    assert stream.produced == len(out)


def test_readinto_and_readall_agree() -> None:
    body = os.urandom(50_000)
    a = InnerStream(b"H", [source("m", body)]).read()
    b = InnerStream(b"H", [source("m", body)])
    buf = bytearray(1000)
    got = bytearray()
    while n := b.readinto(buf):
        got += buf[:n]
    assert a == bytes(got) == b"H" + body + END.pack(END_MAGIC, 1)


def test_changed_source_stops_before_the_end_marker() -> None:
    good = source("m", b"x" * 100)
    bad = EntrySource(EntryMeta("n", "media", 3, "0" * 64), lambda: [b"abc"])
    stream = InnerStream(b"H", [good, bad])
    got = b""
    with pytest.raises(ExchangeError) as exc:
        while chunk := stream.read(8192):
            got += chunk
    assert exc.value.reason is Reason.SOURCE_CHANGED and "entry n" in str(exc.value)
    assert stream.error is exc.value and END_MAGIC not in got
    assert stream.read(8192) == b""  # the stream is over
    stream.close()


def test_a_longer_source_is_refused_without_its_extra_bytes() -> None:
    src = EntrySource(EntryMeta("m", "media", 2, hashlib.sha256(b"ab").hexdigest()),
                      lambda: [b"ab", b"cdef"])
    stream = InnerStream(b"", [src])
    with pytest.raises(ExchangeError):
        stream.read()
    stream.close()


def test_close_mid_stream_stops_the_producer_and_closes_the_source() -> None:
    closed = threading.Event()
    body = b"y" * (1 << 20)

    def chunks() -> Iterator[bytes]:
        try:
            for _ in range(1000):  # far more than the queue holds
                yield body
        finally:
            closed.set()

    meta = EntryMeta("m", "media", 1000 * len(body), "0" * 64)
    stream = InnerStream(b"H", [EntrySource(meta, chunks)])
    assert stream.read(8192) == b"H"
    stream.read(8192)
    stream.close()
    assert closed.wait(5)
    assert not any(t.name == "bundle-source" and t.is_alive() for t in threading.enumerate())


def test_cancel_is_checked_between_chunks() -> None:
    state = {"cancel": False}
    stream = InnerStream(b"H", [source("m", os.urandom(10_000), pieces=10)],
                         cancelled=lambda: state["cancel"])
    assert stream.read(8192) == b"H"
    state["cancel"] = True
    with pytest.raises(ExchangeError) as exc:
        while stream.read(8192):
            pass
    assert exc.value.reason is Reason.CANCELLED
    stream.close()


def test_progress_is_monotonic_and_ends_at_the_total() -> None:
    seen: list[int] = []
    body = os.urandom(3 << 20)
    stream = InnerStream(b"H", [source("m", body, pieces=12)], progress=seen.append)
    total = len(stream.read())
    stream.close()
    assert seen == sorted(seen) and seen[-1] == total and len(set(seen)) == len(seen)


# ---- PartWriter ------------------------------------------------------------------------------
@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(d.PartWriter, "BLOCK", 16 * 1024)  # a multiple of the alignment


def write_in_pieces(w: d.PartWriter, data: bytes) -> None:
    pos, step = 0, 1
    while pos < len(data):
        w.write(data[pos:pos + step])
        pos += step
        step = step * 3 % 70_001 + 1  # odd sizes, some across block boundaries


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize("part_size", [None, 16 * 1024 * 2, 5000, 16 * 1024 * 3 + 4096])
@pytest.mark.parametrize("size", [0, 1, 16 * 1024, 100_003])
def test_part_writer_contents_parts_and_hash(tmp_path: Path, part_size: int | None,
                                            size: int) -> None:
    data = os.urandom(size)
    w = d.PartWriter(tmp_path, part_size=part_size)
    write_in_pieces(w, data)
    paths = w.complete()
    sizes = [p.stat().st_size for p in paths]
    if part_size is not None and size:
        assert all(s == part_size for s in sizes[:-1]) and 0 < sizes[-1] <= part_size
    assert b"".join(p.read_bytes() for p in paths) == data
    assert w.sha256 == hashlib.sha256(data).hexdigest() and w.size == size
    assert d.read_back_sha256(paths) == (w.sha256, size)
    assert sorted(tmp_path.iterdir()) == sorted(paths)
    assert os.name != "posix" or all(p.stat().st_mode & 0o777 == 0o600 for p in paths)


@pytest.mark.usefixtures("small_blocks")
def test_refused_direct_io_falls_back_to_normal_writes(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system that accepts O_DIRECT at fcntl() but refuses the write (EINVAL)."""
    state = {"direct": False, "refused": 0}

    def set_direct(fd: int, on: bool) -> bool:
        state["direct"] = on
        return on

    class Picky(io.RawIOBase):
        def __init__(self, path: Path) -> None:
            self._fh = path.open("xb", buffering=0)

        def writable(self) -> bool:
            return True

        def write(self, data: bytes) -> int:  # type: ignore[override]
            if state["direct"]:
                state["refused"] += 1
                raise OSError(errno.EINVAL, "Invalid argument")
            return int(self._fh.write(data) or 0)

        def fileno(self) -> int:
            return self._fh.fileno()

        def close(self) -> None:
            self._fh.close()
            super().close()

    monkeypatch.setattr(stream_io.Direct, "set", set_direct)
    monkeypatch.setattr(d, "_open_new", Picky)
    data = os.urandom(100_000)
    w = d.PartWriter(tmp_path, part_size=40_960)
    w.write(data)
    paths = w.complete()
    assert b"".join(p.read_bytes() for p in paths) == data
    assert state["refused"] == len(paths)  # once per part, then written normally


def test_a_failing_drive_stops_later_writes(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path) -> io.RawIOBase:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(d, "_open_new", broken)
    w = d.PartWriter(tmp_path)
    w.write(b"x" * (d.PartWriter.BLOCK + 1))
    w.drain()
    assert isinstance(w.error, OSError)
    with pytest.raises(OSError):
        w.write(b"more")
    w.discard()
    assert list(tmp_path.iterdir()) == []


def test_writes_after_drain_are_refused(tmp_path: Path) -> None:
    w = d.PartWriter(tmp_path)
    w.write(b"abc")
    w.drain()
    with pytest.raises(ValueError):
        w.write(b"late")
    w.discard()


def test_direct_io_switch_reports_what_it_did(tmp_path: Path) -> None:
    fd = os.open(tmp_path / "f", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        on = stream_io.Direct.set(fd, True)
        assert on in (True, False)  # False where the file system or OS has no O_DIRECT
        assert stream_io.Direct.set(fd, False) is False
    finally:
        os.close(fd)


# ---- read-back ----------------------------------------------------------------------------
def test_read_back_of_many_parts_and_empty_ones(tmp_path: Path) -> None:
    blobs = [os.urandom(n) for n in (0, 8192, 20_000, 1, 0)]
    paths = []
    for i, blob in enumerate(blobs):
        paths.append(tmp_path / f"p{i}")
        paths[-1].write_bytes(blob)
    joined = b"".join(blobs)
    assert stream_io.read_back_sha256(paths, block=8192) == \
        (hashlib.sha256(joined).hexdigest(), len(joined))


def test_read_back_of_a_missing_part_raises(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"a")
    with pytest.raises(FileNotFoundError):
        d.read_back_sha256([tmp_path / "a", tmp_path / "gone"])


# ---- sequential media decryption ---------------------------------------------------------------
def write_media(path: Path, data: bytes, chunk: int = 1024) -> None:
    with path.open("wb") as out:
        encrypt_stream(io.BytesIO(data), out, KEY, FILE_ID, chunk_size=chunk)


@pytest.mark.parametrize("size", [0, 1, 1023, 1024, 1025, 5 * 1024, 5 * 1024 + 7])
def test_iter_chunks_equals_random_access(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    write_media(tmp_path / "m", data)
    with MediaReader(tmp_path / "m", KEY, FILE_ID) as reader:
        chunks = list(reader.iter_chunks())
        assert b"".join(chunks) == data == reader.read()
        assert len(chunks) == reader.chunk_count
        assert reader.verify_all() == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("damage", ["flip", "truncate", "swap"])
def test_iter_chunks_refuses_damage(tmp_path: Path, damage: str) -> None:
    write_media(tmp_path / "m", os.urandom(4 * 1024 + 10))
    raw = bytearray((tmp_path / "m").read_bytes())
    stride = 1024 + 16
    if damage == "flip":
        raw[32 + stride + 5] ^= 1
    elif damage == "truncate":
        del raw[32 + 3 * stride:]  # whole chunks gone: the last one left is not marked last
    else:
        raw[32:32 + stride], raw[32 + stride:32 + 2 * stride] = \
            raw[32 + stride:32 + 2 * stride], raw[32:32 + stride]
    (tmp_path / "m").write_bytes(bytes(raw))
    with MediaReader(tmp_path / "m", KEY, FILE_ID) as reader, \
            pytest.raises(MediaDamagedError):
        for _ in reader.iter_chunks():
            pass


def test_iter_chunks_notices_a_file_cut_after_opening(tmp_path: Path) -> None:
    write_media(tmp_path / "m", os.urandom(64 * 1024))  # more than the file's read buffer
    with MediaReader(tmp_path / "m", KEY, FILE_ID) as reader:
        os.truncate(tmp_path / "m", 32 + 40 * 1040 + 100)
        with pytest.raises(MediaDamagedError):
            list(reader.iter_chunks())


# ---- read-ahead and pump (the HQ import's threads) ------------------------------------------
def test_read_ahead_closed_early_stops_its_thread(tmp_path: Path) -> None:
    (tmp_path / "big").write_bytes(os.urandom(64 * 8192))
    ahead = stream_io.ReadAhead([tmp_path / "big"], block=8192, depth=1)
    first = ahead.next()
    assert first is not None and len(first) == 8192
    ahead.close()  # the reader waits for a free block: it must still stop
    assert not any(t.name == "bundle-read" and t.is_alive() for t in threading.enumerate())
    assert ahead.next() is None


def test_pump_keeps_order_and_block_sizes() -> None:
    seen: list[bytes] = []
    pump = stream_io.Pump(lambda view: seen.append(bytes(view)), block=1000, depth=2)
    data = os.urandom(12_345)
    write_in_pieces_to(pump, data)
    pump.finish()
    assert b"".join(seen) == data
    assert [len(s) for s in seen[:-1]] == [1000] * 12 and len(seen[-1]) == 345
    pump.close()


def write_in_pieces_to(target: stream_io.Pump, data: bytes) -> None:
    pos, step = 0, 1
    while pos < len(data):
        target.write(data[pos:pos + step])
        pos += step
        step = step * 7 % 3001 + 1


def test_pump_error_reaches_the_writer_and_finish() -> None:
    boom = ExchangeError(Reason.HASH_MISMATCH, "entry x")
    calls = []

    def target(view: memoryview) -> None:
        calls.append(len(view))
        if len(calls) == 2:
            raise boom

    pump = stream_io.Pump(target, block=100, depth=2)
    with pytest.raises(ExchangeError) as exc:
        for _ in range(100):
            pump.write(b"z" * 100)
    assert exc.value is boom and pump.error is boom
    with pytest.raises(ExchangeError):
        pump.finish()
    pump.close()
    assert len(calls) == 2  # nothing after the failing block


def test_pump_close_wipes_its_blocks_and_drops_the_rest() -> None:
    entered, gate = threading.Event(), threading.Event()
    got: list[bytes] = []

    def slow(view: memoryview) -> None:
        entered.set()
        assert gate.wait(5)
        got.append(bytes(view))

    pump = stream_io.Pump(slow, block=4, depth=4)
    pump.write(b"SECRET-PLAINTEXT")  # four full blocks, queued
    assert entered.wait(5)

    def open_gate_once_closing() -> None:
        while pump.error is None:  # close() marks the pump stopped before it waits
            threading.Event().wait(0.01)
        gate.set()

    opener = threading.Thread(target=open_gate_once_closing)
    opener.start()
    buffers = list(pump._buffers)
    pump.close()
    opener.join()
    assert got == [b"SECR"]  # the block in progress ends; the queued ones are dropped
    assert all(not any(b) for b in buffers)  # plaintext overwritten
    with pytest.raises(ValueError):
        pump.write(b"more")
