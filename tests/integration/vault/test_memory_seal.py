"""What a lock keeps in memory (text that could not be saved) is sealed with the vault:
only the same vault, unlocked again with its passphrase, opens it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from nam_desktop.core.crypto import keyslot
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.errors import ValidationError, VaultLockedError
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"
TEXT = "Окрестина, 12 August: the guard's name was …".encode()


def test_sealed_text_opens_only_in_the_same_vault_after_unlocking(vault: Vault,
                                                                  vault_dir: Path,
                                                                  tmp_path: Path) -> None:
    sealed = vault.seal(TEXT)
    assert TEXT not in sealed and len(sealed) == 12 + len(TEXT) + 16
    assert vault.seal(TEXT) != sealed  # a fresh nonce every time
    vault.close()
    with pytest.raises(VaultLockedError):
        vault.unseal(sealed)  # the key went with the lock
    with Vault.open(vault_dir, PASS) as again:
        assert again.unseal(sealed) == TEXT
        altered = bytearray(sealed)
        altered[20] ^= 1
        with pytest.raises(ValidationError):
            again.unseal(bytes(altered))
        with pytest.raises(ValidationError):
            again.unseal(sealed[:20])
    with Vault.create(tmp_path / "other", PASS, kdf=MINIMUM_PARAMS) as other, \
            pytest.raises(ValidationError):
        other.unseal(sealed)


def test_the_seal_is_the_documented_construction(vault: Vault, vault_dir: Path) -> None:
    """docs/architecture.md: key = HKDF-SHA256(master key, info "nam-desktop/v1/memory-seal"),
    ChaCha20-Poly1305 with a 12-byte nonce in front and the vault id as associated data."""
    sealed = vault.seal(TEXT)
    _, master, _ = keyslot.load_and_unwrap(vault_dir, PASS)
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
               info=b"nam-desktop/v1/memory-seal").derive(master)
    plain = ChaCha20Poly1305(key).decrypt(sealed[:12], sealed[12:], vault.vault_id.encode())
    assert plain == TEXT
