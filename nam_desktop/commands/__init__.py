"""CLI subcommands, one module per area. Each exposes ``register(subparsers)``."""

from __future__ import annotations

from types import ModuleType

from nam_desktop.commands import (
    attach,
    exchange,
    hq,
    media,
    receipt,
    search,
    selftest,
    summary,
    testimony,
    vault,
)

COMMAND_MODULES: tuple[ModuleType, ...] = (vault, testimony, search, attach, media, summary,
                                             exchange, receipt, hq, selftest)
