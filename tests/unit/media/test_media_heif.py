"""HEIF/HEIC: rebuilt with the primary image's items only, their bytes unchanged."""

from __future__ import annotations

import io
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from media_samples import AUTHOR, PLACE, SERIAL
from media_samples_isobmff import (
    ALPHA_DATA,
    DEPTH_DATA,
    PRIMARY_DATA,
    THUMB_DATA,
    make_heif,
)

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media import CleanStatus, Limits, RiskClass, clean, inspect, verify
from nam_desktop.core.media.base import DEFAULT_LIMITS
from nam_desktop.core.media.heif import logical
from nam_desktop.core.media.heif_parse import parse

SECRETS = (AUTHOR.encode(), SERIAL.encode(), PLACE.encode(), b"Kitchen", THUMB_DATA, DEPTH_DATA)


def test_report_finds_every_kind_of_metadata() -> None:
    report = inspect(io.BytesIO(make_heif()))
    assert report.format == "heic"
    names = {(i.group, i.name): i for i in report.items}
    assert names[("EXIF", "Artist")].value_short == AUTHOR
    assert ("GPS", "GPSLatitude") in names
    assert names[("XMP", "dc:creator")].risk is RiskClass.IDENTIFYING
    assert names[("Thumbnail", "ThumbnailImage")].risk is RiskClass.IDENTIFYING
    assert "auxid:2" in names[("HEIF", "AuxiliaryImage")].value_short  # depth map
    assert AUTHOR in names[("HEIF-Property", "udes")].value_short
    assert names[("HEIF", "ItemName")].risk is RiskClass.IDENTIFYING
    assert names[("HEIF", "HandlerName")].risk is RiskClass.SENSITIVE
    assert ("HEIF", "Box-uuid") in names and ("HEIF", "UnreferencedData") in names
    assert names[("HEIF", "Rotation")].risk is RiskClass.HARMLESS


@pytest.mark.parametrize("grid", [False, True])
def test_clean_keeps_the_picture_and_its_alpha_only(grid: bool) -> None:
    data = make_heif(grid=grid)
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN, result.notes
    out = result.data.read()
    assert all(s not in out for s in SECRETS)
    assert PRIMARY_DATA in out and ALPHA_DATA in out  # coded bytes copied unchanged
    before, after = parse(data, DEFAULT_LIMITS), parse(out, DEFAULT_LIMITS)
    assert set(after.items) == ({1, 5, 7, 8} if grid else {1, 5})
    assert logical(after) == logical(before)
    kinds = {after.props[i - 1][0] for item in after.items.values() for i, _e in item.props}
    assert b"udes" not in kinds and b"irot" in kinds
    assert {i.risk for i in result.after.items} == {RiskClass.HARMLESS}
    assert clean(io.BytesIO(out)).data.read() == out  # idempotent


def test_verify_catches_a_left_exif_item() -> None:
    data = make_heif()
    report = inspect(io.BytesIO(data))
    # The original itself as "cleaned": EXIF, XMP, thumbnail... all still there.
    result = verify(report, io.BytesIO(data), original=data)
    assert not result.ok
    assert any("items other than the picture" in p for p in result.problems)


@pytest.mark.parametrize(
    ("kwargs", "why"),
    [
        ({"moov": True}, "image sequence"),
        ({"essential_unknown": True}, "essential property"),
        ({"method2": True}, "method 2"),
        ({"primary_type": b"jpeg"}, "'jpeg' items"),
    ],
)
def test_not_handled_variants_are_stored_as_is(kwargs: dict[str, object], why: str) -> None:
    data = make_heif(**kwargs)  # type: ignore[arg-type]
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.NOT_CHECKED
    assert result.data.read() == data
    assert any(why in n for n in result.notes)


def test_malformed_refused() -> None:
    data = make_heif()
    for cut in (30, len(data) // 2, len(data) - 5):
        with pytest.raises(MalformedFileError):
            clean(io.BytesIO(data[:cut]))
    # An item's data outside the file.
    iloc = data.index(b"iloc")
    bad = bytearray(data)
    struct.pack_into(">L", bad, iloc + 4 + 4 + 4 + 6 + 2, 10**8)
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(bytes(bad)))


def test_pixel_limit() -> None:
    with pytest.raises(MalformedFileError, match="pixel limit"):
        clean(io.BytesIO(make_heif()), limits=Limits(max_pixels=100))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzzed_heif_never_crashes_unexpectedly(data: st.DataObject) -> None:
    base = make_heif(grid=data.draw(st.booleans()))
    pos = data.draw(st.integers(0, len(base) - 1))
    junk = data.draw(st.binary(min_size=1, max_size=6))
    mutated = base[:pos] + junk + base[pos + len(junk) :]
    try:
        result = clean(io.BytesIO(mutated))
    except MalformedFileError:
        return
    if result.status is CleanStatus.CLEAN:
        out = result.data.read()
        assert all(s not in out for s in SECRETS[:3])
        assert clean(io.BytesIO(out)).data.read() == out
    else:
        assert result.data.read() == mutated


def test_gain_map_removed_and_said() -> None:
    data = make_heif(aux_urn=b"urn:com:apple:photo:2020:aux:hdrgainmap")
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN
    assert DEPTH_DATA not in result.data.read()
    assert any("HDR gain map removed" in n for n in result.notes)
    assert any("depth map" not in n and "HDR gain map" in n for n in result.notes[1:])


def test_item_data_reaching_past_its_mdat_is_refused() -> None:
    """Found by the fuzz test above: one byte changed in ``iloc`` moved the primary
    image's extent 72 bytes earlier, into a ``uuid`` box (a serial number) and across
    the ``mdat`` header, so it ran on over bytes no item used (an address), and the
    "coded data copied unchanged" carried both into a copy called clean. Item data outside one
    mdat's payload is now not checked: nothing is written."""
    base = make_heif(grid=False)
    assert base[120:123] == b"\x00\x03\x8d"  # the primary image's extent offset, 0x38d
    mutated = base[:122] + b"E" + base[123:]
    result = clean(io.BytesIO(mutated))
    assert result.status is CleanStatus.NOT_CHECKED
    assert "outside the media data" in " ".join(result.notes)
    assert result.data.read() == mutated  # the original, unchanged: nothing cleaned
