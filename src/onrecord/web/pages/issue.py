"""The issue page: the tracker matrix (actors × stance) as of a day, and the timeline.

``/issues/{id}?as_of=YYYY-MM-DD`` shows where each actor stood that day, one row an
actor, one column a coarse stance, from the issue's whole timeline
(``query.track_from_store``), read once a version of the record and kept
(``whole_timeline``). Each cell names the stance, its day, a shift, its articles,
and links to its evidence
(``/issues/{id}/actors/{actor}``, see ``pages.evidence``). The timeline below it
draws every position of the actors shown (``pages._chart``). The day moves with the
date field, the slider (``static/pages.js``) or the links to the days before and
after where something changed; the URL keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from onrecord.errors import ConfigError
from onrecord.model import ActorType, Coarse, Issue, fold
from onrecord.query import Timeline, track_from_store
from onrecord.resolve import TrackedPosition
from onrecord.store import Store
from onrecord.web.pages._chart import timeline_chart

__all__ = [
    "COLUMNS",
    "IssueQuery",
    "held_on",
    "issue_context",
    "issue_summary",
    "parse_day",
    "whole_timeline",
]

# The matrix's columns: the four coarse stances every issue's labels map onto.
COLUMNS = (
    (Coarse.FOR, "for"),
    (Coarse.FOR_WITH_LIMITS, "for, with limits"),
    (Coarse.AGAINST, "against"),
    (Coarse.UNDECIDED, "undecided"),
)
ROWS_PER_PAGE = 100  # actors a page shows; the rest on the next pages
UNDATED_SHOWN = 100  # undated positions listed; the rest counted
_KEPT_TIMELINES = 8
_TIMELINES: dict[tuple[str, str, str], Timeline] = {}


@dataclass(frozen=True)
class IssueQuery:
    """What the user asked of the page: the day, the filters, the page of rows."""

    as_of: date
    actor_type: str | None = None
    named_only: bool = False
    page: int = 1


def parse_day(value: str | None, name: str = "as_of") -> date | None:
    """A YYYY-MM-DD day from the URL; a clear error for anything else."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{name} {value!r}: give a day as YYYY-MM-DD, e.g. 2024-06-01") from None


def issue_context(store: Store, issue_id: str, asked: IssueQuery) -> dict[str, Any]:
    """Everything the issue page shows, as plain data (the page's JSON twin)."""
    everything = whole_timeline(store, issue_id)
    issue = everything.issue
    shown = held_on(everything.positions, asked.as_of)
    kept = [item for item in shown if _passes(item, asked)]
    rows = _rows(issue, kept)
    pages = max(1, -(-len(rows) // ROWS_PER_PAGE))
    page = min(max(asked.page, 1), pages)
    rows = rows[(page - 1) * ROWS_PER_PAGE : page * ROWS_PER_PAGE]
    on_page = {row["actor"]["id"] for row in rows}
    lines = [item for item in everything.positions if item.actor.id in on_page]
    days = sorted({item.placed_on for item in everything.positions if item.placed_on})
    undated = [item for item in lines if item.undated]
    return {
        "issue": issue_summary(issue),
        "as_of": asked.as_of.isoformat(),
        "filters": {
            "actor_type": asked.actor_type,
            "named_only": asked.named_only,
            "actor_types": [t.value for t in ActorType],
        },
        "columns": [{"coarse": c.value, "label": label} for c, label in COLUMNS],
        "rows": rows,
        "actors": len({item.actor.id for item in kept}),
        "page": page,
        "pages": pages,
        "days": [day.isoformat() for day in days],
        "previous_day": _neighbour(days, asked.as_of, before=True),
        "next_day": _neighbour(days, asked.as_of, before=False),
        "undated": [_undated(item) for item in undated[:UNDATED_SHOWN]],
        "undated_total": len(undated),
        "chart": timeline_chart(lines, asked.as_of, days),
    }


def held_on(items: Sequence[TrackedPosition], day: date) -> list[TrackedPosition]:
    """Where each actor of ``items`` (whole timelines) stood on ``day``: its positions
    of its latest dated day by then, as ``track_from_store(..., as_of=day)`` gives them
    (the same rule over the same positions; tests/web/test_pages.py holds them equal).
    Reading them off the kept timeline spares the store's question."""
    lines: dict[str, list[TrackedPosition]] = {}
    for item in items:
        lines.setdefault(item.actor.id, []).append(item)
    found: list[TrackedPosition] = []
    for line in lines.values():
        placed = [i for i in line if not i.undated and i.placed_on and i.placed_on <= day]
        latest = max((i.placed_on for i in placed if i.placed_on), default=None)
        found.extend(i for i in placed if i.placed_on == latest)
    return found


def whole_timeline(store: Store, issue_id: str) -> Timeline:
    """Every position on the issue (the chart and the days to step through need them
    all), kept until the store records another run: reading a long record's every
    position costs far more than the matrix of one day."""
    key = (store.url, issue_id, _record_version(store))
    found = _TIMELINES.get(key)
    if found is None:
        found = track_from_store(store, issue_id)
        if len(_TIMELINES) >= _KEPT_TIMELINES:
            _TIMELINES.pop(next(iter(_TIMELINES)))
        _TIMELINES[key] = found
    return found


def _record_version(store: Store) -> str:
    # Every write of records is a run (ingest, reanalyze, a write through the API): a
    # run begun or ended since changes the key; so does a new version of an issue file.
    runs = store.runs()
    last = runs[-1] if runs else None
    finished = last.finished_at.isoformat() if last and last.finished_at else "-"
    issues = ",".join(sorted(stored.hash for stored in store.current_issues()))
    return f"{last.id if last else 0}/{finished}/{issues}"


def _passes(item: TrackedPosition, asked: IssueQuery) -> bool:
    if asked.actor_type and item.actor.type.value != asked.actor_type:
        return False
    if asked.named_only:
        # Only what a named source said: not a position every report of which rests
        # on an anonymous speaker.
        speakers = [p.speaker for p in item.positions]
        return not all(s is not None and s.type is ActorType.ANONYMOUS for s in speakers)
    return True


def _rows(issue: Issue, items: Sequence[TrackedPosition]) -> list[dict[str, Any]]:
    by_actor: dict[str, list[TrackedPosition]] = {}
    for item in items:
        by_actor.setdefault(item.actor.id, []).append(item)
    rows = []
    for found in by_actor.values():
        actor = found[0].actor
        cells = [[_cell(issue, item) for item in found if item.coarse is c] for c, _ in COLUMNS]
        rows.append(
            {
                "actor": {"id": actor.id, "name": actor.name, "type": actor.type.value},
                "cells": cells,
            }
        )
    return sorted(rows, key=lambda row: (fold(row["actor"]["name"]), row["actor"]["id"]))


def _cell(issue: Issue, item: TrackedPosition) -> dict[str, Any]:
    return {
        "stance": item.stance,
        "description": _description(issue, item.stance),
        "day": _iso(item.placed_on),
        "as_of": _iso(item.as_of),
        "held_before": _iso(item.held_before),
        "shifted_from": item.shifted_from,
        "conditions": item.conditions,
        "articles": len(item.articles),
        "confidence": round(item.confidence, 3),
        "speakers": [s.name for s in item.speakers if s.id != item.actor.id],
    }


def _undated(item: TrackedPosition) -> dict[str, Any]:
    return {
        "actor": {"id": item.actor.id, "name": item.actor.name},
        "stance": item.stance,
        "published": _iso(item.published),
        "conditions": item.conditions,
        "articles": len(item.articles),
    }


def issue_summary(issue: Issue) -> dict[str, Any]:
    return {
        "id": issue.id,
        "title": issue.title,
        "statement": issue.statement,
        "description": issue.description.strip(),
        "stances": [
            {"label": s.label, "coarse": s.coarse.value, "description": s.description}
            for s in issue.stances
        ],
    }


def _description(issue: Issue, label: str) -> str | None:
    try:
        return issue.stance(label).description
    except KeyError:
        return None


def _neighbour(days: Sequence[date], day: date, *, before: bool) -> str | None:
    """The nearest day before (or after) ``day`` on which some position is placed."""
    found = [d for d in days if (d < day if before else d > day)]
    if not found:
        return None
    return (found[-1] if before else found[0]).isoformat()


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
