"""Fixtures for the exchange tests: an HQ vault, an interviewer vault holding a pinned key
card, final testimonies with a cleaned attachment, and helpers to look for leftovers."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from nam_desktop.cli import run
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import (
    export,
    export_journal,
    hq_identity,
    keycard,
    receipt,
    signed_doc,
)
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import Consent, Interview, TestimonyDraft, Witness
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"
SECRET_NARRATIVE = "Окрестина: the secret narrative marker 7f3a9c"
SECRET_NAME = "Іван Сакрэтны"


@dataclass
class Station:
    hq: Vault
    iv: Vault
    repo: TestimonyRepository
    ids: list[str]
    tmp: Path

    def add_final(self, title: str = "Detention", *, attach: bool = True) -> str:
        return add_final(self.iv, self.repo, title, attach=attach)


def jpeg_with_gps() -> bytes:
    buf = io.BytesIO()
    img = Image.new("RGB", (32, 24), (120, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"
    img.save(buf, "JPEG", exif=exif.tobytes())
    return buf.getvalue()


def add_final(vault: Vault, repo: TestimonyRepository, title: str, *, attach: bool = True,
              finalize: bool = True) -> str:
    draft = TestimonyDraft(
        title=title,
        interview=Interview(date="2025-03-01", place="Vilnius", languages=["be"]),
        consent=Consent(hq_documentation=True, method="oral", given_date="2025-03-01"),
        witness=Witness(pseudonym="W-1"),
        narrative=SECRET_NARRATIVE,
    )
    draft.identity.name = SECRET_NAME
    tid = repo.add(draft)
    if attach:
        AttachmentService(vault).attach(tid, io.BytesIO(jpeg_with_gps()), "photo.jpg")
    if finalize:
        repo.finalize(tid)
    return tid


@pytest.fixture
def hq_vault(tmp_path: Path) -> Iterator[Vault]:
    v = Vault.create(tmp_path / "hq", PASS, kdf=MINIMUM_PARAMS, role="hq")
    hq_identity.init_hq(v)
    try:
        yield v
    finally:
        v.close()


@pytest.fixture
def station(tmp_path: Path, hq_vault: Vault) -> Iterator[Station]:
    iv = Vault.create(tmp_path / "iv", PASS, kdf=MINIMUM_PARAMS)
    try:
        keycard.pin_keycard(iv, keycard.issue_keycard(hq_vault, hq_name="HQ"))
        hq_identity.register_device(hq_vault, iv.device.fingerprint, "Interviewer A")
        repo = TestimonyRepository(iv)
        ids = [add_final(iv, repo, "Detention at Okrestina")]
        yield Station(hq_vault, iv, repo, ids, tmp_path)
    finally:
        iv.close()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _all_files(root: Path) -> list[Path]:
    return [Path(d) / f for d, _, files in os.walk(root) for f in files]


@pytest.fixture
def no_plaintext(tmp_path: Path) -> Callable[[], None]:
    """Assert that no file under tmp_path (vaults, USB, anything) holds a secret marker."""

    def check() -> None:
        needles = [SECRET_NARRATIVE.encode(), SECRET_NAME.encode(), b"SecretCameraMaker",
                   b"NAMBUNDL", b"secret narrative"]
        for path in _all_files(tmp_path):
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, f"{needle!r} in plaintext in {path}"

    return check


def hq_counts(hq: Vault) -> dict[str, int]:
    with hq.reading() as c:
        return {t: int(c.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # noqa: S608
                for t in ("testimonies", "attachments", "media_files", "hq_bundles",
                          "hq_entries", "revisions")}


def media_files_on_disk(vault: Vault) -> list[str]:
    return sorted(p.name for p in vault.media.folder.iterdir())


def assert_failed_attempt(vault: Vault, head_before: str, seq: int,
                          reason: str = "write_failed", outcome: str = "failed") -> None:
    """An orderly export failure: nothing recorded as exported and no testimony moved,
    but the sequence number stays used: audited as started, then failed, right after
    ``head_before``."""
    failed, started, before = vault.audit.entries(limit=3)
    assert before.hash == head_before
    assert (started.action, failed.action) == ("exchange.export_started",
                                               "exchange.export_failed")
    assert started.details["seq"] == failed.details["seq"] == seq
    assert (failed.details["outcome"], failed.details["reason"]) == (outcome, reason)
    assert export.export_states(vault) == {}
    with vault.reading() as c:
        assert c.execute("SELECT count(*) FROM exchange_exports").fetchone()[0] == 0
    assert [(a.seq, a.state) for a in export_journal.unfinished_attempts(vault)] == [
        (seq, outcome)]


Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The command line in this process: (exit code, stdout, stderr)."""
    monkeypatch.setenv("NAM_PASSPHRASE", PASS)

    def call(*argv: object) -> tuple[int, str, str]:
        code = run([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def legacy_receipt(hq: Vault, device_fingerprint: str, testimonies: list[list[Any]]) -> bytes:
    """A receipt as HQ stations wrote them before format v2: no entry list, no key id."""
    ident = hq_identity.load_hq(hq)
    with hq.reading() as c:
        bundles = c.execute("SELECT bundle_id, seq, digest FROM hq_bundles").fetchall()
    payload = {"device_fingerprint": device_fingerprint, "issued_at": "2026-01-01T00:00:00Z",
               "hq_root": ident.root_fingerprint,
               "bundles": [{"bundle_id": b[0], "seq": b[1], "digest": b[2]} for b in bundles],
               "testimonies": testimonies}
    return signed_doc.make(receipt.FORMAT, 1, receipt.LEGACY_CONTEXT, payload,
                           ident.receipt.sign)
