"""A tracker cell's evidence: one actor's positions on one issue, and what shows them.

``/issues/{issue}/actors/{actor}?as_of=DAY`` lists the actor's timeline on the issue
(from the issue page's timeline, kept between requests: ``issue.whole_timeline``);
the positions it held on ``as_of`` (the cell the user clicked) come first and whole:
each sentence with its outlet, day, speaker ("said by Antony Blinken for the
Government of the United States"), conditions, and a link to the article page at that
sentence (``/articles/{id}#e-{start}``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from onrecord.errors import NotFoundError
from onrecord.model import Actor, Article, Position, Span
from onrecord.resolve import TrackedPosition
from onrecord.store import Store
from onrecord.web.pages.issue import issue_summary, whole_timeline

__all__ = ["evidence_context"]

SHOWN_ARTICLES = 20  # the articles a position's evidence is shown from; the rest counted
TIMELINE_ROWS = 100  # the positions of the timeline shown, around those held


def evidence_context(
    store: Store, issue_id: str, actor_id: str, as_of: date | None
) -> dict[str, Any]:
    """The evidence page of ``actor_id`` on ``issue_id``, as plain data."""
    whole = whole_timeline(store, issue_id)
    line = [item for item in whole.positions if item.actor.id == actor_id]
    if not line:
        raise NotFoundError(
            f"actor {actor_id!r} has no position on issue {issue_id!r}; the issue page "
            f"/issues/{issue_id} lists the actors that do"
        )
    held = _held_on(line, as_of)
    ids = whole.article_ids
    wanted = [ids[p.article] for item in held for p in item.positions[:SHOWN_ARTICLES]]
    articles = {a.id: a for a in store.articles(dict.fromkeys(wanted))}
    actor = line[0].actor
    shown = _around(line, held)
    return {
        "issue": issue_summary(whole.issue),
        "actor": {"id": actor.id, "name": actor.name, "type": actor.type.value},
        "as_of": as_of.isoformat() if as_of else None,
        "held": [_position(item, ids, articles) for item in held],
        "timeline": [_entry(item, item in held) for item in shown],
        "timeline_total": len(line),
    }


def _around(line: list[TrackedPosition], held: list[TrackedPosition]) -> list[TrackedPosition]:
    """The part of a long timeline around the positions held: ``TIMELINE_ROWS`` of them."""
    at = line.index(held[0]) if held else 0
    start = max(0, min(at - TIMELINE_ROWS // 2, len(line) - TIMELINE_ROWS))
    return line[start : start + TIMELINE_ROWS]


def _held_on(items: Sequence[TrackedPosition], as_of: date | None) -> list[TrackedPosition]:
    """The positions of the actor's latest dated day by ``as_of`` (its latest, without
    one): none when it had none by then; every one when none of them is dated."""
    dated = [i for i in items if not i.undated and i.placed_on is not None]
    if not dated:
        return list(items)
    if as_of is not None:
        dated = [i for i in dated if i.placed_on is not None and i.placed_on <= as_of]
    if not dated:
        return []
    latest = max(i.placed_on for i in dated if i.placed_on is not None)
    return [i for i in dated if i.placed_on == latest]


def _position(
    item: TrackedPosition, ids: dict[str, str], articles: dict[str, Article]
) -> dict[str, Any]:
    shown = item.positions[:SHOWN_ARTICLES]
    return {
        **_entry(item, True),
        "evidence": [_report(p, ids[p.article], articles.get(ids[p.article])) for p in shown],
        "more_articles": max(0, len(item.positions) - len(shown)),
    }


def _report(position: Position, article_id: str, article: Article | None) -> dict[str, Any]:
    speaker = position.speaker
    return {
        "article_id": article_id,
        "article": position.article,
        "title": article.title if article else None,
        "outlet": article.outlet if article else None,
        "published": article.published.date().isoformat()
        if article and article.published
        else None,
        "as_of": position.as_of.isoformat() if position.as_of else None,
        "speaker": _actor(speaker) if speaker and speaker.id != position.actor.id else None,
        "conditions": position.conditions,
        "confidence": round(position.confidence, 3),
        "sentences": [
            {"text": span.text, "start": span.start, "end": span.end}
            for span in _ordered(position.evidence)
        ],
    }


def _entry(item: TrackedPosition, held: bool) -> dict[str, Any]:
    return {
        "stance": item.stance,
        "coarse": item.coarse.value,
        "day": item.placed_on.isoformat() if item.placed_on else None,
        "as_of": item.as_of.isoformat() if item.as_of else None,
        "held_before": item.held_before.isoformat() if item.held_before else None,
        "undated": item.undated,
        "shifted_from": item.shifted_from,
        "conditions": item.conditions,
        "articles": len(item.articles),
        "held": held,
    }


def _actor(actor: Actor) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, "type": actor.type.value, "role": actor.role}


def _ordered(spans: Iterable[Span]) -> list[Span]:
    return sorted(spans, key=lambda span: (span.start, span.end))
