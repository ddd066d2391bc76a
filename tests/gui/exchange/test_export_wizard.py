"""Export wizard: default choice, destinations, every preflight problem in words, a real
export checked with the stock `age` CLI and imported at HQ, a dying drive, cancel."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from pathlib import Path
from typing import BinaryIO

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from nam_desktop.core.exchange import destination, export, hq_import
from nam_desktop.core.exchange.bundle_format import BundleParser
from nam_desktop.core.exchange.errors import Reason
from nam_desktop.core.exchange.export import Problem
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import WitnessIdentity
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.gui.exchange.exchange_text import PROBLEM_TEXT, REASON_TEXT, size_text, tr
from nam_desktop.gui.exchange.export_pages import ID_ROLE
from nam_desktop.gui.exchange.export_wizard import ExportWizard
from nam_desktop.gui.widgets.context import AppContext

from .conftest import (
    SECRET_NAME,
    SECRET_NARRATIVE,
    DyingDrive,
    Exchange,
    add_testimony,
    assert_no_plaintext,
    fake_drives,
)

AGE = shutil.which("age")
needs_age = pytest.mark.skipif(AGE is None, reason="the stock `age` CLI is not installed")
NEXT = QWizard.WizardButton.NextButton
COMMIT = QWizard.WizardButton.CommitButton


def _wizard(qtbot: QtBot, ctx: AppContext, ex: Exchange, **kwargs: object) -> ExportWizard:
    wizard = ExportWizard(ctx, ex.iv, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _to_check_page(wizard: ExportWizard) -> None:
    assert wizard.button(NEXT).isEnabled()
    wizard.next()  # -> destination
    assert wizard.currentPage() is wizard.destination_page
    assert wizard.button(NEXT).isEnabled()
    wizard.next()  # -> check
    assert wizard.currentPage() is wizard.check_page


def _problem_codes(wizard: ExportWizard) -> list[str]:
    lst = wizard.check_page.problems
    return [str(lst.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(lst.count())]


def _problem_texts(wizard: ExportWizard) -> str:
    lst = wizard.check_page.problems
    return "\n".join(lst.item(i).text() for i in range(lst.count()))


def test_every_problem_and_reason_has_words() -> None:
    assert set(PROBLEM_TEXT) == set(Problem)
    assert set(REASON_TEXT) == set(Reason)


@needs_age
def test_export_end_to_end_age_oracle_and_hq_import(
        qtbot: QtBot, ctx: AppContext, pinned: Exchange, usb: Path, tmp_path: Path) -> None:
    ex = pinned
    ready = add_testimony(ex.iv, "Detention at Okrestina")
    ready2 = add_testimony(ex.iv, "Border", attach=False, date="2025-04-02")
    draft = add_testimony(ex.iv, "Draft", finalize=False)
    withdrawn = add_testimony(ex.iv, "Withdrawn", attach=False)
    TestimonyRepository(ex.iv).withdraw_consent(withdrawn)
    wizard = _wizard(qtbot, ctx, ex, drives=fake_drives(usb))

    # Page 1: every final testimony not yet delivered is chosen; the others are listed.
    page = wizard.choose_page
    assert set(page.chosen_ids()) == {ready, ready2}
    rows = {page.tree.topLevelItem(i).data(0, ID_ROLE): page.tree.topLevelItem(i)
            for i in range(page.tree.topLevelItemCount())}
    assert set(rows) == {ready, ready2, draft, withdrawn}
    assert rows[draft].text(3) == "Draft"
    assert rows[ready].text(3) == "Final"
    assert "no consent" in rows[withdrawn].text(3)
    assert page.count.text() == "Testimonies chosen: 2 of 4."
    assert page.originals.isEnabled() and not page.originals.isChecked()
    assert not page.identity.isChecked()

    # Page 2: the drive with free space and file system.
    wizard.next()
    dest = wizard.destination_page
    assert dest.list.count() == 1
    assert "usb" in dest.list.item(0).text() and "vfat" in dest.list.item(0).text()
    assert "free" in dest.list.item(0).text()
    assert dest.chosen() == usb

    # Page 3: ready; Export is enabled.
    wizard.next()
    assert wizard.check_page.pre is not None and wizard.check_page.pre.ok
    assert "ready" in wizard.check_page.verdict.text()
    assert wizard.button(COMMIT).isEnabled() and wizard.button(COMMIT).text() == "Export"
    with qtbot.waitSignal(wizard.exported, timeout=20000) as done:
        wizard.next()  # -> run
    result = done.args[0]
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.isComplete(), timeout=5000)
    assert [p.name for p in usb.iterdir()] == [result.paths[0].name]
    assert result.paths[0].name in run.files.text()
    assert result.digest in run.digest.text()
    assert "safe to remove" in run.safe.text()
    assert run.bar.value() == 1000
    assert not run.error.isVisible()
    assert export.export_states(ex.iv) == {ready: export.ExportState.AWAITING_RECEIPT,
                                           ready2: export.ExportState.AWAITING_RECEIPT}
    assert_no_plaintext(tmp_path)

    # Oracle: the stock age CLI opens it with HQ's identity; the bundle parses.
    plain = subprocess.run([AGE, "-d", "-i", str(ex.identity_file()), str(result.paths[0])],
                           capture_output=True, check=True).stdout
    parser = BundleParser(_Sink())
    parser.write(plain)
    header = parser.finish()
    assert parser.digest == result.digest
    ids = {e.id for e in header.entries}
    assert f"testimony/{ready}/1" in ids and f"testimony/{ready2}/1" in ids
    assert not any(i.endswith("/original") for i in ids)  # cleaned only by default
    assert not any(draft in i or withdrawn in i for i in ids)
    # The identity was not chosen: not in the bundle in any encoding the writer uses.
    assert SECRET_NARRATIVE.encode() in plain  # the scan below can see the content
    for needle in (SECRET_NAME.encode(), SECRET_NAME.encode("utf-16-le"),
                   json.dumps(SECRET_NAME).encode()):
        assert needle not in plain
    del plain

    # HQ imports it.
    imported = hq_import.import_bundle(ex.hq, result.paths)
    assert sorted(imported.testimonies) == sorted([ready, ready2])
    hq_t = TestimonyRepository(ex.hq).get(ready, include_identity=True)
    assert hq_t.narrative == SECRET_NARRATIVE
    assert hq_t.identity == WitnessIdentity()  # nothing of it, not even a part
    assert_no_plaintext(tmp_path)  # vaults, stick and settings after the import too

    # Opened again, the list says "exported, awaiting receipt".
    again = _wizard(qtbot, ctx, ex, drives=fake_drives(usb))
    item = next(again.choose_page.tree.topLevelItem(i)
                for i in range(again.choose_page.tree.topLevelItemCount())
                if again.choose_page.tree.topLevelItem(i).data(0, ID_ROLE) == ready)
    assert item.text(3) == "Exported, awaiting receipt"


class _Sink:
    def begin(self, entry: object) -> None:
        pass

    def data(self, chunk: memoryview) -> None:
        pass

    def end(self, entry: object) -> None:
        pass


def test_preflight_problems_in_words_block_export(qtbot: QtBot, ctx: AppContext,
                                                  exchange: Exchange, usb: Path) -> None:
    """No key card, a draft, withdrawn consent and a full stick: all shown, Export disabled."""
    ex = exchange
    final = add_testimony(ex.iv, "Final one")
    draft = add_testimony(ex.iv, "Unfinished", finalize=False)
    withdrawn = add_testimony(ex.iv, "Withdrawn", attach=False)
    TestimonyRepository(ex.iv).withdraw_consent(withdrawn)
    space = {"free": 1000, "ro": False}

    def probe(folder: Path) -> destination.SpaceInfo:
        return destination.SpaceInfo(space["free"], bool(space["ro"]), "vfat")

    wizard = _wizard(qtbot, ctx, ex, drives=fake_drives(usb, free=1000), space=probe)
    page = wizard.choose_page
    page.set_checked(draft, True)
    page.set_checked(withdrawn, True)
    assert set(page.chosen_ids()) == {final, draft, withdrawn}
    _to_check_page(wizard)
    codes = _problem_codes(wizard)
    for code in (Problem.NO_KEYCARD, Problem.NOT_FINAL, Problem.CONSENT_WITHDRAWN,
                 Problem.NOT_ENOUGH_SPACE):
        assert code.value in codes
    texts = _problem_texts(wizard)
    assert "key card has not been imported" in texts
    assert "“Unfinished”: this testimony is a draft" in texts
    assert "“Withdrawn”: the witness withdrew consent" in texts
    assert "Not enough free space" in texts and f"{size_text(1000)} is free" in texts
    assert "%1" not in texts and "%2" not in texts
    assert not wizard.button(COMMIT).isEnabled()
    assert not wizard.check_page.validatePage()
    assert "cannot be written" in wizard.check_page.verdict.text()

    # Solve them: pin the card, go back to untick, free space; then it is ready.
    from nam_desktop.core.exchange import keycard

    keycard.pin_keycard(ex.iv, ex.card())
    wizard.back()
    wizard.back()
    page.set_checked(draft, False)
    page.set_checked(withdrawn, False)
    space["ro"] = True
    _to_check_page(wizard)
    assert _problem_codes(wizard) == [Problem.DEST_READ_ONLY.value]
    assert "read-only" in _problem_texts(wizard)
    space.update(free=10 << 30, ro=False)
    wizard.check_page.recheck_button.click()
    assert _problem_codes(wizard) == []
    assert wizard.button(COMMIT).isEnabled()
    assert list(usb.iterdir()) == []  # checking writes nothing


def test_originals_only_when_the_vault_keeps_them(qtbot: QtBot, ctx: AppContext,
                                                  pinned: Exchange, usb: Path) -> None:
    add_testimony(pinned.iv, "T", attach=False)
    AttachmentService(pinned.iv).set_keep_originals(False)
    wizard = _wizard(qtbot, ctx, pinned, drives=fake_drives(usb))
    assert not wizard.choose_page.originals.isEnabled()
    assert "does not keep original files" in wizard.choose_page.originals_note.text()
    assert not wizard.export_options().include_originals


def test_folder_chosen_with_the_dialog_wrapper(qtbot: QtBot, ctx: AppContext,
                                               pinned: Exchange, usb: Path) -> None:
    add_testimony(pinned.iv, "T", attach=False)
    wizard = _wizard(qtbot, ctx, pinned, drives=fake_drives())
    wizard.next()
    dest = wizard.destination_page
    assert dest.list.count() == 0 and dest.none_found.isVisibleTo(dest)
    assert not wizard.button(NEXT).isEnabled()
    ctx.dialogs.script([usb])
    dest.folder_button.click()
    assert dest.chosen() == usb and "free" in dest.list.item(0).text()
    assert wizard.button(NEXT).isEnabled()


def test_drive_removed_mid_write_shows_words_and_keeps_everything(
        qtbot: QtBot, ctx: AppContext, pinned: Exchange, usb: Path) -> None:
    tid = add_testimony(pinned.iv, "T")
    head = pinned.iv.audit.head()

    def opener(path: Path) -> BinaryIO:
        return DyingDrive(path, 500)  # type: ignore[return-value]

    wizard = _wizard(qtbot, ctx, pinned, drives=fake_drives(usb), opener=opener)
    _to_check_page(wizard)
    wizard.next()
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.failure is not None, timeout=20000)
    assert run.error.text() == tr(REASON_TEXT[Reason.WRITE_FAILED])
    assert "Nothing was lost" in run.error.text()
    assert run.retry_button.isVisibleTo(run) and run.isComplete()
    assert list(usb.iterdir()) == []
    # Nothing exported and nothing changed state; the number used is audited as failed.
    failed, started, before = pinned.iv.audit.entries(limit=3)
    assert before.hash == head
    assert (started.action, failed.action) == ("exchange.export_started",
                                               "exchange.export_failed")
    assert export.export_states(pinned.iv) == {}
    assert TestimonyRepository(pinned.iv).get(tid).status == "final"
    # Plug the stick back in (a working drive): Try again writes the bundle.
    wizard.opener = None
    with qtbot.waitSignal(wizard.exported, timeout=20000):
        run.retry_button.click()
    assert len(list(usb.iterdir())) == 1


def test_cancel_leaves_nothing(qtbot: QtBot, ctx: AppContext, pinned: Exchange,
                               usb: Path) -> None:
    add_testimony(pinned.iv, "T")
    wizard = _wizard(qtbot, ctx, pinned, drives=fake_drives(usb))
    _to_check_page(wizard)
    # Keep the worker pool busy so the export is still queued when Cancel is pressed.
    release = threading.Event()
    for _ in range(2):
        ctx.runner.start(lambda _p, _c: release.wait(10))
    wizard.next()
    run = wizard.run_page
    assert run.running and not run.isComplete()
    run.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: run.failure is not None, timeout=20000)
    assert run.error.text() == tr(REASON_TEXT[Reason.CANCELLED])
    assert list(usb.iterdir()) == []
    assert export.export_states(pinned.iv) == {}


def test_words_follow_the_language(qtbot: QtBot, ctx: AppContext, pinned: Exchange) -> None:
    from nam_desktop.core.resources import resource_path
    from nam_desktop.gui import i18n_build

    if not resource_path("i18n/nam_be.qm").exists():
        i18n_build.release()  # what `make run` does
    add_testimony(pinned.iv, "T", attach=False)
    ctx.translations.switch("be")
    wizard = _wizard(qtbot, ctx, pinned, drives=fake_drives())
    assert wizard.windowTitle() == "Адпраўка ў штаб"
    assert wizard.choose_page.tree.topLevelItem(0).text(3) == "Завершана"
    assert tr(PROBLEM_TEXT[Problem.NO_KEYCARD]).startswith("Ключавая картка штаба")
    ctx.translations.switch("ru")
    assert wizard.windowTitle() == "Отправка в штаб"
    assert wizard.choose_page.originals.text() == "Добавить оригиналы файлов"
