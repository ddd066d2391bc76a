"""The snapshot files (Uwazi's API answers) and the mapping file: what is accepted, what
is refused with which reason, what a changed snapshot reports."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from nam_desktop.core.uwazi import snapshot, vocab
from nam_desktop.core.uwazi.errors import Reason, UwaziError
from nam_desktop.core.uwazi.mapping import SOURCES, parse_mapping
from nam_desktop.core.uwazi.recommended import TEMPLATES, default_mapping_json
from nam_desktop.core.uwazi.rules import property_name

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "uwazi" / "snapshot-example"


def example() -> dict[str, Any]:
    return {name: json.loads((EXAMPLE / f"{name}.json").read_text("utf-8"))
            for name in ("templates", "dictionaries", "settings")}


def test_the_example_is_the_recommended_setup() -> None:
    snap = snapshot.parse(example())
    assert snap.settings.default_language == "be"
    assert snap.settings.languages == ("be", "ru", "en")
    for name, props in TEMPLATES:
        template = snap.template(name)
        assert template is not None, name
        for p in props:
            got = template.get(p.name)
            assert got is not None and got.type == p.type and got.label == p.label, p.name
            if p.thesaurus:
                thesaurus = snap.thesaurus(got.content)
                assert thesaurus is not None
                assert thesaurus.name == vocab.THESAURI[p.thesaurus][0]
            if p.target:
                target = snap.template(p.target)
                assert target is not None and got.content == target.id


@pytest.mark.parametrize("new_names", [False, True])
def test_recommended_names_are_what_uwazi_derives_from_the_labels(new_names: bool) -> None:
    for _, props in TEMPLATES:
        for p in props:
            assert property_name(p.label, p.type, new_names) == p.name
            assert p.name.isascii() and p.source in SOURCES


def _refused(data: dict[str, Any], fragment: str) -> None:
    with pytest.raises(UwaziError) as info:
        snapshot.parse(data)
    assert info.value.reason is Reason.SNAPSHOT_INVALID
    assert fragment in info.value.detail


def test_shapes_other_than_the_api_answers_are_refused() -> None:
    data = example()
    data["templates"] = data["templates"]["rows"]  # a bare list is not what the API gives
    _refused(data, "templates.json")
    data = example()
    data["settings"]["languages"] = [{"key": "be"}]
    _refused(data, "no default language")
    data = example()
    data["dictionaries"]["rows"][0]["values"][0]["values"] = "x"
    _refused(data, "values")
    data = example()
    data["templates"]["rows"].append(copy.deepcopy(data["templates"]["rows"][1]))
    _refused(data, "share a name")


def test_credentials_in_the_settings_are_not_kept() -> None:
    data = example()
    data["settings"]["mailerConfig"] = "smtp://user:secret@mail"
    data["settings"]["features"] = {"preserve": {"masterToken": "token-secret"}}
    snap = snapshot.parse(data)
    kept = json.dumps(snap.data)
    assert "secret" not in kept and "languages" in kept
    assert snap.sha256 == snapshot.parse(example()).sha256  # they do not count either


def test_changes_are_named() -> None:
    old = snapshot.parse(example())
    data = example()
    act = data["templates"]["rows"][1]
    act["properties"] = [p for p in act["properties"] if p["name"] != "victims"]
    next(p for p in act["properties"] if p["name"] == "place_name")["name"] = "place_text"
    next(p for p in act["properties"] if p["name"] == "description")["type"] = "text"
    precision = next(t for t in data["dictionaries"]["rows"]
                     if t["name"] == "NAM date precision")
    precision["values"] = precision["values"][1:]
    data["settings"]["languages"] = data["settings"]["languages"][:2]
    data["settings"]["dateFormat"] = "yyyy-MM-dd"
    changes = {(c.kind, c.where, c.old, c.new) for c in snapshot.diff(old, snapshot.parse(data))}
    kinds = snapshot.ChangeKind
    assert changes == {
        (kinds.PROPERTY_REMOVED, "NAM Act", "victims", ""),
        (kinds.PROPERTY_RENAMED, "NAM Act", "place_name", "place_text"),
        (kinds.PROPERTY_TYPE, "NAM Act.description", "markdown", "text"),
        (kinds.LABEL_REMOVED, "NAM date precision", "Дакладная дата", ""),
        (kinds.LANGUAGE_REMOVED, "settings", "en", ""),
        (kinds.DATE_FORMAT, "settings", "dd/MM/yyyy", "yyyy-MM-dd"),
    }
    assert snapshot.diff(old, old) == []


def _mapping(**changes: Any) -> bytes:
    body = json.loads(default_mapping_json())
    body.update(changes)
    return json.dumps(body).encode()


@pytest.mark.parametrize(("body", "fragment"), [
    (b"not json", "not JSON"),
    (b'{"format": "x"}', "not a NAM Uwazi mapping"),
    (_mapping(version=2), "version"),
    (_mapping(redaction="full"), "identity never"),
    (_mapping(extra=1), "unknown key"),
    (_mapping(places={"Мінск": [53.9]}), "latitude, longitude"),
    (_mapping(labels={"act.place": {"x": "y"}}), "not a coded"),
    (b'{"format": "nam-uwazi-mapping", "format": "x"}', "twice"),
])
def test_bad_mappings(body: bytes, fragment: str) -> None:
    with pytest.raises(UwaziError) as info:
        parse_mapping(body)
    assert info.value.reason is Reason.MAPPING_INVALID and fragment in info.value.detail


def test_no_mapping_can_send_the_identity_and_nam_id_is_required() -> None:
    body = json.loads(default_mapping_json())
    body["templates"]["testimony"]["columns"]["name"] = "testimony.identity.name"
    with pytest.raises(UwaziError, match="unknown NAM field"):
        parse_mapping(json.dumps(body).encode())
    assert not [s for s in SOURCES if "identity" in s or "interviewer" in s]
    body = json.loads(default_mapping_json())
    del body["templates"]["act"]["columns"]["nam_id"]
    with pytest.raises(UwaziError, match="nam_id must be mapped"):
        parse_mapping(json.dumps(body).encode())
    body = json.loads(default_mapping_json())
    body["templates"]["act"]["columns"]["x"] = "testimony.narrative"
    with pytest.raises(UwaziError, match="not a field of the act"):
        parse_mapping(json.dumps(body).encode())


def test_default_mapping_parses_and_hashes_stably() -> None:
    a, b = parse_mapping(default_mapping_json()), parse_mapping(default_mapping_json())
    assert a.redaction == "pseudonymised" and not a.recordings and a.testimony.attachments
    assert a.sha256 == b.sha256 and len(a.sha256) == 64
    assert a.sha256 != parse_mapping(_mapping(recordings=True)).sha256
