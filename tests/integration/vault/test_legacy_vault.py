"""A vault written by the release before canonical JSON was unified (commit 1a796a4, see
docs/test-vectors/v1/generate_v1.py) still opens, its key slot checksum and audit chain
still verify, and its pinned version 1 key card (Cyrillic HQ name) still reads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from nam_desktop.core.exchange import keycard
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT / "tests" / "fixtures" / "legacy-vault-v1"
# Written by the release of commit 1a796a4 (see its "made_by"). The vault.db of the first
# copy was never committed (*.db is ignored): .gitignore now names this one explicitly.
FACTS = json.loads((ROOT / "tests" / "fixtures" / "legacy-vault-v1.facts.json").read_text("utf-8"))


def test_legacy_vault_opens_and_verifies(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    shutil.copytree(FIXTURE, folder)  # never touch the committed copy (migrations write)
    with Vault.open(folder, FACTS["vault_passphrase"]) as vault:
        assert vault.warnings == []  # both key slot copies intact: checksums verified
        chain = vault.audit.verify()
        assert chain.ok, chain.problem
        with vault.reading() as c:
            # Entries written by the old release end at the head it recorded.
            row = c.execute("SELECT seq FROM audit_log WHERE hash = ?",
                            (FACTS["audit_head"],)).fetchone()
        assert row is not None
        card = keycard.current_keycard(vault)
        assert card is not None and card.root_fingerprint == FACTS["hq_root_fingerprint"]
        assert card.hq_name.startswith("Штаб НАМ")
        assert TestimonyRepository(vault).get(FACTS["testimony_id"]).status == "final"
        report = vault.check()
        assert report.ok, report
        # New entries chain on from the old ones.
        with vault.transaction():
            vault.audit.append("test.after_upgrade", "x", note="ў")
        assert vault.audit.verify().ok
