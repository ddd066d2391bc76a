"""The header's ``audit.unfinished`` list (docs/bundle-format.md 3.1): earlier export
attempts of the device that did not complete. Pinned by hand-written JSON, refused when
it could mislead HQ (a number not below the bundle's own, out of order, unknown state)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.exchange.bundle_format import (
    BundleHeader,
    UnfinishedExport,
    parse_header,
)
from nam_desktop.core.exchange.errors import ExchangeError, Reason

DEVICE = DeviceIdentity(bytes(range(32)))
D = "d" * 64


def header(seq: int = 5, unfinished: tuple[UnfinishedExport, ...] = ()) -> BundleHeader:
    return BundleHeader(
        bundle_id="b-5", created_at="2026-01-01T00:00:00Z", device_public_key=DEVICE.public_key,
        vault_id="v-1", seq=seq, prev_digest="0" * 64, recipients=("1" * 64,), hq_root="",
        audit_entries=3, audit_head="a" * 64, entries=(), unfinished=unfinished)


def test_audit_object_is_written_exactly_as_documented() -> None:
    h = header(unfinished=(UnfinishedExport(2, "b-2", D, "interrupted"),
                           UnfinishedExport(4, "b-4", D, "cancelled")))
    text = h.encode().decode("ascii")
    expected = ('"audit":{"entries":3,"head":"' + "a" * 64 + '","unfinished":['
                '{"bundle_id":"b-2","digest":"' + D + '","seq":2,"state":"interrupted"},'
                '{"bundle_id":"b-4","digest":"' + D + '","seq":4,"state":"cancelled"}]}')
    assert expected in text
    assert parse_header(h.encode()) == h


def test_without_unfinished_attempts_the_audit_object_is_unchanged() -> None:
    """A bundle with nothing to report reads exactly as format version 1 always did."""
    text = header().encode().decode("ascii")
    assert '"audit":{"entries":3,"head":"' + "a" * 64 + '"}' in text
    assert parse_header(header().encode()).unfinished == ()


def _doc(**audit: Any) -> bytes:
    doc = json.loads(header().encode())
    doc["audit"].update(audit)
    return json.dumps(doc).encode()


def test_a_hand_written_header_is_read() -> None:
    item = {"seq": 3, "bundle_id": "x-3", "digest": D, "state": "failed"}
    assert parse_header(_doc(unfinished=[item])).unfinished == (
        UnfinishedExport(3, "x-3", D, "failed"),)


@pytest.mark.parametrize(("unfinished", "why"), [
    ([], "list of 1 to"),
    (None, "list of 1 to"),
    ([{"seq": 5, "bundle_id": "x", "digest": D, "state": "failed"}], "seq must be"),
    ([{"seq": 0, "bundle_id": "x", "digest": D, "state": "failed"}], "seq must be"),
    ([{"seq": 3, "bundle_id": "x", "digest": D, "state": "failed"},
      {"seq": 2, "bundle_id": "y", "digest": D, "state": "failed"}], "not ascending"),
    ([{"seq": 2, "bundle_id": "x", "digest": D, "state": "failed"},
      {"seq": 2, "bundle_id": "y", "digest": D, "state": "failed"}], "not ascending"),
    ([{"seq": 2, "bundle_id": "x", "digest": D, "state": "lost"}], "state is unknown"),
    ([{"seq": 2, "bundle_id": "x", "digest": "D" * 64, "state": "failed"}], "wrong form"),
    ([{"seq": 2, "bundle_id": "x", "digest": D, "state": "failed", "note": ""}], "keys"),
    ([{"seq": True, "bundle_id": "x", "digest": D, "state": "failed"}], "seq must be"),
])
def test_misleading_lists_are_refused(unfinished: object, why: str) -> None:
    with pytest.raises(ExchangeError) as exc:
        parse_header(_doc(unfinished=unfinished))
    assert exc.value.reason is Reason.MALFORMED and why in str(exc.value)


def test_other_unknown_audit_keys_are_still_refused() -> None:
    with pytest.raises(ExchangeError) as exc:
        parse_header(_doc(lost=[]))
    assert exc.value.reason is Reason.MALFORMED and "audit must be an object" in str(exc.value)
