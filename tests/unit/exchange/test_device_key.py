"""HQ types an interviewer's device fingerprint as it is read aloud: Latin base32 only,
groups in any spacing; Cyrillic look-alikes and the digits 0/1/8/9 are named, never
silently dropped or guessed (review i18n-be-ru F4, §6.3)."""

from __future__ import annotations

import pytest

from nam_desktop.core.crypto.device import DeviceIdentity, fingerprint_of
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.exchange import hq_identity
from nam_desktop.core.exchange.device_key import KeyInput, check_device_key, parse_device_key

FP = "MAKE-TEXT-ROCK-HOME-2345-67AB"  # base32; every letter has a Cyrillic look-alike
# The same groups typed on a Russian or Belarusian layout: М А К Е Т Х Р О С Н are Cyrillic.
FP_CYRILLIC = "МАКЕ-ТЕХТ-РОСК-НОМЕ-2345-67АВ"


@pytest.mark.parametrize("typed", [
    FP, FP.lower(), FP.replace("-", " "), FP.replace("-", ""), f"  {FP}\n",
    "make-TEXT rock-home 2345 67ab",
])
def test_a_fingerprint_is_read_in_any_spacing_and_case(typed: str) -> None:
    assert parse_device_key(typed) == (FP, None)
    assert check_device_key(typed).problem is None


def test_a_public_key_gives_its_fingerprint() -> None:
    device = DeviceIdentity(DeviceIdentity.generate_raw())
    fingerprint, key = parse_device_key(device.public_key.hex().upper())
    assert key == device.public_key and fingerprint == fingerprint_of(device.public_key)
    assert parse_device_key(device.fingerprint.lower()) == (device.fingerprint, None)
    assert hq_identity.parse_device_key is parse_device_key  # the API HQ code calls


def test_cyrillic_look_alikes_are_named_not_mapped() -> None:
    check = check_device_key(FP_CYRILLIC)
    assert check.problem is KeyInput.CYRILLIC
    assert check.characters == "МАКЕТХРОСНВ"  # each once, in the order typed
    with pytest.raises(ValidationError, match="Cyrillic"):
        parse_device_key(FP_CYRILLIC)


@pytest.mark.parametrize("letter", list("АВЕКМНОРСТХІЅаеорсхі"))
def test_every_look_alike_alone_is_caught(letter: str) -> None:
    typed = FP.replace("A", letter, 1)
    with pytest.raises(ValidationError):
        parse_device_key(typed)
    result = check_device_key(typed)
    assert (result.problem, result.characters) == (KeyInput.CYRILLIC, letter)


@pytest.mark.parametrize(("typed", "problem", "characters"), [
    ("MAKE-TEXT-R0CK-H0ME-2345-67AB", KeyInput.NOT_IN_FINGERPRINT, "0"),
    ("MAKE-TEXT-ROCK-HOME-2345-6789", KeyInput.NOT_IN_FINGERPRINT, "89"),
    ("MAKE-1EXT", KeyInput.NOT_IN_FINGERPRINT, "1"),
    ("MAKE-TEXT/ROCK", KeyInput.FOREIGN, "/"),
    ("MAKE–TEXT", KeyInput.FOREIGN, "–"),  # an en dash from a word processor
    ("MAKÉ-TEXT", KeyInput.FOREIGN, "É"),
    (FP + "-ABCD", KeyInput.TOO_LONG, ""),
    ("a" * 65, KeyInput.TOO_LONG, ""),
    ("", KeyInput.INCOMPLETE, ""),
    ("MAKE-TE", KeyInput.INCOMPLETE, ""),
    ("0123456789abcdef", KeyInput.INCOMPLETE, ""),  # a public key being pasted or typed
])
def test_what_is_wrong_is_said(typed: str, problem: KeyInput, characters: str) -> None:
    result = check_device_key(typed)
    assert (result.problem, result.characters) == (problem, characters)
    with pytest.raises(ValidationError):
        parse_device_key(typed)
