"""The test vectors in docs/test-vectors/ never change, and every verifier gives exactly
the verdicts docs/test-vectors/expected.json states: `nam-desktop verify`, and the
reference verifier written from the docs alone. The promise that a bundle made today
still verifies, with the same verdict, in ten years."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from nam_desktop.cli import run
from nam_desktop.core.exchange import keycard, receipt
from nam_desktop.core.summary import verify_pdf, verify_summary

VECTORS = Path(__file__).resolve().parents[2] / "docs" / "test-vectors"
FACTS = json.loads((VECTORS / "facts.json").read_text("utf-8"))
FACTS_V1 = json.loads((VECTORS / "v1" / "facts-v1.json").read_text("utf-8"))
EXPECTED: list[dict[str, Any]] = json.loads((VECTORS / "expected.json").read_text("utf-8"))

# SHA-256 of every frozen file. A failure here means a vector changed: that breaks the
# promise. Add new files for new versions; never regenerate or edit these.
FROZEN = {
    "bad-signature.age": "b55e9df2e6770ee6edfd826177e7b549e3d91da24d1a2443ab18694b8d1868bc",
    "bundle.age": "5eaf27ab998c3ea5a88d04c9a02cae995503e8dfb774a37f904355474e2c71ee",
    "damaged.age": "c33795d0d9c12a9f151e78dcdbd430bc6c9d74b1eb603c660efdc47462e516de",
    "expected.json": "05f8b545cf1faa62e4edd69ce02cb909938ffcbf1927afb489b22ec32a85e5c5",
    "facts.json": "5cb2c2a92bab3e87c93e4c10cd8da79a6582ffdb34e13fc601c6ca7e4a60cd4d",
    "forged-fingerprint.age": "847701bf21af99226b19bf8bba4b9e10c0d0061cf9b70ac69240f1fd805e64b2",
    "generate.py": "cb070e632bee1c68fb61e53bc8da3fd80a8734ba46276796207c03a93e7e67b7",
    "hash-mismatch.age": "687053a798c4597cdf1a98356ba4d79a5e2d4a311b7ec101173f5a4aaf172127",
    "hq-identity.age": "c2aea5afbd667cbda7cb11b891d04e09ce593389bcb13c76c6df977024cbbc17",
    "hq-identity.txt": "8ea316d2e502944e160f6eb66c5ea4c3cebf964629c216f22e480063098e32bd",
    "inconsistent-media.age": "cc4ac70de4a87809016b9223600453bf0479a16a9e73ab1aa2e982e72203b643",
    "keycard-resaved.json": "4c165cfa039a18ef24e5a6623cf114df8cf128b8a94a9e85870b470a9b0e2984",
    "keycard.json": "d60a8ec97cacdfcf458ba9c7787f6016db42baf8d2325c4d777de6e649a45c07",
    "padding-not-zero.age": "24af996f4f383ab714a37a480fcaa7c37cacdf4d5db1722b29c2a26e6ee46dfc",
    # Issue 17: a summary signed inside the PDF (PAdES) with HQ's certificate.
    "pades/facts-pades.json": "71fb594eb6796b64e1fe0ab02d596af60448695955bf7f635ae259f187653177",
    "pades/generate_pades.py": "8ffa71f29cc933e2616f493efbebd8e428658e85384132d7242c14e7f1c08e4b",
    "pades/hq-ca.pem": "cd737f12308bd286b5acb405d275b8d0af8eb07473ac0ee39075de8dc1b91a42",
    "pades/other-ca.pem": "018d713310352fb5bb652ac299d3c95c13a099bce0c8672fc63d547172d4d5a5",
    "pades/summary-pades-updated.pdf":
        "2d848279accd58ec4de2280d10d1fa0518cc07f921360ac2ea2176b4cd9dd135",
    "pades/summary-pades.pdf": "881bb063ae4a1396645c49867c899749156eb78f35a3c649cb912b6dd7806441",
    "receipt.json": "bca1eb1c1e14d2b99570848d1e5efb4362e6d1c58483b0e036596f3dfe245fad",
    "record-after-media.age": "5937e66b9bb3a543c6a984fb839eff4c932e854fcdf17662b1568c69b860c82c",
    "summary.pdf": "85c4fda0ca2a631eddcf77f5377925d9f4504911560bfbc7bc0b9741fbadb9bb",
    "summary.pdf.sig": "9718a05059c0dc6a0117efe4c38234390d6ee20df4a263a4104fe075ddfa12d8",
    "timestamp-with-fraction.age":
        "ea5c1f17cd4bc6c5f796f7159f89c9cdc9bd7c11659e732061a079748e08988c",
    "truncated-inner.age": "85f594e83eb7f43f88732fa86b472e52d2b2df43384eec2973e605ed89a0f8d8",
    "unknown-signer.age": "15f5c2ec5a53fe2123452336d3700753c92cc6dda7f20d6be13d998ecb890905",
    "v1/bundle-v1.age": "74eb5afc7a30a34aea9f26511b0b51b28907381c74be97a2bf87dc0d72747dab",
    "v1/facts-summary-v1.json": "f600311601a16d4b13f370cd50454ec8189010fe41ce234ee8649e22688e8fda",
    "v1/facts-v1.json": "458d13aae3e01f21dc0fae6e4a8885dd92d62279dc65c6da66a4327cb204c2ec",
    "v1/generate_summary_v1.py": "e90fe29ec5da8e58184bf1fad5d0a0b0f273c817507f98cc294255595a793d4a",
    "v1/generate_v1.py": "c59ca144113638090e81a0b82a7a172268007d58a83ecaf07b207fb0f04f728d",
    "v1/hq-identity-v1.txt": "9e375ecec72e5868952d258428fe9191af830c5cd5cf8653cd817c084b1ab7ea",
    "v1/keycard-v1.json": "261aa8b9a0be053563b9ca4cc28959559eb98c68d924f3ace999dcdb6564aab5",
    "v1/receipt-v1.json": "446f550bacade95fe5b979aa131b069bbb11f3df3657804126142408689efb1d",
    "v1/summary-v1.pdf": "a58fa5eba3ac95da37eae50bdd9e5168bf0cb0df709cae01e64e62d49328ef91",
    "v1/summary-v1.pdf.sig": "fc674ec40759adebfd2f6ebf81ad84112b7979d99660de7471d81b46f9c60f48",
    "version-3.age": "bd080164c050859ed117f1c9dba4091595f8c8cd4ffdb5f32cbc37f26909e7be",
    "wrong-recipient.age": "ea1c433eed32e5be3e00e7918632fd5803129d2cf236579a38693fad439673c1",
}
NOT_FROZEN = {"README.md", "reference_verifier.py", ".gitattributes"}


def test_the_vectors_are_unchanged() -> None:
    found = {str(p.relative_to(VECTORS).as_posix()) for p in VECTORS.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.name not in NOT_FROZEN
             and p.relative_to(VECTORS).parts[0] != "vault"}  # vault/: the vault's own
    # format vectors (key slot, media files), frozen by tests/unit/vault/
    assert found == set(FROZEN)
    for name, digest in FROZEN.items():
        assert hashlib.sha256((VECTORS / name).read_bytes()).hexdigest() == digest, name


def _args(case: dict[str, Any]) -> tuple[Path, Path, str | None]:
    v1 = case["file"].startswith("v1/")
    identity = VECTORS / ("v1/hq-identity-v1.txt" if v1 else "hq-identity.txt")
    signer = {"device": FACTS["device_fingerprint"],
              "device-v1": FACTS_V1["device_fingerprint"]}.get(case["signer"] or "")
    return VECTORS / case["file"], identity, signer


@pytest.mark.parametrize("case", EXPECTED, ids=lambda c: f"{c['file']}-{c['signer']}")
def test_nam_desktop_verify_gives_the_expected_verdict(
        case: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    bundle, identity, signer = _args(case)
    argv = ["verify", str(bundle), "--identity", str(identity), "--json"]
    code = run(argv + (["--device-key", signer] if signer else []))
    data = json.loads(capsys.readouterr().out)
    assert (data["verdict"], data["reason"], code) == (case["verdict"], case["reason"],
                                                       case["exit"])
    if case["reason"] is None:
        assert data["digest"] == (FACTS["bundle_digest"] if case["file"] == "bundle.age"
                                  else data["digest"])


def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_verifier",
                                                  VECTORS / "reference_verifier.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(shutil.which("age") is None, reason="the stock age CLI is an oracle here")
@pytest.mark.parametrize("case", EXPECTED, ids=lambda c: f"{c['file']}-{c['signer']}")
def test_the_reference_verifier_gives_the_expected_verdict(case: dict[str, Any]) -> None:
    bundle, identity, signer = _args(case)
    result = _reference().verify([str(bundle)], str(identity), signer)
    assert (result["verdict"], result["reason"]) == (case["verdict"], case["reason"])


def test_the_protected_identity_file_opens_the_bundle(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = (VECTORS / "hq-identity.age").read_bytes()
    assert pyrage.passphrase.decrypt(data, FACTS["identity_passphrase"]) == \
        (VECTORS / "hq-identity.txt").read_bytes()
    monkeypatch.setenv("NAM_IDENTITY_PASSPHRASE", FACTS["identity_passphrase"])
    code = run(["verify", str(VECTORS / "bundle.age"), "--identity",
                str(VECTORS / "hq-identity.age"), "--device-key", FACTS["device_public_key"]])
    assert code == 0 and "verdict: OK" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("age") is None, reason="the stock age CLI is an oracle here")
def test_the_age_cli_opens_the_bundle() -> None:
    plain = subprocess.run(["age", "-d", "-i", str(VECTORS / "hq-identity.txt"),
                            str(VECTORS / "bundle.age")], capture_output=True, check=True).stdout
    assert plain.startswith(b"NAMBUNDL\x00\x02")
    assert hashlib.sha256((VECTORS / "bundle.age").read_bytes()).hexdigest() == \
        FACTS["bundle_file_sha256"]


def test_key_cards() -> None:
    card = keycard.parse_keycard((VECTORS / "keycard.json").read_bytes())
    resaved = keycard.parse_keycard((VECTORS / "keycard-resaved.json").read_bytes())
    assert card.version == 2 and card.root_fingerprint == FACTS["hq_root_fingerprint"]
    assert resaved.content_id == card.content_id and card.recipients == (FACTS["hq_recipient"],)
    old = keycard.parse_keycard((VECTORS / "v1" / "keycard-v1.json").read_bytes())
    assert old.version == 1 and old.root_fingerprint == FACTS_V1["hq_root_fingerprint"]


@pytest.mark.parametrize(("folder", "name", "facts"), [
    ("", "receipt.json", FACTS), ("v1", "receipt-v1.json", FACTS_V1)])
def test_receipts(folder: str, name: str, facts: dict[str, Any]) -> None:
    r = receipt.decode_receipt((VECTORS / folder / name).read_bytes(),
                               receipt_key=bytes.fromhex(facts["receipt_public_key"]),
                               hq_root=facts["hq_root_fingerprint"],
                               device=facts["device_fingerprint"])
    assert [b[2] for b in r.bundles] == [facts["bundle_digest"]]


@pytest.mark.parametrize(("folder", "name", "facts_file"), [
    ("", "summary.pdf", "facts.json"), ("v1", "summary-v1.pdf", "facts-summary-v1.json")])
def test_summaries(folder: str, name: str, facts_file: str) -> None:
    facts = json.loads((VECTORS / folder / facts_file).read_text("utf-8"))
    pdf = (VECTORS / folder / name).read_bytes()
    sig = (VECTORS / folder / (name + ".sig")).read_bytes()
    result = verify_pdf(pdf, sig, expected_fingerprint=facts["device_fingerprint"])
    assert result.ok, result.problems
    assert not verify_pdf(pdf + b"\n", sig).ok
    if folder == "":  # version 2, checked with cryptography alone (docs/summary-signature.md)
        doc = json.loads(sig)
        message = b"nam-desktop summary signature v1\x00" + json.dumps(
            doc["signed"], sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(doc["signed"]["device_public_key"])) \
            .verify(bytes.fromhex(doc["signature"]), message)


PADES = VECTORS / "pades"


def test_pades_summary_verifies_against_hq_ca() -> None:
    """docs/test-vectors/pades: signed inside the PDF with HQ's certificate. Checked at
    the signing time it states, so it keeps verifying after the certificate's 3 years."""
    facts = json.loads((PADES / "facts-pades.json").read_text("utf-8"))
    pdf = (PADES / "summary-pades.pdf").read_bytes()
    result = verify_summary(pdf, ca=(PADES / "hq-ca.pem").read_bytes(),
                            expected_fingerprint=facts["device_fingerprint"])
    assert result.ok, result.problems
    assert (result.kind, result.certified, result.signer_name) == ("pades", True,
                                                                    facts["signer_name"])
    assert (result.content_sha256, result.verification_code, result.record_id,
            result.created_at, result.redaction) == (
        facts["content_sha256"], facts["verification_code"], facts["record_id"],
        facts["created_at"], facts["redaction"])
    other = verify_summary(pdf, ca=(PADES / "other-ca.pem").read_bytes())
    assert [p.value for p in other.problems] == ["untrusted_certificate"]
    updated = verify_summary((PADES / "summary-pades-updated.pdf").read_bytes(),
                             ca=(PADES / "hq-ca.pem").read_bytes())
    assert [p.value for p in updated.problems] == ["changed_after_signing"]


def test_pades_summary_content_is_recomputable_from_the_pdf_alone() -> None:
    """Without NAM Desktop: pikepdf finds the attached content JSON; SHA-256 of its bytes
    is content_sha256; its first 80 bits in base32 are the verification code."""
    import base64

    import pikepdf

    facts = json.loads((PADES / "facts-pades.json").read_text("utf-8"))
    with pikepdf.open(PADES / "summary-pades.pdf") as doc:
        data = doc.attachments["nam-summary-content.json"].get_file().read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    code = base64.b32encode(bytes.fromhex(digest)[:10]).decode()
    assert digest == facts["content_sha256"]
    assert "-".join(code[i:i + 4] for i in range(0, 16, 4)) == facts["verification_code"]


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig is an oracle")
def test_pdfsig_reads_the_pades_vector() -> None:
    out = subprocess.run(["pdfsig", str(PADES / "summary-pades.pdf")], capture_output=True,
                         text=True, check=False).stdout
    assert "Signature is Valid" in out and "ETSI.CAdES.detached" in out
