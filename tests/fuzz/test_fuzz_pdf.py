"""Fuzzing the PDF cleaner with documents built from parts: planted values in the
Info dictionary, document and per-object XMP, application data (/PieceInfo), review
annotations (indirect or written directly in a page's /Annots), an embedded JPEG's EXIF,
an incremental update that adds a new Info, with or without object streams; then,
sometimes, byte edits on top. Checked with ``media_oracle.check_media``: strictly when
the document was only built (every planted value is in metadata), loosely after byte
edits (see README.md)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest
from fuzzkit import fuzz_settings, mutated, regression_params, replay, run_target
from hypothesis import given
from hypothesis import strategies as st
from media_oracle import PLANTED_TEXT, check_media
from media_samples import make_jpeg

_text = st.sampled_from(PLANTED_TEXT)


def _annotation(pdf: pikepdf.Pdf, author: str, subtype: str) -> pikepdf.Dictionary:
    return pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name("/" + subtype),
        Rect=[10, 10, 20, 20],
        T=pikepdf.String(author),
        M=pikepdf.String("D:20240101000000Z"),
        Contents=pikepdf.String("note"),
    )


def _incremental_info(base: bytes, author: str) -> bytes:
    size = int(re.findall(rb"/Size (\d+)", base)[-1])
    root = re.findall(rb"/Root (\d+ \d+ R)", base)[-1].decode()
    prev = int(re.findall(rb"startxref\s+(\d+)", base)[-1])
    obj_off = len(base)
    update = f"{size} 0 obj\n<< /Author ({author}) >>\nendobj\n".encode()
    xref_off = obj_off + len(update)
    update += (
        f"xref\n0 1\n0000000000 65535 f \n{size} 1\n{obj_off:010d} 00000 n \n"
        f"trailer\n<< /Size {size + 1} /Root {root} /Info {size} 0 R /Prev {prev} >>\n"
        f"startxref\n{xref_off}\n%%EOF\n"
    ).encode()
    return base + update


@st.composite
def _pdfs(draw: st.DrawFn) -> tuple[bytes, bool, bool]:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    if draw(st.booleans()):
        pdf.docinfo["/Author"] = draw(_text)
    if draw(st.booleans()):
        pdf.docinfo["/Keywords"] = draw(_text)
    if draw(st.booleans()):
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:creator"] = [draw(_text)]
    annots = [
        _annotation(pdf, draw(_text), draw(st.sampled_from(["Text", "Highlight", "FreeText"])))
        for _ in range(draw(st.integers(0, 2)))
    ]
    if annots:
        if draw(st.booleans()):
            page.Annots = pdf.make_indirect(pikepdf.Array(annots))
        else:
            page.Annots = pikepdf.Array([pdf.make_indirect(a) for a in annots])
    if draw(st.booleans()):
        page.obj.PieceInfo = pikepdf.Dictionary(
            App=pikepdf.Dictionary(Private=pikepdf.String(draw(_text)))
        )
    if draw(st.booleans()):
        # XMP under its own key, or under another one (atheris found one renamed)
        key = draw(st.sampled_from(["/Metadata", "/Metadata", "/Meta", "/XMPData"]))
        page.obj[key] = pdf.make_stream(
            b"<x:xmpmeta><dc:creator>" + draw(_text).encode() + b"</dc:creator></x:xmpmeta>",
            Type=pikepdf.Name.Metadata,
            Subtype=pikepdf.Name.XML,
        )
    if draw(st.booleans()):
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
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    mode = draw(
        st.sampled_from([pikepdf.ObjectStreamMode.disable, pikepdf.ObjectStreamMode.generate])
    )
    buf = io.BytesIO()
    pdf.save(buf, object_stream_mode=mode)
    data = buf.getvalue()
    if mode is pikepdf.ObjectStreamMode.disable and draw(st.booleans()):
        data = _incremental_info(data, draw(_text))
    strict = True
    if draw(st.integers(0, 3)) == 0:
        data = draw(mutated(data))
        strict = False
    return data, strict, draw(st.booleans())


def _loose(data: bytes) -> None:
    check_media(data, strict=False)


@fuzz_settings(0.5)
@given(case=_pdfs())
def test_fuzz_pdf_documents(case: tuple[bytes, bool, bool]) -> None:
    data, strict, flatten = case
    if strict:
        run_target("pdf", lambda d: check_media(d, flatten=flatten), data)
    else:
        run_target("pdf-edited", _loose, data)


@pytest.mark.parametrize(
    ("check", "path"), regression_params({"pdf": check_media, "pdf-edited": _loose})
)
def test_regressions(check, path: Path) -> None:  # type: ignore[no-untyped-def]
    replay(check, path)
