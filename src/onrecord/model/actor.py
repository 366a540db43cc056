"""Actors (who a source is) and statement dates (when it was said)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class ActorType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"  # a state speaking as such: "Government of Germany"
    ANONYMOUS = "anonymous"  # "anonymous U.S. officials", "unnamed experts"
    MEDIA = "media"  # an outlet, or "media reports (unspecified)"


def fold(name: str) -> str:
    """A name without case, diacritics or punctuation: "Baiba Braže" == "baiba braze"."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", letters.casefold()).split())


def actor_id(name: str) -> str:
    """A stable id from the canonical name: the same name gives the same id in any run."""
    return fold(name).replace(" ", "-") or "unknown"


@dataclass(frozen=True)
class Actor:
    """A canonical speaker.

    ``role`` is the office or description the text gives at that time ("NATO Secretary
    General"); ``affiliation`` the body the actor speaks for or belongs to ("NATO",
    "Government of Germany"), when known.
    """

    name: str
    type: ActorType
    role: str | None = None
    affiliation: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", actor_id(self.name))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type.value,
            "role": self.role,
            "affiliation": self.affiliation,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            name=data["name"],
            type=ActorType(data["type"]),
            role=data.get("role"),
            affiliation=data.get("affiliation"),
            id=data.get("id", ""),
        )


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
    ``latest`` instead. ``basis`` is the text of the time expression (``start``/``end``
    into the article text), or ``None`` when the date is the publication date.
    """

    date: dt.date | None
    rule: DateRule
    basis: str | None = None
    start: int | None = None
    end: int | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        basis = (
            {"text": self.basis, "start": self.start, "end": self.end}
            if self.basis is not None
            else None
        )
        out: dict[str, Any] = {
            "date": self.date.isoformat() if self.date else None,
            "basis": basis,
            "rule": self.rule.value,
        }
        if self.earliest or self.latest:
            out["range"] = [_iso(self.earliest), _iso(self.latest)]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SaidOn:
        basis = data.get("basis") or {}
        earliest, latest = data.get("range") or (None, None)
        return cls(
            date=_date(data.get("date")),
            rule=DateRule(data["rule"]),
            basis=basis.get("text"),
            start=basis.get("start"),
            end=basis.get("end"),
            earliest=_date(earliest),
            latest=_date(latest),
        )


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
