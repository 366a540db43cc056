"""Which stored positions the tracker as of a day depends on, chosen in SQL.

Where an actor stood on day D is its positions of its latest *dated* day by D; whether
one of them is a shift depends on the actor's dated day before that one; and a
position merges with others (``resolve._timeline``: an undated one with the actor's
others of its stance and article day). An undated position is never the latest (its
article's day says only that it was on record by then): it is shown apart, when its
article was published by D. So of each actor only its dated positions placed from the
previous dated day up to D matter, with its undated ones on record by D and those they
merge with. Choosing them in the database keeps ``positions --as-of`` fast on a long
record: the tracker then reads a few positions an actor instead of every one.

A position is placed as the tracker places it (``Sighting.placed_on``): on its day,
else on the day before the one it was held before, else on its article's day; it is
*dated* when it has a day or a day it was held before.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Date, case, exists, func, literal, select, type_coerce, union

from onrecord.store.schema import articles, positions

__all__ = ["positions_as_of"]


def positions_as_of(connection: Connection, issue_id: str, as_of: dt.date) -> list[int]:
    """The ids of the current positions on ``issue_id`` the tracker as of ``as_of``
    depends on (see the module docstring), sorted."""
    p = positions.c
    # Only an undated position needs its article's day: reading it for every position
    # would read every article row, by far the most of the work.
    published = case(
        (
            p.as_of.is_(None),
            select(articles.c.published_on).where(articles.c.id == p.article_id).scalar_subquery(),
        ),
        else_=None,
    )
    placed = case(
        (p.as_of.is_not(None), p.as_of),
        (p.held_before.is_not(None), _day_before(p.held_before, connection.dialect.name)),
        else_=published,
    )
    every = (
        select(
            p.id,
            func.coalesce(p.actor_id, p.actor_name).label("actor"),
            p.stance,
            p.as_of,
            p.held_before,
            type_coerce(published, Date).label("published"),
            type_coerce(placed, Date).label("placed"),
        )
        .where(p.current, p.issue_id == issue_id)
        .cte("every")
    )
    c = every.c
    day = literal(as_of, Date)
    dated = c.as_of.is_not(None) | c.held_before.is_not(None)
    latest = (
        select(c.actor, func.max(c.placed).label("day"))
        .where(dated, c.placed <= day)
        .group_by(c.actor)
        .cte("latest")
    )
    before = (
        select(c.actor, func.max(c.placed).label("day"))
        .join(latest, latest.c.actor == c.actor)
        .where(dated, c.placed < latest.c.day)
        .group_by(c.actor)
        .cte("before")
    )
    on_the_days = (
        select(c.id, c.actor, c.stance, c.as_of, c.published)
        .join(latest, latest.c.actor == c.actor)
        .outerjoin(before, before.c.actor == c.actor)
        .where(dated, c.placed <= day, c.placed >= func.coalesce(before.c.day, latest.c.day))
    )
    on_record = select(c.id, c.actor, c.stance, c.as_of, c.published).where(
        c.as_of.is_(None), c.published <= day
    )
    chosen = union(on_the_days, on_record).cte("chosen")
    merged = select(c.id).where(
        c.as_of.is_(None),
        exists(
            select(chosen.c.id).where(
                chosen.c.as_of.is_(None),
                chosen.c.actor == c.actor,
                chosen.c.stance == c.stance,
                chosen.c.published.is_not_distinct_from(c.published),
            )
        ),
    )
    statement = union(select(chosen.c.id), merged)
    return sorted(int(found) for found in connection.scalars(statement))


def _day_before(day: Any, dialect: str) -> Any:
    if dialect == "sqlite":
        return func.date(day, "-1 day")  # days are ISO text in SQLite
    return day - 1
