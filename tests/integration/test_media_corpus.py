"""The cleaner over the third-party corpus, with exiftool as an independent oracle."""

from __future__ import annotations

import io
import os
import shutil
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest_media import (  # helper module beside this file, path set above
    CORPUS,
    ExifTool,
    byte_views,
    content_text,
    identifying_strings,
    identifying_tags,
)

from nam_desktop.core.errors import MalformedFileError  # after the path setup
from nam_desktop.core.media import CleanStatus, clean, inspect  # same

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"media corpus not found at {CORPUS}"),
]

# Files the cleaner must make CLEAN, relative to the corpus.
CLEANABLE = [
    *(
        f"exif-samples/jpg/{n}"
        for n in (
            "Canon_40D.jpg",
            "Fujifilm_FinePix_E500.jpg",
            "Nikon_D70.jpg",
            "Olympus_C8080WZ.jpg",
            "Panasonic_DMC-FZ30.jpg",
            "Pentax_K10D.jpg",
            "Sony_HDR-HC3.jpg",
            "mobile/jolla.jpg",
            "tests/35-empty.jpg",
            "xmp/BlueSquare.jpg",
            "invalid/image00971.jpg",
            "invalid/image01088.jpg",
        )
    ),
    *(
        f"exif-samples/jpg/gps/DSCN00{n}.jpg"
        for n in ("10", "12", "21", "25", "27", "29", "38", "40", "42")
    ),
    *(
        f"exiftool-t-images/{n}"
        for n in (
            "Canon.jpg",
            "ExtendedXMP.jpg",
            "GPS.jpg",
            "IPTC.jpg",
            "MWG.jpg",
            "Nikon.jpg",
            "XMP.jpg",
            "PNG.png",
            "GIF.gif",
            "PDF.pdf",
            "PDF2.pdf",
            "MP3.mp3",
            "FLAC.flac",
            "Vorbis.ogg",
            "Opus.opus",
            "RIFF.wav",
            "OOXML.docx",
            "OpenDoc.ods",
            "RIFF.webp",
            "QuickTime.mov",
            "QuickTime.m4a",
        )
    ),
    "metadata-extractor-images/mov/with-gps.mov",
    "metadata-extractor-images/mp4/with-gps.mp4",
    "exif-samples/tiff/DudleyLeavittUtah.tiff",
    "exif-samples/heic/IMG_5195.HEIC",
    "exif-samples/heic/samplefilehub.heif",
    *(
        f"mat2-tests-data/{n}"
        for n in (
            "dirty.jpg",
            "control_chars.jpg",
            "dirty.png",
            "dirty.gif",
            "dirty.pdf",
            "dirty.mp3",
            "dirty.flac",
            "dirty.ogg",
            "dirty.wav",
            "dirty.docx",
            "dirty_with_nsid.docx",
            "office_revision_session_ids.docx",
            "dirty.odt",
            "dirty.webp",
            "dirty.mp4",
            "dirty.tiff",
            "dirty.heic",
        )
    ),
]
ORIENTATION = sorted(
    f"exif-samples/jpg/orientation/{kind}_{n}.jpg"
    for kind in ("landscape", "portrait")
    for n in range(1, 9)
)
BROKEN = [
    "exif-samples/jpg/corrupted.jpg",
    "mat2-tests-data/malformed_content_types.docx",
]
NEEDS_FLATTENING = [
    "mat2-tests-data/comment.docx",
    "mat2-tests-data/revision.docx",
    "mat2-tests-data/revision.odt",
]
NOT_HANDLED = {  # file: words the "not checked" note must hold
    "mat2-tests-data/dirty.epub": "EPUB",
    "exiftool-t-images/Photoshop.psd": "Photoshop",
    "mat2-tests-data/dirty.avi": "AVI",
}
TIFF = ["exif-samples/tiff/DudleyLeavittUtah.tiff", "mat2-tests-data/dirty.tiff"]
HEIF = [
    "exif-samples/heic/IMG_5195.HEIC",
    "exif-samples/heic/samplefilehub.heif",
    "mat2-tests-data/dirty.heic",
]
VIDEOS = [
    "exiftool-t-images/QuickTime.mov",
    "exiftool-t-images/QuickTime.m4a",
    "metadata-extractor-images/mov/with-gps.mov",
    "metadata-extractor-images/mp4/with-gps.mp4",
    "mat2-tests-data/dirty.mp4",
]


@pytest.fixture(scope="session")
def exiftool() -> Iterator[ExifTool]:
    if shutil.which("exiftool") is None:
        pytest.skip("exiftool (libimage-exiftool-perl) not installed")
    tool = ExifTool()
    yield tool
    tool.close()


def _copy(rel: str, tmp_path: Path) -> Path:
    src = CORPUS / rel
    dst = tmp_path / src.name
    shutil.copyfile(src, dst)
    return dst


def _clean_file(path: Path, out_dir: Path, **kwargs: bool) -> tuple[bytes, Path, CleanStatus]:
    data = path.read_bytes()
    result = clean(io.BytesIO(data), filename=path.name, **kwargs)
    out = out_dir / f"clean-{path.name}"
    cleaned = result.data.read()
    out.write_bytes(cleaned)
    return cleaned, out, result.status


@pytest.mark.parametrize("rel", CLEANABLE)
def test_cleaned_file_has_no_identifying_metadata(
    rel: str, tmp_path: Path, exiftool: ExifTool
) -> None:
    src = _copy(rel, tmp_path)
    before = exiftool.read_json(src)
    cleaned, out, status = _clean_file(src, tmp_path)
    assert status is CleanStatus.CLEAN
    after = exiftool.read_json(out)
    assert after.get("File:FileType") == before.get("File:FileType")
    assert identifying_tags(after) == {}
    content = content_text(src.read_bytes())
    leftovers = [
        s
        for s in identifying_strings(before)
        if s.encode() not in content and any(s.encode() in view for view in byte_views(cleaned))
    ]
    assert leftovers == []
    # Idempotent: cleaning the output again yields the same bytes.
    again = clean(io.BytesIO(cleaned), filename=src.name)
    assert again.status is CleanStatus.CLEAN
    assert again.data.read() == cleaned


@pytest.mark.parametrize("rel", [r for r in CLEANABLE if r.endswith(".jpg")])
def test_jpeg_pixels_identical(rel: str, tmp_path: Path) -> None:
    src = _copy(rel, tmp_path)
    cleaned, _out, _status = _clean_file(src, tmp_path)
    with Image.open(src) as a, Image.open(io.BytesIO(cleaned)) as b:
        assert a.size == b.size and a.mode == b.mode
        assert a.tobytes() == b.tobytes()
    assert cleaned.endswith(b"\xff\xd9")


@pytest.mark.parametrize("rel", ORIENTATION)
def test_orientation_kept(rel: str, tmp_path: Path, exiftool: ExifTool) -> None:
    src = _copy(rel, tmp_path)
    cleaned, out, status = _clean_file(src, tmp_path)
    assert status is CleanStatus.CLEAN
    before, after = exiftool.read_json(src), exiftool.read_json(out)
    assert after.get("IFD0:Orientation") == before.get("IFD0:Orientation") or (
        before.get("IFD0:Orientation") == "Horizontal (normal)" and "IFD0:Orientation" not in after
    )
    with Image.open(src) as a, Image.open(io.BytesIO(cleaned)) as b:
        ta, tb = ImageOps.exif_transpose(a), ImageOps.exif_transpose(b)
        assert ta.size == tb.size
        assert ta.tobytes() == tb.tobytes()


def test_stale_thumbnail_removed(tmp_path: Path, exiftool: ExifTool) -> None:
    src = _copy("exif-samples/jpg/tests/35-empty.jpg", tmp_path)
    assert any("Thumbnail" in k for k in exiftool.read_json(src))
    _cleaned, out, _ = _clean_file(src, tmp_path)
    assert not any("Thumbnail" in k or "Preview" in k for k in exiftool.read_json(out))


def test_incremental_pdf_becomes_one_revision(tmp_path: Path) -> None:
    src = _copy("exiftool-t-images/PDF2.pdf", tmp_path)
    original = src.read_bytes()
    cleaned, _out, status = _clean_file(src, tmp_path)
    assert status is CleanStatus.CLEAN
    assert cleaned.count(b"%%EOF") == 1
    assert b"/Info" not in cleaned and b"/Metadata" not in cleaned
    # The original document id (first element) is gone too.
    report = inspect(io.BytesIO(original))
    ids = [i for i in report.items if i.name == "DocumentID"]
    assert ids and all(n not in cleaned for i in ids for n in i.needles)


def test_dirty_pdf_info_strings_gone(tmp_path: Path) -> None:
    src = _copy("mat2-tests-data/dirty.pdf", tmp_path)
    cleaned, _out, _ = _clean_file(src, tmp_path)
    for needle in (b"PDFeXpress", b"pdfTeX-1.40.14", b"uuid:4a1a79c8"):
        assert all(needle not in view for view in byte_views(cleaned))


@pytest.mark.parametrize("rel", BROKEN)
def test_broken_files_refused(rel: str, tmp_path: Path) -> None:
    src = _copy(rel, tmp_path)
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(src.read_bytes()), filename=src.name)
    with pytest.raises(MalformedFileError):
        inspect(io.BytesIO(src.read_bytes()), filename=src.name)


@pytest.mark.parametrize("rel", NEEDS_FLATTENING)
def test_comments_and_changes_need_flattening(rel: str, tmp_path: Path, exiftool: ExifTool) -> None:
    src = _copy(rel, tmp_path)
    data = src.read_bytes()
    refused = clean(io.BytesIO(data), filename=src.name)
    assert refused.status is CleanStatus.REFUSED
    assert refused.data.read() == data  # nothing half-cleaned handed out
    assert refused.before.blockers
    cleaned, out, status = _clean_file(src, tmp_path, accept_flattening=True)
    assert status is CleanStatus.CLEAN
    assert identifying_tags(exiftool.read_json(out)) == {}
    for view in byte_views(cleaned):
        assert b"Unknown Author" not in view
        assert b"w:del " not in view and b"<text:tracked-changes" not in view


def test_member_no_relationship_reaches_is_dropped(tmp_path: Path) -> None:
    """``embedded.docx`` stores a Python script in word/media/ that no relationship
    points at: Word never shows it; it is reported and left out (a part the document
    does use but that cannot be checked blocks the file: see the unit tests)."""
    src = _copy("mat2-tests-data/embedded.docx", tmp_path)
    result = clean(io.BytesIO(src.read_bytes()), filename=src.name)
    assert result.status is CleanStatus.CLEAN
    assert any(i.name == "UnusedMember" and "setup.py" in i.value_short for i in result.removed)
    with zipfile.ZipFile(io.BytesIO(result.data.read())) as zf:
        assert not [n for n in zf.namelist() if "setup" in n]


@pytest.mark.parametrize("rel", sorted(NOT_HANDLED))
def test_unhandled_formats_not_checked(rel: str, tmp_path: Path) -> None:
    src = _copy(rel, tmp_path)
    data = src.read_bytes()
    result = clean(io.BytesIO(data), filename=src.name)
    assert result.status is CleanStatus.NOT_CHECKED
    assert result.data.read() == data
    assert result.sha256_cleaned == result.sha256_original
    assert result.removed == [] and not result.before.supported
    (note,) = result.notes
    assert note.startswith("format not checked (") and NOT_HANDLED[rel] in note
    assert note.endswith("stored as is")


@pytest.mark.parametrize("rel", TIFF)
def test_tiff_pixels_identical_and_one_directory(rel: str, tmp_path: Path) -> None:
    src = _copy(rel, tmp_path)
    cleaned, _out, status = _clean_file(src, tmp_path)
    assert status is CleanStatus.CLEAN
    with Image.open(src) as a, Image.open(io.BytesIO(cleaned)) as b:
        assert a.size == b.size and a.mode == b.mode
        assert a.tobytes() == b.tobytes()
        assert getattr(b, "n_frames", 1) == 1
        assert 0x8769 not in b.tag_v2 and 0x8825 not in b.tag_v2 and 700 not in b.tag_v2


@pytest.mark.parametrize("rel", HEIF)
def test_heif_picture_items_unchanged(rel: str, tmp_path: Path, exiftool: ExifTool) -> None:
    from nam_desktop.core.media.base import DEFAULT_LIMITS
    from nam_desktop.core.media.heif import logical
    from nam_desktop.core.media.heif_parse import parse

    src = _copy(rel, tmp_path)
    cleaned, out, status = _clean_file(src, tmp_path)
    assert status is CleanStatus.CLEAN
    assert logical(parse(cleaned, DEFAULT_LIMITS)) == logical(
        parse(src.read_bytes(), DEFAULT_LIMITS)
    )
    before, after = exiftool.read_json(src), exiftool.read_json(out)
    assert after["Composite:ImageSize"] == before["Composite:ImageSize"]
    assert not any(k.split(":")[0] in ("IFD0", "ExifIFD", "GPS", "XMP-x") for k in after)
    assert exiftool.run("-validate", "-warning", "-a", str(out)).splitlines() == [
        "Validate                        : OK"
    ]


@pytest.mark.parametrize("rel", HEIF)
def test_heif_pixels_identical(rel: str, tmp_path: Path) -> None:
    heif = pytest.importorskip("pillow_heif", reason="pillow-heif (HEIF decoder) not installed")
    heif.register_heif_opener()
    src = _copy(rel, tmp_path)
    cleaned, _out, _status = _clean_file(src, tmp_path)
    with Image.open(src) as a, Image.open(io.BytesIO(cleaned)) as b:
        assert a.size == b.size and a.mode == b.mode
        assert a.tobytes() == b.tobytes()
        assert not b.info.get("exif") and not b.info.get("xmp")


@pytest.mark.parametrize("rel", VIDEOS)
def test_videos_keep_only_video_and_sound(rel: str, tmp_path: Path, exiftool: ExifTool) -> None:
    src = _copy(rel, tmp_path)
    _cleaned, out, status = _clean_file(src, tmp_path)
    assert status is CleanStatus.CLEAN

    def media_handlers(path: Path) -> list[str]:
        lines = exiftool.run("-G1", "-a", "-s", "-HandlerType", str(path)).splitlines()
        return sorted(
            line.split(": ", 1)[1]
            for line in lines
            if line.startswith("[Track") and "Alias Data" not in line
        )

    kept = media_handlers(out)
    assert kept and set(kept) <= {"Video Track", "Audio Track"}
    assert kept == [h for h in media_handlers(src) if h in ("Video Track", "Audio Track")]


def test_docx_ids_removed(tmp_path: Path) -> None:
    for rel in (
        "mat2-tests-data/dirty_with_nsid.docx",
        "mat2-tests-data/office_revision_session_ids.docx",
    ):
        src = _copy(rel, tmp_path)
        cleaned, _out, status = _clean_file(src, tmp_path)
        assert status is CleanStatus.CLEAN
        for view in byte_views(cleaned):
            assert b"w:rsid" not in view and b"w:nsid" not in view
            assert b"w14:docId" not in view and b"w15:docId" not in view


def test_video_location_and_face_tracks_removed(tmp_path: Path, exiftool: ExifTool) -> None:
    src = _copy("metadata-extractor-images/mov/with-gps.mov", tmp_path)
    before = exiftool.read_json(src)
    assert any("GPS" in k or "Face" in k for k in before)
    cleaned, out, status = _clean_file(src, tmp_path)
    assert status is CleanStatus.CLEAN
    assert len(cleaned) == src.stat().st_size  # in place: no offset moved
    after = exiftool.read_json(out)
    assert not any("GPS" in k or "Face" in k or "Location" in k for k in after)
    # Video and audio tracks are still there, with their sample tables.
    assert after.get("Track1:HandlerType") and after.get("Track2:HandlerType")


def test_control_characters_never_reach_the_report(tmp_path: Path) -> None:
    src = _copy("mat2-tests-data/control_chars.jpg", tmp_path)
    report = inspect(io.BytesIO(src.read_bytes()))
    comment = [i for i in report.items if i.group == "Comment"]
    assert comment, "the hostile COM segment is reported"
    for item in report.items:
        assert item.value_short.isprintable()
    result = clean(io.BytesIO(src.read_bytes()))
    assert result.status is CleanStatus.CLEAN
    assert b"\x1bGQ" not in result.data.read()


def test_the_oracle_refuses_to_be_blind_inside_office_files(tmp_path: Path) -> None:
    """exiftool without Perl's Archive::Zip reports no metadata inside DOCX/ODT and only
    warns: every "nothing identifying left" check over such files would pass trivially.
    The oracle fails instead (CI installs libarchive-zip-perl)."""
    if shutil.which("exiftool") is None:
        pytest.skip("exiftool (libimage-exiftool-perl) not installed")
    hidden = tmp_path / "perl" / "Archive"
    hidden.mkdir(parents=True)
    (hidden / "Zip.pm").write_text('die "Archive::Zip hidden by the test\\n";\n')
    blind = ExifTool(env={**os.environ, "PERL5LIB": str(tmp_path / "perl")})
    try:
        with pytest.raises(AssertionError, match=r"cannot look inside comment\.docx"):
            blind.read_json(CORPUS / "mat2-tests-data" / "comment.docx")
    finally:
        blind.close()
    seeing = ExifTool()
    try:  # the real one, as the tests use it, sees the document's properties
        tags = seeing.read_json(CORPUS / "mat2-tests-data" / "comment.docx")
        assert any(key.startswith("XMP-") or key.startswith("XML") for key in tags), tags
    finally:
        seeing.close()
