"""Testimony records as plain dataclasses (no database, no Qt)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

STATUSES = ("draft", "final", "delivered")
MODES = ("", "in_person", "remote")
DATE_PRECISIONS = ("exact", "month", "year", "range", "unknown")
CONSENT_METHODS = ("", "oral", "written", "recorded")
WITNESS_ROLES = ("victim", "witness", "relative", "other")


@dataclass
class Interview:
    date: str = ""
    date_end: str = ""
    place: str = ""
    mode: str = ""
    languages: list[str] = field(default_factory=list)
    interpreter: str = ""
    others_present: str = ""
    interviewer: str = ""


@dataclass
class Consent:
    hq_documentation: bool = False
    anonymous_publication: bool = False
    legal_proceedings: bool = False
    audio_recording: bool = False
    anonymity_requested: bool = True
    may_recontact: bool = False
    given_date: str = ""
    method: str = ""
    withdrawn_at: str = ""

    @property
    def withdrawn(self) -> bool:
        return bool(self.withdrawn_at)

    @property
    def recorded(self) -> bool:
        """Consent counts as recorded once a date or method is given or a purpose ticked."""
        return bool(
            self.given_date
            or self.method
            or self.hq_documentation
            or self.anonymous_publication
            or self.legal_proceedings
        )


@dataclass
class Witness:
    pseudonym: str = ""
    gender: str = ""
    age_group: str = ""
    role: str = "victim"


@dataclass
class WitnessIdentity:
    name: str = ""
    birth_date: str = ""
    contact: str = ""
    documents: str = ""

    def is_empty(self) -> bool:
        return not (self.name or self.birth_date or self.contact or self.documents)


@dataclass
class Perpetrator:
    unit: str = ""
    rank: str = ""
    description: str = ""

    def text(self) -> str:
        return ", ".join(p for p in (self.unit, self.rank, self.description) if p)


@dataclass
class Act:
    type: str
    date: str = ""
    date_end: str = ""
    date_precision: str = "unknown"
    place: str = ""
    victims: str = ""
    status_after: str = ""
    description: str = ""
    perpetrators: list[Perpetrator] = field(default_factory=list)
    id: str = ""


@dataclass
class Assessment:
    reliability: str = ""
    follow_up: str = ""
    referrals: str = ""


@dataclass
class TestimonyDraft:
    """Everything a person types; what ``testimony add`` and the editor produce."""

    __test__ = False  # not a pytest test class

    title: str = ""
    interview: Interview = field(default_factory=Interview)
    consent: Consent = field(default_factory=Consent)
    witness: Witness = field(default_factory=Witness)
    identity: WitnessIdentity = field(default_factory=WitnessIdentity)
    acts: list[Act] = field(default_factory=list)
    narrative: str = ""
    notes: str = ""
    assessment: Assessment = field(default_factory=Assessment)


@dataclass
class Testimony(TestimonyDraft):
    __test__ = False
    id: str = ""
    status: str = "draft"
    revision: int = 0
    created_at: str = ""
    updated_at: str = ""
    identity_loaded: bool = False

    def to_dict(self, *, include_identity: bool = False) -> dict[str, Any]:
        """Canonical dictionary (used for JSON output and revision snapshots)."""
        data = asdict(self)
        data.pop("identity_loaded")
        if not include_identity:
            data.pop("identity")
        return data


@dataclass(frozen=True, slots=True)  # slots: HQ holds 100,000 of them
class TestimonySummary:
    __test__ = False
    id: str
    title: str
    status: str
    revision: int
    interview_date: str
    pseudonym: str
    act_types: tuple[str, ...]
    attachment_count: int
    updated_at: str
    consent_withdrawn: bool

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["act_types"] = list(self.act_types)
        return data
