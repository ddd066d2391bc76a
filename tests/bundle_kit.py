"""Bundles built from docs/bundle-format.md with the standard library and `cryptography`
only (no project code): an independent writer for the reader's tests, the tampering tests
and the fuzzers. Every default is valid; keyword arguments make one thing wrong."""

from __future__ import annotations

import base64
import hashlib
import json
import struct
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

CONTEXT = b"nam-desktop bundle signature v1\x00"
TID = "5d0c2a9e-1111-4a57-9a0e-0d7a4e1f2b3c"
AID = "0b6f2c1e-5d6f-4a57-9a0e-0d7a4e1f2b3c"
STAMP = "2026-01-02T03:04:05Z"
VOCAB = {"arbitrary_detention": {"en": "Arbitrary detention", "ru": "Произвольное задержание",
                                 "be": "Адвольнае затрыманне"}}


def canonical(value: Any) -> bytes:
    """RFC 8785 for our values (ASCII keys, integers): what docs/conventions.md says."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def fingerprint(public_key: bytes) -> str:
    digest = hashlib.sha256(b"nam-desktop device key v1\x00" + public_key).digest()[:15]
    text = base64.b32encode(digest).decode()
    return "-".join(text[i:i + 4] for i in range(0, 24, 4))


def public_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


def device_key(seed: int = 1) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"device %d" % seed).digest())


def testimony(tid: str = TID, revision: int = 1, **over: Any) -> dict[str, Any]:
    t: dict[str, Any] = {
        "id": tid, "status": "final", "revision": revision, "created_at": STAMP,
        "updated_at": STAMP, "title": "Затрыманне",
        "interview": {"date": "2025-03-01", "date_end": "", "place": "Вільнюс", "mode": "",
                      "languages": ["be"], "interpreter": "", "others_present": "",
                      "interviewer": ""},
        "consent": {"hq_documentation": True, "anonymous_publication": False,
                    "legal_proceedings": False, "audio_recording": False,
                    "anonymity_requested": True, "may_recontact": False,
                    "given_date": "2025-03-01", "method": "oral", "withdrawn_at": ""},
        "witness": {"pseudonym": "W-1", "gender": "", "age_group": "", "role": "victim"},
        "acts": [{"id": "a-1", "type": "arbitrary_detention", "date": "2020-08",
                  "date_end": "", "date_precision": "month", "place": "Мінск", "victims": "",
                  "status_after": "", "description": "",
                  "perpetrators": [{"unit": "АМАП", "rank": "", "description": ""}]}],
        "narrative": "Тэкст.", "notes": "",
        "assessment": {"reliability": "", "follow_up": "", "referrals": ""},
    }
    t.update(over)
    return t


def testimony_body(t: dict[str, Any] | None = None, attachments: tuple[str, ...] = (AID,),
                   version: int = 2, **over: Any) -> dict[str, Any]:
    t = testimony() if t is None else t
    body: dict[str, Any] = {"testimony": t, "revision": t["revision"],
                            "identity_included": "identity" in t,
                            "attachments": list(attachments)}
    if version >= 2:
        body["vocabulary"] = {"version": "2026.1", "terms": {
            a["type"]: VOCAB.get(a["type"], {"en": "x", "ru": "x", "be": "x"})
            for a in t["acts"]}}
    body.update(over)
    return body


def attachment_body(aid: str = AID, tid: str = TID, original: bytes = b"original bytes",
                    cleaned: bytes | None = b"cleaned", **over: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "attachment_id": aid, "testimony_id": tid, "filename": "фота.jpg", "media_type": "jpeg",
        "kind": "file", "clean_status": "clean" if cleaned is not None else "refused",
        "created_at": STAMP, "sha256_original": hashlib.sha256(original).hexdigest(),
        "size_original": len(original),
        "sha256_cleaned": hashlib.sha256(cleaned).hexdigest() if cleaned is not None else "",
        "size_cleaned": len(cleaned) if cleaned is not None else 0}
    body.update(over)
    return body


@dataclass
class Entry:
    id: str
    kind: str
    body: bytes
    size: int | None = None  # a different size or hash in the header than the body has
    sha256: str | None = None

    def meta(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind,
                "size": len(self.body) if self.size is None else self.size,
                "sha256": self.sha256 or hashlib.sha256(self.body).hexdigest()}


def entries(version: int = 2, *, original: bool = True) -> list[Entry]:
    """A testimony with one attachment, its cleaned copy and (by default) its original."""
    out = [Entry(f"testimony/{TID}/1", "testimony", canonical(testimony_body(version=version))),
           Entry(f"attachment/{AID}", "attachment", canonical(attachment_body())),
           Entry(f"media/{AID}/cleaned", "media", b"cleaned")]
    if original:
        out.append(Entry(f"media/{AID}/original", "media", b"original bytes"))
    return out


@dataclass
class Bundle:
    entries: list[Entry] = field(default_factory=entries)
    key: Ed25519PrivateKey = field(default_factory=device_key)
    version: int = 2
    padding: int = 0
    recipients: tuple[str, ...] = ("ab" * 32,)
    header_over: dict[str, Any] = field(default_factory=dict)
    prefix_version: int | None = None
    end_count: int | None = None
    padding_bytes: bytes | None = None  # what follows the end marker (default: zeros)
    signer: Ed25519PrivateKey | None = None  # signs instead of ``key``

    def header(self) -> dict[str, Any]:
        pub = public_bytes(self.key)
        doc: dict[str, Any] = {
            "format": "nam-desktop-bundle", "version": self.version,
            "bundle_id": "0f0e0d0c-0b0a-4908-8706-050403020100", "created_at": STAMP,
            "device": {"public_key": pub.hex(), "fingerprint": fingerprint(pub)},
            "vault_id": "11111111-2222-4333-8444-555555555555", "seq": 1,
            "prev_digest": "0" * 64, "recipients": list(self.recipients), "hq_root": "",
            "audit": {"entries": 3, "head": "cd" * 32},
            "entries": [e.meta() for e in self.entries]}
        if self.version >= 2:
            doc["padding"] = self.padding
        doc.update(self.header_over)
        return doc

    def header_bytes(self) -> bytes:
        return canonical(self.header())

    def inner(self, header: bytes | None = None) -> bytes:
        head = self.header_bytes() if header is None else header
        version = self.version if self.prefix_version is None else self.prefix_version
        prefix = struct.pack(">8sHI", b"NAMBUNDL", version, len(head))
        sig = (self.signer or self.key).sign(CONTEXT + prefix + head)
        count = len(self.entries) if self.end_count is None else self.end_count
        tail = bytes(self.padding) if self.padding_bytes is None else self.padding_bytes
        return (prefix + head + sig + b"".join(e.body for e in self.entries)
                + struct.pack(">8sI", b"NAMB-END", count) + tail)

    def digest(self) -> str:
        head = self.header_bytes()
        version = self.version if self.prefix_version is None else self.prefix_version
        return hashlib.sha256(struct.pack(">8sHI", b"NAMBUNDL", version, len(head))
                              + head).hexdigest()
