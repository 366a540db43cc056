"""Shared output helpers: data to stdout, errors and progress to stderr."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    import argparse

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

FORMATS = ("jsonl", "json", "table")


def error(message: str) -> None:
    print(f"onrecord: {message}", file=sys.stderr, flush=True)


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


def write_csv(rows: Iterable[dict[str, Any]], columns: list[str], out: TextIO | None = None) -> int:
    """Write dicts as CSV with a header row, one row a dict; returns how many."""
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
