"""The summary package imports its parts when they are used: showing a testimony at HQ
(``summary.content``) must not load the PDF signing stack (pyHanko, aiohttp)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

import nam_desktop.core.summary as summary

PDF_STACK = ("pyhanko", "aiohttp", "reportlab", "pikepdf", "nam_desktop.core.summary.service",
             "nam_desktop.core.summary.pdf_verify")


def _modules_after(statement: str) -> set[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("statement", [
    "from nam_desktop.core.summary.content import SummaryOptions, build_content",
    "import nam_desktop.gui.hq.hq_window",
])
def test_showing_a_testimony_does_not_load_the_pdf_stack(statement: str) -> None:
    loaded = _modules_after(statement)
    assert "nam_desktop.core.summary.content" in loaded
    assert [m for m in PDF_STACK if m in loaded] == []


def test_every_exported_name_comes_from_its_module() -> None:
    modules = ("content", "pdf_verify", "service", "signature")
    for name in summary.__all__:
        value = getattr(summary, name)
        homes = [m for m in modules
                 if getattr(importlib.import_module(f"nam_desktop.core.summary.{m}"), name,
                            None) is value]
        assert homes, name
    with pytest.raises(AttributeError):
        summary.no_such_name  # noqa: B018
