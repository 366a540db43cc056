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
from onrecord.query import track_from_store
from onrecord.resolve import PositionTracker
from onrecord.store import Store
from stored_corpus import ISSUE, ISSUE_FILE, analyses, corpus_url, filled


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
    """Of each actor, its positions placed from its last dated day before its latest day
    by ``as_of`` up to ``as_of``, and the undated ones merged with those."""
    by_actor: dict[str, list[Day]] = defaultdict(list)
    for day in days:
        by_actor[day[1]].append(day)
    needed: set[int] = set()
    for held in by_actor.values():
        placed = [(d, _placed_on(d)) for d in held]
        on_time = [(d, when) for d, when in placed if when is not None and when <= as_of]
        if not on_time:
            continue
        latest = max(when for _, when in on_time)
        dated = [when for d, when in on_time if (d[3] or d[4]) and when < latest]
        chosen = [d for d, when in on_time if when >= max(dated, default=latest)]
        undated = {(d[2], d[5]) for d in chosen if d[3] is None}
        needed.update(d[0] for d in chosen)
        needed.update(d[0] for d in held if d[3] is None and (d[2], d[5]) in undated)
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
    found = track_from_store(generated, ISSUE, day).positions
    assert found and [t.to_dict() for t in found] == [t.to_dict() for t in everything.current(day)]
