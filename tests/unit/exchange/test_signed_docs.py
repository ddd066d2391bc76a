"""Key card and signed-document parsing: only typed refusals for hostile input."""

from __future__ import annotations

import json

import pyrage
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.exchange import keycard, signed_doc
from nam_desktop.core.exchange.errors import ExchangeError, Reason

ROOT = DeviceIdentity(DeviceIdentity.generate_raw())
RECEIPT = DeviceIdentity(DeviceIdentity.generate_raw())
RECIPIENT = str(pyrage.x25519.Identity.generate().to_public())


def payload(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "root_public_key": ROOT.public_key.hex(), "serial": 1, "issued_at": "2026-01-01",
        "hq_name": "HQ", "recipients": [RECIPIENT],
        "receipt_public_key": RECEIPT.public_key.hex(), "accept_originals": True}
    base.update(changes)
    return base


def card(p: dict[str, object], signer: DeviceIdentity = ROOT) -> bytes:
    return signed_doc.make(keycard.FORMAT, keycard.VERSION, keycard.CONTEXT, p, signer.sign)


def test_valid_card_parses() -> None:
    parsed = keycard.parse_keycard(card(payload()))
    assert parsed.root_fingerprint == ROOT.fingerprint
    assert parsed.recipients == (RECIPIENT,) and parsed.accept_originals


@pytest.mark.parametrize("changes", [
    {"recipients": []}, {"recipients": ["not-a-recipient"]}, {"recipients": [5]},
    {"serial": 0}, {"serial": True}, {"serial": "1"}, {"receipt_public_key": "00"},
    {"accept_originals": "yes"}, {"extra": 1},
])
def test_bad_fields_are_refused_even_when_signed(changes: dict[str, object]) -> None:
    with pytest.raises(ExchangeError) as exc:
        keycard.parse_keycard(card(payload(**changes)))
    assert exc.value.reason is Reason.KEYCARD_INVALID


def test_card_signed_by_another_key_is_refused() -> None:
    with pytest.raises(ExchangeError):
        keycard.parse_keycard(card(payload(), signer=RECEIPT))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600))
def test_fuzz_bytes(data: bytes) -> None:
    with pytest.raises(ExchangeError):
        keycard.parse_keycard(data)


@settings(max_examples=100, deadline=None)
@given(key=st.sampled_from(sorted(payload())),
       value=st.none() | st.booleans() | st.integers() | st.text(max_size=30)
       | st.lists(st.text(max_size=5), max_size=3))
def test_fuzz_one_signed_field(key: str, value: object) -> None:
    data = card(payload(**{key: value}))
    try:
        parsed = keycard.parse_keycard(data)
    except ExchangeError as exc:
        assert exc.reason is Reason.KEYCARD_INVALID
    else:
        assert json.loads(parsed.raw)["payload"][key] == value
