"""Counts say the right number with the right plural form, and a step that waits for a
choice says so ("Next" alone gave no feedback; "No USB stick found" stayed after a
folder was chosen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from nam_desktop.gui.exchange.export_wizard import ExportWizard
from nam_desktop.gui.widgets.context import AppContext

from .conftest import Exchange, add_testimony, fake_drives

NEXT = QWizard.WizardButton.NextButton


def _wizard(qtbot: QtBot, ctx: AppContext, ex: Exchange, **kwargs: object) -> ExportWizard:
    wizard = ExportWizard(ctx, ex.iv, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_nothing_ticked_says_why_next_waits(qtbot: QtBot, ctx: AppContext,
                                            pinned: Exchange, usb: Path) -> None:
    add_testimony(pinned.iv, "Okrestina", attach=False)
    wizard = _wizard(qtbot, ctx, pinned, drives=fake_drives(usb))
    page = wizard.choose_page
    assert wizard.button(NEXT).isEnabled()
    page.set_checked(page.chosen_ids()[0], False)
    assert not wizard.button(NEXT).isEnabled()
    assert page.count.text().startswith("Nothing is chosen: tick at least one")
    assert page.count.property("role") == "error"


def test_no_usb_stick_text_goes_once_a_folder_is_chosen(
        qtbot: QtBot, ctx: AppContext, pinned: Exchange, tmp_path: Path) -> None:
    add_testimony(pinned.iv, "Okrestina", attach=False)
    wizard = _wizard(qtbot, ctx, pinned, drives=fake_drives())  # no stick plugged in
    wizard.next()
    page = wizard.destination_page
    assert page.none_found.isVisibleTo(wizard) and not wizard.button(NEXT).isEnabled()
    folder = tmp_path / "out"
    folder.mkdir()
    ctx.dialogs.script([folder])
    page.folder_button.click()
    assert not page.none_found.isVisibleTo(wizard)
    assert wizard.button(NEXT).isEnabled()


def test_several_drives_and_none_chosen_says_so(qtbot: QtBot, ctx: AppContext,
                                                pinned: Exchange, tmp_path: Path) -> None:
    add_testimony(pinned.iv, "Okrestina", attach=False)
    sticks = [tmp_path / "a", tmp_path / "b"]
    for stick in sticks:
        stick.mkdir()
    wizard = _wizard(qtbot, ctx, pinned, drives=fake_drives(*sticks))
    wizard.next()
    page = wizard.destination_page
    assert page.list.currentItem() is None and not wizard.button(NEXT).isEnabled()
    assert page.choose_hint.isVisibleTo(wizard)
    page.list.setCurrentRow(1)
    assert not page.choose_hint.isVisibleTo(wizard) and wizard.button(NEXT).isEnabled()


def test_the_check_counts_what_was_ticked_in_the_right_plural(
        qtbot: QtBot, ctx: AppContext, pinned: Exchange, usb: Path) -> None:
    assert ctx.translations.switch("en")  # English has its plural forms too
    final = add_testimony(pinned.iv, "Okrestina", attach=False)
    draft = add_testimony(pinned.iv, "Draft", attach=False, finalize=False)
    wizard = _wizard(qtbot, ctx, pinned, drives=fake_drives(usb))
    page = wizard.choose_page
    assert page.count.text() == "Testimonies chosen: 1 of 2."
    wizard.next()
    wizard.next()
    check = wizard.check_page
    assert check.summary.text().startswith("1 testimony chosen. Size: about")
    wizard.back()
    wizard.back()
    page.set_checked(draft, True)
    assert set(page.chosen_ids()) == {final, draft}
    wizard.next()
    wizard.next()
    assert check.summary.text().startswith(
        "2 testimonies chosen. 1 of them can be sent; the problems below say why not the "
        "others.")
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
