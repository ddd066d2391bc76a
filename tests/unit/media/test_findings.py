"""Findings: the technical report read as risks a person can name (fixed vectors, and
the corpus against exiftool's own decimal coordinates)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from nam_desktop.core.media.api import clean
from nam_desktop.core.media.findings import (
    Finding,
    FindingKind,
    KeptKind,
    NoteKind,
    findings,
    kept,
    location,
    note_kind,
)


def item(group: str, name: str, value: str, risk: str = "identifying") -> dict[str, str]:
    return {"group": group, "name": name, "value": value, "risk": risk}


def test_exif_gps_rationals_become_decimal_degrees() -> None:
    items = [item("EXIF", "GPSIFD", "926"),
             item("GPS", "GPSLatitudeRef", "N"),
             item("GPS", "GPSLatitude", "['53/1', '53/1', '0/1']"),
             item("GPS", "GPSLongitudeRef", "E"),
             item("GPS", "GPSLongitude", "['27/1', '336/10', '0/1']")]
    [found] = findings(items)
    assert found.kind is FindingKind.LOCATION
    assert found.latitude == pytest.approx(53.883333, abs=1e-6)
    assert found.longitude == pytest.approx(27.56, abs=1e-6)
    assert found.value == "53.883333,27.560000"


@pytest.mark.parametrize(("items", "expected"), [
    ([item("GPS", "GPSLatitudeRef", "S"), item("GPS", "GPSLatitude", "['33/1', '52/1', '0/1']"),
      item("GPS", "GPSLongitudeRef", "W"), item("GPS", "GPSLongitude", "['70/1', '30/1', '0/1']")],
     (-33.866667, -70.5)),
    ([item("XMP", "exif:GPSLatitude", "53,52.998N"),
      item("XMP", "exif:GPSLongitude", "27,33.6E")], (53.8833, 27.56)),
    ([item("QuickTime-Meta", "com.apple.quicktime.location.ISO6709",
           "+53.9000+027.5667+210.000/")], (53.9, 27.5667)),
    ([item("QuickTime-UserData", "©xyz", "+51.4169-000.0806/")], (51.4169, -0.0806)),
])
def test_every_way_of_writing_a_position(items: list[dict[str, str]],
                                         expected: tuple[float, float]) -> None:
    point = location(items)
    assert point is not None
    assert point == pytest.approx(expected, abs=1e-4)


def test_a_position_that_cannot_be_read_is_still_a_location() -> None:
    assert findings([item("GPS", "GPSAltitudeRef", "<1 bytes>")]) == [
        Finding(FindingKind.LOCATION)]
    assert location([item("GPS", "GPSLatitude", "['999/1']"),
                     item("GPS", "GPSLongitude", "['1/1']")]) is None


def test_serial_author_camera_date_and_the_rest_counted() -> None:
    items = [item("EXIF", "Make", "Canon", "sensitive"),
             item("EXIF", "Model", "Canon EOS 300D", "sensitive"),
             item("EXIF", "Tag0xa431", "ABC123"),  # BodySerialNumber, unnamed by exifread
             item("EXIF", "Artist", "Ivan Petrou"),
             item("XMP", "dc:creator", "ivan petrou"),
             item("EXIF", "DateTimeOriginal", "2020:08:10 21:05:33", "sensitive"),
             item("EXIF", "CreateDate", "2020:08:10 21:05:34", "sensitive"),
             item("EXIF", "MakerNote", "<3298 bytes>"),
             item("Thumbnail", "ThumbnailImage", "6702 bytes"),
             item("EXIF", "Tag0x9204", "0/10", "sensitive"),
             item("IPTC", "Dataset2:15", "BUS"),
             item("EXIF", "XResolution", "72/1", "harmless")]
    assert findings(items) == [
        Finding(FindingKind.SERIAL_NUMBER, "ABC123"),
        Finding(FindingKind.AUTHOR, "Ivan Petrou"),
        Finding(FindingKind.CAMERA, "Canon EOS 300D"),
        Finding(FindingKind.DATE, "2020-08-10 21:05"),
        Finding(FindingKind.THUMBNAIL),
        Finding(FindingKind.MAKER_NOTE),
        Finding(FindingKind.OTHER_IDENTIFYING, "1"),
        Finding(FindingKind.OTHER_DETAILS, "1"),
    ]


def test_a_pdf_creator_is_the_program_not_a_person() -> None:
    assert findings([item("PDF-Info", "Creator", "Writer")]) == [
        Finding(FindingKind.SOFTWARE, "Writer")]


def test_notes_and_what_is_kept() -> None:
    assert note_kind("format not checked (PSD): stored as is") is NoteKind.NOT_CHECKED
    assert note_kind("lossless: segments removed") is NoteKind.UNCHANGED_CONTENT
    assert note_kind("in place: metadata atoms turned into free space") is \
        NoteKind.UNCHANGED_CONTENT
    assert note_kind("package rewritten: properties") is NoteKind.REWRITTEN
    assert note_kind("kept orientation 6 in a minimal EXIF block") is \
        NoteKind.ORIENTATION_KEPT
    assert note_kind("2 items removed (EXIF, XMP)") is NoteKind.OTHER
    after = [item("File", "ImageSize", "450x600", "harmless"),
             item("ICC_Profile", "ICCProfile", "1974 bytes", "harmless")]
    assert kept("jpeg", after, ["kept orientation 6 in a minimal EXIF block"]) == [
        KeptKind.PICTURE, KeptKind.ORIENTATION, KeptKind.COLOUR_PROFILE]
    assert kept("mov", [item("QuickTime-Track", "KeptTrack", "soun", "harmless")]) == [
        KeptKind.SOUND]
    assert kept("pdf", []) == [KeptKind.PAGES] and kept("psd", []) == []


GPS_FILES = ["exif-samples/jpg/gps/DSCN0010.jpg", "exif-samples/jpg/gps/DSCN0021.jpg",
             "exiftool-t-images/GPS.jpg", "metadata-extractor-images/mov/with-gps.mov",
             "metadata-extractor-images/mp4/with-gps.mp4"]


@pytest.mark.corpus
def test_corpus_positions_match_exiftool(corpus: Path) -> None:
    paths = [corpus / name for name in GPS_FILES]
    oracle = json.loads(subprocess.run(
        ["exiftool", "-n", "-j", "-GPSLatitude", "-GPSLongitude", *map(str, paths)],
        check=True, capture_output=True).stdout)
    for path, expected in zip(paths, oracle, strict=True):
        with path.open("rb") as fh:
            report = clean(fh, filename=path.name).to_json()
        [first, *_] = findings(report["removed"])
        assert first.kind is FindingKind.LOCATION, path.name
        assert (first.latitude, first.longitude) == pytest.approx(
            (expected["GPSLatitude"], expected["GPSLongitude"]), abs=1e-4), path.name
