"""Shared output: the ``--format`` and ``--width`` options, and rows or records as table,
JSON, JSONL or CSV.

Data goes to stdout, errors and progress to stderr. ``--width`` reaches every table
through :func:`cell_width`, set for the command's run by :func:`table_width`, so that a
command's tables honour it without passing it down each printing function.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from tqdm import tqdm

from onrecord.query import Row

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

T = TypeVar("T")

FORMATS = ("jsonl", "json", "table")
FULL_TEXT = ("jsonl", "json", "csv")  # formats that never cut a text
HUMAN = ("table", "text")  # formats that cut long texts to fit a line
GAP = "  "  # between table columns

# The most characters a table cell shows: None, each column's own width; 0, no limit.
_CELL_WIDTH: ContextVar[int | None] = ContextVar("cell_width", default=None)


def add_format_option(
    parser: argparse.ArgumentParser, formats: Sequence[str], default: str
) -> None:
    """``--format``, and ``--width`` for the formats that cut long texts."""
    full = [f for f in formats if f in FULL_TEXT]
    human = next((f for f in formats if f in HUMAN), None)
    note = f"; {_listed(full)} give every text in full" if full and human else ""
    parser.add_argument(
        "--format",
        choices=formats,
        default=default,
        help=f"output format (default: {default}){note}",
    )
    if human:
        parser.add_argument(
            "--width",
            type=_width,
            metavar="N",
            help=f"cut the texts of the {human} output at N characters, 0 for never "
            "(default: each column's own width)",
        )


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        width = -1
    if width < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of characters (0 or more)")
    return width


@contextmanager
def table_width(width: int | None) -> Iterator[None]:
    """Tables printed inside show cells of at most ``width`` characters (0: whole)."""
    token = _CELL_WIDTH.set(width)
    try:
        yield
    finally:
        _CELL_WIDTH.reset(token)


def cell_width(default: int) -> int | None:
    """How wide a cell whose own width is ``default`` may be now (``None``: no limit)."""
    width = _CELL_WIDTH.get()
    if width is None:
        return default
    return width or None


def error(message: str) -> None:
    # tqdm.write clears a progress bar on stderr, writes, and draws the bar again below.
    tqdm.write(f"onrecord: {message}", file=sys.stderr)
    sys.stderr.flush()


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

    def text(self, value: Any) -> str:
        """The cell's whole text, on one line."""
        return " ".join(str(value).split()) if value is not None and value != "" else self.blank

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
    """Rows as a fixed-width table, one line a row; the last column is not padded.

    Under a ``--width``, each column is as wide as its widest cell up to that width.
    """
    out = out or sys.stdout
    if _CELL_WIDTH.get() is not None:
        rows = list(rows)
        columns = fitted(columns, rows, header)
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
            out.flush()  # each record as soon as it is done: a reader downstream sees it
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


def fitted(columns: Sequence[Column], rows: Sequence[Row], header: bool = True) -> list[Column]:
    """Each column as wide as its widest cell (and its header, when shown), but no wider
    than ``--width`` allows."""
    out = []
    for column in columns:
        widest = max((len(column.text(row[column.key])) for row in rows), default=0)
        limit = cell_width(column.width)
        shown = widest if limit is None else min(widest, limit)
        least = len(column.header) if header else 1
        out.append(dataclasses.replace(column, width=max(shown, least)))
    return out


def clip(text: str | None, width: int | None) -> str:
    """``text`` on one line, cut to ``width`` with "…" (``None``: whole)."""
    if not text:
        return "-"
    text = " ".join(text.split())
    return text if width is None or len(text) <= width else text[: width - 1] + "…"
