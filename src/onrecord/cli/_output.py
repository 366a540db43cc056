"""Shared output: the ``--format`` option, and rows or records as table, JSON, JSONL or CSV.

Data goes to stdout, errors and progress to stderr.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from onrecord.query import Row

if TYPE_CHECKING:
    import argparse

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

T = TypeVar("T")

FORMATS = ("jsonl", "json", "table")
GAP = "  "  # between table columns


def add_format_option(
    parser: argparse.ArgumentParser, formats: Sequence[str], default: str
) -> None:
    parser.add_argument(
        "--format", choices=formats, default=default, help=f"output format (default: {default})"
    )


def error(message: str) -> None:
    print(f"onrecord: {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Column:
    """One column of a table: the row key it shows, its header, and its width.

    A value longer than ``width`` is clipped with "…"; an empty one shows ``blank``.
    """

    key: str
    header: str
    width: int
    right: bool = False
    blank: str = "-"

    def cell(self, value: Any, pad: bool = True) -> str:
        text = clip(str(value), self.width) if value is not None and value != "" else self.blank
        return self.align(text) if pad else text

    def align(self, text: str) -> str:
        return f"{text:>{self.width}}" if self.right else f"{text:{self.width}}"


def print_rows(
    rows: Iterable[Row],
    columns: Sequence[Column],
    out: TextIO | None = None,
    *,
    header: bool = True,
    indent: str = "",
) -> None:
    """Rows as a fixed-width table, one line a row; the last column is not padded."""
    out = out or sys.stdout
    last = len(columns) - 1
    if header:
        cells = [c.align(c.header) if n < last else c.header for n, c in enumerate(columns)]
        print(indent + GAP.join(cells), file=out)
    for row in rows:
        cells = [c.cell(row[c.key], pad=n < last) for n, c in enumerate(columns)]
        print(indent + GAP.join(cells), file=out)


def write_records(
    records: Iterable[T],
    fmt: str,
    *,
    as_dict: Callable[[T], dict[str, Any]],
    table: Callable[[Iterable[T]], None],
    csv_row: Callable[[T], Row] | None = None,
    csv_columns: Sequence[str] = (),
) -> None:
    """Records in the format asked for: ``table`` prints them; JSON and JSON Lines
    write ``as_dict`` of each; CSV writes ``csv_row`` of each under ``csv_columns``."""
    if fmt == "table":
        table(records)
    elif fmt == "csv":
        if csv_row is None:
            raise ValueError("these records have no CSV view")
        write_csv((csv_row(record) for record in records), csv_columns)
    else:
        write_json_stream((as_dict(record) for record in records), fmt)


def write_json_stream(items: Iterable[dict[str, Any]], fmt: str, out: TextIO | None = None) -> int:
    """Write dicts as JSON Lines or as one JSON list, streaming; returns how many."""
    out = out or sys.stdout
    count = 0
    if fmt == "json":
        out.write("[")
    for item in items:
        if fmt == "json":
            out.write(",\n" if count else "\n")
            out.write(json.dumps(item, ensure_ascii=False, indent=2))
        else:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
    if fmt == "json":
        out.write("\n]\n" if count else "]\n")
    return count


def write_csv(rows: Iterable[Row], columns: Sequence[str], out: TextIO | None = None) -> int:
    """Write rows as CSV with a header row (``None`` as empty); returns how many."""
    writer = csv.DictWriter(out or sys.stdout, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def clip(text: str | None, width: int) -> str:
    if not text:
        return "-"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
