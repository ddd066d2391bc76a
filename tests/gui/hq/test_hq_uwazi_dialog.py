"""HQ window → "Export to Uwazi…": choose the snapshot and output folders, check (problems
listed with row, column and reason, nothing written), export in a worker with progress,
the plaintext warning, and the words in Russian and Belarusian."""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import export, hq_identity, hq_import, keycard
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import Act, Consent, Interview, TestimonyDraft, Witness
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.uwazi import export as ux
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.hq.hq_uwazi_dialog import HqUwaziDialog
from nam_desktop.gui.hq.hq_window import HqWindow
from nam_desktop.gui.widgets.context import AppContext

from ..conftest import PASSPHRASE

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "uwazi" / "snapshot-example"


@pytest.fixture
def hq(ctx: AppContext, tmp_path: Path) -> Iterator[Vault]:
    """An HQ vault with one testimony received through a real bundle."""
    hq = Vault.create(ctx.paths.default_vault, PASSPHRASE, kdf=MINIMUM_PARAMS, role="hq")
    TestimonyRepository(hq)
    hq_identity.init_hq(hq)
    iv = Vault.create(tmp_path / "iv", PASSPHRASE, kdf=MINIMUM_PARAMS)
    try:
        keycard.pin_keycard(iv, keycard.issue_keycard(hq, hq_name="HQ"))
        hq_identity.register_device(hq, iv.device.fingerprint, "A")
        repo = TestimonyRepository(iv)
        tid = repo.add(TestimonyDraft(
            title="Затрыманне", interview=Interview(date="2025-03-01"),
            consent=Consent(hq_documentation=True, method="oral"), witness=Witness("K-9"),
            narrative="Аповед", acts=[Act("home_search", "2021")]))
        buf = io.BytesIO()
        Image.new("RGB", (8, 8), (1, 2, 3)).save(buf, "JPEG")
        AttachmentService(iv).attach(tid, io.BytesIO(buf.getvalue()), "photo.jpg")
        repo.finalize(tid)
        hq_import.import_bundle(hq, export.export_bundle(iv, tmp_path).paths)
        yield hq
    finally:
        ctx.runner.wait()
        iv.close()
        hq.close()


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext, hq: Vault) -> Iterator[HqUwaziDialog]:
    window = HqWindow(ctx, hq)
    qtbot.addWidget(window)
    window.uwazi_action.trigger()
    d = window.uwazi_dialog
    assert isinstance(d, HqUwaziDialog) and d.isVisible()
    yield d
    ctx.runner.wait()


def wait(qtbot: QtBot, d: HqUwaziDialog) -> None:
    qtbot.waitUntil(lambda: not d.busy, timeout=30000)


def choose(ctx: AppContext, d: HqUwaziDialog, snapshot: Path, out: Path) -> None:
    ctx.dialogs.script([snapshot])
    d.snapshot_button.click()
    ctx.dialogs.script([out])
    d.out_button.click()


def test_check_lists_problems_with_row_column_reason_and_writes_nothing(
        qtbot: QtBot, ctx: AppContext, dialog: HqUwaziDialog, tmp_path: Path) -> None:
    snap = tmp_path / "snap"
    shutil.copytree(EXAMPLE, snap)
    data = json.loads((snap / "templates.json").read_text("utf-8"))
    act = next(t for t in data["rows"] if t["name"] == "NAM Act")
    act["properties"] = [p for p in act["properties"] if p["name"] != "victims"]
    (snap / "templates.json").write_text(json.dumps(data), "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert not dialog.export_button.isEnabled()
    choose(ctx, dialog, snap, out)
    assert "plain, readable form" in dialog.warning.text()
    dialog.export_button.click()
    wait(qtbot, dialog)
    assert [(p.row, p.column) for p in dialog.problems] == [(0, "victims")]
    cells = [dialog.table.item(0, c).text() for c in range(4)]
    assert cells[0] == "Acts" and cells[2] == "victims"
    assert "No property of the template has this name" in cells[3]
    assert "Nothing was written" in dialog.summary.text()
    assert list(out.iterdir()) == [] and ux.exports(dialog._vault) == []


def test_export_writes_the_packages(qtbot: QtBot, ctx: AppContext, dialog: HqUwaziDialog,
                                    tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    choose(ctx, dialog, EXAMPLE, out)
    dialog.check_button.click()
    wait(qtbot, dialog)
    assert re.match(r"Check passed: 1 testimon(y|ies) ", dialog.summary.text())
    assert list(out.iterdir()) == []
    with qtbot.waitSignal(dialog.exported, timeout=30000) as signal:
        dialog.export_button.click()
    folder = Path(signal.args[0])
    assert folder.parent == out
    assert sorted(p.name for p in folder.iterdir()) == ["01-act.zip", "02-testimony.zip",
                                                        "manifest.json"]
    assert "Export no. 1 written" in dialog.summary.text()
    assert dialog.since.count() == 3  # last, everything, since export no. 1
    dialog.export_button.click()
    wait(qtbot, dialog)
    assert "nothing was written" in dialog.summary.text()


@pytest.mark.parametrize(("language", "title", "button"), [
    ("ru", "Экспорт в Uwazi", "Проверить"),
    ("be", "Экспарт у Uwazi", "Праверыць"),
])
def test_translated(ctx: AppContext, dialog: HqUwaziDialog, language: str, title: str,
                    button: str) -> None:
    ctx.translations.switch(language)
    assert dialog.windowTitle() == title and dialog.check_button.text() == button
    assert "Uwazi" in dialog.intro.text() and dialog.warning.text() != ""
