"""Our age v1 reader (HQ import), checked on files written by the stock `age` CLI (Go) and
pyrage (Rust), and on every way a file can be wrong."""

from __future__ import annotations

import contextlib
import hmac
import io
import os
import shutil
import subprocess
from hashlib import sha256

import pyrage
import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nam_desktop.core.crypto import age_writer
from nam_desktop.core.crypto.age_reader import (
    MAX_HEADER,
    AgeError,
    decrypt,
    parse_identity,
)
from nam_desktop.core.crypto.age_writer import CHUNK, AgeWriter, b64, hkdf, x25519_stanza
from nam_desktop.core.io_direct import BlockPump

AGE = shutil.which("age")
needs_age = pytest.mark.skipif(AGE is None, reason="the stock `age` CLI is not installed")
IDENTITY = pyrage.x25519.Identity.generate()
SECRET = parse_identity(str(IDENTITY))
RECIPIENT = str(IDENTITY.to_public())


class Source:
    """Hands out at most ``step`` bytes a read, like a slow stick."""

    def __init__(self, data: bytes, step: int = 1 << 20) -> None:
        self.data, self.pos, self.step = data, 0, step

    def read(self, n: int) -> bytes:
        piece = self.data[self.pos:self.pos + min(n, self.step)]
        self.pos += len(piece)
        return piece


def _open(blob: bytes, step: int = 1 << 20, secrets: list[bytes] | None = None) -> bytes:
    out = io.BytesIO()
    size = decrypt(Source(blob, step), out, secrets if secrets is not None else [SECRET])
    assert size == len(out.getvalue())
    return out.getvalue()


def _ours(data: bytes) -> bytes:
    out = io.BytesIO()
    writer = AgeWriter(out, [RECIPIENT])
    writer.write(data)
    writer.finish()
    return out.getvalue()


def _kind(blob: bytes) -> str:
    with pytest.raises(AgeError) as exc:
        _open(blob)
    return exc.value.kind


SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 5 * CHUNK + 7]


@needs_age
@pytest.mark.parametrize("size", SIZES)
def test_reads_what_the_stock_age_cli_writes(size: int) -> None:
    assert AGE is not None
    data = os.urandom(size)
    other = str(pyrage.x25519.Identity.generate().to_public())
    blob = subprocess.run([AGE, "-r", other, "-r", RECIPIENT], input=data,
                          capture_output=True, check=True).stdout
    for step in (7, 65_552, 1 << 20):  # reads of every size
        assert _open(blob, step, [os.urandom(32), SECRET]) == data


@pytest.mark.parametrize("size", SIZES)
def test_reads_what_pyrage_and_our_writer_write(size: int) -> None:
    data = os.urandom(size)
    assert _open(pyrage.encrypt(data, [IDENTITY.to_public()])) == data
    assert _open(_ours(data)) == data


def test_the_wrong_identity_opens_nothing() -> None:
    out = io.BytesIO()
    with pytest.raises(AgeError) as exc:
        decrypt(Source(_ours(b"words")), out, [os.urandom(32)])
    assert exc.value.kind == "no_identity" and out.getvalue() == b""


def test_not_an_age_file() -> None:
    assert _kind(b"%PDF-1.7\n" + os.urandom(500)) == "not_age"
    assert _kind(b"") == "not_age"


@pytest.mark.parametrize(("where", "kind"), [
    ("version", "not_age"),  # "age-encryption.org/v1" no longer reads as age
    ("stanza", "no_identity"),  # the X25519 share: the file key does not unwrap
    ("mac", "damaged"),  # the header MAC fails
    ("nonce", "damaged"),  # another payload key: the first chunk fails
    ("first", "damaged"),
    ("last", "damaged"),
])
def test_a_flipped_bit_anywhere_is_refused(where: str, kind: str) -> None:
    blob = bytearray(_ours(os.urandom(3 * CHUNK + 100)))
    end = blob.index(b"\n---") + 1
    head_end = blob.index(b"\n", end) + 1
    at = {"version": 3, "stanza": blob.index(b"-> X25519 ") + 15, "mac": head_end - 5,
          "nonce": head_end + 4, "first": head_end + 100, "last": len(blob) - 1}[where]
    if where in ("stanza", "mac"):  # base64 text: stay in the alphabet, change the bits
        blob[at] = ord("A") if blob[at] != ord("A") else ord("B")
    else:
        blob[at] ^= 0x04
    assert _kind(bytes(blob)) == kind


def test_flips_in_the_payload_say_damaged_and_plaintext_stops_there() -> None:
    data = os.urandom(4 * CHUNK)
    blob = bytearray(_ours(data))
    blob[len(blob) - CHUNK] ^= 0x01  # in the last chunk: the first three were handed out
    out = io.BytesIO()
    with pytest.raises(AgeError) as exc:
        decrypt(Source(bytes(blob)), out, [SECRET])
    assert exc.value.kind == "damaged"
    assert out.getvalue() == data[:3 * CHUNK]  # authenticated chunks only


def test_cut_at_a_chunk_boundary_is_truncated_mid_chunk_is_damaged() -> None:
    blob = _ours(os.urandom(3 * CHUNK + 10))
    assert _kind(blob[:-26]) == "truncated"  # the whole last chunk gone
    assert _kind(blob[:-5]) == "damaged"
    assert _kind(blob[:blob.index(b"\n---") + 10]) in {"truncated", "malformed"}
    assert _kind(blob + b"\x00") == "damaged"  # extended


def test_an_empty_last_chunk_after_full_ones_is_refused() -> None:
    data = os.urandom(CHUNK)
    blob = _ours(data)
    assert _open(blob) == data
    # Re-seal the first chunk as not-last and append an empty last chunk: the spec forbids
    # it (only an empty file ends with an empty chunk).
    file_key = os.urandom(16)
    nonce = os.urandom(16)
    aead = ChaCha20Poly1305(hkdf(file_key, nonce, b"payload"))
    head = age_writer.header(file_key, [age_writer.parse_recipient(RECIPIENT)])
    body = aead.encrypt(bytes(12), data, None) + aead.encrypt(
        (1).to_bytes(11, "big") + b"\x01", b"", None)
    assert _kind(head + nonce + body) == "truncated"


def _header_with(extra: bytes, file_key: bytes) -> bytes:
    head = (age_writer.VERSION_LINE + b"\n" + extra
            + x25519_stanza(file_key, age_writer.parse_recipient(RECIPIENT)) + b"---")
    mac = hmac.new(hkdf(file_key, b"", b"header"), head, sha256).digest()
    return head + b" " + b64(mac) + b"\n"


def _with_header(head_for: bytes, data: bytes, file_key: bytes) -> bytes:
    nonce = os.urandom(16)
    aead = ChaCha20Poly1305(hkdf(file_key, nonce, b"payload"))
    return head_for + nonce + aead.encrypt(b"\x00" * 11 + b"\x01", data, None)


def test_unknown_stanzas_are_skipped_like_age_does() -> None:
    key = os.urandom(16)
    grease = b"-> grease-x y\n" + b64(os.urandom(70))[:64] + b"\n" + b64(b"abc") + b"\n"
    assert _open(_with_header(_header_with(grease, key), b"hello", key)) == b"hello"


@pytest.mark.parametrize("extra", [
    b"-> X25519 short\n" + b64(os.urandom(32)) + b"\n",  # the share is not 32 bytes
    b"-> X25519 " + b64(bytes(32)) + b"\n" + b64(os.urandom(32)) + b"\n",  # low order
    b"->  X25519\n\n",  # an empty argument
    b"-> X25519 " + b64(os.urandom(32)) + b"=\n" + b64(os.urandom(32)) + b"\n",  # padding
    b"not a stanza\n",
])
def test_malformed_stanzas_are_refused(extra: bytes) -> None:
    key = os.urandom(16)
    assert _kind(_with_header(_header_with(extra, key), b"x", key)) == "malformed"


def test_an_endless_header_is_refused_without_reading_everything() -> None:
    many = age_writer.VERSION_LINE + b"\n" + b"-> a\n\n" * 100  # too many stanzas
    assert _kind(many) == "malformed"
    line = b64(os.urandom(48)) + b"\n"  # 64 columns: the body goes on
    source = Source(age_writer.VERSION_LINE + b"\n-> a\n" + line * (MAX_HEADER // 32))
    with pytest.raises(AgeError) as exc:
        decrypt(source, io.BytesIO(), [SECRET])
    assert exc.value.kind == "malformed" and "too long" in exc.value.detail


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.integers(min_value=0, max_value=400),
       st.integers(min_value=0, max_value=3))
def test_fuzz_only_typed_errors(garbage: bytes, at: int, mode: int) -> None:
    blob = _ours(b"testimony" * 50)
    if mode == 0:
        candidate = garbage
    elif mode == 1:
        candidate = blob[:at] + garbage + blob[at:]
    elif mode == 2:
        candidate = blob[:at] + garbage
    else:
        candidate = age_writer.VERSION_LINE + b"\n" + garbage
    with contextlib.suppress(AgeError):  # refused with a kind; anything else fails
        _open(candidate)


def test_into_a_block_pump_only_authenticated_chunks_are_passed_on() -> None:
    """The HQ import decrypts in place into the parser's pump blocks (decrypt_into)."""
    data = os.urandom(4 * CHUNK + 5)
    blob = bytearray(_ours(data))
    blob[len(blob) - 10] ^= 0x01  # the short last chunk (5 + 16 bytes) is altered
    seen = bytearray()
    with BlockPump(lambda view: seen.extend(view), block=3 * CHUNK, depth=2) as pump:
        with pytest.raises(AgeError) as exc:
            decrypt(Source(bytes(blob)), pump, [SECRET])
        pump.finish()
    assert exc.value.kind == "damaged"
    assert bytes(seen) == data[:4 * CHUNK]
    ok = bytearray()
    with BlockPump(lambda view: ok.extend(view), block=3 * CHUNK, depth=2) as pump:
        decrypt(Source(_ours(data)), pump, [SECRET])
        pump.finish()
    assert bytes(ok) == data
