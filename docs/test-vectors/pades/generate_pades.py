"""Make the PAdES summary vectors in this folder (ran ONCE; the files are frozen).

    python docs/test-vectors/pades/generate_pades.py docs/test-vectors/pades

Uses NAM Desktop itself, as an interviewer and HQ would: a fresh HQ vault (with its CA)
and interviewer vault; HQ registers the device; the device exports a bundle (version 4,
naming its P-256 PDF key); HQ imports it and certifies the key; a key card made for the
device carries the certificate; the device imports it and writes a summary, signed inside
the PDF with HQ's certificate. Then, as an attacker would, an incremental update is
appended to a copy. A second, unrelated HQ's CA certificate is written as the "other
CA". facts-pades.json says what a verifier must find; tests/integration/test_test_vectors.py
checks the files' SHA-256 and the verdicts.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import export, hq_ca, hq_identity, hq_import, keycard
from nam_desktop.core.model.records import Act, Consent, Interview, TestimonyDraft, Witness
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.pades import hanko
from nam_desktop.core.summary import SummaryOptions, write_summary
from nam_desktop.core.vault.vault import Vault

PASS = "pades vector passphrase"
WHEN = datetime(2026, 12, 7, 12, 0, 0, tzinfo=UTC)


def main(out: Path) -> None:
    work = Path(tempfile.mkdtemp())
    with Vault.create(work / "hq", PASS, kdf=MINIMUM_PARAMS, role="hq") as hq, \
            Vault.create(work / "iv", PASS, kdf=MINIMUM_PARAMS) as iv:
        TestimonyRepository(hq)
        hq_identity.init_hq(hq)
        keycard.pin_keycard(iv, keycard.issue_keycard(hq, hq_name="Штаб НАМ (тэст)"))
        hq_identity.register_device(hq, iv.device.fingerprint, "Інтэрв'юерка Т-07")
        repo = TestimonyRepository(iv)
        tid = repo.add(TestimonyDraft(
            title="Затрыманне (тэставы запіс)",
            interview=Interview(date="2025-03-01", place="Вільнюс", languages=["be", "ru"]),
            consent=Consent(hq_documentation=True, anonymous_publication=True, method="oral",
                            given_date="2025-03-01"),
            witness=Witness(pseudonym="W-007"),
            acts=[Act(type="arbitrary_detention", date="2020-08-09", date_precision="exact",
                      place="Мінск")],
            narrative="Тэставы аповед. Тестовый рассказ: no real person.",
        ))
        repo.finalize(tid)
        usb = work / "usb"
        usb.mkdir()
        bundle = export.export_bundle(iv, usb, export.ExportOptions())
        hq_import.import_bundle(hq, bundle.paths)
        keycard.pin_keycard(iv, keycard.issue_keycard(hq, hq_name="Штаб НАМ (тэст)",
                                                      device=iv.device.fingerprint))
        summary = write_summary(iv, tid, out / "summary-pades.pdf",
                                SummaryOptions.make("pseudonymised", "be"),
                                clock=lambda: WHEN)
        ca = hq_ca.load_ca(hq)
        assert ca is not None and summary.certified
        (out / "hq-ca.pem").write_bytes(ca.pem)
        facts = {"device_fingerprint": iv.device.fingerprint,
                 "signer_name": "Інтэрв'юерка Т-07",
                 "hq_root_fingerprint": hq_identity.load_hq(hq).root_fingerprint,
                 "content_sha256": summary.content_sha256,
                 "verification_code": summary.verification_code,
                 "record_id": tid, "created_at": "2026-12-07T12:00:00Z",
                 "redaction": "pseudonymised"}
    with Vault.create(work / "other", PASS, kdf=MINIMUM_PARAMS, role="hq") as other:
        hq_identity.init_hq(other)
        (out / "other-ca.pem").write_bytes(hq_ca.load_ca(other).pem)  # type: ignore[union-attr]
    writer = hanko.IncrementalPdfFileWriter(io.BytesIO((out / "summary-pades.pdf").read_bytes()))
    writer.root["/Lang"] = hanko.generic.TextStringObject("en")
    writer.update_root()
    updated = io.BytesIO()
    writer.write(updated)
    (out / "summary-pades-updated.pdf").write_bytes(updated.getvalue())
    (out / "facts-pades.json").write_text(json.dumps(facts, indent=1, sort_keys=True,
                                                     ensure_ascii=False) + "\n", "utf-8")
    shutil.rmtree(work)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
