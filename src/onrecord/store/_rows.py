"""Records to table rows, and the hashes that key them. Pure functions, no database."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from onrecord.model import Analysis, Article, Attribution, Position, Provenance

__all__ = [
    "PART_SEPARATOR",
    "article_row",
    "attribution_row",
    "attribution_spans",
    "block_rows",
    "digest",
    "position_evidence",
    "position_row",
    "provenance_hash",
]

# Between the parts of a content interrupted by its cue, in ``content_text``.
PART_SEPARATOR = " … "
_HASH_LENGTH = 16


def digest(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of ``text``, as the article ids are."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_HASH_LENGTH]


def provenance_hash(provenance: Provenance) -> str:
    """A hash of everything the provenance holds: equal hashes, equal provenance."""
    return digest(json.dumps(provenance.to_dict(), sort_keys=True))


def article_row(article: Article, address: str) -> dict[str, Any]:
    """The ``articles`` columns of ``article`` but its version and run."""
    record = article.to_dict(with_block_text=False)
    del record["text"]  # kept once, in its own column
    return {
        "id": article.id,
        "address": address,
        "source": article.source,
        "external_id": article.external_id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "language": article.language,
        "published_on": article.published.date() if article.published else None,
        "text": article.text,
        "record": record,
    }


def block_rows(article: Article) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article.id,
            "seq": seq,
            "kind": block.kind.value,
            "char_start": block.start,
            "char_end": block.end,
            "credit": block.credit,
        }
        for seq, block in enumerate(article.blocks)
    ]


def attribution_row(attribution: Attribution, analysis: Analysis) -> dict[str, Any]:
    """The ``attributions`` columns but the row and analysis ids and the canonical actor."""
    actor, said_on = attribution.actor, attribution.said_on
    return {
        "article_id": analysis.article.id,
        "local_id": attribution.id,
        "current": True,
        "kind": attribution.kind.value,
        "act": attribution.act.value if attribution.act else None,
        "confidence": round(attribution.confidence, 3),
        "method": attribution.method,
        "mention_name": actor.name if actor else None,
        "mention_type": actor.type.value if actor else None,
        "role": actor.role if actor else None,
        "affiliation": actor.affiliation if actor else None,
        "said_on": said_on.date if said_on else None,
        "said_on_rule": said_on.rule.value if said_on else None,
        "source_text": attribution.source.text if attribution.source else None,
        "cue_text": attribution.cue.text if attribution.cue else None,
        "content_text": PART_SEPARATOR.join(part.text for part in attribution.content),
        "record": attribution.to_dict(),
    }


def attribution_spans(attribution: Attribution, row_id: int) -> list[dict[str, Any]]:
    """Every span of one attribution: its source, cue, content parts and date words."""
    parts = [("content", seq, span) for seq, span in enumerate(attribution.content)]
    if attribution.source:
        parts.append(("source", 0, attribution.source))
    if attribution.cue:
        parts.append(("cue", 0, attribution.cue))
    if attribution.said_on and attribution.said_on.basis:
        parts.append(("said_on", 0, attribution.said_on.basis))
    return [
        {
            "attribution_id": row_id,
            "part": part,
            "seq": seq,
            "char_start": span.start,
            "char_end": span.end,
            "text": span.text,
        }
        for part, seq, span in parts
    ]


def position_row(position: Position, analysis: Analysis, issue_hash: str | None) -> dict[str, Any]:
    """The ``positions`` columns but the row and analysis ids and the canonical actors."""
    speaker = position.speaker
    return {
        "article_id": analysis.article.id,
        "current": True,
        "issue_id": position.issue,
        "issue_hash": issue_hash,
        "actor_name": position.actor.name,
        "actor_type": position.actor.type.value,
        "speaker_name": speaker.name if speaker else None,
        "speaker_type": speaker.type.value if speaker else None,
        "stance": position.stance,
        "coarse": position.coarse.value,
        "conditions": position.conditions,
        "as_of": position.as_of,
        "held_before": position.held_before,
        "confidence": round(position.confidence, 3),
        "method": position.method,
        "record": position.to_dict(),
    }


def position_evidence(position: Position, row_id: int) -> list[dict[str, Any]]:
    return [
        {
            "position_id": row_id,
            "seq": seq,
            "char_start": span.start,
            "char_end": span.end,
            "text": span.text,
        }
        for seq, span in enumerate(position.evidence)
    ]
