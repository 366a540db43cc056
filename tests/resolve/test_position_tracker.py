"""The positions tracker: merging across articles, order, the current position, shifts."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from onrecord import track_positions
from onrecord.ingest import parse_text
from onrecord.model import (
    Actor,
    ActorType,
    Analysis,
    Attribution,
    AttributionKind,
    Coarse,
    Example,
    Issue,
    Position,
    Span,
    StanceLabel,
)
from onrecord.resolve import Aliases, AliasMerge, PositionTracker

GOV = ActorType.GOVERNMENT
US = Actor("Government of the United States", GOV)
COARSE = {
    "permits": Coarse.FOR,
    "permits_with_limits": Coarse.FOR_WITH_LIMITS,
    "supports_lifting": Coarse.FOR,
    "forbids": Coarse.AGAINST,
    "undecided": Coarse.UNDECIDED,
}
ISSUE = Issue(
    id="strikes",
    title="Strikes inside Russia",
    statement="Ukraine may strike targets inside Russia with Western weapons",
    description="",
    stances=tuple(
        StanceLabel(label, label, coarse, ("permission",)) for label, coarse in COARSE.items()
    ),
    topics=(("weapons",), ("inside Russia",)),
    examples=(Example("They may.", "permits"),),
)


def article(
    name: str, text: str, published: date | None = None, positions: list[Position] | None = None
) -> Analysis:
    """An analysis of ``text`` with ``positions``, each evidence the whole first line."""
    when = datetime(published.year, published.month, published.day) if published else None
    return Analysis(
        parse_text(text, external_id=name, published=when),
        positions=[_in(text, p) for p in positions or []],
    )


def position(
    stance: str,
    as_of: date | None,
    actor: Actor = US,
    conditions: str | None = None,
    issue: str = "strikes",
    attributions: tuple[str, ...] = (),
) -> Position:
    return Position(
        issue=issue,
        actor=actor,
        stance=stance,
        coarse=COARSE[stance],
        conditions=conditions,
        as_of=as_of,
        evidence=[],
        confidence=0.5,
        method="test",
        attributions=list(attributions),
    )


def _in(text: str, p: Position) -> Position:
    first_line = text.split("\n", 1)[0]
    p.evidence = [Span(0, len(first_line), first_line)]
    return p


def track(*analyses: Analysis, aliases: Aliases | None = None) -> PositionTracker:
    tracker = PositionTracker(ISSUE, aliases)
    for analysis in analyses:
        tracker.add(analysis)
    return tracker


def stances(tracker: PositionTracker, actor_id: str = US.id) -> list[tuple[str, date | None]]:
    return [(t.stance, t.as_of) for t in tracker.timeline(actor_id)]


MAY_29, MAY_30, MAY_31, JUN_2 = (
    date(2024, 5, 29),
    date(2024, 5, 30),
    date(2024, 5, 31),
    date(2024, 6, 2),
)


# -- merging -------------------------------------------------------------------------


def test_one_fact_in_two_articles_is_one_position_with_all_the_evidence() -> None:
    cbc = article(
        "cbc",
        "Washington now allows limited strikes.",
        MAY_31,
        [
            position(
                "permits_with_limits", MAY_30, conditions="counter-fire only", attributions=("a1",)
            )
        ],
    )
    ap = article(
        "ap",
        "The U.S. lets Ukraine hit back across the border.",
        MAY_30,
        [position("permits_with_limits", MAY_30, conditions="near Kharkiv", attributions=("a2",))],
    )
    (tracked,) = track(cbc, ap).timeline()
    assert tracked.articles == ("ap", "cbc")  # by publication date
    assert [(e.article, e.span.text) for e in tracked.evidence] == [
        ("ap", "The U.S. lets Ukraine hit back across the border."),
        ("cbc", "Washington now allows limited strikes."),
    ]
    assert tracked.attributions == [("ap", "a2"), ("cbc", "a1")]
    assert tracked.conditions == "near Kharkiv; counter-fire only"
    assert tracked.published == MAY_30
    record = tracked.to_dict()
    assert record["evidence"][0] == {
        "article": "ap",
        "text": "The U.S. lets Ukraine hit back across the border.",
        "start": 0,
        "end": 49,
    }
    assert record["articles"] == ["ap", "cbc"] and record["shift"] is False


def test_different_stances_or_days_stay_apart() -> None:
    one = article(
        "one", "First.", MAY_31, [position("forbids", MAY_29), position("permits", MAY_30)]
    )
    two = article("two", "Second.", MAY_31, [position("forbids", MAY_30)])
    assert stances(track(two, one)) == [
        ("forbids", MAY_29),
        ("permits", MAY_30),  # one day, one publication day: by article name
        ("forbids", MAY_30),
    ]


def test_undated_positions_merge_only_within_one_publication_day() -> None:
    first = article("first", "First.", MAY_30, [position("undecided", None)])
    same_day = article("same-day", "Same day.", MAY_30, [position("undecided", None)])
    later = article("later", "Later.", JUN_2, [position("undecided", None)])
    timeline = track(first, same_day, later).timeline()
    assert [t.articles for t in timeline] == [("first", "same-day"), ("later",)]


def test_an_article_added_twice_counts_once() -> None:
    analysis = article("cbc", "Allowed.", MAY_31, [position("permits", MAY_30)])
    (tracked,) = track(analysis, analysis).timeline()
    assert len(tracked.evidence) == 1


def test_positions_on_other_issues_and_analyses_without_positions_are_left_out() -> None:
    other = article("other", "Other.", MAY_30, [position("permits", MAY_30, issue="tolls")])
    none = Analysis(parse_text("No issue given.", external_id="none"))
    assert track(other, none).timeline() == []


# -- actors --------------------------------------------------------------------------


def test_one_actor_across_articles_has_one_id() -> None:
    lower = Actor("government of the United States", GOV)  # another article's spelling
    one = article("one", "One.", MAY_29, [position("forbids", MAY_29)])
    two = article("two", "Two.", MAY_30, [position("permits_with_limits", MAY_30, actor=lower)])
    tracker = track(one, two)
    assert {t.actor.id for t in tracker.timeline()} == {"government-of-the-united-states"}
    assert stances(tracker) == [("forbids", MAY_29), ("permits_with_limits", MAY_30)]


def test_a_surname_joins_the_full_name_an_attribution_gives() -> None:
    text = "Jens Stoltenberg said allies should lift the restrictions."
    attribution = Attribution(
        content=[Span.of(text, 22, 58)],
        cue=Span.of(text, 17, 21),
        source=Span.of(text, 0, 16),
        kind=AttributionKind.INDIRECT,
        confidence=1.0,
        id="a1",
        actor=Actor("Jens Stoltenberg", ActorType.PERSON, role="NATO Secretary General"),
    )
    named = article("named", text, MAY_30)
    named.attributions = [attribution]
    surname = Actor("Stoltenberg", ActorType.PERSON)
    later = article(
        "later", "Stoltenberg again.", JUN_2, [position("supports_lifting", JUN_2, surname)]
    )
    (tracked,) = track(named, later).timeline()
    assert (tracked.actor.id, tracked.actor.name) == ("jens-stoltenberg", "Jens Stoltenberg")


def test_an_aliases_file_merges_what_the_rules_keep_apart() -> None:
    kremlin = Actor("the Kremlin", GOV)
    russia = Actor("Government of Russia", GOV)
    aliases = Aliases(merges=(AliasMerge("Government of Russia", ("the Kremlin",)),))
    one = article("one", "One.", MAY_29, [position("forbids", MAY_29, actor=kremlin)])
    two = article("two", "Two.", MAY_30, [position("forbids", MAY_30, actor=russia)])
    assert len({t.actor.id for t in track(one, two).timeline()}) == 2
    assert {t.actor.id for t in track(one, two, aliases=aliases).timeline()} == {
        "government-of-russia"
    }


# -- order, current, shifts ----------------------------------------------------------


def seed_timeline() -> PositionTracker:
    """The U.S. on the seed's question: forbids, then counter-fire only, then an undated
    'considering' in an article of 2 June."""
    may = article(
        "cbc",
        "The U.S. shifts.",
        MAY_31,
        [position("permits_with_limits", MAY_30), position("forbids", MAY_29)],
    )
    june = article("june", "Considering more.", JUN_2, [position("undecided", None)])
    undated = article("undated", "No date at all.", None, [position("permits", None)])
    return track(undated, june, may)


def test_positions_are_in_date_order_undated_ones_apart_by_publication_then_last() -> None:
    assert stances(seed_timeline()) == [
        ("forbids", MAY_29),
        ("permits_with_limits", MAY_30),
        ("undecided", None),  # undated, apart: on record by its article's publication day
        ("permits", None),  # neither dated nor published: last
    ]
    timeline = seed_timeline().timeline()
    assert [t.placed_on for t in timeline] == [MAY_29, MAY_30, JUN_2, None]
    assert [t.undated for t in timeline] == [False, False, True, True]
    assert [t.to_dict()["undated"] for t in timeline] == [False, False, True, True]


def test_an_undated_position_published_early_still_comes_after_the_dated_ones() -> None:
    """Its article's day says it was on record by then, not where it falls among them."""
    early = article("early", "Early.", MAY_29, [position("undecided", None)])
    later = article("later", "Later.", JUN_2, [position("forbids", MAY_30)])
    assert stances(track(early, later)) == [("forbids", MAY_30), ("undecided", None)]


def test_on_one_day_dated_positions_come_before_undated_ones() -> None:
    dated = article("dated", "Dated.", JUN_2, [position("forbids", JUN_2)])
    undated = article("undated", "Undated.", JUN_2, [position("undecided", None)])
    assert stances(track(undated, dated)) == [("forbids", JUN_2), ("undecided", None)]


def test_a_change_of_coarse_stance_is_a_shift_from_the_previous_dated_stance() -> None:
    flags = [(t.stance, t.shift, t.shifted_from) for t in seed_timeline().timeline()]
    assert flags == [
        ("forbids", False, None),
        ("permits_with_limits", True, "forbids"),
        ("undecided", False, None),  # undated: its place is only approximate
        ("permits", False, None),
    ]


def test_same_coarse_stance_and_same_day_positions_are_not_shifts() -> None:
    canada = Actor("Government of Canada", GOV)
    one = article(
        "one",
        "Canada allows it and asks others to.",
        MAY_30,
        [position("permits", MAY_30, canada), position("supports_lifting", MAY_30, canada)],
    )
    two = article("two", "Canada again.", JUN_2, [position("supports_lifting", JUN_2, canada)])
    three = article("three", "Canada and a rule.", JUN_2, [position("forbids", JUN_2, canada)])
    flags = {(t.stance, t.as_of): t.shifted_from for t in track(one, two, three).timeline()}
    assert flags == {
        ("permits", MAY_30): None,
        ("supports_lifting", MAY_30): None,
        ("supports_lifting", JUN_2): None,  # still "for"
        ("forbids", JUN_2): "supports_lifting",  # "against" is new since 30 May
    }


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2024, 5, 28), []),
        (MAY_29, ["forbids"]),
        (MAY_31, ["permits_with_limits"]),
        (JUN_2, ["permits_with_limits"]),  # not the undated one of 2 June
        (None, ["permits_with_limits"]),  # the latest dated day; undated ones never count
    ],
)
def test_current_is_the_latest_position_on_or_before_a_day(
    as_of: date | None, expected: list[str]
) -> None:
    assert [t.stance for t in seed_timeline().current(as_of)] == expected


def test_current_gives_every_position_of_the_latest_day_for_each_actor() -> None:
    canada = Actor("Government of Canada", GOV)
    analysis = article(
        "one",
        "Canada allows it and asks others to; the U.S. forbids it.",
        MAY_30,
        [
            position("permits", MAY_30, canada),
            position("supports_lifting", MAY_30, canada),
            position("forbids", MAY_29),
        ],
    )
    current = {(t.actor.id, t.stance) for t in track(analysis).current(MAY_30)}
    assert current == {
        ("government-of-canada", "permits"),
        ("government-of-canada", "supports_lifting"),
        ("government-of-the-united-states", "forbids"),
    }


def test_an_undated_position_is_never_current_and_is_listed_apart_by_its_articles_day() -> None:
    tracker = seed_timeline()
    assert [t.stance for t in tracker.undated()] == ["undecided", "permits"]
    assert [t.stance for t in tracker.undated(JUN_2)] == ["undecided"]  # on record by then
    assert tracker.undated(MAY_31) == []  # published on 2 June
    alone = track(article("undated", "No date at all.", None, [position("permits", None)]))
    assert alone.current() == [] and alone.current(JUN_2) == []
    assert [t.stance for t in alone.undated()] == ["permits"]


def test_actors_come_by_name_and_the_api_builds_the_same_tracker() -> None:
    canada = Actor("Government of Canada", GOV)
    analyses = [
        article("us", "U.S.", MAY_29, [position("forbids", MAY_29)]),
        article("canada", "Canada.", MAY_30, [position("permits", MAY_30, canada)]),
    ]
    tracker = track_positions(analyses, ISSUE)
    assert [t.actor.name for t in tracker.timeline()] == [
        "Government of Canada",
        "Government of the United States",
    ]
    assert tracker.timeline("nobody") == []


def test_a_position_held_before_a_day_precedes_it_and_the_change_is_a_shift() -> None:
    earlier = dataclasses.replace(position("forbids", None), held_before=date(2024, 5, 30))
    analysis = article(
        "seed",
        "Previously, the U.S. prohibited strikes.\nNow it allows counter-fire.",
        date(2024, 5, 30),
        [earlier, position("permits_with_limits", date(2024, 5, 30))],
    )
    forbids, limited = track_positions([analysis], ISSUE).timeline()
    assert (forbids.stance, forbids.as_of, forbids.placed_on) == (
        "forbids",
        None,
        date(2024, 5, 29),
    )
    assert forbids.held_before == date(2024, 5, 30) and not forbids.shift
    assert (limited.stance, limited.shifted_from) == ("permits_with_limits", "forbids")
    assert forbids.to_dict()["held_before"] == "2024-05-30"
