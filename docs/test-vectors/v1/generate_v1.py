"""Make the version 1 test vectors with the program as it was released (ran ONCE).

These files were written by NAM Desktop at commit 1a796a4 (the last commit that wrote
bundle, key card and receipt format version 1), not by the code that reads them today:

    git archive 1a796a4 nam_desktop | tar -x -C /tmp/nam-1a796a4
    PYTHONPATH=/tmp/nam-1a796a4 PYTHONDONTWRITEBYTECODE=1 python generate_v1.py OUTDIR VAULTDIR

OUTDIR receives bundle-v1.age, hq-identity-v1.txt, keycard-v1.json, receipt-v1.json and
facts-v1.json; VAULTDIR the interviewer's vault (a vault that existed before canonical
JSON was unified: its key slot and audit chain must still verify). The outputs are
frozen: tests/unit/test_test_vectors.py checks their SHA-256. Do not run this again.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

from PIL import Image

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import export, hq_identity, hq_import, keycard, receipt
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import Act, Consent, Interview, TestimonyDraft, Witness
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

PASSPHRASE = "legacy vault passphrase v1"


def photo() -> bytes:
    img = Image.new("RGB", (16, 12), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "VectorCamera"  # Make: removed by cleaning
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90, exif=exif.tobytes())
    return buf.getvalue()


def main(out: Path, vault_dir: Path) -> None:
    work = out / "_work"
    hq = Vault.create(work / "hq", PASSPHRASE, kdf=MINIMUM_PARAMS, role="hq")
    TestimonyRepository(hq)
    hq_identity.init_hq(hq)
    card = keycard.issue_keycard(hq, hq_name="Штаб НАМ (тэставы ключ)")
    iv = Vault.create(vault_dir, PASSPHRASE, kdf=MINIMUM_PARAMS, interviewer="I-01")
    keycard.pin_keycard(iv, card)
    hq_identity.register_device(hq, iv.device.fingerprint, "Test interviewer")
    repo = TestimonyRepository(iv)
    tid = repo.add(TestimonyDraft(
        title="Затрыманне (тэставы запіс)",
        interview=Interview(date="2025-03-01", place="Вільнюс", languages=["be"]),
        consent=Consent(hq_documentation=True, method="oral", given_date="2025-03-01"),
        witness=Witness(pseudonym="W-001"),
        acts=[Act(type="arbitrary_detention", date="2020-08-09", date_precision="exact",
                  place="Мінск")],
        narrative="Тэставы аповед: no real person.",
    ))
    AttachmentService(iv).attach(tid, io.BytesIO(photo()), "фота.jpg")
    repo.finalize(tid)
    (work / "usb").mkdir()
    result = export.export_bundle(iv, work / "usb")
    [path] = result.paths
    shutil.copyfile(path, out / "bundle-v1.age")
    imported = hq_import.import_bundle(hq, [path])
    rec = receipt.issue_receipt(hq, iv.device.fingerprint)
    ident = hq_identity.load_hq(hq)
    (out / "hq-identity-v1.txt").write_text("".join(f"{i}\n" for i in ident.identities))
    (out / "keycard-v1.json").write_bytes(card)
    (out / "receipt-v1.json").write_bytes(rec)
    facts = {
        "device_fingerprint": iv.device.fingerprint,
        "device_public_key": iv.device.public_key.hex(),
        "hq_root_fingerprint": ident.root_fingerprint,
        "receipt_public_key": ident.receipt.public_key.hex(),
        "bundle_digest": result.digest,
        "bundle_id": result.bundle_id,
        "testimony_id": tid,
        "imported_testimonies": imported.testimonies,
        "vault_passphrase": PASSPHRASE,
        "audit_head": iv.audit.head(),
    }
    (out / "facts-v1.json").write_text(json.dumps(facts, indent=1, sort_keys=True) + "\n")
    iv.close()
    hq.close()
    shutil.rmtree(work)
    (vault_dir / "vault.lock").unlink(missing_ok=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
