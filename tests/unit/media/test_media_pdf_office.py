"""PDF and Office documents built in memory."""

from __future__ import annotations

import io
import re
import zipfile

import pikepdf
import pytest
from media_samples import (
    AUTHOR,
    PLAIN_BODY,
    SERIAL,
    TRACKED_BODY,
    W_NS,
    make_docx,
    make_jpeg,
)

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media import CleanStatus, clean, inspect


def _pdf_with_incremental_update() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = "Old Secret Author"
    pdf.docinfo["/Title"] = "Interview draft"
    pdf.Root.Metadata = pdf.make_stream(
        b"<x:xmpmeta><dc:creator>" + AUTHOR.encode() + b"</dc:creator></x:xmpmeta>",
        Type=pikepdf.Name.Metadata,
        Subtype=pikepdf.Name.XML,
    )
    image = pdf.make_stream(
        make_jpeg(),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=64,
        Height=48,
        ColorSpace=pikepdf.Name.DeviceRGB,
        BitsPerComponent=8,
        Filter=pikepdf.Name.DCTDecode,
    )
    pdf.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    buf = io.BytesIO()
    pdf.save(buf, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    base = buf.getvalue()
    size = int(re.search(rb"/Size (\d+)", base).group(1))  # type: ignore[union-attr]
    root = re.search(rb"/Root (\d+ \d+ R)", base).group(1)  # type: ignore[union-attr]
    prev = int(re.findall(rb"startxref\s+(\d+)", base)[-1])
    obj_off = len(base)
    update = f"{size} 0 obj\n<< /Author (New Editor Name) >>\nendobj\n".encode()
    xref_off = obj_off + len(update)
    update += (
        f"xref\n0 1\n0000000000 65535 f \n{size} 1\n{obj_off:010d} 00000 n \n"
        f"trailer\n<< /Size {size + 1} /Root {root.decode()} /Info {size} 0 R /Prev {prev} >>\n"
        f"startxref\n{xref_off}\n%%EOF\n"
    ).encode()
    return base + update


def test_pdf_incremental_update_and_metadata_removed() -> None:
    data = _pdf_with_incremental_update()
    assert data.count(b"%%EOF") == 2 and b"Old Secret Author" in data
    report = inspect(io.BytesIO(data))
    names = {(i.group, i.name) for i in report.items}
    assert ("PDF-Info", "Author") in names and ("XMP", "XMPPacket") in names
    assert any(i.group.startswith("Image-") and i.name == "Artist" for i in report.items)
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    assert out.count(b"%%EOF") == 1
    for secret in (b"Old Secret Author", b"New Editor Name", AUTHOR.encode(), SERIAL.encode()):
        assert secret not in out
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root
        assert len(pdf.pages) == 1
        img = pdf.pages[0].Resources.XObject.Im0
        assert AUTHOR.encode() not in bytes(img.read_raw_bytes())
    assert clean(io.BytesIO(out)).data.read() == out


def test_pdf_embedded_file_blocks_until_flattened() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    spec = pikepdf.AttachedFileSpec(pdf, b"attached " + SERIAL.encode(), filename="notes.txt")
    pdf.attachments["notes.txt"] = spec
    buf = io.BytesIO()
    pdf.save(buf)
    data = buf.getvalue()
    refused = clean(io.BytesIO(data))
    assert refused.status is CleanStatus.REFUSED
    assert refused.data.read() == data
    flat = clean(io.BytesIO(data), accept_flattening=True)
    assert flat.status is CleanStatus.CLEAN
    assert SERIAL.encode() not in flat.data.read()


def test_broken_pdf_refused() -> None:
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(b"%PDF-1.7\n garbage without objects"))


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_docx_properties_and_ids_removed() -> None:
    data = make_docx(
        PLAIN_BODY,
        {
            "word/settings.xml": (
                b'<w:settings xmlns:w="' + W_NS.encode() + b'" '
                b'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
                b'<w:rsids><w:rsidRoot w:val="00A1B2C3"/></w:rsids><w14:docId w14:val="7F1E2D3C"/>'
                b"</w:settings>"
            ),
        },
    )
    report = inspect(io.BytesIO(data), filename="x.docx")
    assert report.format == "docx"
    assert any(i.name == "creator" and i.value_short == AUTHOR for i in report.items)
    result = clean(io.BytesIO(data), filename="x.docx")
    assert result.status is CleanStatus.CLEAN
    members = _members(result.data.read())
    assert "docProps/core.xml" not in members
    assert b"docProps/core.xml" not in members["[Content_Types].xml"]
    assert b"docProps/core.xml" not in members["_rels/.rels"]
    joined = b"".join(members.values())
    for secret in (AUTHOR.encode(), SERIAL.encode(), b"rsid", b"paraId", b"7F1E2D3C"):
        assert secret not in joined
    assert b"The witness said hello." in members["word/document.xml"]


def test_docx_tracked_changes_refused_then_flattened() -> None:
    data = make_docx(TRACKED_BODY)
    refused = clean(io.BytesIO(data))
    assert refused.status is CleanStatus.REFUSED
    assert any("tracked changes" in b for b in refused.before.blockers)
    result = clean(io.BytesIO(data), accept_flattening=True)
    assert result.status is CleanStatus.CLEAN
    doc = _members(result.data.read())["word/document.xml"]
    text = re.sub(rb"<[^>]+>", b"", doc.split(b"<w:body>")[1])
    assert text == b"Kept inserted end."
    assert AUTHOR.encode() not in doc


def test_docx_embedded_picture_cleaned() -> None:
    data = make_docx(PLAIN_BODY, {"word/media/image1.jpeg": make_jpeg()})
    report = inspect(io.BytesIO(data))
    assert any(i.group == "Embedded:word/media/image1.jpeg" for i in report.items)
    result = clean(io.BytesIO(data))
    assert result.status is CleanStatus.CLEAN
    image = _members(result.data.read())["word/media/image1.jpeg"]
    assert AUTHOR.encode() not in image and image.startswith(b"\xff\xd8")


@pytest.mark.parametrize(
    "bad",
    [
        {"word/document.xml": b"<w:document><unclosed>"},
        {"word/x.xml": b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'},
    ],
)
def test_hostile_xml_refused(bad: dict[str, bytes]) -> None:
    """A part the document uses that is not well-formed, or declares a DOCTYPE."""
    members = _members(make_docx(PLAIN_BODY, {"word/x.xml": b"<x/>"}))
    members.update(bad)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    with pytest.raises(MalformedFileError):
        clean(io.BytesIO(buf.getvalue()))


def test_zip_bomb_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        zf.writestr("word/document.xml", b"<a/>")
        zf.writestr("word/media/huge.bin", b"\x00" * (64 * 1024 * 1024))
    with pytest.raises(MalformedFileError, match="limit"):
        inspect(io.BytesIO(buf.getvalue()))


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
)


def _odt(body: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.text")
        zf.writestr(
            "content.xml",
            f"<office:document-content {ODF_NS}><office:body>"
            f"<office:text>{body}</office:text></office:body></office:document-content>",
        )
        zf.writestr(
            "meta.xml",
            f"<office:document-meta {ODF_NS}><office:meta>"
            f"<dc:creator>{AUTHOR}</dc:creator><meta:initial-creator>{SERIAL}"
            "</meta:initial-creator></office:meta></office:document-meta>",
        )
        zf.writestr("Thumbnails/thumbnail.png", b"\x89PNG fake")
        zf.writestr(
            "META-INF/manifest.xml",
            f"<manifest:manifest {ODF_NS}>"
            '<manifest:file-entry manifest:full-path="meta.xml"/>'
            '<manifest:file-entry manifest:full-path="Thumbnails/thumbnail.png"/>'
            '<manifest:file-entry manifest:full-path="content.xml"/>'
            "</manifest:manifest>",
        )
    return buf.getvalue()


def test_odt_meta_removed_and_annotation_flattened() -> None:
    plain = clean(io.BytesIO(_odt("<text:p>Said hello.</text:p>")))
    assert plain.status is CleanStatus.CLEAN
    members = _members(plain.data.read())
    assert next(iter(members)) == "mimetype"
    assert "meta.xml" not in members and "Thumbnails/thumbnail.png" not in members
    assert b"meta.xml" not in members["META-INF/manifest.xml"]
    noted = _odt(
        "<text:p>Said <office:annotation><dc:creator>" + AUTHOR + "</dc:creator>"
        "<text:p>check this</text:p></office:annotation>hello.</text:p>"
    )
    assert clean(io.BytesIO(noted)).status is CleanStatus.REFUSED
    flat = clean(io.BytesIO(noted), accept_flattening=True)
    assert flat.status is CleanStatus.CLEAN
    content = _members(flat.data.read())["content.xml"]
    assert AUTHOR.encode() not in content and b"check this" not in content
    assert b"Said hello." in content


def test_pdf_direct_annotation_author_removed() -> None:
    """A review annotation written directly inside the page's /Annots array (not as an
    indirect object) kept its author: found by the fuzz oracle."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].Annots = pdf.make_indirect(
        pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Annot,
                    Subtype=pikepdf.Name.Text,
                    Rect=[10, 10, 20, 20],
                    T=pikepdf.String(SERIAL),
                    Contents=pikepdf.String("note"),
                )
            ]
        )
    )
    buf = io.BytesIO()
    pdf.save(buf)
    report = inspect(io.BytesIO(buf.getvalue()))
    assert any(i.group == "PDF-Annotation" and i.value_short == SERIAL for i in report.items)
    result = clean(io.BytesIO(buf.getvalue()))
    assert result.status is CleanStatus.CLEAN
    out = result.data.read()
    assert SERIAL.encode() not in out
    with pikepdf.open(io.BytesIO(out)) as cleaned:
        [annot] = cleaned.pages[0].Annots
        assert "/T" not in annot and str(annot.Contents) == "note"


def _all_pdf_bytes(data: bytes) -> list[bytes]:
    """The file and every object of it as pikepdf reads it (decoded streams too)."""
    views = [data]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                views.append(obj.read_bytes())
            views.append(obj.unparse(resolved=True) if obj is not None else b"")
    return views


def _pdf_with_info(extra_trailer_key: str | None = None) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = "Ivan Petrovich Sidorov"
    pdf.docinfo["/Subject"] = "Akrestsina street 36"
    if extra_trailer_key is not None:
        pdf.trailer[extra_trailer_key] = pdf.trailer.Info
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("damage", ["no-slash", "extra-key"])
def test_info_reached_by_another_trailer_key_is_removed(damage: str) -> None:
    """Found by the fuzz test: "<< /Info 2 0 R" with the slash turned into a NUL byte is
    repaired by qpdf into /QPDFFake1 (Info) /QPDFFake2 2 0 R, which it wrote back: the
    copy was called clean with the author and place in it. Any trailer key but the
    catalogue goes, and the verifier refuses a copy that keeps one."""
    if damage == "no-slash":
        data = bytearray(_pdf_with_info())
        at = data.rindex(b"/Info 2 0 R")
        data[at] = 0
        data = bytes(data)
    else:
        data = _pdf_with_info("/PrivateInfo")
    result = clean(io.BytesIO(data))
    out = result.data.read()
    if result.status is not CleanStatus.CLEAN:
        assert out == data
        return
    assert "TrailerEntry" in {i.name for i in result.before.items}  # it was reported
    for view in _all_pdf_bytes(out):
        assert b"Sidorov" not in view and b"Akrestsina" not in view
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert set(pdf.trailer.keys()) <= {"/Root", "/Size", "/ID"}
