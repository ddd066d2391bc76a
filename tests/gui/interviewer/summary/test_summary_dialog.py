"""The summary dialog: save, preview and print, with no file left in the temp folder."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QSettings, QStandardPaths
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot
from summary_fixtures import Sample, need  # helper shared with the integration tests

from nam_desktop.core.summary import Summary, verify_summary
from nam_desktop.gui.interviewer.summary_dialog import SummaryDialog
from nam_desktop.gui.interviewer.summary_print import PdfPages, PreviewDialog
from nam_desktop.gui.widgets.file_dialogs import confine_qt_settings
from nam_desktop.gui.widgets.messages import ScriptedPrompter


@pytest.fixture
def dialog(qtbot: QtBot, sample: Sample) -> Iterator[SummaryDialog]:
    prompter = ScriptedPrompter()
    dlg = SummaryDialog(sample.vault, sample.testimony_id, language="be", prompter=prompter)
    qtbot.addWidget(dlg)

    def refuse(d: QDialog) -> int:
        raise AssertionError(f"unexpected modal {type(d).__name__}")

    dlg.run_modal = refuse
    yield dlg
    assert not prompter.unscripted, f"unscripted questions: {prompter.unscripted}"


def prompter_of(dlg: SummaryDialog) -> ScriptedPrompter:
    assert isinstance(dlg.prompter, ScriptedPrompter)
    return dlg.prompter


def choose(dlg: SummaryDialog, level: str) -> None:
    dlg.redaction.setCurrentIndex(dlg.redaction.findData(level))


def actions(sample: Sample) -> list[str]:
    return [e.action for e in sample.vault.audit.entries(sample.testimony_id)]


def pdf_pages(path: Path) -> int:
    info = subprocess.run([need("pdfinfo"), str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


def test_save_pdf_writes_a_signed_summary(dialog: SummaryDialog, sample: Sample,
                                          tmp_path: Path, private_tmp: Path) -> None:
    out = tmp_path / "out" / "s.pdf"
    out.parent.mkdir()
    dialog.choose_save_path = lambda summary: out
    choose(dialog, "public")
    dialog.save_button.click()
    assert list(out.parent.iterdir()) == [out]  # signed inside the PDF: no .sig beside it
    result = verify_summary(out.read_bytes(),
                            expected_fingerprint=sample.vault.device.fingerprint)
    assert result.ok and result.redaction == "public" and result.kind == "pades"
    assert "not yet certified by HQ" in dialog.prompter.shown[-1].text
    assert actions(sample)[0] == "summary.write"
    assert result.verification_code in prompter_of(dialog).shown[-1].text
    assert result.verification_code in dialog.status.text()
    assert list(private_tmp.iterdir()) == []


def test_full_level_asks_before_saving(dialog: SummaryDialog, sample: Sample,
                                       tmp_path: Path) -> None:
    dialog.choose_save_path = lambda summary: tmp_path / "s.pdf"
    choose(dialog, "full")
    prompter_of(dialog).script([False])
    assert dialog.save_pdf() is False
    assert prompter_of(dialog).shown[-1].kind == "ask"
    assert not (tmp_path / "s.pdf").exists()
    assert "summary.write" not in actions(sample)


def test_preview_renders_every_page_in_memory(qtbot: QtBot, dialog: SummaryDialog,
                                              sample: Sample, private_tmp: Path) -> None:
    seen: dict[str, int] = {}

    def run(d: QDialog) -> int:
        assert isinstance(d, PreviewDialog)
        d.show()
        d.preview.updatePreview()
        seen["pages"] = d.preview.pageCount()
        d.close()
        return QDialog.DialogCode.Rejected

    dialog.run_modal = run
    summary = dialog.build()
    assert summary is not None
    assert dialog.preview() is True
    pages = PdfPages(summary.pdf)
    assert seen["pages"] == pages.count >= 2
    pages.close()
    assert list(private_tmp.iterdir()) == []
    assert "summary.print" not in actions(sample)


def test_print_paints_the_pages_and_is_audited(dialog: SummaryDialog, sample: Sample,
                                               tmp_path: Path, private_tmp: Path) -> None:
    printed = tmp_path / "printed.pdf"

    def printer() -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.HighResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(printed))
        return p

    dialog.printer_factory = printer
    dialog.run_modal = lambda d: (isinstance(d, QPrintDialog) and QDialog.DialogCode.Accepted)
    choose(dialog, "pseudonymised")
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    prompter_of(dialog).script([True])
    assert dialog.print_summary() is True
    warning = prompter_of(dialog).shown[-1]
    assert warning.kind == "ask" and "tracking dots" in warning.text
    summary = dialog.build()
    assert isinstance(summary, Summary)
    assert pdf_pages(printed) == PdfPages(summary.pdf).count
    info = subprocess.run([need("pdfinfo"), str(printed)], capture_output=True, text=True,
                          check=True).stdout
    assert "612 x 792 pts (letter)" in info
    event = sample.vault.audit.entries(sample.testimony_id)[0]
    assert event.action == "summary.print" and event.details["redaction"] == "pseudonymised"
    assert str(tmp_path) not in str(event.details)
    assert list(private_tmp.iterdir()) == []
    assert not [p for p in Path(tempfile.gettempdir()).iterdir() if p.suffix == ".pdf"]


def test_declining_the_print_warning_prints_nothing(dialog: SummaryDialog,
                                                    sample: Sample) -> None:
    prompter_of(dialog).script([False])
    assert dialog.print_summary() is False  # run_modal would fail if a dialog were shown
    assert "summary.print" not in actions(sample)


@pytest.fixture
def confined_qt_settings(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "config"
    confine_qt_settings(folder)
    yield folder
    default = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericConfigLocation)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, default)


def test_save_dialog_keeps_no_history(dialog: SummaryDialog, tmp_path: Path,
                                      confined_qt_settings: Path) -> None:
    target = tmp_path / "chosen" / "witness-summary.pdf"
    target.parent.mkdir()

    def run(d: QDialog) -> int:
        assert isinstance(d, QFileDialog)
        assert d.testOption(QFileDialog.Option.DontUseNativeDialog)
        assert d.directory().absolutePath() == QDir.homePath()
        d.setDirectory(str(target.parent))
        d.selectFile(str(target))
        d.accept()
        return QDialog.DialogCode.Accepted

    dialog.run_modal = run
    summary = dialog.build()
    assert summary is not None
    assert dialog.choose_save_path(summary) == target
    written = "\n".join(p.read_text(errors="replace") for p in confined_qt_settings.rglob("*")
                        if p.is_file())
    assert "chosen" not in written
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert not settings.value("FileDialog/history")
    assert not settings.value("FileDialog/lastVisited")


def test_a_failed_build_is_a_message_not_a_crash(qtbot: QtBot, sample: Sample) -> None:
    prompter = ScriptedPrompter()
    dlg = SummaryDialog(sample.vault, "no-such-record", prompter=prompter)
    qtbot.addWidget(dlg)
    assert dlg.save_pdf() is False and dlg.print_summary() is False
    assert [s.kind for s in prompter.shown] == ["error", "error"]
    assert "no-such-record" not in prompter.shown[0].text


def test_closing_forgets_the_rendered_summary(dialog: SummaryDialog) -> None:
    first = dialog.build()
    assert first is not None and dialog.build() is first  # reused while choices stay
    dialog.reject()
    assert dialog.status.text() == ""
    assert dialog.build() is not first
