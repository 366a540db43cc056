"""Quote clusters: the same quote across articles, whole or in part, with first seen and
every outlet that carried it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.model import (
    Actor,
    ActorType,
    Analysis,
    Article,
    Attribution,
    AttributionKind,
    RecordError,
    Span,
)
from onrecord.resolve import QuoteIndex, QuoteMember, QuoteParams, cluster_quotes, quote_members

ORTIZ = Actor("Lena Ortiz", ActorType.PERSON)
FULL = (
    "We cannot keep a ninety-year-old bridge open on goodwill and duct tape, and we will not "
    "ask the next council to close it"
)


def day(n: int) -> datetime:
    return datetime(2024, 5, n, 9, tzinfo=UTC)


def quoted(article: Analysis, *sentences: str) -> Analysis:
    """``article`` with one direct attribution per quoted sentence."""
    text = article.article.text
    attributions = []
    for sentence in sentences:
        start = text.index(sentence)
        attributions.append(
            Attribution(
                content=[Span.of(text, start, start + len(sentence))],
                cue=None,
                source=None,
                kind=AttributionKind.DIRECT,
                confidence=1.0,
                id=f"a{len(attributions) + 1}",
                actor=ORTIZ,
            )
        )
    article.attributions = attributions
    return article


def story(
    name: str, *quotes: str, outlet: str | None = None, published: datetime | None = None
) -> Analysis:
    text = " ".join(f"The mayor said: {q}" for q in quotes) + " Other news followed."
    return quoted(
        Analysis(Article(text, outlet=outlet, published=published, external_id=name)), *quotes
    )


GAZETTE = story("gazette", f"“{FULL}.”", outlet="The Coast Gazette", published=day(3))
# A partial quote, with straight marks, other case and spacing, a day later.
HERALD = story(
    "herald",
    '"we cannot keep a NINETY-YEAR-OLD   bridge open on goodwill and duct tape"',
    outlet="Harbour Herald",
    published=day(4),
)
# The full quote lightly edited ("won't" for "will not") on the same day as the gazette.
WIRE = story(
    "wire",
    "“We cannot keep a ninety-year-old bridge open on goodwill and duct tape, and we won't ask "
    "the next council to close it.”",
    outlet="Coast Wire",
    published=day(3),
)
OTHER_QUOTE = story(
    "other",
    "“We cannot keep the ferry running on goodwill alone, and the council knows it.”",
    outlet="Harbour Herald",
    published=day(2),
)


def test_a_partial_quote_and_the_full_quote_are_one_cluster() -> None:
    (cluster,) = cluster_quotes([HERALD, GAZETTE])
    assert cluster.articles == (GAZETTE.article.id, HERALD.article.id)
    assert cluster.text == f"“{FULL}.”"  # the fullest wording


def test_first_seen_is_the_earliest_publication_and_every_outlet_is_named() -> None:
    (cluster,) = cluster_quotes([HERALD, WIRE, GAZETTE, OTHER_QUOTE])
    assert cluster.first_seen.published == day(3)
    # The gazette and the wire are both of 3 May: the smaller article id comes first.
    first = min(GAZETTE.article.id, WIRE.article.id)
    assert cluster.first_seen.article_id == first
    assert cluster.id == f"{first}:a1"
    assert set(cluster.outlets[:2]) == {"The Coast Gazette", "Coast Wire"}
    assert cluster.outlets[2] == "Harbour Herald"
    assert len(cluster.outlets) == 3


def test_a_different_quote_on_the_same_subject_is_not_in_the_cluster() -> None:
    clusters = cluster_quotes([GAZETTE, OTHER_QUOTE])
    assert clusters == []


def test_quotes_too_short_to_tell_apart_are_only_themselves() -> None:
    one = story("one", "“the debt limit”", published=day(1))
    two = story("two", "“the debt limit”", published=day(2))
    assert len(quote_members(one)[0].words) < QuoteParams().min_words
    assert cluster_quotes([one, two]) == []


def test_undated_articles_come_after_every_dated_one() -> None:
    undated = story("undated", f"“{FULL}.”", outlet="Undated Daily")
    (cluster,) = cluster_quotes([undated, HERALD])
    assert cluster.first_seen.article_id == HERALD.article.id
    assert cluster.outlets == ("Harbour Herald", "Undated Daily")


def test_an_earlier_article_added_later_renames_the_cluster_and_says_so() -> None:
    index = QuoteIndex()
    index.add(quote_members(HERALD))
    changes = index.add(quote_members(GAZETTE))
    herald, gazette = quote_members(HERALD)[0].key, quote_members(GAZETTE)[0].key
    assert {c.member: c.cluster_id for c in changes} == {herald: gazette, gazette: gazette}


def test_the_same_attribution_again_changes_nothing_and_another_content_is_refused() -> None:
    index = QuoteIndex()
    index.add(quote_members(GAZETTE))
    assert index.add(quote_members(GAZETTE)) == []
    (member,) = quote_members(GAZETTE)
    other = QuoteMember(member.article_id, member.attribution_id, "other words", 0, member.kind)
    with pytest.raises(RecordError, match="another content"):
        index.add([other])


def test_an_attribution_without_an_id_is_refused_naming_the_article() -> None:
    broken = story("broken", f"“{FULL}.”")
    broken.attributions[0].id = ""
    with pytest.raises(RecordError, match="broken: attribution"):
        quote_members(broken)


ALL = [GAZETTE, HERALD, WIRE, OTHER_QUOTE, story("late", f"“{FULL}”", published=day(9))]
MEMBERS = [m for a in ALL for m in quote_members(a)]


def _batch() -> tuple[list[tuple[str, tuple[str, ...]]], dict[str, str]]:
    index = QuoteIndex()
    index.add(MEMBERS)
    clusters = [(c.id, tuple(m.key for m in c)) for c in index.clusters(min_articles=1)]
    return clusters, {m.key: index.cluster_of(m.key) for m in MEMBERS}


BATCH = _batch()


@settings(max_examples=30, deadline=None)
@given(order=st.permutations(range(len(MEMBERS))), cuts=st.sets(st.integers(1, len(MEMBERS) - 1)))
def test_batch_by_batch_equals_all_at_once(order: list[int], cuts: set[int]) -> None:
    index = QuoteIndex()
    assigned: dict[str, str] = {}
    bounds = [0, *sorted(cuts), len(order)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        for change in index.add(MEMBERS[i] for i in order[start:end]):
            assigned[change.member] = change.cluster_id
    assert [(c.id, tuple(m.key for m in c)) for c in index.clusters(min_articles=1)] == BATCH[0]
    assert assigned == BATCH[1]


@settings(max_examples=30, deadline=None)
@given(order=st.permutations(range(len(MEMBERS))), cut=st.integers(0, len(MEMBERS)))
def test_restored_then_added_equals_all_at_once(order: list[int], cut: int) -> None:
    """What the store does: the clusters of the members stored before restored as they
    were kept, without comparing them again, then a new batch added."""
    before = QuoteIndex()
    before.add(MEMBERS[i] for i in order[:cut])
    kept = [[m.key for m in c] for c in before.clusters(min_articles=1)]
    index = QuoteIndex()
    index.restore((MEMBERS[i] for i in order[:cut]), kept)
    index.add(MEMBERS[i] for i in order[cut:])
    assert [(c.id, tuple(m.key for m in c)) for c in index.clusters(min_articles=1)] == BATCH[0]


def test_restoring_compares_nothing_it_is_given_only() -> None:
    """Two contents restored apart stay apart: the store's clusters are taken as kept."""
    herald, gazette = quote_members(HERALD)[0], quote_members(GAZETTE)[0]
    index = QuoteIndex()
    index.restore([herald, gazette], [])
    assert index.clusters() == []
    index.restore([], [[herald.key, gazette.key, "gone:a1"]])  # a member since gone is passed
    (cluster,) = index.clusters()
    assert {m.key for m in cluster} == {herald.key, gazette.key}
