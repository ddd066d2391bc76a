"""The violation vocabulary: definitions in three languages, a format that only gains
fields, codes that never change (review i18n-be-ru §4b)."""

from __future__ import annotations

import json
import re

import pytest

from nam_desktop.core.errors import ValidationError
from nam_desktop.core.model.vocabulary import LANGUAGES, parse_vocabulary, shipped_vocabulary

# The codes of vocabulary 2026.1 (docs/testimony-json.md): testimonies, bundles and Uwazi
# exports reference them, so a later version may add or retire codes but never rename one.
CODES_2026_1 = [
    "arbitrary_detention", "administrative_arrest", "political_prosecution",
    "torture_ill_treatment", "sexual_violence", "enforced_disappearance",
    "forced_displacement", "trial_in_absentia", "pressure_on_relatives", "home_search",
    "property_confiscation", "dismissal_expulsion", "passport_consular_denial",
    "forced_repentance_video", "extremist_designation", "surveillance_intimidation",
    "denial_of_fair_trial", "inhuman_detention_conditions", "other",
]

# A term as vocabulary 2026.1 wrote it: no description_ru/_be, no former_labels.
OLD_FORMAT = json.dumps({
    "format": "nam-vocabulary", "version": "2026.1", "description": "old",
    "terms": [{"code": "home_search", "category": "property", "en": "Home search",
               "ru": "Обыск жилья", "be": "Ператрус жылля",
               "description": "Search of a home, office or vehicle."}],
}, ensure_ascii=False).encode()

RUSSIAN_ONLY = re.compile("[ИиЩщЪъ]")
BELARUSIAN_ONLY = re.compile("[ЎўІі]")


def test_shipped_codes_are_those_of_2026_1() -> None:
    vocab = shipped_vocabulary()
    assert [t.code for t in vocab.terms] == CODES_2026_1
    assert vocab.version == "2026.2"


def test_every_term_is_defined_in_three_languages() -> None:
    for term in shipped_vocabulary().terms:
        en, ru, be = (term.definition(lang) for lang in LANGUAGES)
        assert en == term.description and en.strip(), term.code
        assert ru != en and be != en and be != ru, term.code
        assert not BELARUSIAN_ONLY.search(ru), (term.code, ru)
        assert not RUSSIAN_ONLY.search(be), (term.code, be)  # наркамаўка, not Russian
        assert BELARUSIAN_ONLY.search(be), (term.code, be)


def test_the_reviewed_definitions_set_the_scope() -> None:
    vocab = shipped_vocabulary()
    disappearance = vocab.get("enforced_disappearance")
    sexual = vocab.get("sexual_violence")
    assert disappearance is not None and sexual is not None
    assert "инкоммуникадо" in disappearance.definition("ru")
    assert "інкамунікада" in disappearance.definition("be")
    assert "угрозы изнасилованием" in sexual.definition("ru")
    assert "пагрозы згвалтаваннем" in sexual.definition("be")


@pytest.mark.parametrize(("code", "lang", "label", "former"), [
    ("political_prosecution", "be", "Палітычна матываваны крымінальны пераслед",
     "Палітычна матываванае крымінальнае пераследаванне"),
    ("forced_displacement", "ru", "Депортация или насильственное перемещение",
     "Принудительное перемещение или депортация"),
    ("passport_consular_denial", "ru", "Отказ в выдаче паспорта или в консульских услугах",
     "Отказ в паспорте или консульских услугах"),
    ("denial_of_fair_trial", "be", "Парушэнне права на справядлівы судовы разгляд",
     "Парушэнне права на справядлівы суд"),
])
def test_improved_labels_keep_their_former_spelling(code: str, lang: str, label: str,
                                                    former: str) -> None:
    term = shipped_vocabulary().get(code)
    assert term is not None
    assert term.label(lang) == label
    assert former in term.former_labels


def test_a_former_label_names_no_other_term() -> None:
    vocab = shipped_vocabulary()
    current = {label.casefold(): t.code for t in vocab.terms for label in t.labels.values()}
    for term in vocab.terms:
        for former in term.former_labels:
            assert current.get(former.casefold(), term.code) == term.code, former


def test_a_2026_1_file_still_reads() -> None:
    vocab = parse_vocabulary(OLD_FORMAT)
    term = vocab.terms[0]
    assert term.label("be") == "Ператрус жылля"
    assert term.former_labels == ()
    for lang in LANGUAGES:  # no translation yet: the English definition, never nothing
        assert term.definition(lang) == "Search of a home, office or vehicle."


@pytest.mark.parametrize(("field", "value", "where"), [
    ("description_ru", 5, "description_ru"),
    ("former_labels", ["old"], "former_labels"),
    ("former_labels", {"de": ["alt"]}, "former_labels"),
    ("former_labels", {"be": [""]}, "former_labels"),
])
def test_bad_new_fields_are_refused(field: str, value: object, where: str) -> None:
    body = json.loads(OLD_FORMAT)
    body["terms"][0][field] = value
    with pytest.raises(ValidationError) as info:
        parse_vocabulary(json.dumps(body).encode())
    assert info.value.field.endswith(where)
