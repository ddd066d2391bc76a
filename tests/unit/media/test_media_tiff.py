"""TIFF: the first image directory rewritten with the picture's tags only; strips copied."""

from __future__ import annotations

import io
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from media_samples import AUTHOR, PLACE, SERIAL, make_tiff
from PIL import Image

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media import CleanStatus, Limits, RiskClass, clean, inspect
from nam_desktop.core.media.base import DEFAULT_LIMITS
from nam_desktop.core.media.tiff import KEEP, parse

SECRETS = (AUTHOR.encode(), SERIAL.encode(), PLACE.encode())


def _pixels(data: bytes) -> tuple[tuple[int, int], str, bytes]:
    with Image.open(io.BytesIO(data)) as img:
        return img.size, img.mode, img.tobytes()


def test_report_lists_tags_with_risks() -> None:
    report = inspect(io.BytesIO(make_tiff()))
    assert report.format == "tiff" and report.supported
    items = {(i.group, i.name): i for i in report.items}
    assert items[("TIFF", "Artist")].risk is RiskClass.IDENTIFYING
    assert items[("TIFF", "ImageWidth")].risk is RiskClass.HARMLESS
    assert items[("EXIF", "SerialNumber")].value_short == SERIAL
    assert items[("XMP", "dc:creator")].value_short == AUTHOR
    assert items[("Thumbnail", "ReducedImage1")].risk is RiskClass.IDENTIFYING


def test_clean_keeps_pixels_and_drops_everything_else() -> None:
    data = make_tiff()
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN, result.notes
    out = result.data.read()
    assert _pixels(out) == _pixels(data)
    assert all(s not in out for s in SECRETS)
    with Image.open(io.BytesIO(out)) as img:
        assert getattr(img, "n_frames", 1) == 1  # the thumbnail directory is gone
        assert set(img.tag_v2) <= set(KEEP)
    assert {i.risk for i in result.after.items} == {RiskClass.HARMLESS}
    assert any("thumbnails" in n for n in result.notes)
    assert clean(io.BytesIO(out)).data.read() == out  # idempotent


@pytest.mark.parametrize(
    ("kwargs", "why"),
    [
        ({"second_page": True, "thumbnail": False}, "multi-page"),
        ({"compression": 7}, "compression 7"),
        ({"extra": [(50706, 1, 4, b"\x01\x04\x00\x00")]}, "DNG"),
    ],
)
def test_not_handled_variants_are_stored_as_is(kwargs: dict[str, object], why: str) -> None:
    data = make_tiff(**kwargs)  # type: ignore[arg-type]
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.NOT_CHECKED
    assert result.data.read() == data
    assert any(why in n for n in result.notes)
    assert not inspect(io.BytesIO(data)).supported


def test_bigtiff_not_checked() -> None:
    data = b"II+\x00\x08\x00\x00\x00" + bytes(16)
    assert clean(io.BytesIO(data)).status is CleanStatus.NOT_CHECKED


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d[:40],  # truncated inside the strips: no directory
        lambda d: d[:4] + struct.pack("<L", len(d) + 10) + d[8:],  # IFD0 outside the file
        lambda d: d.replace(struct.pack("<HHL", 273, 4, 2), struct.pack("<HHL", 273, 4, 3)),
    ],
)
def test_malformed_refused(mutate: object) -> None:
    bad = mutate(make_tiff())  # type: ignore[operator]
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(bad))


def test_strip_outside_file_refused() -> None:
    data = make_tiff(thumbnail=False)
    at = data.index(struct.pack("<HHL", 279, 4, 2))
    values_at = struct.unpack_from("<L", data, at + 8)[0]
    bad = data[:values_at] + struct.pack("<L", 10**7) + data[values_at + 4 :]
    with pytest.raises(MalformedFileError, match="outside"):
        parse(bad, DEFAULT_LIMITS)


def test_pixel_limit() -> None:
    with pytest.raises(MalformedFileError, match="pixel limit"):
        clean(io.BytesIO(make_tiff()), limits=Limits(max_pixels=100))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzzed_tiff_never_crashes_unexpectedly(data: st.DataObject) -> None:
    base = make_tiff()
    pos = data.draw(st.integers(0, len(base) - 1))
    junk = data.draw(st.binary(min_size=1, max_size=6))
    mutated = base[:pos] + junk + base[pos + len(junk) :]
    try:
        result = clean(io.BytesIO(mutated))
    except MalformedFileError:
        return
    if result.status is CleanStatus.CLEAN:
        out = result.data.read()
        assert all(s not in out for s in SECRETS)
        assert clean(io.BytesIO(out)).data.read() == out
    else:
        assert result.data.read() == mutated
