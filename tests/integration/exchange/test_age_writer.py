"""Our age v1 writer, checked by two independent decrypters: the stock `age` CLI (Go) and
pyrage (Rust `age` crate)."""

from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest

from nam_desktop.core.crypto.age_writer import (
    CHUNK,
    AgeWriter,
    RecipientError,
    parse_recipient,
)

AGE = shutil.which("age")
needs_age = pytest.mark.skipif(AGE is None, reason="the stock `age` CLI is not installed")


def _identity(tmp_path: Path, name: str) -> tuple[pyrage.x25519.Identity, Path]:
    ident = pyrage.x25519.Identity.generate()
    path = tmp_path / name
    path.write_text(str(ident) + "\n")
    return ident, path


def _age_decrypt(blob: bytes, identity: Path) -> subprocess.CompletedProcess[bytes]:
    assert AGE is not None
    return subprocess.run([AGE, "-d", "-i", str(identity)], input=blob,
                          capture_output=True, check=False, timeout=60)


def _encrypt(data: bytes, recipients: list[str], pieces: list[int]) -> bytes:
    out = io.BytesIO()
    writer = AgeWriter(out, recipients)
    pos = 0
    for size in pieces:
        writer.write(data[pos:pos + size])
        pos += size
    writer.write(data[pos:])
    writer.finish()
    return out.getvalue()


SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 5, 16 * CHUNK + 3]


@needs_age
@pytest.mark.parametrize("size", SIZES)
def test_stock_age_and_pyrage_decrypt_what_we_write(tmp_path: Path, size: int) -> None:
    first, first_file = _identity(tmp_path, "first.txt")
    second, second_file = _identity(tmp_path, "second.txt")
    data = os.urandom(size)
    rng = random.Random(size)  # noqa: S311  # write sizes, not keys
    pieces = [rng.choice([1, 17, CHUNK - 1, CHUNK, CHUNK + 1, 200_000]) for _ in range(8)]
    blob = _encrypt(data, [str(first.to_public()), str(second.to_public())], pieces)
    for ident_file in (first_file, second_file):  # either recipient can open it
        done = _age_decrypt(blob, ident_file)
        assert done.returncode == 0, done.stderr
        assert done.stdout == data
    assert pyrage.decrypt(blob, [second]) == data
    chunks = max(1, -(-size // CHUNK))
    assert len(blob) - blob.index(b"\n---") > size + 16 * chunks + 16  # nonce + tags


@needs_age
def test_whole_chunks_given_as_bytes_are_held_not_copied_and_still_correct(
        tmp_path: Path) -> None:
    ident, ident_file = _identity(tmp_path, "id.txt")
    chunks = [os.urandom(CHUNK) for _ in range(3)]
    out = io.BytesIO()
    writer = AgeWriter(out, [str(ident.to_public())])
    for c in chunks:
        writer.write(c)
    writer.finish()
    done = _age_decrypt(out.getvalue(), ident_file)
    assert done.returncode == 0 and done.stdout == b"".join(chunks)


@needs_age
def test_without_finish_the_stock_age_refuses_it_as_truncated(tmp_path: Path) -> None:
    ident, ident_file = _identity(tmp_path, "id.txt")
    out = io.BytesIO()
    writer = AgeWriter(out, [str(ident.to_public())])
    writer.write(os.urandom(3 * CHUNK + 10))  # two chunks sealed, the rest held back
    done = _age_decrypt(out.getvalue(), ident_file)
    assert done.returncode == 1 and b"age: error: unexpected EOF" in done.stderr


@needs_age
def test_a_flipped_header_byte_fails_the_header_mac(tmp_path: Path) -> None:
    ident, ident_file = _identity(tmp_path, "id.txt")
    blob = bytearray(_encrypt(b"testimony", [str(ident.to_public())], []))
    at = blob.index(b"-> X25519 ") + 12
    blob[at] = ord("B") if blob[at] != ord("B") else ord("C")  # still base64, another share
    done = _age_decrypt(bytes(blob), ident_file)
    # The changed byte is in the X25519 share: the file key no longer unwraps.
    assert done.returncode == 1 and b"no identity matched any of the recipients" in done.stderr


def test_header_has_one_stanza_per_recipient_and_no_plaintext() -> None:
    recipients = [str(pyrage.x25519.Identity.generate().to_public()) for _ in range(3)]
    blob = _encrypt(b"secret words of the witness", recipients, [])
    head = blob[:blob.index(b"\n---") + 1]
    assert head.startswith(b"age-encryption.org/v1\n")
    assert head.count(b"-> X25519 ") == 3
    assert b"secret words" not in blob


def test_write_after_finish_is_refused() -> None:
    writer = AgeWriter(io.BytesIO(), [str(pyrage.x25519.Identity.generate().to_public())])
    writer.finish()
    with pytest.raises(ValueError, match="finished"):
        writer.write(b"more")


def test_parse_recipient_gives_the_key_pyrage_encrypts_to() -> None:
    rec = str(pyrage.x25519.Identity.generate().to_public())
    assert len(parse_recipient(rec)) == 32
    assert parse_recipient(" " + rec + "\n") == parse_recipient(rec)
    assert parse_recipient(rec.upper()) == parse_recipient(rec)  # Bech32: all upper is fine


@pytest.mark.parametrize("bad", [
    "",  # nothing
    "age1",  # too short
    "age1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQS3290GQ",  # mixed case
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHf7",  # not an age recipient
    "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqsbadb1t",  # 'b', 'i' invalid
])
def test_parse_recipient_refuses_what_is_not_an_x25519_recipient(bad: str) -> None:
    with pytest.raises(RecipientError):
        parse_recipient(bad)


def test_parse_recipient_detects_a_changed_character() -> None:
    rec = str(pyrage.x25519.Identity.generate().to_public())
    i = 10
    swapped = rec[:i] + ("q" if rec[i] != "q" else "p") + rec[i + 1:]
    with pytest.raises(RecipientError, match="checksum"):
        parse_recipient(swapped)


def test_no_recipient_is_refused() -> None:
    with pytest.raises(RecipientError):
        AgeWriter(io.BytesIO(), [])
