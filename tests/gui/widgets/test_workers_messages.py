"""Workers run core callables off the GUI thread; messages turn statuses into words."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import nam_desktop
from nam_desktop.core.errors import NotReadyError, Status, WrongPassphraseError
from nam_desktop.gui.widgets.messages import (
    STATUS_TEXT,
    Prompter,
    ScriptedPrompter,
    UnscriptedQuestionError,
    message_for,
)
from nam_desktop.gui.widgets.workers import TaskRunner


def test_task_runs_off_the_gui_thread_and_reports_result(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def job(progress, cancelled):  # type: ignore[no-untyped-def]
        seen["thread"] = threading.current_thread()
        progress(10)
        return 42

    results: list[object] = []
    runner.start(job, on_success=results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert seen["thread"] is not threading.main_thread()
    qtbot.waitUntil(lambda: runner.active == 0)


def test_task_failure_carries_the_typed_error(qtbot: QtBot) -> None:
    runner = TaskRunner()

    def job(progress, cancelled):  # type: ignore[no-untyped-def]
        raise WrongPassphraseError()

    errors: list[BaseException] = []
    runner.start(job, on_failure=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], WrongPassphraseError)


def test_cancel_reaches_the_core_callable(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started = threading.Event()

    def job(progress, cancelled):  # type: ignore[no-untyped-def]
        started.set()
        for i in range(500):
            if cancelled():
                return "cancelled"
            progress(i)
            time.sleep(0.01)
        return "ran to the end"

    task = runner.start(job)
    assert started.wait(5)
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        task.cancel()
    assert blocker.args == ["cancelled"]


def test_every_status_has_words() -> None:
    assert set(STATUS_TEXT) == set(Status)
    assert "passphrase is not correct" in message_for(WrongPassphraseError("/secret/path"))
    assert "/secret/path" not in message_for(WrongPassphraseError("/secret/path"))
    text = message_for(NotReadyError(["consent", "title"]))
    assert "consent" in text and "a title" in text


@pytest.mark.parametrize("answers", [[True], [False]])
def test_prompter_returns_scripted_answers_without_showing(answers: list[bool]) -> None:
    prompter = ScriptedPrompter()
    prompter.script(answers)
    assert prompter.ask(None, "Delete?", "Really?") is answers[0]
    assert prompter.shown[-1].kind == "ask"


def test_an_unscripted_question_fails_instead_of_answering_yes() -> None:
    prompter = ScriptedPrompter()
    prompter.script([True])
    assert prompter.ask(None, "Remove file", "Remove “a.jpg”? It cannot be restored.") is True
    with pytest.raises(UnscriptedQuestionError, match="Purge"):
        prompter.ask(None, "Purge", "Destroy the delivered testimonies?", default_no=True)
    assert [s.title for s in prompter.unscripted] == ["Purge"]  # kept: the fixture fails
    prompter.info(None, "Saved", "Summary saved")  # messages need no answer
    assert [s.kind for s in prompter.shown] == ["ask", "ask", "info"]


def test_the_real_prompter_keeps_nothing_and_the_double_forgets_on_lock() -> None:
    assert not hasattr(Prompter(), "shown")
    prompter = ScriptedPrompter()
    prompter.warn(None, "Some files were not added", "secret-name.jpg: damaged")
    prompter.forget()  # what locking calls
    assert prompter.shown == []


def test_the_test_double_refuses_to_run_outside_the_tests() -> None:
    """As the app starts: nobody allowed test doubles, so the double cannot be made."""
    script = textwrap.dedent("""
        from nam_desktop.gui.widgets.messages import ScriptedPrompter, UnsafeTestDoubleError
        try:
            ScriptedPrompter()
        except UnsafeTestDoubleError:
            print("refused")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == "refused", done.stderr[-2000:]
    package = Path(nam_desktop.__file__).parent
    allowing = sorted(str(p.relative_to(package)) for p in package.rglob("*.py")
                      if "allow_test_doubles()" in p.read_text(encoding="utf-8")
                      and p.name != "messages.py")
    assert allowing == ["gui/screenshots.py"]  # a developer's tool, never the app
