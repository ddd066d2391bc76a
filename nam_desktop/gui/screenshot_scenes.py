"""The main screens of both workspaces, set up with fictional sample data.

:func:`scenes` yields ``(name, widget)`` for every screen a user meets: first run
(interviewer and HQ station), unlock, the interviewer's main window and editor sections,
search, attachments, history, recorder, settings, the export wizard, the key card, and
HQ's testimonies, attachments, import, devices, alarms and key-card writer. ``make
screenshots`` saves each one; ``tests/gui/test_layout.py`` checks that nothing is cut or
squeezed at laptop sizes. Developer tool: uses the fast KDF on throwaway vaults.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.model.records import (
    Act,
    Consent,
    Interview,
    Perpetrator,
    TestimonyDraft,
    Witness,
)

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
PASSPHRASE = "rain window copper lantern"  # noqa: S105  # throwaway sample vaults
Settle = Callable[[], None]


def sample_drafts(language: str, codes: set[str]) -> list[TestimonyDraft]:
    drafts = []
    for i, (title, pseudonym, place, text) in enumerate(SAMPLES[language]):
        acts = [Act(type=c, date=f"2020-08-{10 + i:02d}", date_precision="exact", place=place,
                    perpetrators=[Perpetrator(unit="OMON")])
                for c in ACT_TYPES[: 3 - i] if c in codes]
        drafts.append(TestimonyDraft(
            title=title, interview=Interview(date=f"2024-0{i + 3}-1{i}", place=place,
                                             mode="in_person", interviewer="INT-07"),
            consent=Consent(hq_documentation=True, given_date=f"2024-0{i + 3}-1{i}",
                            method="oral", audio_recording=i == 0),
            witness=Witness(pseudonym=pseudonym, age_group="30-39"),
            acts=acts, narrative=text))
    return drafts


def sample_photo() -> io.BytesIO:
    """A small JPEG with a position near Minsk, camera, serial number, author, a turn."""
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "PhoneMaker", "Model X"
    exif[0x013B] = "A. Photographer"
    exif[0x0112] = 6
    exif.get_ifd(0x8769)[0xA431] = "SN-4471902"
    exif[0x8825] = {1: "N", 2: (53.0, 53.0, 0.0), 3: "E", 4: (27.0, 33.6, 0.0)}
    out = io.BytesIO()
    Image.new("RGB", (320, 200), (47, 111, 115)).save(out, "JPEG", exif=exif)
    out.seek(0)
    return out


def scenes(app: Any, home: Path, language: str, size: tuple[int, int],
           settle: Settle, translations: Any) -> Iterator[tuple[str, Any]]:
    """Every main screen in ``language``, one after the other (each is closed and
    deleted when the consumer asks for the next). ``home`` is an empty throwaway
    folder; ``translations`` the app's TranslationManager."""
    import shiboken6

    from nam_desktop.core.errors import WrongPassphraseError
    from nam_desktop.core.exchange import destination, export, hq_identity, hq_import, keycard
    from nam_desktop.core.model.attachments import AttachmentService
    from nam_desktop.core.model.repository import TestimonyRepository
    from nam_desktop.core.vault.vault import Vault
    from nam_desktop.gui.exchange.export_wizard import ExportWizard
    from nam_desktop.gui.exchange.keycard_dialog import KeyCardDialog
    from nam_desktop.gui.hq.hq_keycard_dialog import HqKeyCardDialog
    from nam_desktop.gui.hq.hq_window import (
        ALARMS_TAB,
        DEVICES_TAB,
        IMPORT_TAB,
        TESTIMONIES_TAB,
        HqWindow,
    )
    from nam_desktop.gui.interviewer.main_window import MainWindow
    from nam_desktop.gui.startup.first_run_wizard import FirstRunWizard
    from nam_desktop.gui.startup.settings_dialog import SettingsDialog
    from nam_desktop.gui.startup.unlock_dialog import UnlockDialog
    from nam_desktop.gui.widgets.context import AppContext
    from nam_desktop.gui.widgets.messages import ScriptedPrompter
    from nam_desktop.gui.widgets.settings_store import SettingsStore
    from nam_desktop.gui.widgets.workers import TaskRunner
    from nam_desktop.paths import resolve_paths

    paths = resolve_paths(home)
    paths.ensure()
    store = SettingsStore(paths.config)
    settings = store.load()
    settings.language = language
    translations.switch(language)

    def done(*widgets: Any) -> None:
        """Closed and deleted: no window of a closed vault waits for the next language."""
        for widget in widgets:
            widget.close()
            shiboken6.delete(widget)
        settle()
    ctx = AppContext(paths, store, settings, TaskRunner(), translations, ScriptedPrompter(),
                     kdf=MINIMUM_PARAMS)

    hq = Vault.create(home / "hq", PASSPHRASE, kdf=MINIMUM_PARAMS, role="hq")
    TestimonyRepository(hq)
    hq_identity.init_hq(hq)
    card = keycard.issue_keycard(hq, hq_name="HQ")

    # ---- first run -------------------------------------------------------------------
    wizard = FirstRunWizard(ctx)
    wizard.show()
    yield "first-run-welcome", wizard
    wizard.next()
    wizard.folder_page.folder.setText(str(home / "first-run"))
    wizard.next()
    wizard.passphrase_page.first.setText(PASSPHRASE)
    wizard.passphrase_page.second.setText(PASSPHRASE)
    wizard.passphrase_page.understood.setChecked(True)
    yield "first-run-passphrase", wizard
    wizard.next()
    wizard.interviewer_page.name.setText("INT-07")
    wizard.next()  # creates the vault in a worker
    ctx.runner.wait()
    settle()
    yield "first-run-device", wizard
    wizard.next()
    settle()
    panel = wizard.key_card_page.panel
    if panel is not None:
        panel.check_bytes(card)
    yield "first-run-key-card", wizard
    if wizard.vault is not None:
        wizard.vault.close()
    done(wizard)

    station = FirstRunWizard(ctx)
    station.show()
    station.language_page.hq_role.setChecked(True)
    station.next()
    station.folder_page.folder.setText(str(home / "hq-station"))
    station.next()
    station.passphrase_page.first.setText(PASSPHRASE)
    station.passphrase_page.second.setText(PASSPHRASE)
    station.passphrase_page.understood.setChecked(True)
    station.next()
    station.hq_page.name.setText("HQ Vilnius")
    yield "first-run-hq-station", station
    done(station)

    # ---- the interviewer's workspace -------------------------------------------------
    vault = Vault.create(paths.default_vault, PASSPHRASE, kdf=MINIMUM_PARAMS,
                         interviewer="INT-07")
    settings.remember_vault(vault.folder)
    unlock = UnlockDialog(ctx)
    unlock.passphrase.setText("wrong")
    unlock._on_failed(WrongPassphraseError())
    yield "unlock", unlock
    done(unlock)

    keycard.pin_keycard(vault, card)
    repo = TestimonyRepository(vault)
    ids = repo.add_many(sample_drafts(language, repo.vocabulary_codes()))
    for tid in ids[:2]:
        AttachmentService(vault).attach(tid, sample_photo(), "photo.jpg")
    for tid in ids[1:]:
        repo.finalize(tid)
    usb = home / "usb"
    usb.mkdir()
    bundle = export.export_bundle(vault, usb).paths
    hq_identity.register_device(hq, vault.device.public_key.hex(), "INT-07")
    hq_import.import_bundle(hq, bundle)

    window = MainWindow(ctx, vault)
    window.resize(*size)
    window.refresh()
    window.open_testimony(ids[0])
    yield "main", window
    for section, name in ((1, "editor-consent"), (3, "editor-acts")):
        window.editor.set_section(section)
        yield name, window
    window.search_field.setText(max(SAMPLES[language][0][3].split(), key=len))
    window.run_search()
    yield "search", window
    window.search_field.clear()
    window.run_search()
    window.editor.set_section(6)
    window.editor.attachments.load(ids[0])
    ctx.runner.wait()
    settle()
    yield "attachments", window
    window.editor.set_section(7)
    yield "history", window
    window.editor.recorder_devices = lambda: [("Built-in microphone", None)]
    recorder = window.editor.open_recorder()
    if recorder is not None:
        yield "recorder", recorder
        recorder.close()
    settings_dialog = SettingsDialog(ctx, vault, window)
    yield "settings", settings_dialog
    settings_dialog.tabs.setCurrentIndex(1)
    yield "settings-files", settings_dialog
    settings_dialog.close()
    drives = lambda: [destination.Drive(usb, "vfat", 7 << 30, False)]  # noqa: E731
    export_wizard = ExportWizard(ctx, vault, window, drives=drives)
    export_wizard.show()
    yield "export-choose", export_wizard
    export_wizard.next()
    yield "export-destination", export_wizard
    export_wizard.next()
    yield "export-check", export_wizard
    export_wizard.close()
    rotation = KeyCardDialog(ctx, vault, window)
    rotation.show()
    rotation.panel.check_bytes(keycard.issue_keycard(hq, hq_name="HQ"))
    yield "keycard-dialog", rotation
    rotation.close()
    window.wipe()
    ctx.runner.wait()
    done(window)
    vault.close()

    # ---- HQ's workspace --------------------------------------------------------------
    hq_window = HqWindow(ctx, hq)
    hq_window.resize(*size)
    hq_window.refresh()
    hq_window.tabs.setCurrentIndex(TESTIMONIES_TAB)
    hq_window.open_testimony(ids[1])
    yield "hq-testimonies", hq_window
    hq_window.viewer.tabs.setCurrentWidget(hq_window.viewer.attachments)
    ctx.runner.wait()
    settle()
    yield "hq-attachments", hq_window
    hq_window.import_panel.import_paths(bundle)  # again: "already imported"
    ctx.runner.wait()
    settle()
    hq_window.tabs.setCurrentIndex(IMPORT_TAB)
    yield "hq-import", hq_window
    hq_window.tabs.setCurrentIndex(DEVICES_TAB)
    yield "hq-devices", hq_window
    hq_window.tabs.setCurrentIndex(ALARMS_TAB)
    yield "hq-alarms", hq_window
    writer = HqKeyCardDialog(ctx, hq, hq_window)
    writer.show()
    yield "hq-keycard", writer
    writer.close()
    hq_window.wipe()
    ctx.runner.wait()
    done(hq_window)
    hq.close()
