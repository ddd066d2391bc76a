"""Counts in three languages: every counted message goes through Qt's plural forms
(``tr("…%n…", "", n)``), Russian and Belarusian have their three forms, English its two,
and the compiled catalogues pick the right one for n = 1, 2, 5, 11, 21, 22, 25."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # parses our own committed .ts files
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.hq_import import ImportResult, ImportStatus
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui import i18n_build
from nam_desktop.gui.hq.hq_import_panel import BundleOutcome, HqImportPanel
from nam_desktop.gui.widgets import i18n
from nam_desktop.gui.widgets.context import AppContext

from .catalogues import compile_catalogues, tr, translated
from .conftest import PASSPHRASE

NUMBERS = (1, 2, 5, 11, 21, 22, 25)
# The form Qt must choose for each of NUMBERS: Russian and Belarusian share the rule
# (1, 21 | 2-4, 22 | 0, 5-20, 25); English has one and other.
FORM = {"ru": (0, 1, 2, 2, 0, 1, 2), "be": (0, 1, 2, 2, 0, 1, 2), "en": (0, 1, 1, 1, 1, 1, 1)}
FORMS = {"ru": 3, "be": 3, "en": 2}
# Contexts left out of these checks while another branch rewrites their words (none now:
# the receipt dialog joined after the exchange branch was merged).
NOT_YET: set[str] = set()
COUNTED_NOUN = re.compile(r"%[1-9] (?:\w+ )?(?:bundles|testimonies|files|acts|problems|items|"
                          r"characters|packages|devices|pages|minutes|seconds)\b")


def numerus_messages(lang: str) -> list[tuple[str, str, list[str]]]:
    root = ET.parse(i18n_build.ts_path(lang)).getroot()  # noqa: S314  # our own file
    return [(ctx.findtext("name") or "", msg.findtext("source") or "",
             [f.text or "" for f in msg.iter("numerusform")])
            for ctx in root.iter("context") for msg in ctx.iter("message")
            if msg.get("numerus") == "yes"]


def all_sources() -> list[tuple[str, str]]:
    return list(i18n_build.messages(i18n_build.ts_path("en")))


@pytest.fixture(scope="module")
def qm(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return compile_catalogues(tmp_path_factory.mktemp("qm"))


def test_no_count_is_left_to_an_s_in_brackets() -> None:
    found = [f"{ctx}: {src}" for ctx, src in all_sources()
             if ctx not in NOT_YET and ("(s)" in src or COUNTED_NOUN.search(src))]
    assert found == []


def test_every_n_is_counted_and_every_form_has_it() -> None:
    counted = {(ctx, src) for ctx, src, _ in numerus_messages("en")}
    assert len(counted) >= 7
    assert {k for k in all_sources() if "%n" in k[1]} == counted
    for lang, forms in FORMS.items():
        for ctx, src, texts in numerus_messages(lang):
            assert len(texts) == forms, (lang, ctx, src)
            assert all("%n" in t for t in texts), (lang, ctx, src)
            assert len(set(texts)) > 1 or lang != "en", (lang, ctx, src)


def test_the_english_catalogue_only_adds_singulars() -> None:
    """English loads nam_en.qm (for "1 bundle"); it must not say anything else than the
    source: a plain message is its source, a counted one has the source as its plural."""
    plain = {k: forms for k, (_, forms) in i18n_build.messages(i18n_build.ts_path("en")).items()}
    for (ctx, src), forms in plain.items():
        if "%n" not in src:
            assert forms == [src], (ctx, src)
    for ctx, src, forms in numerus_messages("en"):
        assert forms[1] == src and forms[0] != src, (ctx, src)


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
def test_the_compiled_catalogue_picks_the_right_form(qapp: QApplication, qm: dict[str, Path],
                                                     lang: str) -> None:
    with translated(qm[lang]):
        for ctx, src, texts in numerus_messages(lang):
            for n, form in zip(NUMBERS, FORM[lang], strict=True):
                expected = texts[form].replace("%n", str(n))
                assert tr(ctx, src, n) == expected, (lang, ctx, src, n)


@pytest.mark.parametrize(("lang", "n", "words"), [
    ("ru", 1, "Проверен 1 пакет."), ("ru", 2, "Проверено 2 пакета."),
    ("ru", 5, "Проверено 5 пакетов."), ("ru", 11, "Проверено 11 пакетов."),
    ("ru", 21, "Проверен 21 пакет."), ("ru", 22, "Проверено 22 пакета."),
    ("ru", 25, "Проверено 25 пакетов."),
    ("be", 1, "Правераны 1 пакет."), ("be", 2, "Праверана 2 пакеты."),
    ("be", 5, "Праверана 5 пакетаў."), ("be", 11, "Праверана 11 пакетаў."),
    ("be", 21, "Правераны 21 пакет."), ("be", 22, "Праверана 22 пакеты."),
    ("be", 25, "Праверана 25 пакетаў."),
])
def test_hq_import_summary_agrees_with_the_count(qtbot: QtBot, ctx: AppContext, hq: Vault,
                                                 qm: dict[str, Path], lang: str, n: int,
                                                 words: str) -> None:
    panel = HqImportPanel(ctx, hq)
    qtbot.addWidget(panel)
    with translated(qm[lang]):
        panel.outcomes = [BundleOutcome(f"b{i}.nam", [], error=ExchangeError(Reason.DAMAGED))
                          for i in range(n)]
        panel.show_outcomes()
        assert panel.summary.text().startswith(words)
        assert panel.summary.text().endswith(f": {n}.")  # "rejected: n", a label form


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[Vault]:
    vault = Vault.create(tmp_path / "hq", PASSPHRASE, kdf=MINIMUM_PARAMS, role="hq")
    yield vault
    vault.close()


def imported(n: int, missing: tuple[int, int] | None = None) -> BundleOutcome:
    result = ImportResult(ImportStatus.IMPORTED, "id", "digest", "FP", "Interviewer A", 7,
                          testimonies=[f"t{i}" for i in range(n)], missing=missing)
    return BundleOutcome("b.nam", [], result=result)


def test_english_singular_needs_the_english_catalogue(
        qtbot: QtBot, ctx: AppContext, hq: Vault, qm: dict[str, Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "qm_path", lambda lang: str(qm[lang]))
    panel = HqImportPanel(ctx, hq)
    qtbot.addWidget(panel)
    assert ctx.translations.switch("en")  # what the app does at start in English
    panel.outcomes = [imported(1, missing=(5, 5))]
    panel.show_outcomes()
    assert panel.summary.text() == "1 bundle checked: 1 imported, 0 already imported, " \
        "0 rejected."
    lines = [line.strip() for line in panel.verdict_lines()]
    assert lines[0] == "b.nam: imported 1 testimony from Interviewer A (bundle no. 7)."
    assert lines[2].startswith("Warning: 1 bundle from this device may be missing (no. 5 ")
    panel.outcomes = [imported(3, missing=(4, 6))]
    panel.show_outcomes()
    lines = [line.strip() for line in panel.verdict_lines()]
    assert lines[0] == "b.nam: imported 3 testimonies from Interviewer A (bundle no. 7)."
    assert lines[2].startswith("Warning: 3 bundles from this device may be missing (no. 4–6 ")


@pytest.mark.parametrize(("lang", "first", "last", "words"), [
    ("ru", 4, 6, "Внимание: возможно, не хватает 3 пакетов с этого устройства (№ 4–6 не "
                 "получены)"),
    ("be", 4, 6, "Увага: магчыма, не хапае 3 пакетаў з гэтай прылады (№ 4–6 не атрыманыя)"),
    ("ru", 4, 4, "Внимание: возможно, не хватает 1 пакета с этого устройства (№ 4 не получен)"),
    ("be", 4, 4, "Увага: магчыма, не хапае 1 пакета з гэтай прылады (№ 4 не атрыманы)"),
])
def test_missing_bundles_are_counted(qtbot: QtBot, ctx: AppContext, hq: Vault,
                                     qm: dict[str, Path], lang: str, first: int, last: int,
                                     words: str) -> None:
    panel = HqImportPanel(ctx, hq)
    qtbot.addWidget(panel)
    with translated(qm[lang]):
        panel.outcomes = [imported(1, missing=(first, last))]
        panel.show_outcomes()
        lines = [line.strip() for line in panel.verdict_lines()]
    assert lines[2].startswith(words)
