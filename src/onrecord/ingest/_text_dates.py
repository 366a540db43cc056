"""Dates as news pages print them: "Posted: May 30, 2024 3:02 PM EDT", "27 May 2024, 22:34"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from onrecord.ingest import lexicons
from onrecord.knowledge import calendar_names
from onrecord.knowledge.lexicons import alternatives

_MONTHS = calendar_names.MONTHS | calendar_names.MONTH_ABBREVIATIONS
# Only abbreviations that name one offset; "ET" or "IST" would be guesses.
_ZONES = {zone: int(hours) for zone, hours in lexicons.load_table("time-zones-v1").items()}
# Month names as printed: "May", "MAY", "Sept." — not the verb "may".
_MONTH_NAMES = sorted(_MONTHS, key=len, reverse=True)
_MONTH = (
    r"(?P<month>"
    + "|".join([m.capitalize() for m in _MONTH_NAMES] + [m.upper() for m in _MONTH_NAMES])
    + r")\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_TIME = (
    r"(?:,?\s*(?:at\s+)?(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)"
    r"\s*(?P<ampm>[aApP]\.?[mM]\.?)?(?:\s*(?P<zone>(?:" + "|".join(_ZONES) + r")\b|Uhr))?)?"
)
_DATE_FORMS = [
    rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?",
    rf"\b{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})",
    r"\b(?P<year>(?:19|20)\d\d)-(?P<nmonth>[01]\d)-(?P<day>[0-3]\d)\b",
    r"\b(?P<day>[0-3]?\d)\.(?P<nmonth>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b",
]
_DATES = [re.compile(form + _TIME) for form in _DATE_FORMS]
_UPDATED = re.compile(rf"(?:{alternatives(lexicons.load('update-labels-v1'))})\W*$", re.I)
# What a dateline may hold besides its dates: labels, weekdays and their abbreviations.
_DATELINE_WORD = alternatives(lexicons.load("dateline-words-v1") | calendar_names.WEEKDAYS.keys())
_DATELINE_WORDS = re.compile(rf"\b(?:{_DATELINE_WORD})\b", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    """A date in a line, where it is, and whether the line calls it an update."""

    start: int
    end: int
    value: datetime
    updated: bool


def find_dates(line: str, *, default_year: int | None = None) -> list[FoundDate]:
    """Every date in ``line`` that makes a valid calendar date."""
    found: list[FoundDate] = []
    for match in sorted(_matches(line), key=lambda m: (m.start(), -m.end())):
        if found and match.start() < found[-1].end:
            continue  # one date read two ways ("2024-05-03" is also "05-03")
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        value = _to_datetime(groups, default_year)
        if value is not None:
            updated = bool(_UPDATED.search(line[max(0, match.start() - 20) : match.start()]))
            found.append(FoundDate(match.start(), match.end(), value, updated))
    return found


def _matches(line: str) -> list[re.Match[str]]:
    return [match for pattern in _DATES for match in pattern.finditer(line)]


def is_dateline(line: str) -> bool:
    """True when ``line`` is only dates and the words that label them."""
    dates = find_dates(line, default_year=2000)
    if not dates:
        return False
    rest = line
    for found in reversed(dates):
        rest = rest[: found.start] + " " + rest[found.end :]
    rest = _DATELINE_WORDS.sub(" ", rest)
    return sum(ch.isalnum() for ch in rest) <= 2


def with_year_and_zone(value: datetime, like: datetime) -> datetime:
    """``value`` given the time zone of ``like`` when it has none (an "updated" date)."""
    if value.tzinfo is None and like.tzinfo is not None:
        return value.replace(tzinfo=like.tzinfo)
    return value


def _to_datetime(groups: dict[str, str], default_year: int | None) -> datetime | None:
    year = int(groups["year"]) if "year" in groups else default_year
    month = _MONTHS.get(groups.get("month", "").lower().rstrip(".")) or int(
        groups.get("nmonth", "0")
    )
    if year is None:
        return None
    try:
        day = date(year, month, int(groups["day"]))
        hour, minute = _clock(groups)
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=_zone(groups))
    except ValueError:
        return None


def _clock(groups: dict[str, str]) -> tuple[int, int]:
    hour, minute = int(groups.get("hour", "0")), int(groups.get("minute", "0"))
    ampm = groups.get("ampm", "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return hour, minute


def _zone(groups: dict[str, str]) -> timezone | None:
    offset = _ZONES.get(groups.get("zone", "").upper())
    return None if offset is None else timezone(timedelta(hours=offset))
