"""Numbered migrations build the declared schema, and an old database upgrades."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.errors import DatabaseDamagedError
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.model.search import search
from nam_desktop.core.vault import db
from nam_desktop.core.vault.schema_dump import declared_schema_text
from nam_desktop.core.vault.vault import Vault, derive_db_key

ROOT = Path(__file__).resolve().parents[3]
PASS = "correct horse battery"


def test_declared_schema_file_is_current() -> None:
    declared = (ROOT / "docs" / "schema.sql").read_text("utf-8")
    assert declared == declared_schema_text(), "docs/schema.sql is stale: run `make schema`"


def test_vault_built_from_migrations_matches_declared_schema(vault: Vault) -> None:
    declared = (ROOT / "docs" / "schema.sql").read_text("utf-8")
    statements = [line.rstrip(";") for line in declared.splitlines()
                  if line and not line.startswith("--")]
    assert [sql for _, _, sql in db.dump_schema(vault.conn)] == statements
    assert db.schema_version(vault.conn) == db.LATEST_VERSION


def _vault_at_version(folder: Path, version: int) -> None:
    """A real vault (key slot + SQLCipher file) whose database was built by the numbered
    migrations 1..``version`` only, holding a testimony written at that version."""
    from nam_desktop.core.crypto import keyslot
    from nam_desktop.core.crypto.device import DeviceIdentity

    Vault.create(folder, PASS, kdf=MINIMUM_PARAMS).close()
    slot, master, _ = keyslot.load_and_unwrap(folder, PASS)
    (folder / "vault.db").unlink()
    (folder / "vault.db").touch(mode=0o600)
    conn = db.open_database(folder / "vault.db", derive_db_key(master))
    try:
        assert db.migrate(conn, target=version) == version
        raw = DeviceIdentity.generate_raw()
        conn.execute("BEGIN")
        for key, value in (("vault_id", slot.vault_id), ("role", "interviewer"),
                           ("created_at", "2025-01-01T00:00:00Z")):
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))
        conn.execute("INSERT INTO device_identity (id, private_key, public_key, created_at) "
                     "VALUES (1, ?, ?, '2025-01-01')", (raw, DeviceIdentity(raw).public_key))
        conn.execute(
            "INSERT INTO testimonies (id, title, created_at, updated_at, narrative) "
            "VALUES ('t-1', 'Старая запіс', '2025-01-01', '2025-01-01', 'Бел-чырвона-белы "
            "сцяг')")
        conn.execute("COMMIT")
    finally:
        conn.close()


@pytest.mark.parametrize("version", range(1, db.LATEST_VERSION))
def test_every_older_version_upgrades_and_keeps_its_data(tmp_path: Path, version: int) -> None:
    folder = tmp_path / f"v{version}"
    _vault_at_version(folder, version)
    with Vault.open(folder, PASS) as upgraded:
        assert db.schema_version(upgraded.conn) == db.LATEST_VERSION
        declared = (ROOT / "docs" / "schema.sql").read_text("utf-8")
        statements = [line.rstrip(";") for line in declared.splitlines()
                      if line and not line.startswith("--")]
        assert [sql for _, _, sql in db.dump_schema(upgraded.conn)] == statements
        repo = TestimonyRepository(upgraded)
        draft = repo.get("t-1")
        assert draft.title == "Старая запіс"
        repo.update("t-1", draft)  # saving indexes it in the search table of today
        with upgraded.reading() as c:
            assert [h.testimony_id for h in search(c, "сцяг")] == ["t-1"]
        assert upgraded.check().ok


def test_newer_schema_is_refused() -> None:
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    try:
        db.migrate(conn)
        conn.execute(f"PRAGMA user_version = {db.LATEST_VERSION + 1}")
        with pytest.raises(DatabaseDamagedError, match="newer"):
            db.migrate(conn)
    finally:
        conn.close()
