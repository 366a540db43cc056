"""The positions tracker from the store equals ``PositionTracker`` over the same
analyses (what ``onrecord positions --issue FILE INPUT…`` runs), on both dialects."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from onrecord import api
from onrecord.bench._corpus import copies
from onrecord.errors import NotFoundError
from onrecord.model import Actor, ActorType, Analysis, Coarse
from onrecord.query import track_from_store
from onrecord.resolve import PositionTracker
from onrecord.store import Store
from stored_corpus import ISSUE, ISSUE_FILE, PROVENANCE, analyses, article, corpus_url, filled, held


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with filled(corpus_url(request, tmp_path_factory.mktemp("tracker"))) as stored:
        yield stored


@pytest.fixture(scope="module")
def from_files() -> PositionTracker:
    tracker = PositionTracker(api.load_issue(ISSUE_FILE))
    for analysis in analyses():
        tracker.add(analysis)
    return tracker


def test_the_timeline_equals_the_trackers_on_the_same_analyses(
    store: Store, from_files: PositionTracker
) -> None:
    found = track_from_store(store, ISSUE)
    assert found.issue.id == ISSUE and found.as_of is None
    assert [t.to_dict() for t in found.positions] == [t.to_dict() for t in from_files.timeline()]
    shifts = [(t.actor.id, t.shifted_from) for t in found.positions if t.shift]
    assert shifts == [("government-of-germany", "opposes"), ("jens-stoltenberg", "opposes")]


@pytest.mark.parametrize(
    "as_of", [date(2024, 5, 2), date(2024, 5, 3), date(2024, 5, 30), date(2024, 5, 31)]
)
def test_as_of_a_day_equals_the_trackers(
    store: Store, from_files: PositionTracker, as_of: date
) -> None:
    found = track_from_store(store, ISSUE, as_of)
    assert [t.to_dict() for t in found.positions] == [
        t.to_dict() for t in from_files.current(as_of)
    ]
    assert [t.to_dict() for t in found.undated] == [t.to_dict() for t in from_files.undated(as_of)]


def test_one_actors_timeline(store: Store, from_files: PositionTracker) -> None:
    found = track_from_store(store, ISSUE, actor_id="jens-stoltenberg").positions
    assert [t.to_dict() for t in found] == [
        t.to_dict() for t in from_files.timeline("jens-stoltenberg")
    ]


def test_an_issue_the_store_does_not_follow(store: Store) -> None:
    with pytest.raises(NotFoundError, match=r"'tolls'.*strikes-inside-russia.*--issue"):
        track_from_store(store, "tolls")


# The rule store._as_of applies in SQL, in Python: the oracle it is checked against.
Day = tuple[int, str, str, date | None, date | None, date | None]  # id, actor, stance, days


def needed_as_of(days: list[Day], as_of: date) -> list[int]:
    """Of each actor, its dated positions placed from its last dated day before its
    latest dated day by ``as_of`` up to ``as_of``, its undated ones published by then,
    and the undated ones merged with those."""
    by_actor: dict[str, list[Day]] = defaultdict(list)
    for day in days:
        by_actor[day[1]].append(day)
    needed: set[int] = set()
    for kept in by_actor.values():
        placed = [(d, _placed_on(d)) for d in kept if d[3] or d[4]]  # dated
        on_time = [(d, when) for d, when in placed if when is not None and when <= as_of]
        latest = max((when for _, when in on_time), default=None)
        earlier = [when for _, when in on_time if latest and when < latest]
        chosen = [d for d, when in on_time if latest and when >= max(earlier, default=latest)]
        chosen += [d for d in kept if d[3] is None and d[5] is not None and d[5] <= as_of]
        undated = {(d[2], d[5]) for d in chosen if d[3] is None}
        needed.update(d[0] for d in chosen)
        needed.update(d[0] for d in kept if d[3] is None and (d[2], d[5]) in undated)
    return sorted(needed)


def _placed_on(day: Day) -> date | None:
    _, _, _, as_of, held_before, published = day
    if as_of is None and held_before is not None:
        return held_before - timedelta(days=1)
    return as_of or published


def _days(store: Store) -> list[Day]:
    return [
        (s.id, s.position.actor.id, s.position.stance, s.position.as_of,
         s.position.held_before, s.published)
        for s in store.stored_positions(ISSUE)
    ]  # fmt: skip


def test_the_store_chooses_the_positions_the_rule_names(store: Store) -> None:
    days = _days(store)
    for offset in range(-3, 33):
        day = date(2024, 5, 1) + timedelta(days=offset)
        assert store.positions_as_of(ISSUE, day) == needed_as_of(days, day), day


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def generated(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """Copies of the corpus (the benchmark's generator): many days, actors and stances."""
    with filled(corpus_url(request, tmp_path_factory.mktemp("generated"))) as stored:
        run = stored.start_run("ingest", ["copies"], "test")
        issue = stored.current_issues()[0]
        for copy in copies(analyses(), 150, variants=3):
            stored.add_analysis(copy, copy.article.url or copy.article.id, run, [issue.hash])
        api.resolve_actors(stored)
        yield stored


@pytest.mark.parametrize("day", [date(2024, 5, 3), date(2024, 6, 15), date(2024, 8, 1)])
def test_on_a_generated_store_as_of_a_day_equals_the_trackers(generated: Store, day: date) -> None:
    assert generated.positions_as_of(ISSUE, day) == needed_as_of(_days(generated), day)
    everything = PositionTracker(api.load_issue(ISSUE_FILE))
    for analysis in generated.analyses(canonical=False):
        everything.add(analysis)
    found = track_from_store(generated, ISSUE, day).shown
    expected = everything.current(day) + everything.undated(day)
    assert found and [t.to_dict() for t in found] == [t.to_dict() for t in expected]


# An undated restatement published after the actor's latest dated position.
POLAND = Actor("Government of Poland", ActorType.GOVERNMENT)
EARLY = "Poland's government said on Monday that strikes inside Russia must wait."
LATER = "Poland's government said on Friday that Ukraine may strike inside Russia."
UNDATED = "Poland has long said that strikes inside Russia must wait, a commentary recalls."


def _poland() -> list[Analysis]:
    def one(text: str, name: str, day: date, stance: str, coarse: Coarse, dated: bool) -> Analysis:
        evidence = text.split(" that ")[1].split(",")[0].rstrip(".")
        position = held(text, POLAND, stance, coarse, evidence, day if dated else None)
        published = article(text, name, "Polish Daily", day)
        return Analysis(published, [], PROVENANCE, positions=[position])

    return [
        one(EARLY, "early", date(2024, 5, 6), "opposes", Coarse.AGAINST, dated=True),
        one(LATER, "later", date(2024, 5, 10), "supports", Coarse.FOR, dated=True),
        one(UNDATED, "undated", date(2024, 5, 20), "opposes", Coarse.AGAINST, dated=False),
    ]


def test_an_undated_position_never_ends_the_timeline(db_url: str) -> None:
    """As of 25 May Poland stands where it stood on 10 May, a shift from 6 May: the
    commentary of 20 May that recalls its old stance is shown apart, as files show it."""
    files = PositionTracker(api.load_issue(ISSUE_FILE))
    with api.open_store(db_url) as store:
        issue = store.put_issue(api.load_issue(ISSUE_FILE), ISSUE_FILE.read_text("utf-8"))
        run = store.start_run("ingest", ["poland"], "test")
        for analysis in _poland():
            store.add_analysis(
                analysis, analysis.article.url or analysis.article.id, run, [issue.hash]
            )
            files.add(analysis)
        api.resolve_actors(store)
        day = date(2024, 5, 25)
        assert store.positions_as_of(ISSUE, day) == needed_as_of(_days(store), day)
        found = track_from_store(store, ISSUE, day)
    [latest] = found.positions
    assert (latest.stance, latest.as_of, latest.shifted_from) == (
        "supports",
        date(2024, 5, 10),
        "opposes",
    )
    [apart] = found.undated
    assert apart.undated and apart.published == date(2024, 5, 20)
    assert [t.to_dict() for t in found.shown] == [
        t.to_dict() for t in files.current(day) + files.undated(day)
    ]
