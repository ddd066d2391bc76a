"""The export wizard says what it found of an earlier, interrupted export on the stick:
unfinished parts removed (ours only), a possibly whole bundle kept for HQ."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from nam_desktop.core.exchange import export_journal
from nam_desktop.gui.exchange.export_wizard import ExportWizard
from nam_desktop.gui.widgets.context import AppContext

from .conftest import Exchange, add_testimony, fake_drives

NEXT = QWizard.WizardButton.NextButton


def _export(qtbot: QtBot, ctx: AppContext, ex: Exchange, usb: Path) -> ExportWizard:
    wizard = ExportWizard(ctx, ex.iv, drives=fake_drives(usb))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # -> destination
    wizard.next()  # -> check
    with qtbot.waitSignal(wizard.exported, timeout=20000):
        wizard.next()  # -> run
    qtbot.waitUntil(wizard.run_page.isComplete, timeout=5000)
    return wizard


def test_leftovers_of_an_interrupted_export_are_removed_and_reported(
        qtbot: QtBot, ctx: AppContext, pinned: Exchange, usb: Path) -> None:
    assert ctx.translations.switch("en")  # the English singular is in nam_en.qm
    add_testimony(pinned.iv, "Detention")
    ours = usb / ".0123456789abcdef.1.0a1b2c3d.tmp"
    ours.write_bytes(b"age-encryption.org/v1\n-> X25519 abc\n" + b"\x00" * 64)
    foreign = usb / ".0123456789abcdef.2.0a1b2c3d.tmp.notes"  # not our pattern: kept
    foreign.write_bytes(b"age-encryption.org/v1\n")
    wizard = _export(qtbot, ctx, pinned, usb)
    run = wizard.run_page
    assert not ours.exists() and foreign.exists()
    assert run.leftovers.isVisibleTo(run)
    assert run.leftovers.text() == ("1 unfinished file left on this destination by an earlier, "
                                    "interrupted export was removed.")
    [entry] = [e for e in pinned.iv.audit.entries() if e.action == "exchange.leftovers"]
    assert entry.details["removed"] == [ours.name]


def test_a_whole_bundle_of_an_interrupted_export_is_kept_and_named(
        qtbot: QtBot, ctx: AppContext, pinned: Exchange, usb: Path) -> None:
    add_testimony(pinned.iv, "Detention")
    # An attempt the program did not live to finish (as after a kill -9), whose bundle
    # was renamed before the crash.
    with pinned.iv.transaction() as c:
        c.execute("INSERT INTO exchange_export_starts (seq, bundle_id, digest, stem, "
                  "started_at) VALUES (1, 'b-1', ?, 'fedcba9876543210', 'x')", ("d" * 64,))
    whole = usb / "fedcba9876543210.age"
    whole.write_bytes(b"age-encryption.org/v1\n" + b"\x00" * 64)
    wizard = _export(qtbot, ctx, pinned, usb)
    run = wizard.run_page
    assert whole.exists()
    assert "(fedcba9876543210.age)" in run.leftovers.text()
    assert "give it to HQ" in run.leftovers.text()
    assert wizard.run_page.isComplete()
    assert [a.seq for a in export_journal.interrupted_exports(pinned.iv)] == [1]


def test_no_leftovers_no_message(qtbot: QtBot, ctx: AppContext, pinned: Exchange,
                                 usb: Path) -> None:
    add_testimony(pinned.iv, "Detention")
    run = _export(qtbot, ctx, pinned, usb).run_page
    assert not run.leftovers.isVisibleTo(run) and run.leftovers.text() == ""
