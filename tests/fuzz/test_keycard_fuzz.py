"""Structure-aware fuzzing of key cards: cards built from valid and near-miss field values,
signed by the right or a wrong key, spelled in every way an editor or a QR scanner might;
the project must reach the verdict the documented rules give (tests/fuzz/oracle.py), and
a valid card must read back as exactly what was signed."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.exchange import keycard, signed_doc
from nam_desktop.core.exchange.errors import ExchangeError, Reason

from . import oracle, regressions

ROOT = DeviceIdentity(hashlib.sha256(b"fuzz root").digest())
OTHER = DeviceIdentity(hashlib.sha256(b"fuzz other").digest())
RECEIPT = DeviceIdentity(hashlib.sha256(b"fuzz receipt").digest())
RECIPIENTS = ["age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
              "age1lggyhqrw2nlhcxprm67z43rta597azn8gknawjehu9d9dl0jq3yqqvfafg"]
CARD = {"root_public_key": ROOT.public_key.hex(), "serial": 3,
        "issued_at": "2026-05-06T07:08:09Z", "hq_name": "Штаб", "recipients": RECIPIENTS,
        "receipt_public_key": RECEIPT.public_key.hex(), "accept_originals": True}

ODD = (st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.text(max_size=20)
       | st.lists(st.integers(0, 3), max_size=2) | st.dictionaries(st.text(max_size=3),
                                                                    st.integers(), max_size=2))
NEAR = {
    "root_public_key": st.sampled_from([ROOT.public_key.hex().upper(), "00" * 32, "ab",
                                        OTHER.public_key.hex()]),
    "serial": st.sampled_from([0, -1, True, "3", 2**53 - 1, 1]),
    "issued_at": st.sampled_from(["2026-05-06T07:08:09.1Z", "2026-05-06 07:08:09Z",
                                  "2026-02-30T00:00:00Z", "2026-05-06T07:08:09+00:00",
                                  "2026-05-06t07:08:09z", "0000-01-01T00:00:00Z",
                                  "9999-12-31T23:59:59Z", "２０２６-05-06T07:08:09Z"]),
    "hq_name": st.sampled_from(["", "x" * 200, "x" * 201, "HQ\u202e", "HQ\t", "\U0001f54a" * 200,
                                "Штаб\u2066"]) | st.text(max_size=30),
    "recipients": st.sampled_from([[], RECIPIENTS * 8 + [RECIPIENTS[0]], RECIPIENTS * 8,
                                   [RECIPIENTS[0].upper()], [RECIPIENTS[0], RECIPIENTS[0]],
                                   [RECIPIENTS[0][:-1] + "q"], [" " + RECIPIENTS[0]],
                                   [RECIPIENTS[1]], ["age1"]]),
    "receipt_public_key": st.sampled_from(["", "g" * 64, RECEIPT.public_key.hex()[:-2]]),
    "accept_originals": st.sampled_from([0, 1, "true", None, False]),
}


@st.composite
def payloads(draw: st.DrawFn) -> dict[str, Any]:
    """A valid card with 0 to 3 fields changed: left out, a near miss, or any JSON."""
    p: dict[str, Any] = dict(CARD)
    n = draw(st.sampled_from([0, 0, 1, 1, 1, 2, 3]))
    changed = draw(st.lists(st.sampled_from(sorted(CARD)), min_size=n, max_size=n, unique=True))
    for key in changed:
        how = draw(st.integers(0, 5))
        if how == 0:
            del p[key]
        else:
            p[key] = draw(NEAR[key]) if how < 5 else draw(ODD)
    if draw(st.integers(0, 15)) == 0:
        p[draw(st.sampled_from(["extra", "Serial", "root_public_key "]))] = draw(ODD)
    return p


def spell(doc: dict[str, Any], how: int) -> bytes:
    """The same document as a file: canonical, pretty, ASCII-escaped, BOM, CRLF, ..."""
    if how == 0:  # compact, sorted (canonical when the values allow it)
        return json.dumps(doc, sort_keys=True, ensure_ascii=False,
                          separators=(",", ":")).encode()
    if how == 1:
        return json.dumps(doc, ensure_ascii=False, indent=3).encode()
    if how == 2:
        return json.dumps(doc, ensure_ascii=True).encode()
    if how == 3:
        return b"\xef\xbb\xbf" + json.dumps(doc, ensure_ascii=False).encode()
    return json.dumps(dict(reversed(list(doc.items()))), ensure_ascii=False,
                      indent=1).replace("\n", "\r\n").encode()


def prop(data: bytes) -> None:
    expected = oracle.keycard(data)
    try:
        card = keycard.parse_keycard(data)
    except ExchangeError as exc:
        assert expected is not None, f"refused a valid card: {exc}"
        want = Reason.UNSUPPORTED_VERSION if expected == "unsupported_version" \
            else Reason.KEYCARD_INVALID
        assert exc.reason is want, exc
        return
    assert expected is None, "accepted a card the rules refuse"
    payload = json.loads(data.removeprefix(b"\xef\xbb\xbf"))["payload"]
    assert (card.root_public_key.hex(), card.serial, card.issued_at, card.hq_name,
            list(card.recipients), card.receipt_public_key.hex(), card.accept_originals) == (
        payload["root_public_key"], payload["serial"], payload["issued_at"],
        payload["hq_name"][:200], payload["recipients"], payload["receipt_public_key"],
        payload["accept_originals"])


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=payloads(), version=st.sampled_from([2, 2, 2, 2, 2, 1, 1, 3, 0]),
       signer=st.sampled_from(["root"] * 6 + ["other", "none"]), how=st.integers(0, 4))
def test_structured_cards(payload: dict[str, Any], version: int, signer: str,
                          how: int) -> None:
    try:
        message = signed_doc.message(keycard.CONTEXT, payload, legacy_ascii=version == 1)
    except ValueError:  # an integer or float with no canonical form: sign the repr instead
        message = repr(payload).encode()
    key = {"root": ROOT, "other": OTHER}.get(signer)
    sig = key.sign(message).hex() if key is not None else "00" * 64
    doc = {"format": keycard.FORMAT, "version": version, "payload": payload, "signature": sig}
    regressions.check("keycard", "structured", spell(doc, how), prop)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_byte_mutations_of_a_valid_card(data: st.DataObject) -> None:
    raw = bytearray(signed_doc.make(keycard.FORMAT, 2, keycard.CONTEXT, CARD, ROOT.sign))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        op = data.draw(st.integers(0, 2))
        if op == 0:
            raw[at] = data.draw(st.integers(0, 255))
        elif op == 1:
            del raw[at]
        else:
            raw.insert(at, data.draw(st.sampled_from(b' \\"{}[],:0u\n\xd0')))
    regressions.check("keycard", "bytes", bytes(raw), prop)


@pytest.mark.parametrize("path", regressions.files("keycard"), ids=lambda p: p.name)
def test_replay_kept_inputs(path: object) -> None:
    prop(path.read_bytes())  # type: ignore[attr-defined]


def test_the_fixed_recipients_are_real() -> None:
    for r in RECIPIENTS:
        pyrage.x25519.Recipient.from_str(r)
    assert oracle.keycard(signed_doc.make(keycard.FORMAT, 2, keycard.CONTEXT, CARD,
                                          ROOT.sign)) is None
