"""Workers run core callables off the GUI thread; messages turn statuses into words."""

from __future__ import annotations

import threading
import time

import pytest
from pytestqt.qtbot import QtBot

from nam_desktop.core.errors import NotReadyError, Status, WrongPassphraseError
from nam_desktop.gui.widgets.messages import STATUS_TEXT, Prompter, message_for
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
    prompter = Prompter()
    prompter.script(answers)
    assert prompter.ask(None, "Delete?", "Really?") is answers[0]
    assert prompter.shown[-1].kind == "ask"
