"""The HQ import station: decrypt, verify and commit a bundle in one transaction, or nothing.

``pyrage`` hands out plaintext before the age stream is authenticated, so the plaintext
only ever reaches :class:`~.bundle_format.BundleParser`: records stay in memory (with
limits), media bodies are re-encrypted straight into the HQ vault's media folder under
fresh keys held in memory (a quarantine). Only when the age layer, the device
signature, the recipient and every entry hash have checked out are the media rows,
testimonies, attachments and bundle record committed, in one transaction. On any
failure the quarantine files are deleted and their keys forgotten.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO

import pyrage
import sqlcipher3

from nam_desktop.core.clock import iso, utc_now
from nam_desktop.core.crypto.fsutil import fsync_dir
from nam_desktop.core.crypto.media_stream import DEFAULT_CHUNK, ChunkWriter
from nam_desktop.core.exchange import records_import
from nam_desktop.core.exchange.bundle_format import (
    RECORD_KINDS,
    BundleHeader,
    BundleParser,
    EntryMeta,
    HashOnlySink,
    recipient_fingerprint,
)
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.hq_identity import HqIdentity, load_hq
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.media_store import PART_SUFFIX, StoredMedia
from nam_desktop.core.vault.vault import Vault

MAX_RECORDS_TOTAL = 256 * 1024 * 1024
READ_BLOCK = 1024 * 1024


class ImportStatus(Enum):
    IMPORTED = "imported"
    ALREADY_IMPORTED = "already_imported"


@dataclass
class ImportResult:
    status: ImportStatus
    bundle_id: str
    digest: str
    device_fingerprint: str
    device_name: str
    seq: int
    testimonies: list[str] = field(default_factory=list)
    new_entries: int = 0
    known_entries: int = 0
    flags: list[str] = field(default_factory=list)  # "gap: ..." (lost stick?)


class _AlreadyImported(Exception):  # internal stop signal, not an error
    pass


class PartsReader(io.RawIOBase):
    """The concatenation of a bundle's part files, with byte-count progress."""

    def __init__(self, paths: list[Path],
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        super().__init__()
        self._paths = list(paths)
        self.total = sum(p.stat().st_size for p in self._paths)
        self._fh: BinaryIO | None = None
        self._done = 0
        self._progress = progress
        self._cancelled = cancelled
        self.error: BaseException | None = None
        self._reported = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            return self._readinto(buffer)
        except BaseException as exc:  # pyrage reports reader errors as its own type
            self.error = exc
            raise

    def _readinto(self, buffer: bytearray | memoryview) -> int:
        if self._cancelled is not None and self._cancelled():
            raise ExchangeError(Reason.CANCELLED)
        while True:
            if self._fh is None:
                if not self._paths:
                    return 0
                self._fh = self._paths.pop(0).open("rb")
            n = self._fh.readinto(buffer)  # type: ignore[attr-defined]
            if n:
                self._done += n
                if self._progress is not None and (self._done - self._reported >= 1 << 20
                                                   or self._done == self.total):
                    self._reported = self._done
                    self._progress(self._done, self.total)
                return int(n)
            self._fh.close()
            self._fh = None

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
        super().close()


class QuarantineSink:
    """Records in memory; media re-encrypted into the vault's media folder, no row yet."""

    def __init__(self, vault: Vault, skip: Callable[[EntryMeta], bool]) -> None:
        self._vault = vault
        self._skip = skip
        self.records: dict[str, bytearray] = {}
        self.media: dict[str, tuple[StoredMedia, bytes]] = {}
        self._files: list[Path] = []
        self._record_bytes = 0
        self._current: bytearray | None = None
        self._writer: ChunkWriter | None = None
        self._out: BinaryIO | None = None
        self._media_id = ""
        self._key = b""

    def begin(self, entry: EntryMeta) -> None:
        self._current = None
        self._writer = None
        if self._skip(entry):
            return
        if entry.kind in RECORD_KINDS:
            self._record_bytes += entry.size
            if self._record_bytes > MAX_RECORDS_TOTAL:
                raise ExchangeError(Reason.OVERSIZE, "records exceed the import limit")
            self._current = bytearray()
            self.records[entry.id] = self._current
            return
        file_id = secrets.token_bytes(16)
        self._media_id, self._key = file_id.hex(), secrets.token_bytes(32)
        part = self._vault.media.path_of(self._media_id)
        part = part.with_name(part.name + PART_SUFFIX)
        self._files.append(part)
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self._out = os.fdopen(fd, "wb", buffering=DEFAULT_CHUNK)
        self._writer = ChunkWriter(self._out, self._key, file_id)

    def data(self, chunk: memoryview) -> None:
        if self._current is not None:
            self._current += chunk
        elif self._writer is not None:
            self._writer.write(chunk)

    def end(self, entry: EntryMeta) -> None:
        if self._writer is None or self._out is None:
            return
        digest = self._writer.finish()
        self._out.flush()
        os.fsync(self._out.fileno())
        self._out.close()
        part = self._files[-1]
        final = self._vault.media.path_of(self._media_id)
        os.replace(part, final)
        self._files.append(final)
        self.media[entry.id] = (StoredMedia(self._media_id, self._writer.size, digest),
                                self._key)
        self._writer = None

    def discard(self) -> None:
        if self._out is not None:
            with contextlib.suppress(OSError):
                self._out.close()
        for path in self._files:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        with contextlib.suppress(OSError):
            fsync_dir(self._vault.media.folder)
        for buf in self.records.values():
            buf[:] = bytes(len(buf))  # overwrite plaintext before letting it go
        self.records.clear()
        self.media.clear()


def _decrypt(paths: list[Path], identities: list[pyrage.x25519.Identity],
             parser: BundleParser, progress: Callable[[int, int], None] | None,
             cancelled: Callable[[], bool] | None) -> BundleHeader:
    try:
        reader = PartsReader(paths, progress, cancelled)
    except OSError as exc:
        raise ExchangeError(Reason.MALFORMED, exc.strerror or "cannot read") from exc
    with reader:
        try:
            pyrage.decrypt_io(reader, parser, identities)
        except (pyrage.DecryptError, OSError) as exc:
            cause = parser.error or reader.error
            if isinstance(cause, ExchangeError):
                raise cause from exc
            if isinstance(cause, OSError):  # the HQ disk (quarantine) or the bundle file
                reason = Reason.WRITE_FAILED if cause is parser.error else Reason.MALFORMED
                raise ExchangeError(reason, cause.strerror or "I/O error") from exc
            if "No matching keys" in str(exc):
                raise ExchangeError(Reason.WRONG_RECIPIENT, "no identity of this HQ") from exc
            # pyrage: "decryption error" (OSError) for flipped or missing bytes
            raise ExchangeError(Reason.DAMAGED, "damaged or truncated") from exc
        if reader.error is not None:
            raise reader.error
    return parser.finish()


@dataclass(frozen=True)
class VerifyReport:
    header: BundleHeader
    digest: str
    entries: list[EntryMeta]


def verify_bundle(paths: list[Path], identities: list[str],
                  *, progress: Callable[[int, int], None] | None = None) -> VerifyReport:
    """Decrypt and check signature and every entry hash; keeps nothing (``verify``)."""
    try:
        keys = [pyrage.x25519.Identity.from_str(i.strip()) for i in identities]
    except Exception as exc:  # pyrage raises its own IdentityError
        raise ExchangeError(Reason.WRONG_RECIPIENT, "not an age identity") from exc
    parser = BundleParser(HashOnlySink())
    header = _decrypt(paths, keys, parser, progress, None)
    mine = {recipient_fingerprint(str(k.to_public())) for k in keys}
    if not mine & set(header.recipients):
        raise ExchangeError(Reason.WRONG_RECIPIENT, "the header names other recipients")
    return VerifyReport(header, parser.digest, list(header.entries))


class _Checks:
    """Header checks at HQ, run before any body is accepted."""

    def __init__(self, vault: Vault, hq: HqIdentity) -> None:
        self.vault = vault
        self.hq = hq
        self.flags: list[str] = []
        self.alarm: tuple[str, str] | None = None
        self.device_name = ""
        self.known: dict[str, str] = {}

    def __call__(self, header: BundleHeader, digest: str) -> None:
        mine = {recipient_fingerprint(str(i.to_public())) for i in self.hq.age_identities()}
        if not mine & set(header.recipients) or (
                header.hq_root and header.hq_root != self.hq.root_fingerprint):
            raise ExchangeError(Reason.WRONG_RECIPIENT, "addressed to another HQ")
        fp = header.device_fingerprint
        with self.vault.reading() as c:
            dev = c.execute("SELECT public_key, name FROM hq_devices WHERE fingerprint = ?",
                            (fp,)).fetchone()
            if dev is None or (dev[0] is not None and bytes(dev[0]) != header.device_public_key):
                raise ExchangeError(Reason.UNKNOWN_SIGNER, fp)
            self.device_name = str(dev[1])
            if c.execute("SELECT 1 FROM hq_bundles WHERE digest = ?", (digest,)).fetchone():
                raise _AlreadyImported()
            rows = dict(c.execute("SELECT seq, digest FROM hq_bundles WHERE "
                                  "device_fingerprint = ?", (fp,)).fetchall())
            for e in header.entries:
                row = c.execute("SELECT sha256 FROM hq_entries WHERE entry_id = ?",
                                (e.id,)).fetchone()
                if row is not None:
                    self.known[e.id] = str(row[0])
        if header.seq in rows:
            self.alarm = ("fork", f"seq {header.seq} already imported with another digest")
            raise ExchangeError(Reason.FORK, self.alarm[1])
        before = rows.get(header.seq - 1)
        if before is not None and before != header.prev_digest:
            self.alarm = ("fork", f"seq {header.seq} does not follow the bundle imported before")
            raise ExchangeError(Reason.FORK, self.alarm[1])
        conflicts = [e.id for e in header.entries if self.known.get(e.id, e.sha256) != e.sha256]
        if conflicts:
            self.alarm = ("conflict", "entries with a different hash: " + ", ".join(conflicts))
            raise ExchangeError(Reason.CONFLICT, self.alarm[1][:300])
        top = max(rows, default=0)
        if header.seq > top + 1:
            self.flags.append(f"gap: bundles {top + 1}..{header.seq - 1} not received")


def import_bundle(vault: Vault, paths: list[Path], *,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Import one bundle (its parts in order) into an HQ vault; all or nothing."""
    hq = load_hq(vault)
    repo = TestimonyRepository(vault)
    checks = _Checks(vault, hq)
    sink = QuarantineSink(vault, lambda e: e.id in checks.known)
    parser = BundleParser(sink, checks)
    try:
        header = _decrypt(paths, hq.age_identities(), parser, progress, cancelled)
        result = ImportResult(ImportStatus.IMPORTED, header.bundle_id, parser.digest,
                              header.device_fingerprint, checks.device_name, header.seq,
                              flags=list(checks.flags))
        try:
            _commit(vault, repo, header, parser.digest, sink, checks, result)
        except sqlcipher3.IntegrityError as exc:  # e.g. an act id already used elsewhere
            raise ExchangeError(Reason.MALFORMED, "records clash with this vault") from exc
        return result
    except _AlreadyImported:
        parser.wipe()
        sink.discard()
        h = parser.header
        assert h is not None  # noqa: S101  # raised from the header check
        return ImportResult(ImportStatus.ALREADY_IMPORTED, h.bundle_id, parser.digest,
                            h.device_fingerprint, checks.device_name, h.seq,
                            known_entries=len(h.entries))
    except BaseException:
        parser.wipe()
        sink.discard()
        if checks.alarm is not None and parser.header is not None:
            _alarm(vault, checks.alarm[0], parser.header, checks.alarm[1])
        raise


def _alarm(vault: Vault, kind: str, header: BundleHeader, detail: str) -> None:
    with vault.transaction() as c:
        c.execute("INSERT INTO hq_alarms (ts, kind, device_fingerprint, bundle_id, detail) "
                  "VALUES (?, ?, ?, ?, ?)", (iso(utc_now()), kind, header.device_fingerprint,
                                             header.bundle_id, detail))
        vault.audit.append(f"hq.alarm.{kind}", header.bundle_id,
                           device=header.device_fingerprint, seq=header.seq)


def _commit(vault: Vault, repo: TestimonyRepository, header: BundleHeader, digest: str,
            sink: QuarantineSink, checks: _Checks, result: ImportResult) -> None:
    codes = repo.vocabulary_codes()
    bodies: dict[str, Any] = {}
    for entry_id, raw in sink.records.items():
        try:
            bodies[entry_id] = json.loads(bytes(raw).decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise ExchangeError(Reason.MALFORMED, f"entry {entry_id} is not JSON") from exc
        if not isinstance(bodies[entry_id], dict):
            raise ExchangeError(Reason.MALFORMED, f"entry {entry_id} is not an object")
    now = iso(utc_now())
    fp = header.device_fingerprint
    with vault.transaction() as c:
        c.execute("UPDATE hq_devices SET public_key = ? WHERE fingerprint = ?",
                  (header.device_public_key, fp))
        c.execute("INSERT INTO hq_bundles (bundle_id, device_fingerprint, seq, digest, "
                  "prev_digest, audit_entries, audit_head, entries, imported_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  (header.bundle_id, fp, header.seq, digest, header.prev_digest,
                   header.audit_entries, header.audit_head, len(header.entries), now))
        for e in header.entries:
            if e.id in checks.known:
                result.known_entries += 1
                continue
            result.new_entries += 1
            media_id = None
            _check_entry_id(e, bodies.get(e.id))
            if e.kind == "testimony":
                result.testimonies.append(
                    records_import.import_testimony(repo, c, bodies[e.id], codes))
            elif e.kind == "attachment":
                records_import.import_attachment(c, bodies[e.id])
            else:
                stored, key = sink.media[e.id]
                vault.media.insert_row(stored, key)
                media_id = stored.id
            c.execute("INSERT INTO hq_entries (entry_id, bundle_id, kind, size, sha256, "
                      "media_id) VALUES (?, ?, ?, ?, ?, ?)",
                      (e.id, header.bundle_id, e.kind, e.size, e.sha256, media_id))
        for e in header.entries:  # media after their attachment records exist
            if e.kind == "media" and e.id not in checks.known:
                _, aid, variant = e.id.split("/", 2)
                records_import.link_media(c, aid, variant, sink.media[e.id][0].id)
        for flag in result.flags:
            c.execute("INSERT INTO hq_alarms (ts, kind, device_fingerprint, bundle_id, detail) "
                      "VALUES (?, 'gap', ?, ?, ?)", (now, fp, header.bundle_id, flag))
        vault.audit.append("hq.import", header.bundle_id, device=fp, seq=header.seq,
                           digest=digest, new_entries=result.new_entries,
                           known_entries=result.known_entries, flags=result.flags)


def _check_entry_id(e: EntryMeta, body: Any) -> None:
    """Entry ids name their content (receipts list them): they must agree with it."""
    parts = e.id.split("/")
    if e.kind == "testimony":
        rec = body.get("testimony") if isinstance(body, dict) else None
        ok = (isinstance(rec, dict) and len(parts) == 3
              and parts == ["testimony", str(rec.get("id")), str(body.get("revision"))])
    elif e.kind == "attachment":
        ok = parts == ["attachment", str(body.get("attachment_id"))] \
            if isinstance(body, dict) else False
    else:
        ok = len(parts) == 3 and parts[0] == "media" and parts[2] in ("cleaned", "original")
    if not ok:
        raise ExchangeError(Reason.MALFORMED, f"entry id {e.id} does not match its content")


def alarms(vault: Vault) -> list[dict[str, Any]]:
    with vault.reading() as c:
        rows = c.execute("SELECT ts, kind, device_fingerprint, bundle_id, detail FROM hq_alarms "
                         "ORDER BY id").fetchall()
    return [dict(zip(("ts", "kind", "device", "bundle_id", "detail"), r, strict=True))
            for r in rows]
