"""Structure-aware fuzzing of the bundle reader: valid bundles (written from the spec by
tests/bundle_kit.py) with a few changes at any level (framing, header fields, entry list,
record fields, bodies, padding), signed or not. The project's reader and the reference
verifier written from the docs (docs/test-vectors/reference_verifier.py) must reach the
same verdict, and the project may only ever raise its typed error."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nam_desktop.core.exchange.bundle_format import BundleParser, HashOnlySink
from nam_desktop.core.exchange.bundle_verify import ExpectedSigner, header_check
from nam_desktop.core.exchange.errors import ExchangeError

from .. import bundle_kit as kit
from . import oracle, regressions
from .test_keycard_fuzz import ODD

MINE = "ab" * 32  # the recipient fingerprint the reader holds (kit.Bundle's default)
KEY = kit.public_bytes(kit.device_key())
NEAR_STRINGS = st.sampled_from([
    "", "2026-01-02T03:04:05.1Z", "2026-02-30T00:00:00Z", "AB" * 32, "ab" * 31, "0" * 64,
    "xyz", "ffff", "abcd-12", "in_person", "remote", "written", "witness", "exact", "range",
    "2020", "2020-13", "2020-08-32", "２０２０", "clean", "refused", "recording", "final",
    "draft", "arbitrary_detention", "Other", "testimony", "media", "attachment"])
VALUES = NEAR_STRINGS | ODD | st.integers(0, 2**53 - 1)


def project(data: bytes) -> str | None:
    expected = ExpectedSigner(keys={KEY: "device"}, source="device key")
    parser = BundleParser(HashOnlySink(), header_check({MINE}, hq_root=None,
                                                       expected=expected, found=[]))
    try:
        parser.write(data)
        parser.finish()
    except ExchangeError as exc:
        return exc.reason.value
    return None


def prop(data: bytes) -> None:
    theirs = oracle.bundle_inner(data, {MINE}, KEY)
    ours = project(data)
    assert ours == theirs, f"project says {ours}, the documented rules say {theirs}"


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside nested dicts and lists."""
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


def _mutate(draw: st.DrawFn, doc: Any) -> Any:
    """Replace, delete or add one value somewhere in a JSON document."""
    paths = [p for p in _paths(doc) if p]
    if not paths:
        return doc
    path = draw(st.sampled_from(paths))
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    op = draw(st.integers(0, 5))
    if op == 0 and isinstance(parent, dict):
        del parent[path[-1]]
    elif op == 1 and isinstance(parent, dict):
        parent[draw(st.sampled_from(["extra", "identity", "padding", "Id"]))] = draw(VALUES)
    else:
        parent[path[-1]] = draw(VALUES)
    return doc


@st.composite
def bundles(draw: st.DrawFn) -> bytes:
    version = draw(st.sampled_from([2, 2, 2, 1]))
    b = kit.Bundle(entries=kit.entries(version, original=draw(st.booleans())),
                   version=version, padding=draw(st.sampled_from([0, 0, 5, 4096]))
                   if version == 2 else 0)
    header: bytes | None = None
    for _ in range(draw(st.sampled_from([0, 1, 1, 1, 2, 3]))):
        what = draw(st.sampled_from(["record", "record", "header", "entries", "body",
                                     "framing", "signer"]))
        if what == "record":
            e = draw(st.sampled_from(b.entries[:2]))
            try:
                doc = _mutate(draw, json.loads(e.body))
            except ValueError:  # an earlier change broke it already
                continue
            e.body = (json.dumps(doc, indent=1).encode() if draw(st.integers(0, 9)) == 0
                      else kit.canonical(doc))
        elif what == "header":
            header = kit.canonical(_mutate(draw, b.header()))
        elif what == "entries":
            op = draw(st.integers(0, 4))
            i = draw(st.integers(0, len(b.entries) - 1))
            if op == 0:
                j = draw(st.integers(0, len(b.entries) - 1))
                b.entries[i], b.entries[j] = b.entries[j], b.entries[i]
            elif op == 1:
                del b.entries[i]
            elif op == 2:
                b.entries.append(b.entries[i])
            elif op == 3:
                b.entries[i].size = draw(st.sampled_from([0, 1, 16 * 2**20 + 1, 2**40 + 1]))
            else:
                b.entries[i].id = draw(st.sampled_from([
                    "testimony/abcd/1", f"attachment/{kit.AID}", "media/abcd/cleaned",
                    f"media/{kit.AID}/original", f"testimony/{kit.TID}/2", "x"]))
        elif what == "body":
            e = draw(st.sampled_from(b.entries))
            keep_hash = draw(st.booleans())
            if keep_hash:
                e.sha256 = hashlib.sha256(e.body).hexdigest()
            e.body = e.body[:-1] + bytes([e.body[-1] ^ 1]) if e.body else b"x"
        elif what == "framing":
            op = draw(st.integers(0, 4))
            if op == 0:
                b.prefix_version = draw(st.sampled_from([0, 1, 2, 3]))
            elif op == 1:
                b.end_count = draw(st.integers(0, 6))
            elif op == 2:
                b.padding_bytes = draw(st.binary(max_size=8))
            elif op == 3:
                b.header_over["padding"] = draw(st.integers(0, 20))
            else:
                b.header_over["version"] = draw(st.sampled_from([1, 2, 3]))
        else:
            b.signer = kit.device_key(draw(st.integers(2, 3)))
    data = b.inner(header)
    cut = draw(st.sampled_from([None, None, None, None, "cut", "extend"]))
    if cut == "cut":
        data = data[:draw(st.integers(0, len(data) - 1))]
    elif cut == "extend":
        data += draw(st.binary(min_size=1, max_size=4))
    return data


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                HealthCheck.data_too_large])
@given(bundles())
def test_project_and_documented_rules_agree(data: bytes) -> None:
    regressions.check("bundle", "structured", data, prop)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_random_bytes(data: bytes) -> None:
    regressions.check("bundle", "bytes", data, prop)


@pytest.mark.parametrize("path", regressions.files("bundle"), ids=lambda p: p.name)
def test_replay_kept_inputs(path: object) -> None:
    prop(path.read_bytes())  # type: ignore[attr-defined]
