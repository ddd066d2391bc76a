"""Words for the Uwazi export: validation rules, why a testimony stayed behind, snapshot
changes and refusals. The core reports codes (:mod:`nam_desktop.core.uwazi.errors`);
only here do they become sentences."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from nam_desktop.core.uwazi.errors import Check, Reason, UwaziError
from nam_desktop.core.uwazi.records import LeaveReason
from nam_desktop.core.uwazi.snapshot import ChangeKind
from nam_desktop.gui.widgets.messages import message_for

CTX = "UwaziMessages"

CHECK_TEXT: dict[Check, str] = {
    Check.TEMPLATE_MISSING: QT_TRANSLATE_NOOP(
        "UwaziMessages", "The mapping names a template the snapshot does not have"),
    Check.UNKNOWN_HEADER: QT_TRANSLATE_NOOP(
        "UwaziMessages", "No property of the template has this name"),
    Check.HEADER_NOT_CANONICAL: QT_TRANSLATE_NOOP(
        "UwaziMessages", "Uwazi would read this column under another name"),
    Check.DUPLICATE_HEADER: QT_TRANSLATE_NOOP("UwaziMessages", "The column appears twice"),
    Check.WRONG_TYPE: QT_TRANSLATE_NOOP(
        "UwaziMessages", "The property's type cannot hold this NAM field"),
    Check.LANGUAGE_MIXED: QT_TRANSLATE_NOOP(
        "UwaziMessages", "Language columns and a plain column for the same property"),
    Check.LANGUAGE_UNSUPPORTED: QT_TRANSLATE_NOOP(
        "UwaziMessages", "This property type takes no language columns"),
    Check.LANGUAGE_NO_DEFAULT: QT_TRANSLATE_NOOP(
        "UwaziMessages", "Language columns without the collection's default language"),
    Check.LANGUAGE_NOT_INSTALLED: QT_TRANSLATE_NOOP(
        "UwaziMessages", "The language is not installed in the Uwazi collection"),
    Check.REQUIRED_MISSING: QT_TRANSLATE_NOOP(
        "UwaziMessages", "A required property would stay empty"),
    Check.TITLE_MISSING: QT_TRANSLATE_NOOP("UwaziMessages", "The title is missing"),
    Check.LABEL_MISSING: QT_TRANSLATE_NOOP(
        "UwaziMessages", "The value is not in the thesaurus (Uwazi would add it silently)"),
    Check.LABEL_IS_GROUP: QT_TRANSLATE_NOOP(
        "UwaziMessages", "A thesaurus group used as a value (Uwazi refuses the row)"),
    Check.LABEL_SEPARATORS: QT_TRANSLATE_NOOP(
        "UwaziMessages", "More than one \"::\" in a thesaurus value"),
    Check.SEPARATOR_IN_VALUE: QT_TRANSLATE_NOOP(
        "UwaziMessages", "\"|\" or \"::\" inside one value: Uwazi would split it"),
    Check.DATE_INVALID: QT_TRANSLATE_NOOP(
        "UwaziMessages", "Uwazi would read this date differently"),
    Check.NUMBER_INVALID: QT_TRANSLATE_NOOP("UwaziMessages", "Not a number"),
    Check.GEO_INVALID: QT_TRANSLATE_NOOP(
        "UwaziMessages", "A position must be latitude|longitude"),
    Check.GEO_OUT_OF_RANGE: QT_TRANSLATE_NOOP(
        "UwaziMessages", "Latitude or longitude out of range"),
    Check.FILE_MISSING: QT_TRANSLATE_NOOP(
        "UwaziMessages", "A file named in the row is not in the package"),
    Check.FILE_DUPLICATE: QT_TRANSLATE_NOOP(
        "UwaziMessages", "Two files would have the same name"),
    Check.FILE_NAME_INVALID: QT_TRANSLATE_NOOP(
        "UwaziMessages", "A file name that is not plain ASCII"),
    Check.RELATION_MISSING: QT_TRANSLATE_NOOP(
        "UwaziMessages", "A related act is not in the act package (Uwazi would create an "
        "empty one)"),
    Check.RELATION_AMBIGUOUS: QT_TRANSLATE_NOOP(
        "UwaziMessages", "Two acts have the same title"),
    Check.ENCODING: QT_TRANSLATE_NOOP(
        "UwaziMessages", "import.csv would not read back as written"),
    Check.PACKAGE_TOO_LARGE: QT_TRANSLATE_NOOP(
        "UwaziMessages", "The row and its files exceed one Uwazi upload (50 MB)"),
}

LEAVE_TEXT: dict[LeaveReason, str] = {
    LeaveReason.NOT_FINAL: QT_TRANSLATE_NOOP("UwaziMessages", "never finalised"),
    LeaveReason.CONSENT_WITHDRAWN: QT_TRANSLATE_NOOP("UwaziMessages", "consent withdrawn"),
    LeaveReason.NO_DOCUMENTATION_CONSENT: QT_TRANSLATE_NOOP(
        "UwaziMessages", "no consent to documentation"),
    LeaveReason.NO_PUBLICATION_CONSENT: QT_TRANSLATE_NOOP(
        "UwaziMessages", "no consent to anonymous publication"),
    LeaveReason.IDENTITY_IN_TEXT: QT_TRANSLATE_NOOP(
        "UwaziMessages", "the witness's name or contacts appear in the text"),
    LeaveReason.FILE_NOT_CLEANED: QT_TRANSLATE_NOOP(
        "UwaziMessages", "file without a cleaned version"),
    LeaveReason.RECORDING_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "UwaziMessages", "interview recording (not sent to Uwazi)"),
    LeaveReason.FILE_TOO_LARGE: QT_TRANSLATE_NOOP(
        "UwaziMessages", "files too large for one Uwazi upload"),
}

REASON_TEXT: dict[Reason, str] = {
    Reason.SNAPSHOT_INVALID: QT_TRANSLATE_NOOP(
        "UwaziMessages", "The snapshot folder must hold templates.json, dictionaries.json and "
        "settings.json exactly as the Uwazi API returned them."),
    Reason.SNAPSHOT_MISSING: QT_TRANSLATE_NOOP(
        "UwaziMessages", "Choose the snapshot folder: none is stored yet."),
    Reason.MAPPING_INVALID: QT_TRANSLATE_NOOP(
        "UwaziMessages", "The mapping file is not valid (see docs/uwazi.md)."),
    Reason.VALIDATION_FAILED: QT_TRANSLATE_NOOP(
        "UwaziMessages", "The packages would not import as meant. Nothing was written."),
    Reason.OUTPUT_INVALID: QT_TRANSLATE_NOOP(
        "UwaziMessages", "The output folder cannot be used."),
    Reason.WRITE_FAILED: QT_TRANSLATE_NOOP(
        "UwaziMessages", "The output folder could not be written (full or removed?). "
        "Nothing was kept."),
    Reason.SOURCE_CHANGED: QT_TRANSLATE_NOOP(
        "UwaziMessages", "A record or file in the vault does not match its recorded hash. "
        "Run a vault check."),
    Reason.UNKNOWN_EXPORT: QT_TRANSLATE_NOOP("UwaziMessages", "That export is not known."),
    Reason.WRONG_ROLE: QT_TRANSLATE_NOOP("UwaziMessages", "This needs an HQ vault."),
    Reason.CANCELLED: QT_TRANSLATE_NOOP("UwaziMessages", "Cancelled. Nothing was kept."),
}

CHANGE_TEXT: dict[ChangeKind, str] = {
    ChangeKind.FIRST: QT_TRANSLATE_NOOP("UwaziMessages", "first snapshot"),
    ChangeKind.TEMPLATE_ADDED: QT_TRANSLATE_NOOP("UwaziMessages", "template added"),
    ChangeKind.TEMPLATE_REMOVED: QT_TRANSLATE_NOOP("UwaziMessages", "template removed"),
    ChangeKind.PROPERTY_ADDED: QT_TRANSLATE_NOOP("UwaziMessages", "property added"),
    ChangeKind.PROPERTY_REMOVED: QT_TRANSLATE_NOOP("UwaziMessages", "property removed"),
    ChangeKind.PROPERTY_RENAMED: QT_TRANSLATE_NOOP("UwaziMessages", "property renamed"),
    ChangeKind.PROPERTY_TYPE: QT_TRANSLATE_NOOP("UwaziMessages", "property type changed"),
    ChangeKind.PROPERTY_CONTENT: QT_TRANSLATE_NOOP(
        "UwaziMessages", "property points elsewhere"),
    ChangeKind.THESAURUS_ADDED: QT_TRANSLATE_NOOP("UwaziMessages", "thesaurus added"),
    ChangeKind.THESAURUS_REMOVED: QT_TRANSLATE_NOOP("UwaziMessages", "thesaurus removed"),
    ChangeKind.LABEL_ADDED: QT_TRANSLATE_NOOP("UwaziMessages", "value added"),
    ChangeKind.LABEL_REMOVED: QT_TRANSLATE_NOOP("UwaziMessages", "value removed"),
    ChangeKind.LANGUAGE_ADDED: QT_TRANSLATE_NOOP("UwaziMessages", "language added"),
    ChangeKind.LANGUAGE_REMOVED: QT_TRANSLATE_NOOP("UwaziMessages", "language removed"),
    ChangeKind.DEFAULT_LANGUAGE: QT_TRANSLATE_NOOP(
        "UwaziMessages", "default language changed"),
    ChangeKind.DATE_FORMAT: QT_TRANSLATE_NOOP("UwaziMessages", "date format changed"),
    ChangeKind.NAME_GENERATION: QT_TRANSLATE_NOOP(
        "UwaziMessages", "property naming changed"),
}

ENTITY_TEXT: dict[str, str] = {"act": QT_TRANSLATE_NOOP("UwaziMessages", "Acts"),
               "testimony": QT_TRANSLATE_NOOP("UwaziMessages", "Testimonies")}


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def error_text(exc: BaseException) -> str:
    if isinstance(exc, UwaziError):
        return tr(REASON_TEXT[exc.reason])
    return message_for(exc)
