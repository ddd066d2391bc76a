"""kill -9 in the middle of attach, testimony import, vault passwd and hq import.

Each command runs as a real CLI process, once to the end to measure it, then again from
the same starting copy and is killed (SIGKILL: no cleanup code runs) at points spread
over its working time. After every kill: the vault opens with the right passphrase,
`vault check` passes, the operation is there whole or not at all, no unfinished file is
left, and no plaintext marker is anywhere on disk (vault folder and the process's own
TMPDIR).
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from kill_helpers import cmd as _cmd  # helper beside this file (path set by conftest.py)
from kill_helpers import kill_points as _kill_points
from kill_helpers import restore as _restore
from PIL import Image

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS, KdfParams
from nam_desktop.core.errors import WrongPassphraseError
from nam_desktop.core.exchange import export, hq_identity, keycard
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.json_io import draft_from_dict
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"
NEW_PASS = "a new passphrase after the crash"
MARKER = "МАРКЕР-kill9-5D1E"  # in every plaintext the commands handle

pytestmark = pytest.mark.slow


@dataclass
class Run:
    env: dict[str, str]
    tmpdir: Path


@pytest.fixture
def run_env(tmp_path: Path) -> Run:
    tmpdir = tmp_path / "proc-tmp"
    tmpdir.mkdir()
    return Run({**os.environ, "NAM_PASSPHRASE": PASS, "NAM_NEW_PASSPHRASE": NEW_PASS,
                "TMPDIR": str(tmpdir)}, tmpdir)


def _no_plaintext(*folders: Path, needles: list[bytes]) -> None:
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                for needle in needles:
                    assert needle not in data, f"plaintext in {path}"


def _needles(extra: bytes = b"") -> list[bytes]:
    found = [MARKER.encode("utf-8"), MARKER.encode("utf-16-le")]
    return [*found, extra] if extra else found


def _whole(folder: Path, passphrase: str = PASS) -> Vault:
    """The vault opens and passes its check; nothing unfinished is left in media/."""
    vault = Vault.open(folder, passphrase)
    assert vault.check().ok
    assert [p.name for p in vault.media.folder.iterdir() if not p.name.endswith(".nam")] == []
    return vault


def _make_vault(folder: Path, kdf: KdfParams = MINIMUM_PARAMS, *, role: str = "interviewer"
                ) -> str:
    with Vault.create(folder, PASS, kdf=kdf, role=role) as v:
        repo = TestimonyRepository(v)
        return repo.add(draft_from_dict({"title": "before", "narrative": f"old {MARKER}"},
                                        repo.vocabulary_codes()))


def test_kill_during_attach(tmp_path: Path, run_env: Run) -> None:
    template, folder = tmp_path / "template", tmp_path / "vault"
    tid = _make_vault(template)
    src = tmp_path / "evidence.bin"
    body = os.urandom(12 * 1024 * 1024)
    src.write_bytes(body[:1000] + MARKER.encode() + body[1000:])
    codes = []
    for code in _kill_points(_cmd("attach", folder, tid, src), run_env.env,
                             _restore(template, folder)):
        codes.append(code)
        with _whole(folder) as v:
            attached = AttachmentService(v).list(tid)
            assert len(attached) in (0, 1)  # whole or not at all
            stored = sorted(p.name for p in v.media.folder.iterdir())
            expected = {m for a in attached for m in (a.original_media_id, a.cleaned_media_id)
                        if m}
            assert stored == sorted(f"{m}.nam" for m in expected)
        _no_plaintext(folder, run_env.tmpdir, needles=_needles(body[5000:5064]))
    assert -9 in codes


def test_kill_during_testimony_import(tmp_path: Path, run_env: Run) -> None:
    template, folder = tmp_path / "template", tmp_path / "vault"
    _make_vault(template)
    lines = tmp_path / "many.jsonl"
    lines.write_text("\n".join(json.dumps({"title": f"T{i}", "narrative": f"{MARKER} " * 150},
                                          ensure_ascii=False) for i in range(300)), "utf-8")
    codes = []
    for code in _kill_points(_cmd("testimony", "import", folder, lines), run_env.env,
                             _restore(template, folder)):
        codes.append(code)
        with _whole(folder) as v:
            count = len(TestimonyRepository(v).list())
            assert count in (1, 301)  # all or nothing: one transaction
        _no_plaintext(folder, run_env.tmpdir, needles=_needles())
    assert -9 in codes


def test_kill_during_passphrase_change(tmp_path: Path, run_env: Run) -> None:
    """Argon2id runs for the old and the new slot at 32 MiB: a wide window."""
    template, folder = tmp_path / "template", tmp_path / "vault"
    tid = _make_vault(template, KdfParams(32 * 1024, 3, 1))
    codes, outcomes = [], set()
    for code in _kill_points(_cmd("vault", "passwd", folder), run_env.env,
                             _restore(template, folder)):
        codes.append(code)
        opened = []
        for passphrase in (PASS, NEW_PASS):
            try:
                with _whole(folder, passphrase) as v:
                    assert TestimonyRepository(v).get(tid).title == "before"
                opened.append(passphrase)
            except WrongPassphraseError:
                pass
        assert opened, "neither passphrase opens the vault"
        outcomes.add(tuple(opened))
        _no_plaintext(folder, run_env.tmpdir, needles=_needles())
    assert -9 in codes
    # Killed early the old passphrase still works; never do both stop working. (Both may
    # open for a moment: the backup copy is rewritten first, then the primary.)
    assert (PASS,) in outcomes or (PASS, NEW_PASS) in outcomes


@pytest.fixture
def bundle(tmp_path: Path) -> Iterator[tuple[Path, list[Path], bytes]]:
    """An HQ vault (the template) that knows the device, and a bundle from it with a
    testimony and a 6 MB photo carrying the marker."""
    hq_dir = tmp_path / "hq-template"
    hq = Vault.create(hq_dir, PASS, kdf=MINIMUM_PARAMS, role="hq")
    iv = Vault.create(tmp_path / "iv", PASS, kdf=MINIMUM_PARAMS)
    try:
        hq_identity.init_hq(hq)
        keycard.pin_keycard(iv, keycard.issue_keycard(hq, hq_name="HQ"))
        hq_identity.register_device(hq, iv.device.fingerprint, "A")
        repo = TestimonyRepository(iv)
        tid = repo.add(draft_from_dict({
            "title": "Detention", "interview": {"date": "2025-01-02"},
            "witness": {"pseudonym": "W"},
            "consent": {"hq_documentation": True, "method": "oral",
                        "given_date": "2025-01-02"},
            "narrative": f"{MARKER} " * 100}, repo.vocabulary_codes()))
        photo = io.BytesIO()
        Image.frombytes("RGB", (1400, 1400), os.urandom(1400 * 1400 * 3)).save(
            photo, "PNG", compress_level=0)
        AttachmentService(iv).attach(tid, io.BytesIO(photo.getvalue()), "photo.png")
        repo.finalize(tid)
        usb = tmp_path / "usb"
        usb.mkdir()
        paths = export.export_bundle(iv, usb).paths
    finally:
        iv.close()
        hq.close()
    # Stored, not deflated: these pixel bytes travel unchanged into the cleaned copy.
    yield hq_dir, paths, photo.getvalue()[300_000:300_064]


def test_kill_during_hq_import(tmp_path: Path, run_env: Run,
                               bundle: tuple[Path, list[Path], bytes]) -> None:
    template, paths, pixels = bundle
    folder = tmp_path / "hq"
    codes = []
    for code in _kill_points(_cmd("hq", "import", folder, *paths), run_env.env,
                             _restore(template, folder)):
        codes.append(code)
        with _whole(folder) as v:
            titles = [t.title for t in TestimonyRepository(v).list()]
            assert titles in ([], ["Detention"])  # all or nothing
            with v.reading() as c:
                bundles = c.execute("SELECT count(*) FROM hq_bundles").fetchone()[0]
                media = c.execute("SELECT count(*) FROM media_files").fetchone()[0]
            assert bundles == len(titles) and (media > 0) == bool(titles)
        _no_plaintext(folder, run_env.tmpdir, needles=_needles(pixels))
    assert -9 in codes
