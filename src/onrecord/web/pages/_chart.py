"""The issue's timeline as the geometry of an SVG: one lane an actor, a bar a stance.

Drawn on the server, so the chart needs no script and shows in any browser, in the
page and as a file of its own. A bar runs from the day a position is placed on to the
actor's next day with a position (the last one to the end of the axis); positions of
one day share the lane's height. A shift is marked at the start of its bar. Undated
positions are drawn apart, right of the axis, never as the latest.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from onrecord.model import Coarse
from onrecord.resolve import TrackedPosition

__all__ = ["COLOURS", "timeline_chart"]

LABEL_WIDTH = 210  # the actors' names, left of the plot
PLOT_WIDTH = 620
UNDATED_WIDTH = 70  # the column of undated positions, right of the plot
LANE = 22
AXIS = 28  # the axis's labels, above the lanes
PAD_DAYS = 7  # the axis runs a week beyond the first and last day
# Four stances, four colours and four fill patterns' worth of words: each bar also
# says its stance in its tooltip, and wide bars in their text.
COLOURS = {
    Coarse.FOR.value: "#1f6f3a",
    Coarse.FOR_WITH_LIMITS.value: "#7fb24a",
    Coarse.AGAINST.value: "#b2342c",
    Coarse.UNDECIDED.value: "#7a7a7a",
}


def timeline_chart(
    items: Sequence[TrackedPosition], as_of: date | None, days: Sequence[date]
) -> dict[str, Any]:
    """The chart of ``items`` (every position of the actors to draw) over ``days``."""
    lanes_of: dict[str, list[TrackedPosition]] = {}
    for item in items:
        lanes_of.setdefault(item.actor.id, []).append(item)
    first, last = _span(days, as_of)
    scale = _Scale(first, last)
    lanes = [
        _lane(index, lane, scale)
        for index, lane in enumerate(sorted(lanes_of.values(), key=lambda ls: ls[0].actor.name))
    ]
    height = AXIS + LANE * max(len(lanes), 1) + 4
    marker = scale.x(as_of) if as_of is not None and first <= as_of <= last else None
    return {
        "width": LABEL_WIDTH + PLOT_WIDTH + UNDATED_WIDTH,
        "height": height,
        "plot": {"x": LABEL_WIDTH, "width": PLOT_WIDTH, "undated_x": LABEL_WIDTH + PLOT_WIDTH},
        "ticks": _ticks(first, last, scale),
        "as_of": {"x": marker, "day": as_of.isoformat()} if as_of and marker else None,
        "lanes": lanes,
        "colours": COLOURS,
    }


class _Scale:
    def __init__(self, first: date, last: date) -> None:
        self.first = first
        self.days = max((last - first).days, 1)

    def x(self, day: date) -> float:
        return round(LABEL_WIDTH + (day - self.first).days / self.days * PLOT_WIDTH, 1)


def _span(days: Sequence[date], as_of: date | None) -> tuple[date, date]:
    shown = [*days, *([as_of] if as_of else [])]
    if not shown:
        today = date.today()
        return today - timedelta(days=PAD_DAYS), today + timedelta(days=PAD_DAYS)
    pad = timedelta(days=PAD_DAYS)
    return min(days or shown) - pad, max(days or shown) + pad


def _lane(index: int, items: list[TrackedPosition], scale: _Scale) -> dict[str, Any]:
    y = AXIS + index * LANE
    dated = [item for item in items if not item.undated and item.placed_on is not None]
    starts = sorted({item.placed_on for item in dated if item.placed_on})
    end_x = LABEL_WIDTH + PLOT_WIDTH
    bars = []
    for item in dated:
        assert item.placed_on is not None
        later = [d for d in starts if d > item.placed_on]
        x = scale.x(item.placed_on)
        x_end = scale.x(later[0]) if later else end_x
        same_day = [other for other in dated if other.placed_on == item.placed_on]
        share = (LANE - 4) / len(same_day)
        bars.append(
            {
                "x": x,
                "y": round(y + 2 + same_day.index(item) * share, 1),
                "width": round(max(x_end - x, 3), 1),
                "height": round(share, 1),
                "coarse": item.coarse.value,
                "stance": item.stance,
                "day": item.placed_on.isoformat(),
                "until": None,  # the last day of the bars merged into it
                "shifted_from": item.shifted_from,
                "colour": COLOURS[item.coarse.value],
            }
        )
    undated = [
        {
            "x": LABEL_WIDTH + PLOT_WIDTH + 10 + n * 14,
            "y": y + 5,
            "stance": item.stance,
            "colour": COLOURS[item.coarse.value],
            "published": item.published.isoformat() if item.published else None,
        }
        for n, item in enumerate(i for i in items if i.undated)
    ]
    actor = items[0].actor
    return {
        "actor": {"id": actor.id, "name": actor.name},
        "y": y,
        "positions": len(dated),
        "text_y": y + LANE / 2 + 4,
        "bars": _merged(bars),
        "undated": undated[:4],  # the column holds four; the page lists them all
    }


def _merged(bars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Bars of one stance in a row, alone on their days and with no shift between them,
    drawn as one: on a long record an actor restates a stance on hundreds of days."""
    out: list[dict[str, Any]] = []
    for bar in bars:
        last = out[-1] if out else None
        if (
            last is not None
            and bar["shifted_from"] is None
            and bar["stance"] == last["stance"]
            and bar["height"] == last["height"] == LANE - 4
            and last["x"] + last["width"] >= bar["x"] - 0.5
        ):
            last["width"] = round(max(last["width"], bar["x"] + bar["width"] - last["x"]), 1)
            last["until"] = bar["day"]
            continue
        out.append(dict(bar))
    return out


def _ticks(first: date, last: date, scale: _Scale) -> list[dict[str, Any]]:
    """A tick on the first of each month (of each quarter on a long axis)."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = 1 if months <= 8 else 3 if months <= 30 else 12
    ticks: list[dict[str, Any]] = []
    year, month = first.year, first.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = date(year, month, 1)
        if day > last:
            return ticks
        if (month - 1) % step == 0:
            label = day.strftime("%b %Y") if month == 1 or not ticks else day.strftime("%b")
            ticks.append({"x": scale.x(day), "label": label})
