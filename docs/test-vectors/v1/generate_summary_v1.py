"""Make the version 1 summary-signature vector with the program as it was released (ran
ONCE, like generate_v1.py, against commit 1a796a4):

    PYTHONPATH=/tmp/nam-1a796a4 PYTHONDONTWRITEBYTECODE=1 python generate_summary_v1.py OUTDIR

Writes summary-v1.pdf, summary-v1.pdf.sig (key and signature in base64, as version 1
had them) and facts-summary-v1.json. Frozen: do not run this again.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.model.records import Act, Consent, Interview, TestimonyDraft, Witness
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.summary import SummaryOptions, write_summary
from nam_desktop.core.vault.vault import Vault


def main(out: Path) -> None:
    work = Path(tempfile.mkdtemp())
    with Vault.create(work / "v", "summary vector passphrase", kdf=MINIMUM_PARAMS) as vault:
        repo = TestimonyRepository(vault)
        tid = repo.add(TestimonyDraft(
            title="Затрыманне (тэставы запіс)",
            interview=Interview(date="2025-03-01", place="Вільнюс", languages=["be"]),
            consent=Consent(hq_documentation=True, anonymous_publication=True, method="oral",
                            given_date="2025-03-01"),
            witness=Witness(pseudonym="W-001"),
            acts=[Act(type="arbitrary_detention", date="2020-08-09",
                      date_precision="exact", place="Мінск")],
            narrative="Тэставы аповед: no real person.",
        ))
        repo.finalize(tid)
        summary = write_summary(vault, tid, out / "summary-v1.pdf",
                                SummaryOptions.make("pseudonymised", "be"),
                                clock=lambda: datetime(2026, 11, 27, 18, 58, 28, tzinfo=UTC))
        facts = {"device_fingerprint": vault.device.fingerprint,
                 "device_public_key": vault.device.public_key.hex(),
                 "verification_code": summary.verification_code,
                 "record_id": tid}
    (out / "facts-summary-v1.json").write_text(json.dumps(facts, indent=1, sort_keys=True)
                                               + "\n")
    shutil.rmtree(work)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
