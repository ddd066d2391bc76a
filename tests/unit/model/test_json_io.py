"""Testimony JSON validation: errors name the field; hostile text is refused."""

from __future__ import annotations

import pytest

from nam_desktop.core.errors import ValidationError
from nam_desktop.core.model.json_io import (
    decode_document,
    draft_from_dict,
    drafts_from_json_lines,
    parse_act_date,
)
from nam_desktop.core.model.vocabulary import LANGUAGES, shipped_vocabulary

CODES = shipped_vocabulary().codes()

FULL = {
    "title": "Затрыманне пасля маршу",
    "interview": {"date": "2025-03-14", "place": "Вільнюс", "language": "be"},
    "witness": {"pseudonym": "W-031", "name": "Алесь Шчэрба", "birth_date": "1990-02-01",
                "contact": "+370 600 00000"},
    "consent": {"hq_documentation": True, "anonymous_publication": False,
                "legal_proceedings": True, "audio_recording": True,
                "anonymity_requested": True},
    "narrative": "Мяне затрымалі 9 жніўня.\nУ аўтазаку білі.",
    "notes": "Гаворыць спакойна.",
    "acts": [{"type": "arbitrary_detention", "date": "2020-08-09", "place": "Мінск",
              "perpetrators": "АМАП"},
             {"type": "torture_ill_treatment", "date": "2020-08",
              "perpetrators": [{"unit": "ГУБАЗіК", "rank": "маёр"}, "невядомыя"]}],
}


def test_full_document() -> None:
    d = draft_from_dict(FULL, CODES)
    assert d.witness.pseudonym == "W-031"
    assert d.identity.name == "Алесь Шчэрба"
    assert d.interview.languages == ["be"]
    assert d.consent.legal_proceedings and not d.consent.anonymous_publication
    assert [a.date_precision for a in d.acts] == ["exact", "month"]
    assert d.acts[1].perpetrators[0].unit == "ГУБАЗіК"
    assert d.acts[1].perpetrators[1].description == "невядомыя"
    assert d.narrative.endswith("білі.")


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        ({"acts": [{"type": "no_such_code"}]}, "acts[0].type"),
        ({"acts": [{"date": "2020"}]}, "acts[0].type"),
        ({"acts": [{"type": "other", "date": "9 August"}]}, "acts[0].date"),
        ({"acts": [{"type": "other", "colour": "red"}]}, "acts[0].colour"),
        ({"interview": {"date": "2025-13-01"}}, "interview.date"),
        ({"interview": {"mode": "telepathy"}}, "interview.mode"),
        ({"consent": {"hq_documentation": "yes"}}, "consent.hq_documentation"),
        ({"witness": {"pseudonym": 17}}, "witness.pseudonym"),
        ({"witness": {"pseudonym": "W\u202e1"}}, "witness.pseudonym"),
        ({"title": "bell\x07"}, "title"),
        ({"narrative": "nul\x00byte"}, "narrative"),
        ({"titel": "typo"}, "titel"),
        ({"acts": {"type": "other"}}, "acts"),
    ],
)
def test_errors_name_the_field(doc: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        draft_from_dict(doc, CODES)
    assert info.value.field == field


def test_not_an_object() -> None:
    with pytest.raises(ValidationError, match="object"):
        draft_from_dict([1, 2], CODES)


@pytest.mark.parametrize("data", [b"{", b'{"title": }', b"\xff\xfe{}", b"[" * 50_000])
def test_malformed_json(data: bytes) -> None:
    with pytest.raises(ValidationError):
        decode_document(data)


def test_json_lines_error_names_the_line() -> None:
    data = b'{"title": "a"}\n\n{"acts": [{"type": "nope"}]}\n'
    with pytest.raises(ValidationError) as info:
        drafts_from_json_lines(data, CODES)
    assert info.value.field == "line 3: acts[0].type"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-03-25", ("2021-03-25", "", "exact")),
        ("2021-03", ("2021-03", "", "month")),
        ("2021", ("2021", "", "year")),
        ("2020-08/2020-12", ("2020-08", "2020-12", "range")),
        ("", ("", "", "unknown")),
    ],
)
def test_act_date_precision(text: str, expected: tuple[str, str, str]) -> None:
    assert parse_act_date(text, "d") == expected


def test_backwards_range_refused() -> None:
    with pytest.raises(ValidationError, match="before"):
        parse_act_date("2021/2020", "d")


def test_vocabulary_has_three_distinct_languages() -> None:
    vocab = shipped_vocabulary()
    assert len(vocab.terms) >= 15
    for term in vocab.terms:
        assert all(term.labels[lang].strip() for lang in LANGUAGES)
        assert term.labels["en"] != term.labels["ru"]
    # Belarusian labels are written in Belarusian, not copied from Russian.
    same = [t.code for t in vocab.terms if t.labels["be"] == t.labels["ru"]]
    assert same == []
    assert any("ў" in t.labels["be"] for t in vocab.terms)


HUGE = "9" * 5001  # beyond Python's 4,300-digit limit for int(str)


@pytest.mark.parametrize(("text", "field"), [
    ('{"narrative": ' + HUGE + "}", "narrative"),
    ('{"consent": {"hq_documentation": ' + HUGE + "}}", "consent.hq_documentation"),
    ('{"acts": [{"type": -' + HUGE + "}]}", "acts[0].type"),
    ('{"interview": {"languages": [' + HUGE + "]}}", "interview.languages[0]"),
])
def test_huge_integer_names_the_field(text: str, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        draft_from_dict(decode_document(text.encode()), CODES)
    assert info.value.field == field
    assert HUGE[:200] not in str(info.value)  # the 5,001 digits are not echoed back


@pytest.mark.parametrize(("text", "field"), [
    ('{"title": "\\ud800"}', "title"),
    ('{"narrative": "before \\udfff after"}', "narrative"),
    ('{"witness": {"name": "x\\ud83d"}}', "witness.name"),
    ('{"acts": [{"type": "arbitrary_detention", "perpetrators": ["\\udc00"]}]}',
     "acts[0].perpetrators[0]"),
])
def test_lone_surrogate_names_the_field(text: str, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        draft_from_dict(decode_document(text.encode()), CODES)
    assert info.value.field == field
    assert "unpaired surrogate" in info.value.problem


def test_a_surrogate_pair_is_a_character_not_an_error() -> None:
    draft = draft_from_dict(decode_document(b'{"title": "\\ud83d\\ude00 ok"}'), CODES)
    assert draft.title == "\U0001F600 ok"


def test_hostile_key_names_are_escaped_in_the_message() -> None:
    doc = ('{"\\ud800\\u202e' + "k" * 100 + '": 1}').encode()
    with pytest.raises(ValidationError) as info:
        draft_from_dict(decode_document(doc), CODES)
    assert info.value.problem == "unknown field"
    field = info.value.field
    assert "\ud800" not in field and "\u202e" not in field
    assert field.startswith("\\ud800\\u202e") and field.endswith("…") and len(field) < 60
    field.encode("utf-8")  # printable anywhere


def test_huge_integer_in_json_lines_names_line_and_field() -> None:
    data = b'{"title": "ok"}\n{"title": ' + HUGE.encode() + b"}\n"
    with pytest.raises(ValidationError) as info:
        drafts_from_json_lines(data, CODES)
    assert info.value.field == "line 2: title"
