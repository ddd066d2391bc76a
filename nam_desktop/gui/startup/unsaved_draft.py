"""Typed text that could not be saved when the app locked (a full disk, a failing drive).

Locking must not wait for a person who walked away, and must not leave decrypted text
on screen or in memory, but it must not throw the words away either. So the draft is
sealed with the vault (``Vault.seal``: a key derived from the master key, which goes
when the vault closes) and only the ciphertext is kept in memory while the app is
locked. Unlocking the same vault opens it, puts the text back into the editor and saves
it again; until then the unlock window says that unsaved changes are waiting.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from nam_desktop.core.model.records import (
    Act,
    Assessment,
    Consent,
    Interview,
    Perpetrator,
    TestimonyDraft,
    Witness,
    WitnessIdentity,
)
from nam_desktop.core.vault.vault import Vault


@dataclass(frozen=True)
class SealedDraft:
    vault_id: str
    testimony_id: str
    sealed: bytes  # Vault.seal of the draft as JSON: nothing readable while locked
    reason: str  # why saving failed, in the person's words (no testimony content)


def seal_draft(vault: Vault, testimony_id: str, draft: TestimonyDraft,
               reason: str) -> SealedDraft:
    data = json.dumps(asdict(draft), ensure_ascii=False).encode("utf-8")
    return SealedDraft(vault.vault_id, testimony_id, vault.seal(data), reason)


def open_draft(vault: Vault, pending: SealedDraft) -> TestimonyDraft:
    """The draft as it was typed. Not validated: a half-typed date must come back as it
    was, and saving it again will say what is wrong with it."""
    d: dict[str, Any] = json.loads(vault.unseal(pending.sealed).decode("utf-8"))
    return TestimonyDraft(
        title=d["title"],
        interview=Interview(**d["interview"]),
        consent=Consent(**d["consent"]),
        witness=Witness(**d["witness"]),
        identity=WitnessIdentity(**d["identity"]),
        acts=[Act(**{**a, "perpetrators": [Perpetrator(**p) for p in a["perpetrators"]]})
              for a in d["acts"]],
        narrative=d["narrative"],
        notes=d["notes"],
        assessment=Assessment(**d["assessment"]),
    )
