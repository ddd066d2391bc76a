"""The HQ window has menus; its Settings leave out the draft autosave (HQ edits nothing);
its placeholder is a whole sentence; Settings' "Close" follows a switch to Belarusian."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from nam_desktop.gui.hq.hq_window import DEVICES_TAB, IMPORT_TAB, HqWindow
from nam_desktop.gui.startup.settings_dialog import SettingsDialog
from nam_desktop.gui.widgets.context import AppContext

from . import test_hq_window
from .test_hq_window import Station

station = test_hq_window.station




def test_the_hq_window_has_menus(hq_window: HqWindow) -> None:
    titles = [a.text() for a in hq_window.menuBar().actions()]
    assert titles == ["&Station", "&View"]
    station_items = [a.text() for a in hq_window.station_menu.actions() if not a.isSeparator()]
    assert station_items == ["Import bundles…", "Write key card…", "Export to Uwazi…",
                             "Recovery request…", "Settings", "Lock", "Quit"]
    hq_window.tab_actions[DEVICES_TAB].trigger()
    assert hq_window.tabs.currentIndex() == DEVICES_TAB
    assert hq_window.tab_actions[IMPORT_TAB].shortcut().toString() == "Ctrl+2"


def test_hq_settings_leave_out_the_draft_autosave(qtbot: QtBot, ctx: AppContext,
                                                  hq_window: HqWindow, station: Station) -> None:
    hq = SettingsDialog(ctx, hq_window.vault, hq_window)
    qtbot.addWidget(hq)
    hq.show()
    assert not hq.autosave.isVisibleTo(hq) and hq.idle.isVisibleTo(hq)
    interviewer = SettingsDialog(ctx, station.iv)
    qtbot.addWidget(interviewer)
    interviewer.show()
    assert interviewer.autosave.isVisibleTo(interviewer)


def test_the_placeholder_is_a_whole_wrapped_sentence(hq_window: HqWindow) -> None:
    label = hq_window.viewer.placeholder
    assert label.isVisible() and label.wordWrap()
    assert label.text().endswith("Testimonies received at HQ are read only.")
    hq_window.resize(900, 600)  # a narrow viewer pane
    lines = label.height() // QFontMetrics(label.font()).lineSpacing()
    assert lines >= 1 and label.heightForWidth(label.width()) <= label.height()


def test_settings_close_follows_russian_then_belarusian(qtbot: QtBot, ctx: AppContext,
                                                        station: Station) -> None:
    dialog = SettingsDialog(ctx, station.iv)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    assert dialog.close_button.text() == "Закрыть"
    dialog.language.setCurrentIndex(dialog.language.findData("be"))
    belarusian = QCoreApplication.translate("SettingsDialog", "Close")
    assert belarusian not in ("Close", "Закрыть")
    assert dialog.close_button.text() == belarusian  # was English "Close"
