"""The key slot: the vault's master key wrapped under a passphrase-derived key.

File format (JSON, UTF-8, at most 64 KiB), documented in docs/architecture.md::

    {"format": "nam-keyslot", "version": 1, "vault_id": "<uuid>",
     "kdf": {"name": "argon2id", "memory_kib": m, "iterations": t, "parallelism": p,
             "salt": "<base64>"},
     "wrap": {"aead": "chacha20poly1305", "nonce": "<base64 12 bytes>",
              "ciphertext": "<base64 48 bytes>"},
     "checksum": "<sha256 hex of the canonical JSON of every other field>"}

The AEAD's associated data is the canonical JSON of format, version, vault_id and kdf, so
parameters cannot be swapped. The checksum separates a damaged file (bad checksum, bad
shape) from a wrong passphrase (good checksum, AEAD refuses).

Two copies are kept (``keyslot.json`` and ``keyslot.bak.json``), each replaced atomically.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from nam_desktop.core import fileio
from nam_desktop.core.canonical import CanonicalError, canonical_json
from nam_desktop.core.crypto.fsutil import atomic_write
from nam_desktop.core.crypto.kdf import KdfParams, derive_kek
from nam_desktop.core.errors import KeySlotDamagedError, WrongPassphraseError

FORMAT = "nam-keyslot"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024
MASTER_KEY_LEN = 32
PRIMARY_NAME = "keyslot.json"
BACKUP_NAME = "keyslot.bak.json"


def _canonical(obj: Any) -> bytes:
    """Canonical JSON in its ASCII form (docs/conventions.md): what key slot version 1
    was checksummed and authenticated with, byte for byte."""
    try:
        return canonical_json(obj, ascii=True)
    except CanonicalError as exc:
        raise KeySlotDamagedError("key slot has a value with no canonical form") from exc


def _b64d(value: object, field: str, *, length: int | None = None) -> bytes:
    if not isinstance(value, str) or len(value) > 4096:
        raise KeySlotDamagedError(f"{field} is not a base64 string")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise KeySlotDamagedError(f"{field} is not valid base64") from exc
    if length is not None and len(raw) != length:
        raise KeySlotDamagedError(f"{field} has the wrong length")
    return raw


@dataclass(frozen=True)
class KeySlot:
    vault_id: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext: bytes

    def _header(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "kdf": {
                "name": "argon2id",
                "memory_kib": self.kdf.memory_kib,
                "iterations": self.kdf.iterations,
                "parallelism": self.kdf.parallelism,
                "salt": base64.b64encode(self.salt).decode(),
            },
        }

    def to_bytes(self) -> bytes:
        body = self._header()
        body["wrap"] = {
            "aead": "chacha20poly1305",
            "nonce": base64.b64encode(self.nonce).decode(),
            "ciphertext": base64.b64encode(self.ciphertext).decode(),
        }
        body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
        return json.dumps(body, indent=1, sort_keys=True).encode() + b"\n"

    @classmethod
    def wrap(cls, master_key: bytes, passphrase: str, vault_id: str, kdf: KdfParams) -> KeySlot:
        kdf.validate()
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        draft = cls(vault_id, kdf, salt, nonce, b"")
        kek = derive_kek(passphrase, salt, kdf)
        ct = ChaCha20Poly1305(kek).encrypt(nonce, master_key, _canonical(draft._header()))
        return cls(vault_id, kdf, salt, nonce, ct)

    def unwrap(self, passphrase: str) -> bytes:
        return self.unwrap_with(self.derive_kek(passphrase))

    def derive_kek(self, passphrase: str) -> bytes:
        """The key-encryption key: one Argon2id run (the slow part of unlocking)."""
        return derive_kek(passphrase, self.salt, self.kdf)

    def same_kek_as(self, other: KeySlot) -> bool:
        """Whether a passphrase gives both slots the same KEK (same salt and parameters)."""
        return self.salt == other.salt and self.kdf == other.kdf

    def unwrap_with(self, kek: bytes) -> bytes:
        try:
            key = ChaCha20Poly1305(kek).decrypt(
                self.nonce, self.ciphertext, _canonical(self._header())
            )
        except InvalidTag as exc:
            raise WrongPassphraseError() from exc
        if len(key) != MASTER_KEY_LEN:
            raise KeySlotDamagedError("master key has the wrong length")
        return key

    @classmethod
    def parse(cls, data: bytes) -> KeySlot:
        """Parse untrusted bytes; every problem is a :class:`KeySlotDamagedError`."""
        if len(data) > MAX_FILE_BYTES:
            raise KeySlotDamagedError("key slot file too large")
        try:
            body = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise KeySlotDamagedError("key slot is not valid JSON") from exc
        if not isinstance(body, dict):
            raise KeySlotDamagedError("key slot is not a JSON object")
        checksum = body.pop("checksum", None)
        expected = hashlib.sha256(_canonical(body)).hexdigest()
        if not isinstance(checksum, str) or checksum != expected:
            raise KeySlotDamagedError("key slot checksum mismatch")
        if body.get("format") != FORMAT:
            raise KeySlotDamagedError("not a NAM key slot")
        if body.get("version") != VERSION or type(body.get("version")) is not int:
            raise KeySlotDamagedError("unsupported key slot version")
        vault_id = body.get("vault_id")
        if not isinstance(vault_id, str) or not 1 <= len(vault_id) <= 64:
            raise KeySlotDamagedError("bad vault id")
        kdf = body.get("kdf")
        wrap = body.get("wrap")
        if not isinstance(kdf, dict) or not isinstance(wrap, dict):
            raise KeySlotDamagedError("missing kdf or wrap section")
        if kdf.get("name") != "argon2id" or wrap.get("aead") != "chacha20poly1305":
            raise KeySlotDamagedError("unsupported algorithm")
        params = KdfParams(
            memory_kib=kdf.get("memory_kib"),  # type: ignore[arg-type]  # validated below
            iterations=kdf.get("iterations"),  # type: ignore[arg-type]
            parallelism=kdf.get("parallelism"),  # type: ignore[arg-type]
        )
        params.validate(reading=True)
        salt = _b64d(kdf.get("salt"), "kdf.salt")
        if not 16 <= len(salt) <= 64:
            raise KeySlotDamagedError("kdf.salt has the wrong length")
        nonce = _b64d(wrap.get("nonce"), "wrap.nonce", length=12)
        ct = _b64d(wrap.get("ciphertext"), "wrap.ciphertext", length=MASTER_KEY_LEN + 16)
        return cls(vault_id, params, salt, nonce, ct)


def _read(path: Path) -> KeySlot:
    try:
        with fileio.open_read(path) as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise KeySlotDamagedError(f"{path.name} is missing") from exc
    except OSError as exc:
        raise KeySlotDamagedError(f"{path.name} cannot be read") from exc
    return KeySlot.parse(data)


def load_and_unwrap(directory: Path, passphrase: str) -> tuple[KeySlot, bytes, list[str]]:
    """Unwrap the master key from the primary or, failing that, the backup copy.

    Returns the slot used, the master key and warnings (e.g. a damaged copy that was
    repaired). Raises :class:`WrongPassphraseError` when at least one copy is intact
    and none accepts the passphrase, :class:`KeySlotDamagedError` when none is intact.
    """
    warnings: list[str] = []
    intact: list[tuple[str, KeySlot]] = []
    for name in (PRIMARY_NAME, BACKUP_NAME):
        try:
            intact.append((name, _read(directory / name)))
        except KeySlotDamagedError as exc:
            warnings.append(f"{name}: {exc.detail}")
    if not intact:
        raise KeySlotDamagedError("; ".join(warnings))
    wrong: WrongPassphraseError | None = None
    keks: list[tuple[KeySlot, bytes]] = []  # one Argon2id run per distinct salt + params
    for name, slot in intact:
        kek = next((k for s, k in keks if s.same_kek_as(slot)), None)
        if kek is None:
            kek = slot.derive_kek(passphrase)
            keks.append((slot, kek))
        try:
            master = slot.unwrap_with(kek)
        except WrongPassphraseError as exc:
            wrong = exc
            continue
        if len(intact) < 2 or any(s != slot for _, s in intact):
            # Heal: both copies should hold the slot that works. Best effort: a full disk
            # must not stop the unlock (the working copy is still there).
            try:
                write_both(directory, slot)
                warnings.append(f"key slot copies were repaired from {name}")
            except OSError as exc:
                warnings.append(f"key slot copies could not be repaired: {exc.strerror}")
        return slot, master, warnings
    assert wrong is not None  # noqa: S101  # loop ran at least once without returning
    raise wrong


def write_both(directory: Path, slot: KeySlot) -> None:
    """Write the backup first, then the primary: a crash leaves one complete copy."""
    data = slot.to_bytes()
    atomic_write(directory / BACKUP_NAME, data)
    atomic_write(directory / PRIMARY_NAME, data)
