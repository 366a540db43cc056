"""The corpus stage, after every article is analysed: actors resolved across the whole
corpus (the actor registry over the ``mentions`` dataset) and syndicated copies grouped
(MinHash LSH over the articles of the ``analyses`` dataset).

It runs in one process (the driver, under Spark) and reads the datasets with pyarrow a
batch at a time: the registry keeps one entry per surface name and the index one
signature per article, not the articles, so memory grows with the number of names and
articles, not with their text. Both results depend on what was found, not on the order
the datasets are read in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

from onrecord.batch._write import write_table
from onrecord.model import Actor, ActorType, Analysis, Article
from onrecord.resolve import ActorRegistry, Aliases, SyndicationIndex, signed_article

__all__ = ["CorpusFigures", "write_corpus"]

ACTORS = pa.schema(
    [
        ("actor_id", pa.string()),
        ("name", pa.string()),
        ("type", pa.string()),
        ("aliases", pa.list_(pa.string())),
        ("mentions", pa.int64()),
        ("articles", pa.int64()),
        ("record", pa.string()),  # the registry entry's JSON, with roles over time
    ]
)
SYNDICATION = pa.schema(
    [("group_id", pa.string()), ("article_id", pa.string()), ("rank", pa.int64())]
)
MENTION_COLUMNS = ["article_id", "actor_name", "actor_type", "role", "affiliation", "said_on"]


@dataclass(frozen=True)
class CorpusFigures:
    actors: int
    syndication_groups: int


def write_corpus(out: Path, aliases: Aliases | None = None) -> CorpusFigures:
    """The ``actors`` and ``syndication`` datasets of the batch output in ``out``."""
    registry = ActorRegistry(aliases)
    for actor, article_id, said_on in _mentions(out):
        registry.add_actor(actor, article_id, said_on)
    entries = registry.actors()
    rows = [
        {
            "actor_id": e.actor.id,
            "name": e.actor.name,
            "type": e.actor.type.value,
            "aliases": list(e.aliases),
            "mentions": e.mentions,
            "articles": len(e.articles),
            "record": json.dumps(e.to_dict(), ensure_ascii=False),
        }
        for e in entries
    ]
    write_table(out, "actors", pa.Table.from_pylist(rows, schema=ACTORS), "corpus")
    index = SyndicationIndex()
    for articles in _article_batches(out):
        index.add(signed_article(article, index.params) for article in articles)
    groups = index.groups()
    members = [
        {"group_id": g.id, "article_id": member, "rank": rank}
        for g in groups
        for rank, member in enumerate(g.members)
    ]
    table = pa.Table.from_pylist(members, schema=SYNDICATION)
    write_table(out, "syndication", table, "corpus")
    return CorpusFigures(len(entries), len(groups))


def _dataset(out: Path, name: str) -> ds.Dataset | None:
    folder = out / name
    return ds.dataset(folder, format="parquet", partitioning="hive") if folder.exists() else None


def _mentions(out: Path) -> Iterator[tuple[Actor, str, date | None]]:
    dataset = _dataset(out, "mentions")
    if dataset is None:
        return
    for batch in dataset.to_batches(columns=MENTION_COLUMNS):
        for row in batch.to_pylist():
            actor = Actor(
                row["actor_name"], ActorType(row["actor_type"]), row["role"], row["affiliation"]
            )
            said_on = date.fromisoformat(row["said_on"]) if row["said_on"] else None
            yield actor, row["article_id"], said_on


def _article_batches(out: Path) -> Iterator[list[Article]]:
    dataset = _dataset(out, "analyses")
    if dataset is None:
        return
    for batch in dataset.to_batches(columns=["record"]):
        records = batch.column("record").to_pylist()
        yield [Analysis.from_dict(json.loads(record)).article for record in records]
