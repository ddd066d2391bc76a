"""Office and ODF files made by the libraries people use (openpyxl, python-pptx,
python-docx) or written by hand: comments and speaker notes are recognised by content
and relationship type, and the rebuilt ZIP carries nothing but the parts the document
uses. Oracles: exiftool (with Archive::Zip) and byte searches over the output and every
decompressed member."""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest
from media_samples import PLAIN_BODY, make_docx

from nam_desktop.core.media import CleanStatus, clean, inspect

ANALYST = "Siarhei Analyst"
PHONE = "+375291112233"
SOURCE = "source is Maryia K."
NEEDLES = (ANALYST, PHONE, "Maryia")


def _views(data: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = [zf.read(i) for i in zf.infolist()]
        extras = [i.extra + i.comment for i in zf.infolist()] + [zf.comment]
    return [data, *members, *extras]


def _assert_gone(data: bytes) -> None:
    for view in _views(data):
        for needle in NEEDLES:
            for form in (needle.encode(), needle.encode("utf-16-le")):
                assert form not in view, needle


def _exiftool(path: Path) -> str:
    if shutil.which("exiftool") is None:
        if os.environ.get("CI"):
            pytest.fail("exiftool missing in CI")
        pytest.skip("exiftool not installed")
    out = subprocess.run(
        ["exiftool", "-a", "-G1", "-u", "-ee", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    text = out.stdout + out.stderr
    assert "Install Archive::Zip" not in text  # else exiftool is blind inside ZIPs
    return text


def _xlsx_with_comment() -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.comments import Comment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Detention list"
    ws["A1"].comment = Comment(f"source: Maryia, tel {PHONE}", ANALYST)
    wb.properties.creator = ANALYST
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _pptx_with_notes() -> bytes:
    pptx = pytest.importorskip("pptx")
    prs = pptx.Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Detentions in Minsk"
    slide.notes_slide.notes_text_frame.text = SOURCE
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def test_openpyxl_comment_found_by_content_type(tmp_path: Path) -> None:
    data = _xlsx_with_comment()
    src = tmp_path / "book.xlsx"
    src.write_bytes(data)
    seen = _exiftool(src)
    assert ANALYST in seen  # the oracle reads inside the workbook
    report = inspect(io.BytesIO(data))
    assert report.format == "xlsx"
    assert any(b == "comments (xl/comments/comment1.xml)" for b in report.blockers)
    assert any(i.group == "Comments" and i.value_short == ANALYST for i in report.items)
    refused = clean(io.BytesIO(data))
    assert refused.status is CleanStatus.REFUSED
    assert refused.data.read() == data
    result = clean(io.BytesIO(data), accept_flattening=True)
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    _assert_gone(out)
    dst = tmp_path / "clean.xlsx"
    dst.write_bytes(out)
    assert ANALYST not in _exiftool(dst)
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(out)).active
    assert sheet["A1"].value == "Detention list" and sheet["A1"].comment is None


def test_comment_part_under_any_name(tmp_path: Path) -> None:
    """The same workbook with its comments part renamed: still comments."""
    data = _xlsx_with_comment()
    renamed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(renamed, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info).replace(b"comments/comment1.xml", b"misc/notes_x.xml")
            zout.writestr(info.filename.replace("comments/comment1.xml", "misc/notes_x.xml"), body)
    result = clean(io.BytesIO(renamed.getvalue()))
    assert result.status is CleanStatus.REFUSED
    assert any("xl/misc/notes_x.xml" in b for b in result.before.blockers)


def test_pptx_speaker_notes_refused_then_removed(tmp_path: Path) -> None:
    data = _pptx_with_notes()
    report = inspect(io.BytesIO(data))
    assert report.format == "pptx"
    assert any(b.startswith("speaker notes (ppt/notesSlides/") for b in report.blockers)
    assert any(i.group == "Notes" and SOURCE in i.value_short for i in report.items)
    assert clean(io.BytesIO(data)).status is CleanStatus.REFUSED
    result = clean(io.BytesIO(data), accept_flattening=True)
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    _assert_gone(out)
    import pptx

    prs = pptx.Presentation(io.BytesIO(out))
    assert prs.slides[0].shapes.title.text == "Detentions in Minsk"
    assert not prs.slides[0].has_notes_slide


def test_docx_from_python_docx_clean(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("Testimony text.")
    doc.core_properties.author = ANALYST
    buf = io.BytesIO()
    doc.save(buf)
    result = clean(io.BytesIO(buf.getvalue()))
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    _assert_gone(out)
    assert [p.text for p in docx.Document(io.BytesIO(out)).paragraphs] == ["Testimony text."]


def _with_hidden_container_data(data: bytes) -> bytes:
    """The DOCX rewritten with a directory entry holding data, an extra field, member
    and archive comments, and bytes between two members."""
    secret = f"{ANALYST}, tel {PHONE}".encode()
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, info in enumerate(src.infolist()):
            new = zipfile.ZipInfo(info.filename, date_time=(2024, 5, 1, 10, 11, 12))
            new.compress_type = zipfile.ZIP_DEFLATED
            if n == 1:
                new.extra = struct.pack("<HH", 0xCAFE, len(secret)) + secret
                new.comment = b"member note " + secret
            zf.writestr(new, src.read(info))
            if n == 2:
                zf.fp.write(b"between " + secret)  # type: ignore[union-attr]
                zf.start_dir = zf.fp.tell()  # type: ignore[union-attr]
        theme = zipfile.ZipInfo("word/theme/", date_time=(2024, 5, 1, 10, 11, 12))
        zf.writestr(theme, secret)
        zf.comment = b"archive note " + secret
    return buf.getvalue()


def test_hidden_zip_data_dropped_and_reported(tmp_path: Path) -> None:
    data = _with_hidden_container_data(make_docx(PLAIN_BODY))
    assert sum(v.count(ANALYST.encode()) for v in _views(data)) >= 5
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.read("word/theme/").startswith(ANALYST.encode())
    report = inspect(io.BytesIO(data))
    found = {i.name for i in report.items if i.group == "ZIP"}
    assert {
        "DirectoryEntryData",
        "ExtraField",
        "MemberComment",
        "ArchiveComment",
        "HiddenBytes",
        "ModifyDate",
    } <= found
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN, result.notes
    out = result.data.read()
    _assert_gone(out)
    removed = {i.name for i in result.removed if i.group == "ZIP"}
    assert {"DirectoryEntryData", "HiddenBytes", "ArchiveComment"} <= removed
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        assert not [n for n in zf.namelist() if n.endswith("/")]
        assert all(not i.extra and not i.comment for i in zf.infolist())
        assert zf.comment == b""
    dst = tmp_path / "clean.docx"
    dst.write_bytes(out)
    assert ANALYST not in _exiftool(dst)


def test_unreferenced_member_dropped_referenced_binary_refused() -> None:
    secret = f"{ANALYST} {PHONE}".encode()
    loose = make_docx(PLAIN_BODY, {"word/custom1.bin": b"\x00\x01" + secret}, linked=False)
    result = clean(io.BytesIO(loose))
    assert result.status is CleanStatus.CLEAN
    assert any(i.name == "UnusedMember" for i in result.removed)
    _assert_gone(result.data.read())
    used = make_docx(PLAIN_BODY, {"word/custom1.bin": b"\x00\x01" + secret})
    refused = clean(io.BytesIO(used))
    assert refused.status is CleanStatus.REFUSED
    assert any("word/custom1.bin" in b for b in refused.before.blockers)


@pytest.mark.parametrize(
    ("main", "fmt"),
    [
        ("application/vnd.ms-word.document.macroEnabled.main+xml", "docx"),
        (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
            "docx",
        ),
        ("application/vnd.ms-excel.sheet.macroEnabled.main+xml", "xlsx"),
        ("application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml", "pptx"),
    ],
)
def test_variants_recognised_by_main_content_type(main: str, fmt: str) -> None:
    base = make_docx(PLAIN_BODY)
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as zin, zipfile.ZipFile(buf, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info)
            if info.filename == "[Content_Types].xml":
                body = body.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    b".main+xml",
                    main.encode(),
                )
            name = info.filename.replace("word/document.xml", "main/part.xml")
            zout.writestr(name, body.replace(b"word/document.xml", b"main/part.xml"))
    assert inspect(io.BytesIO(buf.getvalue())).format == fmt


def _odp_with_notes() -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    )
    content = (
        f"<office:document-content {ns}><office:body><office:presentation>"
        '<draw:page draw:name="p1"><draw:frame><draw:text-box><text:p>Slide text</text:p>'
        "</draw:text-box></draw:frame><presentation:notes><draw:frame><draw:text-box>"
        f"<text:p>{SOURCE}</text:p></draw:text-box></draw:frame></presentation:notes>"
        "</draw:page></office:presentation></office:body></office:document-content>"
    )
    manifest = (
        f"<manifest:manifest {ns}>"
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.presentation"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="Configurations2/" manifest:media-type=""/>'
        "</manifest:manifest>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.presentation"
        )
        zf.writestr("content.xml", content)
        zf.writestr("Configurations2/menubar/", f"{ANALYST} {PHONE}")
        zf.writestr("stray.xml", f"<x>{ANALYST}</x>")
        zf.writestr("META-INF/manifest.xml", manifest)
    return buf.getvalue()


def test_odp_notes_and_hidden_members() -> None:
    data = _odp_with_notes()
    report = inspect(io.BytesIO(data))
    assert report.format == "odp"
    assert any(b.startswith("speaker notes") for b in report.blockers)
    names = {(i.group, i.name) for i in report.items}
    assert {("ZIP", "DirectoryEntryData"), ("ZIP", "UnusedMember"), ("Notes", "content.xml")} <= (
        names
    )
    assert clean(io.BytesIO(data)).status is CleanStatus.REFUSED
    result = clean(io.BytesIO(data), accept_flattening=True)
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    _assert_gone(out)
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        assert zf.namelist() == ["mimetype", "content.xml", "META-INF/manifest.xml"]
        assert b"Slide text" in zf.read("content.xml")
        assert b"Configurations2" not in zf.read("META-INF/manifest.xml")
