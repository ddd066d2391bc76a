"""Bundle files are exactly a size bucket (docs/threat-model.md): the size says neither
how much is inside (within a bucket) nor how many HQ recipients there are, and the stock
`age` CLI still decrypts them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest

from nam_desktop.core.exchange import export, hq_identity, hq_import, keycard
from nam_desktop.core.exchange.bundle_header import BundleHeader
from nam_desktop.core.exchange.bundle_padding import age_file_size, bucket, padme, plan_padding

from .conftest import Station, add_final

AGE = shutil.which("age")


def is_bucket(size: int) -> bool:
    """Written out from the docs (section 3.7): at least 1 MiB, and only the top
    floor(log2(E)) + 1 bits of the size may be set, E = floor(log2(size))."""
    e = size.bit_length() - 1
    kept = e.bit_length()
    return size >= 1 << 20 and size % (1 << (e - kept)) == 0


def test_known_buckets() -> None:
    assert [bucket(n) for n in (1, 1 << 20, (1 << 20) + 1, 10**9)] == \
        [1 << 20, 1 << 20, (1 << 20) + (1 << 15), 1_006_632_960]
    assert all(is_bucket(padme(n)) and padme(n) >= n for n in range(1 << 20, (1 << 20) + 5000))


def test_exported_bundle_is_exactly_a_bucket_and_age_reads_it(station: Station,
                                                               usb: Path) -> None:
    result = export.export_bundle(station.iv, usb)
    [path] = result.paths
    size = path.stat().st_size
    assert size == result.size and is_bucket(size)
    assert AGE is not None, "the stock age CLI is part of the test oracles"
    ident = usb.parent / "id.txt"
    ident.write_text("\n".join(hq_identity.load_hq(station.hq).identities) + "\n")
    plain = subprocess.run([AGE, "-d", "-i", str(ident), str(path)], capture_output=True,
                           check=True).stdout
    assert plain.startswith(b"NAMBUNDL\x00\x04")  # version 4: carries the PDF key
    pad = int(plain.split(b'"padding":')[1].split(b",")[0].split(b"}")[0])
    assert pad > 0 and plain.endswith(bytes(pad)) and plain[-pad - 12:-pad].startswith(b"NAMB-END")
    assert hq_import.import_bundle(station.hq, [path]).testimonies == station.ids


def test_the_number_of_recipients_does_not_show(station: Station, usb: Path) -> None:
    one = export.export_bundle(station.iv, usb)
    hq_identity.rotate_recipient(station.hq)  # HQ rotates: the card lists two recipients
    card = keycard.pin_keycard(station.iv, keycard.issue_keycard(station.hq))
    assert len(card.recipients) == 2
    two = export.export_bundle(station.iv, usb)
    assert one.size == two.size  # same content, one more X25519 stanza: same bucket
    assert hq_import.import_bundle(station.hq, two.paths).seq == 2


def test_content_size_only_shows_as_its_bucket(station: Station, usb: Path) -> None:
    sizes = set()
    for i in range(4):  # a few more testimonies each time, all well under 1 MiB
        add_final(station.iv, station.repo, f"Extra {i}", attach=False)
        sizes.add(export.export_bundle(station.iv, usb).size)
    assert sizes == {1 << 20}


@pytest.mark.parametrize("bodies", [0, 1, 65_000, 70_000, 3 * 1024 * 1024 + 17, 10**8])
@pytest.mark.parametrize("recipients", [1, 2, 16])
def test_plan_reaches_the_bucket_exactly(bodies: int, recipients: int) -> None:
    header = BundleHeader("0f0e0d0c-0b0a-4908-8706-050403020100", "2026-01-01T00:00:00Z",
                          bytes(32), "v", 1, "0" * 64, ("ab" * 32,) * 1, "", 0, "0" * 64, ())
    padding = plan_padding(header, bodies, recipients)
    head = len(BundleHeader(**{**header.__dict__, "padding": padding}).encode())
    inner = 14 + head + 64 + bodies + 12 + padding
    total = age_file_size(inner, recipients)
    assert is_bucket(total) and total == bucket(total)
    # and not a whole bucket more than needed
    assert total <= bucket(age_file_size(inner - padding + 16, recipients) + 1)


def test_the_age_cli_writes_the_size_our_formula_says() -> None:
    """The age framing sizes used for padding, checked against the stock age CLI (pyrage
    adds random "grease" stanzas, so its sizes vary; age and our writer add none)."""
    assert AGE is not None, "the stock age CLI is part of the test oracles"
    for recipients in (1, 3):
        args = [a for _ in range(recipients) for a in
                ("-r", str(pyrage.x25519.Identity.generate().to_public()))]
        for n in (0, 1, 65_536, 65_537, 200_000):
            out = subprocess.run([AGE, *args], input=bytes(n), capture_output=True,
                                 check=True).stdout
            assert len(out) == age_file_size(n, recipients)
