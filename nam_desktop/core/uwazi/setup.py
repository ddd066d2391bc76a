"""``hq uwazi-setup``: what an Uwazi admin creates once for NAM.

Writes one thesaurus CSV per code list (Belarusian, Russian and English columns, for
Uwazi's thesaurus import), ``templates.md`` (the recommended templates, to create by
hand in Uwazi's template editor) and ``mapping.json`` (the default mapping, to adapt).
None of it holds testimony content.
"""

from __future__ import annotations

from pathlib import Path

from nam_desktop.core.crypto.fsutil import atomic_write
from nam_desktop.core.model.vocabulary import Vocabulary
from nam_desktop.core.uwazi.errors import Reason, UwaziError
from nam_desktop.core.uwazi.recommended import (
    default_mapping_json,
    templates_markdown,
    thesaurus_files,
)
from nam_desktop.core.uwazi.validate import encode_csv
from nam_desktop.core.uwazi.vocab import THESAURI

INTRO = """# Setting up Uwazi for NAM Desktop

1. Import each `thesaurus-*.csv` as a new thesaurus (Settings > Thesauri > Add thesaurus >
   Import), named as below, while the interface is in the collection's default language
   (Belarusian, Russian or English): that column becomes the labels, the other two their
   translations.
2. Create the two templates below (Settings > Templates). Type the labels exactly: Uwazi
   derives the property names from them.
3. Save the answers of `GET /api/templates`, `GET /api/dictionaries` and `GET /api/settings`
   as `templates.json`, `dictionaries.json` and `settings.json` in one folder: that folder is
   the snapshot NAM Desktop checks every export against.
4. Import packages in the order of their numbers (`01-act.zip` before `02-testimony.zip`).

Thesauri:

"""


def setup_files(vocabulary: Vocabulary) -> dict[str, bytes]:
    files = {name: encode_csv(rows[0], rows[1:])
             for name, rows in thesaurus_files(vocabulary).items()}
    thesauri = "".join(f"- `{file}`: **{name}**\n" for name, file in THESAURI.values())
    files["templates.md"] = (INTRO + thesauri + "\n" + templates_markdown()).encode("utf-8")
    files["mapping.json"] = default_mapping_json()
    return files


def write_setup(out: Path, vocabulary: Vocabulary) -> list[Path]:
    """Write the setup files into ``out`` (created if missing); refuses to replace any."""
    files = setup_files(vocabulary)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UwaziError(Reason.OUTPUT_INVALID, exc.strerror or str(out)) from exc
    clash = [name for name in files if (out / name).exists()]
    if clash:
        raise UwaziError(Reason.OUTPUT_INVALID, f"{clash[0]} already exists in {out}")
    written = []
    try:
        for name, data in files.items():
            atomic_write(out / name, data)
            written.append(out / name)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise UwaziError(Reason.WRITE_FAILED, exc.strerror or str(out)) from exc
    return written
