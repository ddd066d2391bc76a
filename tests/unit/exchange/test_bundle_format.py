"""The inner bundle stream: round trip in any chunking, and a parser that refuses
malformed, oversize, forged, altered and truncated input with a typed reason only."""

from __future__ import annotations

import hashlib
import json
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.exchange.bundle_format import (
    MAGIC,
    PREFIX,
    SIG_LEN,
    BundleHeader,
    BundleParser,
    EntryMeta,
    HashOnlySink,
    parse_header,
    recipient_fingerprint,
    sign_header,
)
from nam_desktop.core.exchange.bundle_writer import EntrySource, InnerStream
from nam_desktop.core.exchange.errors import ExchangeError, Reason

DEVICE = DeviceIdentity(DeviceIdentity.generate_raw())
BODIES = {"testimony/a/1": b'{"x":1}', "media/b/cleaned": bytes(range(256)) * 40,
          "attachment/b": b""}


def header(entries: list[EntryMeta], seq: int = 1) -> BundleHeader:
    return BundleHeader(
        bundle_id="b-1", created_at="2026-01-01T00:00:00Z", device_public_key=DEVICE.public_key,
        vault_id="v-1", seq=seq, prev_digest="0" * 64,
        recipients=(recipient_fingerprint("age1example"),), hq_root="",
        audit_entries=3, audit_head="a" * 64, entries=tuple(entries))


def sources(bodies: dict[str, bytes] = BODIES) -> list[EntrySource]:
    out = []
    for entry_id, body in bodies.items():
        kind = entry_id.split("/")[0]
        meta = EntryMeta(entry_id, kind, len(body), hashlib.sha256(body).hexdigest())
        out.append(EntrySource(meta, lambda b=body: [b[:100], b[100:]]))
    return out


def build(srcs: list[EntrySource] | None = None) -> tuple[bytes, str]:
    srcs = sources() if srcs is None else srcs
    head, digest = sign_header(header([s.meta for s in srcs]), DEVICE.sign)
    return InnerStream(head, srcs).read(), digest


class Collect:
    def __init__(self) -> None:
        self.bodies: dict[str, bytes] = {}
        self._cur = b""

    def begin(self, entry: EntryMeta) -> None:
        self._cur = b""

    def data(self, chunk: memoryview) -> None:
        self._cur += bytes(chunk)

    def end(self, entry: EntryMeta) -> None:
        self.bodies[entry.id] = self._cur


def parse(data: bytes, step: int = 1 << 20) -> tuple[BundleParser, Collect]:
    sink = Collect()
    parser = BundleParser(sink)
    for i in range(0, len(data), step):
        parser.write(data[i:i + step])
    parser.finish()
    return parser, sink


STREAM, DIGEST = build()


@settings(max_examples=40, deadline=None)
@given(step=st.integers(min_value=1, max_value=5000))
def test_round_trip_in_any_chunking(step: int) -> None:
    parser, sink = parse(STREAM, step)
    assert sink.bodies == BODIES
    assert parser.digest == DIGEST
    assert parser.header is not None and parser.header.seq == 1


def test_signature_covers_header() -> None:
    data = bytearray(STREAM)
    at = data.index(b'"seq":1') + 6
    data[at] = ord("2")
    with pytest.raises(ExchangeError) as exc:
        parse(bytes(data))
    assert exc.value.reason is Reason.BAD_SIGNATURE


def test_altered_body_is_a_hash_mismatch() -> None:
    data = bytearray(STREAM)
    data[-20] ^= 1  # inside the last body
    with pytest.raises(ExchangeError) as exc:
        parse(bytes(data))
    assert exc.value.reason is Reason.HASH_MISMATCH


@pytest.mark.parametrize("cut", [1, 12, 40, 200, 5000])
def test_truncated_stream_is_refused(cut: int) -> None:
    with pytest.raises(ExchangeError) as exc:
        parse(STREAM[:-cut])
    assert exc.value.reason is Reason.TRUNCATED


def test_bytes_after_end_are_refused() -> None:
    with pytest.raises(ExchangeError) as exc:
        parse(STREAM + b"\0")
    assert exc.value.reason is Reason.MALFORMED


def test_oversize_header_is_refused_before_reading_it() -> None:
    parser = BundleParser(HashOnlySink())
    with pytest.raises(ExchangeError) as exc:
        parser.write(PREFIX.pack(MAGIC, 1, 2**31))
        parser.finish()
    assert exc.value.reason is Reason.OVERSIZE
    with pytest.raises(ExchangeError):  # and it stays refused
        parser.write(b"x")


def test_source_that_changed_stops_the_stream() -> None:
    srcs = sources()
    bad = EntrySource(srcs[0].meta, lambda: [b'{"x":2}'])
    head, _ = sign_header(header([s.meta for s in [bad]]), DEVICE.sign)
    stream = InnerStream(head, [bad])
    with pytest.raises(ExchangeError) as exc:
        stream.read()
    assert exc.value.reason is Reason.SOURCE_CHANGED
    assert isinstance(stream.error, ExchangeError)


def _signed_stream(header_bytes: bytes) -> bytes:
    prefix = PREFIX.pack(MAGIC, 1, len(header_bytes))
    from nam_desktop.core.exchange.bundle_format import signed_message

    return prefix + header_bytes + DEVICE.sign(signed_message(prefix, header_bytes))


def _reasons_ok(exc: ExchangeError) -> bool:
    return exc.reason in (Reason.MALFORMED, Reason.OVERSIZE, Reason.BAD_SIGNATURE,
                          Reason.TRUNCATED, Reason.HASH_MISMATCH)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_fuzz_random_bytes_only_raise_typed_errors(data: bytes) -> None:
    parser = BundleParser(HashOnlySink())
    with pytest.raises(ExchangeError) as exc:
        parser.write(data)
        parser.finish()
    assert _reasons_ok(exc.value)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(sorted(header([]).to_json())), value=JSON_VALUES)
def test_fuzz_signed_headers_with_a_wrong_field(key: str, value: object) -> None:
    """A correctly signed header with one field replaced by arbitrary JSON."""
    doc = header([EntryMeta("testimony/a/1", "testimony", 0, hashlib.sha256().hexdigest())])
    raw = doc.to_json()
    raw[key] = value
    data = json.dumps(raw).encode()
    parser = BundleParser(HashOnlySink())
    try:
        parser.write(_signed_stream(data) + struct.pack(">8sI", b"NAMB-END", 1))
        parser.finish()
    except ExchangeError as exc:
        assert _reasons_ok(exc)
    else:  # the replacement happened to be valid: then it must parse back to itself
        assert parser.header is not None
        assert parse_header(data) == parser.header


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_fuzz_signed_garbage_headers(data: bytes) -> None:
    parser = BundleParser(HashOnlySink())
    with pytest.raises(ExchangeError) as exc:
        parser.write(_signed_stream(data or b"x"))
        parser.finish()
    assert _reasons_ok(exc.value)


@pytest.mark.parametrize("mutate", [
    lambda d: d.update(entries=[{"id": "x", "kind": "media", "size": 1, "sha256": "0" * 64}] * 2),
    lambda d: d.update(entries=[{"id": "../etc", "kind": "media", "size": 1,
                                 "sha256": "0" * 64}]),
    lambda d: d.update(entries=[{"id": "a", "kind": "testimony", "size": 2**40,
                                 "sha256": "0" * 64}]),
    lambda d: d.update(version=2),
    lambda d: d["device"].update(fingerprint="AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"),
    lambda d: d.update(extra=1),
    lambda d: d.update(seq=True),
])
def test_specific_malformed_headers(mutate: object) -> None:
    raw = header([]).to_json()
    mutate(raw)  # type: ignore[operator]
    with pytest.raises(ExchangeError) as exc:
        parse_header(json.dumps(raw).encode())
    assert exc.value.reason in (Reason.MALFORMED, Reason.OVERSIZE)


def test_duplicate_keys_and_nan_are_refused() -> None:
    with pytest.raises(ExchangeError):
        parse_header(b'{"a":1,"a":2}')
    with pytest.raises(ExchangeError):
        parse_header(b'{"a":NaN}')


def test_signature_length_constant() -> None:
    assert len(DEVICE.sign(b"x")) == SIG_LEN
