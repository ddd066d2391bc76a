"""The HQ import station: decrypt, verify and commit a bundle in one transaction, or nothing.

Streaming age decryption (:mod:`nam_desktop.core.crypto.age_reader`) hands out each
64 KiB chunk once it is authenticated, but before the whole stream is (a later chunk may
still be altered or missing), so the plaintext only ever reaches
:class:`~.bundle_format.BundleParser`: records stay in memory (with limits), media
bodies are re-encrypted straight into the HQ vault's media folder under fresh keys held
in memory (a quarantine). Only when the age layer, the device signature, the recipient
and every entry hash have checked out are the media rows, testimonies, attachments and
bundle record committed, in one transaction. On any failure the quarantine files are
deleted and their keys forgotten.
"""

from __future__ import annotations

import contextlib
import io
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO

import sqlcipher3

from nam_desktop.core import fileio, storage_errors
from nam_desktop.core.clock import iso, utc_now
from nam_desktop.core.crypto import age_reader
from nam_desktop.core.crypto.fsutil import fsync_dir
from nam_desktop.core.crypto.media_stream import DEFAULT_CHUNK, ChunkWriter
from nam_desktop.core.exchange import hq_ca, hq_chain, records_import
from nam_desktop.core.exchange.bundle_format import (
    RECORD_KINDS,
    BundleHeader,
    BundleParser,
    EntryMeta,
    recipient_fingerprint,
)
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.hq_identity import HqIdentity, load_hq
from nam_desktop.core.exchange.stream_io import Pump, ReadAhead
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.media_store import PART_SUFFIX, StoredMedia
from nam_desktop.core.vault.vault import Vault


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
    missing: tuple[int, int] | None = None  # the gap as (first, last) missing seq
    unfinished: dict[int, str] = field(default_factory=dict)  # in the gap, as the device said
    certified: bool = False  # HQ holds a PDF-signing certificate for the device's key


class ImportRefusedError(ExchangeError):
    """A bundle refused after its signed header was read: says which device and bundle
    (for ``unknown_signer``, ``wrong_recipient``, ``fork`` and ``conflict``) and, for a
    conflict, the entry ids to review. A subclass, so ``except ExchangeError`` still works."""

    def __init__(self, reason: Reason, detail: str, header: BundleHeader,
                 entries: tuple[str, ...] = ()) -> None:
        super().__init__(reason, detail)
        self.device_fingerprint = header.device_fingerprint
        self.bundle_id = header.bundle_id
        self.seq = header.seq
        self.entries = entries


class _AlreadyImported(Exception):  # internal stop signal, not an error
    pass


class PartsReader(io.RawIOBase):
    """The concatenation of a bundle's part files, with byte-count progress.

    The parts are read ahead on a background thread, in blocks of ``BLOCK`` bytes (direct
    I/O where the file system allows: a bundle on a stick is read once, not also cached);
    The age decryption takes 1 MiB at a time from the current block.
    """

    BLOCK = 4 * 1024 * 1024

    def __init__(self, paths: list[Path],
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        super().__init__()
        self._paths = list(paths)
        self.total = sum(p.stat().st_size for p in self._paths)
        self._ahead: ReadAhead | None = None
        self._view = memoryview(b"")
        self._pos = 0
        self._done = 0
        self._progress = progress
        self._cancelled = cancelled
        self.error: BaseException | None = None
        self._reported = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            return self.readall()
        try:
            if self._pos >= len(self._view) and not self._next_block():
                return b""
            start = self._pos
            self._pos = min(start + size, len(self._view))
            self._done += self._pos - start
            return bytes(self._view[start:self._pos])
        except BaseException as exc:  # kept for the caller, raised as it is
            self.error = exc
            raise

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        memoryview(buffer).cast("B")[:len(data)] = data
        return len(data)

    def _next_block(self) -> bool:
        if self._cancelled is not None and self._cancelled():
            raise ExchangeError(Reason.CANCELLED)
        if self._ahead is None:
            self._ahead = ReadAhead(self._paths, block=self.BLOCK, depth=4)
        view = self._ahead.next()
        if self._progress is not None and self._done != self._reported and (
                self._done - self._reported >= 1 << 20 or self._done == self.total):
            self._reported = self._done
            self._progress(self._done, self.total)
        self._view, self._pos = (view, 0) if view is not None else (memoryview(b""), 0)
        return view is not None

    def close(self) -> None:
        self._view = memoryview(b"")
        if self._ahead is not None:
            self._ahead.close()
        super().close()


class QuarantineSink:
    """Media re-encrypted into the vault's media folder, no row yet (the parser keeps and
    checks the records)."""

    def __init__(self, vault: Vault, skip: Callable[[EntryMeta], bool]) -> None:
        self._vault = vault
        self._skip = skip
        self.media: dict[str, tuple[StoredMedia, bytes]] = {}
        self._files: list[Path] = []
        self._writer: ChunkWriter | None = None
        self._out: BinaryIO | None = None
        self._media_id = ""
        self._key = b""

    def begin(self, entry: EntryMeta) -> None:
        self._writer = None
        if entry.kind in RECORD_KINDS or self._skip(entry):
            return
        file_id = secrets.token_bytes(16)
        self._media_id, self._key = file_id.hex(), secrets.token_bytes(32)
        part = self._vault.media.path_of(self._media_id)
        part = part.with_name(part.name + PART_SUFFIX)
        self._files.append(part)
        self._out = fileio.open_new(part, buffering=DEFAULT_CHUNK)
        # The parser hashes these bytes and checks them before end(): no second hash here.
        self._writer = ChunkWriter(self._out, self._key, file_id, hash_plaintext=False)

    def data(self, chunk: memoryview) -> None:
        if self._writer is not None:
            self._writer.write(chunk)

    def end(self, entry: EntryMeta) -> None:
        if self._writer is None or self._out is None:
            return
        self._writer.finish()
        digest = entry.sha256  # checked by the parser over exactly the bytes written
        fileio.sync(self._out)
        self._out.close()
        part = self._files[-1]
        final = self._vault.media.path_of(self._media_id)
        fileio.replace(part, final)
        self._files.append(final)
        self.media[entry.id] = (StoredMedia(self._media_id, self._writer.size, digest),
                                self._key)
        self._writer = None

    def discard(self) -> None:
        if self._out is not None:
            with contextlib.suppress(OSError):
                self._out.close()
        for path in self._files:
            with contextlib.suppress(OSError):  # left behind: the next scan removes it
                fileio.remove(path)
        with contextlib.suppress(OSError):
            fsync_dir(self._vault.media.folder)
        self.media.clear()


_AGE_REASONS = {
    "not_age": (Reason.MALFORMED, "not an age file"),
    "malformed": (Reason.DAMAGED, "damaged age header"),
    "no_identity": (Reason.WRONG_RECIPIENT, "no identity of this HQ"),
    "wrong_passphrase": (Reason.WRONG_RECIPIENT, "encrypted to a passphrase"),
    "damaged": (Reason.DAMAGED, "damaged or altered"),
    "truncated": (Reason.TRUNCATED, "cut short"),
}


def _earlier_failure(pump: Pump, parser: BundleParser) -> None:
    """The age layer failed at some chunk: a failure of the inner stream in the plaintext
    it authenticated before that chunk comes first in reading order (the verdict rule of
    docs/bundle-format.md, section 4); raise it if there is one."""
    pump.drain()
    if isinstance(pump.error, ExchangeError):
        raise pump.error
    try:
        parser.flush()
    except ExchangeError:
        raise
    except Exception:  # noqa: S110  # a write error is not a verdict: the age one stands
        pass


def decrypt_into(paths: list[Path], identities: list[str],
             parser: BundleParser, progress: Callable[[int, int], None] | None,
             cancelled: Callable[[], bool] | None) -> BundleHeader:
    """Decrypt the bundle with the age identities (``AGE-SECRET-KEY-1...``) into the
    parser, which runs on a thread of its own; age failures become reasons."""
    secrets = [age_reader.parse_identity(i) for i in identities]
    try:
        reader = PartsReader(paths, progress, cancelled)
    except OSError as exc:
        raise ExchangeError(Reason.MALFORMED, exc.strerror or "cannot read") from exc
    # The parser (hashing, the quarantine's encryption and writes) runs on a thread of
    # its own, beside age's decryption on this one; it still sees the blocks in order.
    pump = Pump(parser.write, name="bundle-parse")
    with reader:
        try:
            try:
                age_reader.decrypt(reader, pump, secrets)
                pump.finish()
            except age_reader.AgeError as exc:
                reason, detail = _AGE_REASONS[exc.kind]
                _earlier_failure(pump, parser)
                raise ExchangeError(reason, detail) from exc
            except OSError as exc:  # the HQ disk (quarantine) or the bundle file
                reason = Reason.WRITE_FAILED if exc is parser.error else Reason.MALFORMED
                raise ExchangeError(reason, exc.strerror or "I/O error") from exc
        finally:
            pump.close()  # also overwrites its blocks (plaintext)
    return parser.finish()


class _Checks:
    """Header checks at HQ, run before any body is accepted."""

    def __init__(self, vault: Vault, hq: HqIdentity) -> None:
        self.vault = vault
        self.hq = hq
        self.flags: list[str] = []
        self.missing: tuple[int, int] | None = None
        self.alarm: tuple[str, str] | None = None
        self.device_name = ""
        self.known: dict[str, str] = {}

    def __call__(self, header: BundleHeader, digest: str) -> None:
        mine = {recipient_fingerprint(str(i.to_public())) for i in self.hq.age_identities()}
        if not mine & set(header.recipients) or (
                header.hq_root and header.hq_root != self.hq.root_fingerprint):
            raise ImportRefusedError(Reason.WRONG_RECIPIENT, "addressed to another HQ", header)
        fp = header.device_fingerprint
        with self.vault.reading() as c:
            dev = c.execute("SELECT public_key, name FROM hq_devices WHERE fingerprint = ?",
                            (fp,)).fetchone()
            if dev is None or (dev[0] is not None and bytes(dev[0]) != header.device_public_key):
                raise ImportRefusedError(Reason.UNKNOWN_SIGNER, fp, header)
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
            raise ImportRefusedError(Reason.FORK, self.alarm[1], header)
        before = rows.get(header.seq - 1)
        if before is not None and before != header.prev_digest:
            self.alarm = ("fork", f"seq {header.seq} does not follow the bundle imported before")
            raise ImportRefusedError(Reason.FORK, self.alarm[1], header)
        conflicts = [e.id for e in header.entries if self.known.get(e.id, e.sha256) != e.sha256]
        if conflicts:
            self.alarm = ("conflict", "entries with a different hash: " + ", ".join(conflicts))
            raise ImportRefusedError(Reason.CONFLICT, self.alarm[1][:300], header,
                                     tuple(conflicts))
        top = max(rows, default=0)
        if header.seq > top + 1:
            self.missing = (top + 1, header.seq - 1)
            self.flags.append(hq_chain.gap_flag(top + 1, header.seq - 1, header))


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
        header = decrypt_into(paths, list(hq.identities), parser, progress, cancelled)
        result = ImportResult(ImportStatus.IMPORTED, header.bundle_id, parser.digest,
                              header.device_fingerprint, checks.device_name, header.seq,
                              flags=list(checks.flags), missing=checks.missing,
                              unfinished=hq_chain.explain(checks.missing, header))
        try:
            _commit(vault, repo, header, parser, sink, checks, result)
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
    except BaseException as exc:
        parser.wipe()
        sink.discard()
        if checks.alarm is not None and parser.header is not None:
            _alarm(vault, checks.alarm[0], parser.header, checks.alarm[1])
        if storage_errors.caused_by_no_space(exc):  # the HQ disk is full: say so (the
            size = storage_errors.files_size(paths)  # entries are a little smaller)
            raise storage_errors.no_space(vault.folder, size, exc) from exc
        raise


def _alarm(vault: Vault, kind: str, header: BundleHeader, detail: str) -> None:
    with vault.transaction() as c:
        c.execute("INSERT INTO hq_alarms (ts, kind, device_fingerprint, bundle_id, detail) "
                  "VALUES (?, ?, ?, ?, ?)", (iso(utc_now()), kind, header.device_fingerprint,
                                             header.bundle_id, detail))
        vault.audit.append(f"hq.alarm.{kind}", header.bundle_id,
                           device=header.device_fingerprint, seq=header.seq)


def _commit(vault: Vault, repo: TestimonyRepository, header: BundleHeader,
            parser: BundleParser, sink: QuarantineSink, checks: _Checks,
            result: ImportResult) -> None:
    """Everything in one transaction. The records were validated and cross-checked by the
    parser (bundle_records) before this runs."""
    codes = repo.vocabulary_codes()
    bodies = parser.records
    digest = parser.digest
    now = iso(utc_now())
    fp = header.device_fingerprint
    with vault.transaction() as c:
        c.execute("UPDATE hq_devices SET public_key = ? WHERE fingerprint = ?",
                  (header.device_public_key, fp))
        if header.pdf_public_key is not None:  # version 4: certify the device's PDF key
            result.certified = hq_ca.learn_pdf_key(vault, fp, header.pdf_public_key) \
                is not None
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
        hq_chain.record_unfinished(c, header)
        review = result.flags if hq_chain.unexplained(result.missing, result.unfinished) else []
        for flag in review:  # a gap the device fully explained needs no review
            c.execute("INSERT INTO hq_alarms (ts, kind, device_fingerprint, bundle_id, detail) "
                      "VALUES (?, 'gap', ?, ?, ?)", (now, fp, header.bundle_id, flag))
        vault.audit.append("hq.import", header.bundle_id, device=fp, seq=header.seq,
                           digest=digest, new_entries=result.new_entries,
                           known_entries=result.known_entries, flags=result.flags)


def alarms(vault: Vault) -> list[dict[str, Any]]:
    with vault.reading() as c:
        rows = c.execute("SELECT ts, kind, device_fingerprint, bundle_id, detail FROM hq_alarms "
                         "ORDER BY id").fetchall()
    return [dict(zip(("ts", "kind", "device", "bundle_id", "detail"), r, strict=True))
            for r in rows]


@dataclass(frozen=True)
class ImportedBundle:
    bundle_id: str
    device_fingerprint: str
    seq: int
    digest: str
    entries: int
    imported_at: str


def imported_bundles(vault: Vault) -> list[ImportedBundle]:
    """Every bundle imported so far, by device and sequence number (read only)."""
    with vault.reading() as c:
        rows = c.execute("SELECT bundle_id, device_fingerprint, seq, digest, entries, "
                         "imported_at FROM hq_bundles ORDER BY device_fingerprint, "
                         "seq").fetchall()
    return [ImportedBundle(str(r[0]), str(r[1]), int(r[2]), str(r[3]), int(r[4]), str(r[5]))
            for r in rows]


def testimony_sources(vault: Vault) -> dict[str, tuple[str, int, str]]:
    """testimony id -> (device fingerprint, bundle seq, imported at) of the bundle that
    brought its latest revision (read only)."""
    with vault.reading() as c:
        rows = c.execute("SELECT e.entry_id, b.device_fingerprint, b.seq, b.imported_at "
                         "FROM hq_entries e JOIN hq_bundles b USING (bundle_id) "
                         "WHERE e.kind = 'testimony'").fetchall()
    best: dict[str, tuple[int, tuple[str, int, str]]] = {}
    for entry_id, fp, seq, at in rows:
        parts = str(entry_id).split("/")
        if len(parts) != 3 or not parts[2].isdigit():
            continue
        revision = int(parts[2])
        if parts[1] not in best or revision > best[parts[1]][0]:
            best[parts[1]] = (revision, (str(fp), int(seq), str(at)))
    return {tid: source for tid, (_, source) in best.items()}


def testimony_source(vault: Vault, testimony_id: str) -> tuple[str, int, str] | None:
    """:func:`testimony_sources` for one testimony, read through the entry ids' index
    (``testimony/ID/REVISION``): what the HQ window shows each time a testimony opens,
    without reading the entries of every testimony."""
    prefix = f"testimony/{testimony_id}/"
    with vault.reading() as c:
        rows = c.execute("SELECT e.entry_id, b.device_fingerprint, b.seq, b.imported_at "
                         "FROM hq_entries e JOIN hq_bundles b USING (bundle_id) "
                         "WHERE e.entry_id >= ? AND e.entry_id < ? AND e.kind = 'testimony'",
                         (prefix, prefix[:-1] + chr(ord("/") + 1))).fetchall()
    best: tuple[int, tuple[str, int, str]] | None = None
    for entry_id, fp, seq, at in rows:
        revision = str(entry_id)[len(prefix):]
        if not revision.isdigit():
            continue
        if best is None or int(revision) > best[0]:
            best = (int(revision), (str(fp), int(seq), str(at)))
    return best[1] if best is not None else None
