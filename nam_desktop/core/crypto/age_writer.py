"""Streaming age v1 encryption to X25519 recipients, on ``cryptography``'s primitives.

Why not ``pyrage.encrypt_io`` (still used to decrypt and to check recipients): on the
export path its encryption costs about three times the CPU of the same ChaCha20-Poly1305
in OpenSSL (measured: 0.62 GB/s against 1.9 GB/s here), it reads and writes 8 KiB at a
time holding the GIL, and it ignores a failing write of the last chunk. The format
(C2SP age v1, https://age-encryption.org/v1) is small; everything below follows it:

* header: ``age-encryption.org/v1``, one ``X25519`` stanza per recipient (an ephemeral
  share and the 16-byte file key wrapped with ChaCha20-Poly1305 under
  ``HKDF-SHA256(ikm=shared secret, salt=share || recipient, "age-encryption.org/v1/X25519")``),
  then ``---`` and an HMAC-SHA256 of the header under ``HKDF(file key, "", "header")``;
* payload: a 16-byte nonce, then the plaintext in 64 KiB chunks, each sealed with
  ChaCha20-Poly1305 under ``HKDF(file key, salt=nonce, "payload")``; the chunk nonce is
  an 11-byte big-endian counter and a last-chunk flag byte. Only an empty plaintext ends
  with an empty chunk.

Tests check every output against the stock ``age`` CLI and ``pyrage`` decrypting it.
"""

from __future__ import annotations

import base64
import hmac
import io
import os
from collections.abc import Iterable
from hashlib import sha256

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from nam_desktop.core.crypto.media_stream import SealedChunks, Sink

CHUNK = 64 * 1024
VERSION_LINE = b"age-encryption.org/v1"
X25519_LABEL = b"age-encryption.org/v1/X25519"
SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"
SCRYPT_LOG_N = 18  # what the age CLI writes: 256 MiB of memory, about a second
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


class RecipientError(ValueError):
    """Not an age X25519 recipient (``age1...``)."""


def _polymod(values: Iterable[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def bech32_key(text: str, hrp: str, what: str) -> bytes:
    """The 32-byte key in a Bech32 string (BIP 173) with human-readable part ``hrp``:
    ``age1...`` recipients, ``AGE-SECRET-KEY-1...`` identities. All upper or all lower
    case, never mixed; the checksum must match. Raises :class:`RecipientError`."""
    s = text.strip()
    if s == s.upper():  # Bech32 allows all upper case (identities, QR codes)
        s = s.lower()
    if s != s.lower() or not s.startswith(hrp + "1") or len(s) > 90:
        raise RecipientError(f"not an age X25519 {what}")
    data = s[len(hrp) + 1:]
    try:
        values = [_BECH32.index(c) for c in data]
    except ValueError as exc:
        raise RecipientError(f"invalid character in {what}") from exc
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    if len(values) < 6 or _polymod(expanded + values) != 1:
        raise RecipientError(f"{what} checksum does not match")
    acc, bits, out = 0, 0, bytearray()
    for v in values[:-6]:
        acc = acc << 5 | v
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append(acc >> bits & 0xFF)
    if bits >= 5 or acc & ((1 << bits) - 1) or len(out) != 32:
        raise RecipientError(f"{what} is not a 32-byte key")
    return bytes(out)


def parse_recipient(text: str) -> bytes:
    """The 32-byte X25519 public key of an ``age1...`` recipient."""
    return bech32_key(text, "age", "recipient")


def hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt, info).derive(ikm)


def b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def x25519_stanza(file_key: bytes, recipient: bytes) -> bytes:
    """One ``-> X25519`` stanza wrapping ``file_key`` for ``recipient`` (32 bytes)."""
    eph = X25519PrivateKey.generate()
    share = eph.public_key().public_bytes_raw()
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient))
    if not any(shared):
        raise RecipientError("recipient is a low-order point")
    wrap = hkdf(shared, share + recipient, X25519_LABEL)
    body = ChaCha20Poly1305(wrap).encrypt(bytes(12), file_key, None)
    return b"-> X25519 " + b64(share) + b"\n" + b64(body) + b"\n"  # 43 columns: one line


def scrypt_key(passphrase: bytes, salt: bytes, log_n: int) -> bytes:
    """The key that wraps the file key in an ``scrypt`` stanza (age spec: N = 2**log_n,
    r = 8, p = 1, salt = label || 16-byte salt)."""
    return Scrypt(SCRYPT_LABEL + salt, 32, 2**log_n, 8, 1).derive(passphrase)


def scrypt_stanza(file_key: bytes, passphrase: bytes, log_n: int) -> bytes:
    """The one ``-> scrypt`` stanza of a passphrase-encrypted file."""
    salt = os.urandom(16)
    body = ChaCha20Poly1305(scrypt_key(passphrase, salt, log_n)).encrypt(bytes(12), file_key,
                                                                         None)
    return b"-> scrypt " + b64(salt) + b" " + str(log_n).encode() + b"\n" + b64(body) + b"\n"


def _finish_header(file_key: bytes, stanzas: bytes) -> bytes:
    head = VERSION_LINE + b"\n" + stanzas + b"---"
    mac = hmac.new(hkdf(file_key, b"", b"header"), head, sha256).digest()
    return head + b" " + b64(mac) + b"\n"


def header(file_key: bytes, recipients: list[bytes]) -> bytes:
    if not recipients:
        raise RecipientError("no recipient")
    return _finish_header(file_key, b"".join(x25519_stanza(file_key, r) for r in recipients))


def encrypt_with_passphrase(plaintext: bytes, passphrase: bytes, *,
                            log_n: int = SCRYPT_LOG_N) -> bytes:
    """A small file encrypted to a passphrase (age's scrypt recipient), in memory: what
    ``age -p`` writes; ``age -d`` and pyrage ask for the passphrase to open it."""
    if not 1 <= log_n <= 30:
        raise ValueError("scrypt work factor out of range")
    file_key = os.urandom(16)
    nonce = os.urandom(16)
    out = io.BytesIO()
    sealed = SealedChunks(out, hkdf(file_key, nonce, b"payload"), chunk_size=CHUNK,
                          prefix=_finish_header(file_key, scrypt_stanza(file_key, passphrase,
                                                                        log_n)) + nonce,
                          aad=None, hash_plaintext=False)
    sealed.write(plaintext)
    sealed.finish()
    return out.getvalue()


class AgeWriter(SealedChunks):
    """Writable: what is written is encrypted to ``recipients`` (``age1...`` strings) and
    handed to ``sink`` as the header, then whole sealed chunks (64 KiB + 16).
    :meth:`finish` seals the last chunk; without it the output is not a valid age file
    (it reads as truncated)."""

    def __init__(self, sink: Sink, recipients: Iterable[str]) -> None:
        keys = [parse_recipient(r) for r in recipients]
        file_key = os.urandom(16)
        nonce = os.urandom(16)
        super().__init__(sink, hkdf(file_key, nonce, b"payload"), chunk_size=CHUNK,
                         prefix=header(file_key, keys) + nonce, aad=None,
                         hash_plaintext=False)
