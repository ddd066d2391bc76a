"""A leftover file held by another program (Windows antivirus) never stops the unlock;
the main window says so in its status bar."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nam_desktop.core import fileio
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.startup.app_controller import AppController
from nam_desktop.gui.widgets.context import AppContext

from ..conftest import PASSPHRASE, started_controller


@pytest.fixture
def controller(qtbot: QtBot, qapp: QApplication, ctx: AppContext,
               gui_vault: Vault) -> Iterator[AppController]:
    gui_vault.close()
    yield from started_controller(qtbot, qapp, ctx)


@pytest.mark.allow_log_warnings
def test_unlock_with_a_held_part_file_reports_it(
        qtbot: QtBot, controller: AppController, gui_vault: Vault,
        monkeypatch: pytest.MonkeyPatch) -> None:
    part = gui_vault.folder / "media" / ("ef" * 16 + ".nam.part")
    part.write_bytes(b"\0" * 64)
    real_unlink = os.unlink

    def held(path: object, *args: object, **kw: object) -> None:
        if os.fspath(path) == str(part):  # type: ignore[call-overload]
            raise PermissionError(13, "being used by another process")
        real_unlink(path, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", held)
    monkeypatch.setattr(fileio.Platform, "windows", True)
    monkeypatch.setattr(fileio, "RETRY_DELAYS", (0.0,))
    assert controller.unlock_dialog is not None
    controller.unlock_dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.unlocked, timeout=10000):
        controller.unlock_dialog.try_unlock()
    assert controller.window is not None and part.exists()
    assert "held by another program" in controller.window.statusBar().currentMessage()
