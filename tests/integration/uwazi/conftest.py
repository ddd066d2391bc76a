"""An HQ vault built the real way (interviewer vault -> signed, encrypted bundle -> HQ
import), with testimonies that exercise every export rule, and the example snapshot."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import export, hq_identity, hq_import, keycard
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import (
    Act,
    Assessment,
    Consent,
    Interview,
    Perpetrator,
    TestimonyDraft,
    Witness,
    WitnessIdentity,
)
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "docs" / "uwazi" / "snapshot-example"
CORPUS = ROOT.parent / "shared" / "corpus"
PASS = "correct horse battery"

SECRET_NAME = "Алесь Таемны"
SECRET_CONTACT = "+375 29 555 01 23"
SECRET_NOTES = "interviewer note: met at the safe flat 41c7"
SECRET_REFERRAL = "referred to lawyer 9d2e"
NARRATIVE = ("Мяне затрымалі 10 жніўня каля «Рыгі», a | b :: c.\n"
             'Потым — "Акрэсціна", кажа: 2020-08-10.')


@dataclass
class Hq:
    vault: Vault
    folder: Path
    tmp: Path
    ids: dict[str, str]  # role -> testimony id
    originals: list[bytes] = field(default_factory=list)  # uncleaned file bodies sent

    def snapshot(self, name: str = "snap") -> Path:
        """A fresh copy of the example snapshot, to edit."""
        dest = self.tmp / name
        shutil.copytree(EXAMPLE, dest)
        return dest


def _jpeg() -> bytes:
    path = CORPUS / "exiftool-t-images" / "GPS.jpg"
    if path.is_file():
        return path.read_bytes()
    buf = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "FUJIFILM"
    Image.new("RGB", (16, 16), (9, 9, 9)).save(buf, "JPEG", exif=exif.tobytes())
    return buf.getvalue()


def _png() -> bytes:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "PngAuthorSecret 77aa")  # metadata the cleaner removes
    buf = io.BytesIO()
    Image.new("RGB", (20, 10), (200, 10, 10)).save(buf, "PNG", pnginfo=info)
    return buf.getvalue()


def _draft(title: str, **kw: object) -> TestimonyDraft:
    d = TestimonyDraft(
        title=title,
        interview=Interview(date="2025-03-14", place="Вільнюс", mode="in_person",
                            languages=["be"], interviewer="I-07 Interviewer Name"),
        consent=Consent(hq_documentation=True, legal_proceedings=True, audio_recording=True,
                        method="oral", given_date="2025-03-14"),
        witness=Witness(pseudonym="K-17", gender="f", age_group="30-39", role="victim"),
        identity=WitnessIdentity(name=SECRET_NAME, birth_date="1988-04-02",
                                 contact=SECRET_CONTACT, documents="MP1234567"),
        narrative=NARRATIVE, notes=SECRET_NOTES,
        assessment=Assessment(reliability="high", referrals=SECRET_REFERRAL))
    for key, value in kw.items():
        setattr(d, key, value)
    return d


ACTS = [
    Act("arbitrary_detention", date="2020-08-10", date_precision="exact",
        place="Мінск, Акрэсціна 36", victims="the witness",
        perpetrators=[Perpetrator(unit="АМАП", rank="капітан")],
        description="Затрыманне | каля кватэры"),
    Act("torture_ill_treatment", date="2020-08", date_precision="month", place="Жодзіна"),
    Act("political_prosecution", date="2021", date_precision="year"),
    Act("home_search", date="2020-08", date_end="2020-12", date_precision="range"),
    Act("other"),
]


def build_hq(tmp: Path) -> Hq:
    hq = Vault.create(tmp / "hq", PASS, kdf=MINIMUM_PARAMS, role="hq")
    hq_identity.init_hq(hq)
    iv = Vault.create(tmp / "iv", PASS, kdf=MINIMUM_PARAMS)
    try:
        keycard.pin_keycard(iv, keycard.issue_keycard(hq, hq_name="HQ"))
        hq_identity.register_device(hq, iv.device.fingerprint, "Interviewer A")
        repo = TestimonyRepository(iv)
        atts = AttachmentService(iv)
        ids = {
            "full": repo.add(_draft("Затрыманне пасля маршу", acts=[
                Act(a.type, a.date, a.date_end, a.date_precision, a.place, a.victims,
                    a.status_after, a.description, list(a.perpetrators)) for a in ACTS])),
            "withdrawn": repo.add(_draft("Пазней адклікана")),
            "named": repo.add(_draft("Імя ў тэксце",
                                     narrative=f"Мяне завуць {SECRET_NAME}, пішыце мне.")),
            "plain": repo.add(_draft("Аповед", acts=[], narrative="Толькі аповед.",
                                     interview=Interview(date="2025-03-15", mode="remote"))),
        }
        originals = [_jpeg(), _png()]
        atts.attach(ids["full"], io.BytesIO(originals[0]), "фота з Акрэсціна.jpg")
        atts.attach(ids["full"], io.BytesIO(originals[1]), "schema.png")
        atts.attach(ids["full"], io.BytesIO(b"plain notes, never cleaned\n"), "notes.txt")
        wav = CORPUS / "mat2-tests-data" / "dirty.wav"
        if wav.is_file():
            atts.attach(ids["full"], io.BytesIO(wav.read_bytes()), "interview.wav",
                        kind="recording")
        for tid in ids.values():
            repo.finalize(tid)
        result = export.export_bundle(iv, tmp, export.ExportOptions(
            include_identity=True, include_originals=True))
        hq_import.import_bundle(hq, result.paths)
        for p in result.paths:
            p.unlink()
    finally:
        iv.close()
    TestimonyRepository(hq).withdraw_consent(ids["withdrawn"], "asked by phone")
    return Hq(hq, tmp / "hq", tmp, ids, originals)


@dataclass(frozen=True)
class Built:
    folder: Path
    ids: dict[str, str]
    originals: list[bytes]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Built once per module (a bundle round trip takes seconds); tests get copies."""
    station = build_hq(tmp_path_factory.mktemp("built"))
    station.vault.close()
    return Built(station.folder, station.ids, station.originals)


@pytest.fixture
def hq_dir(built: Built, tmp_path: Path) -> Path:
    """A closed copy of the HQ vault folder (for the command line)."""
    folder = tmp_path / "hq"
    shutil.copytree(built.folder, folder)
    return folder


@pytest.fixture
def hq(built: Built, hq_dir: Path, tmp_path: Path) -> Iterator[Hq]:
    vault = Vault.open(hq_dir, PASS)
    try:
        yield Hq(vault, hq_dir, tmp_path, dict(built.ids), list(built.originals))
    finally:
        vault.close()


def read_package(path: Path) -> tuple[list[list[str]], dict[str, bytes]]:
    """The rows of import.csv (Python's csv) and the other entries of one zip."""
    import csv

    with zipfile.ZipFile(path) as zf:
        raw = zf.read("import.csv")
        others = {n: zf.read(n) for n in zf.namelist() if n != "import.csv"}
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    return rows, others
