"""Structure-aware fuzzing of receipts against the documented rules (tests/fuzz/oracle.py):
valid receipts with fields replaced by near misses or any JSON, signed by the receipt key
or another, spelled in several ways; plus byte mutations. A valid receipt must read back
as exactly what was signed."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.exchange import receipt, signed_doc
from nam_desktop.core.exchange.errors import ExchangeError, Reason

from . import oracle, regressions
from .test_keycard_fuzz import ODD, spell

RECEIPT_KEY = DeviceIdentity(hashlib.sha256(b"fuzz receipt").digest())
ROOT = DeviceIdentity(hashlib.sha256(b"fuzz root").digest())
DEVICE = DeviceIdentity(hashlib.sha256(b"fuzz device").digest()).fingerprint
BUNDLE = {"bundle_id": "0b6f2c1e-5d6f-4a57-9a0e-0d7a4e1f2b3c", "seq": 1, "digest": "ab" * 32}
VALID = {"device_fingerprint": DEVICE, "issued_at": "2026-05-06T07:08:09Z",
         "hq_root": ROOT.fingerprint, "bundles": [BUNDLE],
         "testimonies": [["5d0c2a9e-1111-4a57-9a0e-0d7a4e1f2b3c", 2]]}  # version 1
ENTRY = {"id": "testimony/5d0c2a9e-1111-4a57-9a0e-0d7a4e1f2b3c/2", "kind": "testimony",
         "sha256": "cd" * 32}
VALID2 = {"device_fingerprint": DEVICE, "issued_at": "2026-05-06T07:08:09Z",
          "hq_root": ROOT.fingerprint, "bundles": [BUNDLE],
          "signer": {"key_id": RECEIPT_KEY.fingerprint, "card_serial": 2},
          "entries": [ENTRY, {"id": "media/5d0c2a9e-2222-4a57-9a0e-0d7a4e1f2b3c/cleaned",
                              "kind": "media", "sha256": "ef" * 32}]}  # version 2
NEAR = {
    "device_fingerprint": st.sampled_from([DEVICE.lower(), ROOT.fingerprint, DEVICE + "A",
                                           DEVICE.replace("-", "")]),
    "issued_at": st.sampled_from(["2026-05-06T07:08:09.5Z", "2026-13-06T07:08:09Z", ""]),
    "hq_root": st.sampled_from([DEVICE, ROOT.fingerprint.lower(), ""]),
    "bundles": st.lists(st.fixed_dictionaries({
        "bundle_id": st.sampled_from(["b", "-b", "a" * 65, "x/y", BUNDLE["bundle_id"]]),
        "seq": st.sampled_from([0, 1, True, 2**53 - 1, "1"]),
        "digest": st.sampled_from(["ab" * 32, "AB" * 32, "ab" * 31, ""])}), max_size=3)
    | st.just([{**BUNDLE, "extra": 1}]) | st.just([]),
    "testimonies": st.lists(st.tuples(st.sampled_from(["abcd", "ab/cd", "", "x" * 65, "ABCD-12"]),
                                      st.sampled_from([1, 0, -1, True, 2**53 - 1]))
                            .map(list), max_size=3) | st.just([["abcd", 1, 2]]),
    "signer": st.fixed_dictionaries({
        "key_id": st.sampled_from([RECEIPT_KEY.fingerprint, ROOT.fingerprint, "",
                                   RECEIPT_KEY.fingerprint.lower()]),
        "card_serial": st.sampled_from([0, 2, -1, True, "2"])})
    | st.just({"key_id": RECEIPT_KEY.fingerprint}),
    "entries": st.lists(st.fixed_dictionaries({
        "id": st.sampled_from([ENTRY["id"], "testimony/ab/0", "media/ab/cleaned",
                               "media/ab/thumb", "attachment/ab", "x" * 201, "attachment/a/b"]),
        "kind": st.sampled_from(["testimony", "attachment", "media", "other"]),
        "sha256": st.sampled_from(["cd" * 32, "CD" * 32, "cd" * 31])}), max_size=3)
    | st.just([{**ENTRY, "extra": 1}]) | st.just([]),
}


@st.composite
def payloads(draw: st.DrawFn, version: int) -> dict[str, Any]:
    valid = VALID if version == 1 else VALID2
    p: dict[str, Any] = dict(valid)
    n = draw(st.sampled_from([0, 0, 1, 1, 1, 2]))
    for key in draw(st.lists(st.sampled_from(sorted(valid)), min_size=n, max_size=n,
                             unique=True)):
        how = draw(st.integers(0, 5))
        if how == 0:
            del p[key]
        else:
            p[key] = draw(NEAR[key]) if how < 5 else draw(ODD)
    if draw(st.integers(0, 15)) == 0:
        p["entries" if version == 1 else "testimonies"] = draw(ODD)  # a key of the other
    return p  # version


def prop(data: bytes) -> None:
    expected = oracle.receipt(data, RECEIPT_KEY.public_key.hex(), ROOT.fingerprint, DEVICE)
    try:
        r = receipt.decode_receipt(data, receipt_key=RECEIPT_KEY.public_key,
                                   hq_root=ROOT.fingerprint, device=DEVICE)
    except ExchangeError as exc:
        assert expected is not None, f"refused a valid receipt: {exc}"
        want = Reason.UNSUPPORTED_VERSION if expected == "unsupported_version" \
            else Reason.RECEIPT_INVALID
        assert exc.reason is want, exc
        return
    assert expected is None, "accepted a receipt the rules refuse"
    p = json.loads(data.removeprefix(b"\xef\xbb\xbf"))["payload"]
    assert r.bundles == tuple((b["bundle_id"], b["seq"], b["digest"]) for b in p["bundles"])
    if "testimonies" in p:  # version 1
        assert r.testimonies == tuple((t[0], t[1]) for t in p["testimonies"])
        assert r.entries is None
    else:
        assert [(e.id, e.kind, e.sha256) for e in r.entries or ()] == [
            (e["id"], e["kind"], e["sha256"]) for e in p["entries"]]
        assert (r.key_id, r.card_serial) == (p["signer"]["key_id"], p["signer"]["card_serial"])
    assert (r.device_fingerprint, r.hq_root, r.issued_at) == (
        p["device_fingerprint"], p["hq_root"], p["issued_at"])


@st.composite
def documents(draw: st.DrawFn) -> tuple[dict[str, Any], int, int]:
    """(payload, envelope version, the version whose rules and context built it)."""
    made_as = draw(st.sampled_from([1, 2, 2]))
    version = draw(st.sampled_from([made_as] * 6 + [0, 3, 3 - made_as]))
    return draw(payloads(made_as)), version, made_as


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents(), signer=st.sampled_from(["receipt"] * 5 + ["root"]),
       how=st.integers(0, 4))
def test_structured_receipts(doc: tuple[dict[str, Any], int, int], signer: str,
                             how: int) -> None:
    payload, version, made_as = doc
    context = receipt.LEGACY_CONTEXT if made_as == 1 else receipt.CONTEXT
    try:
        message = signed_doc.message(context, payload)
    except ValueError:  # a value with no canonical form: sign something else
        message = repr(payload).encode()
    key = RECEIPT_KEY if signer == "receipt" else ROOT
    envelope = {"format": receipt.FORMAT, "version": version, "payload": payload,
                "signature": key.sign(message).hex()}
    regressions.check("receipt", "structured", spell(envelope, how), prop)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_byte_mutations_of_a_valid_receipt(data: st.DataObject) -> None:
    version = data.draw(st.sampled_from([1, 2]))
    raw = bytearray(signed_doc.make(
        receipt.FORMAT, version, receipt.LEGACY_CONTEXT if version == 1 else receipt.CONTEXT,
        VALID if version == 1 else VALID2, RECEIPT_KEY.sign))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        if data.draw(st.booleans()):
            raw[at] = data.draw(st.integers(0, 255))
        else:
            del raw[at]
    regressions.check("receipt", "bytes", bytes(raw), prop)


@pytest.mark.parametrize("path", regressions.files("receipt"), ids=lambda p: p.name)
def test_replay_kept_inputs(path: object) -> None:
    prop(path.read_bytes())  # type: ignore[attr-defined]
