"""The fingerprint a person compares by eye is large and whole at the default size of the
first-run wizard and of the "Import HQ key card" dialog, in every language (it collapsed
to a line in the wizard, and the dialog cut off its second row)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from nam_desktop.gui.exchange.keycard_dialog import KeyCardDialog, KeyCardPanel
from nam_desktop.gui.startup.first_run_wizard import FirstRunWizard
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.fingerprint_label import FingerprintLabel, grouped_fingerprint

from ..conftest import walk_to_commit_page
from .conftest import Exchange

LANGUAGES = ("en", "ru", "be")


def assert_whole(widget: QWidget) -> None:
    """Shown, not clipped by any parent or scroll area, and as big as it asks to be."""
    assert widget.isVisible()
    assert widget.visibleRegion().boundingRect() == widget.rect(), widget.objectName()
    top = widget.window()
    corner = widget.mapTo(top, widget.rect().topLeft())
    assert top.rect().contains(QRect(corner, widget.size()))
    assert widget.height() >= widget.sizeHint().height()


def assert_fingerprint_whole(label: FingerprintLabel, fingerprint: str) -> None:
    assert label.text() == grouped_fingerprint(fingerprint)  # not elided, both rows
    assert_whole(label)
    assert label.text_fits()
    metrics = QFontMetrics(label.font())
    assert label.height() >= 2 * metrics.lineSpacing()
    assert label.width() >= max(metrics.horizontalAdvance(row)
                                for row in label.text().split("\n"))
    assert label.font().pointSizeF() >= 20


def assert_answers_whole(panel: KeyCardPanel) -> None:
    for button in (panel.match_button, panel.mismatch_button):
        assert isinstance(button, QPushButton)
        assert_whole(button)
        assert button.height() >= QFontMetrics(button.font()).lineSpacing()


@pytest.mark.parametrize("language", LANGUAGES)
def test_key_card_dialog_shows_the_whole_fingerprint(
        qtbot: QtBot, ctx: AppContext, exchange: Exchange, catalogues: None,
        language: str) -> None:
    assert ctx.translations.switch(language)
    dialog = KeyCardDialog(ctx, exchange.iv)
    qtbot.addWidget(dialog)
    dialog.show()  # the default size
    ctx.dialogs.script([exchange.card_file(exchange.card())])
    dialog.panel.open_button.click()
    qtbot.wait(10)
    assert_fingerprint_whole(dialog.panel.fingerprint, exchange.root_fingerprint)
    assert_answers_whole(dialog.panel)
    with qtbot.waitSignal(dialog.pinned):
        dialog.panel.match_button.click()
    # A newer card from the same HQ: the card in use and the new one, both whole.
    ctx.dialogs.script([exchange.card_file(exchange.card(), "newer.keycard")])
    dialog.panel.open_button.click()
    qtbot.wait(10)
    current = dialog.current_fingerprint
    assert current.text() == grouped_fingerprint(exchange.root_fingerprint)
    assert current.text_fits() and current.height() >= 2 * QFontMetrics(
        current.font()).lineSpacing()
    assert_fingerprint_whole(dialog.panel.fingerprint, exchange.root_fingerprint)
    assert_answers_whole(dialog.panel)


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_run_key_card_page_shows_the_whole_fingerprint(
        qtbot: QtBot, ctx: AppContext, exchange: Exchange, tmp_path: Path,
        catalogues: None, language: str) -> None:
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.language_page.combo.setCurrentIndex(wizard.language_page.combo.findData(language))
    walk_to_commit_page(wizard, tmp_path / "new-vault")
    with qtbot.waitSignal(wizard.device_page.completeChanged, timeout=10000):
        wizard.next()
    qtbot.wait(10)
    device = wizard.vault
    assert device is not None
    try:
        assert_fingerprint_whole(wizard.device_page.fingerprint, device.device.fingerprint)
        wizard.next()
        panel = wizard.key_card_page.panel
        assert panel is not None
        ctx.dialogs.script([exchange.card_file(exchange.card())])
        panel.open_button.click()
        qtbot.wait(10)
        assert_fingerprint_whole(panel.fingerprint, exchange.root_fingerprint)
        assert_answers_whole(panel)
    finally:
        device.close()
