"""The inner bundle stream: what the project writes parses back in any chunking; bundles
written from the spec by an independent writer (tests/bundle_kit.py) are accepted, and
each rule of docs/bundle-format.md sections 3-4 refuses with its documented reason.
(Property-based fuzzing: tests/fuzz/test_bundle_fuzz.py.)"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.exchange.bundle_format import (
    MAGIC,
    PREFIX,
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

from ... import bundle_kit as kit

DEVICE = DeviceIdentity(DeviceIdentity.generate_raw())


def our_stream(padding: int = 0) -> tuple[bytes, str, dict[str, bytes]]:
    """A stream made by the project's writer from the kit's valid records."""
    bodies = {e.id: e.body for e in kit.entries()}
    srcs = [EntrySource(EntryMeta(i, i.split("/")[0], len(b), hashlib.sha256(b).hexdigest()),
                        lambda b=b: [b[:3], b[3:]]) for i, b in bodies.items()]
    header = BundleHeader(
        bundle_id="b-1", created_at="2026-01-01T00:00:00Z", device_public_key=DEVICE.public_key,
        vault_id="v-1", seq=1, prev_digest="0" * 64,
        recipients=(recipient_fingerprint("age1example"),), hq_root="",
        audit_entries=3, audit_head="a" * 64, entries=tuple(s.meta for s in srcs),
        padding=padding)
    head, digest = sign_header(header, DEVICE.sign)
    return InnerStream(head, srcs, padding=padding).read(), digest, bodies


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


def refused(data: bytes) -> ExchangeError:
    with pytest.raises(ExchangeError) as exc:
        parse(data)
    return exc.value


STREAM, DIGEST, BODIES = our_stream(padding=777)


@given(step=st.integers(min_value=1, max_value=5000))
def test_round_trip_in_any_chunking(step: int) -> None:
    parser, sink = parse(STREAM, step)
    assert sink.bodies == BODIES
    assert parser.digest == DIGEST
    assert parser.header is not None and parser.header.padding == 777
    assert parser.records[f"testimony/{kit.TID}/1"]["testimony"]["id"] == kit.TID


@pytest.mark.parametrize("version", [1, 2])
def test_bundles_written_from_the_spec_alone_are_accepted(version: int) -> None:
    b = kit.Bundle(entries=kit.entries(version), version=version,
                   padding=0 if version == 1 else 4096)
    parser, sink = parse(b.inner())
    assert parser.digest == b.digest()
    assert parser.header is not None and parser.header.version == version
    assert sink.bodies[f"media/{kit.AID}/cleaned"] == b"cleaned"


def test_signature_covers_header() -> None:
    data = bytearray(STREAM)
    at = data.index(b'"seq":1') + 6
    data[at] = ord("2")
    assert refused(bytes(data)).reason is Reason.BAD_SIGNATURE


def test_signed_by_another_key_than_the_header_names() -> None:
    b = kit.Bundle(signer=kit.device_key(2))
    assert refused(b.inner()).reason is Reason.BAD_SIGNATURE


def test_altered_body_is_a_hash_mismatch() -> None:
    b = kit.Bundle()  # the header (and the record) keep the original's hash
    b.entries[-1].sha256 = hashlib.sha256(b.entries[-1].body).hexdigest()
    b.entries[-1].body = b"original bytez"
    assert refused(b.inner()).reason is Reason.HASH_MISMATCH


@pytest.mark.parametrize("cut", [1, 12, 40, 200, 2000])
def test_truncated_stream_is_refused(cut: int) -> None:
    assert refused(STREAM[:-cut]).reason is Reason.TRUNCATED


@pytest.mark.parametrize("tail", [b"\0", b"\1", b"x" * 10])
def test_bytes_after_the_end_are_refused(tail: bytes) -> None:
    assert refused(STREAM + tail).reason is Reason.MALFORMED
    v1 = kit.Bundle(entries=kit.entries(1), version=1, padding_bytes=tail)
    assert refused(v1.inner()).reason is Reason.MALFORMED  # version 1 has no padding


def test_padding_must_be_zero_bytes() -> None:
    b = kit.Bundle(padding=10, padding_bytes=bytes(9) + b"\1")
    assert refused(b.inner()).reason is Reason.MALFORMED


def test_oversize_header_is_refused_before_reading_it() -> None:
    parser = BundleParser(HashOnlySink())
    with pytest.raises(ExchangeError) as exc:
        parser.write(PREFIX.pack(MAGIC, 2, 2**31))
        parser.finish()
    assert exc.value.reason is Reason.OVERSIZE
    with pytest.raises(ExchangeError):  # and it stays refused
        parser.write(b"x")


@pytest.mark.parametrize("version", [0, 3, 65535])
def test_unknown_format_version_is_refused_as_such(version: int) -> None:
    b = kit.Bundle(prefix_version=version, header_over={"version": version})
    exc = refused(b.inner())
    assert exc.reason is Reason.UNSUPPORTED_VERSION and f"version {version}" in exc.detail


def test_header_version_must_equal_the_prefix() -> None:
    assert refused(kit.Bundle(prefix_version=1).inner()).reason is Reason.MALFORMED


def test_source_that_changed_stops_the_stream() -> None:
    meta = EntryMeta(f"attachment/{kit.AID}", "attachment", 7,
                     hashlib.sha256(b'{"x":1}').hexdigest())
    bad = EntrySource(meta, lambda: [b'{"x":2}'])
    header = BundleHeader("b", "2026-01-01T00:00:00Z", DEVICE.public_key, "v", 1, "0" * 64,
                          ("ab" * 32,), "", 0, "0" * 64, (meta,))
    head, _ = sign_header(header, DEVICE.sign)
    stream = InnerStream(head, [bad])
    with pytest.raises(ExchangeError) as exc:
        stream.read()
    assert exc.value.reason is Reason.SOURCE_CHANGED
    assert isinstance(stream.error, ExchangeError)


# ---- the rules of sections 3.1, 3.5 and 3.6, one at a time -----------------------------
def _swap(b: kit.Bundle) -> None:
    b.entries[1], b.entries[2] = b.entries[2], b.entries[1]  # media before its record


def _record_after_media(b: kit.Bundle) -> None:
    other = kit.testimony("abcd", acts=[])
    b.entries.append(kit.Entry("testimony/abcd/1", "testimony",
                               kit.canonical(kit.testimony_body(other, attachments=()))))


def _media_hash(b: kit.Bundle) -> None:
    b.entries[2] = kit.Entry(f"media/{kit.AID}/cleaned", "media", b"other cleaned")


def _orphan_media(b: kit.Bundle) -> None:
    b.entries.append(kit.Entry("media/ffff/cleaned", "media", b"x"))


def _unlisted(b: kit.Bundle) -> None:
    b.entries[0] = kit.Entry(f"testimony/{kit.TID}/1", "testimony",
                             kit.canonical(kit.testimony_body(attachments=())))


def _listed_missing(b: kit.Bundle) -> None:
    b.entries[0] = kit.Entry(f"testimony/{kit.TID}/1", "testimony",
                             kit.canonical(kit.testimony_body(attachments=(kit.AID, "abcd"))))


def _attachment_of_other(b: kit.Bundle) -> None:
    b.entries[1] = kit.Entry(f"attachment/{kit.AID}", "attachment",
                             kit.canonical(kit.attachment_body(tid="abcdef")))


def _id_content(b: kit.Bundle) -> None:
    b.entries[0].id = f"testimony/{kit.TID}/2"


def _record(**over: Any) -> Callable[[kit.Bundle], None]:
    def change(b: kit.Bundle) -> None:
        b.entries[0].body = kit.canonical(kit.testimony_body(kit.testimony(**over)))
    return change


def _body(**over: Any) -> Callable[[kit.Bundle], None]:
    def change(b: kit.Bundle) -> None:
        b.entries[0].body = kit.canonical(kit.testimony_body(**over))
    return change


def _not_canonical(b: kit.Bundle) -> None:
    b.entries[0].body = json.dumps(json.loads(b.entries[0].body), indent=1).encode()


def _kind(b: kit.Bundle) -> None:
    b.entries[1].kind = "testimony"


@pytest.mark.parametrize(("change", "reason"), [
    (_swap, Reason.MALFORMED),  # form checks (order) come before consistency
    (_record_after_media, Reason.MALFORMED),
    (_kind, Reason.MALFORMED),
    (_media_hash, Reason.INCONSISTENT),
    (_orphan_media, Reason.INCONSISTENT),
    (_unlisted, Reason.INCONSISTENT),
    (_listed_missing, Reason.INCONSISTENT),
    (_attachment_of_other, Reason.INCONSISTENT),
    (_id_content, Reason.INCONSISTENT),
    (_not_canonical, Reason.MALFORMED),
    (_record(created_at="2026-01-01T00:00:59.123+00:00"), Reason.MALFORMED),
    (_record(status="draft"), Reason.MALFORMED),
    (_record(extra=1), Reason.MALFORMED),
    (_body(t=kit.testimony(identity={"name": "N", "birth_date": "", "contact": "",
                                      "documents": ""}), identity_included=False),
     Reason.MALFORMED),  # identity present but identity_included false
    (_record(interview={**kit.testimony()["interview"], "mode": "by pigeon"}), Reason.MALFORMED),
    (_record(interview={**kit.testimony()["interview"], "date": "2025-13-01"}), Reason.MALFORMED),
    (_record(interview={**kit.testimony()["interview"], "date": "２０２５-03-01"}),
     Reason.MALFORMED),  # full-width digits are not ASCII digits
    (_body(vocabulary={"version": "2026.1", "terms": {}}), Reason.MALFORMED),
    (_body(revision=2), Reason.MALFORMED),
])
def test_each_rule_refuses_with_its_reason(change: Callable[[kit.Bundle], None],
                                           reason: Reason) -> None:
    b = kit.Bundle()
    change(b)
    exc = refused(b.inner())
    assert exc.reason is reason, exc


def _attachment(**over: Any) -> Callable[[kit.Bundle], None]:
    def change(b: kit.Bundle) -> None:
        b.entries[1].body = kit.canonical(kit.attachment_body(**over))
        del b.entries[2]  # no cleaned copy is sent (none exists, or the record is wrong)
    return change


@pytest.mark.parametrize(("over", "reason"), [
    ({"cleaned": None}, None),  # no cleaned copy: "" and 0, accepted
    ({"cleaned": None, "size_cleaned": 5}, Reason.MALFORMED),  # "" with a size
    ({"cleaned": None, "size_cleaned": 1 << 40}, Reason.MALFORMED),
])
def test_an_attachment_without_a_cleaned_copy_has_empty_hash_and_size_zero(
        over: dict[str, Any], reason: Reason | None) -> None:
    b = kit.Bundle()
    _attachment(**over)(b)
    if reason is None:
        parser, _ = parse(b.inner())
        assert parser.records[f"attachment/{kit.AID}"]["size_cleaned"] == 0
    else:
        exc = refused(b.inner())
        assert exc.reason is reason and "size_cleaned" in exc.detail, exc


@pytest.mark.parametrize("seq", [1, 2])
def test_prev_digest_of_the_first_bundle_is_64_zeros(seq: int) -> None:
    """seq 1 with another prev_digest is malformed (H1); from seq 2 any digest is a form."""
    b = kit.Bundle(header_over={"seq": seq, "prev_digest": "ab" * 32})
    if seq == 1:
        exc = refused(b.inner())
        assert exc.reason is Reason.MALFORMED and "prev_digest" in exc.detail
    else:
        assert parse(b.inner())[0].header is not None


def test_a_version_1_record_has_no_vocabulary_and_a_version_2_record_needs_one() -> None:
    v1 = kit.Bundle(entries=kit.entries(2), version=1)  # a v2 record in a v1 bundle
    assert refused(v1.inner()).reason is Reason.MALFORMED
    v2 = kit.Bundle(entries=kit.entries(1), version=2)
    assert refused(v2.inner()).reason is Reason.MALFORMED


@pytest.mark.parametrize("mutate", [
    lambda d: d.update(entries=[{"id": f"attachment/{kit.AID}", "kind": "attachment",
                                 "size": 1, "sha256": "0" * 64}] * 2),
    lambda d: d.update(entries=[{"id": "../etc", "kind": "media", "size": 1,
                                 "sha256": "0" * 64}]),
    lambda d: d.update(entries=[{"id": f"testimony/{kit.TID}/01", "kind": "testimony",
                                 "size": 1, "sha256": "0" * 64}]),
    lambda d: d.update(version=1),
    lambda d: d["device"].update(fingerprint="AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"),
    lambda d: d.update(extra=1),
    lambda d: d.update(seq=True),
    lambda d: d.update(created_at="2026-01-01T00:00:59.123+00:00"),
    lambda d: d.update(hq_root="not a fingerprint"),
    lambda d: d.update(recipients=["ab" * 32, "ab" * 32]),
    lambda d: d.update(padding=-1),
    lambda d: d.update(seq=1, prev_digest="ab" * 32),  # the first bundle follows nothing
])
def test_specific_malformed_headers(mutate: Callable[[dict[str, Any]], None]) -> None:
    raw = kit.Bundle().header()
    mutate(raw)
    with pytest.raises(ExchangeError) as exc:
        parse_header(json.dumps(raw).encode(), 2)
    assert exc.value.reason is Reason.MALFORMED


def test_a_record_larger_than_the_limit_is_oversize() -> None:
    raw = kit.Bundle().header()
    raw["entries"][0]["size"] = 16 * 1024 * 1024 + 1
    with pytest.raises(ExchangeError) as exc:
        parse_header(json.dumps(raw).encode(), 2)
    assert exc.value.reason is Reason.OVERSIZE


# 2 (little-endian) is a y for which no x exists: not a point; p + 1 is y >= p (not
# canonical). Neither decodes, so nothing verifies under it: S1, bad_signature
# (conventions 1), never malformed (the form, 64 lower-case hex, is right).
@pytest.mark.parametrize("key", [(2).to_bytes(32, "little"),
                                 (2**255 - 19 + 1).to_bytes(32, "little")])
def test_a_device_key_that_does_not_decode_is_a_bad_signature(key: bytes) -> None:
    b = kit.Bundle(header_over={"device": {"public_key": key.hex(),
                                           "fingerprint": kit.fingerprint(key)}})
    assert refused(b.inner()).reason is Reason.BAD_SIGNATURE
