"""The record classes of ``discourse.model``: ``frozen_record`` keeps dataclass behaviour."""

from __future__ import annotations

import copy
import inspect
import pickle
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from discourse.analyse.results import ThemeHit
from discourse.model import Comment, frozen_record


@frozen_record
@dataclass(frozen=True, slots=True)
class _Point:
    x: int
    y: int = 0
    label: str = "origin"


@dataclass(frozen=True, slots=True)
class _Plain:
    x: int
    y: int = 0
    label: str = "origin"


def test_init_takes_positions_keywords_and_defaults_as_dataclass_does() -> None:
    for args, kwargs in [
        ((1, 2, "a"), {}),
        ((1,), {}),
        ((), {"x": 1, "label": "b"}),
        ((1,), {"y": 5}),
    ]:
        ours, theirs = _Point(*args, **kwargs), _Plain(*args, **kwargs)
        assert (ours.x, ours.y, ours.label) == (theirs.x, theirs.y, theirs.label)
    # Help and editors see the same signature, annotations and defaults included.
    assert inspect.signature(_Point) == inspect.signature(_Plain)
    with pytest.raises(TypeError):
        _Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Point(1, 2, "a", 4)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Point(1, z=3)  # type: ignore[call-arg]


def test_record_stays_frozen_comparable_and_picklable() -> None:
    hit = ThemeHit("pay", ("pay",), "Our pay is awful.", 4, 7, "pay")
    with pytest.raises(FrozenInstanceError):
        hit.start = 0  # type: ignore[misc]
    assert hit == ThemeHit(
        theme="pay", matched=("pay",), sentence="Our pay is awful.", start=4, end=7, rule="pay"
    )
    assert hash(hit) == hash(copy.deepcopy(hit))
    assert pickle.loads(pickle.dumps(hit)) == hit
    assert repr(hit).startswith("ThemeHit(theme='pay'")
    comment = Comment("c1", 1, None, 0, "Reader", None, ("Text.",))
    assert pickle.loads(pickle.dumps(comment)) == comment


def test_refuses_classes_it_would_break() -> None:
    @dataclass(slots=True)
    class Mutable:
        x: int

    @dataclass(frozen=True)
    class Unslotted:
        x: int

    @dataclass(frozen=True, slots=True)
    class Factory:
        x: list[int] = field(default_factory=list)

    @dataclass(frozen=True, slots=True)
    class PostInit:
        x: int

        def __post_init__(self) -> None:
            pass

    for cls in (Mutable, Unslotted, Factory, PostInit):
        with pytest.raises(TypeError):
            frozen_record(cls)
