"""Start-up on Windows and macOS: Qt settings kept out of the registry/plist, the file
dialog's saved state neutral, App Translocation refused in words, a content-free crash
note instead of a silent exit, Windows Error Reporting told to keep no dumps."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from nam_desktop import crash_note, paths
from nam_desktop.gui.startup.startup_messages import crash_box, refuse_to_start
from nam_desktop.gui.widgets.file_dialogs import (
    confine_qt_settings,
    forget_dialog_history,
    neutralise,
    prune_qt_registry,
)
from nam_desktop.gui.widgets.messages import ScriptedPrompter
from nam_desktop.hardening import harden_process

SECRET = "Окрестина-secret-folder"


# ---- Qt settings ------------------------------------------------------------------------
def test_default_qsettings_are_ini_files_in_the_config_folder(tmp_path: Path,
                                                              qapp: Any) -> None:
    confine_qt_settings(tmp_path)
    settings = QSettings()
    assert settings.format() is QSettings.Format.IniFormat
    assert Path(settings.fileName()).is_relative_to(tmp_path)


@pytest.mark.parametrize("neutral", [True, False])
def test_the_dialog_saves_nothing_the_user_chose(tmp_path: Path, qapp: Any,
                                                 neutral: bool) -> None:
    confine_qt_settings(tmp_path / "config")
    chosen = tmp_path / SECRET
    chosen.mkdir()
    dialog = QFileDialog(None, "t", str(chosen))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setHistory([str(chosen)])
    if neutral:
        neutralise(dialog)
    shiboken6.delete(dialog)  # Qt writes its FileDialog group now (before our wipe)
    saved = (tmp_path / "config" / "qt" / "QtProject.conf").read_bytes().decode("utf-8")
    # Qt percent-encodes the URL: look for the ASCII tail of the folder's name.
    assert ("secret-folder" in saved) is not neutral  # without neutralise: it leaks
    forget_dialog_history(registry=FakeRegistry({}))
    assert "FileDialog" not in (tmp_path / "config" / "qt" / "QtProject.conf").read_text(
        "utf-8")


class FakeRegistry:
    """winreg's calls on a dict of key -> (subkeys, values)."""

    HKEY_CURRENT_USER = "HKCU"

    def __init__(self, keys: dict[str, tuple[int, int]]) -> None:
        self.keys = dict(keys)
        self.deleted: list[str] = []

    class _Key:
        def __init__(self, info: tuple[int, int]) -> None:
            self.info = info

        def __enter__(self) -> FakeRegistry._Key:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

    def OpenKey(self, root: str, path: str) -> FakeRegistry._Key:
        if path not in self.keys:
            raise FileNotFoundError(path)
        return self._Key(self.keys[path])

    def QueryInfoKey(self, key: FakeRegistry._Key) -> tuple[int, int, int]:
        return (*key.info, 0)

    def DeleteKey(self, root: str, path: str) -> None:
        self.deleted.append(path)
        del self.keys[path]


def test_windows_registry_keys_qt_made_are_removed_only_when_empty() -> None:
    org, top = r"Software\QtProject\OrganizationDefaults", r"Software\QtProject"
    reg = FakeRegistry({org: (0, 0), top: (1, 0)})  # top holds org, removed first
    assert prune_qt_registry(reg) == 1 and reg.deleted == [org]
    reg = FakeRegistry({org: (0, 2), top: (1, 0)})  # another Qt program's values
    assert prune_qt_registry(reg) == 0 and reg.deleted == []
    assert prune_qt_registry(FakeRegistry({})) == 0


# ---- App Translocation ------------------------------------------------------------------------
TRANSLOCATED = ("/private/var/folders/x1/abc/T/AppTranslocation/4F2A-11/d/NAM Desktop.app/"
                "Contents/MacOS/nam-desktop")


def test_translocated_app_is_detected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", TRANSLOCATED)
    monkeypatch.delenv("NAM_HOME", raising=False)
    with pytest.raises(paths.TranslocatedError, match=r"xattr -dr com\.apple\.quarantine"):
        paths.resolve_paths()
    assert not paths.is_translocated(Path("/Volumes/STICK/NAM Desktop.app/Contents/MacOS/x"))


def test_translocated_app_refuses_in_words(qapp: Any) -> None:
    prompter = ScriptedPrompter()
    assert refuse_to_start("", prompter) == 1
    [shown] = prompter.shown
    assert "App Translocation" in shown.text and "Applications" in shown.text
    assert "xattr -dr com.apple.quarantine" in shown.text


def test_translocated_cli_says_so_with_exit_2(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from nam_desktop.app import main

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", TRANSLOCATED)
    monkeypatch.delenv("NAM_HOME", raising=False)
    hook = sys.excepthook
    try:
        assert main(["vault", "check", "/nowhere"]) == 2
    finally:
        sys.excepthook = hook
    assert "App Translocation" in capsys.readouterr().err


# ---- crash note -------------------------------------------------------------------------------
def _fail_with_content() -> None:
    raise ValueError(f"witness said: {SECRET} at C:\\Users\\Ana\\statement.docx")


@pytest.mark.allow_log_warnings
def test_crash_note_names_the_error_and_place_never_the_content(tmp_path: Path) -> None:
    shown: list[tuple[str, Path | None]] = []
    reporter = crash_note.CrashReporter(tmp_path, lambda t, p: shown.append((t, p)))
    try:
        _fail_with_content()
    except ValueError:
        reporter(*sys.exc_info())  # type: ignore[arg-type]
    [note] = reporter.notes
    text = note.read_text("utf-8")
    assert "error: ValueError" in text and "_fail_with_content" in text
    assert "test_startup_platform.py:" in text
    assert SECRET not in text and "Users" not in text and str(tmp_path) not in text
    assert shown == [(text, note)]
    if os.name == "posix":
        assert stat.S_IMODE(note.stat().st_mode) == 0o600


def test_the_gui_box_is_translated_text_with_the_note(tmp_path: Path, qapp: Any) -> None:
    prompter = ScriptedPrompter()
    crash_box(prompter)("error: ValueError\n", tmp_path / "crash-1.txt")
    [shown] = prompter.shown
    assert "unexpected error" in shown.text and str(tmp_path / "crash-1.txt") in shown.text
    assert shown.text.endswith("error: ValueError\n")


def test_an_uncaught_error_leaves_a_note_and_no_traceback(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        from pathlib import Path
        from nam_desktop import crash_note
        crash_note.install(Path({str(tmp_path)!r}))
        def start():
            raise RuntimeError({SECRET!r})
        start()
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and SECRET not in proc.stderr
    assert "error: RuntimeError" in proc.stderr and "in start" in proc.stderr
    [note] = tmp_path.glob("crash-*.txt")
    assert SECRET not in note.read_text("utf-8")


def test_windowed_windows_shows_a_message_box(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    hook = sys.excepthook
    try:
        reporter = crash_note.install(None, platform="win32")
    finally:
        sys.excepthook = hook
    assert reporter.show is crash_note.windows_message_box


# ---- Windows Error Reporting ----------------------------------------------------------------
class FakeWindowsApi:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def quiet_errors(self) -> int:
        self.calls.append(("SetErrorMode", ""))
        return 0

    def no_crash_dumps(self, executable: str = "") -> bool:
        self.calls.append(("WER", executable))
        return True


@pytest.mark.parametrize("frozen", [True, False])
def test_windows_hardening_turns_off_error_dialogs_and_dumps(frozen: bool) -> None:
    api = FakeWindowsApi()
    old = os.umask(0o022)
    try:
        harden_process("win32", windows=api, frozen=frozen)
    finally:
        os.umask(old)
    assert api.calls == [("SetErrorMode", ""), ("WER", sys.executable if frozen else "")]


def test_other_systems_never_call_windows(tmp_path: Path) -> None:
    api = FakeWindowsApi()
    old = os.umask(0o022)
    try:
        harden_process("linux", windows=api)
        harden_process("darwin", windows=api)
    finally:
        os.umask(old)
    assert api.calls == []
