"""Month and weekday names, lower case, with their numbers, for every stage that reads dates."""

from __future__ import annotations

from onrecord.knowledge import data

__all__ = ["MONTHS", "MONTH_ABBREVIATIONS", "WEEKDAYS"]


def _numbered(name: str) -> dict[str, int]:
    return {word: int(number) for word, number in data.load_table(name).items()}


MONTHS = _numbered("months-v1")  # "january": 1
MONTH_ABBREVIATIONS = _numbered("month-abbreviations-v1")  # "sept": 9, without "may"
WEEKDAYS = _numbered("weekdays-v1")  # "monday": 0, as date.weekday() counts
