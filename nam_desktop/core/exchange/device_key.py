"""An interviewer's device as HQ types it in: the fingerprint read aloud, or the public key.

A fingerprint is base32 (``device.fingerprint_of``): six groups of four **Latin** letters
A–Z and digits 2–7. An operator with a Cyrillic keyboard layout, or who hears "А, В, С"
said in Russian, types look-alikes (А В Е К М Н О Р С Т Х) that are other characters;
0, 1, 8 and 9 never occur. :func:`check_device_key` says which of these went wrong, so the
front end can say it in words instead of silently refusing. Nothing is guessed or mapped:
the operator reads the parsed groups back to the interviewer before registering.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from nam_desktop.core.crypto.device import fingerprint_of
from nam_desktop.core.errors import ValidationError

FINGERPRINT_CHARS = 24  # six groups of four
_BASE32 = re.compile(r"[A-Z2-7]{24}")
_PUBKEY = re.compile(r"[0-9a-fA-F]{64}")
_SEPARATORS = re.compile(r"[\s\-]")


class KeyInput(Enum):
    """Why typed text is not (yet) a fingerprint or a public key."""

    INCOMPLETE = "incomplete"  # nothing wrong so far: keep typing
    CYRILLIC = "cyrillic"  # Cyrillic letters, e.g. a look-alike А for A
    NOT_IN_FINGERPRINT = "not_in_fingerprint"  # the digits 0, 1, 8, 9
    FOREIGN = "foreign"  # any other character that cannot be in either form
    TOO_LONG = "too_long"


@dataclass(frozen=True)
class KeyInputCheck:
    problem: KeyInput | None  # None: the text parses
    characters: str = ""  # the offending characters, each once, in the order typed


def _unique(chars: Iterable[str]) -> str:
    return "".join(dict.fromkeys(chars))


def check_device_key(text: str) -> KeyInputCheck:
    """What, if anything, is wrong with ``text`` as a device fingerprint or public key."""
    text = text.strip()
    try:
        parse_device_key(text)
    except ValidationError:
        pass
    else:
        return KeyInputCheck(None)
    cyrillic = _unique(c for c in text if unicodedata.name(c, "").startswith("CYRILLIC"))
    if cyrillic:
        return KeyInputCheck(KeyInput.CYRILLIC, cyrillic)
    foreign = _unique(c for c in text if not (c.isascii() and c.isalnum())
                      and not _SEPARATORS.fullmatch(c))
    if foreign:
        return KeyInputCheck(KeyInput.FOREIGN, foreign)
    if text and all(c in string.hexdigits for c in text):  # a public key on its way
        return KeyInputCheck(KeyInput.TOO_LONG if len(text) > 64 else KeyInput.INCOMPLETE)
    digits = _unique(c for c in text if c in "0189")
    if digits:
        return KeyInputCheck(KeyInput.NOT_IN_FINGERPRINT, digits)
    if len(_SEPARATORS.sub("", text)) > FINGERPRINT_CHARS:
        return KeyInputCheck(KeyInput.TOO_LONG)
    return KeyInputCheck(KeyInput.INCOMPLETE)


def parse_device_key(text: str) -> tuple[str, bytes | None]:
    """A fingerprint or a 64-hex public key -> (fingerprint ``ABCD-...``, key or None).

    The fingerprint's letters may be lower case and its groups separated by dashes,
    spaces or nothing, as it is heard on the phone."""
    text = text.strip()
    if _PUBKEY.fullmatch(text):
        key = bytes.fromhex(text)
        return fingerprint_of(key), key
    compact = _SEPARATORS.sub("", text).upper()
    if _BASE32.fullmatch(compact):
        return "-".join(compact[i:i + 4] for i in range(0, FINGERPRINT_CHARS, 4)), None
    cyrillic = _unique(c for c in text if unicodedata.name(c, "").startswith("CYRILLIC"))
    if cyrillic:
        raise ValidationError("device", f"Cyrillic letters ({', '.join(cyrillic)}): a "
                              "fingerprint has Latin letters A-Z and digits 2-7 only")
    raise ValidationError("device", "expected a fingerprint (XXXX-XXXX-XXXX-XXXX-XXXX-XXXX, "
                          "Latin letters A-Z and digits 2-7) or a 64-hex public key")
