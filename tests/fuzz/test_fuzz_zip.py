"""Fuzzing the ZIP containers (DOCX, XLSX, PPTX, ODT, ODP): documents whose members
carry planted values in metadata parts (properties, comments, notes, people), written
back by a ZIP writer of our own that can also put planted values where no reader looks
(directory entries, extra fields, comments, bytes between members, unreferenced
members, data descriptors), rename, drop, duplicate and reorder members. Checked with
``media_oracle.check_media``, with and without flattening."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fuzzkit import fuzz_settings, mutated, regression_params, replay, run_target
from hypothesis import given
from hypothesis import strategies as st
from media_oracle import check_media
from media_samples import PLAIN_BODY, make_docx
from structures import planted_bytes

from nam_desktop.core.media import CleanStatus, clean


@dataclass
class Member:
    name: str
    data: bytes
    deflate: bool = True
    extra: bytes = b""
    comment: bytes = b""
    descriptor: bool = False


@dataclass
class Archive:
    members: list[Member]
    comment: bytes = b""
    gaps: dict[int, bytes] = field(default_factory=dict)  # before member i
    prefix: bytes = b""

    def write(self) -> bytes:
        out = bytearray(self.prefix)
        central = bytearray()
        for i, m in enumerate(self.members):
            out += self.gaps.get(i, b"")
            body = zlib.compress(m.data)[2:-4] if m.deflate else m.data
            crc = zlib.crc32(m.data)
            name = m.name.encode()
            flags = 0x800 | (0x8 if m.descriptor else 0)
            method = 8 if m.deflate else 0
            sizes = (0, 0, 0) if m.descriptor else (crc, len(body), len(m.data))
            offset = len(out)
            out += struct.pack("<4sHHHHHLLLHH", b"PK\x03\x04", 20, flags, method, 0, 0x21, *sizes,
                               len(name), len(m.extra))  # fmt: skip
            out += name + m.extra + body
            if m.descriptor:
                out += struct.pack("<4sLLL", b"PK\x07\x08", crc, len(body), len(m.data))
            central += struct.pack(
                "<4sHHHHHHLLLHHHHHLL", b"PK\x01\x02", 20, 20, flags, method, 0, 0x21, crc,
                len(body), len(m.data), len(name), len(m.extra), len(m.comment), 0, 0, 0, offset,
            )  # fmt: skip
            central += name + m.extra + m.comment
        out += self.gaps.get(len(self.members), b"")
        start = len(out)
        out += central
        out += struct.pack("<4sHHHHLLH", b"PK\x05\x06", 0, 0, len(self.members),
                           len(self.members), len(central), start, len(self.comment))  # fmt: skip
        return bytes(out + self.comment)


def _read(data: bytes) -> list[Member]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [
            Member(i.filename, zf.read(i), i.compress_type == zipfile.ZIP_DEFLATED)
            for i in zf.infolist()
        ]


def _xlsx() -> bytes:
    import openpyxl
    from openpyxl.comments import Comment

    wb = openpyxl.Workbook()
    wb.active["A1"] = "Detention list"
    wb.active["A1"].comment = Comment("source: Maryia K., tel +375291112233", "Siarhei Analyst")
    wb.properties.creator = "Siarhei Analyst"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _pptx() -> bytes:
    import pptx

    prs = pptx.Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Detentions"
    slide.notes_slide.notes_text_frame.text = "source is Maryia K."
    prs.core_properties.author = "Siarhei Analyst"
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _odt() -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    )
    members = [
        Member("mimetype", b"application/vnd.oasis.opendocument.text", deflate=False),
        Member(
            "content.xml",
            f"<office:document-content {ns}><office:body><office:text><text:p>Said "
            "<office:annotation><dc:creator>Siarhei Analyst</dc:creator><text:p>Maryia K."
            "</text:p></office:annotation>hello.</text:p></office:text></office:body>"
            "</office:document-content>".encode(),
        ),
        Member(
            "meta.xml",
            f"<office:document-meta {ns}><office:meta><dc:creator>Siarhei Analyst</dc:creator>"
            "</office:meta></office:document-meta>".encode(),
        ),
        Member(
            "META-INF/manifest.xml",
            f'<manifest:manifest {ns}><manifest:file-entry manifest:full-path="/"/>'
            '<manifest:file-entry manifest:full-path="content.xml"/>'
            '<manifest:file-entry manifest:full-path="meta.xml"/></manifest:manifest>'.encode(),
        ),
    ]
    return Archive(members).write()


SEEDS = {
    "docx": make_docx(PLAIN_BODY),
    "xlsx": _xlsx(),
    "pptx": _pptx(),
    "odt": _odt(),
}


@st.composite
def _zip_inputs(draw: st.DrawFn) -> tuple[bytes, bool]:
    fmt = draw(st.sampled_from(sorted(SEEDS)))
    archive = Archive(_read(SEEDS[fmt]))
    members = archive.members
    for _ in range(draw(st.integers(1, 5))):
        i = draw(st.integers(0, len(members) - 1))
        op = draw(
            st.sampled_from(
                ["dir", "extra", "comment", "gap", "archive", "loose", "stored", "descriptor",
                 "drop", "dup", "case", "swap", "prefix"]
            )
        )  # fmt: skip
        value = draw(planted_bytes())
        m = members[i]
        if op == "dir":
            folder = m.name.rpartition("/")[0] + "/" if "/" in m.name else "docs/"
            members.insert(i, Member(folder, value, draw(st.booleans())))
        elif op == "extra":
            m.extra = struct.pack("<HH", draw(st.sampled_from([0xCAFE, 0x5455, 0xA220])),
                                  len(value)) + value  # fmt: skip
        elif op == "comment":
            m.comment = value
        elif op == "gap":
            archive.gaps[i] = value
        elif op == "archive":
            archive.comment = value
        elif op == "loose":
            folder = draw(st.sampled_from(["word/", "xl/", "ppt/", "", "customXml/", "Pictures/"]))
            name = folder + draw(st.sampled_from(["extra.xml", "x.bin", "notes.txt"]))
            members.insert(i, Member(name, b"<x>" + value + b"</x>"))
        elif op == "stored":
            m.deflate = not m.deflate
        elif op == "descriptor":
            m.descriptor = True
        elif op == "drop" and len(members) > 2:
            del members[i]
        elif op == "dup":
            members.insert(i, Member(m.name, m.data))
        elif op == "case":
            m.name = m.name.upper()
        elif op == "swap" and i + 1 < len(members):
            members[i], members[i + 1] = members[i + 1], members[i]
        elif op == "prefix":
            archive.prefix = value
    data = archive.write()
    if draw(st.integers(0, 4)) == 0:
        data = draw(mutated(data))
    return data, draw(st.booleans())


def _check(data: bytes, flatten: bool = False) -> None:
    check_media(data, flatten=flatten)
    if not flatten:
        check_media(data, flatten=True)


@fuzz_settings(0.7)
@given(case=_zip_inputs())
def test_fuzz_zip_containers(case: tuple[bytes, bool]) -> None:
    data, flatten = case
    run_target("zip", lambda d: check_media(d, flatten=flatten), data)


@pytest.mark.parametrize("fmt", sorted(SEEDS))
def test_zip_seeds_carry_values_the_cleaner_removes(fmt: str) -> None:
    result = clean(io.BytesIO(SEEDS[fmt]), accept_flattening=True)
    assert result.status is CleanStatus.CLEAN, result.notes
    assert result.removed
    check_media(SEEDS[fmt], flatten=True)


@pytest.mark.parametrize(("check", "path"), regression_params({"zip": _check}))
def test_regressions(check, path: Path) -> None:  # type: ignore[no-untyped-def]
    replay(check, path)
