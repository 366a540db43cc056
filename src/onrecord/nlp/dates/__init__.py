"""The dates component: when each statement was made, from the article's date."""

from onrecord.nlp.dates.said_on import find_said_on, share_occasions

__all__ = ["find_said_on", "share_occasions"]
