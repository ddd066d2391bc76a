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
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from nam_desktop.cli import run
from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import keycard, receipt
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.summary import verify_pdf, verify_summary
from nam_desktop.core.vault.vault import Vault

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
    "v2-chain/audit-unknown-key.age":
        "9b805f4fc4c63eef09a067152a9395dcca9be135dfb44511d890a15dc9929da8",
    "v2-chain/bundle-unfinished.age":
        "ec375a5892f251ff49674f523628968fb094b3707aa575c640b4916d6bc4e085",
    "v2-chain/bundle-v1-control.age":
        "606475810a5006971cc8d0ced9f02b1248a1983b7b6baf7776b95891d888bcac",
    "v2-chain/expected-v2-chain.json":
        "95d09bc00938b206340ca0b6fd6d6d79ee4b4d354a581fcd25a4351043fffbad",
    "v2-chain/facts-v2-chain.json":
        "1bd71cfe75d2d86e5c4350f524498b7d0d6a4edfa135931653121a0c043d665c",
    "v2-chain/generate_v2_chain.py":
        "9fef0fb3a5c4897217c1cb90be3e99502f07156e2e43f927c7367107e8579af6",
    "v2-chain/hq-identity-v2-chain.txt":
        "b638bbd59af8072c094bef64d34318ba980b6195277cf2a220d6f54f4f64883b",
    "v2-chain/keycard-v2-chain.json":
        "9105d5039d176937dfa9b0a5f1251b9fe7982b0d91a78890430352e81fcccb09",
    "v2-chain/receipt-v1.json": "60bba5afd073d1f2c97dc136b242b9b784bd7dfeb90c370faa0a5470baaa79ed",
    "v2-chain/receipt-v2-bad-signature.json":
        "e783a733fec0915090ba8aa00ace8226a40764385d4de7c5d0e9aab5b6222358",
    "v2-chain/receipt-v2-entry-bad-id.json":
        "db7e7165eba42617c0ff0fa8b195fadeff3f744e7259d5c6c7dcb1bdb56b056f",
    "v2-chain/receipt-v2-entry-kind-mismatch.json":
        "2d2b5da2eb114ee8be52186c11f994f22e907b24a0dfd5b26e1fcddcba583cb9",
    "v2-chain/receipt-v2-key-id-of-root.json":
        "138cef49b23fde03045f541a7d6a039a93165491c3347fd16f2bf12d9ea2d01f",
    "v2-chain/receipt-v2-other-device.json":
        "ddaec09f16573facefed316b1fa5726219d375e14ef248aff4a0e30b0124baa2",
    "v2-chain/receipt-v2-repeated-entry.json":
        "665b947fc44f4fd0f8c4f6fbecc7bd3c36cc57a0b3283df25b3698af7f91a255",
    "v2-chain/receipt-v2-repeated-seq.json":
        "e06ab7cb1f3c510ac820cc65bf7880e96626fb745cf18fb0a66a6ffdb288ca62",
    "v2-chain/receipt-v2-resaved.json":
        "c86b634d78f303d403e3e3cba111b4a877c81b17192bb8a19b36294a21af0e47",
    "v2-chain/receipt-v2-signed-by-stranger.json":
        "b6b32861f31469296ef92b76d066883eff81533df4007673f9789537d390ba5f",
    "v2-chain/receipt-v2-v1-context.json":
        "7c8c212fe167e301998de76ecd1abf42f4d60db9ce8d27572787c8e8cf6042d2",
    "v2-chain/receipt-v2-with-testimonies.json":
        "ced8bb7af70299959b53c56b6c27cfdd28b54c0124c1edd253420481f1cfacda",
    "v2-chain/receipt-v2.json": "1cbbf3778466cdda2b4a48c6c82458c9830af573edc7429a6d1024a37d89966f",
    "v2-chain/receipt-version-3.json":
        "8c430b9b19609b5d0bc8206ce5f343fcf82067aae6df3d4c151c5c3fab470960",
    "v2-chain/unfinished-empty.age":
        "10c7afb853a54b1dd592632a3160a2d395a2bd4cd1e3c7e1aff8414784b3d50b",
    "v2-chain/unfinished-extra-key.age":
        "1c8d051a3e8c9ca12bfeeee839f33cd5818df7b9c65f777229fb893e1bd6fe95",
    "v2-chain/unfinished-in-v1.age":
        "daa875e8556061e29001a9335d4cab4a8398216a84fc6d4f351dfdf72a3d5892",
    "v2-chain/unfinished-not-ascending.age":
        "4521a6bc87a2ad80594900a1ddcbc3a2df1de61614a197104b8a89eef607f405",
    "v2-chain/unfinished-repeated-seq.age":
        "3bf68744715a1662bc1105ea888ac11f54a2ca2328a049426e70bd3674c557a9",
    "v2-chain/unfinished-seq-not-below.age":
        "280a212d6d42ab8c54ced4cab9526782604da84f0d61b55031895bd412c50571",
    "v2-chain/unfinished-unknown-state.age":
        "b133f850b65427183df746559671da2f7016becb39d7b91bb71d1ce0b56dd004",
    "version-3.age": "bd080164c050859ed117f1c9dba4091595f8c8cd4ffdb5f32cbc37f26909e7be",
    # Bundle format 4 and key card 3 (docs/test-vectors/v4/, made from the docs alone).
    "v4/bundle-v4.age":
        "7dd8c463a18a3269ee9ee8abc0612562f2dc2b7d33647616ecb14cb9853ac045",
    "v4/expected-v4.json":
        "b547861e7ce907c1354e8b20936bab13fcfa3e50891727ea94b3c3d753b90daf",
    "v4/facts-v4.json":
        "daf75990d9f308ad4a26bc48dbff788229018eba8b366c4faf262ae6070009b2",
    "v4/generate_v4.py":
        "9bfd42e5d2f5f687ac26ef4e8ac9d9e6e1be3fbe5b3d99ca83a3982d5eedeb7d",
    "v4/hq-ca.pem":
        "243d928603e0c3210479705223486344349e1ebe9c5adcebf22e06277436568e",
    "v4/keycard-v2-with-section.json":
        "2aef44a04deeb534c97db64871bf5d67e6687d458965df3e6154ab42f1b06204",
    "v4/keycard-v3-ca-only.json":
        "d9c47b2e5d0c646a735a707e1ff7e2fd23c4c48e5bb0f574d0f1cdac053bc19c",
    "v4/keycard-v3-other-device.json":
        "a1327710bc76a9e90d4bf24b805fd524cf0f3cec5946dcd7186c7511e0049acd",
    "v4/keycard-v3-without-section.json":
        "61971cc1a7bfa9b22f6fe74349b9e62cfb6b5e527235029bec06f4ac320d82c7",
    "v4/keycard-v3.json":
        "692d16194f25bb11aa564811be13f4c6b72805ed499b4585c42eb78819f1ef1c",
    "v4/no-cleaned-copy-with-size.age":
        "44778e494fdee6432e14cf0b8e1d6378b71aa29d6e8cf352147162a3878a7904",
    "v4/pdf-key-in-v2.age":
        "7407955f4cf75c5c3bd1e9b5855ddb40b23fdf835c7222cf85d33cece14f36c8",
    "v4/pdf-key-off-curve.age":
        "0dcee515286061fc12be5cc8ed654b61961e1c0200dffb97777bb846ec178325",
    "v4/seq1-prev-digest-not-zero.age":
        "79983dad577b0be248a26fcb22a9e6bd60ceb9bc453d5cb0833f53dbadcb5510",
    "v4/v4-with-unfinished.age":
        "357932105e2f8b986a6f31ea8e93198fbf834478fe99483e4e88ddd97a66a026",
    "v4/v4-without-pdf-key.age":
        "c15cdd95983015bbf84ba07076fde61729a2ca680c84c5606ac57b6ef89d283a",
    "wrong-recipient.age": "ea1c433eed32e5be3e00e7918632fd5803129d2cf236579a38693fad439673c1",
}
NOT_FROZEN = {"README.md", "reference_verifier.py", "reference_common.py",
              "reference_documents.py", ".gitattributes"}


def test_the_vectors_are_unchanged() -> None:
    found = {str(p.relative_to(VECTORS).as_posix()) for p in VECTORS.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.name not in NOT_FROZEN
             and p.relative_to(VECTORS).parts[0] not in ("vault", "recovery")}
    # vault/ and recovery/: the vault's own format vectors (key slot, media files, recovery
    # slot, request and response), checked by tests/unit/vault/
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


# ---- v2-chain/: receipts version 2 and audit.unfinished (docs/test-vectors/README.md) ----
CHAIN = VECTORS / "v2-chain"
FACTS_CHAIN = json.loads((CHAIN / "facts-v2-chain.json").read_text("utf-8"))
EXPECTED_CHAIN: dict[str, list[dict[str, Any]]] = json.loads(
    (CHAIN / "expected-v2-chain.json").read_text("utf-8"))
CHAIN_IDENTITY = CHAIN / "hq-identity-v2-chain.txt"
CHAIN_CARD = CHAIN / "keycard-v2-chain.json"


def _case_id(case: dict[str, Any]) -> str:
    return f"{case['file']}-{case.get('signer')}"


@pytest.mark.parametrize("case", EXPECTED_CHAIN["bundles"], ids=_case_id)
def test_chain_bundles_nam_desktop_verify(case: dict[str, Any],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["verify", str(CHAIN / case["file"]), "--identity", str(CHAIN_IDENTITY), "--json"]
    signer = FACTS_CHAIN["device_fingerprint"] if case["signer"] else None
    code = run(argv + (["--device-key", signer] if signer else []))
    data = json.loads(capsys.readouterr().out)
    assert (data["verdict"], data["reason"], code) == (case["verdict"], case["reason"],
                                                       case["exit"])
    if case["file"] == "bundle-unfinished.age":  # what the device told HQ, as signed
        assert data["digest"] == FACTS_CHAIN["bundle_digest"]
        assert data["header"]["audit"]["unfinished"] == FACTS_CHAIN["unfinished"]


@pytest.mark.skipif(shutil.which("age") is None, reason="the stock age CLI is an oracle here")
@pytest.mark.parametrize("case", EXPECTED_CHAIN["bundles"], ids=_case_id)
def test_chain_bundles_reference_verifier(case: dict[str, Any]) -> None:
    signer = FACTS_CHAIN["device_fingerprint"] if case["signer"] else None
    result = _reference().verify([str(CHAIN / case["file"])], str(CHAIN_IDENTITY), signer,
                                 FACTS_CHAIN["hq_root_fingerprint"])
    assert (result["verdict"], result["reason"]) == (case["verdict"], case["reason"])
    if case["file"] == "bundle-unfinished.age":
        assert result["unfinished"] == FACTS_CHAIN["unfinished"]
        assert result["digest"] == FACTS_CHAIN["bundle_digest"]


def test_chain_key_card() -> None:
    [case] = EXPECTED_CHAIN["keycards"]
    card = keycard.parse_keycard((CHAIN / case["file"]).read_bytes())
    assert (card.version, card.serial) == (2, FACTS_CHAIN["card_serial"])
    assert card.root_fingerprint == FACTS_CHAIN["hq_root_fingerprint"]
    assert card.receipt_fingerprint == FACTS_CHAIN["receipt_key_id"]
    assert card.recipients == (FACTS_CHAIN["hq_recipient"],)
    ref = _reference().verify_keycard(str(CHAIN / case["file"]))
    assert (ref["verdict"], ref["reason"]) == (case["verdict"], case["reason"])
    assert ref["receipt_key_id"] == FACTS_CHAIN["receipt_key_id"]


def _core_receipt_verdict(data: bytes) -> tuple[str, str | None, receipt.Receipt | None]:
    try:
        r = receipt.decode_receipt(data,
                                   receipt_key=bytes.fromhex(FACTS_CHAIN["receipt_public_key"]),
                                   hq_root=FACTS_CHAIN["hq_root_fingerprint"],
                                   device=FACTS_CHAIN["device_fingerprint"])
    except ExchangeError as exc:
        unsupported = exc.reason is Reason.UNSUPPORTED_VERSION
        return ("unsupported" if unsupported else "rejected"), exc.reason.value, None
    return "valid", None, r


@pytest.mark.parametrize("case", EXPECTED_CHAIN["receipts"], ids=_case_id)
def test_chain_receipts_core(case: dict[str, Any]) -> None:
    verdict, reason, r = _core_receipt_verdict((CHAIN / case["file"]).read_bytes())
    assert (verdict, reason) == (case["verdict"], case["reason"])
    if r is not None:
        assert [b[2] for b in r.bundles] == [FACTS_CHAIN["bundle_digest"]]
        assert r.testimonies == ((FACTS_CHAIN["testimony_id"], 1),)
        assert (r.entries is not None) is case["purge_allowed"]
        if r.entries is not None:
            assert (r.key_id, r.card_serial) == (FACTS_CHAIN["receipt_key_id"],
                                                 FACTS_CHAIN["card_serial"])
            held = [e.sha256 for e in r.entries if e.kind == "media"]
            assert held == FACTS_CHAIN["held_media_sha256"]
            assert FACTS_CHAIN["original_not_held_sha256"] not in held


@pytest.mark.parametrize("case", EXPECTED_CHAIN["receipts"], ids=_case_id)
def test_chain_receipts_reference_verifier(case: dict[str, Any]) -> None:
    result = _reference().verify_receipt(str(CHAIN / case["file"]), str(CHAIN_CARD),
                                         FACTS_CHAIN["device_fingerprint"])
    assert (result["verdict"], result["reason"]) == (case["verdict"], case["reason"])
    if case["verdict"] == "valid":
        assert result["purge_allowed"] is case["purge_allowed"]
        assert result["bundles"] == [FACTS_CHAIN["bundle_digest"]]
        assert result["held_media"] == (FACTS_CHAIN["held_media_sha256"]
                                        if case["purge_allowed"] else [])


@pytest.fixture(scope="module")
def chain_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An interviewer's vault whose device key is the vectors' (its private key is in
    facts-v2-chain.json), with HQ's key card pinned through the command line. Shared by
    the receipt tests: a refused receipt changes nothing, a valid one is idempotent."""
    seed = bytes.fromhex(FACTS_CHAIN["device_private_key"])
    folder = tmp_path_factory.mktemp("chain") / "iv"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(DeviceIdentity, "generate_raw", staticmethod(lambda: seed))
        Vault.create(folder, "vector vault passphrase", kdf=MINIMUM_PARAMS).close()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NAM_PASSPHRASE", "vector vault passphrase")
        assert run(["keycard", "import", str(folder), str(CHAIN_CARD), "--yes"]) == 0
        yield folder


@pytest.mark.parametrize("purge", [False, True], ids=["import", "import-purge"])
@pytest.mark.parametrize("case", EXPECTED_CHAIN["receipts"], ids=_case_id)
def test_chain_receipts_receipt_import(case: dict[str, Any], purge: bool, chain_vault: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["receipt", "import", str(chain_vault), str(CHAIN / case["file"])]
               + (["--purge"] if purge else []))
    out, err = capsys.readouterr()
    assert code == case["exit_purge" if purge else "exit"], err
    if case["verdict"] != "valid":
        assert f"{case['reason']}:" in err and "Traceback" not in err
    elif case["purge_allowed"]:
        assert (f"signed by HQ receipt key {FACTS_CHAIN['receipt_key_id']} (key card serial "
                f"{FACTS_CHAIN['card_serial']}); HQ holds 3 entries") in out
    else:
        assert "old format (v1)" in err


@pytest.mark.skipif(shutil.which("age") is None, reason="the generator uses the age CLI")
def test_the_chain_generator_made_these_files(tmp_path: Path) -> None:
    """The committed generator reproduces every file: the same bytes for the JSON files,
    the same plaintext inside each age file (age encrypts with fresh randomness)."""
    subprocess.run([sys.executable, str(CHAIN / "generate_v2_chain.py"), str(tmp_path)],
                   check=True, capture_output=True)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in CHAIN.iterdir() if p.name != "generate_v2_chain.py")

    def plain(path: Path) -> bytes:
        return subprocess.run(["age", "-d", "-i", str(CHAIN_IDENTITY), str(path)],
                              capture_output=True, check=True).stdout

    for name in made:
        if name.endswith(".age"):
            assert plain(tmp_path / name) == plain(CHAIN / name), name
        elif name == "facts-v2-chain.json":  # bundle_file_sha256: the age file's hash
            facts = json.loads((tmp_path / name).read_text("utf-8"))
            assert facts.pop("bundle_file_sha256") != FACTS_CHAIN["bundle_file_sha256"]
            assert facts == {k: v for k, v in FACTS_CHAIN.items() if k != "bundle_file_sha256"}
        else:
            assert (tmp_path / name).read_bytes() == (CHAIN / name).read_bytes(), name
    assert hashlib.sha256((CHAIN / "bundle-unfinished.age").read_bytes()).hexdigest() == \
        FACTS_CHAIN["bundle_file_sha256"]


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
