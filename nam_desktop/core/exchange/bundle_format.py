"""The inner stream of an HQ bundle (format ``nam-desktop-bundle`` v2, v1 still read;
docs/bundle-format.md section 3).

Layout (all integers big-endian)::

    prefix    = MAGIC (8 bytes "NAMBUNDL") | version u16 (2, or 1) | header_len u32
    header    = header_len bytes of UTF-8 JSON (see :class:`BundleHeader`)
    signature = 64 bytes Ed25519 by the device key over SIG_CONTEXT | prefix | header
    bodies    = the entries' bytes, back to back, in header order, sizes from the header
    end       = END_MAGIC (8 bytes "NAMB-END") | entry count u32
    padding   = the header's ``padding`` zero bytes (version 2; section 3.7)

The bundle digest is SHA-256(prefix | header). The whole inner stream is then encrypted
with age; nothing here is ever written to disk in plaintext.

:class:`~.bundle_writer.InnerStream` produces the stream (a pull reader for
the export's age writer); :class:`BundleParser` consumes it (a push writer for the
HQ import's age reader) with hard limits, checking the signature before any body and
every body's hash.
"""

from __future__ import annotations

import hashlib
import io
import struct
from collections.abc import Callable
from typing import Any, Protocol

from nam_desktop.core.crypto.device import verify_signature
from nam_desktop.core.exchange.bundle_header import FORMAT as FORMAT
from nam_desktop.core.exchange.bundle_header import KINDS as KINDS
from nam_desktop.core.exchange.bundle_header import MAX_ENTRIES as MAX_ENTRIES
from nam_desktop.core.exchange.bundle_header import MAX_HEADER as MAX_HEADER
from nam_desktop.core.exchange.bundle_header import MAX_MEDIA as MAX_MEDIA
from nam_desktop.core.exchange.bundle_header import MAX_RECORD as MAX_RECORD
from nam_desktop.core.exchange.bundle_header import MAX_UNFINISHED as MAX_UNFINISHED
from nam_desktop.core.exchange.bundle_header import RECORD_KINDS as RECORD_KINDS
from nam_desktop.core.exchange.bundle_header import UNFINISHED_STATES as UNFINISHED_STATES
from nam_desktop.core.exchange.bundle_header import VERSION as VERSION
from nam_desktop.core.exchange.bundle_header import VERSIONS as VERSIONS
from nam_desktop.core.exchange.bundle_header import ZERO_DIGEST as ZERO_DIGEST
from nam_desktop.core.exchange.bundle_header import BundleHeader as BundleHeader
from nam_desktop.core.exchange.bundle_header import EntryMeta as EntryMeta
from nam_desktop.core.exchange.bundle_header import UnfinishedExport as UnfinishedExport
from nam_desktop.core.exchange.bundle_header import parse_header as parse_header
from nam_desktop.core.exchange.bundle_header import split_entry_id as split_entry_id
from nam_desktop.core.exchange.bundle_records import RecordChecker
from nam_desktop.core.exchange.errors import ExchangeError, Reason

MAGIC = b"NAMBUNDL"
END_MAGIC = b"NAMB-END"
SIG_CONTEXT = b"nam-desktop bundle signature v1\x00"  # the same for every version
PREFIX = struct.Struct(">8sHI")
END = struct.Struct(">8sI")
SIG_LEN = 64
FEED_BLOCK = 1024 * 1024


def recipient_fingerprint(recipient: str) -> str:
    """SHA-256 (hex) of an age recipient string such as ``age1...``."""
    return hashlib.sha256(recipient.strip().encode("ascii")).hexdigest()


def signed_message(prefix: bytes, header: bytes) -> bytes:
    return SIG_CONTEXT + prefix + header


def bundle_digest(prefix: bytes, header: bytes) -> str:
    return hashlib.sha256(prefix + header).hexdigest()


def _bad(detail: str) -> ExchangeError:
    return ExchangeError(Reason.MALFORMED, detail)


# ---- signing -------------------------------------------------------------------------
def sign_header(header: BundleHeader, sign: Callable[[bytes], bytes]) -> tuple[bytes, str]:
    """Prefix + header + signature, and the bundle digest."""
    body = header.encode()
    if len(body) > MAX_HEADER:
        raise ExchangeError(Reason.OVERSIZE, "too many entries for one bundle")
    prefix = PREFIX.pack(MAGIC, header.version, len(body))
    signature = sign(signed_message(prefix, body))
    if len(signature) != SIG_LEN:
        raise ValueError("an Ed25519 signature is 64 bytes")
    return prefix + body + signature, bundle_digest(prefix, body)



# ---- consuming the stream ---------------------------------------------------------------
class EntrySink(Protocol):
    def begin(self, entry: EntryMeta) -> None: ...
    def data(self, chunk: memoryview) -> None: ...
    def end(self, entry: EntryMeta) -> None: ...


class HashOnlySink:
    """Discards bodies (the parser checks the hashes): for ``verify``."""

    def begin(self, entry: EntryMeta) -> None:
        pass

    def data(self, chunk: memoryview) -> None:
        pass

    def end(self, entry: EntryMeta) -> None:
        pass


class BundleParser(io.RawIOBase):
    """Writable push parser of the inner stream.

    ``on_header(header, digest)`` runs once the header is decoded and its signature
    verified against the device key it names, before any body; it may raise to stop.
    Bodies go to ``sink``; each entry's hash is checked before ``sink.end``. Record bodies
    are also kept here and checked against the spec and each other (:class:`RecordChecker`:
    layout, value sets, which testimony an attachment belongs to) and a media entry
    against its attachment record before its first byte; :attr:`records` holds the
    decoded records. Call :meth:`finish` after the last write: it refuses a stream that
    stopped early.
    """

    def __init__(self, sink: EntrySink,
                 on_header: Callable[[BundleHeader, str], None] | None = None,
                 *, max_header: int = MAX_HEADER) -> None:
        super().__init__()
        self._sink = sink
        self._on_header = on_header
        self._max_header = max_header
        self._buf = bytearray()
        self._pending = bytearray()
        self._state = "prefix"
        self._need = PREFIX.size
        self._prefix = b""
        self._version = VERSION
        self._header_bytes = b""
        self.header: BundleHeader | None = None
        self.digest = ""
        self._index = 0
        self._left = 0
        self._sha = hashlib.sha256()
        self.error: BaseException | None = None
        self.checker = RecordChecker(VERSION)
        self.records: dict[str, dict[str, Any]] = {}  # entry id -> decoded record
        self._record = bytearray()  # the record being read
        self._in_record = False
        self._padding_ok = True

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        # age hands out 8 KiB at a time: parse in larger blocks (fewer calls, faster hashing).
        if self.error is not None:
            raise self.error
        n = len(data)
        if not self._pending and n >= FEED_BLOCK:  # already a large block: no copy
            try:
                self._feed(memoryview(data))
            except BaseException as exc:
                self.error = exc
                raise
            return n
        self._pending += data
        if len(self._pending) >= FEED_BLOCK:
            self._flush()
        return n

    def _flush(self) -> None:
        block, self._pending = self._pending, bytearray()
        try:
            self._feed(memoryview(block))
        except BaseException as exc:
            self.error = exc
            raise

    def _feed(self, view: memoryview) -> None:
        while view:
            if self._state == "padding":  # checked when complete (a checkpoint, section 4)
                take = min(len(view), self._left)
                self._padding_ok = self._padding_ok and \
                    view[:take].tobytes().count(0) == take
                self._left -= take
                view = view[take:]
                if self._left == 0:
                    if not self._padding_ok:
                        raise _bad("padding that is not zero bytes")
                    self._state = "done"
                continue
            if self._state == "body":
                take = min(len(view), self._left)
                chunk = view[:take]  # a view: sinks copy what they keep
                self._sha.update(chunk)
                if self._in_record:
                    self._record += chunk
                self._sink.data(chunk)
                self._left -= take
                view = view[take:]
                if self._left == 0:
                    self._end_entry()
                    self._next_entry()
                continue
            if self._state == "done":
                raise _bad("bytes after the end marker")
            take = min(len(view), self._need - len(self._buf))
            self._buf += view[:take]
            view = view[take:]
            if len(self._buf) == self._need:
                block = bytes(self._buf)
                self._buf.clear()
                self._advance(block)

    def _advance(self, block: bytes) -> None:
        if self._state == "prefix":
            magic, version, length = PREFIX.unpack(block)
            if magic != MAGIC:
                raise _bad("not a NAM bundle (bad magic)")
            if version not in VERSIONS:
                raise ExchangeError(Reason.UNSUPPORTED_VERSION,
                                    f"bundle format version {version}; this program reads "
                                    + ", ".join(str(v) for v in VERSIONS)
                                    + ": made by a newer NAM Desktop?")
            self._version = version
            if length > self._max_header:
                raise ExchangeError(Reason.OVERSIZE, f"header of {length} bytes")
            if length == 0:
                raise _bad("empty header")
            self._prefix = block
            self._state, self._need = "header", length
        elif self._state == "header":
            self._header_bytes = block
            self._state, self._need = "signature", SIG_LEN
        elif self._state == "signature":
            header = parse_header(self._header_bytes, self._version)
            message = signed_message(self._prefix, self._header_bytes)
            if not verify_signature(header.device_public_key, block, message):
                raise ExchangeError(Reason.BAD_SIGNATURE, header.device_fingerprint)
            self.header = header
            self.checker = RecordChecker(header.version)
            self.digest = bundle_digest(self._prefix, self._header_bytes)
            if self._on_header is not None:
                self._on_header(header, self.digest)
            self._next_entry()
        elif self._state == "end":
            magic, count = END.unpack(block)
            assert self.header is not None  # noqa: S101  # set before any entry
            if magic != END_MAGIC or count != len(self.header.entries):
                raise _bad("bad end marker")
            self.checker.finish()
            self._state = "done"
            if self.header.padding:
                self._state, self._left = "padding", self.header.padding

    def _next_entry(self) -> None:
        assert self.header is not None  # noqa: S101  # set before any entry
        while self._index < len(self.header.entries):
            entry = self.header.entries[self._index]
            self._sha = hashlib.sha256()
            self._in_record = entry.kind != "media"
            if not self._in_record:
                self.checker.media(entry)  # before a byte of it is read
            self._sink.begin(entry)
            if entry.size:
                self._state, self._left = "body", entry.size
                return
            self._end_entry()
        self._state, self._need = "end", END.size

    def _end_entry(self) -> None:
        assert self.header is not None  # noqa: S101  # set before any entry
        entry = self.header.entries[self._index]
        if self._sha.hexdigest() != entry.sha256:
            raise ExchangeError(Reason.HASH_MISMATCH, f"entry {entry.id}")
        if self._in_record:
            body, self._record = bytes(self._record), bytearray()
            self.records[entry.id] = self.checker.record(entry, body)
        self._sink.end(entry)
        self._index += 1

    def wipe(self) -> None:
        """Overwrite buffered plaintext (after a failure) and drop the decoded records."""
        for buf in (self._pending, self._buf, self._record):
            buf[:] = bytes(len(buf))
            buf.clear()
        self.records.clear()

    def flush(self) -> None:
        """Parse what was written so far (the checks those bytes complete); raises the
        first failure. For a failing age layer: what it authenticated comes first."""
        if self.error is None and self._pending:
            self._flush()
        if self.error is not None:
            raise self.error

    def finish(self) -> BundleHeader:
        if self.error is None and self._pending:
            self._flush()
        if self.error is not None:
            raise self.error
        if self._state != "done" or self.header is None:
            raise ExchangeError(Reason.TRUNCATED, f"stream ends in {self._state}")
        return self.header
