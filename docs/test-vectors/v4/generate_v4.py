"""Make the test vectors of bundle format version 4 and key card version 3 (ran ONCE;
the files are frozen: tests/integration/test_test_vectors.py checks their SHA-256. Do
not run it again: ECDSA signatures are random, so the certificates would change).

    python docs/test-vectors/v4/generate_v4.py docs/test-vectors/v4

Written from docs/bundle-format.md (3.1, 3.5, 6, 6.2, 8), docs/conventions.md and
docs/summary-signature.md (the certificate profile) with Python's standard library,
`cryptography` and the stock `age` CLI only: it imports nothing from NAM Desktop. The
keys are those of ../v2-chain/ (same device, HQ root, receipt key and HQ age identity,
derived from the same labels by the helpers of ../v2-chain/generate_v2_chain.py), plus
two derived here: the device's P-256 PDF-signing key and HQ's P-256 CA key (their
private halves are in facts-v4.json: test keys with no other use).

The story: after bundle 4 of ../v2-chain/, the device updates NAM Desktop and exports
bundle 5 in format version 4, naming its PDF-signing key (`bundle-v4.age`); HQ imports
it, certifies the key and writes a key card for that device (version 3, serial 4) with
its certificate and HQ's CA certificate (`keycard-v3.json`). The other files each change
one thing and must get the verdict of expected-v4.json.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import importlib.util
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from cryptography.x509.oid import NameOID

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location(
    "generate_v2_chain", HERE.parent / "v2-chain" / "generate_v2_chain.py")
base: Any = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(base)  # type: ignore[union-attr]

CREATED = "2026-12-15T10:00:00Z"
CARD_ISSUED = "2026-12-16T09:00:00Z"
CARD_SERIAL = 4
SEQ = 5
UTC = datetime.UTC
CA_FROM, CA_UNTIL = datetime.datetime(2026, 12, 1, tzinfo=UTC), \
    datetime.datetime(2046, 12, 1, tzinfo=UTC)
DEV_FROM, DEV_UNTIL = datetime.datetime(2026, 12, 16, tzinfo=UTC), \
    datetime.datetime(2029, 12, 16, tzinfo=UTC)
# When the key cards are judged: certificates must be in force when a card is read
# (6.2), so a verdict names its time. Before DEV_UNTIL the device's card is valid; after
# it, its device certificate has expired.
READ_AT = "2027-01-15T12:00:00Z"
READ_LATE = "2030-01-15T12:00:00Z"

# What every verifier must answer, written by hand from the spec. Bundles: open with
# ../v2-chain/hq-identity-v2-chain.txt; "signer" "device" means `--device-key` with
# facts.device_fingerprint. Key cards: read at "at" (`reference_verifier.py keycard
# CARD --at AT`; NAM Desktop's reader with its clock at AT).
EXPECTED: dict[str, list[dict[str, Any]]] = {
    "bundles": [
        {"file": "bundle-v4.age", "signer": "device", "verdict": "ok", "reason": None,
         "exit": 0},
        {"file": "bundle-v4.age", "signer": None, "verdict": "signer_not_known",
         "reason": None, "exit": 9},
        {"file": "v4-without-pdf-key.age", "signer": "device", "verdict": "ok",
         "reason": None, "exit": 0},
        {"file": "v4-with-unfinished.age", "signer": "device", "verdict": "ok",
         "reason": None, "exit": 0},
        {"file": "pdf-key-off-curve.age", "signer": "device", "verdict": "rejected",
         "reason": "malformed", "exit": 1},
        {"file": "pdf-key-in-v2.age", "signer": "device", "verdict": "rejected",
         "reason": "malformed", "exit": 1},
        {"file": "seq1-prev-digest-not-zero.age", "signer": "device", "verdict": "rejected",
         "reason": "malformed", "exit": 1},
        {"file": "no-cleaned-copy-with-size.age", "signer": "device", "verdict": "rejected",
         "reason": "malformed", "exit": 1},
    ],
    "keycards": [
        {"file": "keycard-v3.json", "at": READ_AT, "verdict": "valid", "reason": None},
        {"file": "keycard-v3.json", "at": READ_LATE, "verdict": "rejected",
         "reason": "keycard_invalid"},
        {"file": "keycard-v3-ca-only.json", "at": READ_AT, "verdict": "valid",
         "reason": None},
        {"file": "keycard-v3-ca-only.json", "at": READ_LATE, "verdict": "valid",
         "reason": None},
        {"file": "keycard-v3-without-section.json", "at": READ_AT, "verdict": "valid",
         "reason": None},
        {"file": "keycard-v3-other-device.json", "at": READ_AT, "verdict": "rejected",
         "reason": "keycard_invalid"},
        {"file": "keycard-v2-with-section.json", "at": READ_AT, "verdict": "rejected",
         "reason": "keycard_invalid"},
    ],
}


def p256(label: str) -> ec.EllipticCurvePrivateKey:
    n = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
    return ec.derive_private_key(int.from_bytes(base.seed(label), "big") % (n - 1) + 1,
                                 ec.SECP256R1())


def point(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)


def certificates(ca_key: ec.EllipticCurvePrivateKey, pdf_key: ec.EllipticCurvePrivateKey,
                 root_fp: str, device_fp: str) -> tuple[bytes, bytes]:
    """summary-signature.md, "Who signed": HQ's CA and a device's certificate (DER)."""
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "NAM Desktop HQ CA"),
                         x509.NameAttribute(NameOID.SERIAL_NUMBER, root_fp)])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(0x4E414D0001)
          .not_valid_before(CA_FROM).not_valid_after(CA_UNTIL)
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                       key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False,
                                       decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    dev_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "INT-07"),
                          x509.NameAttribute(NameOID.SERIAL_NUMBER, device_fp)])
    dev = (x509.CertificateBuilder().subject_name(dev_name).issuer_name(ca_name)
           .public_key(pdf_key.public_key()).serial_number(0x4E414D0002)
           .not_valid_before(DEV_FROM).not_valid_after(DEV_UNTIL)
           .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
           .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                        key_encipherment=False, data_encipherment=False,
                                        key_agreement=False, key_cert_sign=False,
                                        crl_sign=False, encipher_only=False,
                                        decipher_only=False), critical=True)
           .sign(ca_key, hashes.SHA256()))
    return ca.public_bytes(Encoding.DER), dev.public_bytes(Encoding.DER)


def main(out: Path) -> None:
    chain = json.loads((HERE.parent / "v2-chain" / "facts-v2-chain.json").read_text("utf-8"))
    device, device_pub = base.ed25519("device")
    root, root_pub = base.ed25519("hq root")
    _, receipt_pub = base.ed25519("hq receipt")
    _, stranger_pub = base.ed25519("stranger")
    _, recipient = base.age_keys("hq age")
    if (base.fingerprint(device_pub), recipient) != (chain["device_fingerprint"],
                                                     chain["hq_recipient"]):
        raise SystemExit("the keys differ from ../v2-chain/")
    pdf_key, ca_key = p256("device pdf key"), p256("hq ca")
    pdf_point = point(pdf_key)

    # ---- bundle 5, format version 4 (sections 3, 3.1, 3.7) --------------------------------
    parent_entries, bodies = base.parent_bundle()
    entries = [e for e in parent_entries if not e["id"].endswith("/original")]
    header: dict[str, Any] = {
        "format": "nam-desktop-bundle", "version": 4, "bundle_id": base.fixed_uuid("bundle 5"),
        "created_at": CREATED,
        "device": {"public_key": device_pub.hex(), "fingerprint": base.fingerprint(device_pub),
                   "pdf_public_key": pdf_point.hex()},
        "vault_id": base.fixed_uuid("vault"), "seq": SEQ,
        "prev_digest": chain["bundle_digest"],  # bundle 4 of ../v2-chain/
        "recipients": [hashlib.sha256(recipient.encode("ascii")).hexdigest()],
        "hq_root": base.fingerprint(root_pub),
        "audit": {"entries": 31, "head": hashlib.sha256(b"vector audit head 5").hexdigest()},
        "entries": entries, "padding": 0,
    }
    bucket = 1 << 20
    plaintext = next(p for p in range(bucket) if base.age_size(p) == bucket)
    while len(base.inner_stream(header, bodies, device)) != plaintext:
        header["padding"] += plaintext - len(base.inner_stream(header, bodies, device))
    good = base.age_encrypt(base.inner_stream(header, bodies, device), recipient)
    if len(good) != bucket:
        raise SystemExit(f"bundle-v4.age is {len(good)} bytes, not {bucket}")
    (out / "bundle-v4.age").write_bytes(good)

    def variant(name: str, change: Any, b: dict[str, bytes] | None = None) -> None:
        h = json.loads(json.dumps(header))
        h["padding"] = 0  # readers do not check the bucket: the other files stay small
        change(h)
        (out / name).write_bytes(base.age_encrypt(
            base.inner_stream(h, bodies if b is None else b, device), recipient))

    def off_curve(h: dict[str, Any]) -> None:
        y = int.from_bytes(pdf_point[33:], "big") + 1  # the same X, another Y: no point
        h["device"]["pdf_public_key"] = (pdf_point[:33] + y.to_bytes(32, "big")).hex()

    def as_v2(h: dict[str, Any]) -> None:
        h["version"] = 2

    def first(h: dict[str, Any]) -> None:
        h["seq"] = 1  # prev_digest stays bundle 4's: the first bundle follows nothing

    def unfinished(h: dict[str, Any]) -> None:
        h["audit"]["unfinished"] = [{"seq": 3, "bundle_id": base.fixed_uuid("attempt 3"),
                                     "digest": hashlib.sha256(b"attempt 3 header").hexdigest(),
                                     "state": "cancelled"}]

    variant("v4-without-pdf-key.age", lambda h: h["device"].pop("pdf_public_key"))
    variant("v4-with-unfinished.age", unfinished)
    variant("pdf-key-off-curve.age", off_curve)
    variant("pdf-key-in-v2.age", as_v2)
    variant("seq1-prev-digest-not-zero.age", first)

    # No cleaned copy is "" and 0 (3.5): "" with the old size, and no media entry.
    aid_entry = next(e for e in entries if e["kind"] == "attachment")
    record = json.loads(bodies[aid_entry["id"]])
    record["sha256_cleaned"] = ""
    changed = dict(bodies)
    changed[aid_entry["id"]] = base.canonical(record)
    no_media = [e if e["kind"] != "attachment" else
                {**e, "size": len(changed[e["id"]]),
                 "sha256": hashlib.sha256(changed[e["id"]]).hexdigest()}
                for e in entries if e["kind"] != "media"]
    variant("no-cleaned-copy-with-size.age", lambda h: h.update(entries=no_media), changed)

    # ---- key cards (sections 5, 6, 6.2) ---------------------------------------------------
    ca_der, dev_der = certificates(ca_key, pdf_key, base.fingerprint(root_pub),
                                   base.fingerprint(device_pub))
    b64 = base64.b64encode
    card = {"root_public_key": root_pub.hex(), "serial": CARD_SERIAL, "issued_at": CARD_ISSUED,
            "hq_name": "Штаб НАМ (тэставы ключ v4)", "recipients": [recipient],
            "receipt_public_key": receipt_pub.hex(), "accept_originals": True,
            "pdf_signing": {"ca_certificate": b64(ca_der).decode(),
                            "device": {"fingerprint": base.fingerprint(device_pub),
                                       "certificate": b64(dev_der).decode()}}}

    def write_card(name: str, payload: dict[str, Any], version: int = 3) -> None:
        (out / name).write_bytes(base.file_text(base.signed_doc(
            "nam-desktop-keycard", version, b"nam-desktop keycard v1\x00", payload, root)))

    write_card("keycard-v3.json", card)
    write_card("keycard-v3-ca-only.json",
               {**card, "pdf_signing": {"ca_certificate": card["pdf_signing"]["ca_certificate"]}})
    write_card("keycard-v3-without-section.json",
               {k: v for k, v in card.items() if k != "pdf_signing"})
    write_card("keycard-v3-other-device.json", {**card, "pdf_signing": {
        **card["pdf_signing"], "device": {"fingerprint": base.fingerprint(stranger_pub),
                                          "certificate": b64(dev_der).decode()}}})
    write_card("keycard-v2-with-section.json", card, version=2)
    (out / "hq-ca.pem").write_bytes(x509.load_der_x509_certificate(ca_der).public_bytes(
        Encoding.PEM))

    facts = {
        "note": "test keys with no other use; the Ed25519 keys, HQ's age identity "
                "(../v2-chain/hq-identity-v2-chain.txt) and their private halves are those "
                "of ../v2-chain/facts-v2-chain.json; P-256 private keys are integers in hex",
        "device_fingerprint": base.fingerprint(device_pub),
        "device_public_key": device_pub.hex(),
        "device_pdf_public_key": pdf_point.hex(),
        "device_pdf_private_key": f"{pdf_key.private_numbers().private_value:064x}",
        "hq_ca_private_key": f"{ca_key.private_numbers().private_value:064x}",
        "hq_root_fingerprint": base.fingerprint(root_pub),
        "hq_recipient": recipient,
        "identity_file": "../v2-chain/hq-identity-v2-chain.txt",
        "bundle_id": header["bundle_id"],
        "bundle_seq": SEQ,
        "bundle_prev_digest": chain["bundle_digest"],
        "bundle_digest": base.digest(header),
        "bundle_file_sha256": hashlib.sha256(good).hexdigest(),
        "card_serial": CARD_SERIAL,
        "ca_certificate_sha256": hashlib.sha256(ca_der).hexdigest(),
        "device_certificate_sha256": hashlib.sha256(dev_der).hexdigest(),
        "device_certificate_valid": [DEV_FROM.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                     DEV_UNTIL.strftime("%Y-%m-%dT%H:%M:%SZ")],
        "ca_certificate_valid": [CA_FROM.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                 CA_UNTIL.strftime("%Y-%m-%dT%H:%M:%SZ")],
    }
    (out / "facts-v4.json").write_text(json.dumps(facts, indent=1, sort_keys=True) + "\n",
                                       encoding="utf-8")
    (out / "expected-v4.json").write_text(json.dumps(EXPECTED, indent=1) + "\n",
                                          encoding="utf-8")
    shutil.rmtree(out / "__pycache__", ignore_errors=True)
    shutil.rmtree(HERE.parent / "v2-chain" / "__pycache__", ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
