"""The security steps in Belarusian and Russian: registering a device at HQ is an
instruction, the fingerprint hint says Latin A–Z and 2–7, Cyrillic look-alikes get a
message of their own, and a key card without an HQ name reads as a sentence (review
i18n-be-ru F3, F4, F39)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import hq_identity, keycard
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.keycard_dialog import KeyCardDialog
from nam_desktop.gui.hq.hq_devices_panel import HqDevicesPanel
from nam_desktop.gui.widgets.context import AppContext

from ..catalogues import compile_catalogues, translated
from ..conftest import PASSPHRASE

FP = "MAKE-TEXT-ROCK-HOME-2345-67AB"
FP_CYRILLIC = "МАКЕ-ТЕХТ-РОСК-НОМЕ-2345-67АВ"  # the same, typed on a Cyrillic layout


@pytest.fixture(scope="module")
def qm(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return compile_catalogues(tmp_path_factory.mktemp("qm"))


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[Vault]:
    vault = Vault.create(tmp_path / "hq", PASSPHRASE, kdf=MINIMUM_PARAMS, role="hq")
    TestimonyRepository(vault)
    hq_identity.init_hq(vault)
    yield vault
    vault.close()


@pytest.fixture
def panel(qtbot: QtBot, ctx: AppContext, hq: Vault) -> HqDevicesPanel:
    widget = HqDevicesPanel(ctx, hq)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_belarusian_registration(ctx: AppContext, hq: Vault, panel: HqDevicesPanel,
                                 qm: dict[str, Path]) -> None:
    with translated(qm["be"]):
        assert "лацінскія літары A–Z і лічбы 2–7" in panel.preview_hint.text()
        assert not panel.key_problem.isVisible()
        panel.key_input.setText(FP_CYRILLIC)
        assert panel.key_problem.isVisible()
        assert panel.key_problem.text().startswith(
            "Уведзены кірылічныя літары: М, А, К, Е, Т, Х, Р, О, С, Н, В.")
        assert "пераключыце клавіятуру" in panel.key_problem.text()
        assert panel.preview.text() == "—"
        panel.name_input.setText("Інтэрв'юер А")
        assert not panel.register_button.isEnabled()

        panel.key_input.setText(FP.replace("ROCK", "R0CK"))
        assert panel.key_problem.text().startswith("У адбітку не бывае лічбаў 0, 1, 8 і 9 "
                                                   "(уведзена: 0)")
        panel.key_input.setText(FP.lower().replace("-", " "))  # as heard on the phone
        assert not panel.key_problem.isVisible() and panel.key_problem.text() == ""
        assert panel.preview.text() == FP
        assert panel.register_button.isEnabled()

        ctx.prompter.script([True])
        assert panel.register()
        question = ctx.prompter.shown[-1].text
    assert question.startswith("Зарэгістраваць гэтую прыладу як «Інтэрв'юер А»?")
    assert FP in question
    assert "Рэгіструйце, толькі калі інтэрв'юер пацвердзіў менавіта гэтыя шэсць груп" \
        in question
    assert [(d.fingerprint, d.name) for d in hq_identity.devices(hq)] == \
        [(FP, "Інтэрв'юер А")]


def test_russian_hint_and_instruction(ctx: AppContext, hq: Vault, panel: HqDevicesPanel,
                                      qm: dict[str, Path]) -> None:
    with translated(qm["ru"]):
        assert "латинские буквы A–Z и цифры 2–7" in panel.preview_hint.text()
        panel.key_input.setText("MAKE/TEXT")
        assert panel.key_problem.text().startswith(
            "Таких знаков не может быть в отпечатке: /.")
        panel.key_input.setText(FP)
        panel.name_input.setText("Интервьюер А")
        ctx.prompter.script([False])  # the interviewer read other groups
        assert not panel.register()
        question = ctx.prompter.shown[-1].text
    assert "Регистрируйте, только если интервьюер подтвердил именно эти шесть групп" \
        in question
    assert hq_identity.devices(hq) == []


def test_english_names_the_cyrillic_letters_too(panel: HqDevicesPanel) -> None:
    panel.key_input.setText("MAKE-ТЕХТ")
    assert panel.key_problem.text().startswith("Cyrillic letters were typed: Т, Е, Х.")


@pytest.mark.parametrize(("lang", "expected", "wrong"), [
    ("ru", "Ключевая карта № 1 (название штаба на ней не указано), выдана", "«штаба»"),
    ("be", "Ключавая картка № 1 (назва штаба на ёй не пазначана), выдадзена", "«штаба»"),
    ("ru", "Ключевая карта № 1 от «Штаб Вясны», выдана", None),
])
def test_a_key_card_without_a_name(qtbot: QtBot, ctx: AppContext, hq: Vault,
                                   tmp_path: Path, qm: dict[str, Path], lang: str,
                                   expected: str, wrong: str | None) -> None:
    iv = Vault.create(tmp_path / "iv", PASSPHRASE, kdf=MINIMUM_PARAMS, interviewer="INT-1")
    try:
        name = "" if wrong else "Штаб Вясны"
        keycard.pin_keycard(iv, keycard.issue_keycard(hq, hq_name=name))
        with translated(qm[lang]):
            dialog = KeyCardDialog(ctx, iv)
            qtbot.addWidget(dialog)
            text = dialog.current.text()
        assert text.startswith(expected)
        if wrong:
            assert wrong not in text
    finally:
        iv.close()
