"""Read and check one issue file; every error names the file and the field.

Every table is checked alike: a key it does not know is refused with the
closest known one suggested (a typo'd ``hint =`` would otherwise be ignored
without a word), and every term and hint needs a letter or a digit (``"-"``
would match every sentence). A UTF-8 byte-order mark is read past.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from pathlib import Path
from typing import Any, NoReturn

from onrecord.errors import ConfigError
from onrecord.model import SIGNALS, Coarse, Example, Issue, Signal, StanceLabel


def _signals(*alternatives: tuple[Signal, ...]) -> tuple[str, ...]:
    """A label's signals as an issue file writes them: each alternative joined by "+"."""
    return tuple("+".join(s.value for s in signals) for signals in alternatives)


# The label set an issue gets when its file gives none.
DEFAULT_STANCES = (
    StanceLabel(
        "for",
        "supports or allows it without limits",
        Coarse.FOR,
        _signals((Signal.PERMISSION,), (Signal.ADVOCACY,)),
    ),
    StanceLabel(
        "for_with_limits",
        "supports or allows it, with conditions or limits",
        Coarse.FOR_WITH_LIMITS,
        _signals((Signal.PERMISSION, Signal.LIMITS), (Signal.ADVOCACY, Signal.LIMITS)),
    ),
    StanceLabel(
        "against",
        "opposes, forbids or warns against it",
        Coarse.AGAINST,
        _signals((Signal.PROHIBITION,), (Signal.OPPOSITION,), (Signal.WARNING,)),
    ),
    StanceLabel(
        "undecided",
        "has not decided, or is considering it",
        Coarse.UNDECIDED,
        _signals((Signal.CONSIDERATION,)),
    ),
)
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
# The keys of each table of an issue file, as docs/positions.md describes them.
_KEYS = frozenset(
    {"id", "title", "statement", "description", "topic", "stance", "example", "scope"}
)
_TOPIC_KEYS = frozenset({"name", "terms"})
_STANCE_KEYS = frozenset({"label", "coarse", "description", "signals", "hints"})
_EXAMPLE_KEYS = frozenset({"text", "stance"})
_ACTOR_TYPES = {"person", "organization", "government", "anonymous", "media"}


def load_issue(path: str | os.PathLike[str]) -> Issue:
    """An issue definition from its TOML file (see docs/positions.md)."""
    path = Path(path)
    try:
        # utf-8-sig: editors on Windows start files with a byte-order mark.
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ConfigError(f"issue file {path}: cannot be read: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"issue file {path}: not valid TOML: {exc}") from exc
    return parse_issue(data, str(path))


def parse_issue(data: dict[str, Any], where: str = "issue") -> Issue:
    """An Issue from a parsed TOML table; ``where`` names it in error messages."""
    check = _Checker(where)
    check.keys(data, _KEYS, "", "at the top level")
    issue_id = check.text(data, "id")
    if not _ID.fullmatch(issue_id):
        check.fail(f"id {issue_id!r} must be lower case letters, digits, '-' or '_'")
    stances = (
        tuple(_stance(check, table, i) for i, table in enumerate(check.tables(data, "stance")))
        or DEFAULT_STANCES
    )
    labels = [s.label for s in stances]
    if len(set(labels)) != len(labels):
        check.fail("stance labels must be unique")
    topics = tuple(_topic(check, table, i) for i, table in enumerate(check.tables(data, "topic")))
    if not topics:
        check.fail("needs at least one [[topic]] with terms, to tell which sentences are about it")
    examples = tuple(
        _example(check, table, i, labels) for i, table in enumerate(check.tables(data, "example"))
    )
    scope = tuple(check.strings(data, "scope", required=False))
    bad = sorted(set(scope) - _ACTOR_TYPES)
    if bad:
        check.fail(f"scope {bad[0]!r} is not an actor type ({', '.join(sorted(_ACTOR_TYPES))})")
    return Issue(
        id=issue_id,
        title=check.text(data, "title"),
        statement=check.text(data, "statement"),
        description=check.text(data, "description", required=False),
        stances=stances,
        topics=topics,
        examples=examples,
        scope=scope,
    )


def _stance(check: _Checker, table: dict[str, Any], i: int) -> StanceLabel:
    at = f"stance {i + 1}"
    check.keys(table, _STANCE_KEYS, at, "in [[stance]]")
    label = check.text(table, "label", at)
    at = f"stance {label!r}"
    coarse = check.text(table, "coarse", at)
    if coarse not in {c.value for c in Coarse}:
        check.fail(f"{at}: coarse {coarse!r} must be one of {', '.join(c.value for c in Coarse)}")
    signals = tuple(check.strings(table, "signals", at, required=False))
    for signal in signals:
        unknown = [part for part in signal.split("+") if part not in SIGNALS]
        if unknown:
            check.fail(f"{at}: signal {unknown[0]!r} unknown (known: {', '.join(sorted(SIGNALS))})")
    hints = tuple(check.words(table, "hints", at, required=False))
    if not signals and not hints:
        check.fail(f"{at}: needs signals or hints, or no sentence can take this label")
    return StanceLabel(
        label, check.text(table, "description", at, required=False), Coarse(coarse), signals, hints
    )


def _topic(check: _Checker, table: dict[str, Any], i: int) -> tuple[str, ...]:
    at = f"topic {i + 1}"
    check.keys(table, _TOPIC_KEYS, at, "in [[topic]]")
    at = f"topic {check.text(table, 'name', at, required=False) or i + 1}"
    terms = tuple(check.words(table, "terms", at))
    if not terms:
        check.fail(f"{at}: terms is empty")
    return terms


def _example(check: _Checker, table: dict[str, Any], i: int, labels: list[str]) -> Example:
    at = f"example {i + 1}"
    check.keys(table, _EXAMPLE_KEYS, at, "in [[example]]")
    stance = check.text(table, "stance", at)
    if stance not in labels:
        check.fail(f"{at}: stance {stance!r} is not one of the labels ({', '.join(labels)})")
    return Example(check.text(table, "text", at), stance)


class _Checker:
    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, reason: str) -> NoReturn:
        raise ConfigError(f"issue file {self.where}: {reason}")

    def keys(self, table: dict[str, Any], known: frozenset[str], at: str, table_name: str) -> None:
        """Refuse a key ``table`` does not know, suggesting the known one closest to it."""
        unknown = sorted(set(table) - known)
        if not unknown:
            return
        key = unknown[0]
        close = difflib.get_close_matches(key, sorted(known), n=1)
        suggestion = f"did you mean {close[0]!r}? " if close else ""
        self.fail(
            f"{at + ': ' if at else ''}unknown key {key!r} {table_name} "
            f"({suggestion}known: {', '.join(sorted(known))})"
        )

    def text(self, table: dict[str, Any], key: str, at: str = "", required: bool = True) -> str:
        value = table.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{at + ': ' if at else ''}{key!r} must be a non-empty string")
        return " ".join(str(value).split())

    def strings(
        self, table: dict[str, Any], key: str, at: str = "", required: bool = True
    ) -> list[str]:
        value = table.get(key)
        if value is None and not required:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"{at + ': ' if at else ''}{key!r} must be a list of non-empty strings")
        return [" ".join(v.split()) for v in value]

    def words(
        self, table: dict[str, Any], key: str, at: str = "", required: bool = True
    ) -> list[str]:
        """``strings``, each needing a letter or digit: punctuation alone matches anything."""
        values = self.strings(table, key, at, required)
        for value in values:
            if not any(ch.isalnum() for ch in value):
                self.fail(
                    f"{at + ': ' if at else ''}{key!r} has {value!r}, with no letter or digit: "
                    "it would match every sentence"
                )
        return values

    def tables(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(f"{key!r} must be an array of tables ([[{key}]])")
        return value
