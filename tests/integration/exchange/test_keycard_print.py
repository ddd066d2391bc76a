"""The printable key card: one page, the root fingerprint and the words as text (pdftotext
as the oracle), and a QR code that decodes back to the card (zbarimg as the oracle)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from nam_desktop.cli import run
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.exchange import hq_identity, keycard
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.keycard_print import keycard_pdf, qr_code, qr_text
from nam_desktop.core.vault.vault import Vault

from .conftest import PASS

Cli = Callable[..., tuple[int, str, str]]
FP = re.compile(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){5}")


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed")
    return path


def pdftotext(pdf: Path) -> str:
    return subprocess.run([need("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def decode_qr(pdf: Path, tmp_path: Path) -> str:
    """Render the page (pdftoppm) and read the QR code back (zbarimg, Debian zbar-tools)."""
    zbarimg = need("zbarimg")
    prefix = tmp_path / "page"
    subprocess.run([need("pdftoppm"), "-r", "200", "-png", "-singlefile", str(pdf),
                    str(prefix)], check=True, capture_output=True)
    out = subprocess.run([zbarimg, "--quiet", "--raw", "-Sbinary", f"{prefix}.png"],
                         check=True, capture_output=True).stdout
    return out.decode("ascii").rstrip("\n")


def pages(data: bytes) -> int:
    with pikepdf.open(io.BytesIO(data)) as doc:
        return len(doc.pages)


def test_page_shows_the_fingerprint_and_the_words(hq_vault: Vault, tmp_path: Path) -> None:
    card = keycard.issue_keycard(hq_vault, hq_name="Штаб «Вясна»")
    root = keycard.parse_keycard(card).root_fingerprint
    pdf = tmp_path / "card.pdf"
    pdf.write_bytes(keycard_pdf(card, lang="be"))
    assert pages(pdf.read_bytes()) == 1
    text = pdftotext(pdf)
    assert root in text  # in one piece, on one line
    assert "Штаб «Вясна»" in text
    assert "Ключавая картка штаба" in text and "№ 1" in text
    assert "лічбы 2–7" in text


def test_the_qr_code_decodes_to_the_card(hq_vault: Vault, tmp_path: Path) -> None:
    card = keycard.issue_keycard(hq_vault, hq_name="Штаб «Вясна»")
    pdf = tmp_path / "card.pdf"
    pdf.write_bytes(keycard_pdf(card))
    decoded = decode_qr(pdf, tmp_path)
    assert decoded == qr_text(card)
    scanned = keycard.parse_keycard(decoded.encode("ascii"))  # a scan imports like the file
    original = keycard.parse_keycard(card)
    assert (scanned.root_public_key, scanned.serial, scanned.recipients,
            scanned.receipt_public_key) == (original.root_public_key, original.serial,
                                            original.recipients, original.receipt_public_key)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_languages_and_letter_paper(hq_vault: Vault, tmp_path: Path, lang: str) -> None:
    card = keycard.issue_keycard(hq_vault, accept_originals=False)
    pdf = tmp_path / "card.pdf"
    pdf.write_bytes(keycard_pdf(card, lang=lang, paper="letter"))
    text = pdftotext(pdf)
    words = {"en": ("HQ root fingerprint", "not accepted"),
             "ru": ("Отпечаток корневого ключа штаба", "не принимаются")}[lang]
    assert all(w in text for w in words)
    with pikepdf.open(pdf) as doc:
        box = [float(x) for x in doc.pages[0].mediabox]
    assert box[2:] == pytest.approx([612, 792])


def largest_card(hq: Vault) -> bytes:
    for _ in range(15):
        hq_identity.rotate_recipient(hq)  # 16 recipients: the format's maximum
    return keycard.issue_keycard(hq, hq_name="Ў" * 200)  # escaped: 6 bytes a letter


def test_largest_card_still_fits_one_qr_code_on_one_page(hq_vault: Vault) -> None:
    card = largest_card(hq_vault)
    code = qr_code(qr_text(card))
    assert 2000 < len(qr_text(card)) <= 2953 and code.version <= 40
    assert len(code.matrix) == 17 + 4 * code.version + 2 * 4  # modules + quiet zone
    assert pages(keycard_pdf(card)) == 1
    text = qr_text(card)  # the card in compact JSON: still a valid, signed card
    assert " " not in text and "\n" not in text
    assert keycard.parse_keycard(text.encode("ascii")).recipients == \
        keycard.parse_keycard(card).recipients


def test_largest_card_decodes(hq_vault: Vault, tmp_path: Path) -> None:
    need("zbarimg")
    card = largest_card(hq_vault)
    pdf = tmp_path / "big.pdf"
    pdf.write_bytes(keycard_pdf(card))
    assert decode_qr(pdf, tmp_path) == qr_text(card)


def test_a_card_too_large_for_a_qr_code_is_refused_clearly(hq_vault: Vault) -> None:
    for _ in range(4):  # 5 recipients
        hq_identity.rotate_recipient(hq_vault)
    # The longest name a card allows, in letters that take 12 bytes escaped (QR is ASCII).
    card = keycard.issue_keycard(hq_vault, hq_name="\U0001f54a" * keycard.MAX_NAME)
    with pytest.raises(ExchangeError) as info:
        keycard_pdf(card)
    assert info.value.reason is Reason.OVERSIZE
    assert "too large for a QR code" in str(info.value)


def test_only_valid_cards_are_printed(hq_vault: Vault) -> None:
    card = keycard.issue_keycard(hq_vault)
    with pytest.raises(ExchangeError) as info:
        keycard_pdf(card.replace(b'"serial": 1', b'"serial": 2'))  # signature breaks
    assert info.value.reason is Reason.KEYCARD_INVALID
    with pytest.raises(ValidationError):
        keycard_pdf(card, lang="de")
    with pytest.raises(ValidationError):
        keycard_pdf(card, paper="a5")


# ---- command line ------------------------------------------------------------------------

@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    monkeypatch.setenv("NAM_PASSPHRASE", PASS)

    def call(*argv: object) -> tuple[int, str, str]:
        code = run([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def test_cli_writes_the_card_and_its_printable_page(cli: Cli, tmp_path: Path) -> None:
    hq = tmp_path / "hq"
    code, out, err = cli("hq", "init", hq, "--fast-kdf")
    assert code == 0, err
    root = FP.search(out.split("root fingerprint")[1]).group(0)  # type: ignore[union-attr]
    card, pdf = tmp_path / "card.json", tmp_path / "card.pdf"
    code, out, err = cli("hq", "keycard", hq, "--out", card, "--name", "HQ", "--pdf", pdf,
                         "--lang", "ru")
    assert code == 0, err
    assert f"printable key card written to {pdf}" in out and root in out
    assert keycard.parse_keycard(card.read_bytes()).serial == 1
    text = pdftotext(pdf)
    assert root in text and "Ключевая карта № 1" in text

    # existing files are never replaced, and no card number is used up for nothing
    code, _, err = cli("hq", "keycard", hq, "--out", tmp_path / "new.json", "--pdf", pdf)
    assert code == 2 and "already exists" in err
    assert not (tmp_path / "new.json").exists()
    code, _, err = cli("hq", "keycard", hq, "--out", tmp_path / "new.json")
    assert code == 0, err
    assert keycard.parse_keycard((tmp_path / "new.json").read_bytes()).serial == 2

    # print an existing card again (no vault, no new serial)
    again = tmp_path / "again.pdf"
    code, out, err = cli("hq", "print-keycard", card, "--out", again, "--paper", "letter")
    assert code == 0, err
    assert "serial 1" in out and root in pdftotext(again)
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    code, _, err = cli("hq", "print-keycard", bad, "--out", tmp_path / "bad.pdf")
    assert code == 1 and not (tmp_path / "bad.pdf").exists()  # not a key card: rejected
