"""A small hand-built corpus for the read side's tests: five articles from four outlets,
their attributions and positions on one issue, stored as ``onrecord ingest`` stores
(``add_analysis``, then the actor registry over the whole store) with one quote
cluster, so that queries are checked without running the pipeline.

What it holds, for the tests to count on:

- "Jens Stoltenberg" (CBC, 30 May) and "Stoltenberg" (The Independent, 3 May): one
  actor; against lifting the restrictions on 3 May, for on 30 May (a shift);
- one anonymous U.S. official, in CBC (indirect) and in the Reuters wire story and
  its Evening Standard copy (direct, the same words): one quote cluster, first seen
  in CBC; the U.S. government's position voiced by that official;
- the German government, for on 31 May, and before it an undated "previously
  opposed" (held before 31 May);
- an ISW statement in an article with no outlet and no date (it sorts last).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import psycopg
import pytest

from onrecord import api
from onrecord.model import (
    Actor,
    ActorType,
    Analysis,
    Article,
    Attribution,
    AttributionKind,
    Coarse,
    DateRule,
    Position,
    Provenance,
    SaidOn,
    Span,
)
from onrecord.store import QuoteCluster, Store, open_store

REPO = Path(__file__).resolve().parents[1]
ISSUE_FILE = REPO / "examples" / "issues" / "strikes-inside-russia.toml"
ISSUE = "strikes-inside-russia"

STOLTENBERG = Actor("Jens Stoltenberg", ActorType.PERSON, "NATO's secretary general", "NATO")
STOLTENBERG_SHORT = Actor("Stoltenberg", ActorType.PERSON)
OFFICIAL = Actor("anonymous U.S. official", ActorType.ANONYMOUS, affiliation="United States")
USA = Actor("Government of the United States", ActorType.GOVERNMENT)
GERMANY = Actor("Government of Germany", ActorType.GOVERNMENT)
ISW = Actor("Institute for the Study of War", ActorType.ORGANIZATION)

QUOTE = "We will allow strikes near Kharkiv"
PROVENANCE = Provenance(components={"onrecord_attribution": "test"}, settings_hash="test")

CBC = (
    "Jens Stoltenberg, NATO's secretary general, said Thursday that allies should lift "
    "restrictions on strikes inside Russia. One U.S. official said that we will allow "
    "strikes near Kharkiv, in a shift of policy."
)
REUTERS = (
    f"“{QUOTE},” one U.S. official said. Germany's government said on Friday it would "
    "allow strikes on Russian territory too. Previously, Berlin opposed such strikes."
)
STANDARD = (
    f"“{QUOTE},” one U.S. official said, speaking to reporters. Germany's government "
    "said on Friday it would allow strikes on Russian territory too."
)
INDEPENDENT = "Stoltenberg said the restrictions on Western weapons should stay for now."
ISW_TEXT = "The Institute for the Study of War said Russian forces massed near Kharkiv."


def span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start, start + len(words), words)


def said(
    text: str,
    local_id: str,
    actor: Actor,
    source: str,
    cue: str,
    content: str,
    kind: AttributionKind,
    on: date | None,
) -> Attribution:
    dated = SaidOn(on, DateRule.PUBLISHED) if on else None
    return Attribution(
        content=[span(text, content)],
        cue=span(text, cue),
        source=span(text, source),
        kind=kind,
        confidence=0.9,
        method="test",
        id=local_id,
        actor=actor,
        said_on=dated,
    )


def held(
    text: str,
    actor: Actor,
    stance: str,
    coarse: Coarse,
    evidence: str,
    as_of: date | None,
    speaker: Actor | None = None,
    held_before: date | None = None,
    attributions: tuple[str, ...] = (),
) -> Position:
    return Position(
        issue=ISSUE,
        actor=actor,
        stance=stance,
        coarse=coarse,
        conditions=None,
        as_of=as_of,
        evidence=[span(text, evidence)],
        confidence=0.8,
        method="test",
        attributions=list(attributions),
        speaker=speaker,
        held_before=held_before,
    )


def article(text: str, name: str, outlet: str | None, published: date | None) -> Article:
    moment = datetime(published.year, published.month, published.day) if published else None
    url = f"https://example.org/{name}" if outlet else None
    return Article(
        text=text,
        source=f"{name}.txt",
        external_id=name,
        url=url,
        outlet=outlet,
        title=f"The story in {name}",
        published=moment,
        language="en",
    )


def analyses() -> list[Analysis]:
    """The corpus, as the pipeline would have analysed it."""
    d = AttributionKind.DIRECT
    i = AttributionKind.INDIRECT
    may3, may30, may31 = date(2024, 5, 3), date(2024, 5, 30), date(2024, 5, 31)
    quote_cue = "said"
    return [
        Analysis(
            article(CBC, "cbc", "CBC News", may30),
            [
                said(
                    CBC,
                    "a1",
                    STOLTENBERG,
                    "Jens Stoltenberg",
                    quote_cue,
                    "allies should lift restrictions on strikes inside Russia",
                    i,
                    may30,
                ),
                said(
                    CBC,
                    "a2",
                    OFFICIAL,
                    "One U.S. official",
                    "said that",
                    "we will allow strikes near Kharkiv",
                    i,
                    may30,
                ),
            ],
            PROVENANCE,
            positions=[
                held(
                    CBC,
                    STOLTENBERG,
                    "supports",
                    Coarse.FOR,
                    "allies should lift restrictions on strikes inside Russia",
                    may30,
                    attributions=("a1",),
                ),
                held(
                    CBC,
                    USA,
                    "supports with limits",
                    Coarse.FOR_WITH_LIMITS,
                    "we will allow strikes near Kharkiv",
                    may30,
                    speaker=OFFICIAL,
                    attributions=("a2",),
                ),
            ],
        ),
        Analysis(
            article(REUTERS, "reuters", "Reuters", may31),
            [
                said(REUTERS, "a1", OFFICIAL, "one U.S. official", quote_cue, QUOTE, d, may31),
                said(
                    REUTERS,
                    "a2",
                    GERMANY,
                    "Germany's government",
                    "said on Friday",
                    "it would allow strikes on Russian territory too",
                    i,
                    may31,
                ),
            ],
            PROVENANCE,
            positions=[
                held(
                    REUTERS,
                    GERMANY,
                    "supports",
                    Coarse.FOR,
                    "it would allow strikes on Russian territory too",
                    may31,
                    attributions=("a2",),
                ),
                held(
                    REUTERS,
                    GERMANY,
                    "opposes",
                    Coarse.AGAINST,
                    "Previously, Berlin opposed such strikes.",
                    None,
                    held_before=may31,
                ),
            ],
        ),
        Analysis(
            article(STANDARD, "standard", "Evening Standard", may31),
            [
                said(STANDARD, "a1", OFFICIAL, "one U.S. official", quote_cue, QUOTE, d, may31),
                said(
                    STANDARD,
                    "a2",
                    GERMANY,
                    "Germany's government",
                    "said on Friday",
                    "it would allow strikes on Russian territory too",
                    i,
                    may31,
                ),
            ],
            PROVENANCE,
            positions=[
                held(
                    STANDARD,
                    GERMANY,
                    "supports",
                    Coarse.FOR,
                    "it would allow strikes on Russian territory too",
                    may31,
                    attributions=("a2",),
                ),
            ],
        ),
        Analysis(
            article(INDEPENDENT, "independent", "The Independent", may3),
            [
                said(
                    INDEPENDENT,
                    "a1",
                    STOLTENBERG_SHORT,
                    "Stoltenberg",
                    quote_cue,
                    "the restrictions on Western weapons should stay for now",
                    i,
                    may3,
                ),
            ],
            PROVENANCE,
            positions=[
                held(
                    INDEPENDENT,
                    STOLTENBERG_SHORT,
                    "opposes",
                    Coarse.AGAINST,
                    "the restrictions on Western weapons should stay for now",
                    may3,
                    attributions=("a1",),
                ),
            ],
        ),
        Analysis(
            article(ISW_TEXT, "isw", None, None),
            [
                said(
                    ISW_TEXT,
                    "a1",
                    ISW,
                    "The Institute for the Study of War",
                    quote_cue,
                    "Russian forces massed near Kharkiv",
                    AttributionKind.MIXED,
                    None,
                ),
            ],
            PROVENANCE,
            positions=[],
        ),
    ]


def fill(store: Store) -> list[Analysis]:
    """Store the corpus as ``onrecord ingest`` would, with its quote cluster; the
    analyses stored."""
    stored = analyses()
    issue = api.load_issue(ISSUE_FILE)
    kept = store.put_issue(issue, ISSUE_FILE.read_text(encoding="utf-8"), str(ISSUE_FILE))
    run = store.start_run("ingest", ["corpus"], "test")
    for analysis in stored:
        store.add_analysis(analysis, analysis.article.url or analysis.article.id, run, [kept.hash])
    api.resolve_actors(store)
    ids = [quote_row(store, name, local) for name, local in CLUSTER]
    cluster = QuoteCluster(QUOTE, ids[0], ids, "test", date(2024, 5, 30))
    store.put_quote_clusters([cluster], run)
    store.finish_run(run, {})
    return stored


# The quote cluster: the official's words in CBC (first seen), Reuters and the Standard.
CLUSTER = (("cbc", "a2"), ("reuters", "a1"), ("standard", "a1"))


def article_id(name: str) -> str:
    """The id (content hash) of a corpus article by its name."""
    found = [a.article.id for a in analyses() if a.article.external_id == name]
    return found[0]


def quote_row(store: Store, name: str, local_id: str) -> int:
    """The store's id of an attribution of a corpus article."""
    found = store.quote_id(article_id(name), local_id)
    assert found is not None, (name, local_id)
    return found


_databases = itertools.count()


def corpus_url(request: pytest.FixtureRequest, folder: Path) -> str:
    """A new, empty database of the dialect ``request.param`` names: an SQLite file in
    ``folder``, or a new database on the session's PostgreSQL server."""
    if request.param == "sqlite":
        return str(folder / f"corpus-{next(_databases)}.db")
    server: str = request.getfixturevalue("postgres_server")
    name = f"corpus_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + "/" + name


@contextmanager
def filled(url: str) -> Iterator[Store]:
    """The store at ``url`` holding the corpus."""
    store = open_store(url)
    try:
        fill(store)
        yield store
    finally:
        store.close()
