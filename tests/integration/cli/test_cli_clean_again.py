"""``nam-desktop attachment clean-again``: a refused document cleaned again through the
CLI, with the documented exit codes (docs/cli.md); the cleaned copy read back from the
vault holds none of the planted values."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from nam_desktop.cli import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_OK, EXIT_UNSUPPORTED
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.vault.vault import Vault

from ...gui import office_docs as docs
from .conftest import PASS

Cli = Callable[..., tuple[int, str, str]]


def add_testimony(cli: Cli, vault: Path, write_json: Callable[..., Path]) -> str:
    code, out, err = cli("testimony", "add", vault, "--json",
                         write_json({"title": "With documents"}))
    assert code == EXIT_OK, err
    return out.strip().splitlines()[-1]


def attach_refused(cli: Cli, vault: Path, tid: str, path: Path) -> dict[str, object]:
    code, out, err = cli("attach", vault, tid, path, "--json")
    assert code == EXIT_OK, err
    [att] = json.loads(out)
    assert att["clean_status"] == "refused"
    return dict(att)


def read_back(vault: Path, attachment_id: str, *, original: bool = False) -> bytes:
    v = Vault.open(vault, PASS)
    try:
        with AttachmentService(v).open(attachment_id, original=original) as reader:
            return bytes(reader.read())
    finally:
        v.close()


@pytest.mark.parametrize("make, name", [(docs.xlsx_with_comments, "list.xlsx"),
                                        (docs.pptx_with_notes, "slides.pptx")])
def test_clean_again_with_flattening(cli: Cli, cli_vault: Path, tmp_path: Path,
                                     write_json: Callable[..., Path],
                                     make: Callable[[], bytes], name: str) -> None:
    tid = add_testimony(cli, cli_vault, write_json)
    src = tmp_path / name
    src.write_bytes(make())
    refused = attach_refused(cli, cli_vault, tid, src)

    code, out, err = cli("attachment", "clean-again", cli_vault, refused["id"])
    assert code == EXIT_UNSUPPORTED  # flattening not accepted: still refused
    assert "still refused, nothing changed" in err and "--accept-flattening" in err

    code, out, err = cli("attachment", "clean-again", cli_vault, refused["id"],
                         "--accept-flattening")
    assert code == EXIT_OK, err
    assert f"replaces attachment {refused['id']}" in out and ", clean" in out
    code, out, _ = cli("testimony", "show", cli_vault, tid, "--json")
    [att] = json.loads(out)["attachments"]
    assert att["id"] != refused["id"] and att["clean_status"] == "clean"
    assert att["original"]["sha256"] == refused["sha256_original"]
    assert docs.found(read_back(cli_vault, str(att["id"]))) == set()
    planted = docs.found(src.read_bytes())
    assert docs.PHONE in planted
    assert read_back(cli_vault, str(att["id"]), original=True) == src.read_bytes()

    code, _, err = cli("attachment", "clean-again", cli_vault, att["id"],
                       "--accept-flattening")
    assert code == EXIT_BAD_INPUT and "not refused" in err  # clean already
    code, _, err = cli("attachment", "clean-again", cli_vault, refused["id"],
                       "--accept-flattening")
    assert code == EXIT_NOT_FOUND  # the refused record is gone


def test_original_gone_needs_file(cli: Cli, cli_vault: Path, tmp_path: Path,
                                  write_json: Callable[..., Path]) -> None:
    tid = add_testimony(cli, cli_vault, write_json)
    data = docs.xlsx_with_comments()
    src = tmp_path / "list.xlsx"
    src.write_bytes(data)
    refused = attach_refused(cli, cli_vault, tid, src)
    v = Vault.open(cli_vault, PASS)
    try:  # what destroying the local copy after HQ's receipt does
        with v.transaction() as c:
            c.execute("UPDATE attachments SET original_media_id = NULL WHERE id = ?",
                      (refused["id"],))
            v.media.delete(str(refused["original_media_id"]))
    finally:
        v.close()
    clean = ("attachment", "clean-again", cli_vault, refused["id"], "--accept-flattening")

    code, out, err = cli(*clean)
    assert code == EXIT_NOT_FOUND and "--file" in err and "Traceback" not in err
    code, _, err = cli(*clean, "--file", tmp_path / "missing.xlsx")
    assert code == EXIT_NOT_FOUND
    other = tmp_path / "other.xlsx"
    other.write_bytes(data[:-22] + bytes(22))
    media = sorted((cli_vault / "media").iterdir())
    code, _, err = cli(*clean, "--file", other)
    assert code == EXIT_BAD_INPUT and "differs from the recorded" in err
    assert sorted((cli_vault / "media").iterdir()) == media  # nothing stored

    code, out, err = cli(*clean, "--file", src, "--json")
    assert code == EXIT_OK, err
    result = json.loads(out)
    assert result["cleaned"] is True and result["replaces"] == refused["id"]
    new_id = result["attachment"]["id"]
    assert result["attachment"]["clean_status"] == "clean"
    assert read_back(cli_vault, new_id, original=True) == data  # kept again
    assert docs.found(read_back(cli_vault, new_id)) == set()
