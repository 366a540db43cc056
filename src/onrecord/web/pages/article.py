"""The article page: its text, each attribution's source, cue and content marked.

Spans overlap (a quote's content holds another's source) and cross one another, so
the text is cut at every span's edge into pieces, each piece carrying the roles of
every span over it; the page styles a piece by its roles (source, cue, content,
evidence), so nesting never breaks the markup. Offsets are the article's: the
piece ``text[a:b]`` is the evidence itself. Each attribution's first piece is its
anchor (``#a-{id}``), each position's evidence sentence its own (``#e-{start}``),
the links the tracker and the quote search point at.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from onrecord.errors import NotFoundError
from onrecord.model import Analysis, Article, Attribution, Block, BlockKind, Position, Span
from onrecord.store import Store

__all__ = ["article_context", "pieces"]

# Blocks the reader kept apart from the body: shown folded, never dropped.
SET_APART = frozenset(
    {
        BlockKind.CAPTION,
        BlockKind.VIDEO,
        BlockKind.AUTHOR_BIO,
        BlockKind.CREDIT_LINE,
        BlockKind.BOILERPLATE,
    }
)


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    role: str  # source, cue, content, evidence
    owner: str  # the attribution's id, or "e-{start}" for evidence


def article_context(store: Store, article_id: str) -> dict[str, Any]:
    """The article page of ``article_id`` (its content hash), as plain data."""
    found = list(store.analyses([article_id]))
    if not found:
        raise NotFoundError(f"article {article_id!r}: the store has no article of that id")
    analysis = found[0]
    article = analysis.article
    marks = list(_marks(analysis))
    tips = {a.id: _tip(a) for a in analysis.attributions}
    placed: set[str] = set()
    return {
        "article": _article(article),
        "blocks": [_block(article, b, marks, tips, placed) for b in _blocks(article)],
        "attributions": [_attribution(a) for a in analysis.attributions],
        "positions": [_position(p) for p in analysis.positions or []],
        "skipped": analysis.skipped,
        "error": analysis.error,
    }


def pieces(
    text: str,
    start: int,
    end: int,
    marks: Sequence[_Mark],
    tips: dict[str, str] | None = None,
    placed: set[str] | None = None,
) -> list[dict[str, Any]]:
    """``text[start:end]`` cut at every mark's edge: each piece with the roles over it,
    the attributions it belongs to, and the anchors that begin on it (each anchor once
    a page: ``placed`` holds those placed before, and gets these)."""
    placed = set() if placed is None else placed
    inside = [m for m in marks if m.start < end and m.end > start and m.start < m.end]
    edges = sorted({start, end, *(max(m.start, start) for m in inside)} | _ends(inside, end))
    first_of = _first_pieces(inside, start)
    out = []
    for a, b in zip(edges, edges[1:], strict=False):
        over = [m for m in inside if m.start <= a and m.end >= b]
        owners = list(dict.fromkeys(m.owner for m in over if m.role != "evidence"))
        begun = [owner for (owner, at) in first_of.items() if at == a and owner not in placed]
        placed.update(begun)
        tip = " · ".join((tips or {}).get(owner, "") for owner in owners).strip(" ·")
        anchors = [_anchor(owner, tips or {}) for owner in begun]
        out.append(
            {
                "text": text[a:b],
                "roles": sorted({m.role for m in over}),
                "owners": owners,
                "anchors": anchors,
                "tip": tip or None,
            }
        )
    return out


def _anchor(owner: str, tips: dict[str, str]) -> dict[str, Any]:
    """An anchor: an evidence sentence's (``e-{start}``), or an attribution's
    (``a-{id}``), which also takes the keyboard's focus and shows who said it."""
    if owner.startswith("e-"):
        return {"id": owner, "tip": None}
    return {"id": f"a-{owner}", "tip": tips.get(owner, "")}


def _ends(marks: Iterable[_Mark], end: int) -> set[int]:
    return {min(m.end, end) for m in marks}


def _first_pieces(marks: Iterable[_Mark], start: int) -> dict[str, int]:
    """Where each attribution and each evidence sentence begins in this stretch."""
    first: dict[str, int] = {}
    for mark in sorted(marks, key=lambda m: m.start):
        first.setdefault(mark.owner, max(mark.start, start))
    return first


def _marks(analysis: Analysis) -> Iterable[_Mark]:
    for a in analysis.attributions:
        if a.source is not None:
            yield _Mark(a.source.start, a.source.end, "source", a.id)
        if a.cue is not None:
            yield _Mark(a.cue.start, a.cue.end, "cue", a.id)
        for part in a.content:
            yield _Mark(part.start, part.end, "content", a.id)
    for position in analysis.positions or []:
        for span in position.evidence:
            yield _Mark(span.start, span.end, "evidence", f"e-{span.start}")


def _blocks(article: Article) -> list[Block]:
    """The article's blocks; one paragraph of the whole text when it has none."""
    if article.blocks:
        return article.blocks
    return [Block(BlockKind.PARAGRAPH, 0, len(article.text))] if article.text else []


def _block(
    article: Article,
    block: Block,
    marks: Sequence[_Mark],
    tips: dict[str, str],
    placed: set[str],
) -> dict[str, Any]:
    return {
        "kind": block.kind.value,
        "set_apart": block.kind in SET_APART,
        "credit": block.credit,
        "start": block.start,
        "pieces": pieces(article.text, block.start, block.end, marks, tips, placed),
    }


def _tip(a: Attribution) -> str:
    who = a.actor.name if a.actor else (a.source.text if a.source else "no source")
    day = a.said_on.date.isoformat() if a.said_on and a.said_on.date else "undated"
    return f"{who} — {a.kind.value}, {day}, confidence {a.confidence:.2f}"


def _article(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "name": article.name,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "bylines": list(article.bylines),
        "published": article.published.date().isoformat() if article.published else None,
        "language": article.language,
    }


def _attribution(a: Attribution) -> dict[str, Any]:
    actor = a.actor
    return {
        "id": a.id,
        "actor": {"id": actor.id, "name": actor.name, "type": actor.type.value, "role": actor.role}
        if actor
        else None,
        "source": _span(a.source),
        "cue": _span(a.cue),
        "content": [_span(part) for part in a.content],
        "kind": a.kind.value,
        "said_on": a.said_on.date.isoformat() if a.said_on and a.said_on.date else None,
        "said_on_basis": a.said_on.basis.text if a.said_on and a.said_on.basis else None,
        "confidence": round(a.confidence, 3),
        "method": a.method,
    }


def _position(position: Position) -> dict[str, Any]:
    return {
        "issue": position.issue,
        "actor": {"id": position.actor.id, "name": position.actor.name},
        "stance": position.stance,
        "coarse": position.coarse.value,
        "conditions": position.conditions,
        "as_of": position.as_of.isoformat() if position.as_of else None,
        "evidence": [_span(span) for span in position.evidence],
        "attributions": list(position.attributions),
    }


def _span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}
