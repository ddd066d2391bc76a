"""HQ's identities (root, receipt and age keys) and registered interviewer devices.

Everything private lives in the HQ vault's encrypted database (tables ``hq_identity``
and ``hq_age_identities``, migration 0003).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyrage

from nam_desktop.core.clock import iso, utc_now
from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.exchange.device_key import parse_device_key as parse_device_key  # API
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.vault.vault import Vault


@dataclass(frozen=True)
class Device:
    fingerprint: str
    public_key: bytes | None
    name: str
    registered_at: str
    pdf_certified_at: str = ""  # when HQ last issued its PDF-signing certificate ("": not yet)


@dataclass(frozen=True)
class HqIdentity:
    root: DeviceIdentity
    receipt: DeviceIdentity
    card_serial: int
    identities: tuple[str, ...]  # AGE-SECRET-KEY-1..., newest first
    recipients: tuple[str, ...]  # active age1... recipients, newest first

    @property
    def root_fingerprint(self) -> str:
        return self.root.fingerprint

    def age_identities(self) -> list[pyrage.x25519.Identity]:
        return [pyrage.x25519.Identity.from_str(i) for i in self.identities]


def require_role(vault: Vault, role: str) -> None:
    if vault.role != role:
        raise ExchangeError(Reason.WRONG_ROLE, f"this needs an {role} vault, not {vault.role}")


def init_hq(vault: Vault) -> HqIdentity:
    """Create the HQ identities in a fresh HQ vault."""
    require_role(vault, "hq")
    ident = pyrage.x25519.Identity.generate()
    now = iso(utc_now())
    with vault.transaction() as c:
        if c.execute("SELECT 1 FROM hq_identity").fetchone() is not None:
            raise ValidationError("hq", "HQ identities already exist in this vault")
        c.execute("INSERT INTO hq_identity (id, root_private, receipt_private, card_serial, "
                  "created_at) VALUES (1, ?, ?, 0, ?)",
                  (DeviceIdentity.generate_raw(), DeviceIdentity.generate_raw(), now))
        c.execute("INSERT INTO hq_age_identities (recipient, identity, created_at) "
                  "VALUES (?, ?, ?)", (str(ident.to_public()), str(ident), now))
        hq = load_hq(vault)
        vault.audit.append("hq.init", vault.vault_id, root=hq.root_fingerprint)
        # The offline CA that certifies interviewers' PDF-signing keys (issue 17).
        from nam_desktop.core.exchange import hq_ca  # hq_ca reads load_hq back

        hq_ca.create_ca(vault, hq.root_fingerprint)
    return hq


def load_hq(vault: Vault) -> HqIdentity:
    require_role(vault, "hq")
    with vault.reading() as c:
        row = c.execute("SELECT root_private, receipt_private, card_serial "
                        "FROM hq_identity WHERE id = 1").fetchone()
        ages = c.execute("SELECT recipient, identity, retired FROM hq_age_identities "
                         "ORDER BY created_at DESC, rowid DESC").fetchall()
    if row is None:
        raise ExchangeError(Reason.NO_HQ_IDENTITY, "run `hq init` first")
    return HqIdentity(DeviceIdentity(bytes(row[0])), DeviceIdentity(bytes(row[1])), int(row[2]),
                      tuple(a[1] for a in ages), tuple(a[0] for a in ages if not a[2]))


def rotate_recipient(vault: Vault, *, retire_old: bool = False) -> str:
    """Add a new age identity (the next key card lists it first). Returns its recipient."""
    load_hq(vault)
    ident = pyrage.x25519.Identity.generate()
    with vault.transaction() as c:
        if retire_old:
            c.execute("UPDATE hq_age_identities SET retired = 1")
        c.execute("INSERT INTO hq_age_identities (recipient, identity, created_at) "
                  "VALUES (?, ?, ?)", (str(ident.to_public()), str(ident), iso(utc_now())))
        vault.audit.append("hq.recipient_added", str(ident.to_public()), retired=retire_old)
    return str(ident.to_public())


def register_device(vault: Vault, device: str, name: str) -> Device:
    load_hq(vault)
    fingerprint, key = parse_device_key(device)
    name = name.strip()
    if not name or len(name) > 200 or not name.isprintable():
        raise ValidationError("name", "a printable name of 1 to 200 characters is needed")
    now = iso(utc_now())
    with vault.transaction() as c:
        row = c.execute("SELECT public_key FROM hq_devices WHERE fingerprint = ?",
                        (fingerprint,)).fetchone()
        if row is None:
            c.execute("INSERT INTO hq_devices (fingerprint, public_key, name, registered_at) "
                      "VALUES (?, ?, ?, ?)", (fingerprint, key, name, now))
        else:
            c.execute("UPDATE hq_devices SET name = ?, public_key = COALESCE(public_key, ?) "
                      "WHERE fingerprint = ?", (name, key, fingerprint))
        vault.audit.append("hq.device_registered", fingerprint)
        # Issue (or re-issue under the new name) its PDF certificate when HQ knows its
        # PDF key (from an earlier bundle); otherwise the next bundle brings the key.
        from nam_desktop.core.exchange import hq_ca  # hq_ca reads load_hq back

        hq_ca.certify_device(vault, fingerprint)
    return next(d for d in devices(vault) if d.fingerprint == fingerprint)


def devices(vault: Vault) -> list[Device]:
    with vault.reading() as c:
        rows = c.execute("SELECT fingerprint, public_key, name, registered_at, pdf_certified_at "
                         "FROM hq_devices ORDER BY registered_at, fingerprint").fetchall()
    return [Device(r[0], bytes(r[1]) if r[1] is not None else None, r[2], r[3], r[4])
            for r in rows]
