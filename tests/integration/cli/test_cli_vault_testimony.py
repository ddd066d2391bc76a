"""The command line as HQ scripts use it: exit codes, JSON output, clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from nam_desktop.cli import EXIT_BAD_INPUT, EXIT_NOT_READY, EXIT_WRONG_PASSPHRASE

Cli = Callable[..., tuple[int, str, str]]

DOC = {
    "title": "Затрыманне ў Менску",
    "interview": {"date": "2025-06-01", "place": "Вільнюс", "language": "be"},
    "witness": {"pseudonym": "W-9", "name": "Тайнае Імя", "birth_date": "1979-01-02",
                "contact": "tg:@secret"},
    "consent": {"hq_documentation": True, "anonymous_publication": True,
                "legal_proceedings": True, "audio_recording": False,
                "anonymity_requested": True},
    "narrative": "Мяне затрымалі ля пад'езда. Меня избили в РУВД.",
    "notes": "Сведка стомленая.",
    "acts": [{"type": "arbitrary_detention", "date": "2020-08-10", "place": "Мінск",
              "perpetrators": ["АМАП"]}],
}


def _add(cli: Cli, vault: Path, write_json: Callable[[object], Path], doc: object = DOC) -> str:
    code, out, err = cli("testimony", "add", vault, "--json", write_json(doc))
    assert code == 0, err
    return out.strip().splitlines()[-1]


def test_add_list_show_finalize_search(cli: Cli, cli_vault: Path,
                                       write_json: Callable[[object], Path]) -> None:
    tid = _add(cli, cli_vault, write_json)
    code, out, _ = cli("testimony", "list", cli_vault, "--json")
    assert code == 0
    [row] = json.loads(out)
    assert (row["id"], row["title"], row["status"]) == (tid, DOC["title"], "draft")

    code, out, _ = cli("testimony", "show", cli_vault, tid, "--json")
    shown = json.loads(out)
    assert shown["narrative"] == DOC["narrative"]
    assert "identity" not in shown and "Тайнае" not in out
    code, out, _ = cli("testimony", "show", cli_vault, tid, "--json", "--identity")
    assert json.loads(out)["identity"]["name"] == "Тайнае Імя"

    assert cli("testimony", "finalize", cli_vault, tid)[0] == 0
    code, out, _ = cli("testimony", "list", cli_vault, "--json")
    assert json.loads(out)[0]["status"] == "final"

    code, out, _ = cli("search", cli_vault, "избили")
    assert code == 0
    assert out.splitlines()[0].startswith(tid)
    code, out, _ = cli("search", cli_vault, "затрымалі", "--json")
    assert json.loads(out)[0]["id"] == tid


def test_finalize_refused_lists_missing(cli: Cli, cli_vault: Path,
                                        write_json: Callable[[object], Path]) -> None:
    tid = _add(cli, cli_vault, write_json, {"title": "no consent yet",
                                            "witness": {"pseudonym": "X"}})
    code, out, err = cli("testimony", "finalize", cli_vault, tid)
    assert code == EXIT_NOT_READY
    assert "consent" in out and "interview.date" in out
    assert "Traceback" not in err


def test_unknown_vocabulary_and_malformed_json_write_nothing(
        cli: Cli, cli_vault: Path, write_json: Callable[[object], Path], tmp_path: Path) -> None:
    bad = {**DOC, "acts": [{"type": "alien_abduction"}]}
    code, _, err = cli("testimony", "add", cli_vault, "--json", write_json(bad))
    assert code == EXIT_BAD_INPUT
    assert "acts[0].type" in err and "alien_abduction" in err
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": "x",', "utf-8")
    code, _, err = cli("testimony", "add", cli_vault, "--json", broken)
    assert code == EXIT_BAD_INPUT and "malformed JSON" in err
    assert json.loads(cli("testimony", "list", cli_vault, "--json")[1]) == []


def test_import_json_lines_all_or_nothing(cli: Cli, cli_vault: Path, tmp_path: Path) -> None:
    lines = tmp_path / "many.jsonl"
    good = [{"title": f"T{i}", "narrative": f"Сведчанне нумар {i}"} for i in range(5)]
    lines.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in
                               [*good, {"acts": [{"type": "bad"}]}]), "utf-8")
    code, _, err = cli("testimony", "import", cli_vault, lines)
    assert code == EXIT_BAD_INPUT and "line 6: acts[0].type" in err
    assert json.loads(cli("testimony", "list", cli_vault, "--json")[1]) == []
    lines.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in good), "utf-8")
    code, out, _ = cli("testimony", "import", cli_vault, lines)
    assert code == 0 and "imported 5" in out
    assert len(json.loads(cli("testimony", "list", cli_vault, "--json")[1])) == 5


def test_check_fingerprint_passwd(cli: Cli, cli_vault: Path, tmp_path: Path,
                                  monkeypatch: object) -> None:
    code, out, _ = cli("vault", "check", cli_vault)
    assert code == 0 and "vault is OK" in out
    code, out, _ = cli("vault", "fingerprint", cli_vault)
    assert code == 0 and len(out.strip().split("-")) == 6
    new = tmp_path / "new.txt"
    new.write_text("зусім новы пароль\n", "utf-8")
    assert cli("vault", "passwd", cli_vault, "--new-passphrase-file", new)[0] == 0
    code, _, err = cli("vault", "check", cli_vault)
    assert code == EXIT_WRONG_PASSPHRASE and "wrong passphrase" in err
    assert cli("vault", "check", cli_vault, "--passphrase-file", new)[0] == 0


def test_check_exit_1_when_damaged(cli: Cli, cli_vault: Path) -> None:
    media = cli_vault / "media"
    (media / "0123456789abcdef0123456789abcdef.nam").write_bytes(b"x")  # orphan: fine
    assert cli("vault", "check", cli_vault)[0] == 0
    from nam_desktop.core.vault.vault import Vault

    with Vault.open(cli_vault, "correct horse battery") as v, v.transaction() as c:
        c.execute("INSERT INTO media_files VALUES ('ffffffffffffffffffffffffffffffff', "
                  "x'00', 1, 'x', 1048576, 'now')")
    code, out, _ = cli("vault", "check", cli_vault, "--json")
    assert code == 1
    assert json.loads(out)["media_problems"]


def test_real_entry_point_without_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "NAM_PASSPHRASE": "correct horse battery"}
    folder = tmp_path / "v"
    init = subprocess.run([sys.executable, "-m", "nam_desktop", "vault", "init", str(folder),
                           "--fast-kdf"], env=env, capture_output=True, text=True, check=False)
    assert init.returncode == 0, init.stderr
    env["NAM_PASSPHRASE"] = "wrong wrong wrong"
    bad = subprocess.run([sys.executable, "-m", "nam_desktop", "testimony", "list", str(folder)],
                         env=env, capture_output=True, text=True, check=False)
    assert bad.returncode == EXIT_WRONG_PASSPHRASE
    assert "Traceback" not in bad.stderr and "wrong passphrase" in bad.stderr
    assert "hmac" not in bad.stderr.lower()  # SQLCipher's own logging is silenced
    version = subprocess.run([sys.executable, "-m", "nam_desktop", "--version"],
                             capture_output=True, text=True, check=False)
    assert version.returncode == 0 and version.stdout.startswith("nam-desktop ")


def test_no_passphrase_source_is_a_clear_error(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NAM_PASSPHRASE"}
    folder = tmp_path / "v"
    subprocess.run([sys.executable, "-m", "nam_desktop", "vault", "init", str(folder),
                    "--fast-kdf"], env={**env, "NAM_PASSPHRASE": "correct horse battery"},
                   check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-m", "nam_desktop", "vault", "check",
                             str(folder)], env=env, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, check=False)
    assert result.returncode == EXIT_BAD_INPUT
    assert "--passphrase-file" in result.stderr and "Traceback" not in result.stderr
