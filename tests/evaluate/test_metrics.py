"""The issue's metrics, pinned on hand-computed cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onrecord.errors import DataError
from onrecord.evaluate import (
    ROLES,
    Score,
    Tokenizer,
    format_report,
    greedy_match,
    jaccard,
    load_split,
    normalise_span,
    score_document,
    score_documents,
)
from onrecord.model.gold import GoldDocument, RangeAttribution


def at(text: str, part: str, occurrence: int = 0) -> tuple[int, int]:
    """The range of the ``occurrence``-th ``part`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


# -- normalisation -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        ('He said: "We will win." Then', '"We will win."', "We will win"),
        ("x «Oui» y", "«Oui»", "Oui"),
        ("x „Ja“ y", "„Ja“", "Ja"),
        ("x ‘so’ y", " ‘so’ ", "so"),
        ("x \u201cwin!?…\u201d, y", "\u201cwin!?…\u201d,", "win"),
        ("x 'it.' y", "'it.'", "it"),  # quote, then full stop, then quote again: until stable
        ("x ...and y", "...and", "...and"),  # only final punctuation is trimmed
        ("it’s Jeb’s", "it’s Jeb’s", "it’s Jeb’s"),  # inner apostrophes stay
    ],
)
def test_trimming(text: str, part: str, expected: str) -> None:
    ((start, end),) = normalise_span(text, (at(text, part),))
    assert text[start:end] == expected


def test_ranges_of_only_quotes_or_punctuation_are_dropped() -> None:
    text = 'a " . b'
    assert normalise_span(text, ((1, 5),)) == ()
    assert normalise_span(text, ((1, 5), (6, 7))) == ((6, 7),)


def test_overlapping_and_adjacent_ranges_merge() -> None:
    text = "abcdefghij klm"
    assert normalise_span(text, ((3, 8), (0, 5))) == ((0, 8),)
    assert normalise_span(text, ((0, 3), (3, 6))) == ((0, 6),)


def test_ranges_apart_only_by_non_word_characters_join() -> None:
    text = "one, two -- \n three and four"
    one, two, three, four = (at(text, w) for w in ("one", "two", "three", "four"))
    assert normalise_span(text, (one, two, three)) == ((one[0], three[1]),)
    assert normalise_span(text, (three, four)) == (three, four)


def test_joining_happens_after_trimming() -> None:
    text = '"3.\n\nThe number"'
    assert normalise_span(text, ((0, 3), (5, 16))) == ((1, 15),)


texts = st.text(alphabet="ab .,!\"'“”«»\n…-", max_size=30)


@given(texts, st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=4))
def test_normalising_is_idempotent_and_stays_inside_the_ranges(text: str, raw: list) -> None:
    ranges = tuple((min(a, b, len(text)), min(max(a, b), len(text))) for a, b in raw)
    span = normalise_span(text, ranges)
    assert normalise_span(text, span) == span
    assert all(start < end for start, end in span)
    assert list(span) == sorted(span)
    if span:
        assert min(s for s, _ in ranges) <= span[0][0] and span[-1][1] <= max(e for _, e in ranges)


# -- exact, per role -----------------------------------------------------------------


TEXT = 'Smith said: "We will win." Jones said that they will lose, and Smith agreed.'


def quote(source: str, cue: str, content: str, cue_occurrence: int = 0) -> RangeAttribution:
    return RangeAttribution(
        (at(TEXT, source),) if source else (),
        (at(TEXT, cue, cue_occurrence),),
        (at(TEXT, content),),
    )


def test_exact_counts_distinct_normalised_spans() -> None:
    gold = [
        quote("Smith", "said", '"We will win."'),
        quote("Jones", "said", "they will lose", cue_occurrence=1),
    ]
    predicted = [
        quote("Smith", "said", "We will win"),  # equal once trimmed
        quote("Smith", "said", "We will win."),  # a duplicate span counts once
        quote("Jones", "said", "that they will lose", cue_occurrence=1),  # "that" makes it differ
    ]
    report = score_document(TEXT, gold, predicted)
    assert report.roles["content"].exact == Score(correct=1, predicted=2, gold=2)
    assert report.roles["source"].exact == Score(correct=2, predicted=2, gold=2)
    assert report.roles["cue"].exact == Score(correct=2, predicted=2, gold=2)


def test_a_role_absent_everywhere_scores_zero_without_dividing_by_zero() -> None:
    report = score_document(TEXT, [quote("", "said", "We will win")], [])
    source = report.roles["source"].exact
    assert (source.predicted, source.gold, source.precision, source.f1) == (0, 0, 0.0, 0.0)


# -- token overlap ---------------------------------------------------------------------


def test_tokens_are_identified_by_position() -> None:
    text = "the cat saw the dog"
    tokens = Tokenizer(text)
    assert tokens.covered((at(text, "the cat"),)) == {0, 4}
    assert tokens.covered((at(text, "saw the"),)) == {8, 12}
    assert tokens.covered((at(text, "he c"),)) == {0, 4}  # touching part of a word covers it
    assert tokens.covered(((3, 4),)) == frozenset()  # a space covers nothing


def test_token_overlap_uses_the_union_of_a_roles_spans() -> None:
    gold = [quote("Smith", "said", "We will win")]
    predicted = [quote("Smith", "said", "will win."), quote("Jones", "said", "We will")]
    content = score_document(TEXT, gold, predicted).roles["content"].token
    assert content == Score(correct=3, predicted=3, gold=3)
    source = score_document(TEXT, gold, predicted).roles["source"].token
    assert (source.precision, source.recall) == (0.5, 1.0)


# -- attributions -------------------------------------------------------------------


def test_jaccard_threshold_is_inclusive() -> None:
    assert jaccard(frozenset({1, 2}), frozenset({1, 2, 3, 4})) == 0.5
    assert greedy_match([frozenset({1, 2})], [frozenset({1, 2, 3, 4})]) == [(0, 0)]
    assert greedy_match([frozenset({1, 2})], [frozenset({1, 2, 3, 4, 5})]) == []
    assert greedy_match([frozenset()], [frozenset()]) == []


def test_greedy_matching_is_one_to_one_highest_first() -> None:
    # Nested gold contents: g0 lies inside g1. Greedy takes p0-g1 (1.0) first, so p1,
    # whose only match is g1 (0.5), stays unmatched although a two-pair matching exists.
    g0, g1 = frozenset(range(10)), frozenset(range(12))
    p0, p1 = frozenset(range(12)), frozenset(range(5, 12)) | {20, 21}
    assert jaccard(p0, g0) == 10 / 12 and jaccard(p1, g1) == 0.5 and jaccard(p1, g0) < 0.5
    assert greedy_match([p0, p1], [g0, g1]) == [(0, 1)]
    assert greedy_match([p1, p0], [g1, g0]) == [(1, 0)]


def test_attribution_b_needs_a_shared_source_token_or_no_source_on_both_sides() -> None:
    text = "Smith said A. Jones said B. Police said C. Someone said D."
    gold = [
        RangeAttribution((at(text, "Smith"),), (), (at(text, "A"),)),
        RangeAttribution((at(text, "Jones"),), (), (at(text, "B"),)),
        RangeAttribution((), (), (at(text, "C"),)),
        RangeAttribution((), (), (at(text, "D"),)),
    ]
    predicted = [
        RangeAttribution((at(text, "Smith said"),), (), (at(text, "A"),)),  # shares "Smith"
        RangeAttribution((at(text, "said", 1),), (), (at(text, "B"),)),  # no shared token
        RangeAttribution((), (), (at(text, "C"),)),  # neither has a source
        RangeAttribution((at(text, "Someone"),), (), (at(text, "D"),)),  # only one has
        RangeAttribution((), (), (at(text, "Police"),)),  # matches nothing
    ]
    attribution = score_document(text, gold, predicted).attribution
    assert attribution.matched == Score(correct=4, predicted=5, gold=4)
    assert attribution.with_source == Score(correct=2, predicted=5, gold=4)
    assert attribution.with_source.precision == 0.4
    assert attribution.with_source.recall == 0.5
    assert attribution.with_source.f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)


# -- the report ------------------------------------------------------------------------


def test_reports_add_up_over_documents_and_missing_predictions_count_as_none() -> None:
    gold = [
        GoldDocument("a", TEXT, [quote("Smith", "said", "We will win")]),
        GoldDocument("b", TEXT, [quote("Smith", "said", "We will win")]),
    ]
    report = score_documents(gold, {"a": gold[0].attributions})
    assert report.documents == 2
    assert report.attribution.matched == Score(correct=1, predicted=1, gold=2)
    assert report.roles["content"].token == Score(correct=3, predicted=3, gold=6)


def test_no_gold_and_no_predictions_give_zeros() -> None:
    report = score_documents([GoldDocument("a", TEXT, [])], {"a": []})
    assert all(report.roles[r].exact.f1 == 0.0 for r in ROLES)
    assert report.attribution.with_source.recall == 0.0
    assert score_documents([], {}).documents == 0


def test_predictions_for_unknown_articles_are_an_error() -> None:
    with pytest.raises(DataError, match="not in the gold: zzz"):
        score_documents([GoldDocument("a", TEXT, [])], {"zzz": []})


def test_format_report_lists_every_metric() -> None:
    gold = [GoldDocument("a", TEXT, [quote("Smith", "said", "We will win")])]
    table = format_report(score_documents(gold, {"a": gold[0].attributions}))
    assert table.splitlines()[0] == "1 articles"
    for name in ("source exact", "cue token", "content exact", "attribution (a)", "(b)"):
        assert name in table
    assert "1.000" in table


def test_report_as_dict() -> None:
    gold = [GoldDocument("a", TEXT, [quote("Smith", "said", "We will win")])]
    data = score_documents(gold, {}).to_dict()
    assert data["attribution_b"] == {
        "correct": 0,
        "predicted": 0,
        "gold": 1,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert data["content_token"]["gold"] == 3


def test_polnear_dev_gold_against_itself_scores_one(polnear_dir: Path) -> None:
    gold = load_split(polnear_dir, "dev")
    report = score_documents(gold, {d.id: d.attributions for d in gold})
    scores = [report.roles[r].exact for r in ROLES] + [report.roles[r].token for r in ROLES]
    scores += [report.attribution.matched, report.attribution.with_source]
    assert all(s.precision == s.recall == s.f1 == 1.0 for s in scores)
    assert report.documents == 84
