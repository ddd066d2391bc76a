"""HQ counts in the right plural form in every language: "1 bundle checked", "imported
1 testimony" (English showed "1 bundles", "1 testimonies": its catalogue never loaded)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from nam_desktop.gui.hq.hq_window import HqWindow
from nam_desktop.gui.widgets.context import AppContext

from . import test_hq_window
from .test_hq_window import Station, register, run_import

station = test_hq_window.station




@pytest.mark.parametrize(("language", "checked", "imported"), [
    ("en", "1 bundle checked:", "imported 1 testimony from"),
    ("ru", "Проверен 1 пакет", "1 свидетельство"),
    ("be", "Правераны 1 пакет", "1 сведчанне"),
])
def test_one_bundle_one_testimony(qtbot: QtBot, ctx: AppContext, hq_window: HqWindow,
                                  station: Station, language: str, checked: str,
                                  imported: str) -> None:
    assert ctx.translations.switch(language)
    register(station)
    lines = run_import(qtbot, ctx, hq_window, station.export())
    assert checked in hq_window.import_panel.summary.text()
    assert imported in lines[0]
