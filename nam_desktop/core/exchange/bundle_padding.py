"""Size buckets: a bundle file's size says little about what is inside or for how many
HQ recipients it was encrypted (docs/threat-model.md, docs/bundle-format.md section 3.7).

The age file (all parts together) is made exactly as large as the next *bucket*: at
least 1 MiB, then Padmé (Nikitin et al., "Reducing metadata leakage from encrypted files
and communication with PURBs", PETS 2019): the size is rounded up so that only its top
``floor(log2(E)) + 1`` bits may be non-zero, where ``E = floor(log2(size))``. Above the
1 MiB floor that costs at most 3.2 % and leaves O(log log size) bits of information
(32 buckets per doubling of the size). The zero
bytes that fill the gap follow the inner stream's end marker; their number is the
header's ``padding`` field, so it is signed.
"""

from __future__ import annotations

from nam_desktop.core.exchange.bundle_format import END, PREFIX, SIG_LEN
from nam_desktop.core.exchange.bundle_header import MAX_PADDING, BundleHeader

MIN_BUCKET = 1 << 20
AGE_CHUNK = 64 * 1024
AGE_TAG = 16
AGE_NONCE = 16
X25519_STANZA = 98  # "-> X25519 <43>\n<43>\n"
AGE_HEADER_FIXED = len(b"age-encryption.org/v1\n") + len(b"--- ") + 43 + 1


def padme(size: int) -> int:
    """The Padmé bucket of ``size`` (>= 2): ``size`` rounded up to a multiple of
    ``2 ** (E - S)`` with ``E = floor(log2(size))``, ``S = floor(log2(E)) + 1``."""
    e = size.bit_length() - 1
    s = e.bit_length()  # floor(log2(e)) + 1
    mask = (1 << (e - s)) - 1
    return (size + mask) & ~mask


def bucket(size: int) -> int:
    """The smallest bucket that holds ``size`` bytes."""
    return padme(max(size, MIN_BUCKET))


def age_header_size(recipients: int) -> int:
    """Length of an age v1 header with ``recipients`` X25519 stanzas (as age_writer and
    the age CLI write it)."""
    return AGE_HEADER_FIXED + X25519_STANZA * recipients


def age_file_size(plaintext: int, recipients: int) -> int:
    """Size of the age file for ``plaintext`` bytes: header, nonce, 64 KiB chunks + tags."""
    chunks = max(1, -(-plaintext // AGE_CHUNK))
    return age_header_size(recipients) + AGE_NONCE + plaintext + AGE_TAG * chunks


def _plaintext_for(sealed: int) -> int | None:
    """The plaintext size whose chunks and tags take exactly ``sealed`` bytes, if any (16
    sizes in every 65,552 cannot be reached: one more byte costs a new chunk's tag)."""
    guess = -(-sealed // (AGE_CHUNK + AGE_TAG))
    for chunks in (guess - 1, guess, guess + 1):
        plain = sealed - AGE_TAG * chunks
        if chunks >= 1 and plain >= 0 and max(1, -(-plain // AGE_CHUNK)) == chunks:
            return plain
    return None


def plan_padding(header: BundleHeader, bodies: int, recipients: int) -> int:
    """The ``padding`` that makes the age file of this bundle exactly a bucket's size.

    ``header`` is the header to be signed (its ``padding`` is ignored), ``bodies`` the
    sum of the entry sizes. The number's own digits lengthen the header, so each digit
    count is tried; a bucket no padding can reach exactly is skipped for the next one."""
    unpadded_header = len(header.encode()) - len(str(header.padding))
    fixed = PREFIX.size + SIG_LEN + bodies + END.size + unpadded_header  # + digits + padding
    target = bucket(age_file_size(fixed + 1, recipients))
    while True:
        plain = _plaintext_for(target - age_header_size(recipients) - AGE_NONCE)
        if plain is not None:
            for digits in range(1, 17):
                padding = plain - fixed - digits
                if padding >= 0 and len(str(padding)) == digits:
                    if padding > MAX_PADDING:  # pragma: no cover  # 1 TiB of padding
                        raise ValueError("bundle too large to pad")
                    return padding
        target = bucket(target + 1)
