"""Keyboard and screen-reader basics: names on every input, a sensible tab order."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.startup.settings_dialog import SettingsDialog
from nam_desktop.gui.widgets.context import AppContext

INPUTS = (QLineEdit, QComboBox, QPlainTextEdit, QSpinBox, QAbstractItemView)


def _inside_compound(w: QWidget) -> bool:
    """Editors and popups that belong to a combo or spin box are named through it."""
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QSpinBox):
            return True
        if type(parent).__name__ == "QComboBoxPrivateContainer":
            return True
        parent = parent.parentWidget()
    return False


def _unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()}" for w in root.findChildren(QWidget)
            if isinstance(w, INPUTS) and not isinstance(w, QHeaderView)
            and not _inside_compound(w) and not w.accessibleName()]


def test_every_input_has_an_accessible_name(qtbot: QtBot, ctx: AppContext,
                                            gui_vault: Vault) -> None:
    window = MainWindow(ctx, gui_vault)
    qtbot.addWidget(window)
    window.new_testimony()
    window.editor.witness.show_identity.click()
    window.editor.acts.add_act()
    assert _unnamed(window) == []
    dialog = SettingsDialog(ctx, gui_vault, window)
    qtbot.addWidget(dialog)
    assert _unnamed(dialog) == []


def test_tab_order_of_the_list_side(qtbot: QtBot, ctx: AppContext, gui_vault: Vault) -> None:
    window = MainWindow(ctx, gui_vault)
    qtbot.addWidget(window)
    order = [window.search_field]
    for _ in range(5):
        order.append(order[-1].nextInFocusChain())
        while not order[-1].focusPolicy() or not order[-1].isEnabled():
            order[-1] = order[-1].nextInFocusChain()
    assert order[:6] == [window.search_field, window.status_filter, window.type_filter,
                         window.date_from, window.date_to, window.table]
