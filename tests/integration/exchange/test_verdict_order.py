"""The verdict is the first failure in reading order (docs/bundle-format.md, section 4):
an age chunk that fails is the verdict only when nothing it authenticated before failed
first. Checked against the project's verify and the reference verifier written from the
docs, on bundles damaged both inside and outside the age layer."""

from __future__ import annotations

import importlib.util
import io
import shutil
from pathlib import Path
from types import ModuleType

import pyrage
import pytest

from nam_desktop.core.crypto.age_writer import AgeWriter
from nam_desktop.core.exchange.bundle_format import recipient_fingerprint
from nam_desktop.core.exchange.bundle_verify import VerifyRejectedError, verify_bundle

from ... import bundle_kit as kit

ROOT = Path(__file__).resolve().parents[3]
IDENTITY = pyrage.x25519.Identity.generate()
RECIPIENT = str(IDENTITY.to_public())
PAYLOAD_START = 70 + 98 + 16  # age header with one X25519 stanza, then the nonce
CHUNK = 65536 + 16


def reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "reference_verifier", ROOT / "docs" / "test-vectors" / "reference_verifier.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bundle(**over: object) -> kit.Bundle:
    big = bytes(range(256)) * 1600  # ~400 KiB: the cleaned "photo" spans several chunks
    entries = kit.entries(original=False)
    entries[1] = kit.Entry(entries[1].id, "attachment",
                           kit.canonical(kit.attachment_body(cleaned=big)))
    entries[2] = kit.Entry(entries[2].id, "media", big)
    return kit.Bundle(entries=entries, recipients=(recipient_fingerprint(RECIPIENT),),
                      **over)  # type: ignore[arg-type]


def sealed(inner: bytes, flip_chunk: int | None) -> bytes:
    out = io.BytesIO()
    writer = AgeWriter(out, [RECIPIENT])  # no grease stanzas (pyrage adds some): known offsets
    writer.write(inner)
    writer.finish()
    data = bytearray(out.getvalue())
    if flip_chunk is not None:
        data[PAYLOAD_START + flip_chunk * CHUNK + 10] ^= 1
    return bytes(data)


def _malformed_header() -> kit.Bundle:
    return bundle(header_over={"created_at": "2026-01-01T00:00:00.5Z"})


def _early_hash_mismatch() -> kit.Bundle:
    b = bundle()
    b.entries[0].sha256 = kit.hashlib.sha256(b.entries[0].body).hexdigest()
    b.entries[0].body = b.entries[0].body.replace(b"W-1", b"W-2")
    return b


@pytest.mark.parametrize(("make", "chunk", "reason"), [
    (_malformed_header, 4, "malformed"),  # the header fails before chunk 4 is reached
    (_malformed_header, 0, "damaged"),  # the header's own chunk fails first
    (_early_hash_mismatch, 5, "hash_mismatch"),
    (bundle, 3, "damaged"),  # inside the media body: its hash is not complete yet
    (bundle, None, None),
])
def test_first_failure_in_reading_order(tmp_path: Path, make: object, chunk: int | None,
                                        reason: str | None) -> None:
    b = make()  # type: ignore[operator]
    path = tmp_path / "b.age"
    path.write_bytes(sealed(b.inner(), chunk))
    expected = kit.fingerprint(kit.public_bytes(b.key))
    try:
        report = verify_bundle([path], [str(IDENTITY)])
        ours = None
        assert report.digest == b.digest()
    except VerifyRejectedError as exc:
        ours = exc.reason.value
    assert ours == reason
    if shutil.which("age") is None:
        pytest.skip("the stock age CLI is the reference verifier's age layer")
    ident = tmp_path / "id.txt"
    ident.write_text(str(IDENTITY) + "\n")
    theirs = reference().verify([str(path)], str(ident), expected)
    assert theirs["reason"] == reason
