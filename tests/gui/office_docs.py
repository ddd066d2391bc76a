"""Office documents as people make them (openpyxl, python-pptx), carrying comments and
speaker notes with a name, a phone number and a source: the planted values a cleaned
copy must not contain (searched in the raw bytes and in every decompressed member)."""

from __future__ import annotations

import io
import zipfile

import pytest

ANALYST, EDITOR = "Siarhei Analyst", "Alena Editor"
PHONE = "+375291112233"
SOURCE = "source is Maryia K."
NEEDLES = (ANALYST, EDITOR, PHONE, "Maryia")


def xlsx_with_comments() -> bytes:
    """Three comments by two authors; one names a source and her phone number."""
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.comments import Comment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Detention list"
    ws["A1"].comment = Comment(f"source: Maryia, tel {PHONE}", ANALYST)
    ws["B2"] = "Akrestsina"
    ws["B2"].comment = Comment("checked twice", ANALYST)
    ws["C3"] = "Zhodzina"
    ws["C3"].comment = Comment("ask again", EDITOR)
    wb.properties.creator = ANALYST
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def pptx_with_notes() -> bytes:
    """Two slides whose speaker notes name a source and a phone number."""
    pptx = pytest.importorskip("pptx")
    prs = pptx.Presentation()
    for title, notes in (("Detentions in Minsk", SOURCE), ("Transfers", f"call {PHONE}")):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = title
        slide.notes_slide.notes_text_frame.text = notes
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def found(data: bytes) -> set[str]:
    """The planted values present in ``data`` or any member of it (UTF-8 or UTF-16)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        views = [data, *(zf.read(i) for i in zf.infolist())]
    return {n for view in views for n in NEEDLES
            for form in (n.encode(), n.encode("utf-16-le")) if form in view}
