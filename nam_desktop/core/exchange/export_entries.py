"""What goes into a bundle: final testimony revisions, attachment records, media bodies.

Records are canonical JSON (docs/conventions.md) in the layout of docs/bundle-format.md,
section 3.5, in the order of section 3.2: each testimony record, then its attachment
records, and all media last. Media bodies are streamed chunk by chunk from the vault's
encrypted files; the inner stream re-hashes them as they leave.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from nam_desktop.core.canonical import canonical_json
from nam_desktop.core.errors import NotFoundError
from nam_desktop.core.exchange.bundle_format import VERSION, EntryMeta
from nam_desktop.core.exchange.bundle_records import attachment_record, testimony_record
from nam_desktop.core.exchange.bundle_writer import EntrySource
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.model import vocabulary
from nam_desktop.core.model.vocabulary import LANGUAGES, Vocabulary
from nam_desktop.core.vault.vault import Vault


def _record(entry_id: str, kind: str, body: bytes) -> EntrySource:
    meta = EntryMeta(entry_id, kind, len(body), hashlib.sha256(body).hexdigest())
    return EntrySource(meta, lambda: (body,))


def testimony_entry_id(testimony_id: str, revision: int) -> str:
    return f"testimony/{testimony_id}/{revision}"


def _media_chunks(vault: Vault, media_id: str) -> Iterator[bytes]:
    with vault.reading():
        reader = vault.media.open(media_id)
    with reader:
        yield from reader.iter_chunks()


def media_entry_id(attachment_id: str, variant: str) -> str:
    return f"media/{attachment_id}/{variant}"


def _media_entry(vault: Vault, attachment_id: str, variant: str, media_id: str,
                 expected_sha256: str) -> EntrySource:
    record = vault.media.record(media_id)
    if record.sha256 != expected_sha256:
        raise ExchangeError(Reason.SOURCE_CHANGED, f"attachment {attachment_id} ({variant})")
    meta = EntryMeta(media_entry_id(attachment_id, variant), "media", record.size, record.sha256)
    return EntrySource(meta, lambda: _media_chunks(vault, media_id))


@dataclass(frozen=True)
class Selection:
    testimony_id: str
    revision: int


def _vocabulary(vocab: Vocabulary, record: dict[str, Any]) -> dict[str, Any]:
    """The labels of the act types a testimony uses, so the bundle reads without HQ's
    vocabulary file (section 3.5)."""
    terms = {}
    for act in record.get("acts", []):
        term = vocab.get(str(act.get("type")))
        if term is not None:
            terms[term.code] = {lang: term.labels[lang] for lang in LANGUAGES}
    return {"version": vocab.version, "terms": terms}


def build_sources(vault: Vault, chosen: list[Selection], *, include_identity: bool,
                  include_originals: bool) -> list[EntrySource]:
    """Entries for the chosen testimonies: each record re-hashed against the vault."""
    records: list[EntrySource] = []
    media: list[EntrySource] = []
    with vault.reading() as c:
        vocab = vocabulary.load(c)
    for sel in chosen:
        with vault.reading() as c:
            row = c.execute("SELECT content, content_hash FROM revisions WHERE "
                            "testimony_id = ? AND revision = ?",
                            (sel.testimony_id, sel.revision)).fetchone()
            atts = c.execute(
                "SELECT id, filename, media_type, kind, clean_status, created_at, "
                "original_media_id, cleaned_media_id, sha256_original, sha256_cleaned, "
                "size_original, size_cleaned FROM attachments WHERE testimony_id = ? "
                "ORDER BY created_at, id", (sel.testimony_id,)).fetchall()
        if row is None:
            raise NotFoundError(f"revision {sel.revision} of {sel.testimony_id}")
        content, content_hash = str(row[0]), str(row[1])
        if hashlib.sha256(content.encode("utf-8")).hexdigest() != content_hash:
            raise ExchangeError(Reason.SOURCE_CHANGED, f"testimony {sel.testimony_id}")
        record: dict[str, Any] = json.loads(content)
        if not include_identity:
            record.pop("identity", None)
        body = {"testimony": record, "revision": sel.revision,
                "identity_included": include_identity and "identity" in record,
                "attachments": [str(a[0]) for a in atts],
                "vocabulary": _vocabulary(vocab, record)}
        records.append(_record(testimony_entry_id(sel.testimony_id, sel.revision),
                               "testimony", canonical_json(body)))
        for a in atts:
            (aid, filename, media_type, kind, clean_status, created_at, original_id,
             cleaned_id, sha_o, sha_c, size_o, size_c) = a
            if cleaned_id:
                media.append(_media_entry(vault, aid, "cleaned", cleaned_id, sha_c))
            if include_originals and original_id:
                media.append(_media_entry(vault, aid, "original", original_id, sha_o))
            att = {"attachment_id": aid, "testimony_id": sel.testimony_id,
                   "filename": filename, "media_type": media_type, "kind": kind,
                   "clean_status": clean_status, "created_at": created_at,
                   "sha256_original": sha_o, "size_original": size_o,
                   "sha256_cleaned": sha_c, "size_cleaned": size_c}
            records.append(_record(f"attachment/{aid}", "attachment", canonical_json(att)))
    return records + media


def record_problems(vault: Vault, chosen: list[Selection], *, include_identity: bool,
                    include_originals: bool) -> list[tuple[str, str]]:
    """(testimony id, what is wrong) for each record that breaks the bundle spec (e.g. a
    date typed in a form that the spec's grammar does not allow): preflight refuses those,
    so no bundle is ever written that HQ would refuse."""
    problems = []
    for sel in chosen:
        try:
            sources = build_sources(vault, [sel], include_identity=include_identity,
                                    include_originals=include_originals)
        except (ExchangeError, NotFoundError):
            continue  # a changed source: the export itself stops on it, with its reason
        for src in sources:
            if src.meta.kind == "media":
                continue
            body = b"".join(src.chunks())
            try:
                if src.meta.kind == "testimony":
                    testimony_record(body, VERSION, src.meta.id)
                else:
                    attachment_record(body, src.meta.id)
            except ExchangeError as exc:
                problems.append((sel.testimony_id, exc.detail))
    return problems
