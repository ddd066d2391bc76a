"""The act type picker explains each violation type in the user's language (the
definition as the tooltip), and follows a language switch in Settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.startup.settings_dialog import SettingsDialog
from nam_desktop.gui.widgets.context import AppContext


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, gui_vault: Vault) -> Iterator[MainWindow]:
    w = MainWindow(ctx, gui_vault)
    qtbot.addWidget(w)
    w.new_testimony()
    w.editor.acts.add_act()
    yield w
    w.save_all()


def tooltips(window: MainWindow) -> dict[str, str]:
    picker = window.editor.acts.picker.list
    return {str(picker.item(i).data(Qt.ItemDataRole.UserRole)): picker.item(i).toolTip()
            for i in range(picker.count())}


def test_tooltips_follow_the_language(qtbot: QtBot, ctx: AppContext, gui_vault: Vault,
                                      window: MainWindow) -> None:
    vocab = window.vocabulary
    assert tooltips(window)["enforced_disappearance"].startswith("Detention followed by")
    dialog = SettingsDialog(ctx, gui_vault, window)
    qtbot.addWidget(dialog)
    dialog.language_changed.connect(window.set_language)  # as AppController wires it
    for lang, needle in (("be", "інкамунікада"), ("ru", "инкоммуникадо"),
                         ("en", "incommunicado")):
        dialog.language.setCurrentIndex(dialog.language.findData(lang))
        shown = tooltips(window)
        assert "incommunicado" not in shown["enforced_disappearance"] or lang == "en"
        assert needle in shown["enforced_disappearance"]
        expected = {t.code: t.definition(lang) for t in vocab.terms if not t.retired}
        assert shown == expected
        labels = [window.editor.acts.picker.list.item(i).text()
                  for i in range(window.editor.acts.picker.list.count())]
        assert labels == [t.label(lang) for t in vocab.terms if not t.retired]
