"""Versioned word lists shipped next to the components that read them."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load(name: str) -> frozenset[str]:
    """The entries of ``lexicons/<name>.txt``; blank lines and ``#`` comments skipped."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@cache
def load_table(name: str) -> dict[str, str]:
    """``lexicons/<name>.tsv`` as a mapping of its first column to its second."""
    text = resources.files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0].strip(): row[1].strip() for row in rows}
