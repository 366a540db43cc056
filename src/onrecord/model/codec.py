"""The record model's one codec: records to dicts of JSON values and back, versioned.

Every record has ``to_dict()`` and ``from_dict()``; ``from_dict(x.to_dict()) == x``.
A document of its own (an article, an analysis, an issue) carries ``schema_version``,
"MAJOR.MINOR": a minor step only adds keys, so any 1.x is read and unknown keys are
ignored; a dict without one is 1.0, what onrecord wrote before the version was written.

``from_dict`` checks what it reads: a missing key, a value of the wrong type or an
unknown enum value raises :class:`RecordError`, whose message names the field by its
path ("Analysis.attributions[2].cue.start"). Records whose dict is their fields as they
are (Provenance, Issue and its parts) use :func:`fields_to_dict` and
:func:`fields_from_dict`, which follow the field types, so a field added later
round-trips without more code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

__all__ = [
    "SCHEMA_VERSION",
    "Fields",
    "RecordError",
    "check_version",
    "fields_from_dict",
    "fields_to_dict",
    "iso",
    "versioned",
]

SCHEMA_VERSION = "1.0"

T = TypeVar("T")
E = TypeVar("E", bound=Enum)


class RecordError(ValueError):
    """A dict that is not a record of this schema; ``path`` names the field at fault."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def inside(self, outer: str) -> RecordError:
        """The same error seen from the record that holds this one, under ``outer``."""
        _, _, rest = self.path.partition(".")
        return RecordError(f"{outer}.{rest}" if rest else outer, self.problem)


def versioned(out: dict[str, Any]) -> dict[str, Any]:
    """A document's dict, its schema version first."""
    return {"schema_version": SCHEMA_VERSION, **out}


def check_version(data: Mapping[str, Any], record: str) -> None:
    """Raise unless ``data`` was written in a schema this code reads (same major)."""
    version = data.get("schema_version")
    if version is None:
        return
    major = SCHEMA_VERSION.partition(".")[0]
    if str(version).partition(".")[0] != major:
        raise RecordError(
            f"{record}.schema_version",
            f"is {version!r}, a schema this onrecord does not read (it reads {major}.x); "
            "read it with an onrecord that does",
        )


def iso(value: dt.date | None) -> str | None:
    """A date or datetime as ISO 8601; ``None`` stays ``None``."""
    return value.isoformat() if value is not None else None


class Fields:
    """Typed reads from one serialised record; each failure names the record and key.

    A key that is absent or ``null`` is missing: required reads raise, optional ones
    give their default.
    """

    def __init__(self, data: object, record: str) -> None:
        if not isinstance(data, Mapping):
            raise RecordError(record, f"must be an object, not {_kind(data)}")
        self.data: Mapping[str, Any] = data
        self.name = record

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def text(self, key: str) -> str:
        return self._typed(key, self._required(key), str)

    def optional_text(self, key: str) -> str | None:
        return self._typed(key, self.data[key], str) if self.has(key) else None

    def integer(self, key: str) -> int:
        return self._typed(key, self._required(key), int)

    def number(self, key: str, default: float) -> float:
        return self._typed(key, self.data[key], float) if self.has(key) else default

    def texts(self, key: str) -> list[str]:
        return [self._typed(key, item, str) for item in self._list(key)]

    def choice(self, key: str, kind: type[E]) -> E:
        return _enum(kind, self._required(key), self.path(key))

    def optional_choice(self, key: str, kind: type[E]) -> E | None:
        return _enum(kind, self.data[key], self.path(key)) if self.has(key) else None

    def day(self, key: str) -> dt.date | None:
        return self._iso(key, dt.date.fromisoformat)

    def moment(self, key: str) -> dt.datetime | None:
        return self._iso(key, dt.datetime.fromisoformat)

    def record(self, key: str, decode: Callable[[object], T]) -> T:
        return self._nested(decode, self._required(key), key)

    def optional_record(self, key: str, decode: Callable[[object], T]) -> T | None:
        return self._nested(decode, self.data[key], key) if self.has(key) else None

    def records(self, key: str, decode: Callable[[object], T]) -> list[T]:
        return [self._nested(decode, item, f"{key}[{n}]") for n, item in enumerate(self._list(key))]

    def _required(self, key: str) -> Any:
        if not self.has(key):
            raise RecordError(self.path(key), "is missing")
        return self.data[key]

    def _list(self, key: str) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise RecordError(self.path(key), f"must be a list, not {_kind(value)}")
        return value

    def _typed(self, key: str, value: Any, kind: type[T]) -> T:
        return _scalar(kind, value, self.path(key))

    def _iso(self, key: str, parse: Callable[[str], T]) -> T | None:
        if not self.has(key):
            return None
        value = self._typed(key, self.data[key], str)
        try:
            return parse(value)
        except ValueError:
            raise RecordError(self.path(key), f"{value!r} is not an ISO 8601 date") from None

    def _nested(self, decode: Callable[[object], T], value: Any, key: str) -> T:
        try:
            return decode(value)
        except RecordError as error:
            raise error.inside(self.path(key)) from None

    def path(self, key: str) -> str:
        """The path that names ``key`` of this record in messages."""
        return f"{self.name}.{key}"


def fields_to_dict(record: Any) -> dict[str, Any]:
    """A dataclass record as its fields, in order, each as a JSON value."""
    return {f.name: _plain(getattr(record, f.name)) for f in dataclasses.fields(record)}


def fields_from_dict(cls: type[T], data: object) -> T:
    """A dataclass record from :func:`fields_to_dict`'s dict, each value read by its type.

    A key that is absent takes the field's default; one without a default is required.
    """
    name = cls.__name__
    read = Fields(data, name)
    hints = _hints(cls)  # type: ignore[arg-type]
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        path = read.path(field.name)
        if field.name in read.data:
            values[field.name] = _decode(hints[field.name], read.data[field.name], path)
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise RecordError(path, "is missing")
    return cls(**values)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


def _decode(hint: Any, value: Any, path: str) -> Any:
    """``value`` read as type ``hint``: scalars, enums, dates, records, and the optional,
    list, tuple and dict of them."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [arg for arg in args if arg is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"{path}: a union of several types has no one reading: {hint}")
        return _decode(inner[0], value, path)
    if origin in (list, tuple):
        if not isinstance(value, list):
            raise RecordError(path, f"must be a list, not {_kind(value)}")
        item_hint = args[0] if args else Any
        items = [_decode(item_hint, item, f"{path}[{n}]") for n, item in enumerate(value)]
        return items if origin is list else tuple(items)
    if origin is dict:
        if not isinstance(value, Mapping):
            raise RecordError(path, f"must be an object, not {_kind(value)}")
        return {_scalar(str, k, path): _decode(args[1], v, f"{path}.{k}") for k, v in value.items()}
    return _decode_one(hint, value, path)


def _decode_one(hint: Any, value: Any, path: str) -> Any:
    if hint is Any:
        return value
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _enum(hint, value, path)
    if hint in (dt.date, dt.datetime):
        text = _scalar(str, value, path)
        try:
            return hint.fromisoformat(text)
        except ValueError:
            raise RecordError(path, f"{text!r} is not an ISO 8601 date") from None
    if hasattr(hint, "from_dict"):
        try:
            return hint.from_dict(value)
        except RecordError as error:
            raise error.inside(path) from None
    return _scalar(hint, value, path)


def _scalar(kind: type[T], value: Any, path: str) -> T:
    # JSON has one number type: an integral float is no int, but an int is a float;
    # and a bool is no number, though Python says it is an int.
    wanted = (int, float) if kind is float else kind
    if isinstance(value, bool) is not (kind is bool) or not isinstance(value, wanted):
        raise RecordError(path, f"must be {_NAMES.get(kind, kind.__name__)}, not {_kind(value)}")
    return float(value) if kind is float else value  # type: ignore[arg-type, return-value]


def _enum(kind: type[E], value: Any, path: str) -> E:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in kind)
        raise RecordError(path, f"is {value!r}, not one of {allowed}") from None


_NAMES: dict[type, str] = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    list: "a list",
    dict: "an object",
}


def _kind(value: object) -> str:
    return "null" if value is None else _NAMES.get(type(value), type(value).__name__)
