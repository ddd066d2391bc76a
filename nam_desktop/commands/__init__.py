"""CLI subcommands, one module per area. Each exposes ``register(subparsers)``.

A command's module is imported only when that command runs (``nam-desktop --version``
and ``media inspect`` must not pay for the vault, the exchange or reportlab): the CLI
reads :data:`COMMANDS` to list every command cheaply and registers the real parser of
the one named on the command line (``nam_desktop.cli.build_parser``).
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: Top-level command -> (module that registers it, its one-line help), in the order
#: ``nam-desktop --help`` lists them. The help must equal the one the module registers
#: (a test compares them). A module may register several commands (exchange).
COMMANDS: dict[str, tuple[str, str]] = {
    "vault": ("nam_desktop.commands.vault", "create and look after a vault"),
    "testimony": ("nam_desktop.commands.testimony", "add, list, show and finalise testimonies"),
    "search": ("nam_desktop.commands.search",
               "full-text search (Belarusian, Russian, English, ...)"),
    "attach": ("nam_desktop.commands.attach",
               "attach files to a testimony (metadata is cleaned)"),
    "attachment": ("nam_desktop.commands.attach", "clean a refused attachment again"),
    "media": ("nam_desktop.commands.media", "inspect and remove metadata of media files"),
    "summary": ("nam_desktop.commands.summary",
                "write a signed PDF summary of a testimony, or verify one"),
    "keycard": ("nam_desktop.commands.exchange", "import or show the HQ key card"),
    "export": ("nam_desktop.commands.exchange", "write a signed, encrypted bundle for HQ"),
    "verify": ("nam_desktop.commands.exchange",
               "decrypt and verify a bundle without importing it"),
    "receipt": ("nam_desktop.commands.receipt", "import HQ's receipt; destroy what HQ holds"),
    "hq": ("nam_desktop.commands.hq", "HQ import station"),
    "selftest": ("nam_desktop.commands.selftest", "check that this computer writes the app's "
                 "files byte-exact (throwaway data in a new folder)"),
}


def command_module(name: str) -> ModuleType:
    """The module that registers the command ``name`` (imported now)."""
    return importlib.import_module(COMMANDS[name][0])


def all_command_modules() -> tuple[ModuleType, ...]:
    """Every command module, imported (the full parser, tests)."""
    paths = dict.fromkeys(path for path, _ in COMMANDS.values())
    return tuple(importlib.import_module(path) for path in paths)
