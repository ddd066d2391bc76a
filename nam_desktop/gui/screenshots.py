"""Render the main screens in every language: ``python -m nam_desktop.gui.screenshots OUT``.

Works offscreen (``QT_QPA_PLATFORM=offscreen``, the default here) or under Xvfb. The
sample testimonies are fictional; the throwaway vault uses the fast KDF.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.model.records import (
    Act,
    Consent,
    Interview,
    Perpetrator,
    TestimonyDraft,
    Witness,
)
from nam_desktop.core.resources import resource_path

SIZE = (1366, 740)  # a 1366x768 screen minus the panel
SAMPLES = {
    "en": [("Detention after the march", "Swallow", "Minsk",
            "We were taken from the yard and held for three days without water."),
           ("Search of the flat", "Heron", "Hrodna",
            "Six men came at dawn and took the laptops and phones."),
           ("Questioned at the border", "Owl", "Brest",
            "They kept me for six hours and copied my phone.")],
    "ru": [("Задержание после марша", "Ласточка", "Минск",
            "Нас забрали со двора и держали три дня без воды."),
           ("Обыск в квартире", "Цапля", "Гродно",
            "Шестеро пришли на рассвете и забрали ноутбуки и телефоны."),
           ("Допрос на границе", "Сова", "Брест",
            "Меня держали шесть часов и скопировали телефон.")],
    "be": [("Затрыманне пасля маршу", "Ластаўка", "Мінск",
            "Нас забралі з двара і трымалі тры дні без вады."),
           ("Ператрус у кватэры", "Чапля", "Гродна",
            "Шасцёра прыйшлі на світанні і забралі ноўтбукі і тэлефоны."),
           ("Допыт на мяжы", "Сава", "Брэст",
            "Мяне трымалі шэсць гадзін і скапіявалі тэлефон.")],
}
ACT_TYPES = ("arbitrary_detention", "torture_ill_treatment", "home_search")


def _sample_drafts(language: str, codes: set[str]) -> list[TestimonyDraft]:
    drafts = []
    for i, (title, pseudonym, place, text) in enumerate(SAMPLES[language]):
        acts = [Act(type=c, date=f"2020-08-{10 + i:02d}", date_precision="exact", place=place,
                    perpetrators=[Perpetrator(unit="OMON")])
                for c in ACT_TYPES[: 3 - i] if c in codes]
        drafts.append(TestimonyDraft(
            title=title, interview=Interview(date=f"2024-0{i + 3}-1{i}", place=place,
                                             mode="in_person", interviewer="INT-07"),
            consent=Consent(hq_documentation=True, given_date=f"2024-0{i + 3}-1{i}",
                            method="oral"),
            witness=Witness(pseudonym=pseudonym, age_group="30-39"),
            acts=acts, narrative=text))
    return drafts


def _sample_image() -> io.BytesIO:
    from PIL import Image

    image = Image.new("RGB", (320, 200), (47, 111, 115))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x013B] = "A. Photographer"  # Artist
    exif[0x8825] = {1: "N", 2: (53.0, 54.0, 0.0), 3: "E", 4: (27.0, 33.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    out.seek(0)
    return out


def render(out_dir: Path, languages: tuple[str, ...] = ("en", "ru", "be")) -> list[Path]:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QWidget

    from nam_desktop.core.model.repository import TestimonyRepository
    from nam_desktop.core.vault.vault import Vault
    from nam_desktop.gui.interviewer.main_window import MainWindow
    from nam_desktop.gui.startup.first_run_wizard import FirstRunWizard
    from nam_desktop.gui.startup.settings_dialog import SettingsDialog
    from nam_desktop.gui.startup.unlock_dialog import UnlockDialog
    from nam_desktop.gui.widgets.context import AppContext
    from nam_desktop.gui.widgets.i18n import TranslationManager
    from nam_desktop.gui.widgets.messages import ScriptedPrompter, allow_test_doubles
    from nam_desktop.gui.widgets.settings_store import SettingsStore
    from nam_desktop.gui.widgets.style import apply_style
    from nam_desktop.gui.widgets.workers import TaskRunner
    from nam_desktop.paths import resolve_paths

    allow_test_doubles()  # a developer's tool on fictional data: no box may block it
    app = QApplication.instance() or QApplication(["nam-screenshots"])
    assert isinstance(app, QApplication)  # noqa: S101  # created above
    apply_style(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def shot(widget: QWidget, name: str) -> None:
        widget.show()
        for _ in range(5):
            QCoreApplication.processEvents()
        path = out_dir / name
        widget.grab().save(str(path))
        written.append(path)

    with tempfile.TemporaryDirectory() as tmp:  # fictional sample data only
        for lang in languages:
            paths = resolve_paths(Path(tmp) / lang)
            paths.ensure()
            store = SettingsStore(paths.config)
            settings = store.load()
            settings.language = lang
            translations = TranslationManager(app)
            translations.switch(lang)
            ctx = AppContext(paths, store, settings, TaskRunner(), translations,
                             ScriptedPrompter(), kdf=MINIMUM_PARAMS)

            wizard = FirstRunWizard(ctx)
            wizard.show()
            shot(wizard, f"first-run-language-{lang}.png")
            wizard.next()
            wizard.next()
            wizard.passphrase_page.first.setText("rain window copper lantern")
            wizard.passphrase_page.second.setText("rain window copper lantern")
            wizard.passphrase_page.understood.setChecked(True)
            shot(wizard, f"first-run-passphrase-{lang}.png")
            wizard.close()

            vault = Vault.create(paths.default_vault, "rain window copper lantern",
                                 kdf=MINIMUM_PARAMS, interviewer="INT-07")
            settings.remember_vault(vault.folder)
            unlock = UnlockDialog(ctx)
            unlock.passphrase.setText("wrong")
            from nam_desktop.core.errors import WrongPassphraseError
            unlock._on_failed(WrongPassphraseError())
            shot(unlock, f"unlock-{lang}.png")
            unlock.close()

            repo = TestimonyRepository(vault)
            ids = repo.add_many(_sample_drafts(lang, repo.vocabulary_codes()))
            window = MainWindow(ctx, vault)
            window.resize(*SIZE)
            window.refresh()
            window.open_testimony(ids[0])
            shot(window, f"main-{lang}.png")
            window.editor.set_section(3)
            shot(window, f"editor-acts-{lang}.png")
            window.search_field.setText(max(SAMPLES[lang][0][3].split(), key=len))
            window.run_search()
            shot(window, f"search-{lang}.png")
            window.search_field.clear()
            window.run_search()
            window.editor.attachments._service.attach(ids[0], _sample_image(), "photo.jpg")
            window.editor.attachments.load(ids[0])
            window.editor.set_section(6)
            shot(window, f"attachments-{lang}.png")
            settings_dialog = SettingsDialog(ctx, vault, window)
            settings_dialog.tabs.setCurrentIndex(1)
            shot(settings_dialog, f"settings-{lang}.png")
            settings_dialog.close()
            window.close()
            ctx.runner.wait()
            vault.close()
            translations.switch("en")
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args[0]) if args else resource_path("i18n").parents[1] / "docs" / "screenshots"
    for path in render(out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
