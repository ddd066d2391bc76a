"""Destroying local media after delivery: only what HQ provably holds.

:func:`purge` crypto-shreds a media file of a delivered testimony only when a verified
receipt (format v2) listed a media entry with that file's exact SHA-256
(``exchange_received``). Everything else is kept and counted: typically the originals,
since the default export sends cleaned copies only. :func:`destroy_unsent` destroys
those anyway; it is a separate, explicit action that front ends confirm on their own.

Each destroyed file gets its own audit entry (attachment, version, SHA-256, whether HQ
holds it), so the record of custody says what left the device, where it went and when
the local copy was destroyed. The testimony text and the attachments' hashes stay.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from nam_desktop.core.vault.db import Connection
from nam_desktop.core.vault.vault import Vault

VARIANTS = ("original", "cleaned")


@dataclass(frozen=True)
class LocalFile:
    """One media file (an attachment's original or cleaned copy) still in the vault."""

    testimony_id: str
    attachment_id: str
    filename: str
    variant: str  # "original" or "cleaned"
    media_id: str
    sha256: str
    size: int
    at_hq: bool  # a verified receipt lists this exact SHA-256 as received by HQ


@dataclass(frozen=True)
class PurgePlan:
    """The files of delivered testimonies still in the vault, split by whether HQ holds
    them. Counts are files, never testimonies."""

    files: tuple[LocalFile, ...]

    @property
    def destroy(self) -> list[LocalFile]:
        return [f for f in self.files if f.at_hq]

    @property
    def keep(self) -> list[LocalFile]:
        return [f for f in self.files if not f.at_hq]

    def kept(self, variant: str) -> int:
        return sum(1 for f in self.keep if f.variant == variant)


def _received(c: Connection, sha256: str) -> bool:
    return c.execute("SELECT 1 FROM exchange_received WHERE kind = 'media' AND sha256 = ?",
                     (sha256,)).fetchone() is not None


def _files(c: Connection, testimony_ids: Iterable[str] | None) -> list[LocalFile]:
    """Media still held for delivered testimonies (all of them, or those given)."""
    query = ("SELECT a.testimony_id, a.id, a.filename, a.original_media_id, "
             "a.cleaned_media_id FROM attachments a JOIN testimonies t "
             "ON t.id = a.testimony_id WHERE t.status = 'delivered' "
             "ORDER BY t.created_at, t.id, a.created_at, a.id")
    wanted = set(testimony_ids) if testimony_ids is not None else None
    out = []
    for tid, aid, filename, original, cleaned in c.execute(query).fetchall():
        if wanted is not None and tid not in wanted:
            continue
        for variant, media_id in zip(VARIANTS, (original, cleaned), strict=True):
            if not media_id:
                continue
            size, sha = c.execute("SELECT size, sha256 FROM media_files WHERE id = ?",
                                  (media_id,)).fetchone()
            out.append(LocalFile(str(tid), str(aid), str(filename), variant, str(media_id),
                                 str(sha), int(size), _received(c, str(sha))))
    return out


def plan(vault: Vault, testimony_ids: Iterable[str] | None = None) -> PurgePlan:
    """What :func:`purge` would destroy and what it would keep (read only)."""
    with vault.reading() as c:
        return PurgePlan(tuple(_files(c, testimony_ids)))


def _shred(vault: Vault, c: Connection, f: LocalFile, action: str) -> None:
    column = f"{f.variant}_media_id"
    c.execute(f"UPDATE attachments SET {column} = NULL WHERE id = ?",  # noqa: S608  # fixed names
              (f.attachment_id,))
    vault.media.delete(f.media_id)
    vault.audit.append(action, f.testimony_id, attachment=f.attachment_id, variant=f.variant,
                       sha256=f.sha256, at_hq=f.at_hq)


def _still(c: Connection, chosen: Iterable[LocalFile], at_hq: bool) -> list[LocalFile]:
    """The chosen files that are, inside this transaction, still as planned."""
    ids = {f.testimony_id for f in chosen}
    now = {(f.attachment_id, f.variant, f.media_id): f for f in _files(c, ids)}
    return [now[key] for f in chosen
            if (key := (f.attachment_id, f.variant, f.media_id)) in now
            and now[key].at_hq == at_hq and now[key].sha256 == f.sha256]


def purge(vault: Vault, chosen: PurgePlan) -> list[LocalFile]:
    """Crypto-shred the files of ``chosen.destroy`` that HQ holds (checked again inside
    the transaction); returns the files destroyed. Files HQ does not hold are never
    touched here."""
    with vault.transaction() as c:
        files = _still(c, chosen.destroy, at_hq=True)
        for f in files:
            _shred(vault, c, f, "exchange.purge_file")
        vault.audit.append("exchange.purge", "", destroyed=len(files),
                           kept=len(_files(c, {f.testimony_id for f in chosen.files})))
    return files


def destroy_unsent(vault: Vault, chosen: PurgePlan) -> list[LocalFile]:
    """Crypto-shred the files of ``chosen.keep``: copies HQ does NOT hold (they exist
    nowhere else). Only after its own, explicit confirmation."""
    with vault.transaction() as c:
        files = _still(c, chosen.keep, at_hq=False)
        for f in files:
            _shred(vault, c, f, "exchange.destroy_unsent_file")
        vault.audit.append("exchange.destroy_unsent", "", destroyed=len(files))
    return files


def attachment_report(vault: Vault, testimony_id: str) -> list[dict[str, Any]]:
    """Per attachment of a testimony: id, file name, clean status, and for the original
    and the cleaned copy their SHA-256, size, whether the vault still holds them and
    whether a verified receipt says HQ holds them (``delivered``)."""
    with vault.reading() as c:
        rows = c.execute(
            "SELECT id, filename, kind, media_type, clean_status, original_media_id, "
            "cleaned_media_id, sha256_original, sha256_cleaned, size_original, size_cleaned "
            "FROM attachments WHERE testimony_id = ? ORDER BY created_at, id",
            (testimony_id,)).fetchall()
        out = []
        for (aid, filename, kind, media_type, status, orig_id, clean_id, sha_o, sha_c,
             size_o, size_c) in rows:
            item: dict[str, Any] = {"id": aid, "filename": filename, "kind": kind,
                                    "media_type": media_type, "clean_status": status}
            for variant, media_id, sha, size in (("original", orig_id, sha_o, size_o),
                                                 ("cleaned", clean_id, sha_c, size_c)):
                item[variant] = None if not sha else {
                    "sha256": sha, "size": size, "held": media_id is not None,
                    "delivered": _received(c, sha)}
            out.append(item)
    return out
