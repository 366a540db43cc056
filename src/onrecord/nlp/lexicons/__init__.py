"""Versioned word lists shipped next to the components that read them.

Every word set the components read is a file here: ``<name>.txt`` (one entry a
line) or ``<name>.tsv`` (a key and a value a line); blank lines and ``#``
comments are skipped. Each file's content hash goes into the provenance of
every analysis (``digests``), so two runs whose lexicons differ say so.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Lexicon", "Table", "digests", "load", "load_table", "lexicon", "table"]


@dataclass(frozen=True)
class Lexicon:
    """A word list: its entries and the hash of the file they came from."""

    name: str
    entries: frozenset[str]
    digest: str


@dataclass(frozen=True)
class Table:
    """A two-column list: its first column mapped to its second, and the file's hash."""

    name: str
    rows: dict[str, str]
    digest: str


@cache
def lexicon(name: str) -> Lexicon:
    """``lexicons/<name>.txt``."""
    text = _read(f"{name}.txt")
    return Lexicon(name, frozenset(_lines(text)), _digest(text))


@cache
def table(name: str) -> Table:
    """``lexicons/<name>.tsv``."""
    text = _read(f"{name}.tsv")
    rows = (line.split("\t") for line in _lines(text))
    return Table(name, {row[0].strip(): row[1].strip() for row in rows}, _digest(text))


def load(name: str) -> frozenset[str]:
    """The entries of ``lexicons/<name>.txt``."""
    return lexicon(name).entries


def load_table(name: str) -> dict[str, str]:
    """``lexicons/<name>.tsv`` as a mapping of its first column to its second."""
    return table(name).rows


@cache
def digests() -> dict[str, str]:
    """The content hash of every lexicon file shipped, by file name."""
    root = resources.files(__package__)
    return {
        entry.name: _digest(entry.read_text(encoding="utf-8"))
        for entry in sorted(root.iterdir(), key=lambda e: e.name)
        if entry.name.endswith((".txt", ".tsv"))
    }


def _read(file_name: str) -> str:
    return resources.files(__package__).joinpath(file_name).read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    stripped = (line.strip() for line in text.splitlines())
    return [line for line in stripped if line and not line.startswith("#")]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
