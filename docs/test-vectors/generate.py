"""Make the test vectors in this folder (ran ONCE; the files are frozen).

    python docs/test-vectors/generate.py docs/test-vectors

Uses NAM Desktop itself (a fresh HQ vault and interviewer vault with fast key
derivation) to write a real bundle, key card, receipt and summary, then derives the
rejected bundles from the real one as an attacker would: decrypt with HQ's identity,
change one thing, sign with the key that attacker has, encrypt again to HQ's public
recipient. `expected.json` says what every verifier must answer; README.md explains it.
tests/unit/test_test_vectors.py checks the files' SHA-256 (they never change) and that
both `nam-desktop verify` and reference_verifier.py give exactly those verdicts.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pyrage
from PIL import Image

from nam_desktop.core.crypto import age_reader
from nam_desktop.core.crypto.age_writer import AgeWriter, encrypt_with_passphrase
from nam_desktop.core.crypto.device import DeviceIdentity
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import export, hq_identity, hq_import, keycard, receipt
from nam_desktop.core.exchange.bundle_format import (
    END,
    END_MAGIC,
    PREFIX,
    BundleParser,
    EntryMeta,
    sign_header,
)
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import Act, Consent, Interview, TestimonyDraft, Witness
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.summary import SummaryOptions, write_summary
from nam_desktop.core.vault.vault import Vault

PASS = "vector vault passphrase"
ID_PASS = "vector identity passphrase"


# What every verifier must answer (docs/bundle-format.md section 4, docs/cli.md): written
# by hand from the spec, for the file the generator makes under each name. "signer" is
# the expected signer given: "device" (facts.device_fingerprint) or none.
EXPECTED = [
    {"file": "bundle.age", "signer": "device", "verdict": "ok", "reason": None, "exit": 0},
    {"file": "bundle.age", "signer": None, "verdict": "signer_not_known", "reason": None,
     "exit": 9},
    {"file": "unknown-signer.age", "signer": None, "verdict": "signer_not_known",
     "reason": None, "exit": 9},
    {"file": "unknown-signer.age", "signer": "device", "verdict": "rejected",
     "reason": "unknown_signer", "exit": 1},
    {"file": "bad-signature.age", "signer": "device", "verdict": "rejected",
     "reason": "bad_signature", "exit": 1},
    {"file": "hash-mismatch.age", "signer": "device", "verdict": "rejected",
     "reason": "hash_mismatch", "exit": 1},
    {"file": "inconsistent-media.age", "signer": "device", "verdict": "rejected",
     "reason": "inconsistent", "exit": 1},
    {"file": "record-after-media.age", "signer": "device", "verdict": "rejected",
     "reason": "malformed", "exit": 1},
    {"file": "forged-fingerprint.age", "signer": "device", "verdict": "rejected",
     "reason": "malformed", "exit": 1},
    {"file": "timestamp-with-fraction.age", "signer": "device", "verdict": "rejected",
     "reason": "malformed", "exit": 1},
    {"file": "padding-not-zero.age", "signer": "device", "verdict": "rejected",
     "reason": "malformed", "exit": 1},
    {"file": "truncated-inner.age", "signer": "device", "verdict": "rejected",
     "reason": "truncated", "exit": 1},
    {"file": "damaged.age", "signer": "device", "verdict": "rejected", "reason": "damaged",
     "exit": 1},
    {"file": "version-3.age", "signer": "device", "verdict": "unsupported",
     "reason": "unsupported_version", "exit": 3},
    {"file": "wrong-recipient.age", "signer": "device", "verdict": "rejected",
     "reason": "wrong_recipient", "exit": 1},
    {"file": "v1/bundle-v1.age", "signer": "device-v1", "verdict": "ok", "reason": None,
     "exit": 0},
]


class Bodies:
    def __init__(self) -> None:
        self.bodies: dict[str, bytes] = {}
        self._cur = bytearray()

    def begin(self, entry: EntryMeta) -> None:
        self._cur = bytearray()

    def data(self, chunk: memoryview) -> None:
        self._cur += chunk

    def end(self, entry: EntryMeta) -> None:
        self.bodies[entry.id] = bytes(self._cur)


def photo() -> bytes:
    img = Image.new("RGB", (16, 12), (40, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "VectorCamera"
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90, exif=exif.tobytes())
    return buf.getvalue()


def seal(inner: bytes, recipient: str) -> bytes:
    out = io.BytesIO()
    w = AgeWriter(out, [recipient])
    w.write(inner)
    w.finish()
    return out.getvalue()


def main(out: Path) -> None:
    work = Path(tempfile.mkdtemp())
    clock = lambda: datetime(2026, 12, 1, 10, 0, 0, tzinfo=UTC)  # noqa: E731
    hq = Vault.create(work / "hq", PASS, kdf=MINIMUM_PARAMS, role="hq", clock=clock)
    TestimonyRepository(hq)
    ident = hq_identity.init_hq(hq)
    card = keycard.issue_keycard(hq, hq_name="Штаб НАМ (тэставы ключ)")
    iv = Vault.create(work / "iv", PASS, kdf=MINIMUM_PARAMS, clock=clock)
    keycard.pin_keycard(iv, card)
    hq_identity.register_device(hq, iv.device.fingerprint, "Vector interviewer")
    repo = TestimonyRepository(iv, clock=clock)
    tid = repo.add(TestimonyDraft(
        title="Затрыманне (тэставы запіс)",
        interview=Interview(date="2025-03-01", place="Вільнюс", languages=["be"]),
        consent=Consent(hq_documentation=True, anonymous_publication=True, method="oral",
                        given_date="2025-03-01"),
        witness=Witness(pseudonym="W-001"),
        acts=[Act(type="arbitrary_detention", date="2020-08", date_precision="month",
                  place="Мінск")],
        narrative="Тэставы аповед: no real person.",
    ))
    AttachmentService(iv, clock=clock).attach(tid, io.BytesIO(photo()), "фота.jpg")
    repo.finalize(tid)
    (work / "usb").mkdir()
    result = export.export_bundle(iv, work / "usb",
                                  export.ExportOptions(include_originals=True))
    [path] = result.paths
    shutil.copyfile(path, out / "bundle.age")
    hq_import.import_bundle(hq, [path])
    rec = receipt.issue_receipt(hq, iv.device.fingerprint)
    identities = "".join(f"{i}\n" for i in ident.identities)
    (out / "hq-identity.txt").write_text(identities, encoding="ascii")
    (out / "hq-identity.age").write_bytes(encrypt_with_passphrase(identities.encode(),
                                                                  ID_PASS.encode()))
    (out / "keycard.json").write_bytes(card)
    resaved = json.dumps(json.loads(card), ensure_ascii=False, indent=4).encode("utf-8")
    (out / "keycard-resaved.json").write_bytes(b"\xef\xbb\xbf" + resaved)
    (out / "receipt.json").write_bytes(rec)
    write_summary(iv, tid, out / "summary.pdf", SummaryOptions.make("pseudonymised", "be"),
                  clock=clock)

    # ---- rejected bundles, made from the real one --------------------------------------
    recipient = ident.recipients[0]
    plain = io.BytesIO()
    age_reader.decrypt(io.BytesIO(path.read_bytes()), plain,
                       [age_reader.parse_identity(i) for i in ident.identities])
    sink = Bodies()
    parser = BundleParser(sink)
    parser.write(plain.getvalue())
    # The rejected bundles carry no padding (readers do not check the size bucket), so
    # that each is a few kilobytes rather than 1 MiB.
    header = replace(parser.finish(), padding=0)
    bodies = sink.bodies
    device = iv.device
    stranger = DeviceIdentity(DeviceIdentity.generate_raw())

    def stream(h: object, signer: DeviceIdentity = device,
               body_of: dict[str, bytes] | None = None, tail: bytes | None = None) -> bytes:
        head, _ = sign_header(h, signer.sign)  # type: ignore[arg-type]
        b = body_of or bodies
        inner = head + b"".join(b[e.id] for e in h.entries)  # type: ignore[attr-defined]
        inner += END.pack(END_MAGIC, len(h.entries))  # type: ignore[attr-defined]
        return inner + (bytes(h.padding) if tail is None else tail)  # type: ignore[attr-defined]

    def write(name: str, inner: bytes, to: str = recipient) -> None:
        (out / name).write_bytes(seal(inner, to))

    good = stream(header)
    tampered = bytearray(good)
    at = tampered.index(b'"seq":1') + 6
    tampered[at] = ord("7")
    write("bad-signature.age", bytes(tampered))
    write("unknown-signer.age", stream(replace(header, device_public_key=stranger.public_key),
                                       stranger))
    cleaned = next(e for e in header.entries if e.id.endswith("/cleaned"))
    changed = dict(bodies)
    changed[cleaned.id] = bodies[cleaned.id][:-1] + bytes([bodies[cleaned.id][-1] ^ 1])
    write("hash-mismatch.age", stream(header, body_of=changed))
    other = b"another file, not the cleaned photo"
    import hashlib

    swapped = dict(bodies)
    swapped[cleaned.id] = other
    entries = tuple(EntryMeta(e.id, e.kind, len(other), hashlib.sha256(other).hexdigest())
                    if e.id == cleaned.id else e for e in header.entries)
    write("inconsistent-media.age", stream(replace(header, entries=entries), body_of=swapped))
    reordered = tuple(sorted(header.entries, key=lambda e: e.kind != "media"))
    write("record-after-media.age", stream(replace(header, entries=reordered)))
    forged = header.encode().replace(header.device_fingerprint.encode(),
                                     stranger.fingerprint.encode())
    prefix = PREFIX.pack(b"NAMBUNDL", 2, len(forged))
    sig = device.sign(b"nam-desktop bundle signature v1\x00" + prefix + forged)
    rest = good[PREFIX.size + len(header.encode()) + 64:]
    write("forged-fingerprint.age", prefix + forged + sig + rest)
    write("timestamp-with-fraction.age",
          stream(replace(header, created_at=header.created_at[:-1] + ".123Z")))
    v3 = header.encode().replace(b'"version":2', b'"version":3')
    prefix3 = PREFIX.pack(b"NAMBUNDL", 3, len(v3))
    write("version-3.age", prefix3 + v3 + device.sign(
        b"nam-desktop bundle signature v1\x00" + prefix3 + v3) + rest)
    write("wrong-recipient.age", good, str(pyrage.x25519.Identity.generate().to_public()))
    damaged = bytearray(seal(good, recipient))
    damaged[len(damaged) - 100] ^= 0x40  # in the last age chunk, after the header
    (out / "damaged.age").write_bytes(bytes(damaged))
    write("truncated-inner.age", good[:-5])
    padded = replace(header, padding=64)
    write("padding-not-zero.age", stream(padded, tail=bytes(63) + b"\x01"))

    facts = {
        "device_fingerprint": device.fingerprint,
        "device_public_key": device.public_key.hex(),
        "stranger_fingerprint": stranger.fingerprint,
        "hq_root_fingerprint": ident.root_fingerprint,
        "hq_recipient": recipient,
        "receipt_public_key": ident.receipt.public_key.hex(),
        "bundle_digest": result.digest,
        "bundle_file_sha256": result.file_sha256,
        "testimony_id": tid,
        "identity_passphrase": ID_PASS,
    }
    (out / "facts.json").write_text(json.dumps(facts, indent=1, sort_keys=True) + "\n")
    (out / "expected.json").write_text(json.dumps(EXPECTED, indent=1) + "\n")
    iv.close()
    hq.close()
    shutil.rmtree(work)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
