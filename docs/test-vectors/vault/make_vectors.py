"""Write the vault's known-answer test vectors (media.json, keyslot.json) from the format
descriptions in docs/architecture.md, WITHOUT importing nam_desktop.

    python docs/test-vectors/vault/make_vectors.py   # rewrites the two JSON files here

Only `cryptography` (ChaCha20-Poly1305) and `argon2-cffi` (Argon2id) are used, so the
vectors are an independent reading of the documents: the test suite
(tests/unit/vault/test_format_vectors.py) checks the program's writer and reader against
them. Regenerating must give the same bytes (every input is fixed); a change in these
files is a change of the on-disk format.
"""

from __future__ import annotations

import base64
import hashlib
import json
import struct
import unicodedata
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

HERE = Path(__file__).resolve().parent

# ---- NAMMEDIA v1 -----------------------------------------------------------------------
KEY = bytes(range(32))
FILE_ID = bytes(range(0xA0, 0xB0))
OTHER_ID = bytes(range(0xB0, 0xC0))


def header(file_id: bytes, chunk_size: int, *, magic: bytes = b"NAMMEDIA", version: int = 1,
           reserved: bytes = b"\0\0\0") -> bytes:
    # "NAMMEDIA" | version=1 | 0 0 0 | chunk_size (u32 BE) | file id (16 bytes)
    return magic + bytes([version]) + reserved + struct.pack(">I", chunk_size) + file_id


def nonce(i: int, last: bool) -> bytes:
    # i as 11-byte big-endian counter | 0x01 on the last chunk, else 0x00
    return i.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def seal(plain: bytes, chunk_size: int, head: bytes) -> list[bytes]:
    pieces = [plain[i:i + chunk_size] for i in range(0, len(plain), chunk_size)] or [b""]
    aead = ChaCha20Poly1305(KEY)
    return [aead.encrypt(nonce(i, i == len(pieces) - 1), p, head)
            for i, p in enumerate(pieces)]


def media_file(plain: bytes, chunk_size: int, **kw: object) -> bytes:
    head = header(FILE_ID, chunk_size, **kw)  # type: ignore[arg-type]
    return head + b"".join(seal(plain, chunk_size, head))


def plaintext(n: int) -> bytes:
    text = "Сведчанне / testimony 0123456789 ".encode()
    return (text * (n // len(text) + 1))[:n]


def media_vectors() -> dict[str, object]:
    valid = []
    for name, size, chunk in (("three chunks, the last one short", 150, 64),
                              ("empty file: one empty last chunk", 0, 64),
                              ("a whole number of chunks: the last one full", 128, 64),
                              ("one chunk at the default size (1 MiB)", 40, 1 << 20)):
        plain = plaintext(size)
        valid.append({"name": name, "chunk_size": chunk, "plaintext": plain.hex(),
                      "sha256": hashlib.sha256(plain).hexdigest(),
                      "file": media_file(plain, chunk).hex()})
    plain = plaintext(150)
    good = media_file(plain, 64)
    head = header(FILE_ID, 64)
    chunks = seal(plain, 64, head)
    invalid = [
        ("wrong magic", media_file(plain, 64, magic=b"NAMMEDIX")),
        ("unknown version 2", media_file(plain, 64, version=2)),
        ("reserved byte not zero", media_file(plain, 64, reserved=b"\0\x07\0")),
        ("last chunk cut off at a chunk boundary", head + b"".join(chunks[:2])),
        ("chunks 0 and 1 swapped", head + chunks[1] + chunks[0] + chunks[2]),
        ("one bit flipped in chunk 1", good[:32 + 80 + 5] + bytes([good[32 + 80 + 5] ^ 1])
         + good[32 + 80 + 6:]),
        ("header of another file id", header(OTHER_ID, 64) + b"".join(chunks)),
        ("truncated inside the header", good[:20]),
    ]
    return {
        "format": "NAMMEDIA v1, docs/architecture.md section 'Media file format'",
        "key": KEY.hex(),
        "file_id": FILE_ID.hex(),
        "valid": valid,
        "invalid": [{"name": n, "file": f.hex()} for n, f in invalid],
    }


# ---- key slot v1 -------------------------------------------------------------------------
PASSPHRASE = "зялёная бульба 42"  # NFC; stored UTF-8 after NFC normalisation
PASSPHRASE_NFD = unicodedata.normalize("NFD", PASSPHRASE)
MASTER = bytes(range(0x40, 0x60))
SALT = bytes(range(0x10, 0x20))
WRAP_NONCE = bytes(range(0x70, 0x7C))
VAULT_ID = "5c1d3b8e-7f2a-4e6b-9c0d-1a2b3c4d5e6f"
PARAMS = {"memory_kib": 19 * 1024, "iterations": 2, "parallelism": 1}  # the floors


def canonical(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def keyslot_vector() -> dict[str, object]:
    kek = hash_secret_raw(secret=unicodedata.normalize("NFC", PASSPHRASE).encode(), salt=SALT,
                          time_cost=PARAMS["iterations"], memory_cost=PARAMS["memory_kib"],
                          parallelism=PARAMS["parallelism"], hash_len=32, type=Type.ID)
    body: dict[str, object] = {
        "format": "nam-keyslot", "version": 1, "vault_id": VAULT_ID,
        "kdf": {"name": "argon2id", **PARAMS, "salt": base64.b64encode(SALT).decode()},
    }
    ct = ChaCha20Poly1305(kek).encrypt(WRAP_NONCE, MASTER, canonical(body))
    body["wrap"] = {"aead": "chacha20poly1305",
                    "nonce": base64.b64encode(WRAP_NONCE).decode(),
                    "ciphertext": base64.b64encode(ct).decode()}
    body["checksum"] = hashlib.sha256(canonical(body)).hexdigest()
    return {
        "format": "nam-keyslot v1, docs/architecture.md section 'Key slot format'",
        "passphrase": PASSPHRASE,
        "passphrase_nfd": PASSPHRASE_NFD,
        "kek": kek.hex(),
        "master_key": MASTER.hex(),
        "file": json.dumps(body, indent=1, sort_keys=True) + "\n",
    }


def main() -> None:
    for name, data in (("media.json", media_vectors()), ("keyslot.json", keyslot_vector())):
        (HERE / name).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
        print(f"wrote {HERE / name}")


if __name__ == "__main__":
    main()
