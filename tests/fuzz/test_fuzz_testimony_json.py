"""Structure-aware fuzzing of testimony JSON (docs/testimony-json.md), the outside data of
`testimony add` and `testimony import`.

Documents are drawn from the schema (every known field, at every level) filled with
hostile values: huge integers beyond Python's 4,300-digit limit, lone and paired
surrogates, control characters, bidirectional overrides, wrong types, unknown keys,
deep nesting; then some are cut short or have bytes flipped. The properties:

* parsing and validation either give a draft or raise ``ValidationError`` whose field
  and message are printable UTF-8 (never another exception, never a traceback);
* a draft that validates is stored in a real SQLCipher vault and read back unchanged.

The number of examples comes from the hypothesis profile (tests/fuzz/conftest.py: a
bounded run in `make test`, a long one in `make fuzz`). Every input that ever failed is
kept in regressions/testimony_json/ and replayed below, through the real CLI too: when
hypothesis reports a failing document, save its bytes there as a new file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from nam_desktop.cli import EXIT_BAD_INPUT, EXIT_OK, run
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.model.json_io import decode_document, draft_from_dict, drafts_from_json_lines
from nam_desktop.core.model.records import TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.model.vocabulary import shipped_vocabulary
from nam_desktop.core.vault.vault import Vault

REGRESSIONS = Path(__file__).resolve().parent / "regressions" / "testimony_json"
CODES = shipped_vocabulary().codes()
PASS = "correct horse battery"


class Huge:
    """An integer literal written as digits (json.dumps refuses > 4,300 digits)."""

    def __init__(self, digits: str) -> None:
        self.digits = digits


class Deep:
    """A value nested ``depth`` arrays deep, written as text (no recursion here)."""

    def __init__(self, depth: int) -> None:
        self.depth = depth


def dump(value: Any) -> str:
    """JSON text, with Huge numbers spliced in and surrogates escaped (ensure_ascii)."""
    if isinstance(value, Huge):
        return value.digits
    if isinstance(value, Deep):
        return "[" * value.depth + '"x"' + "]" * value.depth
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(k))}:{dump(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dump(v) for v in value) + "]"
    return json.dumps(value)


HOSTILE_CHARS = ["\ud800", "\udfff", "\ud83d\ude00", "\x00", "\x1b", "\u202e", "\u2066",
                 "\ufeff", "\r", "\u0301", "\U0010ffff", "ў", "'", '"', "\\"]

hostile_text = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(HOSTILE_CHARS) | st.text(max_size=5), max_size=8).map("".join),
    st.sampled_from(["", " ", "2021-03-25", "2020-08/2020-12", "2021-13-40", "arbitrary_detention",
                     "in_person", "oral", "victim", "x" * 2_100]),
)
huge = st.integers(min_value=4_300, max_value=6_000).map(lambda n: Huge("9" * n)) | \
    st.integers(min_value=101, max_value=200).map(lambda n: Huge("-" + "1" * n))
scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                   hostile_text, huge)


value = st.recursive(scalar, lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(hostile_text, inner, max_size=3), max_leaves=8) | \
    st.integers(min_value=900, max_value=100_000).map(Deep)


def section(fields: tuple[str, ...], leaf: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    known = st.fixed_dictionaries({}, optional={f: leaf for f in fields})
    return st.one_of(known, known.flatmap(
        lambda d: st.dictionaries(hostile_text, value, max_size=2).map(lambda u: {**d, **u})),
        value)


def fields(*names: str) -> st.SearchStrategy[Any]:
    return section(names, st.one_of(hostile_text, scalar, value))


act = section(("type", "date", "date_end", "date_precision", "place", "victims",
               "status_after", "description", "perpetrators"),
              st.one_of(st.sampled_from(sorted(CODES)), hostile_text, scalar,
                        st.lists(hostile_text | fields("unit", "rank", "description"),
                                 max_size=3)))

document = st.fixed_dictionaries({}, optional={
    "title": hostile_text | scalar,
    "interview": fields("date", "date_end", "place", "language", "languages", "mode",
                        "interpreter", "others_present", "interviewer"),
    "witness": fields("pseudonym", "name", "birth_date", "contact", "documents", "gender",
                      "age_group", "role"),
    "consent": fields("hq_documentation", "anonymous_publication", "legal_proceedings",
                      "audio_recording", "anonymity_requested", "may_recontact",
                      "given_date", "date", "method"),
    "narrative": hostile_text | scalar,
    "notes": hostile_text | scalar,
    "acts": st.lists(act, max_size=3) | value,
    "assessment": fields("reliability", "follow_up", "referrals"),
}) | value


# Documents of the right shape with unusual but legal text: most of them must be stored.
text = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30)
date = st.dates().map(lambda d: d.isoformat()) | st.just("")
plausible = st.fixed_dictionaries({}, optional={
    "title": text, "narrative": text, "notes": text,
    "interview": st.fixed_dictionaries({}, optional={
        "date": date, "place": text, "language": st.sampled_from(["be", "ru", "en", ""]),
        "mode": st.sampled_from(["", "in_person", "remote"])}),
    "witness": st.fixed_dictionaries({}, optional={
        "pseudonym": text, "name": text, "contact": text, "birth_date": date}),
    "consent": st.fixed_dictionaries({}, optional={
        "hq_documentation": st.booleans(), "legal_proceedings": st.booleans(),
        "given_date": date, "method": st.sampled_from(["", "oral", "written"])}),
    "acts": st.lists(st.fixed_dictionaries({"type": st.sampled_from(sorted(CODES))}, optional={
        "date": date, "place": text, "description": text,
        "perpetrators": st.lists(text, max_size=2)}), max_size=3),
})


@st.composite
def document_bytes(draw: st.DrawFn) -> bytes:
    data = dump(draw(plausible | document)).encode("utf-8")
    mutation = draw(st.sampled_from(["none", "none", "cut", "flip", "bom"]))
    if mutation == "cut" and data:
        data = data[:draw(st.integers(0, len(data) - 1))]
    elif mutation == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
    elif mutation == "bom":
        data = b"\xef\xbb\xbf" + data
    return data


def check_outcome(parse: Callable[[], object], *, fuzzing: bool = False) -> object | None:
    """Only a draft or a ValidationError with printable words may come out. ``fuzzing``:
    count both outcomes (--hypothesis-show-statistics: both must be common)."""
    try:
        result = parse()
    except ValidationError as exc:
        if fuzzing:
            event("refused")
        assert isinstance(exc.field, str) and exc.field
        f"{exc.field}: {exc.problem}".encode()  # strict: no lone surrogate
        assert len(exc.problem) < 500
        return None
    if fuzzing:
        event("accepted")
    return result


@pytest.fixture(scope="module")
def fuzz_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    vault = Vault.create(tmp_path_factory.mktemp("fuzz") / "vault", PASS, kdf=MINIMUM_PARAMS)
    try:
        yield vault
    finally:
        vault.close()


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                HealthCheck.data_too_large])
@given(data=document_bytes())
def test_any_document_is_a_draft_or_a_named_field(data: bytes, fuzz_vault: Vault) -> None:
    draft = check_outcome(lambda: draft_from_dict(decode_document(data), CODES), fuzzing=True)
    if draft is None:
        return
    assert isinstance(draft, TestimonyDraft)
    repo = TestimonyRepository(fuzz_vault)
    tid = repo.add(draft)
    stored = repo.get(tid, include_identity=True)
    assert (stored.title, stored.narrative, stored.notes) == (
        draft.title, draft.narrative, draft.notes)
    assert stored.identity.name == draft.identity.name
    assert [a.type for a in stored.acts] == [a.type for a in draft.acts]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                HealthCheck.data_too_large])
@given(lines=st.lists(document_bytes(), min_size=1, max_size=4))
def test_json_lines_fail_on_a_named_line_or_parse_whole(lines: list[bytes]) -> None:
    data = b"\n".join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines)
    drafts = check_outcome(lambda: drafts_from_json_lines(data, CODES), fuzzing=True)
    if drafts is not None:
        assert isinstance(drafts, list)
        assert len(drafts) == sum(1 for line in data.splitlines() if line.strip())


# ---- every input that ever failed, replayed ----------------------------------------------

REGRESSION_FILES = sorted(REGRESSIONS.glob("*.json*"))


def test_the_regression_folder_is_not_empty() -> None:
    assert len(REGRESSION_FILES) >= 2  # at least the two inputs of issue 14


@pytest.mark.parametrize("path", REGRESSION_FILES, ids=[p.name for p in REGRESSION_FILES])
def test_regression_through_the_core(path: Path, fuzz_vault: Vault) -> None:
    data = path.read_bytes()
    if path.suffix == ".jsonl":
        check_outcome(lambda: drafts_from_json_lines(data, CODES))
        return
    draft = check_outcome(lambda: draft_from_dict(decode_document(data), CODES))
    if draft is not None:
        assert isinstance(draft, TestimonyDraft)
        TestimonyRepository(fuzz_vault).add(draft)


@pytest.fixture(scope="module")
def cli_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-cli") / "vault"
    Vault.create(folder, PASS, kdf=MINIMUM_PARAMS).close()
    return folder


@pytest.mark.parametrize("path", REGRESSION_FILES, ids=[p.name for p in REGRESSION_FILES])
def test_regression_through_the_cli(path: Path, cli_vault: Path,
                                    monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NAM_PASSPHRASE", PASS)
    if path.suffix == ".jsonl":
        code = run(["testimony", "import", str(cli_vault), str(path)])
    else:
        code = run(["testimony", "add", str(cli_vault), "--json", str(path)])
    err = capsys.readouterr().err
    assert code in (EXIT_OK, EXIT_BAD_INPUT)
    assert "Traceback" not in err
    if code == EXIT_BAD_INPUT:
        assert err.startswith("nam-desktop: error: invalid input: ") and err.count("\n") == 1
        err.encode("utf-8")
    expected = path.name.split("--")[0]
    assert expected in ("ok", "bad"), f"name {path.name} must start with ok-- or bad--"
    assert code == (EXIT_OK if expected == "ok" else EXIT_BAD_INPUT)
