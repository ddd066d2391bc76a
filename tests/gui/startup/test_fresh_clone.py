"""A fresh clone has no compiled catalogues (*.qm is ignored by git): `make run` must build
them, so that a user who chose Russian sees Russian, and a missing catalogue must be
said out loud, not shown as English."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from nam_desktop.gui.startup.main import start_gui, startup_report
from nam_desktop.gui.widgets.i18n import TranslationManager, missing_catalogue_text
from nam_desktop.paths import resolve_paths

REPO = Path(__file__).resolve().parents[3]
VENV = REPO / ".venv"


def _fresh_clone(dest: Path) -> Path:
    """What `git clone` of this tree gives: the tracked (and about-to-be-tracked) files of
    the working tree, and nothing git ignores (no .qm, no .venv)."""
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others",
         "--exclude-standard"], check=True, capture_output=True).stdout
    for name in filter(None, listed.decode("utf-8").split("\0")):
        src = REPO / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


def _settings(home: Path, language: str) -> None:
    config = resolve_paths(home).config
    config.mkdir(parents=True)
    (config / "settings.json").write_text(json.dumps({"language": language}),
                                          encoding="utf-8")


@pytest.mark.slow
def test_make_run_in_a_fresh_clone_starts_in_russian(tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None or shutil.which("make") is None:
        pytest.skip("needs make and xvfb-run (installed by .ci/run)")
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs a git checkout (what a fresh clone holds is what git tracks)")
    if not (VENV / "bin" / "pyside6-lrelease").exists():
        pytest.skip("needs the project's .venv (make venv)")
    clone = _fresh_clone(tmp_path / "clone")
    assert not list(clone.glob("resources/i18n/*.qm"))  # what git hands a new user
    home = tmp_path / "home"
    _settings(home, "ru")
    # The Makefile's own venv step would install the same packages again; reuse them
    # (the stamp says "installed"), everything else is the Makefile's real recipe.
    stamp = tmp_path / "installed"
    stamp.touch()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "NAM_"))}
    env.update(NAM_HOME=str(home), NAM_QUIT_AFTER_STARTUP_MS="1500")
    done = subprocess.run(
        ["xvfb-run", "-a", "make", "--no-print-directory", "-C", str(clone), "run",
         f"VENV={VENV}", f"STAMP={stamp}"],
        env=env, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert sorted(p.name for p in clone.glob("resources/i18n/*.qm")) == [
        "nam_be.qm", "nam_en.qm", "nam_ru.qm"]
    assert ("started: language=ru catalogue=loaded window=NAM Desktop: первый запуск"
            in done.stdout), done.stdout[-2000:]


def test_a_missing_catalogue_is_said_not_shown_as_english(
        qapp: QApplication, tmp_path: Path) -> None:
    manager = TranslationManager(qapp, catalogue_dir=str(tmp_path))  # no .qm in there
    try:
        assert manager.switch("ru") is False
        assert manager.missing == "ru"
    finally:
        manager.switch("en")
    text = missing_catalogue_text("ru")
    assert "nam_ru.qm" in text and "Русский" in text
    assert "Перевод на русский язык" in text  # also in the language that was chosen


def test_start_up_warns_when_the_chosen_catalogue_is_missing(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    _settings(home, "be")
    monkeypatch.setattr("nam_desktop.gui.widgets.i18n.qm_path",
                        lambda language: str(tmp_path / f"nam_{language}.qm"))
    session = start_gui(resolve_paths(home), qapp, show_notice=False)
    assert session is not None
    try:
        box = session.controller.notice
        assert isinstance(box, QMessageBox)
        assert "nam_be.qm" in box.text() and "Пераклад на беларускую мову" in box.text()
        assert "catalogue=missing" in startup_report(session)
        wizard = session.controller.wizard
        assert wizard is not None and wizard.language_page.missing.isVisibleTo(wizard)
    finally:
        session.close()
        session.controller.context.translations.switch("en")
