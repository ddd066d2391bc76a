"""Argon2id passphrase stretching with bounded, validated parameters."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw

from nam_desktop.core.errors import KeySlotDamagedError, ValidationError

# Floors follow OWASP's minimum for Argon2id (19 MiB, t=2, p=1); anything weaker is refused
# when written *or read*. Ceilings stop a hostile key slot from exhausting memory or time.
MEMORY_KIB_MIN = 19 * 1024
MEMORY_KIB_MAX = 4 * 1024 * 1024
ITERATIONS_MIN = 2
ITERATIONS_MAX = 64
PARALLELISM_MIN = 1
PARALLELISM_MAX = 16
SALT_LEN_MIN = 16
SALT_LEN_MAX = 64
KEY_LEN = 32
PASSPHRASE_MIN_CHARS = 8


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    parallelism: int

    def validate(self, *, reading: bool = False) -> None:
        """Check bounds. ``reading`` turns a violation into a damaged-key-slot error."""
        problems = []
        for name, value, low, high in (
            ("memory_kib", self.memory_kib, MEMORY_KIB_MIN, MEMORY_KIB_MAX),
            ("iterations", self.iterations, ITERATIONS_MIN, ITERATIONS_MAX),
            ("parallelism", self.parallelism, PARALLELISM_MIN, PARALLELISM_MAX),
        ):
            if type(value) is not int or not low <= value <= high:
                problems.append(f"{name} must be an integer in [{low}, {high}]")
        if problems:
            if reading:
                raise KeySlotDamagedError("; ".join(problems))
            raise ValidationError("kdf", "; ".join(problems))


# About 0.5-0.8 s on a 2-core laptop of 2026 (see docs/benchmarks.md).
DEFAULT_PARAMS = KdfParams(memory_kib=256 * 1024, iterations=4, parallelism=2)
# The floor: used by tests and available to very weak machines.
MINIMUM_PARAMS = KdfParams(memory_kib=MEMORY_KIB_MIN, iterations=ITERATIONS_MIN, parallelism=1)


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC-normalise so the same words typed on different keyboards give the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str) -> None:
    if len(unicodedata.normalize("NFC", passphrase)) < PASSPHRASE_MIN_CHARS:
        raise ValidationError(
            "passphrase", f"must be at least {PASSPHRASE_MIN_CHARS} characters long"
        )


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Derive the 256-bit key-encryption key from a passphrase."""
    params.validate(reading=True)
    if not SALT_LEN_MIN <= len(salt) <= SALT_LEN_MAX:
        raise KeySlotDamagedError("salt length out of bounds")
    return hash_secret_raw(
        secret=normalize_passphrase(passphrase),
        salt=salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_LEN,
        type=Type.ID,
    )
