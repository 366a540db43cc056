"""Time expressions ("on Thursday", "two days ago", "last week") resolved against a
publication date. Pure: strings and dates in, no spaCy.

Only an expression that fixes one day gives a ``date``. "Four weeks ago" or "last
week" is a guess about a day but a fact about a period, so it gives a range
(``earliest``/``latest``) and no date; "recently" or "prior to the meeting" fixes
nothing and gives neither. A statement cannot be later than the article that reports
it, so every day is counted backwards from publication and every range ends there at
the latest.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from onrecord.knowledge import calendar_names as knowledge_calendar
from onrecord.knowledge.lexicons import alternatives
from onrecord.model import DateRule
from onrecord.nlp import lexicons

__all__ = ["MONTHS", "NUMBER_WORDS", "WEEKDAYS", "Resolved", "resolve"]


_Day = date  # the field ``Resolved.date`` hides the type's name inside the class


@dataclass(frozen=True)
class Resolved:
    """What a time expression says about when something happened."""

    rule: DateRule
    date: _Day | None = None
    earliest: _Day | None = None
    latest: _Day | None = None


WEEKDAYS = knowledge_calendar.WEEKDAYS  # "monday": 0, as ``date.weekday`` counts
# Full names and the abbreviations news style uses ("Nov. 17", "Sept. 6").
MONTHS: dict[str, int] = knowledge_calendar.MONTHS | knowledge_calendar.MONTH_ABBREVIATIONS
_NUMBERS = {word: int(value) for word, value in lexicons.load_table("number-words-v1").items()}
_UNITS = [word for word, value in _NUMBERS.items() if value < 10]
_TENS = [word for word, value in _NUMBERS.items() if value >= 20]
NUMBER_WORDS: dict[str, int] = _NUMBERS | {"a": 1, "an": 1}  # "a week ago"

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
# "22", "twenty-two", "twenty two", "a".
_COUNT = rf"\d{{1,3}}|(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?|" + "|".join(
    sorted(NUMBER_WORDS, key=len, reverse=True)
)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d\d)"
# "In the past few weeks": a period up to publication with no start that can be named.
_VAGUE_COUNTS = lexicons.load("vague-counts-v1")
_VAGUE_COUNT = alternatives(_VAGUE_COUNTS)
# Earlier than publication, but by how much the words do not say.
_VAGUE = alternatives(lexicons.load("vague-time-words-v1"))

# Earlier days checked in turn for a month-day without a year: 8 covers any 29 February.
_YEARS_BACK = 8


def resolve(expression: str, published: date | None) -> Resolved | None:
    """The day or period ``expression`` names, counted from ``published``.

    None when the text is not a time expression this module knows; ``UNKNOWN`` when it
    is one but fixes nothing (``recently``), or needs a publication date that is absent.
    """
    return _resolve(_normalise(expression), published)


def _normalise(text: str) -> str:
    """Lower case, no possessive, punctuation as spaces: "Nov. 17, 2024" -> "nov 17 2024"."""
    text = text.lower().replace("’", "'").replace("'s", "")
    text = re.sub(r"\.(?!\d)", " ", text)  # "nov." but not "30.05.2024"
    return " ".join(re.sub(r"[^\w/.-]+", " ", text).split())


@lru_cache(maxsize=4096)
def _resolve(text: str, published: date | None) -> Resolved | None:
    # Most specific first: "on Thursday (2 May)" is 2 May, "earlier on Thursday" Thursday.
    for pattern, rule in _RULES:
        match = pattern.search(text)
        if match is None:
            continue
        if published is None and rule.needs_publication(match):
            return Resolved(DateRule.UNKNOWN)
        resolved = rule.apply(match, published)
        if resolved is not None:
            return resolved
    return None


@dataclass(frozen=True)
class _Rule:
    """How one pattern's match becomes a day or a period."""

    apply_with: Callable[[re.Match[str], date], Resolved | None]
    # Some matches need no publication date: "30 May 2024" or "in March 2023".
    standalone: Callable[[re.Match[str]], Resolved | None] | None = None

    def needs_publication(self, match: re.Match[str]) -> bool:
        return self.standalone is None or self.standalone(match) is None

    def apply(self, match: re.Match[str], published: date | None) -> Resolved | None:
        if published is None:
            return self.standalone(match) if self.standalone else None
        return self.apply_with(match, published)


# Explicit dates --------------------------------------------------------------------


def _explicit(year: int | None, month: int, day: int, published: date | None) -> Resolved | None:
    if year is not None:
        found = _valid_date(year, month, day)
    elif published is not None:
        found = _latest_on_or_before(month, day, published)
    else:
        return None
    return Resolved(DateRule.EXPLICIT, found) if found else None


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # "February 30", "May 32"
        return None


def _latest_on_or_before(month: int, day: int, published: date) -> date | None:
    """A month-day without a year: the last time it came round by publication."""
    for year in range(published.year, published.year - _YEARS_BACK, -1):
        found = _valid_date(year, month, day)
        if found is not None and found <= published:
            return found
    return None


def _optional_year(text: str | None) -> int | None:
    return int(text) if text else None


def _month_day(match: re.Match[str], published: date | None) -> Resolved | None:
    month, day, year = MONTHS[match[1]], int(match[2]), _optional_year(match[3])
    return _explicit(year, month, day, published)


def _day_month(match: re.Match[str], published: date | None) -> Resolved | None:
    day, month, year = int(match[1]), MONTHS[match[2]], _optional_year(match[3])
    return _explicit(year, month, day, published)


def _iso(match: re.Match[str], published: date | None) -> Resolved | None:
    return _explicit(int(match[1]), int(match[2]), int(match[3]), published)


def _numeric(match: re.Match[str], published: date | None) -> Resolved | None:
    """ "5/30", "30.05.2024": the day/month order is dateparser's call, in English style."""
    found = _parse_numeric(match[0], published)
    return Resolved(DateRule.EXPLICIT, found) if found else None


@lru_cache(maxsize=1024)
def _parse_numeric(text: str, published: date | None) -> date | None:
    import dateparser  # only here: its import costs more than every other rule together

    base = datetime.combine(published or date.today(), datetime.min.time())
    settings = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": base,
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    # A fixed language: no detection, and nothing that could look anything up.
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None or (published is None and not re.search(r"\d{4}", text)):
        return None
    return parsed.date()


# Days counted from publication -------------------------------------------------------


def _days_before(days: int) -> Callable[[re.Match[str], date], Resolved]:
    def apply(match: re.Match[str], published: date) -> Resolved:
        return Resolved(DateRule.RELATIVE, published - timedelta(days=days))

    return apply


def _days_ago(match: re.Match[str], published: date) -> Resolved:
    return Resolved(DateRule.RELATIVE, published - timedelta(days=_count(match[1])))


def _count(words: str) -> int:
    """ "3", "three", "twenty-two"."""
    if words.isdigit():
        return int(words)
    return sum(NUMBER_WORDS[word] for word in re.split(r"[- ]", words))


def _weekday(match: re.Match[str], published: date) -> Resolved:
    """The latest such weekday on or before publication; "last Thursday" is before it."""
    strictly_before = match[1] is not None
    back = (published.weekday() - WEEKDAYS[match[2]]) % 7
    if back == 0 and strictly_before:
        back = 7
    return Resolved(DateRule.WEEKDAY, published - timedelta(days=back))


# Periods -----------------------------------------------------------------------------


def _period(earliest: date, latest: date, published: date | None) -> Resolved:
    """A range, ending at publication at the latest: nothing is said after it is reported."""
    if published is not None and earliest <= published < latest:
        latest = published
    return Resolved(DateRule.PERIOD, earliest=earliest, latest=latest)


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _month_of(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _months_back(published: date, months: int) -> tuple[int, int]:
    index = published.year * 12 + published.month - 1 - months
    return index // 12, index % 12 + 1


def _units_ago(match: re.Match[str], published: date) -> Resolved:
    """ "Four weeks ago" names a day only roughly: the week, month or year around it."""
    count, unit = _count(match[1]), match[2]
    if unit == "week":
        return _period(*_week_of(published - timedelta(weeks=count)), published)
    if unit == "month":
        return _period(*_month_of(*_months_back(published, count)), published)
    year = published.year - count
    return _period(date(year, 1, 1), date(year, 12, 31), published)


def _calendar_unit(match: re.Match[str], published: date) -> Resolved:
    """ "last week", "earlier this month", "late last year": a calendar week, month, year."""
    earlier, which, unit = match[1], match[2], match[3]
    back = 1 if which in ("last", "previous") else 0
    if unit == "week":
        earliest, latest = _week_of(published - timedelta(weeks=back))
    elif unit == "month":
        earliest, latest = _month_of(*_months_back(published, back))
    else:
        earliest, latest = date(published.year - back, 1, 1), date(published.year - back, 12, 31)
    if earlier == "earlier" and not back:  # "earlier this week": before the day of writing
        latest = max(earliest, published - timedelta(days=1))
    return _period(earliest, latest, published)


def _up_to_publication(match: re.Match[str], published: date) -> Resolved:
    """ "In the past two weeks": up to publication; "the past few weeks" has no start."""
    count_word, unit = match[1], match[2]
    if count_word in _VAGUE_COUNTS:
        return _recent_units(match, published)
    count = _count(count_word) if count_word else 1
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * count
    return _period(published - timedelta(days=days), published, published)


def _recent_units(match: re.Match[str], published: date) -> Resolved:
    """ "In recent weeks": until publication, from a start nobody gave."""
    return Resolved(DateRule.PERIOD, earliest=None, latest=published)


def _weekend(match: re.Match[str], published: date) -> Resolved:
    """The latest Saturday-Sunday begun by publication ("last weekend" the one before)."""
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    if match[1] == "last" and published.weekday() >= 5:
        saturday -= timedelta(weeks=1)
    return _period(saturday, saturday + timedelta(days=1), published)


def _month_name(match: re.Match[str], published: date | None) -> Resolved | None:
    """ "In March": the last March begun by publication, unless a year is given."""
    month, year = MONTHS[match[1]], _optional_year(match[2])
    if year is None:
        if published is None:
            return None
        year = published.year if month <= published.month else published.year - 1
    return _period(*_month_of(year, month), published)


def _year(match: re.Match[str], published: date | None) -> Resolved:
    year = int(match[1])
    return _period(date(year, 1, 1), date(year, 12, 31), published)


def _vague(match: re.Match[str], published: date | None) -> Resolved:
    return Resolved(DateRule.UNKNOWN)


def _rule(text: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{text})\b")


def _fixed(apply: Callable[[re.Match[str], date | None], Resolved | None]) -> _Rule:
    """A rule whose matches with a year need no publication date."""
    return _Rule(apply, lambda match: apply(match, None))


_OF_YEAR = rf"(?: (?:of )?{_YEAR})?"
_RULES: list[tuple[re.Pattern[str], _Rule]] = [
    (_rule(r"(\d{4})-(\d{1,2})-(\d{1,2})"), _fixed(_iso)),
    (_rule(rf"({_MONTH}) {_DAY}{_OF_YEAR}"), _fixed(_month_day)),
    (_rule(rf"{_DAY} (?:of )?({_MONTH}){_OF_YEAR}"), _fixed(_day_month)),
    (_rule(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}\.\d{1,2}\.\d{2,4}"), _fixed(_numeric)),
    (_rule(r"(?:the )?day before yesterday"), _Rule(_days_before(2))),
    (_rule(r"yesterday|last night"), _Rule(_days_before(1))),
    (
        _rule(r"today|tonight|this (?:morning|afternoon|evening)|\w+ (?:hour|minute)s? ago"),
        _Rule(_days_before(0)),
    ),
    (_rule(rf"({_COUNT}) days? ago"), _Rule(_days_ago)),
    (_rule(rf"(last |this past )?({_WEEKDAY})"), _Rule(_weekday)),
    (_rule(rf"({_COUNT}) (week|month|year)s? ago"), _Rule(_units_ago)),
    (
        _rule(r"(?:(earlier|late|early) )?(last|this|previous) (week|month|year)"),
        _Rule(_calendar_unit),
    ),
    (
        _rule(rf"(?:past|last) (?:({_COUNT}|{_VAGUE_COUNT}) )?(day|week|month|year)s?"),
        _Rule(_up_to_publication),
    ),
    (_rule(r"recent (?:day|week|month|year)s"), _Rule(_recent_units)),
    (_rule(r"(last|this|the|past) weekend"), _Rule(_weekend)),
    (_rule(rf"({_MONTH}){_OF_YEAR}"), _fixed(_month_name)),
    (_rule(rf"(?:in|during|since|of) {_YEAR}"), _fixed(_year)),
    (_rule(rf"{_VAGUE}"), _fixed(_vague)),
]
