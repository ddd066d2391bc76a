"""A vault made with vocabulary 2026.1 (schema 5: English definitions only) gets the
Russian and Belarusian definitions and the improved labels when it is next opened, keeps
its codes, and remembers the former labels."""

from __future__ import annotations

from pathlib import Path

from nam_desktop.core.crypto import keyslot
from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.model.records import Act, TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.model.vocabulary import shipped_vocabulary
from nam_desktop.core.vault import db
from nam_desktop.core.vault.vault import Vault, derive_db_key

PASS = "correct horse battery"
OLD_BE = "Палітычна матываванае крымінальнае пераследаванне"  # 2026.1


def _vault_of_2026_1(folder: Path) -> None:
    """A real vault whose database stops at migration 5 and holds the 2026.1 rows of two
    terms, as the app of that time wrote them."""
    Vault.create(folder, PASS, kdf=MINIMUM_PARAMS).close()
    slot, master, _ = keyslot.load_and_unwrap(folder, PASS)
    (folder / "vault.db").unlink()
    (folder / "vault.db").touch(mode=0o600)
    conn = db.open_database(folder / "vault.db", derive_db_key(master))
    try:
        assert db.migrate(conn, target=5) == 5
        raw = DeviceIdentity.generate_raw()
        conn.execute("BEGIN")
        for key, value in (("vault_id", slot.vault_id), ("role", "interviewer"),
                           ("created_at", "2025-01-01T00:00:00Z"),
                           ("vocabulary_version", "2026.1")):
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))
        conn.execute("INSERT INTO device_identity (id, private_key, public_key, created_at) "
                     "VALUES (1, ?, ?, '2025-01-01')", (raw, DeviceIdentity(raw).public_key))
        for row in (("political_prosecution", "justice",
                     "Politically motivated criminal prosecution",
                     "Политически мотивированное уголовное преследование", OLD_BE,
                     "Criminal case opened for political views."),
                    ("home_search", "property", "Home search", "Обыск жилья",
                     "Ператрус жылля", "Search of a home.")):
            conn.execute("INSERT INTO vocabulary (code, category, label_en, label_ru, label_be, "
                         "description_en, version, retired) VALUES (?, ?, ?, ?, ?, ?, "
                         "'2026.1', 0)", row)
        conn.execute("COMMIT")
    finally:
        conn.close()


def test_an_old_vault_gets_definitions_and_keeps_its_codes(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    _vault_of_2026_1(folder)
    with Vault.open(folder, PASS) as vault:
        repo = TestimonyRepository(vault)
        vocab = repo.vocabulary()
        assert vocab.version == "2026.2"
        assert [t.code for t in vocab.terms][:2] == ["political_prosecution", "home_search"]
        shipped = shipped_vocabulary()
        for term in vocab.terms:
            same = shipped.get(term.code)
            assert same is not None and not term.retired
            for lang in ("en", "ru", "be"):
                assert term.definition(lang) == same.definition(lang) != ""
                assert term.label(lang) == same.label(lang)
        prosecution = vocab.get("political_prosecution")
        assert prosecution is not None
        assert prosecution.label("be") == "Палітычна матываваны крымінальны пераслед"
        assert OLD_BE in prosecution.former_labels
        # The code is still accepted for new testimonies.
        tid = repo.add(TestimonyDraft(title="T", acts=[Act(type="political_prosecution")]))
        assert repo.get(tid).acts[0].type == "political_prosecution"
    with Vault.open(folder, PASS) as vault:  # stored, not re-read from the shipped file
        with vault.reading() as c:
            row = c.execute("SELECT description_be, former_labels FROM vocabulary "
                            "WHERE code = 'political_prosecution'").fetchone()
        assert "Крымінальная справа" in row[0]
        assert OLD_BE in row[1]
