"""``verify``: everything ``hq import`` checks about a bundle itself, importing nothing.

Decrypts with the given age identities into the same parser the import uses (signature,
every hash, the records and how they agree, padding), checks the bundle is addressed to
those identities (and to an HQ root, when known) and, when told who must have signed it,
that the signer is that device. Without an expected signer the result says so
(``signer_known`` False): a valid signature by an unknown key proves nothing about who
made the bundle. What needs HQ's records (replays, forks, gaps, conflicts, HQ's
vocabulary) is left to ``hq import``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyrage

from nam_desktop.core.exchange.bundle_format import (
    BundleHeader,
    BundleParser,
    EntryMeta,
    HashOnlySink,
    recipient_fingerprint,
)
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.hq_identity import devices, load_hq, parse_device_key
from nam_desktop.core.exchange.hq_import import decrypt_into
from nam_desktop.core.vault.vault import Vault


@dataclass(frozen=True)
class ExpectedSigner:
    """Who may have signed: device keys, or fingerprints for devices registered by
    fingerprint only (a fingerprint is recomputed from the header's key, never read)."""

    keys: dict[bytes, str] = field(default_factory=dict)  # public key -> name
    fingerprints: dict[str, str] = field(default_factory=dict)  # fingerprint -> name
    source: str = ""  # "device key" or "HQ registry"

    def name_of(self, header: BundleHeader) -> str | None:
        """The signer's name when it is expected, else None."""
        if header.device_public_key in self.keys:
            return self.keys[header.device_public_key]
        fp = header.device_fingerprint
        if fp in self.fingerprints:
            return self.fingerprints[fp]
        return None


def expected_device(text: str) -> ExpectedSigner:
    """From ``--device-key``: a 64-hex public key or a fingerprint ``XXXX-...``."""
    fp, key = parse_device_key(text)
    if key is not None:
        return ExpectedSigner(keys={key: fp}, source="device key")
    return ExpectedSigner(fingerprints={fp: fp}, source="device key")


def expected_from_hq(vault: Vault) -> ExpectedSigner:
    """HQ's register of devices (as ``hq import`` uses it): a device registered with its
    key must sign with that key; one registered by fingerprint, with a key that has it."""
    keys: dict[bytes, str] = {}
    fingerprints: dict[str, str] = {}
    for d in devices(vault):
        if d.public_key is not None:
            keys[d.public_key] = d.name
        else:
            fingerprints[d.fingerprint] = d.name
    return ExpectedSigner(keys, fingerprints, "HQ registry")


@dataclass(frozen=True)
class HqContext:
    """What an HQ vault adds to ``verify``: its identities, root and register."""

    identities: tuple[str, ...]
    root_fingerprint: str
    signer: ExpectedSigner


def hq_context(vault: Vault) -> HqContext:
    hq = load_hq(vault)
    return HqContext(hq.identities, hq.root_fingerprint, expected_from_hq(vault))


@dataclass(frozen=True)
class VerifyReport:
    header: BundleHeader
    digest: str
    entries: list[EntryMeta]
    signer_known: bool  # an expected signer was given and this is it
    signer_name: str = ""
    signer_source: str = ""


class VerifyRejectedError(ExchangeError):
    """The bundle was rejected; ``header`` and ``digest`` when its signed header was read
    before the failure (to say who signed what was refused)."""

    def __init__(self, reason: Reason, detail: str, header: BundleHeader | None,
                 digest: str) -> None:
        super().__init__(reason, detail)
        self.header = header
        self.digest = digest


def header_check(mine: set[str], *, hq_root: str | None, expected: ExpectedSigner | None,
                 found: list[str]) -> Callable[[BundleHeader, str], None]:
    """The checks after the signature (R1-R3 of docs/bundle-format.md, section 4), for
    recipient fingerprints ``mine``; the expected signer's name goes into ``found``."""

    def check(header: BundleHeader, digest: str) -> None:
        if not mine & set(header.recipients):
            raise ExchangeError(Reason.WRONG_RECIPIENT, "the header names other recipients")
        if hq_root is not None and header.hq_root not in ("", hq_root):
            raise ExchangeError(Reason.WRONG_RECIPIENT, "addressed to another HQ root")
        if expected is not None:
            name = expected.name_of(header)
            if name is None:
                raise ExchangeError(Reason.UNKNOWN_SIGNER,
                                    f"{header.device_fingerprint} is not the expected signer "
                                    f"({expected.source})")
            found.append(name)

    return check


def verify_bundle(paths: list[Path], identities: list[str], *,
                  expected: ExpectedSigner | None = None, hq_root: str | None = None,
                  progress: Callable[[int, int], None] | None = None) -> VerifyReport:
    """Decrypt and check one bundle (its parts in order); keeps nothing.

    Raises :class:`VerifyRejectedError` with the reason of the first failed check (the
    order of docs/bundle-format.md, section 4)."""
    try:
        keys = [pyrage.x25519.Identity.from_str(i.strip()) for i in identities]
    except Exception as exc:  # pyrage raises its own IdentityError
        raise ExchangeError(Reason.WRONG_RECIPIENT, "not an age identity") from exc
    mine = {recipient_fingerprint(str(k.to_public())) for k in keys}
    signer: list[str] = []
    on_header = header_check(mine, hq_root=hq_root, expected=expected, found=signer)

    parser = BundleParser(HashOnlySink(), on_header)
    try:
        header = decrypt_into(paths, identities, parser, progress, None)
    except ExchangeError as exc:
        parser.wipe()
        raise VerifyRejectedError(exc.reason, exc.note, parser.header, parser.digest) from exc
    parser.wipe()  # the decoded records: verify keeps nothing
    return VerifyReport(header, parser.digest, list(header.entries),
                        signer_known=bool(signer), signer_name=signer[0] if signer else "",
                        signer_source=expected.source if expected is not None else "")
