"""Summaries signed inside the PDF (PAdES), checked by outside tools as a lawyer would:
poppler's ``pdfsig`` with an NSS database holding HQ's CA (``certutil``), the pyHanko
CLI with ``--trust HQ_CA.pem``, and ``nam-desktop summary verify``. A byte changed in the
signed range, an incremental update appended after signing and a certificate from
another CA are each reported invalid by all of them."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from summary_fixtures import BE_TEXT, RU_TEXT, Sample, make_sample, need, pdftotext

from nam_desktop.cli import run
from nam_desktop.core.canonical import loads
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import hq_ca, hq_identity
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.pades import certs, device_store, hanko
from nam_desktop.core.summary import SummaryOptions, verify_summary, write_summary
from nam_desktop.core.summary.canonical import qr_payload, verification_code
from nam_desktop.core.vault.vault import Vault

PASS = "correct horse battery"
NAME = "Інтэрв'юерка Ганна К."


@dataclass
class Hq:
    vault: Vault
    ca_pem: Path


def make_hq(folder: Path, out: Path) -> Hq:
    vault = Vault.create(folder, PASS, kdf=MINIMUM_PARAMS, role="hq")
    TestimonyRepository(vault)
    hq_identity.init_hq(vault)
    out.write_bytes(hq_ca.load_ca(vault).pem)  # type: ignore[union-attr]
    return Hq(vault, out)


def certify(hq: Hq, device: Vault, name: str = NAME) -> None:
    """What registration, import and the key card do (tested end to end in
    tests/integration/exchange/test_pdf_certificates.py), in three calls."""
    hq_identity.register_device(hq.vault, device.device.public_key.hex(), name)
    point = device_store.ensure(device).key.point
    cert = hq_ca.learn_pdf_key(hq.vault, device.device.fingerprint, point)
    assert cert is not None
    ca = hq_ca.load_ca(hq.vault)
    assert ca is not None
    assert device_store.install_certificate(device, ca.certificate, cert)


@pytest.fixture
def hq(tmp_path: Path) -> Hq:
    made = make_hq(tmp_path / "hq", tmp_path / "HQ_CA.pem")
    yield made  # type: ignore[misc]
    made.vault.close()


@pytest.fixture
def signed(sample: Sample, hq: Hq, tmp_path: Path) -> Path:
    certify(hq, sample.vault)
    out = tmp_path / "summary.pdf"
    write_summary(sample.vault, sample.testimony_id, out,
                  SummaryOptions.make("pseudonymised", "be"))
    return out


def pdfsig(pdf: Path, nss: Path | None = None) -> str:
    argv = [need("pdfsig")] + (["-nssdir", f"sql:{nss}"] if nss else []) + [str(pdf)]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def nss_db(tmp_path: Path, ca_pem: Path) -> Path:
    """A fresh NSS database that trusts HQ's CA, as a lawyer's reader would."""
    certutil = shutil.which("certutil")
    if certutil is None:
        pytest.skip("certutil (libnss3-tools) is not installed")
    db = tmp_path / "nss"
    db.mkdir()
    subprocess.run([certutil, "-N", "-d", f"sql:{db}", "--empty-password"], check=True,
                   capture_output=True)
    subprocess.run([certutil, "-A", "-d", f"sql:{db}", "-n", "NAM HQ CA", "-t", "C,C,C",
                    "-i", str(ca_pem)], check=True, capture_output=True)
    return db


def pyhanko_validate(pdf: Path, ca_pem: Path) -> tuple[int, str]:
    tool = shutil.which("pyhanko") or str(Path(__import__("sys").executable).parent / "pyhanko")
    if not Path(tool).exists():
        pytest.skip("the pyhanko CLI (pyhanko-cli) is not installed")
    done = subprocess.run([tool, "sign", "validate", "--pretty-print", "--trust",
                           str(ca_pem), "--trust-replace", str(pdf)],
                          capture_output=True, text=True, check=False)
    return done.returncode, done.stdout + done.stderr


def verify_cli(pdf: Path, ca_pem: Path) -> int:
    return run(["summary", "verify", str(pdf), "--ca", str(ca_pem)])


# ---- a good summary ----------------------------------------------------------------------

def test_pdfsig_says_valid_and_trusted_with_hq_ca(signed: Path, hq: Hq, tmp_path: Path) -> None:
    plain = pdfsig(signed)
    assert "Signature is Valid" in plain
    assert "ETSI.CAdES.detached" in plain and "Total document signed" in plain
    assert "Certificate issuer isn't Trusted" in plain  # NSS does not know HQ's CA yet
    trusted = pdfsig(signed, nss_db(tmp_path, hq.ca_pem))
    assert "Signature is Valid" in trusted and "Certificate is Trusted" in trusted
    assert NAME in trusted  # the subject: the name HQ registered


def test_pyhanko_and_summary_verify_accept_it(signed: Path, hq: Hq, sample: Sample,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out = pyhanko_validate(signed, hq.ca_pem)
    assert code == 0 and "The signature is judged VALID" in out, out
    assert "The signer's certificate is trusted" in out
    assert run(["summary", "verify", str(signed), "--ca", str(hq.ca_pem), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["ok"], result["certified"], result["signer_name"]) == (True, True, NAME)
    assert result["fingerprint"] == sample.vault.device.fingerprint


def test_what_is_signed_is_in_the_pdf(signed: Path, sample: Sample) -> None:
    """The content JSON is attached (associated file), so anyone recomputes content_sha256
    and the verification code from the PDF alone; the certification forbids changes."""
    reader = hanko.PdfFileReader(io.BytesIO(signed.read_bytes()))
    names = {}
    for item in reader.root["/AF"]:
        spec = item.get_object()
        names[str(spec["/UF"])] = (str(spec["/AFRelationship"]), spec["/EF"]["/F"].data)
    relation, raw = names["nam-summary-content.json"]
    assert relation == "/Data" and names["nam-device-key.json"][0] == "/Supplement"
    digest = hashlib.sha256(raw).hexdigest()
    content = loads(raw)
    assert content["record_id"] == sample.testimony_id and content["lang"] == "be"
    text = pdftotext(signed)
    assert verification_code(digest) in text
    (sig,) = reader.embedded_signatures
    assert sig.docmdp_level is hanko.MDPPerm.NO_CHANGES
    assert qr_payload(digest).startswith("NAM-SUMMARY:SHA256:")


def test_text_fonts_pages_and_signature_block_survive_signing(signed: Path,
                                                               sample: Sample) -> None:
    text = " ".join(pdftotext(signed).split())
    assert BE_TEXT in text and RU_TEXT in text
    assert "Старонка 1 з" in text
    last = text.rsplit("Электронны подпіс гэтага PDF (PAdES)", 1)[1]
    assert sample.vault.device.fingerprint in last and NAME in last
    assert "ПСЕЎДАНІМІЗАВАНЫ" in last
    fonts = subprocess.run([need("pdffonts"), str(signed)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" and "DejaVuSans" in line for line in fonts)


def test_qr_code_still_decodes_after_signing(signed: Path, tmp_path: Path) -> None:
    zbarimg = need("zbarimg")
    prefix = tmp_path / "page"
    subprocess.run([need("pdftoppm"), "-r", "200", "-png", str(signed), str(prefix)],
                   check=True, capture_output=True)
    found = []
    for page in sorted(tmp_path.glob("page*.png")):
        done = subprocess.run([zbarimg, "--quiet", "--raw", str(page)], capture_output=True,
                              text=True, check=False)
        found += done.stdout.split()
    digest = verify_summary(signed.read_bytes()).content_sha256
    assert qr_payload(digest) in found


def test_not_yet_certified_says_so(sample: Sample, hq: Hq, tmp_path: Path) -> None:
    out = tmp_path / "self.pdf"
    summary = write_summary(sample.vault, sample.testimony_id, out)
    assert not summary.certified
    assert "not yet certified by HQ" in " ".join(pdftotext(out).split())
    assert "Signature is Valid" in pdfsig(out)
    assert "Certificate is Trusted" not in pdfsig(out, nss_db(tmp_path, hq.ca_pem))
    assert verify_cli(out, hq.ca_pem) == 1  # HQ's CA was asked for: not certified
    fingerprint = sample.vault.device.fingerprint
    assert run(["summary", "verify", str(out), "--expect-fingerprint", fingerprint]) == 0


# ---- what must fail ----------------------------------------------------------------------

def test_a_byte_changed_in_the_signed_range(signed: Path, hq: Hq, tmp_path: Path) -> None:
    data = signed.read_bytes()
    (sig,) = hanko.PdfFileReader(io.BytesIO(data)).embedded_signatures
    _, first, second, _ = sig.byte_range
    for offset in (first // 2, first - 10, second + 10):  # page content, before/after /Contents
        changed = bytearray(data)
        changed[offset] ^= 0x20 if chr(changed[offset]).isalpha() else 0x01
        bad = tmp_path / f"changed-{offset}.pdf"
        bad.write_bytes(bytes(changed))
        assert "Signature is Valid" not in pdfsig(bad), offset
        code, out = pyhanko_validate(bad, hq.ca_pem)
        assert code != 0 or "judged VALID" not in out, offset
        assert verify_cli(bad, hq.ca_pem) == 1, offset


def test_an_incremental_update_after_signing(signed: Path, hq: Hq, tmp_path: Path) -> None:
    writer = hanko.IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()))
    writer.root["/Lang"] = hanko.generic.TextStringObject("en")  # a harmless-looking change
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    bad = tmp_path / "updated.pdf"
    bad.write_bytes(out.getvalue())
    assert "Not total document signed" in pdfsig(bad)  # poppler: the new bytes are unsigned
    code, text = pyhanko_validate(bad, hq.ca_pem)
    assert code != 0 and "judged VALID" not in text, text
    assert verify_cli(bad, hq.ca_pem) == 1
    result = verify_summary(bad.read_bytes(), ca=hq.ca_pem.read_bytes())
    assert [p.value for p in result.problems] == ["changed_after_signing"]


def test_a_certificate_from_another_ca(sample: Sample, hq: Hq, tmp_path: Path) -> None:
    other = make_hq(tmp_path / "other-hq", tmp_path / "OTHER_CA.pem")
    try:
        certify(other, sample.vault, "Someone else")
    finally:
        other.vault.close()
    out = tmp_path / "other.pdf"
    write_summary(sample.vault, sample.testimony_id, out)
    nss = nss_db(tmp_path, hq.ca_pem)
    report = pdfsig(out, nss)
    assert "Signature is Valid" in report and "Certificate is Trusted" not in report
    code, text = pyhanko_validate(out, hq.ca_pem)
    assert code != 0 and "judged VALID" not in text
    assert verify_cli(out, hq.ca_pem) == 1
    assert verify_cli(out, other.ca_pem) == 0  # control: its own CA trusts it
    assert certs.subject_of(certs.load(certs.load_der_or_pem(
        other.ca_pem.read_bytes()))).common_name == certs.CA_COMMON_NAME


def test_a_pdf_without_signature_is_not_verified(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from nam_desktop.core.summary.render import render_pdf

    content = {"record_id": "x", "revision": 1, "status": "final", "redaction": "public",
               "lang": "en", "created_at": "2026-01-01T00:00:00Z", "device_fingerprint": "",
               "audit_head": "0" * 64, "interview": {"date": "", "mode": "", "languages": []},
               "consent": {k: False for k in ("hq_documentation", "anonymous_publication",
                                              "legal_proceedings", "audio_recording",
                                              "anonymity_requested", "may_recontact")}
               | {"given_date": "", "method": "", "withdrawn_at": ""},
               "witness": {"pseudonym": "", "gender": "", "age_group": "", "role": "other"},
               "acts": [], "attachments": [], "warnings": []}
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(render_pdf(content, "0" * 64))
    assert run(["summary", "verify", str(plain)]) == 1
    assert "no signature" in capsys.readouterr().err
    assert run(["summary", "verify", str(tmp_path / "nowhere.pdf")]) == 2
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7\nnot really")
    assert run(["summary", "verify", str(junk)]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_the_vault_knows_its_ca(sample: Sample, hq: Hq, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """``--vault DIR``: the HQ CA certificate the key card brought (or HQ's own)."""
    certify(hq, sample.vault)
    out = tmp_path / "s.pdf"
    write_summary(sample.vault, sample.testimony_id, out)
    hq_dir = hq.vault.folder
    hq.vault.close()
    monkeypatch.setenv("NAM_PASSPHRASE", PASS)
    assert run(["summary", "verify", str(out), "--vault", str(hq_dir)]) == 0
    device_dir = sample.vault.folder
    sample.vault.close()
    assert run(["summary", "verify", str(out), "--vault", str(device_dir)]) == 0


def test_old_vault_gets_its_pdf_key_at_first_need(sample: Sample) -> None:
    """A vault made before migration 0008 has no PDF key: the first summary makes one,
    and the audit log says when."""
    with sample.vault.transaction() as c:
        c.execute("DELETE FROM pdf_signing_key")
    summary = write_summary(sample.vault, sample.testimony_id,
                            sample.vault.folder.parent / "first.pdf")
    created = [e for e in sample.vault.audit.entries() if e.action == "device.pdf_key_created"]
    assert sorted((e.seq, e.details["reason"]) for e in created)[-1][1] == "first_need"
    assert {e.details["reason"] for e in created} == {"vault_created", "first_need"}
    assert verify_summary(summary.pdf,
                          expected_fingerprint=sample.vault.device.fingerprint).ok


def test_hq_ca_cert_command(hq: Hq, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = hq.vault.folder
    expected = hq.ca_pem.read_bytes()
    hq.vault.close()
    monkeypatch.setenv("NAM_PASSPHRASE", PASS)
    out = tmp_path / "exported.pem"
    assert run(["hq", "ca-cert", str(folder), "--out", str(out)]) == 0
    assert out.read_bytes() == expected and out.read_bytes().startswith(b"-----BEGIN CERT")
    assert run(["hq", "ca-cert", str(folder), "--out", str(out)]) == 2  # exists
    assert "NAM Desktop HQ CA" in capsys.readouterr().out


def test_make_sample_is_reusable(vault: Vault) -> None:
    """The fixture helpers above start from the same sample as the other summary tests."""
    assert make_sample(vault).testimony_id
