"""Summary building blocks without a vault or Qt: canonical form, signatures, labels,
redaction helpers, thumbnails and rendering of hostile text."""

from __future__ import annotations

import io
import json
import re
import struct
import zlib
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from nam_desktop.core.canonical import canonical_json
from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.errors import MalformedFileError, UnsupportedFormatError, ValidationError
from nam_desktop.core.model.records import WitnessIdentity
from nam_desktop.core.summary import Problem, SummaryOptions, verify_pdf
from nam_desktop.core.summary.canonical import (
    content_hash,
    qr_payload,
    verification_code,
)
from nam_desktop.core.summary.content import (
    clean_text,
    date_at_precision,
    identity_needles,
)
from nam_desktop.core.summary.labels import LANGUAGES, keys, label
from nam_desktop.core.summary.render import QRCodeFlowable, render_pdf
from nam_desktop.core.summary.thumbnails import thumbnail_jpeg

from .legacy_signature import make_signature

DEVICE = DeviceIdentity(DeviceIdentity.generate_raw())
PDF = b"%PDF-1.4\n% a stand-in for a summary\n%%EOF\n"


def content(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "format": "nam-summary-content", "version": 1, "record_id": "r-1", "revision": 2,
        "status": "final", "redaction": "pseudonymised", "lang": "be",
        "created_at": "2026-11-27T10:00:00Z", "device_fingerprint": DEVICE.fingerprint,
        "audit_head": "ab" * 32,
        "interview": {"date": "2024-03-02", "mode": "remote", "languages": ["be"],
                      "place": "", "interpreter": "", "others_present": ""},
        "consent": {"hq_documentation": True, "anonymous_publication": False,
                    "legal_proceedings": False, "audio_recording": False,
                    "anonymity_requested": True, "may_recontact": False,
                    "given_date": "2024-03-02", "method": "oral", "withdrawn_at": ""},
        "witness": {"pseudonym": "W-1", "gender": "", "age_group": "", "role": "victim"},
        "acts": [], "attachments": [], "title": "T", "narrative": "N", "warnings": [],
    }
    base.update(over)
    return base


def test_canonical_form_ignores_key_order_and_keeps_cyrillic() -> None:
    a = {"b": 1, "a": ["ў", {"y": True, "x": None}]}
    b = {"a": ["ў", {"x": None, "y": True}], "b": 1}
    assert canonical_json(a) == canonical_json(b) == \
        '{"a":["ў",{"x":null,"y":true}],"b":1}'.encode()
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash({**a, "b": 2})


def test_verification_code_and_qr_payload() -> None:
    digest = content_hash(content())
    code = verification_code(digest)
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", code)
    assert qr_payload(digest) == "NAM-SUMMARY:SHA256:" + digest.upper()
    qr = QRCodeFlowable(qr_payload(digest), 100)
    assert len(qr.matrix) == len(qr.matrix[0]) >= 21


def sign(c: dict[str, Any] | None = None, pdf: bytes = PDF) -> bytes:
    c = c or content()
    return make_signature(DEVICE, c, content_hash(c), pdf)


def test_signature_verifies_and_reports_what_it_signed() -> None:
    c = content()
    result = verify_pdf(PDF, sign(c), expected_fingerprint=DEVICE.fingerprint.lower())
    assert result.ok and result.problems == []
    assert result.fingerprint == DEVICE.fingerprint
    assert result.content_sha256 == content_hash(c)
    assert result.verification_code == verification_code(content_hash(c))
    assert (result.record_id, result.revision, result.redaction) == ("r-1", 2, "pseudonymised")


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=len(PDF) - 1), st.integers(min_value=1, max_value=255))
def test_any_changed_byte_fails(offset: int, flip: int) -> None:
    changed = bytearray(PDF)
    changed[offset] ^= flip
    result = verify_pdf(bytes(changed), sign())
    assert not result.ok and result.problems == [Problem.PDF_CHANGED]


def test_tampered_signature_fields_fail() -> None:
    doc = json.loads(sign())
    doc["signed"]["redaction"] = "public"
    assert verify_pdf(PDF, json.dumps(doc).encode()).problems == [Problem.BAD_SIGNATURE]
    doc = json.loads(sign())
    doc["device_fingerprint"] = "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"
    assert verify_pdf(PDF, json.dumps(doc).encode()).problems == [Problem.FINGERPRINT_MISMATCH]
    other = DeviceIdentity(DeviceIdentity.generate_raw())
    assert verify_pdf(PDF, sign(), expected_fingerprint=other.fingerprint).problems == \
        [Problem.UNEXPECTED_DEVICE]


@pytest.mark.parametrize("mutate", [
    lambda d: b"not json",
    lambda d: b"\xff\xfe",
    lambda d: json.dumps({**d, "format": "other"}).encode(),
    lambda d: json.dumps({**d, "version": 1}).encode(),  # v2 content labelled v1
    lambda d: json.dumps({**d, "extra": 1}).encode(),
    lambda d: json.dumps({**d, "signature": d["signature"].upper()}).encode(),
    lambda d: json.dumps({**d, "signature": "!!!"}).encode(),
    lambda d: json.dumps({**d, "signature": "AAAA"}).encode(),
    lambda d: json.dumps({**d, "signed": {**d["signed"], "extra": 1}}).encode(),
    lambda d: json.dumps({**d, "signed": {**d["signed"], "pdf_sha256": "zz"}}).encode(),
    lambda d: b" " * (64 * 1024 + 1),
])
def test_malformed_signature_files_are_refused(mutate: Any) -> None:
    doc = json.loads(sign())
    with pytest.raises(MalformedFileError):
        verify_pdf(PDF, mutate(doc))


def test_dates_are_shown_at_their_precision() -> None:
    assert date_at_precision("2020-08-10", "", "exact") == "2020-08-10"
    assert date_at_precision("2020-08-10", "", "month") == "2020-08"
    assert date_at_precision("2020-08-10", "", "year") == "2020"
    assert date_at_precision("2020-08-10", "2020-08-20", "range") == "2020-08-10 – 2020-08-20"
    assert date_at_precision("2020-08-10", "", "unknown") == ""


def test_clean_text_drops_controls_and_bidi_overrides() -> None:
    assert clean_text("a\u202eb\x00c\r\nd\te\u2066") == "abc\nd\te"


def test_identity_needles() -> None:
    needles = identity_needles(WitnessIdentity(name="Алена Li Варабей", birth_date="1988",
                                               contact="a@b.by; +375", documents=""))
    assert {"алена li варабей", "алена", "варабей", "a@b.by", "+375", "1988"} <= set(needles)
    assert "li" not in needles


def test_options_refuse_unknown_values() -> None:
    with pytest.raises(ValidationError):
        SummaryOptions.make("secret")
    with pytest.raises(ValidationError):
        SummaryOptions.make("public", "de")


def test_every_label_has_three_languages_with_the_same_placeholders() -> None:
    for key in keys():
        texts = [label(key, lang) for lang in LANGUAGES]
        assert all(t.strip() for t in texts), key
        holes = {tuple(sorted(re.findall(r"\{(\w+)\}", t))) for t in texts}
        assert len(holes) == 1, key
    assert label("page_of", "be", page=2, pages=9) == "Старонка 2 з 9"
    assert label("no-such-key", "en") == "no-such-key"


def jpeg_bytes(size: tuple[int, int] = (1200, 800)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, "JPEG")
    return out.getvalue()


def png_bomb() -> bytes:
    """A valid PNG header claiming 100000 x 100000 pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0"))


def test_thumbnails_decode_safely() -> None:
    thumb = thumbnail_jpeg(io.BytesIO(jpeg_bytes()))  # type: ignore[arg-type]
    assert thumb is not None and max(thumb[1:]) == 480
    assert Image.open(io.BytesIO(thumb[0])).format == "JPEG"
    for bad in (b"", b"garbage", jpeg_bytes()[:200], png_bomb()):
        assert thumbnail_jpeg(io.BytesIO(bad)) is None  # type: ignore[arg-type]


def test_hostile_text_renders_as_text() -> None:
    narrative = ("<b>not markup</b> & <para> \x07\u202e " + "x" * 5000 + "\n\n"
                 + "Слова " * 3000)
    c = content(narrative=narrative, title="<font size=40>T</font>",
                warnings=[{"code": "identity_in_free_text", "fields": ["narrative"]}])
    pdf = render_pdf(c, content_hash(c), "letter")
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) >= 3
        assert [float(x) for x in doc.pages[0].mediabox] == [0, 0, 612, 792]
    with pytest.raises(ValidationError):
        render_pdf(c, content_hash(c), "a3")


def test_unknown_signature_version_is_refused_as_unsupported() -> None:
    doc = json.loads(sign())
    with pytest.raises(UnsupportedFormatError) as exc:
        verify_pdf(PDF, json.dumps({**doc, "version": 3}).encode())
    assert "version 3" in exc.value.detail


def test_version_2_uses_hex_and_verifies_with_cryptography_alone() -> None:
    """docs/summary-signature.md, written out without project code."""
    import hashlib

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    doc = json.loads(sign())
    signed = doc["signed"]
    assert doc["version"] == signed["version"] == 2
    message = b"nam-desktop summary signature v1\x00" + json.dumps(
        signed, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    Ed25519PublicKey.from_public_bytes(bytes.fromhex(signed["device_public_key"])).verify(
        bytes.fromhex(doc["signature"]), message)
    assert hashlib.sha256(PDF).hexdigest() == signed["pdf_sha256"]


def test_version_1_signature_from_the_previous_release_still_verifies() -> None:
    v1 = Path(__file__).resolve().parents[3] / "docs" / "test-vectors" / "v1"
    facts = json.loads((v1 / "facts-summary-v1.json").read_text())
    pdf = (v1 / "summary-v1.pdf").read_bytes()
    result = verify_pdf(pdf, (v1 / "summary-v1.pdf.sig").read_bytes(),
                        expected_fingerprint=facts["device_fingerprint"])
    assert result.ok and result.verification_code == facts["verification_code"]
    assert not verify_pdf(pdf[:-1], (v1 / "summary-v1.pdf.sig").read_bytes()).ok
