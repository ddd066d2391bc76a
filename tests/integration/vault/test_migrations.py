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


def test_old_database_upgrades_and_keeps_data(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    v = Vault.create(folder, PASS, kdf=MINIMUM_PARAMS)
    v.close()
    # Turn it back into a version-1 vault: drop what later migrations added.
    from nam_desktop.core.crypto import keyslot

    scratch = sqlcipher3.connect(":memory:", isolation_level=None)
    db.migrate(scratch, target=1)
    v1_names = {name for _, name, _ in db.dump_schema(scratch)}
    scratch.close()
    _, master, _ = keyslot.load_and_unwrap(folder, PASS)
    conn = db.open_database(folder / "vault.db", derive_db_key(master))
    later = [(kind, name, sql) for kind, name, sql in db.dump_schema(conn)
             if name not in v1_names and kind == "table"]
    for _, name, _sql in sorted(later, key=lambda r: "VIRTUAL" not in r[2]):
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    for kind, name, _sql in db.dump_schema(conn):  # indexes later migrations put on v1 tables
        if kind == "index" and name not in v1_names:
            conn.execute(f"DROP INDEX {name}")
    conn.execute("PRAGMA user_version = 1")
    assert {name for _, name, _ in db.dump_schema(conn)} == v1_names
    conn.execute(
        "INSERT INTO testimonies (id, title, created_at, updated_at, narrative) "
        "VALUES ('t-1', 'Старая запіс', '2025-01-01', '2025-01-01', 'Бел-чырвона-белы сцяг')"
    )
    conn.close()
    with Vault.open(folder, PASS) as upgraded:
        assert db.schema_version(upgraded.conn) == db.LATEST_VERSION
        repo = TestimonyRepository(upgraded)
        assert repo.get("t-1").title == "Старая запіс"
        draft = repo.get("t-1")
        repo.update("t-1", draft)  # saving indexes it in the new search table
        with upgraded.reading() as c:
            assert [h.testimony_id for h in search(c, "сцяг")] == ["t-1"]


def test_newer_schema_is_refused() -> None:
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    try:
        db.migrate(conn)
        conn.execute(f"PRAGMA user_version = {db.LATEST_VERSION + 1}")
        with pytest.raises(DatabaseDamagedError, match="newer"):
            db.migrate(conn)
    finally:
        conn.close()
