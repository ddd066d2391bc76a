"""HQ says what is true about what the interviewer kept: identity and files that stayed
on the interviewer's device are "kept on the interviewer's device, not sent", not "not
recorded" or "the item was not found"."""

from __future__ import annotations

import io

from pytestqt.qtbot import QtBot

from nam_desktop.core.exchange import export
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.gui.hq.hq_window import TESTIMONIES_TAB, HqWindow
from nam_desktop.gui.widgets.context import AppContext

from . import test_hq_window
from .test_hq_window import WITNESS_NAME, Station, register, run_import

station = test_hq_window.station




def _import(qtbot: QtBot, ctx: AppContext, hq_window: HqWindow, station: Station,
            **options: bool) -> None:
    register(station)
    bundle = export.export_bundle(station.iv, station.usb,
                                  export.ExportOptions(**options)).paths[0]  # type: ignore[arg-type]
    run_import(qtbot, ctx, hq_window, bundle)
    hq_window.tabs.setCurrentIndex(TESTIMONIES_TAB)
    hq_window.open_testimony(station.tid)


def test_identity_not_sent_is_said_so(qtbot: QtBot, ctx: AppContext, hq_window: HqWindow,
                                      station: Station) -> None:
    _import(qtbot, ctx, hq_window, station)  # the default: identity stays with the interviewer
    viewer = hq_window.viewer
    assert not viewer.identity_sent()
    viewer.show_identity.setChecked(True)
    text = viewer.browser.toPlainText()
    assert "Kept on the interviewer's device, not sent." in text
    assert WITNESS_NAME not in text


def test_identity_that_was_sent_is_shown(qtbot: QtBot, ctx: AppContext, hq_window: HqWindow,
                                         station: Station) -> None:
    _import(qtbot, ctx, hq_window, station, include_identity=True)
    viewer = hq_window.viewer
    assert viewer.identity_sent()
    viewer.show_identity.setChecked(True)
    text = viewer.browser.toPlainText()
    assert WITNESS_NAME in text and "not sent" not in text


def test_a_file_that_was_not_sent_is_said_so(qtbot: QtBot, ctx: AppContext,
                                             hq_window: HqWindow, station: Station) -> None:
    AttachmentService(station.iv).attach(  # not checked: only the original exists
        station.tid, io.BytesIO(b"\x00\x01 no known format \xff" * 30), "notes.bin")
    _import(qtbot, ctx, hq_window, station)  # originals are not sent by default
    panel = hq_window.viewer.attachments
    row = next(r for r in range(panel.count) if panel.table.item(r, 0).text() == "notes.bin")
    panel.select(row)
    assert "kept on the interviewer's device, not sent" in panel.preview.text()
    assert "not found" not in panel.preview.text()
