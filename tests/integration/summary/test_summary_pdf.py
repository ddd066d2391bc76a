"""Summaries as real PDFs, checked with poppler's tools and pikepdf."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from summary_fixtures import (  # helper beside this file (path set by conftest.py)
    BE_TEXT,
    FILENAME,
    IDENTITY_NEEDLES,
    NAME,
    RU_TEXT,
    TITLE,
    Sample,
    all_stream_bytes,
    encodings,
    make_draft,
    need,
    pdftotext,
)

from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.summary import (
    SummaryOptions,
    build_summary_pdf,
    make_summary,
    verify_summary,
    write_summary,
)
from nam_desktop.core.vault.vault import Vault


def write(sample: Sample, tmp_path: Path, level: str = "pseudonymised", lang: str = "be",
          paper: str = "a4", notes: bool = True) -> Path:
    out = tmp_path / f"summary-{level}-{lang}-{paper}.pdf"
    write_summary(sample.vault, sample.testimony_id, out,
                  SummaryOptions.make(level, lang, include_notes=notes), paper)
    return out


def test_belarusian_and_russian_text_comes_back_exactly(sample: Sample, tmp_path: Path) -> None:
    text = pdftotext(write(sample, tmp_path))
    assert BE_TEXT in text
    assert RU_TEXT in text
    assert "Адвольнае затрыманне" in text  # the vocabulary's Belarusian label
    assert "ПСЕЎДАНІМІЗАВАНЫ" in text  # the level, in the chosen language


@pytest.mark.parametrize("lang, label", [("en", "Arbitrary detention"),
                                         ("ru", "Произвольное задержание")])
def test_labels_follow_the_language(sample: Sample, tmp_path: Path, lang: str,
                                    label: str) -> None:
    assert label in pdftotext(write(sample, tmp_path, lang=lang))


def test_every_font_is_embedded(sample: Sample, tmp_path: Path) -> None:
    out = write(sample, tmp_path, level="full")
    lines = subprocess.run([need("pdffonts"), str(out)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        # name type encoding emb sub uni object ID: emb is the 4th field from the end
        assert line.split()[-5] == "yes", line
    assert all("DejaVuSans" in line for line in lines)


@pytest.mark.parametrize("level", ["pseudonymised", "public"])
def test_identity_appears_nowhere(sample: Sample, tmp_path: Path, level: str) -> None:
    out = write(sample, tmp_path, level=level)
    pdf = out.read_bytes()
    text = pdftotext(out)
    # Every stream, decompressed: also the attached content JSON and key statement.
    streams = all_stream_bytes(pdf)
    assert any(b'"format":"nam-summary-content"' in s for s in streams)
    for needle in IDENTITY_NEEDLES:
        assert needle not in text, needle
        for encoded in encodings(needle):
            assert encoded not in pdf, needle
            assert not any(encoded in s for s in streams), needle


def test_the_identity_check_would_see_a_name(sample: Sample, tmp_path: Path) -> None:
    """Control for the test above: at ``full`` the same checks find the identity."""
    out = write(sample, tmp_path, level="full")
    text = pdftotext(out)
    assert NAME in text and "1988-05-14" in text and "MP1234567" in text


def test_public_has_no_free_text(sample: Sample, tmp_path: Path) -> None:
    text = pdftotext(write(sample, tmp_path, level="public"))
    for free in (BE_TEXT, RU_TEXT, TITLE, FILENAME, "Вільнюс", "Затрымалі каля метро",
                 "АМАП", "Паўторная сустрэча"):
        assert free not in text, free
    assert "Адвольнае затрыманне" in text
    assert "2020-08" in text and "2020-08-12" not in text  # month precision kept
    assert "Сведка-17" in text  # the pseudonym is meant to be shown


def test_pseudonymised_warns_when_free_text_names_the_witness(vault: Vault,
                                                              tmp_path: Path) -> None:
    tid = TestimonyRepository(vault).add(make_draft(f"{BE_TEXT}. Мяне завуць Алена."))
    summary = make_summary(vault, tid, SummaryOptions.make("pseudonymised", "en"))
    assert "identity_in_free_text" in summary.warnings
    fields = [w for w in summary.content["warnings"] if w["code"] == "identity_in_free_text"]
    assert fields[0]["fields"] == ["narrative"]
    out = tmp_path / "s.pdf"
    out.write_bytes(summary.pdf)
    assert "contains the witness's recorded name" in pdftotext(out)


def test_letter_paper(sample: Sample, tmp_path: Path) -> None:
    out = write(sample, tmp_path, paper="letter")
    info = subprocess.run([need("pdfinfo"), str(out)], check=True, capture_output=True,
                          text=True).stdout
    assert "612 x 792 pts (letter)" in info


def test_thirty_pages_paginate_with_page_x_of_y(vault: Vault, tmp_path: Path) -> None:
    paragraphs = [f"§{i} " + " ".join([RU_TEXT, "и", BE_TEXT] * 12) for i in range(1, 301)]
    tid = TestimonyRepository(vault).add(make_draft("\n".join(paragraphs)))
    out = tmp_path / "long.pdf"
    write_summary(vault, tid, out, SummaryOptions.make("pseudonymised", "en"))
    pages = pdftotext(out).split("\f")[:-1]
    total = len(pages)
    assert total >= 30
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {total}" in page
        assert "CONFIDENTIAL" in page and "PSEUDONYMISED" in page
    # The account flows across pages in order, nothing lost or repeated.
    found = [int(m) for m in re.findall(r"§(\d+) ", "\n".join(pages))]
    assert found == list(range(1, 301))


def test_written_summary_verifies_and_is_audited(sample: Sample, tmp_path: Path) -> None:
    out = write(sample, tmp_path, level="public")
    assert not (tmp_path / (out.name + ".sig")).exists()  # signed inside the PDF
    result = verify_summary(out.read_bytes(),
                            expected_fingerprint=sample.vault.device.fingerprint)
    assert result.ok and result.redaction == "public" and result.kind == "pades"
    assert result.verification_code in pdftotext(out)
    event = sample.vault.audit.entries(sample.testimony_id)[0]
    assert event.action == "summary.write"
    assert event.details["redaction"] == "public"
    assert str(tmp_path) not in str(event.details) and out.name not in str(event.details)
    assert sample.vault.audit.verify().ok


def test_build_summary_pdf_for_bundles(sample: Sample, tmp_path: Path) -> None:
    before = set(Path(tempfile.gettempdir()).iterdir())
    pdf = build_summary_pdf(sample.vault, sample.testimony_id, "public", "ru", "letter")
    assert pdf.startswith(b"%PDF-")
    assert verify_summary(pdf, expected_fingerprint=sample.vault.device.fingerprint).ok
    assert sample.vault.audit.entries(sample.testimony_id)[0].action == "summary.export"
    assert list(tmp_path.iterdir()) == [tmp_path / "vault"]
    new = {p for p in set(Path(tempfile.gettempdir()).iterdir()) - before
           if p.suffix in (".pdf", ".png", ".jpg", ".ppm")}
    assert not new


def test_thumbnails_are_drawn_for_cleaned_images(sample: Sample, tmp_path: Path) -> None:
    out = write(sample, tmp_path)
    images = subprocess.run([need("pdfimages"), "-list", str(out)], check=True,
                            capture_output=True, text=True).stdout.splitlines()[2:]
    assert len(images) == 2
    public = write(sample, tmp_path, level="public")
    images = subprocess.run([need("pdfimages"), "-list", str(public)], check=True,
                            capture_output=True, text=True).stdout.splitlines()[2:]
    assert images == []


def test_markup_and_bidi_controls_in_free_text(vault: Vault, tmp_path: Path) -> None:
    tid = TestimonyRepository(vault).add(
        make_draft("<b>не тлусты</b> & <font size=40>x</font> \u202eреверс\u202c канец"))
    out = tmp_path / "s.pdf"
    write_summary(vault, tid, out)
    text = pdftotext(out)
    assert "<b>не тлусты</b> & <font size=40>x</font> реверс канец" in text
    assert "\u202e" not in text
