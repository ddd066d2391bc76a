"""The media result types are plain classes (start-up, issue 19) that behave as the
dataclasses they replaced: compared and (when immutable) hashed by value, immutable
where they were frozen, the same repr, pickled to batch workers, defaults never shared
between instances. The expected reprs are written out by hand, as the dataclasses
printed them."""

from __future__ import annotations

import copy
import io
import pickle
from pathlib import Path

import pytest

from nam_desktop.core.media import DEFAULT_LIMITS, Limits
from nam_desktop.core.media.report import (
    CleanResult,
    CleanStatus,
    MetadataItem,
    MetadataReport,
    RiskClass,
    VerifyResult,
)


def _item(needles: tuple[bytes, ...] = (b"Minsk",)) -> MetadataItem:
    return MetadataItem("GPS", "GPSLatitude", "53.9", RiskClass.IDENTIFYING, needles)


def test_an_item_is_compared_and_hashed_without_its_needles() -> None:
    a, b = _item(), _item(needles=())
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != MetadataItem("GPS", "GPSLatitude", "53.9", RiskClass.SENSITIVE)
    assert a != ("GPS", "GPSLatitude", "53.9", RiskClass.IDENTIFYING, (b"Minsk",))
    assert hash(a) == hash(("GPS", "GPSLatitude", "53.9", RiskClass.IDENTIFYING))
    assert b.needles == () and MetadataItem("g", "n", "v", RiskClass.HARMLESS).needles == ()


def test_an_item_is_immutable() -> None:
    item = _item()
    with pytest.raises(AttributeError):
        item.value_short = "0.0"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del item.needles  # type: ignore[misc]
    assert item.value_short == "53.9"
    assert item.needles == (b"Minsk",)


def test_an_item_shows_no_needles_in_its_repr() -> None:
    assert repr(_item()) == ("MetadataItem(group='GPS', name='GPSLatitude', value_short='53.9', "
                             "risk=<RiskClass.IDENTIFYING: 'identifying'>)")


def test_without_needles_keeps_everything_else() -> None:
    bare = _item().without_needles()
    assert bare == _item() and bare.needles == () and bare.risk is RiskClass.IDENTIFYING


def test_reports_are_compared_by_value_and_not_hashable() -> None:
    a, b = MetadataReport("jpeg"), MetadataReport("jpeg")
    assert a == b and a != MetadataReport("jpeg", supported=False)
    a.add("EXIF", "Make", "Canon", RiskClass.SENSITIVE)
    assert a != b and b.items == []  # the default list is the instance's own
    b.items.append(MetadataItem("EXIF", "Make", "Canon", RiskClass.SENSITIVE))
    assert a == b
    with pytest.raises(TypeError):
        hash(a)
    assert repr(MetadataReport("png", notes=["n"])) == (
        "MetadataReport(format='png', items=[], notes=['n'], blockers=[], supported=True)")
    assert MetadataReport("pdf", [], [], ["b"], False).blockers == ["b"]


def test_verify_and_clean_results_are_compared_by_value() -> None:
    assert VerifyResult(True) == VerifyResult(True, []) != VerifyResult(False)
    assert repr(VerifyResult(False, ["x"])) == "VerifyResult(ok=False, problems=['x'])"
    with pytest.raises(TypeError):
        hash(VerifyResult(True))
    data = io.BytesIO(b"x")
    rep = MetadataReport("jpeg")
    one = CleanResult(CleanStatus.CLEAN, data, rep, rep, [], "a", "b")
    assert one == CleanResult(CleanStatus.CLEAN, data, rep, rep, [], "a", "b", [], {}, None)
    assert one != CleanResult(CleanStatus.REFUSED, data, rep, rep, [], "a", "b")
    assert one.notes == [] and one.tool_versions == {} and one.verification is None
    assert one.notes is not CleanResult(CleanStatus.CLEAN, data, rep, rep, [], "a", "b").notes
    assert repr(one).startswith("CleanResult(status=<CleanStatus.CLEAN: 'clean'>, data=<_io.")
    assert repr(one).endswith(", sha256_original='a', sha256_cleaned='b', notes=[], "
                              "tool_versions={}, verification=None)")


def test_limits_defaults_as_documented() -> None:
    mib = 1024 * 1024
    assert (DEFAULT_LIMITS.max_bytes, DEFAULT_LIMITS.max_streamed_bytes,
            DEFAULT_LIMITS.stream_above, DEFAULT_LIMITS.stream_bytes_per_s,
            DEFAULT_LIMITS.max_pixels, DEFAULT_LIMITS.max_zip_members,
            DEFAULT_LIMITS.max_zip_uncompressed, DEFAULT_LIMITS.max_zip_ratio,
            DEFAULT_LIMITS.time_budget_s) == (
        512 * mib, 2**40, 16 * mib, 8 * mib, 200_000_000, 10_000, 1024 * mib, 200, 60.0)


def test_limits_are_immutable_values() -> None:
    assert Limits() == DEFAULT_LIMITS and hash(Limits()) == hash(DEFAULT_LIMITS)
    assert Limits(max_pixels=100) != DEFAULT_LIMITS
    assert Limits(100) == Limits(max_bytes=100)  # positional in the documented order
    assert Limits(100, 200).max_streamed_bytes == 200
    with pytest.raises(AttributeError):
        DEFAULT_LIMITS.max_bytes = 1  # type: ignore[misc]
    assert DEFAULT_LIMITS.max_bytes == 512 * 1024 * 1024
    assert repr(Limits(max_bytes=1)) == (
        "Limits(max_bytes=1, max_streamed_bytes=1099511627776, stream_above=16777216, "
        "stream_bytes_per_s=8388608, max_pixels=200000000, max_zip_members=10000, "
        "max_zip_uncompressed=1073741824, max_zip_ratio=200, time_budget_s=60.0)")


def _round_trip(value: object) -> object:
    return pickle.loads(pickle.dumps(value))  # noqa: S301 - the bytes this line just made


def test_frozen_types_survive_pickling_and_copying() -> None:
    """Limits go to the batch workers (spawn pickles them); items come back in results."""
    for value in (Limits(max_pixels=7), _item()):
        for twin in (_round_trip(value), copy.copy(value), copy.deepcopy(value)):
            assert twin == value and type(twin) is type(value)
    item = _round_trip(_item())
    assert isinstance(item, MetadataItem)
    assert item.needles == (b"Minsk",)
    with pytest.raises(AttributeError):
        item.group = "x"  # type: ignore[misc]
    report = MetadataReport("jpeg", [_item()], ["n"])
    assert _round_trip(report) == report


@pytest.mark.parametrize("module", ["exif", "jpeg"])
def test_the_runtime_named_tuples_have_the_fields_mypy_checks(module: str) -> None:
    """exif.ExifEntry and jpeg.Segment are ``collections.namedtuple`` at run time (no
    typing import) and ``typing.NamedTuple`` classes for mypy: the same fields, in the
    same order."""
    import ast
    import importlib

    mod = importlib.import_module(f"nam_desktop.core.media.{module}")
    tree = ast.parse(Path(mod.__file__ or "").read_text("utf-8"))
    checked = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for cls in node.body:
                if isinstance(cls, ast.ClassDef):
                    checked[cls.name.lstrip("_")] = [
                        s.target.id for s in cls.body
                        if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
    runtime = {name: getattr(mod, name)._fields for name in checked}
    assert checked and all(fields for fields in checked.values())
    assert {name: list(fields) for name, fields in runtime.items()} == checked
