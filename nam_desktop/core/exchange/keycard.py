"""HQ key cards: the age recipient(s) and receipt key, signed by HQ's root key.

The interviewer compares the root's short fingerprint with the one received out of
band, then pins the root. Later cards must be signed by the pinned root and carry a
higher serial (rotation; several recipients during an overlap); others are refused.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from nam_desktop.core.clock import iso, utc_now
from nam_desktop.core.crypto.age_writer import RecipientError, parse_recipient
from nam_desktop.core.crypto.device import fingerprint_of
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.exchange import keycard_pdf, signed_doc
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.hq_identity import load_hq, require_role
from nam_desktop.core.vault.vault import Vault

FORMAT = "nam-desktop-keycard"
VERSION = 3  # what this program writes
VERSIONS = (1, 2, 3)  # what it reads (docs/bundle-format.md, section 6)
CONTEXT = b"nam-desktop keycard v1\x00"  # the same for both versions
MAX_NAME = 200
PAYLOAD_KEYS = frozenset({"root_public_key", "serial", "issued_at", "hq_name", "recipients",
                          "receipt_public_key", "accept_originals"})
OPTIONAL_KEYS = {3: frozenset({keycard_pdf.FIELD})}  # version 3: the PDF-signing section
_BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_R = Reason.KEYCARD_INVALID


@dataclass(frozen=True)
class KeyCard:
    root_public_key: bytes
    serial: int
    issued_at: str
    hq_name: str
    recipients: tuple[str, ...]
    receipt_public_key: bytes
    accept_originals: bool
    raw: bytes  # the file as received
    version: int = VERSION
    content_id: bytes = b""  # canonical form of the whole card (equal for re-saved copies)
    pdf_signing: keycard_pdf.PdfSigningSection | None = None  # version 3 (section 6.2)

    @property
    def root_fingerprint(self) -> str:
        return fingerprint_of(self.root_public_key)

    @property
    def receipt_fingerprint(self) -> str:
        return fingerprint_of(self.receipt_public_key)


def name_problem(name: str) -> str:
    """Why ``name`` cannot be an HQ name on a card ("" when it can)."""
    if len(name) > MAX_NAME:
        return f"longer than {MAX_NAME} characters"
    for ch in name:
        if unicodedata.category(ch) == "Cc" or ch in _BIDI:
            return f"contains the control character U+{ord(ch):04X}"
    return ""


def issue_keycard(vault: Vault, *, hq_name: str = "", accept_originals: bool = True,
                  device: str | None = None) -> bytes:
    """HQ: write a new card (next serial) listing every active recipient; ``device``: a
    card for that device (version 3) with its PDF-signing certificate and HQ's CA."""
    problem = name_problem(hq_name)
    if problem:
        raise ValidationError("name", problem)
    hq = load_hq(vault)
    serial = hq.card_serial + 1
    payload: dict[str, Any] = {
        "root_public_key": hq.root.public_key.hex(),
        "serial": serial,
        "issued_at": iso(utc_now()),
        "hq_name": hq_name,
        "recipients": list(hq.recipients),
        "receipt_public_key": hq.receipt.public_key.hex(),
        "accept_originals": accept_originals,
    }
    # A card for every interviewer stays version 2 (older apps still read it, and its QR
    # code keeps its size); a card made for one device is version 3 and carries the
    # device's PDF-signing certificate and HQ's CA certificate.
    version = 2
    if device is not None:
        payload[keycard_pdf.FIELD] = keycard_pdf.make_section(vault, device)
        version = VERSION
    data = signed_doc.make(FORMAT, version, CONTEXT, payload, hq.root.sign)
    with vault.transaction() as c:
        c.execute("UPDATE hq_identity SET card_serial = ? WHERE id = 1", (serial,))
        vault.audit.append("hq.keycard_issued", hq.root_fingerprint, serial=serial)
    return data


def parse_keycard(data: bytes) -> KeyCard:
    """Decode a card and check it is signed by the root key it names (every rule is in
    docs/bundle-format.md, section 6; the order of the checks decides the reason)."""
    doc = signed_doc.read(data, FORMAT, VERSIONS, _R)
    payload = doc.payload
    if not PAYLOAD_KEYS <= set(payload) <= PAYLOAD_KEYS | OPTIONAL_KEYS.get(doc.version, set()):
        raise ExchangeError(_R, "unexpected or missing fields")
    root = signed_doc.hex_key(payload, "root_public_key", _R)
    signed_doc.check(root, doc.signature, CONTEXT, payload, _R, legacy_ascii=doc.version == 1)
    serial = signed_doc.field(payload, "serial", int, _R)
    if serial < 1:
        raise ExchangeError(_R, "serial must be positive")
    issued_at = signed_doc.timestamp(payload, "issued_at", _R)
    hq_name = signed_doc.field(payload, "hq_name", str, _R)
    if doc.version >= 2 and name_problem(hq_name):
        raise ExchangeError(_R, f"hq_name {name_problem(hq_name)}")
    recipients = signed_doc.field(payload, "recipients", list, _R)
    if not 1 <= len(recipients) <= 16:
        raise ExchangeError(_R, "a card lists 1 to 16 recipients")
    for r in recipients:
        if not isinstance(r, str) or r != r.strip().lower():
            raise ExchangeError(_R, "recipient is not a lower-case age recipient")
        try:
            parse_recipient(r)
        except RecipientError as exc:
            raise ExchangeError(_R, "recipient is not an age X25519 recipient") from exc
    if len(set(recipients)) != len(recipients):
        raise ExchangeError(_R, "a recipient is listed twice")
    pdf_signing = keycard_pdf.parse_section(payload[keycard_pdf.FIELD]) \
        if keycard_pdf.FIELD in payload else None
    return KeyCard(
        root_public_key=root,
        serial=serial,
        issued_at=issued_at,
        hq_name=hq_name[:MAX_NAME],  # version 1 had no limit: shown shortened
        recipients=tuple(recipients),
        receipt_public_key=signed_doc.hex_key(payload, "receipt_public_key", _R),
        accept_originals=signed_doc.field(payload, "accept_originals", bool, _R),
        raw=data,
        version=doc.version,
        content_id=doc.content_id(),
        pdf_signing=pdf_signing,
    )


@dataclass(frozen=True)
class KeyCardCheck:
    card: KeyCard
    first_time: bool  # no root pinned yet: the user must compare the fingerprint
    unchanged: bool  # the same card is already in place


def check_keycard(vault: Vault, data: bytes) -> KeyCardCheck:
    """Interviewer: validate a card against the pinned root, without changing anything."""
    require_role(vault, "interviewer")
    card = parse_keycard(data)
    if card.pdf_signing is not None:  # a card made for another device is refused
        keycard_pdf.check_for_vault(vault, card.pdf_signing)
    current = current_keycard(vault)
    if current is None:
        return KeyCardCheck(card, True, False)
    if current.root_public_key != card.root_public_key:
        raise ExchangeError(Reason.KEYCARD_ROOT_MISMATCH,
                            f"signed by {card.root_fingerprint}, pinned "
                            f"{current.root_fingerprint}")
    if card.serial < current.serial or (card.serial == current.serial and
                                        card.content_id != current.content_id):
        raise ExchangeError(Reason.KEYCARD_OUTDATED,
                            f"serial {card.serial}, current {current.serial}")
    return KeyCardCheck(card, False, card.content_id == current.content_id)


def pin_keycard(vault: Vault, data: bytes) -> KeyCard:
    """Interviewer: store the card (pinning its root the first time). Call after the user
    confirmed the root fingerprint shown by :func:`check_keycard`."""
    with vault.transaction() as c:
        checked = check_keycard(vault, data)
        card = checked.card
        if not checked.unchanged:
            c.execute(
                "INSERT INTO exchange_keycard (id, root_public_key, serial, card, imported_at) "
                "VALUES (1, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "root_public_key = excluded.root_public_key, serial = excluded.serial, "
                "card = excluded.card, imported_at = excluded.imported_at",
                (card.root_public_key, card.serial, card.raw.decode("utf-8"), iso(utc_now())),
            )
            vault.audit.append("exchange.keycard_pinned" if checked.first_time
                               else "exchange.keycard_updated",
                               card.root_fingerprint, serial=card.serial)
        if card.pdf_signing is not None:  # HQ's CA, and this device's certificate
            keycard_pdf.install(vault, card.pdf_signing)
    _recovery_slot_follows(vault, card)
    return card


def _recovery_slot_follows(vault: Vault, card: KeyCard) -> None:
    """The one place a pinned card reaches the HQ recovery slot (issue 18): if the
    interviewer turned it on, it is sealed again to this card's recipients."""
    from nam_desktop.core.vault import recovery  # recovery imports this module

    recovery.follow_keycard(vault, card)


def current_keycard(vault: Vault) -> KeyCard | None:
    with vault.reading() as c:
        row = c.execute("SELECT card FROM exchange_keycard WHERE id = 1").fetchone()
    return parse_keycard(str(row[0]).encode("utf-8")) if row else None
