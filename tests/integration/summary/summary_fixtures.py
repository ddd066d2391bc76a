"""Shared by the summary tests (integration and GUI): a testimony with a recorded identity,
Belarusian and Russian text and two images, and PDF inspection helpers."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import (
    Act,
    Consent,
    Interview,
    Perpetrator,
    TestimonyDraft,
    Witness,
    WitnessIdentity,
)
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

BE_TEXT = "Мяне затрымалі ў Менску, іх было шмат"
RU_TEXT = "Меня задержали"
NAME = "Алена Варабей"
BIRTH = "1988-05-14"
CONTACT = "alena.varabei@example.org"
PHONE = "+375291234567"
DOCUMENTS = "MP1234567"
INTERVIEWER = "Ганна Ковальчык"
IDENTITY_NEEDLES = [NAME, "Алена", "Варабей", BIRTH, CONTACT, PHONE, DOCUMENTS, INTERVIEWER]
TITLE = "Затрыманне на Акрэсціна"
FILENAME = "фота_камеры.jpg"


def make_draft(narrative: str | None = None) -> TestimonyDraft:
    return TestimonyDraft(
        title=TITLE,
        interview=Interview(date="2024-03-02", place="Вільнюс", mode="in_person",
                            languages=["be", "ru"], interviewer=INTERVIEWER),
        consent=Consent(hq_documentation=True, anonymous_publication=True,
                        given_date="2024-03-02", method="oral"),
        witness=Witness(pseudonym="Сведка-17", gender="female", age_group="30-39"),
        identity=WitnessIdentity(name=NAME, birth_date=BIRTH, contact=f"{CONTACT}, {PHONE}",
                                 documents=DOCUMENTS),
        acts=[
            Act(type="arbitrary_detention", date="2020-08-10", date_precision="exact",
                place="Менск", description="Затрымалі каля метро."),
            Act(type="torture_ill_treatment", date="2020-08-12", date_precision="month",
                perpetrators=[Perpetrator(unit="АМАП", description="у масках")]),
        ],
        narrative=narrative if narrative is not None else (
            f"{BE_TEXT}.\nЯны білі нас у аўтазаку.\n\n{RU_TEXT} у дома, потом отвезли "
            "на Окрестина."),
        notes="Паўторная сустрэча ў маі.",
    )


def jpeg(color: tuple[int, int, int], size: tuple[int, int] = (900, 600)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG", quality=85)
    return out.getvalue()


@dataclass
class Sample:
    vault: Vault
    testimony_id: str


def make_sample(vault: Vault) -> Sample:
    tid = TestimonyRepository(vault).add(make_draft())
    service = AttachmentService(vault)
    for i, color in enumerate(((200, 30, 30), (30, 160, 60))):
        service.attach(tid, io.BytesIO(jpeg(color)), FILENAME if i == 0 else "photo2.jpg")
    return Sample(vault, tid)


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return path


def pdftotext(pdf: Path) -> str:
    return subprocess.run([need("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def all_stream_bytes(pdf: bytes) -> list[bytes]:
    """Every stream decoded (qpdf) and every raw Flate stream inflated by hand."""
    out = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Stream):
                out.append(obj.read_raw_bytes())
                with contextlib.suppress(pikepdf.PdfError):
                    out.append(obj.read_bytes())
        out.append(repr(doc.docinfo).encode("utf-8"))
    start = 0
    while (start := pdf.find(b"stream", start)) != -1:  # independent of pikepdf
        body = pdf[start + 6:].lstrip(b"\r\n")
        with contextlib.suppress(zlib.error):
            out.append(zlib.decompressobj().decompress(body))
        start += 6
    return out


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-be"), text.encode("cp1251")]
