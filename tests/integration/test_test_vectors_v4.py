"""The frozen vectors of bundle format version 4 and key card version 3
(docs/test-vectors/v4/, made once by generate_v4.py from the docs alone; their SHA-256 are
pinned in test_test_vectors.py): `nam-desktop verify`, the key card reader and the
reference verifier written from the docs give exactly the verdicts of expected-v4.json."""

from __future__ import annotations

import datetime
import importlib.util
import json
import shutil
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from nam_desktop.cli import run
from nam_desktop.core.exchange import keycard
from nam_desktop.core.exchange.errors import ExchangeError

VECTORS = Path(__file__).resolve().parents[2] / "docs" / "test-vectors"
V4 = VECTORS / "v4"
FACTS = json.loads((V4 / "facts-v4.json").read_text("utf-8"))
EXPECTED: dict[str, list[dict[str, Any]]] = json.loads(
    (V4 / "expected-v4.json").read_text("utf-8"))
IDENTITY = (V4 / FACTS["identity_file"]).resolve()
age = pytest.mark.skipif(shutil.which("age") is None,
                         reason="the stock age CLI is an oracle here")


def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_verifier",
                                                  VECTORS / "reference_verifier.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _at(stamp: str) -> datetime.datetime:
    return datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)


def _id(case: dict[str, Any]) -> str:
    return f"{case['file']}-{case.get('signer') or case.get('at')}"


@pytest.mark.parametrize("case", EXPECTED["bundles"], ids=_id)
def test_nam_desktop_verify(case: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["verify", str(V4 / case["file"]), "--identity", str(IDENTITY), "--json"]
    if case["signer"]:
        argv += ["--device-key", FACTS["device_fingerprint"]]
    code = run(argv)
    data = json.loads(capsys.readouterr().out)
    assert (data["verdict"], data["reason"], code) == (case["verdict"], case["reason"],
                                                       case["exit"])
    if case["file"] == "bundle-v4.age":  # the PDF key as signed, and the chain
        header = data["header"]
        assert data["digest"] == FACTS["bundle_digest"]
        assert header["version"] == 4 and header["seq"] == FACTS["bundle_seq"]
        assert header["device"]["pdf_public_key"] == FACTS["device_pdf_public_key"]
        assert header["prev_digest"] == FACTS["bundle_prev_digest"]


@age
@pytest.mark.parametrize("case", EXPECTED["bundles"], ids=_id)
def test_reference_verifier(case: dict[str, Any]) -> None:
    signer = FACTS["device_fingerprint"] if case["signer"] else None
    result = _reference().verify([str(V4 / case["file"])], str(IDENTITY), signer,
                                 FACTS["hq_root_fingerprint"])
    assert (result["verdict"], result["reason"]) == (case["verdict"], case["reason"])
    if case["file"] == "bundle-v4.age":
        assert result["digest"] == FACTS["bundle_digest"]


@age
def test_the_age_cli_opens_the_v4_bundle() -> None:
    plain = subprocess.run(["age", "-d", "-i", str(IDENTITY), str(V4 / "bundle-v4.age")],
                           capture_output=True, check=True).stdout
    assert plain.startswith(b"NAMBUNDL\x00\x04")
    assert (V4 / "bundle-v4.age").stat().st_size == 1 << 20  # the smallest bucket


@pytest.mark.parametrize("case", EXPECTED["keycards"], ids=_id)
def test_key_cards_nam_desktop(case: dict[str, Any]) -> None:
    """NAM Desktop's reader with its clock at the time the case names (certificates must
    be in force when a card is read, 6.2)."""
    data = (V4 / case["file"]).read_bytes()
    at = _at(case["at"])
    if case["verdict"] == "valid":
        card = keycard.parse_keycard(data, clock=lambda: at)
        assert card.root_fingerprint == FACTS["hq_root_fingerprint"]
        assert card.serial == FACTS["card_serial"] and card.version == 3
        if case["file"] == "keycard-v3.json":
            assert card.pdf_signing is not None
            assert card.pdf_signing.device_fingerprint == FACTS["device_fingerprint"]
    else:
        with pytest.raises(ExchangeError) as exc:
            keycard.parse_keycard(data, clock=lambda: at)
        assert exc.value.reason.value == case["reason"]


@pytest.mark.parametrize("case", EXPECTED["keycards"], ids=_id)
def test_key_cards_reference_verifier(case: dict[str, Any]) -> None:
    result = _reference().verify_keycard(str(V4 / case["file"]), _at(case["at"]))
    assert (result["verdict"], result["reason"]) == (case["verdict"], case["reason"])


def test_verify_keycard_checks_the_root_of_the_v4_bundle(
        capsys: pytest.CaptureFixture[str]) -> None:
    """`verify --keycard`: the card's root is the bundle's hq_root (R2)."""
    code = run(["verify", str(V4 / "bundle-v4.age"), "--identity", str(IDENTITY),
                "--device-key", FACTS["device_fingerprint"], "--keycard",
                str(VECTORS / "v2-chain" / "keycard-v2-chain.json"), "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["hq_root_checked"] == \
        FACTS["hq_root_fingerprint"]
    code = run(["verify", str(V4 / "bundle-v4.age"), "--identity", str(IDENTITY),
                "--device-key", FACTS["device_fingerprint"], "--keycard",
                str(VECTORS / "keycard.json"), "--json"])  # another HQ's card
    data = json.loads(capsys.readouterr().out)
    assert (code, data["reason"]) == (1, "wrong_recipient")
