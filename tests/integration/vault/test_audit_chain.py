"""The audit log is append-only and its hash chain finds edited, removed or added rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

from nam_desktop.core.crypto import keyslot
from nam_desktop.core.model.records import TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault import db
from nam_desktop.core.vault.vault import Vault, derive_db_key

PASS = "correct horse battery"


def _raw_connection(folder: Path) -> db.Connection:
    """What an attacker holding the key could do: bypass the app entirely."""
    _, master, _ = keyslot.load_and_unwrap(folder, PASS)
    return db.open_database(folder / "vault.db", derive_db_key(master))


def _populate(vault: Vault) -> None:
    repo = TestimonyRepository(vault)
    for i in range(3):
        repo.add(TestimonyDraft(title=f"t{i}", narrative="секрэтны тэкст"))


def test_chain_verifies_and_contains_no_content(vault: Vault) -> None:
    _populate(vault)
    result = vault.audit.verify()
    assert result.ok and result.entries == 5  # vault.create, device.pdf_key_created, 3 adds
    details = " ".join(str(e.details) for e in vault.audit.entries())
    assert "секрэтны" not in details and "t1" not in details


def test_triggers_refuse_update_and_delete(vault: Vault) -> None:
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        vault.conn.execute("UPDATE audit_log SET action = 'x' WHERE seq = 1")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        vault.conn.execute("DELETE FROM audit_log")


@pytest.mark.parametrize(
    ("tamper", "problem", "bad_seq"),
    [
        ("UPDATE audit_log SET action = 'testimony.delete' WHERE seq = 2", "entry altered", 2),
        ("UPDATE audit_log SET details = '{}' WHERE seq = 3", "entry altered", 3),
        ("DELETE FROM audit_log WHERE seq = 2", "sequence gap", 3),
    ],
)
def test_edited_row_is_detected(vault: Vault, vault_dir: Path, tamper: str, problem: str,
                                bad_seq: int) -> None:
    _populate(vault)
    vault.close()
    conn = _raw_connection(vault_dir)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute(tamper)
    conn.close()
    with Vault.open(vault_dir, PASS) as again:
        result = again.audit.verify()
        assert not result.ok
        assert result.problem == problem
        assert result.first_bad_seq == bad_seq
        assert not again.check().ok


def test_rewritten_hash_breaks_the_next_link(vault: Vault, vault_dir: Path) -> None:
    """Recomputing one entry's hash is not enough: the next entry still points at the old."""
    _populate(vault)
    vault.close()
    conn = _raw_connection(vault_dir)
    conn.execute("DROP TRIGGER audit_log_no_update")
    row = conn.execute("SELECT seq, ts, object_id, details, prev_hash FROM audit_log "
                       "WHERE seq = 2").fetchone()
    from nam_desktop.core.vault.audit import entry_hash

    forged = entry_hash(row[0], row[1], "forged", row[2], row[3], row[4])
    conn.execute("UPDATE audit_log SET action = 'forged', hash = ? WHERE seq = 2", (forged,))
    conn.close()
    with Vault.open(vault_dir, PASS) as again:
        result = again.audit.verify()
        assert (result.ok, result.problem, result.first_bad_seq) == (False, "broken link", 3)
