"""``nam-desktop summary``: write a signed PDF summary, or verify one.

    nam-desktop summary DIR TESTIMONY_ID --out FILE.pdf [--redaction ...] [--lang ...]
    nam-desktop summary verify FILE.pdf [SIG] [--ca HQ_CA.pem | --vault DIR]
                                              [--expect-fingerprint FP]

Summaries are signed inside the PDF (PAdES); ``verify`` also reads summaries made before
issue 17, which have a detached ``FILE.pdf.sig``.

The first positional is either the word ``verify`` or the vault folder (write
``./verify`` for a vault folder of that name).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nam_desktop.commands.common import add_passphrase_option, open_vault, print_json
from nam_desktop.commands.exit_codes import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_SIGNER_NOT_KNOWN,
    EXIT_UNSUPPORTED,
)
from nam_desktop.core import fileio
from nam_desktop.core.errors import MalformedFileError, UnsupportedFormatError, ValidationError

USAGE = ("nam-desktop summary DIR TESTIMONY_ID --out FILE.pdf [--redaction LEVEL] "
         "[--lang en|ru|be] [--paper a4|letter]\n"
         "       nam-desktop summary verify FILE.pdf [SIG] [--ca HQ_CA.pem | --vault DIR] "
         "[--expect-fingerprint FP]")
WARNINGS = {
    "consent_withdrawn": "the witness has withdrawn consent: do not share this summary",
    "draft": "the record is a draft (not finalised)",
    "no_publication_consent": "the witness has not consented to anonymous publication",
    "identity_in_free_text": "free text contains the witness's recorded name or contacts",
    "media_damaged": "an attached file failed its integrity check in the vault (missing, "
                     "damaged or altered); the PDF says so. Run `vault check`",
}
PROBLEMS = {
    "pdf_changed": "the PDF is not the one that was signed (changed or replaced)",
    "bad_signature": "the signature is not valid",
    "fingerprint_mismatch": "the fingerprint in the signature file does not match its key",
    "unexpected_device": "signed by a different device than expected",
    "not_signed": "the PDF has no signature (and no .sig file was found beside it)",
    "changed_after_signing": "the PDF was changed after it was signed (bytes added or "
                             "altered, another signature or an incremental update)",
    "not_locked": "the signature does not forbid changes (not a NAM Desktop summary "
                  "signature: DocMDP 'no changes allowed' is missing)",
    "untrusted_certificate": "the signer's certificate was not issued by the HQ CA given "
                             "(another CA, or self-signed: not certified by HQ)",
    "content_missing": "the signed content (nam-summary-content.json) is missing or not "
                       "canonical JSON",
    "content_mismatch": "the attached content does not hash to the content_sha256 the "
                        "signed PDF names",
    "key_statement_invalid": "the device's key statement (nam-device-key.json) is missing, "
                             "does not verify, or names another key",
}
MAX_PDF = 512 * 2**20


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("summary", usage=USAGE,
                       help="write a signed PDF summary of a testimony, or verify one")
    p.add_argument("first", metavar="DIR|verify", help="vault folder, or the word 'verify'")
    p.add_argument("second", metavar="TESTIMONY_ID|FILE.pdf")
    p.add_argument("third", metavar="SIG", nargs="?",
                   help="verify: signature file (default FILE.pdf.sig)")
    p.add_argument("--out", type=Path, metavar="FILE.pdf",
                   help="where to write the PDF; FILE.pdf.sig is written beside it")
    p.add_argument("--redaction", choices=("full", "pseudonymised", "public"),
                   default="pseudonymised")
    p.add_argument("--lang", choices=("en", "ru", "be"), default="en")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    p.add_argument("--notes", action="store_true", help="include interviewer notes")
    p.add_argument("--no-thumbnails", action="store_true", help="leave out image thumbnails")
    p.add_argument("--force", action="store_true", help="replace an existing FILE.pdf")
    p.add_argument("--expect-fingerprint", metavar="FP",
                   help="verify: also require this device fingerprint")
    p.add_argument("--ca", type=Path, metavar="HQ_CA.pem",
                   help="verify: HQ's CA certificate (`hq ca-cert`); the signer must chain "
                        "to it")
    p.add_argument("--vault", metavar="DIR",
                   help="verify: use the HQ CA certificate this vault knows (HQ's own, or "
                        "the one a key card brought); asks for its passphrase")
    p.add_argument("--json", action="store_true")
    add_passphrase_option(p)
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    if args.first == "verify":
        return _verify(args)
    if args.third is not None:
        raise ValidationError("arguments", "unexpected third argument (did you mean verify?)")
    return _write(args)


def _write(args: argparse.Namespace) -> int:
    # Imported here: reportlab costs ~0.2 s, which every other command would pay.
    from nam_desktop.core.summary import (
        SummaryOptions,
        make_summary,
        save_summary,
    )

    out: Path | None = args.out
    if out is None:
        raise ValidationError("--out", "required: where to write the PDF")
    if not args.force and out.exists():
        raise ValidationError("--out", "file exists (use --force to replace it)")
    options = SummaryOptions.make(args.redaction, args.lang, include_notes=args.notes)
    args.dir = args.first
    with open_vault(args) as vault:
        summary = make_summary(vault, args.second, options, args.paper,
                               thumbnails=not args.no_thumbnails)
        save_summary(vault, summary, out)
    for code in summary.warnings:
        print(f"nam-desktop: warning: {WARNINGS.get(code, code)}", file=sys.stderr)
    if args.json:
        print_json({"pdf": str(out), "verification_code": summary.verification_code,
                    "content_sha256": summary.content_sha256,
                    "certified": summary.certified,
                    "redaction": summary.redaction, "warnings": summary.warnings})
    else:
        how = ("signed with HQ's certificate" if summary.certified else
               "signed with a self-signed certificate: not yet certified by HQ")
        print(f"wrote {out} ({summary.redaction}), {how}")
        print(f"verification code {summary.verification_code}")
    # Written and marked, but a script must not take it for a clean summary.
    return EXIT_FAILED if "media_damaged" in summary.warnings else EXIT_OK


def _read(path: Path, limit: int) -> bytes:
    try:
        with fileio.open_read(path) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise ValidationError(str(path), f"cannot read: {exc.strerror}") from exc
    if len(data) > limit:
        raise ValidationError(str(path), "file too large")
    return data


def _verify(args: argparse.Namespace) -> int:
    # Imported here: reportlab and pyHanko cost time every other command would pay.
    from nam_desktop.core.summary import signature_path
    from nam_desktop.core.summary.pdf_verify import signature_count, verify_summary
    from nam_desktop.core.summary.signature import MAX_SIGNATURE_FILE

    if args.out is not None:
        raise ValidationError("--out", "not used with verify")
    if args.ca is not None and args.vault is not None:
        raise ValidationError("--ca", "give --ca or --vault, not both")
    pdf_path = Path(args.second)
    pdf = _read(pdf_path, MAX_PDF)
    ca = _read(args.ca, MAX_SIGNATURE_FILE) if args.ca is not None else None
    if args.vault is not None:
        ca = _vault_ca(args)
    try:
        sig = None
        if args.third is not None or not signature_count(pdf):
            sig_path = Path(args.third) if args.third else signature_path(pdf_path)
            if args.third is not None or sig_path.exists():
                sig = _read(sig_path, MAX_SIGNATURE_FILE)
        result = verify_summary(pdf, sig, ca=ca, expected_fingerprint=args.expect_fingerprint)
    except MalformedFileError as exc:
        print(f"NOT VERIFIED: unreadable file: {exc.detail}", file=sys.stderr)
        return EXIT_FAILED
    except UnsupportedFormatError as exc:
        print(f"NOT VERIFIED: {exc.detail}", file=sys.stderr)
        return EXIT_UNSUPPORTED
    known = result.ok and not result.signer_known
    if args.json:
        print_json(result.to_dict())
    else:
        head = ("intact, SIGNER NOT CHECKED" if known else
                "verified" if result.ok else "NOT VERIFIED")
        print(f"{head}: record {result.record_id} revision {result.revision}, "
              f"redaction {result.redaction}, created {result.created_at}")
        print(f"signed by device {result.fingerprint}")
        if result.kind == "pades":
            print(f"signature inside the PDF (PAdES), certificate: {result.signer_name}"
                  + (f", issued by {result.ca_name}" if result.certified else ""))
            print("the attached content hashes to content_sha256 "
                  f"{result.content_sha256 or '(missing)'}")
        print(f"verification code {result.verification_code} "
              "(compare with the code printed on the summary)")
        if known:
            print("nothing said who had to sign: give HQ's CA (--ca HQ_CA.pem, from "
                  "`hq ca-cert`) or the device fingerprint HQ registered "
                  "(--expect-fingerprint)", file=sys.stderr)
        for problem in result.problems:
            print(f"problem: {PROBLEMS.get(problem.value, problem.value)}", file=sys.stderr)
    if known:
        return EXIT_SIGNER_NOT_KNOWN
    return EXIT_OK if result.ok else EXIT_FAILED


def _vault_ca(args: argparse.Namespace) -> bytes:
    """HQ's CA certificate as the vault knows it: an HQ vault's own, an interviewer's
    from the last key card."""
    from nam_desktop.core.exchange import hq_ca
    from nam_desktop.core.pades import device_store

    args.dir = args.vault
    with open_vault(args) as vault:
        if vault.role == "hq":
            return hq_ca.ensure_ca(vault).certificate
        pdf = device_store.load(vault)
    if pdf is None or pdf.ca_certificate is None:
        raise ValidationError("--vault", "this vault knows no HQ CA certificate yet (it "
                              "comes with a key card from HQ): give --ca HQ_CA.pem")
    return pdf.ca_certificate
