"""Position scores: one-to-one matching on (actor, coarse stance) and on the date too."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import REPO
from onrecord.errors import DataError
from onrecord.evaluate import (
    PositionScore,
    TopicalArticle,
    format_position_report,
    load_topical,
    score_positions,
)
from onrecord.evaluate.topical import TopicalPosition
from onrecord.issues import load_issue
from onrecord.model import Actor, ActorType, Coarse, Issue, Position, StanceLabel

ISSUE = load_issue(REPO / "examples" / "issues" / "strikes-inside-russia.toml")
US = "Government of the United States"
FRANCE = "Government of France"
RUSSIA = "Government of Russia"


def gold(actor: str, stance: str, as_of: str | None = "2024-05-30") -> TopicalPosition:
    return TopicalPosition(actor, as_of, "evidence", None, stance=stance)


def predicted(
    actor: str, stance: str, coarse: Coarse, as_of: str | None = "2024-05-30"
) -> Position:
    return Position(
        issue=ISSUE.id,
        actor=Actor(actor, ActorType.GOVERNMENT),
        stance=stance,
        coarse=coarse,
        conditions=None,
        as_of=dt.date.fromisoformat(as_of) if as_of else None,
        evidence=[],
        confidence=1.0,
        method="test",
    )


def article(
    positions: list[TopicalPosition], article_id: str = "000", language: str = "en"
) -> TopicalArticle:
    return TopicalArticle(article_id, "", language, None, None, [], [], positions)


def score_one(
    gold_positions: list[TopicalPosition], found: list[Position], issue: Issue = ISSUE
) -> PositionScore:
    report = score_positions([article(gold_positions)], {"000": found}, issue)
    return report.by_language["en"]


def counts(score: PositionScore) -> tuple[tuple[int, int, int], tuple[int, int, int], int]:
    s, d = score.stance, score.dated
    return (s.correct, s.predicted, s.gold), (d.correct, d.predicted, d.gold), score.fine_correct


def test_an_exact_match_scores_one_and_names_fold() -> None:
    score = score_one(
        [gold(US, "forbids", "2024-05-29"), gold("Edgars Rinkēvičs", "supports_lifting")],
        [
            predicted("government of the United States", "forbids", Coarse.AGAINST, "2024-05-29"),
            predicted("Edgars Rinkevics", "supports_lifting", Coarse.FOR),
        ],
    )
    assert counts(score) == ((2, 2, 2), (2, 2, 2), 2)
    assert score.stance.f1 == 1.0 and score.dated.f1 == 1.0 and score.fine_accuracy == 1.0


def test_a_duplicate_of_a_matched_prediction_is_a_false_positive() -> None:
    same = predicted(US, "forbids", Coarse.AGAINST)
    score = score_one([gold(US, "forbids")], [same, same])
    assert counts(score) == ((1, 2, 1), (1, 2, 1), 1)
    assert score.stance.precision == 0.5 and score.stance.recall == 1.0


def test_gold_positions_sharing_a_key_pair_by_fine_label() -> None:
    # France both supports lifting and permits: both "for", so one key for two gold.
    both = [gold(FRANCE, "supports_lifting"), gold(FRANCE, "permits")]
    one = score_one(both, [predicted(FRANCE, "permits", Coarse.FOR)])
    # the prediction pairs with the gold "permits", not with the first gold of its key
    assert counts(one) == ((1, 1, 2), (1, 1, 2), 1)
    two = score_one(
        both,
        [
            predicted(FRANCE, "permits", Coarse.FOR),
            predicted(FRANCE, "supports_lifting", Coarse.FOR),
        ],
    )
    assert counts(two) == ((2, 2, 2), (2, 2, 2), 2)


def test_same_key_pairing_prefers_the_date_after_the_label() -> None:
    both = [gold(US, "forbids", "2024-05-29"), gold(US, "forbids", "2024-05-30")]
    score = score_one(both, [predicted(US, "forbids", Coarse.AGAINST, "2024-05-30")])
    assert counts(score) == ((1, 1, 2), (1, 1, 2), 1)


def test_an_as_of_mismatch_counts_only_in_the_dated_metric() -> None:
    score = score_one(
        [gold(US, "forbids", "2024-05-29"), gold(RUSSIA, "warns_against", None)],
        [
            predicted(US, "forbids", Coarse.AGAINST, "2024-05-30"),
            predicted(RUSSIA, "warns_against", Coarse.AGAINST, None),  # null matches null
        ],
    )
    assert counts(score) == ((2, 2, 2), (1, 2, 2), 2)
    assert score.stance.f1 == 1.0 and score.dated.f1 == 0.5


def test_fine_label_accuracy_is_over_pairs_matched_on_the_coarse_stance() -> None:
    score = score_one(
        [gold(RUSSIA, "warns_against"), gold(US, "permits_with_limits"), gold(FRANCE, "permits")],
        [
            predicted(RUSSIA, "opposes", Coarse.AGAINST),  # coarse right, fine wrong
            predicted(US, "permits_with_limits", Coarse.FOR_WITH_LIMITS),
            predicted(FRANCE, "permits_with_limits", Coarse.FOR_WITH_LIMITS),  # no match
        ],
    )
    assert counts(score) == ((2, 3, 3), (2, 3, 3), 1)
    assert score.fine_accuracy == 0.5


CUSTOM = Issue(
    id="bridge-tolls",
    title="Bridge tolls",
    statement="The city should charge tolls on the bridge",
    description="",
    stances=(
        StanceLabel("welcomes", "", Coarse.FOR),
        StanceLabel("welcomes_if_capped", "", Coarse.FOR_WITH_LIMITS),
        StanceLabel("condemns", "", Coarse.AGAINST),
    ),
    topics=(("toll",),),
)


def test_gold_coarse_comes_from_the_issues_own_labels() -> None:
    score = score_one(
        [gold("Mayor", "welcomes_if_capped"), gold("Council", "condemns")],
        [
            predicted("Mayor", "welcomes_if_capped", Coarse.FOR_WITH_LIMITS),
            predicted("Council", "welcomes", Coarse.FOR),  # "condemns" is against
        ],
        issue=CUSTOM,
    )
    assert counts(score) == ((1, 2, 2), (1, 2, 2), 1)


def test_a_gold_label_the_issue_lacks_is_an_error_naming_article_and_label() -> None:
    with pytest.raises(DataError, match=r"article 000: gold position 1 has stance 'permits'"):
        score_one([gold("Mayor", "welcomes"), gold("Mayor", "permits")], [], issue=CUSTOM)


def test_languages_are_reported_apart_with_a_micro_total() -> None:
    articles = [
        article([gold(US, "forbids")], "000", "en"),
        article([gold(RUSSIA, "warns_against")], "001", "en"),
        article([gold("Government of Germany", "permits_with_limits")], "018", "de"),
    ]
    found = {"000": [predicted(US, "forbids", Coarse.AGAINST)]}
    report = score_positions(articles, found, ISSUE, {"018": "language 'de' is not analysed"})
    assert list(report.by_language) == ["de", "en"]
    assert report.by_language["de"].stance.gold == 1 and report.by_language["en"].articles == 2
    total = report.total
    assert (total.articles, total.stance.correct, total.stance.gold) == (3, 1, 3)
    assert total.stance.precision == 1.0 and total.stance.recall == pytest.approx(1 / 3)
    table = format_position_report(report).splitlines()
    assert "fine acc" in table[1] and "F1+as_of" in table[1]
    assert [line.split()[0] for line in table[3:6]] == ["de", "en", "all"]
    assert table[5].split()[1:5] == ["3", "1.000", "0.333", "0.500"]
    assert table[6].startswith("skipped") and "018" in table[6]
    with pytest.raises(DataError, match="not in the topical set"):
        score_positions(articles, {"999": []}, ISSUE)


def test_gold_stance_and_conditions_are_loaded(tmp_path: Path) -> None:
    text = "Washington said the weapons may only be used in Ukraine."
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    record = {"id": "000", "language": "en", "published": "2024-05-29"}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "articles" / "000.txt").write_text(text, encoding="utf-8")
    position = {
        "actor": US,
        "stance": "forbids",
        "conditions": "only in Ukraine",
        "as_of": "2024-05-29",
        "evidence": text,
    }
    gold_json = {"attributions": [], "positions": [position]}
    (tmp_path / "gold" / "000.json").write_text(json.dumps(gold_json), encoding="utf-8")
    (loaded,) = load_topical(tmp_path)
    (gold_position,) = loaded.positions
    assert (gold_position.stance, gold_position.conditions) == ("forbids", "only in Ukraine")
    assert gold_position.evidence_range == (0, len(text))
