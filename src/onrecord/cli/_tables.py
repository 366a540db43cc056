"""The tables the commands print: which row view, which columns, what heads them.

Rows come from ``onrecord.query``; these say only how wide each column is.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TextIO

from onrecord.cli._output import Column, cell_width, clip, print_rows
from onrecord.model import Analysis, Issue, Position
from onrecord.query import (
    actor_row,
    attribution_row,
    position_row,
    tracked_position_summary,
)
from onrecord.resolve import RegistryEntry, TrackedPosition

INDENT = "  "  # an article's lines under its heading
TITLE = 70  # the width of a title in a heading
UNDATED = "-- undated: on record by their articles' dates, never an actor's latest position"

# One line an attribution, under its article's heading: who, cue, day, kind, act, content.
ATTRIBUTIONS = (
    Column("speaker", "SPEAKER", 28),
    Column("cue", "CUE", 16),
    Column("said_on", "SAID ON", 10),
    Column("kind", "KIND", 8),
    Column("act", "ACT", 9),
    Column("content", "CONTENT", 70),
)
# One line an article's position, under its attributions, issue by issue.
POSITIONS = (
    Column("actor", "ACTOR", 28),
    Column("stance", "STANCE", 20),
    Column("as_of", "AS OF", 10),
    Column("evidence", "EVIDENCE", 70),
)
# One line a tracked position: actor, stance, date, shift, articles, conditions, evidence.
TIMELINE = (
    Column("actor", "ACTOR", 32),
    Column("stance", "STANCE", 20),
    Column("coarse", "COARSE", 15),
    Column("as_of", "AS OF", 10),
    Column("shift", "SHIFT", 20, blank=""),
    Column("articles", "ARTS", 4, right=True),
    Column("conditions", "CONDITIONS", 30),
    Column("evidence", "EVIDENCE", 70),
)
# One line an actor of a corpus.
ACTORS = (
    Column("id", "ID", 30),
    Column("name", "NAME", 30),
    Column("type", "TYPE", 12),
    Column("mentions", "MENTIONS", 8, right=True),
    Column("articles", "ARTICLES", 8, right=True),
    Column("roles", "ROLES", 60),
)


def print_analyses(analyses: Iterable[Analysis], out: TextIO | None = None) -> None:
    for analysis in analyses:
        print_analysis(analysis, out)


def print_analysis(analysis: Analysis, out: TextIO | None = None) -> None:
    """The article's heading, its attributions, then its positions (when asked for)."""
    out = out or sys.stdout
    article = analysis.article
    print(f"== {article.name}  {clip(article.title, cell_width(TITLE))}", file=out)
    rows = map(attribution_row, analysis.attributions)
    print_rows(rows, ATTRIBUTIONS, out, header=False, indent=INDENT)
    if analysis.positions is not None:
        _print_positions(analysis.positions, out)
    print(file=out)


def _print_positions(positions: list[Position], out: TextIO) -> None:
    if not positions:
        print(f"{INDENT}positions: none", file=out)
    for issue in dict.fromkeys(p.issue for p in positions):
        print(f"{INDENT}positions on {issue}:", file=out)
        rows = (position_row(p) for p in positions if p.issue == issue)
        print_rows(rows, POSITIONS, out, header=False, indent=INDENT)


def print_timeline(
    tracked: Iterable[TrackedPosition], issue: Issue, out: TextIO | None = None
) -> None:
    """The issue's heading, then one line a tracked position; a shift shows as "← "
    and the stance it left. Undated positions follow apart, under their own heading:
    their articles' dates say only that they were on record by then."""
    out = out or sys.stdout
    tracked = list(tracked)
    print(f"== {issue.id}  {clip(issue.title, cell_width(TITLE))}", file=out)
    print_rows(map(tracked_position_summary, (t for t in tracked if not t.undated)), TIMELINE, out)
    undated = [t for t in tracked if t.undated]
    if undated:
        print(f"\n{UNDATED}", file=out)
        print_rows(map(tracked_position_summary, undated), TIMELINE, out)


def print_actors(entries: Iterable[RegistryEntry], out: TextIO | None = None) -> None:
    print_rows(map(actor_row, entries), ACTORS, out)
