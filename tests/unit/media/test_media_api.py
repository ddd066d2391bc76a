"""The public API contract: statuses, errors, limits, verification, JSON, CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from media_samples import AUTHOR, make_jpeg

from nam_desktop.cli import run
from nam_desktop.core.errors import MalformedFileError, UnsupportedFormatError, ValidationError
from nam_desktop.core.media import (
    CleanStatus,
    Limits,
    MetadataReport,
    clean,
    inspect,
    supported_formats,
    verify,
)
from nam_desktop.core.media.detect import sniff
from nam_desktop.core.media.report import shorten


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"\xff\xd8\xff\xe0", "jpeg"),
        (b"\x89PNG\r\n\x1a\n", "png"),
        (b"GIF89a", "gif"),
        (b"%PDF-1.4", "pdf"),
        (b"fLaC", "flac"),
        (b"ID3\x04", "mp3"),
        (b"RIFF\x00\x00\x00\x00WAVE", "wav"),
        (b"RIFF\x00\x00\x00\x00WEBP", "webp"),
        (b"\x00\x00\x00\x18ftypqt  ", "mov"),
        (b"\x00\x00\x00\x18ftypM4A ", "m4a"),
        (b"\x00\x00\x00\x18ftypheic", "heic"),
        (b"hello world", "unknown"),
    ],
)
def test_sniff(head: bytes, fmt: str) -> None:
    assert sniff(head + bytes(64)) == fmt


def test_unknown_format_not_checked_and_unchanged() -> None:
    data = b"just some text notes by " + AUTHOR.encode()
    result = clean(io.BytesIO(data), filename="notes.txt")
    assert result.status is CleanStatus.NOT_CHECKED
    assert result.data.read() == data
    assert result.sha256_cleaned == result.sha256_original
    assert result.to_json()["status"] == "not_checked"
    assert inspect(io.BytesIO(data)).supported is False
    with pytest.raises(UnsupportedFormatError):
        inspect(io.BytesIO(data), require_supported=True)


def test_empty_and_oversized_input() -> None:
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(b""))
    with pytest.raises(ValidationError):
        clean(io.BytesIO(make_jpeg()), limits=Limits(max_bytes=100))


def test_verify_rejects_the_original_as_cleaned() -> None:
    data = make_jpeg()
    report = inspect(io.BytesIO(data))
    result = verify(report, io.BytesIO(data), original=data)
    assert not result.ok
    assert any("left: GPS" in p for p in result.problems)
    assert any("still in the output" in p for p in result.problems)


def test_verify_accepts_clean_output() -> None:
    data = make_jpeg()
    report = inspect(io.BytesIO(data))
    cleaned = clean(io.BytesIO(data)).data.read()
    assert verify(report, io.BytesIO(cleaned), original=data).ok


def test_verify_unknown_format() -> None:
    assert not verify(MetadataReport("unknown"), io.BytesIO(b"x")).ok


def test_result_json_is_serialisable() -> None:
    result = clean(io.BytesIO(make_jpeg()))
    doc = json.loads(json.dumps(result.to_json()))
    assert doc["status"] == "clean" and doc["format"] == "jpeg"
    assert doc["removed"] and all(
        set(i) == {"group", "name", "value", "risk"} for i in doc["removed"]
    )
    assert "nam_desktop" in doc["tool_versions"]


def test_shorten_strips_controls_and_bounds_length() -> None:
    assert shorten("a\u202eb\x1bc\nd") == "a b c d"
    assert len(shorten("x" * 500)) == 80
    assert shorten(b"\x00\x01") == "<2 bytes>"


def test_supported_formats_listed() -> None:
    assert {"jpeg", "png", "pdf", "docx", "mp3"} <= set(supported_formats())


# ---------------------------------------------------------------- CLI


def test_cli_inspect_and_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jpg"
    src.write_bytes(make_jpeg())
    assert run(["media", "inspect", str(src)]) == 0
    text = capsys.readouterr().out
    assert "[GPS]" in text and "!! GPSLatitude" in text
    assert run(["media", "inspect", str(src), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "jpeg"
    out = tmp_path / "out.jpg"
    assert run(["media", "clean", str(src), str(out), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["status"] == "clean" and doc["written"] == str(out)
    assert AUTHOR.encode() not in out.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jpg", "out.jpg"]  # no .tmp


def test_cli_exit_codes_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(make_jpeg()[:500])
    unknown = tmp_path / "notes.txt"
    unknown.write_bytes(b"plain text")
    out = tmp_path / "out"
    assert run(["media", "clean", str(broken), str(out)]) == 2
    assert run(["media", "clean", str(unknown), str(out)]) == 3
    assert run(["media", "clean", str(tmp_path / "missing.jpg"), str(out)]) == 6
    assert not out.exists()
    assert "malformed file" in capsys.readouterr().err


def test_not_checkable_file_of_a_handled_format() -> None:
    from media_samples import make_tiff

    data = make_tiff(second_page=True, thumbnail=False)
    report = inspect(io.BytesIO(data))
    assert report.format == "tiff" and not report.supported and report.items == []
    assert report.notes == [
        "format not checked (multi-page TIFF: only single-image files are handled): stored as is"
    ]
    with pytest.raises(UnsupportedFormatError):
        inspect(io.BytesIO(data), require_supported=True)
