"""JPEG cleaning on synthetic pictures: lossless, orientation kept, nothing left."""

from __future__ import annotations

import io
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from media_samples import AUTHOR, PLACE, SERIAL, make_jpeg
from PIL import Image, ImageOps

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media import CleanStatus, RiskClass, clean, inspect
from nam_desktop.core.media.base import DEFAULT_LIMITS
from nam_desktop.core.media.jpeg import JpegHandler, parse


def _pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as img:
        return img.tobytes()


def test_inspect_finds_identifying_items(jpeg_bytes: bytes) -> None:
    report = inspect(io.BytesIO(jpeg_bytes), filename="x.jpg")
    assert report.format == "jpeg"
    names = {(i.group, i.name): i for i in report.items}
    assert names[("EXIF", "Artist")].risk is RiskClass.IDENTIFYING
    assert names[("EXIF", "SerialNumber")].value_short == SERIAL
    assert names[("GPS", "GPSLatitude")].risk is RiskClass.IDENTIFYING
    assert names[("EXIF", "Model")].risk is RiskClass.SENSITIVE
    assert names[("EXIF", "Orientation")].risk is RiskClass.HARMLESS
    assert ("XMP", "photoshop:City") in names
    assert report.to_json()["counts"]["identifying"] >= 5


def test_clean_is_lossless_and_keeps_orientation_and_icc(jpeg_bytes: bytes) -> None:
    result = clean(io.BytesIO(jpeg_bytes))
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    assert _pixels(out) == _pixels(jpeg_bytes)
    for secret in (AUTHOR, SERIAL, PLACE, "PhoneMaker", "Editor 1.0"):
        assert secret.encode() not in out
    with Image.open(io.BytesIO(out)) as img:
        assert img.getexif().get(0x0112) == 6
        assert dict(img.getexif()) == {0x0112: 6}
        assert b"fake-icc-profile-for-tests" in img.info.get("icc_profile", b"")
        rotated = ImageOps.exif_transpose(img)
    with Image.open(io.BytesIO(jpeg_bytes)) as orig:
        assert rotated.tobytes() == ImageOps.exif_transpose(orig).tobytes()
    after = {(i.group, i.name) for i in result.after.items}
    assert after <= {
        ("File", "ImageSize"),
        ("EXIF", "Orientation"),
        ("ICC_Profile", "ICCProfile"),
        ("JFIF", "JFIFVersion"),
    }
    assert result.removed and result.sha256_cleaned != result.sha256_original
    assert result.verification is not None and result.verification.ok


def test_orientation_one_means_no_exif_at_all() -> None:
    out = clean(io.BytesIO(make_jpeg(orientation=1))).data.read()
    assert b"Exif\x00\x00" not in out


def test_trailer_and_comment_removed() -> None:
    data = make_jpeg(trailer=b"SECRET-TRAILER-" + SERIAL.encode() * 4, comment=b"by " + b"Ivan P")
    result = clean(io.BytesIO(data))
    out = result.data.read()
    assert out.endswith(b"\xff\xd9")
    assert b"SECRET-TRAILER" not in out and b"by Ivan P" not in out
    assert any(i.group == "Trailer" for i in result.removed)
    assert any(i.group == "Comment" for i in result.removed)


@pytest.mark.parametrize("tail", [b"X", b"\x00", b"tail"])
def test_every_byte_after_eoi_is_found(jpeg_bytes: bytes, tail: bytes) -> None:
    """The trailer starts right after EOI: one byte after the picture is data too."""
    assert parse(jpeg_bytes + tail, DEFAULT_LIMITS).trailer == tail
    found = [i for i in inspect(io.BytesIO(jpeg_bytes + tail)).items if i.group == "Trailer"]
    assert [i.value_short for i in found] == [f"{len(tail)} bytes"]
    handler = JpegHandler()
    problems = handler.structural_problems(jpeg_bytes + tail, jpeg_bytes, DEFAULT_LIMITS)
    assert "jpeg: data after end of image" in problems


def test_cleaning_twice_gives_same_bytes(jpeg_bytes: bytes) -> None:
    once = clean(io.BytesIO(jpeg_bytes)).data.read()
    twice = clean(io.BytesIO(once)).data.read()
    assert once == twice


def test_jfif_thumbnail_dropped() -> None:
    base = make_jpeg(orientation=1)
    thumb = bytes((i * 37 + 11) % 256 for i in range(2 * 2 * 3))  # 2x2 RGB
    jfif = b"JFIF\x00\x01\x02\x01\x00H\x00H\x02\x02" + thumb
    data = base[:2] + b"\xff\xe0" + struct.pack(">H", len(jfif) + 2) + jfif + base[2:]
    report = inspect(io.BytesIO(data))
    assert any(i.name == "JFIFThumbnail" for i in report.items)
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    assert thumb not in out
    assert _pixels(out) == _pixels(data)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d[: len(d) // 2],  # truncated: no EOI
        lambda d: b"\xff\xd8\xff\xe1\xff\xff" + d[6:],  # segment length past the end
        lambda d: d[:2] + b"\xff\x01" + d[2:],  # standalone TEM where a segment is expected
        lambda d: d.replace(b"\xff\xda", b"\xff\xdb", 1)[:-2],  # no scan, truncated
        lambda d: b"\xff\xd8\xff\xd9",  # no image data at all
    ],
)
def test_malformed_refused(jpeg_bytes: bytes, mutate: object) -> None:
    bad = mutate(jpeg_bytes)  # type: ignore[operator]
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(bad))


def test_invalid_marker_inside_scan_refused(jpeg_bytes: bytes) -> None:
    sos = jpeg_bytes.index(b"\xff\xda")
    pos = sos + 40
    bad = jpeg_bytes[:pos] + b"\xff\xff\xff\x9f" + jpeg_bytes[pos:]
    with pytest.raises(MalformedFileError, match="invalid marker"):
        parse(bad, DEFAULT_LIMITS)


def test_pixel_limit(jpeg_bytes: bytes) -> None:
    from nam_desktop.core.media import Limits

    with pytest.raises(MalformedFileError, match="pixel limit"):
        clean(io.BytesIO(jpeg_bytes), limits=Limits(max_pixels=100))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzzed_jpeg_never_crashes_unexpectedly(data: st.DataObject) -> None:
    base = make_jpeg(orientation=3)
    pos = data.draw(st.integers(0, len(base) - 1))
    junk = data.draw(st.binary(min_size=1, max_size=8))
    mutated = base[:pos] + junk + base[pos + len(junk) :]
    try:
        result = clean(io.BytesIO(mutated))
    except MalformedFileError:
        return
    if result.status is CleanStatus.CLEAN:
        out = result.data.read()
        assert AUTHOR.encode() not in out
        assert PLACE.encode() not in out
        assert JpegHandler().clean(out, DEFAULT_LIMITS, accept_flattening=False)[0] == out


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_parse_hint_changes_nothing(data: st.DataObject) -> None:
    """parse() with another file's parse as a hint gives exactly the same result."""
    base = make_jpeg(orientation=3, trailer=b"tail")
    hint = parse(base, DEFAULT_LIMITS)
    mutated = bytearray(base)
    sos = base.index(b"\xff\xda")
    for _ in range(data.draw(st.integers(0, 3))):
        pos = data.draw(st.integers(sos, len(base) - 1))
        mutated[pos] = data.draw(st.sampled_from([0x00, 0xFF, 0xD9, 0xD0, 0x12]))
    if data.draw(st.booleans()):
        cut = data.draw(st.integers(sos, len(mutated)))
        mutated = mutated[:cut] + b"\xff\xd9"
    try:
        plain = parse(bytes(mutated), DEFAULT_LIMITS)
    except MalformedFileError:
        with pytest.raises(MalformedFileError):
            parse(bytes(mutated), DEFAULT_LIMITS, hint)
        return
    hinted = parse(bytes(mutated), DEFAULT_LIMITS, hint)
    assert hinted.segments == plain.segments and hinted.trailer == plain.trailer
    assert (hinted.width, hinted.height) == (plain.width, plain.height)
