"""Each gold position and prediction in one class, and the classes adding up to the scores."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO
from onrecord.evaluate.position_errors import ErrorClass, ErrorCounts, classify_positions
from onrecord.evaluate.positions import gold_stated, predicted_stated, score_article_positions
from onrecord.evaluate.topical import TopicalPosition
from onrecord.issues import load_issue
from onrecord.model import Actor, ActorType, Position, Span

ISSUE = load_issue(REPO / "examples" / "issues" / "strikes-inside-russia.toml")
COARSE = {s.label: s.coarse for s in ISSUE.stances}
TEXT = (
    "Washington said Kyiv may strike inside Russia. "  # sentence 0
    "Moscow warned of a response. "  # sentence 1
    "Berlin has been reluctant."  # sentence 2
)
SENTENCES = [(0, 46), (47, 75), (76, 102)]
US, RUSSIA, GERMANY = (
    "Government of the United States",
    "Government of Russia",
    "Government of Germany",
)


def gold(
    actor: str, stance: str, sentence: int, as_of: str | None = "2024-05-30"
) -> TopicalPosition:
    start, end = SENTENCES[sentence]
    return TopicalPosition(actor, as_of, TEXT[start:end], (start, end), stance=stance)


def predicted(actor: str, stance: str, sentence: int, as_of: str | None = "2024-05-30") -> Position:
    start, end = SENTENCES[sentence]
    return Position(
        issue=ISSUE.id,
        actor=Actor(actor, ActorType.GOVERNMENT),
        stance=stance,
        coarse=COARSE[stance],
        conditions=None,
        as_of=dt.date.fromisoformat(as_of) if as_of else None,
        evidence=[Span.of(TEXT, start, end)],
        confidence=1.0,
        method="test",
    )


def classes(gold_positions: list[TopicalPosition], found: list[Position]) -> list[tuple]:
    outcomes = classify_positions(
        "000",
        TEXT,
        gold_positions,
        gold_stated("000", gold_positions, ISSUE),
        found,
        [predicted_stated(p) for p in found],
    )
    return [
        (
            o.kind.value,
            o.gold.actor if o.gold else None,
            o.predicted.actor.name if o.predicted else None,
        )
        for o in outcomes
    ]


def test_the_same_actor_stance_and_day_is_correct_and_null_matches_null() -> None:
    found = classes(
        [gold(US, "permits", 0), gold(RUSSIA, "warns_against", 1, None)],
        [
            predicted("government of the united states", "permits", 0),
            predicted(RUSSIA, "warns_against", 1, None),
        ],
    )
    assert found == [
        ("correct", US, "government of the united states"),
        ("correct", RUSSIA, RUSSIA),
    ]


def test_a_fine_label_of_the_same_coarse_stance_is_still_correct() -> None:
    # permits and supports_lifting are both "for": fine-label accuracy tells them apart
    assert classes([gold(US, "permits", 0)], [predicted(US, "supports_lifting", 0)]) == [
        ("correct", US, US)
    ]


def test_another_day_is_a_wrong_date_wherever_the_evidence_is() -> None:
    found = classes([gold(US, "permits", 0, "2024-05-29")], [predicted(US, "permits", 2)])
    assert found == [("wrong_date", US, US)]


def test_another_coarse_stance_on_the_same_sentence_is_wrong_coarse() -> None:
    found = classes([gold(US, "permits_with_limits", 0)], [predicted(US, "permits", 0)])
    assert found == [("wrong_coarse", US, US)]


def test_another_coarse_stance_elsewhere_is_a_miss_and_a_spurious_prediction() -> None:
    found = classes([gold(US, "permits_with_limits", 0)], [predicted(US, "permits", 2)])
    assert found == [("missed", US, None), ("spurious", None, US)]


def test_another_actor_with_the_stance_on_the_same_sentence_is_wrong_actor() -> None:
    found = classes([gold(RUSSIA, "warns_against", 1)], [predicted("Moscow", "opposes", 1)])
    assert found == [("wrong_actor", RUSSIA, "Moscow")]


def test_another_actor_and_another_stance_say_nothing_right() -> None:
    found = classes([gold(RUSSIA, "warns_against", 1)], [predicted("Moscow", "permits", 1)])
    assert found == [("missed", RUSSIA, None), ("spurious", None, "Moscow")]


def test_an_unlocated_gold_sentence_overlaps_nothing() -> None:
    unlocated = TopicalPosition(RUSSIA, "2024-05-30", "not in the text", None, stance="opposes")
    found = classes([unlocated], [predicted("Moscow", "opposes", 1)])
    assert found == [("missed", RUSSIA, None), ("spurious", None, "Moscow")]


def test_earlier_rounds_take_their_pairs_first() -> None:
    # The prediction for Germany is right; the gold for the U.S. on the same words
    # cannot take it as a wrong actor.
    found = classes(
        [gold(US, "opposes", 2), gold(GERMANY, "opposes", 2)],
        [predicted(GERMANY, "opposes", 2)],
    )
    assert found == [("correct", GERMANY, GERMANY), ("missed", US, None)]


def test_counts_name_every_class() -> None:
    outcomes = classify_positions(
        "000",
        TEXT,
        golds := [gold(US, "permits", 0), gold(RUSSIA, "warns_against", 1)],
        gold_stated("000", golds, ISSUE),
        found := [predicted(US, "permits", 0, None), predicted(GERMANY, "opposes", 2)],
        [predicted_stated(p) for p in found],
    )
    counts = ErrorCounts.of(outcomes)
    assert counts == ErrorCounts(wrong_date=1, missed=1, spurious=1)
    assert (counts.gold, counts.predicted) == (2, 2)
    assert counts.to_dict()["wrong_date"] == 1 and set(counts.to_dict()) >= {
        c.value for c in ErrorClass
    }
    assert counts + counts == ErrorCounts(wrong_date=2, missed=2, spurious=2)


ACTORS = [US, RUSSIA, GERMANY]
LABELS = [s.label for s in ISSUE.stances]
DAYS = [None, "2024-05-29", "2024-05-30"]
positions = st.tuples(
    st.sampled_from(ACTORS), st.sampled_from(LABELS), st.integers(0, 2), st.sampled_from(DAYS)
)


@given(st.lists(positions, max_size=6), st.lists(positions, max_size=6))
def test_the_classes_add_up_to_the_scores(
    gold_rows: list[tuple], predicted_rows: list[tuple]
) -> None:
    golds = [gold(*row) for row in gold_rows]
    found = [predicted(*row) for row in predicted_rows]
    g_stated, p_stated = gold_stated("000", golds, ISSUE), [predicted_stated(p) for p in found]
    counts = ErrorCounts.of(classify_positions("000", TEXT, golds, g_stated, found, p_stated))
    score = score_article_positions(g_stated, p_stated)
    assert (counts.gold, counts.predicted) == (len(golds), len(found))
    assert counts.correct + counts.wrong_date == score.stance.correct
    assert counts.correct == score.dated.correct
