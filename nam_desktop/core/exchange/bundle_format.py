"""The inner stream of an HQ bundle (format ``nam-desktop-bundle`` v1, docs/bundle-format.md).

Layout (all integers big-endian)::

    prefix    = MAGIC (8 bytes "NAMBUNDL") | version u16 (1) | header_len u32
    header    = header_len bytes of UTF-8 JSON (see :class:`BundleHeader`)
    signature = 64 bytes Ed25519 by the device key over SIG_CONTEXT | prefix | header
    bodies    = the entries' bytes, back to back, in header order, sizes from the header
    end       = END_MAGIC (8 bytes "NAMB-END") | entry count u32

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
import json
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from nam_desktop.core.crypto.device import fingerprint_of, verify_signature
from nam_desktop.core.exchange.errors import ExchangeError, Reason

MAGIC = b"NAMBUNDL"
END_MAGIC = b"NAMB-END"
VERSION = 1
FORMAT = "nam-desktop-bundle"
SIG_CONTEXT = b"nam-desktop bundle signature v1\x00"
PREFIX = struct.Struct(">8sHI")
END = struct.Struct(">8sI")
SIG_LEN = 64

MAX_HEADER = 4 * 1024 * 1024
MAX_ENTRIES = 100_000
MAX_RECORD = 16 * 1024 * 1024  # testimony and attachment records are held in memory
MAX_MEDIA = 1 << 40
MAX_UNFINISHED = 10_000  # export attempts a header may report (audit.unfinished)
UNFINISHED_STATES = ("interrupted", "failed", "cancelled")
RECORD_KINDS = ("testimony", "attachment")
KINDS = (*RECORD_KINDS, "media")
ZERO_DIGEST = "0" * 64
FEED_BLOCK = 1024 * 1024

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEADER_KEYS = {"format", "version", "bundle_id", "created_at", "device", "vault_id", "seq",
                "prev_digest", "recipients", "hq_root", "audit", "entries"}


@dataclass(frozen=True)
class EntryMeta:
    id: str
    kind: str
    size: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "size": self.size, "sha256": self.sha256}


@dataclass(frozen=True)
class UnfinishedExport:
    """An earlier export attempt of this device that did not complete (its sequence
    number was committed before any byte was written, so it is never used again):
    ``interrupted`` (the program died), ``failed`` or ``cancelled`` (files removed)."""

    seq: int
    bundle_id: str
    digest: str
    state: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "bundle_id": self.bundle_id, "digest": self.digest,
                "state": self.state}


@dataclass(frozen=True)
class BundleHeader:
    bundle_id: str
    created_at: str
    device_public_key: bytes
    vault_id: str
    seq: int
    prev_digest: str
    recipients: tuple[str, ...]  # recipient fingerprints (see recipient_fingerprint)
    hq_root: str
    audit_entries: int
    audit_head: str
    entries: tuple[EntryMeta, ...]
    unfinished: tuple[UnfinishedExport, ...] = ()  # audit.unfinished, absent when empty

    @property
    def device_fingerprint(self) -> str:
        return fingerprint_of(self.device_public_key)

    def to_json(self) -> dict[str, Any]:
        audit: dict[str, Any] = {"entries": self.audit_entries, "head": self.audit_head}
        if self.unfinished:
            audit["unfinished"] = [u.to_json() for u in self.unfinished]
        return {
            "format": FORMAT,
            "version": VERSION,
            "bundle_id": self.bundle_id,
            "created_at": self.created_at,
            "device": {"public_key": self.device_public_key.hex(),
                       "fingerprint": self.device_fingerprint},
            "vault_id": self.vault_id,
            "seq": self.seq,
            "prev_digest": self.prev_digest,
            "recipients": list(self.recipients),
            "hq_root": self.hq_root,
            "audit": audit,
            "entries": [e.to_json() for e in self.entries],
        }

    def encode(self) -> bytes:
        return json.dumps(self.to_json(), sort_keys=True, ensure_ascii=True,
                          separators=(",", ":")).encode("ascii")


def recipient_fingerprint(recipient: str) -> str:
    """SHA-256 (hex) of an age recipient string such as ``age1...``."""
    return hashlib.sha256(recipient.strip().encode("ascii")).hexdigest()


def signed_message(prefix: bytes, header: bytes) -> bytes:
    return SIG_CONTEXT + prefix + header


def bundle_digest(prefix: bytes, header: bytes) -> str:
    return hashlib.sha256(prefix + header).hexdigest()


# ---- header validation ------------------------------------------------------------------
def _bad(detail: str) -> ExchangeError:
    return ExchangeError(Reason.MALFORMED, detail)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _bad(f"duplicate key {k[:40]!r}")
        out[k] = v
    return out


def _reject_constant(name: str) -> Any:
    raise _bad(f"non-standard number {name}")


def _int(value: object, name: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _bad(f"{name} must be an integer in [{low}, {high}]")
    return value


def _str(value: object, name: str, pattern: re.Pattern[str] | None = None,
         max_len: int = 200) -> str:
    if not isinstance(value, str) or len(value) > max_len:
        raise _bad(f"{name} must be a string of at most {max_len} characters")
    if pattern is not None and not pattern.fullmatch(value):
        raise _bad(f"{name} has the wrong form")
    return value


def _obj(value: object, name: str, keys: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != keys:
        raise _bad(f"{name} must be an object with keys {sorted(keys)}")
    return value


def parse_header(data: bytes) -> BundleHeader:
    """Strictly decode and validate a header; raises :class:`ExchangeError` (MALFORMED)."""
    try:
        raw = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates,
                         parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        if isinstance(exc, ExchangeError):
            raise
        raise _bad("header is not JSON") from exc
    doc = _obj(raw, "header", _HEADER_KEYS)
    if doc["format"] != FORMAT or doc["version"] != VERSION:
        raise ExchangeError(Reason.MALFORMED, "unsupported bundle format or version")
    device = _obj(doc["device"], "device", {"public_key", "fingerprint"})
    key_hex = _str(device["public_key"], "device.public_key", _HEX64)
    public_key = bytes.fromhex(key_hex)
    if device["fingerprint"] != fingerprint_of(public_key):
        raise _bad("device fingerprint does not match its key")
    optional = {"unfinished"} & set(doc["audit"]) if isinstance(doc["audit"], dict) else set()
    audit = _obj(doc["audit"], "audit", {"entries", "head"} | optional)
    seq = _int(doc["seq"], "seq", 1, 2**53)
    recipients = doc["recipients"]
    if not isinstance(recipients, list) or not 1 <= len(recipients) <= 16:
        raise _bad("recipients must be a list of 1 to 16 fingerprints")
    raw_entries = doc["entries"]
    if not isinstance(raw_entries, list):
        raise _bad("entries must be a list")
    if len(raw_entries) > MAX_ENTRIES:
        raise ExchangeError(Reason.OVERSIZE, f"more than {MAX_ENTRIES} entries")
    entries = []
    seen: set[str] = set()
    for i, item in enumerate(raw_entries):
        e = _obj(item, f"entries[{i}]", {"id", "kind", "size", "sha256"})
        entry_id = _str(e["id"], f"entries[{i}].id", _ID)
        if entry_id in seen:
            raise _bad(f"entries[{i}].id is repeated")
        seen.add(entry_id)
        kind = e["kind"]
        if kind not in KINDS:
            raise _bad(f"entries[{i}].kind is unknown")
        limit = MAX_MEDIA if kind == "media" else MAX_RECORD
        size = _int(e["size"], f"entries[{i}].size", 0, limit)
        entries.append(EntryMeta(entry_id, kind, size,
                                 _str(e["sha256"], f"entries[{i}].sha256", _HEX64)))
    return BundleHeader(
        bundle_id=_str(doc["bundle_id"], "bundle_id", _ID, 64),
        created_at=_str(doc["created_at"], "created_at", None, 40),
        device_public_key=public_key,
        vault_id=_str(doc["vault_id"], "vault_id", _ID, 64),
        seq=seq,
        prev_digest=_str(doc["prev_digest"], "prev_digest", _HEX64),
        recipients=tuple(_str(r, "recipients[]", _HEX64) for r in recipients),
        hq_root=_str(doc["hq_root"], "hq_root", None, 64),
        audit_entries=_int(audit["entries"], "audit.entries", 0, 2**53),
        audit_head=_str(audit["head"], "audit.head", _HEX64),
        entries=tuple(entries),
        unfinished=_unfinished(audit["unfinished"], seq) if "unfinished" in audit else (),
    )


def _unfinished(value: object, seq: int) -> tuple[UnfinishedExport, ...]:
    """``audit.unfinished``: optional; when present a non-empty list of earlier attempts,
    ascending by ``seq``, each below the bundle's own ``seq``."""
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_UNFINISHED:
        raise _bad(f"audit.unfinished must be a list of 1 to {MAX_UNFINISHED} items")
    out: list[UnfinishedExport] = []
    for i, item in enumerate(value):
        name = f"audit.unfinished[{i}]"
        u = _obj(item, name, {"seq", "bundle_id", "digest", "state"})
        useq = _int(u["seq"], f"{name}.seq", 1, seq - 1)
        if out and useq <= out[-1].seq:
            raise _bad(f"{name}.seq is not ascending")
        if u["state"] not in UNFINISHED_STATES:
            raise _bad(f"{name}.state is unknown")
        out.append(UnfinishedExport(useq, _str(u["bundle_id"], f"{name}.bundle_id", _ID, 64),
                                    _str(u["digest"], f"{name}.digest", _HEX64),
                                    str(u["state"])))
    return tuple(out)


# ---- signing -------------------------------------------------------------------------
def sign_header(header: BundleHeader, sign: Callable[[bytes], bytes]) -> tuple[bytes, str]:
    """Prefix + header + signature, and the bundle digest."""
    body = header.encode()
    if len(body) > MAX_HEADER:
        raise ExchangeError(Reason.OVERSIZE, "too many entries for one bundle")
    prefix = PREFIX.pack(MAGIC, VERSION, len(body))
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
    Bodies go to ``sink``; each entry's hash is checked before ``sink.end``. Call
    :meth:`finish` after the last write: it refuses a stream that stopped early.
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
        self._header_bytes = b""
        self.header: BundleHeader | None = None
        self.digest = ""
        self._index = 0
        self._left = 0
        self._sha = hashlib.sha256()
        self.error: BaseException | None = None

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
            if self._state == "body":
                take = min(len(view), self._left)
                chunk = view[:take]  # a view: sinks copy what they keep
                self._sha.update(chunk)
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
            if version != VERSION:
                raise _bad(f"unsupported bundle version {version}")
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
            header = parse_header(self._header_bytes)
            message = signed_message(self._prefix, self._header_bytes)
            if not verify_signature(header.device_public_key, block, message):
                raise ExchangeError(Reason.BAD_SIGNATURE, header.device_fingerprint)
            self.header = header
            self.digest = bundle_digest(self._prefix, self._header_bytes)
            if self._on_header is not None:
                self._on_header(header, self.digest)
            self._next_entry()
        elif self._state == "end":
            magic, count = END.unpack(block)
            assert self.header is not None  # noqa: S101  # set before any entry
            if magic != END_MAGIC or count != len(self.header.entries):
                raise _bad("bad end marker")
            self._state = "done"

    def _next_entry(self) -> None:
        assert self.header is not None  # noqa: S101  # set before any entry
        while self._index < len(self.header.entries):
            entry = self.header.entries[self._index]
            self._sha = hashlib.sha256()
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
        self._sink.end(entry)
        self._index += 1

    def wipe(self) -> None:
        """Overwrite buffered plaintext (after a failure)."""
        for buf in (self._pending, self._buf):
            buf[:] = bytes(len(buf))
            buf.clear()

    def finish(self) -> BundleHeader:
        if self.error is None and self._pending:
            self._flush()
        if self.error is not None:
            raise self.error
        if self._state != "done" or self.header is None:
            raise ExchangeError(Reason.TRUNCATED, f"stream ends in {self._state}")
        return self.header
