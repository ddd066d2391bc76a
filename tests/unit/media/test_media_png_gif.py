"""PNG and GIF: chunk/block-level cleaning on synthetic files."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from media_samples import AUTHOR, PLACE, SERIAL, make_gif, png_chunk
from PIL import Image

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media import CleanStatus, RiskClass, clean, inspect
from nam_desktop.core.media.exif import minimal_exif


def test_png_text_chunks_reported(png_bytes: bytes) -> None:
    report = inspect(io.BytesIO(png_bytes))
    assert report.format == "png"
    values = {(i.group, i.name): i for i in report.items}
    assert values[("PNG", "Author")].value_short == AUTHOR
    assert values[("PNG", "Author")].risk is RiskClass.IDENTIFYING
    assert values[("PNG", "Comment")].value_short == PLACE  # zTXt decompressed
    assert ("XMP", "XMPPacket") in values
    assert values[("PNG", "ModifyTime")].risk is RiskClass.SENSITIVE


def test_png_clean_lossless(png_bytes: bytes) -> None:
    result = clean(io.BytesIO(png_bytes))
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    for secret in (AUTHOR, SERIAL):
        assert secret.encode() not in out
    assert b"tEXt" not in out and b"zTXt" not in out and b"iTXt" not in out
    assert b"tIME" not in out
    with Image.open(io.BytesIO(png_bytes)) as a, Image.open(io.BytesIO(out)) as b:
        assert a.tobytes() == b.tobytes()
    assert clean(io.BytesIO(out)).data.read() == out


def test_png_exif_orientation_kept_minimal() -> None:
    img = Image.new("RGB", (8, 4), (1, 2, 3))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    data = buf.getvalue()
    idat = data.index(b"IDAT") - 4
    tiff = minimal_exif(8)
    data = data[:idat] + png_chunk(b"eXIf", tiff) + data[idat:]
    out = clean(io.BytesIO(data)).data.read()
    with Image.open(io.BytesIO(out)) as im:
        assert dict(im.getexif()) == {0x0112: 8}


def test_png_bad_crc_refused(png_bytes: bytes) -> None:
    pos = png_bytes.index(b"tEXt") + 6
    bad = png_bytes[:pos] + bytes([png_bytes[pos] ^ 0xFF]) + png_bytes[pos + 1 :]
    with pytest.raises(MalformedFileError, match="CRC"):
        clean(io.BytesIO(bad))


def test_png_unknown_critical_chunk_refused(png_bytes: bytes) -> None:
    idat = png_bytes.index(b"IDAT") - 4
    bad = png_bytes[:idat] + png_chunk(b"ABCD", b"x") + png_bytes[idat:]
    with pytest.raises(MalformedFileError, match="critical"):
        inspect(io.BytesIO(bad))


def test_png_data_after_iend_removed(png_bytes: bytes) -> None:
    data = png_bytes + b"appended " + SERIAL.encode() * 3
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN
    assert result.data.read().endswith(b"IEND\xaeB`\x82")


def test_gif_comment_and_xmp_removed() -> None:
    data = make_gif()
    report = inspect(io.BytesIO(data))
    assert {i.name for i in report.items} >= {"Comment", "Application:XMP DataXMP"}
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    assert AUTHOR.encode() not in out and SERIAL.encode() not in out
    assert out.endswith(b"\x3b")
    with Image.open(io.BytesIO(data)) as a, Image.open(io.BytesIO(out)) as b:
        assert a.convert("RGB").tobytes() == b.convert("RGB").tobytes()


def test_gif_truncated_refused() -> None:
    data = make_gif()
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(data[:20]))
    header_only = data[:13] + struct.pack("<B", 0x99)
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(header_only))


def test_webp_exif_and_xmp_removed_orientation_kept() -> None:
    img = Image.new("RGB", (16, 8), (10, 200, 30))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x013B] = AUTHOR
    buf = io.BytesIO()
    img.save(
        buf, "WEBP", lossless=True, exif=exif.tobytes(), xmp=b"<x>" + SERIAL.encode() + b"</x>"
    )
    data = buf.getvalue()
    report = inspect(io.BytesIO(data))
    assert {i.name for i in report.items} >= {"Artist", "XMPPacket"}
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    assert AUTHOR.encode() not in out and SERIAL.encode() not in out
    with Image.open(io.BytesIO(out)) as a, Image.open(io.BytesIO(data)) as b:
        assert a.tobytes() == b.tobytes()
        assert dict(a.getexif()) == {0x0112: 6}


def test_png_orientation_only_in_imagemagick_raw_profile_kept(tmp_path: Path) -> None:
    """ImageMagick stores EXIF as hex text ("Raw profile type exif"): the orientation
    is kept (in a minimal eXIf chunk, as for JPEG), the rest removed. exiftool reads
    both files; Pillow decodes both to the same pixels."""
    import shutil
    import subprocess

    from media_samples import PHONE_MODEL, make_png_raw_exif

    data = make_png_raw_exif(orientation=6)
    report = inspect(io.BytesIO(data))
    found = {(i.group, i.name): i.value_short for i in report.items}
    assert found[("EXIF", "Orientation")] == "6" and found[("EXIF", "Artist")] == AUTHOR
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    assert PHONE_MODEL not in out and AUTHOR.encode() not in out and b"Raw profile" not in out
    with Image.open(io.BytesIO(data)) as a, Image.open(io.BytesIO(out)) as b:
        assert a.tobytes() == b.tobytes()
        assert b.getexif().get(0x0112) == 6
    if shutil.which("exiftool") is None:
        return
    src, dst = tmp_path / "in.png", tmp_path / "out.png"
    src.write_bytes(data)
    dst.write_bytes(out)

    def tags(path: Path) -> str:
        return subprocess.run(
            ["exiftool", "-a", "-G1", "-Orientation", "-Artist", "-Model", "-GPS:all", str(path)],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip

    assert "Rotate 90 CW" in tags(src) and AUTHOR in tags(src)
    after = tags(dst)
    assert "Rotate 90 CW" in after
    assert AUTHOR not in after and "GPS" not in after and "SM-G991B" not in after
