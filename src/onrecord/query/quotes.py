"""Quotes from the store: who said what, filtered by speaker, subject, day, outlet, kind
and act.

The store filters and sorts (``Store.quotes``); this module turns the user's words
into its filter: a speaker's name into the ids of the actors it names (by their
names, aliases or ids, folded as ``model.fold`` folds them), an outlet's name into
the outlets stored under it, and checks the kind and the acts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from onrecord.errors import ConfigError, NotFoundError
from onrecord.model import AttributionAct, AttributionKind, actor_id, fold
from onrecord.query.rows import Row
from onrecord.store import ActorName, QuoteFilter, Store, StoredQuote

__all__ = [
    "QUOTE_COLUMNS",
    "QuotePage",
    "actors_named",
    "named_in_store",
    "find_quotes",
    "quote_filter",
    "quote_page",
    "parse_acts",
    "quote_row",
    "quote_to_dict",
]

QUOTE_COLUMNS = (
    "id",
    "day",
    "outlet",
    "speaker",
    "speaker_type",
    "role",
    "kind",
    "act",
    "cue",
    "content",
    "article",
    "url",
)


@dataclass(frozen=True)
class QuotePage:
    """One page of a long answer: its quotes, how many the whole answer has, and the
    key to read the next page after (``None``: this was the last)."""

    quotes: list[StoredQuote]
    total: int
    next_after: tuple[date | None, int] | None


def find_quotes(
    store: Store,
    *,
    speaker: str | None = None,
    about: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outlet: str | None = None,
    kind: str | None = None,
    anonymous: bool = False,
    limit: int | None = None,
    act: str | None = None,
) -> list[StoredQuote]:
    """Current quotes that meet every condition given, by day (undated last), then id.

    ``speaker`` is a name, alias or id of an actor (``NotFoundError`` when the store
    knows none by it); ``about`` words the content must have (full-text search);
    ``since``/``until`` bound the day it was said, else its article's publication day;
    ``outlet`` an outlet's name, case and accents aside; ``kind`` direct, indirect or
    mixed; ``anonymous`` only anonymous sources; ``act`` acts separated by commas
    ("speech,writing", :func:`parse_acts`).
    """
    where = quote_filter(
        store,
        speaker=speaker,
        about=about,
        since=since,
        until=until,
        outlet=outlet,
        kind=kind,
        anonymous=anonymous,
        act=act,
    )
    return store.quotes(where, limit)


def quote_filter(
    store: Store,
    *,
    speaker: str | None = None,
    about: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outlet: str | None = None,
    kind: str | None = None,
    anonymous: bool = False,
    act: str | None = None,
    article_id: str | None = None,
) -> QuoteFilter:
    """The store's filter for the conditions of :func:`find_quotes` (and, with
    ``article_id``, only that article's quotes)."""
    if since and until and since > until:
        raise ConfigError(f"--since {since} is after --until {until}: nothing can be in between")
    return QuoteFilter(
        speaker_ids=_speaker_ids(store, speaker) if speaker is not None else None,
        about=about,
        since=since,
        until=until,
        outlets=_outlets(store, outlet) if outlet is not None else None,
        kind=_kind(kind) if kind is not None else None,
        anonymous=anonymous,
        article_ids=(article_id,) if article_id is not None else None,
        acts=tuple(sorted(parse_acts(act))) if act is not None else None,
    )


def quote_page(
    store: Store,
    where: QuoteFilter,
    limit: int,
    *,
    after: tuple[date | None, int] | None = None,
    offset: int = 0,
) -> QuotePage:
    """At most ``limit`` quotes passing ``where``: those after the key ``after`` (a
    previous page's ``next_after``), else from the ``offset``-th on; and the total."""
    found = store.quotes(dataclasses.replace(where, after=after), limit + 1, offset)
    page = found[:limit]
    last = page[-1] if page and len(found) > limit else None
    total = store.quote_count(where)
    return QuotePage(page, total, (last.day, last.id) if last else None)


def actors_named(names: Iterable[ActorName], name: str) -> list[ActorName]:
    """The actors ``name`` names: by id, or by a name or alias that folds the same."""
    wanted = fold(name)
    as_id = actor_id(name)
    return [
        actor
        for actor in names
        if actor.id in (name, as_id)
        or fold(actor.name) == wanted
        or any(fold(alias) == wanted for alias in actor.aliases)
    ]


def quote_row(quote: StoredQuote) -> Row:
    """One quote, flat: its id, day, outlet, speaker, kind, cue, content and article."""
    return {
        "id": quote.id,
        "day": _iso(quote.day),
        "outlet": quote.outlet,
        "speaker": quote.speaker,
        "speaker_type": quote.speaker_type,
        "role": quote.role,
        "kind": quote.kind,
        "act": quote.act,
        "cue": quote.cue,
        "content": quote.content,
        "article": quote.article,
        "url": quote.url,
    }


def quote_to_dict(quote: StoredQuote) -> dict[str, Any]:
    """One quote whole, for JSON: every field, days as ISO dates."""
    return {
        "id": quote.id,
        "article_id": quote.article_id,
        "attribution_id": quote.local_id,
        "article": quote.article,
        "title": quote.title,
        "url": quote.url,
        "outlet": quote.outlet,
        "published": _iso(quote.published),
        "said_on": _iso(quote.said_on),
        "kind": quote.kind,
        "act": quote.act,
        "confidence": quote.confidence,
        "speaker": {
            "id": quote.speaker_id,
            "name": quote.speaker,
            "type": quote.speaker_type,
            "role": quote.role,
            "affiliation": quote.affiliation,
        },
        "source": quote.source,
        "cue": quote.cue,
        "content": quote.content,
    }


def named_in_store(store: Store, name: str) -> list[ActorName]:
    """The store's actors ``name`` names (see :func:`actors_named`): looked up as written
    first, every actor read and folded only when that finds none."""
    found = actors_named(store.actor_names(exact=[name, actor_id(name)]), name)
    return found or actors_named(store.actor_names(), name)


def _speaker_ids(store: Store, speaker: str) -> tuple[str, ...]:
    found = named_in_store(store, speaker)
    if not found:
        raise NotFoundError(
            f"--speaker {speaker!r}: the store has no actor of that name, alias or id; "
            "`onrecord actors --search TEXT` lists the actors whose names hold TEXT"
        )
    return tuple(actor.id for actor in found)


def _outlets(store: Store, outlet: str) -> tuple[str, ...]:
    wanted = fold(outlet)
    return tuple(name for name in store.outlets() if fold(name) == wanted)


def _kind(kind: str) -> str:
    try:
        return AttributionKind(kind.lower()).value
    except ValueError:
        choices = ", ".join(k.value for k in AttributionKind)
        message = f"--kind {kind!r} is not a kind of quote; give one of {choices}"
        raise ConfigError(message) from None


def parse_acts(text: str) -> frozenset[AttributionAct]:
    """The acts named in ``--act speech,writing``: comma-separated, case aside."""
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in AttributionAct._value2member_map_]
    if unknown or not names:
        choices = ", ".join(act.value for act in AttributionAct)
        message = f"--act {text!r}: give one or more of {choices}, separated by commas"
        raise ConfigError(message)
    return frozenset(AttributionAct(name) for name in names)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
