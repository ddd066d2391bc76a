"""The signed header of a bundle (docs/bundle-format.md, section 3.1): its fields, the
entry list and the rules it must follow, checked before any body is read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from nam_desktop.core.canonical import CanonicalError, canonical_json, loads
from nam_desktop.core.clock import is_timestamp
from nam_desktop.core.crypto.device import fingerprint_of
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.pades.keys import PdfKeyError, public_from_point

FORMAT = "nam-desktop-bundle"
VERSION = 4  # what this program writes
# What it reads. Version 3 was never written: the frozen test vector version-3.age
# promises that a version-3 bundle is refused as unsupported (docs/bundle-format.md, 8).
VERSIONS = (1, 2, 4)
MAX_HEADER = 4 * 1024 * 1024
MAX_ENTRIES = 100_000
MAX_RECORD = 16 * 1024 * 1024  # testimony and attachment records are held in memory
MAX_MEDIA = 1 << 40
MAX_PADDING = 1 << 40
MAX_SEQ = 2**53 - 1
RECORD_KINDS = ("testimony", "attachment")
KINDS = (*RECORD_KINDS, "media")
MEDIA_VARIANTS = ("cleaned", "original")
ZERO_DIGEST = "0" * 64
MAX_UNFINISHED = 10_000  # export attempts a header may report (audit.unfinished)
UNFINISHED_STATES = ("interrupted", "failed", "cancelled")

ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}")  # bundle and vault ids
RECORD_ID = re.compile(r"[0-9a-fA-F-]{1,64}")  # testimony and attachment ids (UUIDs)
REVISION = re.compile(r"[1-9][0-9]{0,15}")
HEX64 = re.compile(r"[0-9a-f]{64}")
FINGERPRINT = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){5}")
_KEYS_V1 = frozenset({"format", "version", "bundle_id", "created_at", "device", "vault_id",
                      "seq", "prev_digest", "recipients", "hq_root", "audit", "entries"})
HEADER_KEYS = {1: _KEYS_V1, 2: _KEYS_V1 | {"padding"}, 4: _KEYS_V1 | {"padding"}}
PDF_KEY = re.compile(r"04[0-9a-f]{128}")  # version 4: device.pdf_public_key


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
    version: int = VERSION
    padding: int = 0  # zero bytes after the end marker (version 2)
    unfinished: tuple[UnfinishedExport, ...] = ()  # audit.unfinished (version 2), absent
    # when empty
    pdf_public_key: bytes | None = None  # device.pdf_public_key (version 4): the device's
    # P-256 PDF-signing key, which HQ certifies (signed with the header, so bound to the
    # Ed25519 device key HQ registered)

    @property
    def device_fingerprint(self) -> str:
        return fingerprint_of(self.device_public_key)

    def to_json(self) -> dict[str, Any]:
        doc = {
            "format": FORMAT,
            "version": self.version,
            "bundle_id": self.bundle_id,
            "created_at": self.created_at,
            "device": self._device_json(),
            "vault_id": self.vault_id,
            "seq": self.seq,
            "prev_digest": self.prev_digest,
            "recipients": list(self.recipients),
            "hq_root": self.hq_root,
            "audit": self._audit_json(),
            "entries": [e.to_json() for e in self.entries],
        }
        if self.version >= 2:
            doc["padding"] = self.padding
        return doc

    def _device_json(self) -> dict[str, Any]:
        device = {"public_key": self.device_public_key.hex(),
                  "fingerprint": self.device_fingerprint}
        if self.version >= 4 and self.pdf_public_key is not None:
            device["pdf_public_key"] = self.pdf_public_key.hex()
        return device

    def _audit_json(self) -> dict[str, Any]:
        audit: dict[str, Any] = {"entries": self.audit_entries, "head": self.audit_head}
        if self.unfinished:
            audit["unfinished"] = [u.to_json() for u in self.unfinished]
        return audit

    def encode(self) -> bytes:
        """The header as written: canonical JSON (readers verify the bytes they get)."""
        return canonical_json(self.to_json())


def _bad(detail: str) -> ExchangeError:
    return ExchangeError(Reason.MALFORMED, detail)


def _int(value: object, name: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _bad(f"{name} must be an integer in [{low}, {high}]")
    return value


def _str(value: object, name: str, pattern: re.Pattern[str]) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise _bad(f"{name} has the wrong form")
    return value


def _obj(value: object, name: str, keys: set[str] | frozenset[str]) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != keys:
        raise _bad(f"{name} must be an object with keys {sorted(keys)}")
    return value


def split_entry_id(entry_id: str) -> list[str]:
    """The parts of an entry id, which names its kind and content (section 3.2):
    ``testimony/<id>/<revision>``, ``attachment/<id>``, ``media/<id>/cleaned|original``."""
    parts = entry_id.split("/")
    kind = parts[0]
    ok = (kind == "testimony" and len(parts) == 3 and RECORD_ID.fullmatch(parts[1]) is not None
          and REVISION.fullmatch(parts[2]) is not None) or \
         (kind == "attachment" and len(parts) == 2 and RECORD_ID.fullmatch(parts[1]) is not None) \
        or (kind == "media" and len(parts) == 3 and RECORD_ID.fullmatch(parts[1]) is not None
            and parts[2] in MEDIA_VARIANTS)
    if not ok:
        raise _bad(f"entry id {entry_id[:80]!r} has the wrong form")
    return parts


def _entries(raw_entries: object) -> tuple[EntryMeta, ...]:
    """The entry list, checked for form (malformed) only; see :func:`_entry_limits` and
    :func:`_entry_order` for the checks that come after every form check."""
    if not isinstance(raw_entries, list):
        raise _bad("entries must be a list")
    entries = []
    seen: set[str] = set()
    media_started = False
    for i, item in enumerate(raw_entries):
        e = _obj(item, f"entries[{i}]", {"id", "kind", "size", "sha256"})
        kind = e["kind"]
        if kind not in KINDS:
            raise _bad(f"entries[{i}].kind is unknown")
        entry_id = e["id"]
        if not isinstance(entry_id, str) or len(entry_id) > 200:
            raise _bad(f"entries[{i}].id must be a string of at most 200 characters")
        if split_entry_id(entry_id)[0] != kind:
            raise _bad(f"entries[{i}]: id and kind disagree")
        if entry_id in seen:
            raise _bad(f"entries[{i}].id is repeated")
        seen.add(entry_id)
        if kind == "media":
            media_started = True
        elif media_started:
            raise _bad(f"entries[{i}]: a record after a media entry (records come first)")
        size = _int(e["size"], f"entries[{i}].size", 0, MAX_SEQ)
        entries.append(EntryMeta(entry_id, kind, size,
                                 _str(e["sha256"], f"entries[{i}].sha256", HEX64)))
    return tuple(entries)


def _entry_limits(entries: tuple[EntryMeta, ...]) -> None:
    if len(entries) > MAX_ENTRIES:
        raise ExchangeError(Reason.OVERSIZE, f"more than {MAX_ENTRIES} entries")
    for e in entries:
        limit = MAX_MEDIA if e.kind == "media" else MAX_RECORD
        if e.size > limit:
            raise ExchangeError(Reason.OVERSIZE, f"{e.id} is larger than {limit} bytes")


def _entry_order(entries: tuple[EntryMeta, ...]) -> None:
    records: set[str] = set()
    for e in entries:
        if e.kind == "media":
            if f"attachment/{e.id.split('/')[1]}" not in records:
                raise ExchangeError(Reason.INCONSISTENT,
                                    f"{e.id} has no attachment record before it")
        else:
            records.add(e.id)


def parse_header(data: bytes, version: int = VERSION) -> BundleHeader:
    """Strictly decode and validate a header of the given format ``version`` (from the
    prefix); raises :class:`ExchangeError` (MALFORMED, OVERSIZE or INCONSISTENT)."""
    try:
        raw = loads(data)
    except CanonicalError as exc:
        raise _bad(f"header is not strict JSON ({exc})") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise _bad("not a nam-desktop-bundle header")
    if raw.get("version") != version or isinstance(raw.get("version"), bool):
        raise _bad("the header's version differs from the prefix")
    doc = _obj(raw, "header", HEADER_KEYS[version])
    pdf_key_field = {"pdf_public_key"} if version >= 4 and isinstance(doc["device"], dict) \
        and "pdf_public_key" in doc["device"] else set()
    device = _obj(doc["device"], "device", {"public_key", "fingerprint"} | pdf_key_field)
    public_key = bytes.fromhex(_str(device["public_key"], "device.public_key", HEX64))
    if device["fingerprint"] != fingerprint_of(public_key):  # recomputed, never trusted
        raise _bad("device fingerprint does not match its key")
    pdf_public_key = None
    if pdf_key_field:
        pdf_public_key = bytes.fromhex(_str(device["pdf_public_key"], "device.pdf_public_key",
                                            PDF_KEY))
        try:
            public_from_point(pdf_public_key)
        except PdfKeyError:
            raise _bad("device.pdf_public_key is not a point on P-256") from None
    optional = {"unfinished"} & set(doc["audit"]) \
        if version >= 2 and isinstance(doc["audit"], dict) else set()
    audit = _obj(doc["audit"], "audit", {"entries", "head"} | optional)
    seq = _int(doc["seq"], "seq", 1, MAX_SEQ)
    recipients = doc["recipients"]
    if not isinstance(recipients, list) or not 1 <= len(recipients) <= 16:
        raise _bad("recipients must be a list of 1 to 16 fingerprints")
    if len(set(map(str, recipients))) != len(recipients):
        raise _bad("a recipient is listed twice")
    if not isinstance(doc["created_at"], str) or not is_timestamp(doc["created_at"]):
        raise _bad("created_at is not a time stamp like 2026-01-31T12:00:00Z")
    hq_root = doc["hq_root"]
    if hq_root != "":
        _str(hq_root, "hq_root", FINGERPRINT)
    entries = _entries(doc["entries"])
    header = BundleHeader(
        bundle_id=_str(doc["bundle_id"], "bundle_id", ID),
        created_at=doc["created_at"],
        device_public_key=public_key,
        vault_id=_str(doc["vault_id"], "vault_id", ID),
        seq=seq,
        prev_digest=_str(doc["prev_digest"], "prev_digest", HEX64),
        recipients=tuple(_str(r, "recipients[]", HEX64) for r in recipients),
        hq_root=hq_root,
        audit_entries=_int(audit["entries"], "audit.entries", 0, MAX_SEQ),
        audit_head=_str(audit["head"], "audit.head", HEX64),
        entries=entries,
        version=version,
        padding=_int(doc["padding"], "padding", 0, MAX_PADDING) if version >= 2 else 0,
        unfinished=_unfinished(audit["unfinished"], seq) if "unfinished" in audit else (),
        pdf_public_key=pdf_public_key,
    )
    _entry_limits(entries)  # every form check came first: malformed, then oversize,
    _entry_order(entries)  # then inconsistent (docs/bundle-format.md, section 4)
    return header


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
        out.append(UnfinishedExport(useq, _str(u["bundle_id"], f"{name}.bundle_id", ID),
                                    _str(u["digest"], f"{name}.digest", HEX64),
                                    str(u["state"])))
    return tuple(out)
