"""The recommended Uwazi templates for NAM, "NAM Act" and "NAM Testimony", and the
default mapping that fills them. ``nam-desktop hq uwazi-setup`` writes them out for the
admin; docs/uwazi.md describes them (a test keeps the two in step).

Labels are ASCII, so the property names Uwazi derives from them are the same with and
without ``newNameGeneration`` (``rules.property_name``).
"""

from __future__ import annotations

from dataclasses import dataclass

from nam_desktop.core.model.vocabulary import Vocabulary
from nam_desktop.core.uwazi import vocab
from nam_desktop.core.uwazi.mapping import mapping_json
from nam_desktop.core.uwazi.rules import property_name

ACT_TEMPLATE = "NAM Act"
TESTIMONY_TEMPLATE = "NAM Testimony"


@dataclass(frozen=True)
class PropSpec:
    label: str
    type: str
    source: str
    thesaurus: str = ""  # vocab list key, for select/multiselect
    target: str = ""  # template name, for relationships

    @property
    def name(self) -> str:
        return property_name(self.label, self.type, True)


ACT_PROPS = (
    PropSpec("NAM id", "text", "act.nam_id"),
    PropSpec("NAM revision", "numeric", "act.revision"),
    PropSpec("NAM testimony", "text", "act.testimony"),
    PropSpec("Act type", "select", "act.type", thesaurus=vocab.VIOLATIONS),
    PropSpec("Date of act", "date", "act.date"),
    PropSpec("Act period", "daterange", "act.period"),
    PropSpec("Date precision", "select", "act.date_precision", thesaurus=vocab.PRECISION),
    PropSpec("Place name", "text", "act.place"),
    PropSpec("Place", "geolocation", "act.geolocation"),
    PropSpec("Victims", "text", "act.victims"),
    PropSpec("Status after", "text", "act.status_after"),
    PropSpec("Perpetrators", "markdown", "act.perpetrators"),
    PropSpec("Description", "markdown", "act.description"),
)

TESTIMONY_PROPS = (
    PropSpec("NAM id", "text", "testimony.nam_id"),
    PropSpec("NAM revision", "numeric", "testimony.revision"),
    PropSpec("Interview date", "date", "testimony.interview_date"),
    PropSpec("Witness pseudonym", "text", "testimony.pseudonym"),
    PropSpec("Witness role", "select", "testimony.witness_role", thesaurus=vocab.ROLES),
    PropSpec("Witness gender", "text", "testimony.witness_gender"),
    PropSpec("Witness age group", "text", "testimony.witness_age_group"),
    PropSpec("Consent", "multiselect", "testimony.consent", thesaurus=vocab.CONSENT),
    PropSpec("Narrative", "markdown", "testimony.narrative"),
    PropSpec("Acts", "relationship", "testimony.acts", target=ACT_TEMPLATE),
)

TEMPLATES = ((ACT_TEMPLATE, ACT_PROPS), (TESTIMONY_TEMPLATE, TESTIMONY_PROPS))


def default_mapping_json() -> bytes:
    """The default mapping (docs/uwazi.md), as the file ``uwazi-setup`` writes."""
    return mapping_json({
        "act": {"template": ACT_TEMPLATE,
                "columns": {p.name: p.source for p in ACT_PROPS}},
        "testimony": {"template": TESTIMONY_TEMPLATE,
                      "columns": {p.name: p.source for p in TESTIMONY_PROPS},
                      "attachments": True},
    }, description="Default NAM -> Uwazi mapping for the recommended templates "
                   "(docs/uwazi.md). Edit the property names to match your templates.")


def templates_markdown() -> str:
    """The recommended templates as Markdown tables (``uwazi-setup`` writes this file;
    docs/uwazi.md carries the same tables)."""
    lines: list[str] = []
    for name, props in TEMPLATES:
        lines += [f"### Template \"{name}\"", "",
                  "| Label | Property name | Type | Thesaurus / target | NAM field |",
                  "| --- | --- | --- | --- | --- |",
                  "| Title | `title` | text (common) | | see below |"]
        for p in props:
            extra = vocab.THESAURI[p.thesaurus][0] if p.thesaurus else p.target
            lines.append(f"| {p.label} | `{p.name}` | {p.type} | {extra} | `{p.source}` |")
        lines.append("")
    return "\n".join(lines)


def thesaurus_files(vocabulary: Vocabulary) -> dict[str, list[list[str]]]:
    """CSV file name -> rows, one file per thesaurus."""
    return {file: vocab.thesaurus_csv_rows(key, vocabulary)
            for key, (_, file) in vocab.THESAURI.items()}
