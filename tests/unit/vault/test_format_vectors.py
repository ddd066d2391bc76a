"""Known-answer vectors pin the on-disk formats of the vault: media files (NAMMEDIA v1)
and the key slot (nam-keyslot v1).

The vectors in docs/test-vectors/vault/ were written from docs/architecture.md by
make_vectors.py beside them, which does not import nam_desktop. These tests check the
program's writer and reader against those bytes, and re-check the vectors themselves
against the document with `cryptography` and `argon2` directly: a changed magic,
reserved byte, nonce layout, associated data or key-slot field fails here.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import struct
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from nam_desktop.core.crypto import keyslot
from nam_desktop.core.crypto.kdf import KdfParams
from nam_desktop.core.crypto.media_stream import MediaReader, encrypt_stream
from nam_desktop.core.errors import MediaDamagedError, WrongPassphraseError

VECTORS = Path(__file__).resolve().parents[3] / "docs" / "test-vectors" / "vault"
MEDIA: dict[str, Any] = json.loads((VECTORS / "media.json").read_text("utf-8"))
SLOT: dict[str, Any] = json.loads((VECTORS / "keyslot.json").read_text("utf-8"))
KEY = bytes.fromhex(MEDIA["key"])
FILE_ID = bytes.fromhex(MEDIA["file_id"])


def _ids(vectors: list[dict[str, Any]]) -> list[str]:
    return [v["name"] for v in vectors]


# ---- NAMMEDIA v1 -----------------------------------------------------------------------

@pytest.mark.parametrize("vector", MEDIA["valid"], ids=_ids(MEDIA["valid"]))
def test_the_writer_produces_the_vector(vector: dict[str, Any]) -> None:
    plain = bytes.fromhex(vector["plaintext"])
    out = io.BytesIO()
    size, digest = encrypt_stream(io.BytesIO(plain), out, KEY, FILE_ID,
                                  chunk_size=vector["chunk_size"])
    assert out.getvalue().hex() == vector["file"]
    assert (size, digest) == (len(plain), vector["sha256"])


@pytest.mark.parametrize("vector", MEDIA["valid"], ids=_ids(MEDIA["valid"]))
def test_the_reader_reads_the_vector(vector: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "x.nam"
    path.write_bytes(bytes.fromhex(vector["file"]))
    with MediaReader(path, KEY, FILE_ID) as reader:
        assert reader.read() == bytes.fromhex(vector["plaintext"])
        assert reader.verify_all() == vector["sha256"]


@pytest.mark.parametrize("vector", MEDIA["invalid"], ids=_ids(MEDIA["invalid"]))
def test_the_reader_refuses_every_invalid_vector(vector: dict[str, Any],
                                                 tmp_path: Path) -> None:
    path = tmp_path / "x.nam"
    path.write_bytes(bytes.fromhex(vector["file"]))
    with pytest.raises(MediaDamagedError), MediaReader(path, KEY, FILE_ID) as reader:
        reader.verify_all()


@pytest.mark.parametrize("vector", MEDIA["valid"], ids=_ids(MEDIA["valid"]))
def test_the_vectors_follow_the_document(vector: dict[str, Any]) -> None:
    """Decrypt each vector as docs/architecture.md describes it, with no program code."""
    raw = bytes.fromhex(vector["file"])
    header, body = raw[:32], raw[32:]
    chunk = vector["chunk_size"]
    assert header == b"NAMMEDIA" + b"\x01" + b"\x00\x00\x00" + struct.pack(">I", chunk) \
        + FILE_ID
    stride = chunk + 16
    sealed = [body[i:i + stride] for i in range(0, len(body), stride)]
    aead = ChaCha20Poly1305(KEY)
    plain = b"".join(
        aead.decrypt(i.to_bytes(11, "big") + (b"\x01" if i == len(sealed) - 1 else b"\x00"),
                     piece, header)
        for i, piece in enumerate(sealed))
    assert plain.hex() == vector["plaintext"]
    assert hashlib.sha256(plain).hexdigest() == vector["sha256"]


def test_the_invalid_vectors_cover_the_header_checks() -> None:
    names = set(_ids(MEDIA["invalid"]))
    assert {"wrong magic", "reserved byte not zero", "unknown version 2"} <= names
    by_name = {v["name"]: bytes.fromhex(v["file"]) for v in MEDIA["invalid"]}
    assert by_name["wrong magic"][:8] == b"NAMMEDIX"
    assert by_name["reserved byte not zero"][9:12] == b"\x00\x07\x00"


# ---- key slot v1 -----------------------------------------------------------------------

def _canonical(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def test_the_key_slot_vector_unwraps_with_its_passphrase(tmp_path: Path) -> None:
    data = SLOT["file"].encode("utf-8")
    master = bytes.fromhex(SLOT["master_key"])
    slot = keyslot.KeySlot.parse(data)
    assert slot.unwrap(SLOT["passphrase"]) == master
    assert slot.unwrap(SLOT["passphrase_nfd"]) == master  # NFC-normalised before Argon2id
    with pytest.raises(WrongPassphraseError):
        slot.unwrap(SLOT["passphrase"] + " ")
    (tmp_path / keyslot.PRIMARY_NAME).write_bytes(data)
    (tmp_path / keyslot.BACKUP_NAME).write_bytes(data)
    assert keyslot.load_and_unwrap(tmp_path, SLOT["passphrase"]) == (slot, master, [])


def test_the_writer_produces_the_key_slot_vector() -> None:
    body = json.loads(SLOT["file"])
    kdf = body["kdf"]
    slot = keyslot.KeySlot(
        body["vault_id"], KdfParams(kdf["memory_kib"], kdf["iterations"], kdf["parallelism"]),
        base64.b64decode(kdf["salt"]), base64.b64decode(body["wrap"]["nonce"]),
        base64.b64decode(body["wrap"]["ciphertext"]))
    assert slot.to_bytes().decode("utf-8") == SLOT["file"]
    assert slot.derive_kek(SLOT["passphrase"]).hex() == SLOT["kek"]


def test_the_key_slot_vector_follows_the_document() -> None:
    """Argon2id -> KEK -> ChaCha20-Poly1305 unwrap with the canonical header as associated
    data, and the checksum over every other field, computed with no program code."""
    body = json.loads(SLOT["file"])
    checksum = body.pop("checksum")
    assert checksum == hashlib.sha256(_canonical(body)).hexdigest()
    kdf = body["kdf"]
    assert (kdf["name"], kdf["memory_kib"], kdf["iterations"], kdf["parallelism"]) == (
        "argon2id", 19 * 1024, 2, 1)  # the floors: allowed, and fast enough for a test
    kek = hash_secret_raw(
        secret=unicodedata.normalize("NFC", SLOT["passphrase"]).encode("utf-8"),
        salt=base64.b64decode(kdf["salt"]), time_cost=kdf["iterations"],
        memory_cost=kdf["memory_kib"], parallelism=kdf["parallelism"], hash_len=32,
        type=Type.ID)
    assert kek.hex() == SLOT["kek"]
    aad = _canonical({k: body[k] for k in ("format", "version", "vault_id", "kdf")})
    master = ChaCha20Poly1305(kek).decrypt(base64.b64decode(body["wrap"]["nonce"]),
                                           base64.b64decode(body["wrap"]["ciphertext"]), aad)
    assert master.hex() == SLOT["master_key"]
