"""Streaming age v1 decryption with X25519 identities, on ``cryptography``'s primitives.

The counterpart of :mod:`.age_writer` for the HQ import (why not ``pyrage.decrypt_io``:
three times the CPU, 8 KiB steps holding the GIL). Strict, for hostile input:

* the header is at most ``MAX_HEADER`` bytes and ``MAX_STANZAS`` stanzas; lines are
  checked as the spec says (arguments of visible ASCII, canonical unpadded base64 in
  lines of 64 columns, the last one shorter);
* the file key is unwrapped from an ``X25519`` stanza with one of the identities (other
  stanza types are skipped, as age does), and the header MAC is checked before any
  plaintext is handed out;
* every 64 KiB chunk is authenticated before its plaintext is written to the sink; the
  chunk at the end of the input must carry the last-chunk flag, and no chunk may follow
  it. As with any streaming age decryption, the sink has seen the earlier chunks when
  a later one fails: write into something that is thrown away on error.

Errors are :class:`AgeError` with a ``kind``: ``not_age`` (no age header at all),
``malformed`` (a broken header), ``no_identity`` (none of the identities opens it),
``wrong_passphrase`` (a passphrase-encrypted file that the passphrase does not open),
``damaged`` (header MAC or a chunk fails authentication), ``truncated`` (ends before
the last chunk).

A file encrypted to a passphrase (age's ``scrypt`` stanza, the only stanza then) opens
with ``passphrase``; its work factor may be at most ``MAX_SCRYPT_LOG_N``.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import io
from collections.abc import Iterable
from hashlib import sha256
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from nam_desktop.core.crypto.age_writer import (
    CHUNK,
    VERSION_LINE,
    X25519_LABEL,
    RecipientError,
    bech32_key,
    hkdf,
    scrypt_key,
)
from nam_desktop.core.crypto.media_stream import _nonce  # the same STREAM nonce

MAX_HEADER = 64 * 1024
MAX_STANZAS = 64
MAX_SCRYPT_LOG_N = 20  # 1 GiB of memory; age -p writes 18
SEALED = CHUNK + 16
READ = 1024 * 1024


class AgeError(Exception):
    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


class Source(Protocol):
    def read(self, size: int, /) -> bytes: ...


class Sink(Protocol):
    def write(self, data: bytes, /) -> int | None: ...


def parse_identity(text: str) -> bytes:
    """The 32-byte X25519 secret of an ``AGE-SECRET-KEY-1...`` identity."""
    try:
        return bech32_key(text, "age-secret-key-", "identity")
    except RecipientError as exc:
        raise AgeError("no_identity", str(exc)) from exc


def _b64_decode(text: bytes, size: int | None = None) -> bytes:
    """Canonical unpadded standard base64 (what age writes), else ``malformed``."""
    try:
        data = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise AgeError("malformed", "bad base64 in the header") from exc
    if base64.b64encode(data).rstrip(b"=") != text or (size is not None and len(data) != size):
        raise AgeError("malformed", "non-canonical base64 or wrong length in the header")
    return data


def _visible(arg: bytes) -> bool:
    return bool(arg) and all(0x21 <= c <= 0x7E for c in arg)


def _split_header(buf: bytes) -> tuple[list[tuple[list[bytes], bytes]], bytes, bytes, int]:
    """(stanzas as (arguments, body), the bytes the MAC covers, the MAC, header length);
    raises ``malformed``/``not_age``, or returns a length of 0 when more bytes are needed."""
    first = buf.find(b"\n")
    if first < 0:
        if not VERSION_LINE.startswith(buf[:len(VERSION_LINE)]):
            raise AgeError("not_age", "no age header")
        return [], b"", b"", 0
    if buf[:first] != VERSION_LINE:
        raise AgeError("not_age", "no age header")
    pos = first + 1
    stanzas: list[tuple[list[bytes], bytes]] = []
    while True:
        end = buf.find(b"\n", pos)
        if end < 0:
            return [], b"", b"", 0
        line = buf[pos:end]
        if line.startswith(b"--- "):
            mac = _b64_decode(line[4:], 32)
            return stanzas, buf[:pos + 3], mac, end + 1
        if not line.startswith(b"-> "):
            raise AgeError("malformed", "expected a stanza or the header end")
        args = line[3:].split(b" ")
        if not all(_visible(a) for a in args) or len(stanzas) >= MAX_STANZAS:
            raise AgeError("malformed", "bad stanza")
        pos = end + 1
        body = []
        while True:  # body lines: 64 columns, the last one shorter (maybe empty)
            end = buf.find(b"\n", pos)
            if end < 0:
                return [], b"", b"", 0
            piece = buf[pos:end]
            if len(piece) > 64:
                raise AgeError("malformed", "stanza body line too long")
            body.append(piece)
            pos = end + 1
            if len(piece) < 64:
                break
        stanzas.append((args, _b64_decode(b"".join(body))))


def _unwrap_scrypt(stanzas: list[tuple[list[bytes], bytes]], passphrase: bytes) -> bytes:
    if len(stanzas) != 1:
        raise AgeError("malformed", "an scrypt stanza must be the only one")
    args, body = stanzas[0]
    if len(args) != 3 or len(body) != 32 or not args[2].isdigit() or args[2].startswith(b"0"):
        raise AgeError("malformed", "bad scrypt stanza")
    salt = _b64_decode(args[1], 16)
    log_n = int(args[2])
    if log_n > MAX_SCRYPT_LOG_N:
        raise AgeError("malformed", f"scrypt work factor {log_n} above {MAX_SCRYPT_LOG_N}")
    try:
        return ChaCha20Poly1305(scrypt_key(passphrase, salt, log_n)).decrypt(
            bytes(12), body, None)
    except InvalidTag:
        raise AgeError("wrong_passphrase", "the passphrase does not open it") from None


def _unwrap(stanzas: list[tuple[list[bytes], bytes]], secrets: list[bytes],
            passphrase: bytes | None = None) -> bytes:
    if any(args[0] == b"scrypt" for args, _ in stanzas):
        if passphrase is None:
            raise AgeError("no_identity", "encrypted with a passphrase")
        return _unwrap_scrypt(stanzas, passphrase)
    keys = [X25519PrivateKey.from_private_bytes(s) for s in secrets]
    publics = [k.public_key().public_bytes_raw() for k in keys]
    for args, body in stanzas:
        if args[0] != b"X25519":
            continue  # another recipient type (or grease): not ours
        if len(args) != 2 or len(body) != 32:
            raise AgeError("malformed", "bad X25519 stanza")
        share = _b64_decode(args[1], 32)
        for key, public in zip(keys, publics, strict=True):
            try:
                shared = key.exchange(X25519PublicKey.from_public_bytes(share))
            except ValueError:  # OpenSSL refuses a low-order point (all-zero secret)
                shared = bytes(32)
            if not any(shared):
                raise AgeError("malformed", "X25519 share is a low-order point")
            wrap = hkdf(shared, share + public, X25519_LABEL)
            try:
                return ChaCha20Poly1305(wrap).decrypt(bytes(12), body, None)
            except InvalidTag:
                continue
    raise AgeError("no_identity", "no identity matches a recipient of this file")


def decrypt(src: Source, sink: Sink, identities: Iterable[bytes], *,
            passphrase: bytes | None = None) -> int:
    """Decrypt the age file read from ``src`` into ``sink``; returns the plaintext size.
    ``identities``: 32-byte X25519 secrets (:func:`parse_identity`); ``passphrase`` opens
    a file encrypted to a passphrase (an ``scrypt`` stanza, which must be alone)."""
    secrets = list(identities)
    buf = b""
    while True:  # the header
        more = src.read(READ)
        buf += more
        stanzas, covered, mac, size = _split_header(buf[:MAX_HEADER])
        if size:
            break
        if not more:
            if not buf.startswith(VERSION_LINE + b"\n"):
                raise AgeError("not_age", "no age header")
            raise AgeError("truncated", "the header is cut short")
        if len(buf) >= MAX_HEADER:
            raise AgeError("malformed", "the header is too long")
    file_key = _unwrap(stanzas, secrets, passphrase)
    if not hmac.compare_digest(hmac.new(hkdf(file_key, b"", b"header"), covered,
                                        sha256).digest(), mac):
        raise AgeError("damaged", "the header MAC does not match")
    data = bytearray(buf[size:])
    while len(data) < 16:
        more = src.read(READ)
        if not more:
            raise AgeError("truncated", "no payload")
        data += more
    aead = ChaCha20Poly1305(hkdf(file_key, bytes(data[:16]), b"payload"))
    del data[:16]
    return _payload(src, sink, aead, data)


def _open_chunk(aead: ChaCha20Poly1305, nonce: bytes, sealed: memoryview, sink: Sink) -> int:
    """Authenticate and decrypt one chunk into ``sink``; returns the plaintext size. A
    block writer (io_direct.BlockPump) lends room in its block: decrypted in place, and
    passed on only once the tag checked out (a failed chunk's bytes stay uncommitted in
    the block, which the pump overwrites when it closes)."""
    n = len(sealed) - 16
    reserve = getattr(sink, "reserve", None)
    if reserve is not None and n and hasattr(aead, "decrypt_into"):
        room = reserve(n)
        if room is not None:
            with room:
                aead.decrypt_into(nonce, sealed, None, room)
            sink.commit(n)  # type: ignore[attr-defined]
            return n
    plain = aead.decrypt(nonce, sealed, None)
    if plain:
        sink.write(plain)
    return n


def _payload(src: Source, sink: Sink, aead: ChaCha20Poly1305, data: bytearray) -> int:
    index = 0
    total = 0
    eof = False
    while True:
        while not eof and len(data) <= SEALED:  # a whole chunk and one byte more, or EOF
            more = src.read(READ)
            if more:
                data += more
            else:
                eof = True
        last = eof and len(data) <= SEALED
        sealed = len(data) if last else SEALED
        if sealed < 16 or (last and sealed == 16 and index > 0):
            raise AgeError("truncated", "the payload ends before its last chunk")
        with memoryview(data) as view:
            try:
                size = _open_chunk(aead, _nonce(index, last), view[:sealed], sink)
            except InvalidTag:
                kind = "damaged"
                if last and sealed == SEALED:  # cut at a chunk boundary?
                    try:
                        aead.decrypt(_nonce(index, False), view[:sealed], None)
                        kind = "truncated"
                    except InvalidTag:
                        pass
                raise AgeError(kind, f"chunk {index} fails authentication") from None
        del data[:sealed]
        total += size
        index += 1
        if last:
            return total


def decrypt_small(data: bytes, *, passphrase: bytes) -> bytes:
    """Decrypt a small passphrase-encrypted file held in memory (an identity file)."""
    out = io.BytesIO()
    decrypt(io.BytesIO(data), out, (), passphrase=passphrase)
    return out.getvalue()
