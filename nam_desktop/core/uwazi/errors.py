"""Typed failures of the Uwazi export, and the problems the validator reports.

An :class:`UwaziError` carries a :class:`Reason`; a refused export also carries every
:class:`Problem` found (package, row, column, :class:`Check`). Front ends turn reasons
and checks into words; ``detail`` is a short technical note (labels, property names,
numbers), never testimony text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from nam_desktop.core.errors import NamError, Status


class Reason(Enum):
    SNAPSHOT_INVALID = "snapshot_invalid"  # a snapshot file is missing or not Uwazi's shape
    SNAPSHOT_MISSING = "snapshot_missing"  # no snapshot given and none stored
    MAPPING_INVALID = "mapping_invalid"
    VALIDATION_FAILED = "validation_failed"  # the packages would not import as meant
    OUTPUT_INVALID = "output_invalid"  # the output folder is missing or not a folder
    WRITE_FAILED = "write_failed"
    SOURCE_CHANGED = "source_changed"  # a record or file changed while it was read
    UNKNOWN_EXPORT = "unknown_export"  # --since names no earlier export
    WRONG_ROLE = "wrong_role"
    CANCELLED = "cancelled"


_STATUS = {
    Reason.SNAPSHOT_INVALID: Status.MALFORMED_FILE,
    Reason.SNAPSHOT_MISSING: Status.NOT_READY,
    Reason.MAPPING_INVALID: Status.MALFORMED_FILE,
    Reason.VALIDATION_FAILED: Status.NOT_READY,
    Reason.OUTPUT_INVALID: Status.INVALID_INPUT,
    Reason.WRITE_FAILED: Status.PERMISSION_DENIED,
    Reason.SOURCE_CHANGED: Status.MEDIA_DAMAGED,
    Reason.UNKNOWN_EXPORT: Status.NOT_FOUND,
    Reason.WRONG_ROLE: Status.INVALID_INPUT,
    Reason.CANCELLED: Status.NOT_READY,
}


class Check(Enum):
    """The rule a cell or header breaks (docs/uwazi.md, "Validation")."""

    TEMPLATE_MISSING = "template_missing"  # the mapping names a template not in the snapshot
    UNKNOWN_HEADER = "unknown_header"  # a column matches no property of the template
    HEADER_NOT_CANONICAL = "header_not_canonical"  # Uwazi would rename the header
    DUPLICATE_HEADER = "duplicate_header"
    WRONG_TYPE = "wrong_type"  # the property's type cannot hold this NAM field
    LANGUAGE_MIXED = "language_mixed"  # language and non-language columns for one property
    LANGUAGE_UNSUPPORTED = "language_unsupported"  # the type takes no language suffix
    LANGUAGE_NO_DEFAULT = "language_no_default"  # language columns without the default one
    LANGUAGE_NOT_INSTALLED = "language_not_installed"
    REQUIRED_MISSING = "required_missing"  # a required property left empty
    TITLE_MISSING = "title_missing"
    LABEL_MISSING = "label_missing"  # Uwazi would add the label to the thesaurus silently
    LABEL_IS_GROUP = "label_is_group"  # a group label used alone: Uwazi refuses the row
    LABEL_SEPARATORS = "label_separators"  # more than one "::"
    SEPARATOR_IN_VALUE = "separator_in_value"  # "|" or "::" inside one value
    DATE_INVALID = "date_invalid"  # not ISO, or Uwazi would read another day
    NUMBER_INVALID = "number_invalid"
    GEO_INVALID = "geo_invalid"  # not "lat|lon" numbers
    GEO_OUT_OF_RANGE = "geo_out_of_range"
    FILE_MISSING = "file_missing"  # an attachment named but not in the package
    FILE_DUPLICATE = "file_duplicate"
    FILE_NAME_INVALID = "file_name_invalid"  # not a plain ASCII name
    RELATION_MISSING = "relation_missing"  # Uwazi would create an empty entity
    RELATION_AMBIGUOUS = "relation_ambiguous"  # two target entities share the title
    ENCODING = "encoding"  # import.csv not UTF-8 without BOM, or does not read back
    PACKAGE_TOO_LARGE = "package_too_large"


@dataclass(frozen=True)
class Problem:
    """One reason the packages would not import as meant. ``row`` counts data rows from
    1 (the line after the header); 0 means the header or the whole template."""

    package: str  # "act" or "testimony" (the NAM side of the mapping)
    row: int
    column: str
    check: Check
    detail: str = ""
    nam_id: str = ""

    def __str__(self) -> str:
        where = f"{self.package}, row {self.row}" if self.row else f"{self.package}, header"
        col = f", column {self.column}" if self.column else ""
        ident = f" [{self.nam_id}]" if self.nam_id else ""
        detail = f": {self.detail}" if self.detail else ""
        return f"{where}{col}{ident}: {self.check.value}{detail}"


class UwaziError(NamError):
    """An Uwazi snapshot, mapping or export refused; nothing was written or stored."""

    def __init__(self, reason: Reason, detail: str = "",
                 problems: list[Problem] | None = None) -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value,
                         status=_STATUS[reason])
        self.reason = reason
        self.problems = list(problems or [])
