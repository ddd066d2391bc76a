"""Decoding testimony records at HQ: a round trip of the interviewer's own record, and
only typed refusals for hostile records (even when signed by a registered device)."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.records_import import draft_from_record
from nam_desktop.core.model.records import (
    Act,
    Consent,
    Interview,
    Perpetrator,
    Testimony,
    Witness,
    WitnessIdentity,
)


def record(identity: bool) -> dict[str, object]:
    t = Testimony(title="T", interview=Interview(date="2025-01-01", languages=["be", "ru"]),
                  consent=Consent(hq_documentation=True), witness=Witness(pseudonym="W"),
                  identity=WitnessIdentity(name="N"), narrative="Окрестина",
                  acts=[Act(type="arbitrary_detention", id="a1",
                            perpetrators=[Perpetrator(unit="OMON")])],
                  id="0f1e2d3c-aaaa-bbbb-cccc-000000000001", status="final", revision=1)
    return t.to_dict(include_identity=identity)


@pytest.mark.parametrize("identity", [True, False])
def test_round_trip_of_a_real_record(identity: bool) -> None:
    draft, has_identity = draft_from_record(record(identity))
    assert has_identity is identity
    assert draft.narrative == "Окрестина" and draft.interview.languages == ["be", "ru"]
    assert asdict(draft.acts[0].perpetrators[0])["unit"] == "OMON"
    assert draft.identity.name == ("N" if identity else "")


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=8)


@settings(max_examples=150, deadline=None)
@given(key=st.sampled_from(["title", "interview", "consent", "witness", "identity", "acts",
                            "narrative", "assessment", "extra"]), value=JSON)
def test_hostile_fields_raise_only_typed_errors(key: str, value: object) -> None:
    rec = record(True)
    rec[key] = value
    try:
        draft_from_record(rec)
    except ExchangeError as exc:
        assert exc.reason is Reason.MALFORMED
