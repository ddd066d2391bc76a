"""Attaching files to testimonies: original kept encrypted, metadata cleaned, verified.

Flow (streams only, nothing in plaintext on disk)::

    source --encrypt+SHA-256 in one pass--> original media file (vault)
    original (decrypted in memory, seekable) --inspect/clean/verify--> cleaned bytes
    cleaned bytes --encrypt--> cleaned media file (vault)
    one transaction: media rows + attachment row + audit entry

When the vault's "keep originals" policy is off and the cleaned file was verified, the
original is crypto-shredded. Files the cleaner cannot check are kept as they are and
marked ``not_checked``; malformed files are refused and nothing is kept.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from nam_desktop.core import fileio, media, storage_errors
from nam_desktop.core.clock import Clock, iso, utc_now
from nam_desktop.core.crypto.media_stream import DEFAULT_CHUNK, HEADER_LEN, TAG_LEN, MediaReader
from nam_desktop.core.errors import (
    MalformedFileError,
    MediaDamagedError,
    NamError,
    NoSpaceError,
    NotFoundError,
    Status,
    ValidationError,
)
from nam_desktop.core.media.findings import blocked
from nam_desktop.core.vault.media_store import StoredMedia
from nam_desktop.core.vault.vault import Vault

Cleaner = Callable[..., media.CleanResult]
REFUSED = media.CleanStatus.REFUSED.value
MAX_FILENAME = 255
DB_MARGIN = 1024 * 1024  # the rows, the report and their WAL frames


@dataclass(frozen=True)
class Attachment:
    id: str
    testimony_id: str
    filename: str
    media_type: str
    kind: str
    original_media_id: str | None
    cleaned_media_id: str | None
    sha256_original: str
    sha256_cleaned: str
    size_original: int
    size_cleaned: int
    clean_status: str  # "clean", "not_checked" or "refused"
    report: dict[str, Any]
    created_at: str

    @property
    def is_clean(self) -> bool:
        return self.clean_status == media.CleanStatus.CLEAN.value

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


_COLUMNS = ("id, testimony_id, filename, media_type, kind, original_media_id, "
            "cleaned_media_id, sha256_original, sha256_cleaned, size_original, size_cleaned, "
            "clean_status, report, created_at")


@dataclass(frozen=True)
class CleanedAgain:
    """Outcome of :meth:`AttachmentService.clean_again`. ``cleaned``: a verified cleaned
    copy now exists and ``attachment`` is the new record (a new id: the refused record
    it replaces may already be at HQ under the old one); otherwise nothing changed,
    ``attachment`` is the old record and ``notes`` say why it is still refused."""

    attachment: Attachment
    cleaned: bool
    notes: tuple[str, ...] = ()


class NotTheOriginalError(NamError):
    """The file given to clean again is not the attachment's original (its SHA-256
    differs from the recorded one): nothing was stored."""

    status = Status.INVALID_INPUT


def _open_source(path: Path) -> BinaryIO:
    """A file to read in, with its failures typed (missing, a folder, no permission)."""
    try:
        return fileio.open_read(path)
    except FileNotFoundError as exc:
        raise NotFoundError(str(path)) from exc
    except IsADirectoryError as exc:
        raise ValidationError(str(path), "is a folder, not a file") from exc
    except PermissionError as exc:
        raise NamError(f"{path}: cannot read", status=Status.PERMISSION_DENIED) from exc
    except OSError as exc:
        raise ValidationError(str(path), f"cannot read: {exc.strerror}") from exc


def _row(r: tuple[Any, ...]) -> Attachment:
    return Attachment(
        id=r[0], testimony_id=r[1], filename=r[2], media_type=r[3], kind=r[4],
        original_media_id=r[5], cleaned_media_id=r[6], sha256_original=r[7],
        sha256_cleaned=r[8], size_original=r[9], size_cleaned=r[10], clean_status=r[11],
        report=json.loads(r[12]), created_at=r[13],
    )


def safe_filename(name: str) -> str:
    """Keep the base name only, without control or bidi characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if ch.isprintable() and ch not in "\u202a\u202b\u202c"
                      "\u202d\u202e\u2066\u2067\u2068\u2069")
    return (cleaned.strip() or "unnamed")[:MAX_FILENAME]


class AttachmentService:
    def __init__(self, vault: Vault, clock: Clock = utc_now,
                 cleaner: Cleaner = media.clean) -> None:
        self._vault = vault
        self._clock = clock
        self._clean = cleaner

    @property
    def keep_originals(self) -> bool:
        return self._vault.meta("keep_originals", "1") == "1"

    def set_keep_originals(self, keep: bool) -> None:
        with self._vault.transaction():
            self._vault.set_meta("keep_originals", "1" if keep else "0")
            self._vault.audit.append("policy.keep_originals", value=keep)

    def attach_file(self, testimony_id: str, path: Path, **kwargs: Any) -> Attachment:
        with _open_source(path) as fh:
            return self.attach(testimony_id, fh, path.name, **kwargs)

    def clean_again_file(self, attachment_id: str, path: Path, **kwargs: Any) -> CleanedAgain:
        """:meth:`clean_again` with the original given again as a file (the vault no
        longer holds it); a missing or unreadable file is said as for attaching."""
        with _open_source(path) as fh:
            return self.clean_again(attachment_id, source=fh, **kwargs)

    def space_needed(self, src: BinaryIO) -> int | None:
        """Bytes an attachment of ``src`` may take in the vault (original and cleaned
        copy, encrypted, plus room for the database); None when the size is unknown."""
        try:
            size = os.fstat(src.fileno()).st_size
        except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
            return None
        chunks = size // DEFAULT_CHUNK + 1
        return 2 * (size + chunks * TAG_LEN + HEADER_LEN) + DB_MARGIN

    def attach(
        self,
        testimony_id: str,
        src: BinaryIO,
        filename: str,
        *,
        accept_flattening: bool = False,
        kind: str = "file",
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Attachment:
        with self._vault.reading() as c:
            if c.execute("SELECT 1 FROM testimonies WHERE id = ?", (testimony_id,)).fetchone() \
                    is None:
                raise NotFoundError(f"testimony {testimony_id}")
        folder = self._vault.folder
        needed = self.space_needed(src)
        free = storage_errors.free_bytes(folder)
        if needed is not None and free is not None and free < needed:
            raise NoSpaceError(str(folder), needed=needed, free=free)  # nothing written
        try:
            return self._attach(testimony_id, src, filename, accept_flattening, kind,
                                progress, cancelled)
        except (OSError, NoSpaceError) as exc:
            if storage_errors.caused_by_no_space(exc):
                raise storage_errors.no_space(folder, needed, exc) from exc
            raise

    def _attach(self, testimony_id: str, src: BinaryIO, filename: str,
                accept_flattening: bool, kind: str,
                progress: Callable[[int], None] | None,
                cancelled: Callable[[], bool] | None) -> Attachment:
        store = self._vault.media
        original, okey = store.write_file(src, progress=progress, cancelled=cancelled)
        written = [original.id]
        try:
            cleaned: StoredMedia | None = None
            ckey = b""
            with self._clean_stored(original, okey, filename, accept_flattening) as (
                result, notes,
            ):
                if result is not None and result.status is media.CleanStatus.CLEAN:
                    cleaned, ckey = store.write_file(result.data)
                    written.append(cleaned.id)
                    if cleaned.sha256 != result.sha256_cleaned:
                        raise MalformedFileError("cleaned file changed while it was stored")
            status = result.status.value if result is not None else "not_checked"
            report = result.to_json() if result is not None else {"notes": notes}
            report.setdefault("notes", [])
            report["notes"] = [*report["notes"], *notes]
            drop_original = cleaned is not None and not self.keep_originals
            att = Attachment(
                id=str(uuid.uuid4()),
                testimony_id=testimony_id,
                filename=safe_filename(filename),
                media_type=(result.before.format if result is not None else "unknown"),
                kind=kind,
                original_media_id=None if drop_original else original.id,
                cleaned_media_id=cleaned.id if cleaned else None,
                sha256_original=original.sha256,
                sha256_cleaned=cleaned.sha256 if cleaned else "",
                size_original=original.size,
                size_cleaned=cleaned.size if cleaned else 0,
                clean_status=status,
                report=report,
                created_at=iso(self._clock()),
            )
            with self._vault.transaction() as c:
                if not drop_original:
                    store.insert_row(original, okey)
                if cleaned is not None:
                    store.insert_row(cleaned, ckey)
                c.execute(
                    f"INSERT INTO attachments ({_COLUMNS}) VALUES "  # noqa: S608  # constant
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (att.id, att.testimony_id, att.filename, att.media_type, att.kind,
                     att.original_media_id, att.cleaned_media_id, att.sha256_original,
                     att.sha256_cleaned, att.size_original, att.size_cleaned,
                     att.clean_status, json.dumps(report, ensure_ascii=False), att.created_at),
                )
                self._vault.audit.append(
                    "attachment.add", testimony_id, attachment=att.id,
                    sha256_original=att.sha256_original, sha256_cleaned=att.sha256_cleaned,
                    clean_status=status, format=att.media_type,
                    original_kept=not drop_original,
                    tools=report.get("tool_versions", {}),
                )
            if drop_original:
                store.discard_file(original.id)
            return att
        except BaseException:
            for media_id in written:
                store.discard_file(media_id)
            raise

    @contextlib.contextmanager
    def _clean_stored(self, original: StoredMedia, key: bytes | None, filename: str,
                      accept_flattening: bool,
                      ) -> Iterator[tuple[media.CleanResult | None, list[str]]]:
        """Clean through a decrypting reader, kept open while the caller stores
        ``result.data`` (large videos are cleaned as streams, produced while stored).
        The size limit depends on the format (streamed MP4/MOV/M4A: much larger).
        ``key`` None: a media file with a committed row (its key is read from it)."""
        if key is None:
            with self._vault.reading():
                reader = self._vault.media.open(original.id)
        else:
            reader = MediaReader(self._vault.media.path_of(original.id), key,
                                 bytes.fromhex(original.id))
        with reader:
            limit = media.size_limit(reader, filename)  # type: ignore[arg-type]
            if original.size > limit:
                yield None, [f"larger than {limit // 2**20} MiB: metadata not checked"]
                return
            yield self._clean(reader, filename=filename, accept_flattening=accept_flattening), []

    # ---- cleaning a refused file again ----------------------------------------------------
    def clean_again(
        self,
        attachment_id: str,
        *,
        accept_flattening: bool,
        source: BinaryIO | None = None,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> CleanedAgain:
        """Clean a refused attachment again, from its stored original (e.g. with
        flattening accepted: comments, speaker notes, tracked changes removed).

        The original is never changed. When the vault no longer holds it, ``source``
        gives the file again: it must have the recorded SHA-256
        (:class:`NotTheOriginalError` otherwise) and is stored as the original. If the
        result is clean, one transaction replaces the refused record by a new one (new
        id, same original, the cleaned copy, the new report) with the audit entry
        ``attachment.clean_again``; the vault's "keep originals" policy then applies as
        when a file is attached. Otherwise nothing changes."""
        old = self.get(attachment_id)
        if old.clean_status != REFUSED:
            raise ValidationError("attachment", f"is {old.clean_status}, not refused")
        store = self._vault.media
        copies = 1 if old.original_media_id is not None else 2  # + the file given again
        needed = copies * (old.size_original + (old.size_original // DEFAULT_CHUNK + 1)
                           * TAG_LEN + HEADER_LEN) + DB_MARGIN
        free = storage_errors.free_bytes(self._vault.folder)
        if free is not None and free < needed:
            raise NoSpaceError(str(self._vault.folder), needed=needed, free=free)
        written: list[str] = []
        key: bytes | None = None
        try:
            if old.original_media_id is not None:
                with self._vault.reading():
                    original = store.record(old.original_media_id)
            elif source is None:
                raise NotFoundError(f"original of attachment {attachment_id} (not kept)")
            else:
                original, key = store.write_file(source, progress=progress,
                                                 cancelled=cancelled)
                written.append(original.id)
                if original.sha256 != old.sha256_original:
                    raise NotTheOriginalError(f"SHA-256 {original.sha256[:16]}… differs from "
                                              f"the recorded {old.sha256_original[:16]}…")
            return self._clean_again(old, original, key, accept_flattening, written)
        except (OSError, NoSpaceError) as exc:
            for media_id in written:
                store.discard_file(media_id)
            if storage_errors.caused_by_no_space(exc):
                raise storage_errors.no_space(self._vault.folder, needed, exc) from exc
            raise
        except BaseException:
            for media_id in written:
                store.discard_file(media_id)
            raise

    def _clean_again(self, old: Attachment, original: StoredMedia, key: bytes | None,
                     accept_flattening: bool, written: list[str]) -> CleanedAgain:
        store = self._vault.media
        cleaned: StoredMedia | None = None
        with self._clean_stored(original, key, old.filename, accept_flattening) as (
                result, notes):
            if result is None or result.status is not media.CleanStatus.CLEAN:
                why = [*notes, *(result.notes if result is not None else [])]
                if key is not None:  # nothing changes: the file given again is not kept
                    store.discard_file(original.id)
                    written.remove(original.id)
                return CleanedAgain(old, False, tuple(why))
            if result.sha256_original and result.sha256_original != old.sha256_original:
                raise MediaDamagedError(f"original of attachment {old.id}: hash differs")
            cleaned, ckey = store.write_file(result.data)
            written.append(cleaned.id)
            if cleaned.sha256 != result.sha256_cleaned:
                raise MalformedFileError("cleaned file changed while it was stored")
            report = result.to_json()
            report["notes"] = [*report.get("notes", []), *notes]
            report["cleaned_again"] = {"replaces": old.id,
                                       "accept_flattening": accept_flattening}
        drop_original = not self.keep_originals
        att = Attachment(
            id=str(uuid.uuid4()), testimony_id=old.testimony_id, filename=old.filename,
            media_type=result.before.format, kind=old.kind,
            original_media_id=None if drop_original else original.id,
            cleaned_media_id=cleaned.id, sha256_original=old.sha256_original,
            sha256_cleaned=cleaned.sha256, size_original=old.size_original,
            size_cleaned=cleaned.size, clean_status=media.CleanStatus.CLEAN.value,
            report=report, created_at=old.created_at)  # when it was attached: same place
        with self._vault.transaction() as c:
            now = c.execute("SELECT original_media_id, clean_status FROM attachments "
                            "WHERE id = ?", (old.id,)).fetchone()
            if now is None or now[1] != REFUSED or now[0] != old.original_media_id:
                raise NotFoundError(f"attachment {old.id} (changed meanwhile)")
            if key is not None and not drop_original:
                store.insert_row(original, key)
            store.insert_row(cleaned, ckey)
            c.execute(
                f"INSERT INTO attachments ({_COLUMNS}) VALUES "  # noqa: S608  # constant
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (att.id, att.testimony_id, att.filename, att.media_type, att.kind,
                 att.original_media_id, att.cleaned_media_id, att.sha256_original,
                 att.sha256_cleaned, att.size_original, att.size_cleaned,
                 att.clean_status, json.dumps(report, ensure_ascii=False), att.created_at))
            c.execute("DELETE FROM attachments WHERE id = ?", (old.id,))
            if drop_original and key is None:  # the stored original's key goes now
                c.execute("DELETE FROM media_files WHERE id = ?", (original.id,))
            self._vault.audit.append(
                "attachment.clean_again", att.testimony_id, attachment=att.id,
                replaces=old.id, sha256_original=att.sha256_original,
                sha256_cleaned=att.sha256_cleaned, clean_status=att.clean_status,
                format=att.media_type, accept_flattening=accept_flattening,
                removed=sorted({b.kind.value for b in blocked(report)}),
                original_kept=not drop_original, original_given_again=key is not None,
                tools=report.get("tool_versions", {}))
        if drop_original:
            store.discard_file(original.id)  # crypto-shredded: its key is gone
        return CleanedAgain(att, True)

    # ---- reading -------------------------------------------------------------------------
    def list(self, testimony_id: str) -> list[Attachment]:
        with self._vault.reading() as c:
            rows = c.execute(f"SELECT {_COLUMNS} FROM attachments WHERE testimony_id = ? "  # noqa: S608
                             "ORDER BY created_at, id", (testimony_id,)).fetchall()
        return [_row(r) for r in rows]

    def get(self, attachment_id: str) -> Attachment:
        with self._vault.reading() as c:
            r = c.execute(f"SELECT {_COLUMNS} FROM attachments WHERE id = ?",  # noqa: S608
                          (attachment_id,)).fetchone()
        if r is None:
            raise NotFoundError(f"attachment {attachment_id}")
        return _row(r)

    def open(self, attachment_id: str, *, original: bool = False) -> MediaReader:
        """Decrypting reader. The cleaned version unless ``original`` is asked for; a
        file that was never cleaned is only available as the original."""
        att = self.get(attachment_id)
        media_id = att.original_media_id if original else att.cleaned_media_id
        if media_id is None:
            raise NotFoundError("no original kept" if original else "no cleaned version")
        with self._vault.reading():
            return self._vault.media.open(media_id)

    def delete(self, attachment_id: str) -> None:
        """Remove the attachment and crypto-shred both versions."""
        att = self.get(attachment_id)
        with self._vault.transaction() as c:
            c.execute("DELETE FROM attachments WHERE id = ?", (attachment_id,))
            for media_id in (att.original_media_id, att.cleaned_media_id):
                if media_id:
                    self._vault.media.delete(media_id)
            self._vault.audit.append("attachment.delete", att.testimony_id,
                                     attachment=attachment_id)
