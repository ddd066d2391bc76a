"""Key cards and receipts: signed over the canonical payload, so re-saved files verify;
versions; typed refusals. (Property-based fuzzing against the documented rules lives in
tests/fuzz/.)"""

from __future__ import annotations

import json
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.exchange import keycard, receipt, signed_doc
from nam_desktop.core.exchange.errors import ExchangeError, Reason

ROOT = DeviceIdentity(DeviceIdentity.generate_raw())
RECEIPT = DeviceIdentity(DeviceIdentity.generate_raw())
RECIPIENT = str(pyrage.x25519.Identity.generate().to_public())
V1 = Path(__file__).resolve().parents[3] / "docs" / "test-vectors" / "v1"


def payload(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "root_public_key": ROOT.public_key.hex(), "serial": 1,
        "issued_at": "2026-01-01T00:00:00Z", "hq_name": "Штаб", "recipients": [RECIPIENT],
        "receipt_public_key": RECEIPT.public_key.hex(), "accept_originals": True}
    base.update(changes)
    return base


def card(p: dict[str, object], signer: DeviceIdentity = ROOT, version: int = 2) -> bytes:
    return signed_doc.make(keycard.FORMAT, version, keycard.CONTEXT, p, signer.sign)


def test_valid_card_parses_and_is_signed_over_the_documented_message() -> None:
    data = card(payload())
    parsed = keycard.parse_keycard(data)
    assert parsed.root_fingerprint == ROOT.fingerprint and parsed.version == 2
    assert parsed.recipients == (RECIPIENT,) and parsed.accept_originals
    # Independent check: Ed25519 over context || JCS(payload), written out by hand.
    doc = json.loads(data)
    message = ('nam-desktop keycard v1\x00{"accept_originals":true,"hq_name":"Штаб",'
               '"issued_at":"2026-01-01T00:00:00Z",'
               f'"receipt_public_key":"{RECEIPT.public_key.hex()}",'
               f'"recipients":["{RECIPIENT}"],"root_public_key":"{ROOT.public_key.hex()}",'
               '"serial":1}').encode()
    Ed25519PublicKey.from_public_bytes(ROOT.public_key).verify(
        bytes.fromhex(doc["signature"]), message)


@pytest.mark.parametrize("respell", [
    lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8"),  # Cyrillic unescaped
    lambda d: json.dumps(d, ensure_ascii=True, indent=4).encode("ascii"),  # escaped, spaced
    lambda d: b"\xef\xbb\xbf" + json.dumps(d, ensure_ascii=False).encode(),  # Notepad's BOM
    lambda d: json.dumps(d, ensure_ascii=False).replace(", ", ",\r\n  ").encode(),  # CRLF
])
def test_a_card_saved_again_verifies_and_counts_as_the_same_card(respell: object) -> None:
    original = keycard.parse_keycard(card(payload()))
    again = keycard.parse_keycard(respell(json.loads(card(payload()))))  # type: ignore[operator]
    assert again.content_id == original.content_id and again.hq_name == "Штаб"


def test_version_1_card_from_the_previous_release_still_verifies() -> None:
    data = (V1 / "keycard-v1.json").read_bytes()
    facts = json.loads((V1 / "facts-v1.json").read_text())
    parsed = keycard.parse_keycard(data)
    assert parsed.version == 1 and parsed.root_fingerprint == facts["hq_root_fingerprint"]
    # ...also re-saved with the Cyrillic name unescaped (the crash of issue 13)
    resaved = json.dumps(json.loads(data), ensure_ascii=False, indent=2).encode("utf-8")
    assert b"\\u" not in resaved
    assert keycard.parse_keycard(resaved).content_id == parsed.content_id
    # A version 1 card is signed over the ASCII form: the UTF-8 form does not verify.
    doc = json.loads(data)
    with pytest.raises(ExchangeError) as exc:
        keycard.parse_keycard(json.dumps({**doc, "version": 2}).encode())
    assert exc.value.reason is Reason.KEYCARD_INVALID


@pytest.mark.parametrize("version", [4, 99])
def test_unknown_version_is_refused_as_such(version: int) -> None:
    with pytest.raises(ExchangeError) as exc:
        keycard.parse_keycard(card(payload(), version=version))
    assert exc.value.reason is Reason.UNSUPPORTED_VERSION
    assert f"version {version}" in exc.value.detail


@pytest.mark.parametrize("changes", [
    {"recipients": []}, {"recipients": ["not-a-recipient"]}, {"recipients": [5]},
    {"recipients": [RECIPIENT.upper()]}, {"recipients": [RECIPIENT, RECIPIENT]},
    {"serial": 0}, {"serial": True}, {"serial": "1"}, {"receipt_public_key": "00"},
    {"receipt_public_key": RECEIPT.public_key.hex().upper()},
    {"accept_originals": "yes"}, {"extra": 1}, {"issued_at": "2026-01-01"},
    {"issued_at": "2026-01-01T00:00:59.123+00:00"}, {"hq_name": "x" * 201},
    {"hq_name": "HQ\u202e"}, {"hq_name": "HQ\n"},
])
def test_bad_fields_are_refused_even_when_signed(changes: dict[str, object]) -> None:
    p = payload(**changes)
    p = {k: v for k, v in p.items()}
    with pytest.raises(ExchangeError) as exc:
        keycard.parse_keycard(card(p))
    assert exc.value.reason is Reason.KEYCARD_INVALID


def test_card_signed_by_another_key_is_refused() -> None:
    with pytest.raises(ExchangeError) as exc:
        keycard.parse_keycard(card(payload(), signer=RECEIPT))
    assert exc.value.reason is Reason.KEYCARD_INVALID and "signature" in exc.value.detail


@pytest.mark.parametrize("data", [
    b'{"format":"nam-desktop-keycard","version":2,"version":2}',
    b'{"format":"nam-desktop-keycard","version":2.0}', b"\xff\xfe{}", b"[]", b"",
    b" " * (256 * 1024 + 1),
])
def test_envelopes_that_are_not_strict_json_are_refused(data: bytes) -> None:
    with pytest.raises(ExchangeError) as exc:
        keycard.parse_keycard(data)
    assert exc.value.reason is Reason.KEYCARD_INVALID


def receipt_payload(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "device_fingerprint": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "issued_at": "2026-01-02T03:04:05Z",
        "hq_root": ROOT.fingerprint,
        "bundles": [{"bundle_id": "0b6f2c1e-5d6f-4a57-9a0e-0d7a4e1f2b3c", "seq": 1,
                     "digest": "ab" * 32}],
        "testimonies": [["5d0c2a9e-1111-4a57-9a0e-0d7a4e1f2b3c", 2]]}
    base.update(changes)
    return base


def decode(p: dict[str, object], signer: DeviceIdentity = RECEIPT) -> receipt.Receipt:
    """A version 1 receipt (still read; never enough to purge)."""
    data = signed_doc.make(receipt.FORMAT, receipt.LEGACY_VERSION, receipt.LEGACY_CONTEXT, p,
                           signer.sign)
    return receipt.decode_receipt(data, receipt_key=RECEIPT.public_key, hq_root=ROOT.fingerprint,
                                  device="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")


def test_valid_receipt_decodes() -> None:
    r = decode(receipt_payload())
    assert r.bundles == (("0b6f2c1e-5d6f-4a57-9a0e-0d7a4e1f2b3c", 1, "ab" * 32),)
    assert r.testimonies == (("5d0c2a9e-1111-4a57-9a0e-0d7a4e1f2b3c", 2),)


@pytest.mark.parametrize("changes", [
    {"device_fingerprint": "AAAA-BBBB-CCCC-DDDD-EEEE-GGGG"},
    {"hq_root": "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"},
    {"issued_at": "yesterday"}, {"bundles": [{"bundle_id": "b", "seq": 0, "digest": "ab" * 32}]},
    {"bundles": [{"bundle_id": "b", "seq": 1, "digest": "AB" * 32}]},
    {"bundles": [{"bundle_id": "b", "seq": 1, "digest": "ab" * 32, "x": 1}]},
    {"testimonies": [["ab12", 0]]}, {"testimonies": [["ab12", True]]},
    {"testimonies": [["t/../x", 1]]},
    {"extra": []},
])
def test_bad_receipts_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ExchangeError) as exc:
        decode(receipt_payload(**changes))
    assert exc.value.reason is Reason.RECEIPT_INVALID


def test_receipt_signed_by_the_root_instead_of_the_receipt_key_is_refused() -> None:
    with pytest.raises(ExchangeError) as exc:
        decode(receipt_payload(), signer=ROOT)
    assert exc.value.reason is Reason.RECEIPT_INVALID and "signature" in exc.value.detail


def receipt_v2(**changes: object) -> dict[str, object]:
    base = receipt_payload()
    del base["testimonies"]
    base["signer"] = {"key_id": RECEIPT.fingerprint, "card_serial": 3}
    base["entries"] = [
        {"id": "testimony/5d0c2a9e-1111-4a57-9a0e-0d7a4e1f2b3c/2", "kind": "testimony",
         "sha256": "cd" * 32},
        {"id": "media/5d0c2a9e-2222-4a57-9a0e-0d7a4e1f2b3c/cleaned", "kind": "media",
         "sha256": "ef" * 32}]
    base.update(changes)
    return base


def decode_v2(p: dict[str, object], signer: DeviceIdentity = RECEIPT) -> receipt.Receipt:
    data = signed_doc.make(receipt.FORMAT, 2, receipt.CONTEXT, p, signer.sign)
    return receipt.decode_receipt(data, receipt_key=RECEIPT.public_key, hq_root=ROOT.fingerprint,
                                  device="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")


def test_valid_v2_receipt_decodes_with_its_entries_and_signer() -> None:
    r = decode_v2(receipt_v2())
    assert (r.version, r.key_id, r.card_serial) == (2, RECEIPT.fingerprint, 3)
    assert r.testimonies == (("5d0c2a9e-1111-4a57-9a0e-0d7a4e1f2b3c", 2),)
    assert [(e.kind, e.sha256) for e in r.entries or ()] == [("testimony", "cd" * 32),
                                                              ("media", "ef" * 32)]


@pytest.mark.parametrize("changes", [
    {"signer": {"key_id": ROOT.fingerprint, "card_serial": 3}},
    {"signer": {"key_id": RECEIPT.fingerprint, "card_serial": -1}},
    {"signer": {"key_id": RECEIPT.fingerprint}},
    {"entries": [{"id": "media/x/cleaned", "kind": "media", "sha256": "ef" * 32}]},
    {"entries": [{"id": "media/5d0c2a9e/cleaned", "kind": "testimony", "sha256": "ef" * 32}]},
    {"entries": [{"id": "testimony/5d0c2a9e/0", "kind": "testimony", "sha256": "ef" * 32}]},
    {"entries": [{"id": "attachment/5d0c2a9e", "kind": "attachment", "sha256": "EF" * 32}]},
    {"testimonies": []},
])
def test_bad_v2_receipts_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ExchangeError) as exc:
        decode_v2(receipt_v2(**changes))
    assert exc.value.reason is Reason.RECEIPT_INVALID


def test_a_v2_receipt_names_the_key_that_signed_it() -> None:
    with pytest.raises(ExchangeError) as exc:
        decode_v2(receipt_v2(signer={"key_id": ROOT.fingerprint, "card_serial": 1}),
                  signer=ROOT)
    assert f"signed by receipt key {ROOT.fingerprint}" in exc.value.detail
