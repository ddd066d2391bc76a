"""Translations: catalogues complete and current; the language switches at runtime."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from nam_desktop.core.resources import resource_path
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui import i18n_build
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.startup.settings_dialog import SettingsDialog
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.testimony_model import DATE_COL


def test_ts_files_are_current_and_finished(tmp_path: Path) -> None:
    assert i18n_build.problems(work_dir=tmp_path) == []


def test_ts_check_notices_a_stale_catalogue(tmp_path: Path) -> None:
    stale = tmp_path / "stale"
    stale.mkdir()
    for lang in i18n_build.LANGUAGES:
        text = i18n_build.ts_path(lang).read_text(encoding="utf-8")
        stale.joinpath(f"nam_{lang}.ts").write_text(
            text.replace("<source>Lock</source>", "<source>Lock it</source>", 1),
            encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    found = i18n_build.problems(stale, work_dir=work)
    assert any("stale" in line for line in found)


def test_belarusian_is_not_russian() -> None:
    be = i18n_build.messages(i18n_build.ts_path("be"))
    ru = i18n_build.messages(i18n_build.ts_path("ru"))
    assert be[("MainWindow", "Lock")][1] == ["Заблакаваць"]
    assert be[("TestimonyEditor", "Interviewer notes")][1] == ["Нататкі інтэрв'юера"]
    same = [k for k in be if be[k][1] == ru[k][1] and not k[1].startswith(("NAM", "A4"))]
    assert len(same) < len(be) // 10


@pytest.fixture
def built_qm() -> None:
    if not resource_path("i18n/nam_be.qm").exists():
        i18n_build.release()  # what `make run` does


def test_language_switch_at_runtime(qtbot: QtBot, ctx: AppContext, gui_vault: Vault,
                                    built_qm: None) -> None:
    window = MainWindow(ctx, gui_vault)
    qtbot.addWidget(window)
    window.new_testimony()
    assert window.lock_action.text() == "Lock"
    dialog = SettingsDialog(ctx, gui_vault, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("be"))
    assert window.lock_action.text() == "Заблакаваць"
    assert window.editor.tabs.tabText(5) == "Нататкі інтэрв'юера"
    assert window.editor.witness.show_identity.text() == "Паказаць асабовыя даныя"
    assert window.model.headerData(2, Qt.Orientation.Horizontal) == "Псеўданім"
    assert window.search_field.placeholderText() == "Пошук па ўсіх сведчаннях…"  # SearchPane
    assert dialog.windowTitle() == "Налады"
    assert ctx.store.load().language == "be"
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    assert window.lock_action.text() == "Заблокировать"
    today = QDate.currentDate()
    shown_date = window.model.index(0, DATE_COL).data()
    assert shown_date == today.toString("yyyy-MM-dd")  # the same in every language
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert window.lock_action.text() == "Lock"


def test_qt_own_dialogs_fall_back_to_russian_under_belarusian(ctx: AppContext,
                                                              catalogues: None) -> None:
    # PySide6 ships no qtbase_be.qm: the file chooser and print dialog would be English.
    from PySide6.QtCore import QCoreApplication

    assert ctx.translations.switch("be")
    assert QCoreApplication.translate("QFileDialog", "&Open") not in ("&Open", "")
    assert QCoreApplication.translate("QFileDialog", "&Open") == "&Открыть"
    assert ctx.translations.switch("ru")
    assert QCoreApplication.translate("QFileDialog", "&Open") == "&Открыть"
