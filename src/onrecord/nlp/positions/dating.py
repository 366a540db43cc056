"""Since when a position holds: the day of the statement it rests on, or the
publication it was held before."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span

from onrecord.model import DateRule
from onrecord.nlp import lexicons
from onrecord.nlp.dates.said_on import find_said_on
from onrecord.nlp.doc_records import DocSaidOn

_EARLIER_WORDS = lexicons.load("position-earlier-words-v1")
# Dates the text itself gives as a day.
_DAY_RULES = frozenset({DateRule.EXPLICIT, DateRule.WEEKDAY, DateRule.RELATIVE})


@dataclass(frozen=True)
class _Act:
    """A sentence that reports an act with nobody quoted, as dating reads a statement:
    its verb stands where a cue would, its subject where a source would."""

    cue: Span
    source: Span
    content: Sequence[Span] = ()


def act_said_on(
    verb: Span, subject: Span, published: date | None, updated: date | None
) -> DocSaidOn:
    """The date of an act a narrative sentence reports ("Biden has authorized ...")."""
    return find_said_on(_Act(verb, subject), published, updated)


def as_of(said_on: DocSaidOn | None, published: date | None) -> date | None:
    """The statement's day; for a period that runs up to publication ("have said in the
    past few weeks", "announced this week"), the position still held when published."""
    if said_on is None:
        return None
    if said_on.date is not None:
        return said_on.date
    if (
        said_on.rule is DateRule.PERIOD
        and published
        and said_on.latest
        and said_on.latest >= published
    ):
        return published
    return None


def held_before(said_on: DocSaidOn | None, published: date | None) -> date | None:
    """Publication, for a position the text places before it without a day ("Previously",
    "earlier", "had long prohibited")."""
    if said_on is None or said_on.date is not None or published is None:
        return None
    if said_on.rule is DateRule.PERIOD:
        latest = said_on.latest
        return latest + timedelta(days=1) if latest and latest < published else None
    if said_on.rule is DateRule.UNKNOWN and said_on.basis is not None:
        words = {t.lower_ for t in said_on.basis}
        return published if words & _EARLIER_WORDS else None
    return None


def dated_by_text(said_on: DocSaidOn | None, as_of: date | None) -> bool:
    """Whether the text gives the position's day ("on Friday", "on May 13"), not only
    the publication date or a period ("this week")."""
    return said_on is not None and said_on.rule in _DAY_RULES and as_of is not None
