"""When a statement was made, and the words that say so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from onrecord.model.codec import Fields, RecordError, iso
from onrecord.model.span import Span


class DateRule(StrEnum):
    """Which rule gave a statement its date."""

    EXPLICIT = "explicit"  # "on May 30", "30 May 2024"
    WEEKDAY = "weekday"  # "on Thursday": the latest such day on or before publication
    RELATIVE = "relative"  # "yesterday", "two days ago": a day counted from publication
    PERIOD = "period"  # "last week", "earlier this month": a range, never one day
    PUBLISHED = "published"  # present tense, no time given: the publication date
    UNKNOWN = "unknown"  # a time is given that fixes nothing ("recently", a bare weekday
    # in an undated article)


@dataclass(frozen=True)
class SaidOn:
    """When a statement was made, and the words that say so.

    ``date`` is set only when the text fixes one day; a period gives ``earliest`` and
    ``latest`` instead. ``basis`` is the time expression in the article text, or
    ``None`` when the date is the publication date.
    """

    date: dt.date | None
    rule: DateRule
    basis: Span | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "date": iso(self.date),
            "basis": self.basis.to_dict() if self.basis is not None else None,
            "rule": self.rule.value,
        }
        if self.earliest or self.latest:
            out["range"] = [iso(self.earliest), iso(self.latest)]
        return out

    @classmethod
    def from_dict(cls, data: object) -> SaidOn:
        read = Fields(data, "SaidOn")
        earliest, latest = _range(read)
        return cls(
            date=read.day("date"),
            rule=read.choice("rule", DateRule),
            basis=read.optional_record("basis", Span.from_dict),
            earliest=earliest,
            latest=latest,
        )


def _range(read: Fields) -> tuple[dt.date | None, dt.date | None]:
    """The period's ``[earliest, latest]``, either end ``null`` when open."""
    bounds = read.data.get("range") or [None, None]
    if not isinstance(bounds, list) or len(bounds) != 2:
        raise RecordError(read.path("range"), "must be a list of two dates or nulls")
    ends = Fields({"earliest": bounds[0], "latest": bounds[1]}, read.path("range"))
    return ends.day("earliest"), ends.day("latest")
