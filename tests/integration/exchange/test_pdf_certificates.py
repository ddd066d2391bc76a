"""How HQ certifies an interviewer's PDF-signing key (issue 17), end to end: the device's
bundle (version 4) names its P-256 key inside the Ed25519-signed header; HQ's import
certifies it for a registered device; a key card made for that device (version 3)
carries the certificate and HQ's CA; importing the card installs them, and the next
summary is signed with HQ's certificate. Wrong cards are refused before anything changes;
older cards and bundles still read."""

from __future__ import annotations

import json
from pathlib import Path

import pyrage
import pytest

from nam_desktop.core.exchange import export, hq_ca, hq_identity, hq_import, keycard
from nam_desktop.core.exchange.bundle_format import parse_header
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.pades import certs, device_store
from nam_desktop.core.summary import make_summary, verify_summary

from .conftest import PASS, Station

VECTORS = Path(__file__).resolve().parents[3] / "docs" / "test-vectors"


def _export(station: Station, usb: Path) -> list[Path]:
    return export.export_bundle(station.iv, usb, export.ExportOptions()).paths


def _header_of(station: Station, paths: list[Path]) -> dict[str, object]:
    identities = hq_identity.load_hq(station.hq).age_identities()
    inner = pyrage.decrypt(b"".join(p.read_bytes() for p in paths), identities)
    length = int.from_bytes(inner[10:14], "big")
    assert inner[:10] == b"NAMBUNDL\x00\x04"
    return json.loads(inner[14:14 + length])


def test_the_whole_path_from_bundle_to_certified_summary(station: Station, usb: Path) -> None:
    iv, hq = station.iv, station.hq
    fingerprint = iv.device.fingerprint
    summary = make_summary(iv, station.ids[0])
    assert not summary.certified  # no certificate yet: self-signed
    paths = _export(station, usb)
    header = _header_of(station, paths)
    point = device_store.load(iv).key.point  # type: ignore[union-attr]
    assert header["device"]["pdf_public_key"] == point.hex()  # type: ignore[index]

    result = hq_import.import_bundle(hq, paths)
    assert result.certified
    cert_der = hq_ca.device_certificate(hq, fingerprint).certificate  # type: ignore[union-attr]
    cert = certs.load(cert_der)
    assert certs.subject_of(cert) == certs.Subject("Interviewer A", fingerprint)
    assert certs.public_point(cert) == point
    actions = [e.action for e in hq.audit.entries(fingerprint)]
    assert "hq.device_certified" in actions and "hq.device_pdf_key" in actions

    card = keycard.issue_keycard(hq, hq_name="HQ", device=fingerprint)
    parsed = keycard.parse_keycard(card)
    assert parsed.version == 3 and parsed.pdf_signing is not None
    assert parsed.pdf_signing.device_certificate == cert_der
    keycard.pin_keycard(iv, card)
    stored = device_store.load(iv)
    assert stored is not None and stored.certified and stored.certificate == cert_der
    assert next(e.action for e in iv.audit.entries()) == "device.pdf_certificate_installed"

    certified = make_summary(iv, station.ids[0])
    assert certified.certified
    ca = hq_ca.load_ca(hq)
    assert ca is not None
    result2 = verify_summary(certified.pdf, ca=ca.pem)
    assert result2.ok and result2.certified and result2.signer_name == "Interviewer A"


def test_registration_after_the_key_is_known_reissues_under_the_new_name(
        station: Station, usb: Path) -> None:
    hq_import.import_bundle(station.hq, _export(station, usb))
    fingerprint = station.iv.device.fingerprint
    before = hq_ca.device_certificate(station.hq, fingerprint).certificate  # type: ignore[union-attr]
    hq_identity.register_device(station.hq, fingerprint, "Ганна Н.")
    after = hq_ca.device_certificate(station.hq, fingerprint)
    assert after is not None and after.certificate != before
    assert certs.subject_of(certs.load(after.certificate)).common_name == "Ганна Н."  # type: ignore[arg-type]


def test_a_card_for_another_device_is_refused_and_nothing_changes(
        station: Station, usb: Path, tmp_path: Path) -> None:


    from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
    from nam_desktop.core.vault.vault import Vault

    hq_import.import_bundle(station.hq, _export(station, usb))
    card = keycard.issue_keycard(station.hq, device=station.iv.device.fingerprint)
    with Vault.create(tmp_path / "other", PASS, kdf=MINIMUM_PARAMS) as other:
        keycard.pin_keycard(other, keycard.issue_keycard(station.hq))  # serial 2
        head = other.audit.head()
        with pytest.raises(ExchangeError) as exc:
            keycard.pin_keycard(other, card)
        assert exc.value.reason is Reason.KEYCARD_INVALID
        assert "made for device" in exc.value.detail
        assert other.audit.head() == head
        stored = device_store.load(other)
        assert stored is not None and not stored.certified


def test_a_card_for_every_device_stays_version_2(station: Station) -> None:
    """Older apps still read it, and its QR code keeps its size (docs/bundle-format.md 6)."""
    card = keycard.parse_keycard(keycard.issue_keycard(station.hq))
    assert card.version == 2 and card.pdf_signing is None
    keycard.pin_keycard(station.iv, card.raw)
    stored = device_store.load(station.iv)
    assert stored is not None and stored.ca_certificate is None and not stored.certified


def test_a_card_for_a_device_hq_has_not_certified_yet_is_refused_at_hq(station: Station) -> None:
    from nam_desktop.core.errors import ValidationError

    with pytest.raises(ValidationError, match="next bundle"):
        keycard.issue_keycard(station.hq, device=station.iv.device.fingerprint)


def test_tampered_certificate_in_a_card_is_refused(station: Station, usb: Path) -> None:
    """The card is signed by HQ's root, so a swapped certificate breaks the signature; a
    certificate not issued by the card's CA is refused even when the card is re-signed."""
    hq_import.import_bundle(station.hq, _export(station, usb))
    card = json.loads(keycard.issue_keycard(station.hq, device=station.iv.device.fingerprint))
    other_ca = card["payload"]["pdf_signing"]["ca_certificate"]
    card["payload"]["pdf_signing"]["device"]["certificate"] = other_ca
    with pytest.raises(ExchangeError) as exc:
        keycard.parse_keycard(json.dumps(card).encode())
    assert exc.value.reason is Reason.KEYCARD_INVALID


def test_older_cards_and_bundles_still_read() -> None:
    assert keycard.parse_keycard((VECTORS / "keycard.json").read_bytes()).pdf_signing is None
    assert keycard.parse_keycard((VECTORS / "v1" / "keycard-v1.json").read_bytes()).version == 1


def test_a_bad_pdf_key_in_a_version_4_header_is_malformed() -> None:
    from nam_desktop.core.canonical import canonical_json
    from nam_desktop.core.crypto.device import DeviceIdentity, fingerprint_of

    device = DeviceIdentity(DeviceIdentity.generate_raw())
    header = {"format": "nam-desktop-bundle", "version": 4, "bundle_id": "b1",
              "created_at": "2026-01-01T00:00:00Z",
              "device": {"public_key": device.public_key.hex(),
                         "fingerprint": fingerprint_of(device.public_key),
                         "pdf_public_key": "04" + "00" * 64},  # not on the curve
              "vault_id": "v1", "seq": 1, "prev_digest": "0" * 64, "recipients": ["a" * 64],
              "hq_root": "", "audit": {"entries": 0, "head": "0" * 64}, "entries": [],
              "padding": 0}
    with pytest.raises(ExchangeError) as exc:
        parse_header(canonical_json(header), 4)
    assert exc.value.reason is Reason.MALFORMED and "P-256" in exc.value.detail
    header["device"]["pdf_public_key"] = device_store.PdfSigningKey.generate().point.hex()  # type: ignore[index,attr-defined]
    assert parse_header(canonical_json(header), 4).pdf_public_key is not None
    header["version"] = 2  # the field does not exist before version 4
    with pytest.raises(ExchangeError):
        parse_header(canonical_json(header), 2)
