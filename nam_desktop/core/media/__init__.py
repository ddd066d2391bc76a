"""Metadata inspector, cleaner and verifier for media attached to testimonies (Qt-free).

Usage::

    report = inspect(stream, filename="photo.jpg")
    result = clean(stream, filename="photo.jpg")
    if result.status is CleanStatus.CLEAN:
        store(result.data)

See ``docs/metadata.md`` for what is removed per format.
"""

from __future__ import annotations

from nam_desktop.core.media.api import clean, inspect, size_limit, supported_formats, verify
from nam_desktop.core.media.base import DEFAULT_LIMITS, Limits
from nam_desktop.core.media.report import (
    CleanResult,
    CleanStatus,
    MetadataItem,
    MetadataReport,
    RiskClass,
    VerifyResult,
)

__all__ = [
    "DEFAULT_LIMITS",
    "CleanResult",
    "CleanStatus",
    "Limits",
    "MetadataItem",
    "MetadataReport",
    "RiskClass",
    "VerifyResult",
    "clean",
    "inspect",
    "size_limit",
    "supported_formats",
    "verify",
]
