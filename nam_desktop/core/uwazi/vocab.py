"""The code lists NAM sends to Uwazi as thesauri, with Belarusian, Russian and English
labels: violation types (grouped by category, from the vault's vocabulary), date
precision, witness roles, consent and interview modes.

Uwazi thesauri have at most two levels (group and value; ``Group::Value`` in CSV), so the
violation vocabulary becomes one group per category.
"""

from __future__ import annotations

from dataclasses import dataclass

from nam_desktop.core.model.vocabulary import Vocabulary

LANGS = ("be", "ru", "en")
# Uwazi's languagesList.ts labels: thesaurus CSV headers name languages this way.
UWAZI_LANGUAGE_LABELS = {"be": "Belarusian", "ru": "Russian", "en": "English"}

VIOLATIONS = "violations"
PRECISION = "date_precision"
ROLES = "witness_roles"
CONSENT = "consent"
MODES = "interview_modes"

# list key: (Uwazi thesaurus name, CSV file name)
THESAURI = {
    VIOLATIONS: ("NAM violation types", "thesaurus-violation-types.csv"),
    PRECISION: ("NAM date precision", "thesaurus-date-precision.csv"),
    ROLES: ("NAM witness roles", "thesaurus-witness-roles.csv"),
    CONSENT: ("NAM consent", "thesaurus-consent.csv"),
    MODES: ("NAM interview modes", "thesaurus-interview-modes.csv"),
}

Labels = dict[str, str]  # language -> label


def _l(en: str, ru: str, be: str) -> Labels:
    return {"en": en, "ru": ru, "be": be}


CATEGORIES: dict[str, Labels] = {
    "liberty": _l("Liberty and security of person", "Свобода и личная неприкосновенность",
                  "Свабода і асабістая недатыкальнасць"),
    "justice": _l("Justice and fair trial", "Правосудие и справедливый суд",
                  "Правасуддзе і справядлівы суд"),
    "integrity": _l("Physical and mental integrity", "Физическая и психическая "
                    "неприкосновенность", "Фізічная і псіхічная недатыкальнасць"),
    "movement": _l("Freedom of movement", "Свобода передвижения", "Свабода перамяшчэння"),
    "family": _l("Family", "Семья", "Сям'я"),
    "property": _l("Property and home", "Собственность и жилище", "Маёмасць і жыллё"),
    "livelihood": _l("Work and education", "Работа и учёба", "Праца і вучоба"),
    "privacy": _l("Privacy", "Частная жизнь", "Прыватнае жыццё"),
    "other": _l("Other", "Другое", "Іншае"),
}

FIXED: dict[str, dict[str, Labels]] = {
    PRECISION: {
        "exact": _l("Exact date", "Точная дата", "Дакладная дата"),
        "month": _l("Month only", "Только месяц", "Толькі месяц"),
        "year": _l("Year only", "Только год", "Толькі год"),
        "range": _l("Period", "Период", "Перыяд"),
        "unknown": _l("Date unknown", "Дата неизвестна", "Дата невядомая"),
    },
    ROLES: {
        "victim": _l("Victim", "Пострадавший", "Пацярпелы"),
        "witness": _l("Witness", "Свидетель", "Сведка"),
        "relative": _l("Relative", "Родственник", "Сваяк"),
        "other": _l("Other role", "Другая роль", "Іншая роля"),
    },
    CONSENT: {
        "hq_documentation": _l("Documentation", "Документирование", "Дакументаванне"),
        "anonymous_publication": _l("Anonymous publication", "Анонимная публикация",
                                    "Ананімная публікацыя"),
        "legal_proceedings": _l("Legal proceedings", "Судебные разбирательства",
                                "Судовыя разбіральніцтвы"),
        "audio_recording": _l("Audio recording", "Аудиозапись", "Аўдыязапіс"),
        "may_recontact": _l("May be contacted again", "Можно связаться повторно",
                            "Можна звязацца паўторна"),
        "anonymity_requested": _l("Anonymity requested", "Просит анонимности",
                                  "Просіць ананімнасці"),
    },
    MODES: {
        "in_person": _l("In person", "Лично", "Асабіста"),
        "remote": _l("Remote", "Удалённо", "Дыстанцыйна"),
    },
}


@dataclass(frozen=True)
class Entry:
    """One thesaurus value: its code, labels, and its group's labels (None: top level).
    ``former`` are labels of earlier vocabulary versions: a thesaurus imported then still
    spells the value that way."""

    code: str
    labels: Labels
    group: Labels | None = None
    former: tuple[str, ...] = ()


def entries(key: str, vocabulary: Vocabulary) -> list[Entry]:
    """The values of code list ``key``; violation types come from ``vocabulary`` (retired
    terms included: old testimonies still use them)."""
    if key == VIOLATIONS:
        return [Entry(t.code, dict(t.labels), CATEGORIES.get(t.category), t.former_labels)
                for t in vocabulary.terms]
    return [Entry(code, labels) for code, labels in FIXED[key].items()]


def thesaurus_csv_rows(key: str, vocabulary: Vocabulary) -> list[list[str]]:
    """Uwazi's thesaurus CSV (``importThesauri.ts``): one column per language, headed by
    the language's English name; a child row starts with ``-`` in every column and
    follows its group."""
    header = [UWAZI_LANGUAGE_LABELS[lang] for lang in LANGS]
    rows: list[list[str]] = [header]
    groups: list[tuple[Labels | None, list[Entry]]] = []
    for entry in entries(key, vocabulary):
        for group, members in groups:
            if group is entry.group and group is not None:
                members.append(entry)
                break
        else:
            groups.append((entry.group, [entry]))
    for group, members in groups:
        if group is None:
            rows += [[m.labels[lang] for lang in LANGS] for m in members]
        else:
            rows.append([group[lang] for lang in LANGS])
            rows += [[f"- {m.labels[lang]}" for lang in LANGS] for m in members]
    return rows
