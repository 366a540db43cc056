"""Versioned word lists read from the package that ships them.

Each stage that reads words keeps them as files in a data package of its own
(``onrecord.nlp.lexicons``, ``onrecord.ingest.lexicons``, ...): ``<name>.txt`` (one
entry a line) or ``<name>.tsv`` (a key and a value a line, tab separated); blank lines
and ``#`` comments are skipped, and entries are stripped. A :class:`Lexicons` is bound
to one such package, reads each file once, and gives the content hash of every file
it ships (``digests``), so two runs whose word lists differ can say so.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

from onrecord.errors import ModelError

__all__ = ["Lexicon", "Lexicons", "Table", "alternatives", "patterns"]

_SUFFIXES = (".txt", ".tsv")


@dataclass(frozen=True)
class Lexicon:
    """A word list: its entries and the hash of the file they came from."""

    name: str
    entries: frozenset[str]
    digest: str


@dataclass(frozen=True)
class Table:
    """A two-column list: its first column mapped to its second, in file order, and
    the file's hash."""

    name: str
    rows: dict[str, str]
    digest: str


class Lexicons:
    """The word lists of one data package, each read once."""

    def __init__(self, package: str) -> None:
        self.package = package
        self._lexicons: dict[str, Lexicon] = {}
        self._tables: dict[str, Table] = {}
        self._digests: dict[str, str] | None = None

    def lexicon(self, name: str) -> Lexicon:
        """``<package>/<name>.txt``."""
        if name not in self._lexicons:
            text = self._read(f"{name}.txt")
            self._lexicons[name] = Lexicon(name, frozenset(_lines(text)), _digest(text))
        return self._lexicons[name]

    def table(self, name: str) -> Table:
        """``<package>/<name>.tsv``."""
        if name not in self._tables:
            file_name = f"{name}.tsv"
            text = self._read(file_name)
            rows = dict(self._row(file_name, line) for line in _lines(text))
            self._tables[name] = Table(name, rows, _digest(text))
        return self._tables[name]

    def load(self, name: str) -> frozenset[str]:
        """The entries of ``<package>/<name>.txt``."""
        return self.lexicon(name).entries

    def load_table(self, name: str) -> dict[str, str]:
        """``<package>/<name>.tsv`` as a mapping of its first column to its second."""
        return self.table(name).rows

    def digests(self) -> dict[str, str]:
        """The content hash of every word list the package ships, by file name."""
        if self._digests is None:
            self._digests = {
                entry.name: _digest(entry.read_text(encoding="utf-8"))
                for entry in sorted(self._root().iterdir(), key=lambda e: e.name)
                if entry.name.endswith(_SUFFIXES)
            }
        return self._digests

    def _root(self) -> Traversable:
        return resources.files(self.package)

    def _read(self, file_name: str) -> str:
        path = self._root().joinpath(file_name)
        if not path.is_file():
            raise ModelError(
                f"word list {file_name!r} is missing from {self.package}: the name is wrong, "
                "or the package was installed without its data files (reinstall onrecord)"
            )
        return path.read_text(encoding="utf-8")

    def _row(self, file_name: str, line: str) -> tuple[str, str]:
        key, tab, value = line.partition("\t")
        if not tab:
            raise ModelError(
                f"{self.package}/{file_name}: no tab between key and value in {line!r}"
            )
        return key.strip(), value.split("\t")[0].strip()


def alternatives(entries: Iterable[str]) -> str:
    """A regular expression's alternatives matching any of ``entries`` literally, the
    longest first so that a phrase wins over a word it starts with ("pa media", "pa")."""
    return "|".join(re.escape(e) for e in sorted(entries, key=lambda e: (-len(e), e)))


def patterns(entries: Iterable[str]) -> str:
    """A lexicon of regular expressions (a file that says its entries are) as one
    expression's alternatives, each kept whole."""
    return "|".join(f"(?:{pattern})" for pattern in sorted(entries))


def _lines(text: str) -> list[str]:
    stripped = (line.strip() for line in text.splitlines())
    return [line for line in stripped if line and not line.startswith("#")]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
