"""The batch output's datasets: their Arrow schemas, and each analysis as their rows.

``analyses`` holds every analysis whole (the record codec's JSON, with its article):
it is what ``onrecord load`` stores, so a loaded store is the one ingest makes. The
other tables are flat views of it for analysis in any Parquet reader. Every table but
``errors`` carries ``month`` (``YYYY-MM`` of publication, ``undated`` without a date),
the column the datasets are partitioned by.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from onrecord.model import Actor, Analysis, Article, Attribution, Position, Span

__all__ = [
    "SCHEMAS",
    "TABLES",
    "UNDATED",
    "Row",
    "analysis_row",
    "analysis_rows",
    "error_row",
    "month_of",
    "to_batch",
]

UNDATED = "undated"
_TEXT, _INT, _FLOAT = pa.string(), pa.int64(), pa.float64()
_ACTOR = [("actor_id", _TEXT), ("actor_name", _TEXT), ("actor_type", _TEXT)]
_WHERE = [("input", _TEXT), ("seq", _INT)]  # the input file and the position in it

SCHEMAS: dict[str, pa.Schema] = {
    "analyses": pa.schema(
        [*_WHERE, ("article_id", _TEXT), ("document", _TEXT), ("record", _TEXT), ("month", _TEXT)]
    ),
    "articles": pa.schema(
        [
            ("article_id", _TEXT),
            ("document", _TEXT),
            ("url", _TEXT),
            ("outlet", _TEXT),
            ("title", _TEXT),
            ("published", _TEXT),
            ("language", _TEXT),
            ("chars", _INT),
            ("attributions", _INT),
            ("skipped", _TEXT),
            ("month", _TEXT),
        ]
    ),
    "attributions": pa.schema(
        [
            ("article_id", _TEXT),
            ("attribution_id", _TEXT),
            ("kind", _TEXT),
            ("confidence", _FLOAT),
            ("source", _TEXT),
            ("source_start", _INT),
            ("cue", _TEXT),
            ("cue_start", _INT),
            ("content", _TEXT),
            ("content_spans", _TEXT),  # JSON: [[start, end], ...]
            *_ACTOR,
            ("said_on", _TEXT),
            ("method", _TEXT),
            ("month", _TEXT),
        ]
    ),
    "mentions": pa.schema(
        [
            ("article_id", _TEXT),
            ("attribution_id", _TEXT),
            *_ACTOR,
            ("role", _TEXT),
            ("affiliation", _TEXT),
            ("said_on", _TEXT),
            ("month", _TEXT),
        ]
    ),
    "positions": pa.schema(
        [
            ("article_id", _TEXT),
            ("issue", _TEXT),
            *_ACTOR,
            ("stance", _TEXT),
            ("coarse", _TEXT),
            ("conditions", _TEXT),
            ("as_of", _TEXT),
            ("confidence", _FLOAT),
            ("attributions", pa.list_(_TEXT)),
            ("method", _TEXT),
            ("month", _TEXT),
        ]
    ),
    "errors": pa.schema([*_WHERE, ("document", _TEXT), ("stage", _TEXT), ("reason", _TEXT)]),
}
TABLES = ("articles", "attributions", "mentions", "positions")  # flat views of analyses

Row = dict[str, Any]


def month_of(article: Article) -> str:
    return article.published.strftime("%Y-%m") if article.published else UNDATED


def analysis_row(input_name: str, seq: int, analysis: Analysis) -> Row:
    record = json.dumps(analysis.to_dict(with_article=True), ensure_ascii=False)
    article = analysis.article
    return {
        "input": input_name,
        "seq": seq,
        "article_id": article.id,
        "document": article.name,
        "record": record,
        "month": month_of(article),
    }


def error_row(input_name: str, seq: int, document: str, stage: str, reason: str) -> Row:
    return {"input": input_name, "seq": seq, "document": document, "stage": stage, "reason": reason}


def analysis_rows(analysis: Analysis) -> dict[str, list[Row]]:
    """The rows of each flat table for one analysis."""
    article, month = analysis.article, month_of(analysis.article)
    attributions = [_attribution(article.id, a, month) for a in analysis.attributions]
    mentions = [
        _mention(article.id, a, month) for a in analysis.attributions if a.actor is not None
    ]
    positions = [_position(article.id, p, month) for p in analysis.positions or []]
    return {
        "articles": [_article(analysis, month)],
        "attributions": attributions,
        "mentions": mentions,
        "positions": positions,
    }


def to_batch(table: str, rows: Iterable[Row]) -> pa.RecordBatch:
    return pa.RecordBatch.from_pylist(list(rows), schema=SCHEMAS[table])


def _article(analysis: Analysis, month: str) -> Row:
    a = analysis.article
    return {
        "article_id": a.id,
        "document": a.name,
        "url": a.url,
        "outlet": a.outlet,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "chars": len(a.text),
        "attributions": len(analysis.attributions),
        "skipped": analysis.skipped,
        "month": month,
    }


def _actor(actor: Actor | None) -> Row:
    if actor is None:
        return {"actor_id": None, "actor_name": None, "actor_type": None}
    return {"actor_id": actor.id, "actor_name": actor.name, "actor_type": actor.type.value}


def _said_on(attribution: Attribution) -> str | None:
    said_on = attribution.said_on
    return said_on.date.isoformat() if said_on is not None and said_on.date else None


def _start(span: Span | None) -> int | None:
    return span.start if span is not None else None


def _attribution(article_id: str, a: Attribution, month: str) -> Row:
    return {
        "article_id": article_id,
        "attribution_id": a.id,
        "kind": a.kind.value,
        "confidence": round(a.confidence, 3),
        "source": a.source.text if a.source else None,
        "source_start": _start(a.source),
        "cue": a.cue.text if a.cue else None,
        "cue_start": _start(a.cue),
        "content": " … ".join(part.text for part in a.content),
        "content_spans": json.dumps([[part.start, part.end] for part in a.content]),
        **_actor(a.actor),
        "said_on": _said_on(a),
        "method": a.method,
        "month": month,
    }


def _mention(article_id: str, a: Attribution, month: str) -> Row:
    assert a.actor is not None
    return {
        "article_id": article_id,
        "attribution_id": a.id,
        **_actor(a.actor),
        "role": a.actor.role,
        "affiliation": a.actor.affiliation,
        "said_on": _said_on(a),
        "month": month,
    }


def _position(article_id: str, p: Position, month: str) -> Row:
    return {
        "article_id": article_id,
        "issue": p.issue,
        **_actor(p.actor),
        "stance": p.stance,
        "coarse": p.coarse.value,
        "conditions": p.conditions,
        "as_of": p.as_of.isoformat() if p.as_of else None,
        "confidence": round(p.confidence, 3),
        "attributions": list(p.attributions),
        "method": p.method,
        "month": month,
    }
