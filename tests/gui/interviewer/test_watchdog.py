"""Nothing blocking runs on the GUI thread while a large file is imported: the import runs
on a pool thread, the GUI thread keeps handling events meanwhile, and it never calls into
the vault until the import is over. (How long the GUI thread's longest pause is depends
on the machine: `make bench` measures it, docs/benchmarks.md.)"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import TestimonyDraft
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.widgets.context import AppContext

GUI = threading.main_thread().name


class _Journal:
    """Every vault statement and the import's start and end, with the thread of each."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.events: list[tuple[str, str]] = []  # (thread, what)

    def add(self, what: str) -> None:
        with self.lock:
            self.events.append((threading.current_thread().name, what))

    def during_import(self) -> list[tuple[str, str]]:
        names = [what for _, what in self.events]
        start, end = names.index("import started"), names.index("import ended")
        return self.events[start + 1:end]


@pytest.mark.slow
def test_the_import_runs_off_the_gui_thread_and_the_gui_thread_never_waits_for_it(
        qtbot: QtBot, ctx: AppContext, gui_vault: Vault, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "recording.bin"
    with big.open("wb") as fh:
        for _ in range(24):
            fh.write(os.urandom(1 << 20))
    window = MainWindow(ctx, gui_vault)
    qtbot.addWidget(window)
    window.show()
    tid = window.repo.add(TestimonyDraft(title="Big file"))
    window.refresh()
    window.open_testimony(tid)
    panel = window.editor.attachments

    journal = _Journal()
    gui_vault.conn.set_trace_callback(lambda sql: journal.add(sql.split(None, 1)[0]))
    gui_saw_progress = threading.Event()
    panel.progress.valueChanged.connect(
        lambda value: value > 0 and gui_saw_progress.set())  # runs on the GUI thread
    waited: list[bool] = []
    attach = AttachmentService.attach

    def instrumented(self: AttachmentService, *args: Any, **kwargs: Any) -> Any:
        journal.add("import started")
        report = kwargs["progress"]

        def progress(n: int) -> None:
            report(n)
            if n > 0 and not waited:
                # The import stops half-way until the GUI thread has shown its progress:
                # a GUI thread that waited for the import would never get here.
                waited.append(gui_saw_progress.wait(30))
        try:
            return attach(self, *args, **{**kwargs, "progress": progress})
        finally:
            journal.add("import ended")

    monkeypatch.setattr(AttachmentService, "attach", instrumented)
    with qtbot.waitSignal(panel.attach_finished, timeout=60000) as done:
        panel.attach_paths([big])
    gui_vault.conn.set_trace_callback(None)

    assert done.args == [1, 0]
    assert panel.table.rowCount() == 1
    started_on = next(thread for thread, what in journal.events if what == "import started")
    assert started_on != GUI  # the import ran on a pool thread
    assert waited == [True]  # and the GUI thread handled its progress meanwhile
    inside = journal.during_import()
    assert any(what in ("INSERT", "COMMIT") for _, what in inside)  # the journal sees SQL
    on_gui = [what for thread, what in inside if thread == GUI]
    assert on_gui == [], f"the GUI thread used the vault during the import: {on_gui}"
