"""Shared set-up for the recovery, travel and backup tests: an HQ vault and an interviewer
vault on real SQLCipher files, the HQ key card pinned, the device registered, and
testimonies with media from the corpus (or generated when the corpus is absent)."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import hq_identity, keycard
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.json_io import draft_from_dict
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"
NEW_PASS = "a brand new passphrase"
MARKER = "МАРКЕР-travel-3B7C"
CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
CORPUS_FILES = ("exif-samples/jpg/gps/DSCN0010.jpg", "exiftool-t-images/MP3.mp3")


@dataclass
class Field:
    hq_dir: Path
    iv_dir: Path
    tmp: Path
    testimonies: list[str]


def media_sources(tmp: Path) -> list[Path]:
    """Real files from the corpus, copied; a generated photo when it is absent."""
    out = []
    for rel in CORPUS_FILES:
        src = CORPUS / rel
        if src.is_file():
            dst = tmp / src.name
            shutil.copyfile(src, dst)
            out.append(dst)
    if not out:
        buf = io.BytesIO()
        Image.frombytes("RGB", (300, 200), os.urandom(300 * 200 * 3)).save(buf, "PNG")
        (tmp / "photo.png").write_bytes(buf.getvalue())
        out.append(tmp / "photo.png")
    return out


def make_field(tmp: Path, *, register: bool = True, recovery_on: bool = False) -> Field:
    hq_dir, iv_dir = tmp / "hq", tmp / "iv"
    hq = Vault.create(hq_dir, PASS, kdf=MINIMUM_PARAMS, role="hq")
    iv = Vault.create(iv_dir, PASS, kdf=MINIMUM_PARAMS)
    try:
        hq_identity.init_hq(hq)
        keycard.pin_keycard(iv, keycard.issue_keycard(hq, hq_name="HQ"))
        if register:
            hq_identity.register_device(hq, iv.device.fingerprint, "Interviewer A")
        repo = TestimonyRepository(iv)
        ids = []
        for i, src in enumerate(media_sources(tmp)):
            tid = repo.add(draft_from_dict({"title": f"T{i}", "narrative": f"{MARKER} {i}"},
                                           repo.vocabulary_codes()))
            AttachmentService(iv).attach_file(tid, src)
            ids.append(tid)
        if recovery_on:
            from nam_desktop.core.vault import recovery

            recovery.enable(iv)
    finally:
        iv.close()
        hq.close()
    return Field(hq_dir, iv_dir, tmp, ids)


def contents(vault: Vault) -> dict[str, object]:
    """Every testimony's text and the SHA-256 of every decrypted media file."""
    repo = TestimonyRepository(vault)
    service = AttachmentService(vault)
    out: dict[str, object] = {}
    for t in repo.list():
        full = repo.get(t.id)
        out[t.id] = full.narrative
        for a in service.list(t.id):
            for original in (False, True):
                if (a.original_media_id if original else a.cleaned_media_id):
                    with service.open(a.id, original=original) as reader:
                        out[f"{a.id}/{original}"] = hashlib.sha256(reader.read()).hexdigest()
    return out


def file_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()]
