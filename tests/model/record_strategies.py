"""Hypothesis strategies for every record of the model."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from onrecord.model import (
    Actor,
    ActorType,
    Analysis,
    Article,
    Attribution,
    AttributionAct,
    AttributionKind,
    Block,
    BlockKind,
    Coarse,
    DateRule,
    Example,
    Issue,
    Position,
    Provenance,
    SaidOn,
    Span,
    StanceLabel,
)

text = st.text(max_size=12)
some_text = st.text(min_size=1, max_size=12)
offsets = st.integers(min_value=0, max_value=10**6)
days = st.dates()
moments = st.datetimes(
    timezones=st.none() | st.just(dt.UTC) | st.just(dt.timezone(dt.timedelta(hours=-5)))
)
# Confidences are written to three decimals, so these are what round-trips exactly.
confidences = st.integers(min_value=0, max_value=1000).map(lambda n: n / 1000)


def tuples(strategy: st.SearchStrategy, max_size: int = 3) -> st.SearchStrategy:
    return st.lists(strategy, max_size=max_size).map(tuple)


spans = st.builds(Span, start=offsets, end=offsets, text=text)
actors = st.builds(
    Actor,
    name=text,
    type=st.sampled_from(ActorType),
    role=st.none() | text,
    affiliation=st.none() | text,
    id=text,
)
said_ons = st.builds(
    SaidOn,
    date=st.none() | days,
    rule=st.sampled_from(DateRule),
    basis=st.none() | spans,
    earliest=st.none() | days,
    latest=st.none() | days,
)
attributions = st.builds(
    Attribution,
    content=st.lists(spans, max_size=3),
    cue=st.none() | spans,
    source=st.none() | spans,
    kind=st.sampled_from(AttributionKind),
    confidence=confidences,
    method=text,
    id=text,
    actor=st.none() | actors,
    said_on=st.none() | said_ons,
    act=st.none() | st.sampled_from(AttributionAct),
)
blocks = st.builds(
    Block, kind=st.sampled_from(BlockKind), start=offsets, end=offsets, credit=st.none() | text
)
articles = st.builds(
    Article,
    text=text,
    blocks=st.lists(blocks, max_size=3),
    source=st.none() | text,
    external_id=st.none() | text,
    url=st.none() | text,
    outlet=st.none() | text,
    title=st.none() | text,
    deck=st.lists(text, max_size=2),
    bylines=st.lists(text, max_size=2),
    published=st.none() | moments,
    updated=st.none() | moments,
    language=st.none() | text,
    id=text,
)
provenances = st.builds(
    Provenance, components=st.dictionaries(text, text, max_size=3), settings_hash=text
)
positions = st.builds(
    Position,
    issue=text,
    actor=actors,
    stance=text,
    coarse=st.sampled_from(Coarse),
    conditions=st.none() | text,
    as_of=st.none() | days,
    evidence=st.lists(spans, max_size=3),
    confidence=confidences,
    method=text,
    attributions=st.lists(text, max_size=3),
    speaker=st.none() | actors,
    article=text,
    held_before=st.none() | days,
)
analyses = st.builds(
    Analysis,
    article=articles,
    attributions=st.lists(attributions, max_size=3),
    provenance=provenances,
    skipped=st.none() | some_text,  # an empty reason is no reason: it is not written
    error=st.none() | some_text,
    positions=st.none() | st.lists(positions, max_size=2),
)
stance_labels = st.builds(
    StanceLabel,
    label=text,
    description=text,
    coarse=st.sampled_from(Coarse),
    signals=tuples(text),
    hints=tuples(text),
)
examples = st.builds(Example, text=text, stance=text)
issues = st.builds(
    Issue,
    id=text,
    title=text,
    statement=text,
    description=text,
    stances=tuples(stance_labels),
    topics=tuples(tuples(text)),
    examples=tuples(examples),
    scope=tuples(text),
)

RECORDS = {
    Span: spans,
    Actor: actors,
    SaidOn: said_ons,
    Attribution: attributions,
    Block: blocks,
    Article: articles,
    Provenance: provenances,
    Position: positions,
    StanceLabel: stance_labels,
    Example: examples,
    Issue: issues,
}
