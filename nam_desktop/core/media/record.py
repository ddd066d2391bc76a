"""Value classes for the media types without ``dataclasses`` (Qt-free).

``dataclasses`` imports ``inspect`` (ast, dis, tokenize) and every ``@dataclass``
compiles code at import, a noticeable part of `media clean`'s start-up (issue 19). A
subclass sets its fields in ``__init__`` and names them in ``_FIELDS``; it is then
compared and shown by them, in order, as a dataclass would be.
"""

from __future__ import annotations


class Record:
    """Equal to a record of the same class with equal fields; shown as
    ``Name(field=value, ...)``; mutable, so not hashable."""

    _FIELDS: tuple[str, ...] = ()

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"{type(self).__qualname__}({shown})"


class FrozenRecord(Record):
    """A :class:`Record` that cannot change (assigning or deleting an attribute raises
    ``AttributeError``, as for a frozen dataclass), hashed by its fields. ``__init__``
    sets the fields through ``self.__dict__``."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._key())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")
